/**
 * @module services/codebuild/controller
 * The build controller, keyed by build ARN. Each run reads the build and decides: a build not yet
 * started gets a BuildRun in this process; a running one is stopped when StopBuild asked or its
 * timeout passed (and is looked at again at its deadline); a build IN_PROGRESS whose run belonged
 * to an earlier Slipway process was cut off by a restart, so its container is removed and it is
 * finished FAILED with that reason — never left IN_PROGRESS. Completed builds need nothing but the
 * sweep at start, which removes what a process that stopped between a build's outcome and its
 * cleanup left.
 */
import { logger } from '../../core/log.ts';
import { CONTAINER_LABEL, containerName, workDir, workRoot } from './build-container.ts';
import { BuildRun } from './build-run.ts';
import type { CodebuildContext } from './context.ts';
import { BuildLog } from './logs.ts';
import type { BuildRecord } from './model.ts';
import { beginPhase, complete, currentPhase, endPhase } from './phases.ts';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const log = logger('codebuild.builds');

export interface BuildController {
  reconcile(buildArn: string): Promise<{ requeueAfterMs?: number } | void>;
  /** Stops every build this process runs (Slipway is shutting down); resolves when they finished or after `graceMs`. */
  stopAll(reason: string, graceMs: number): Promise<void>;
}

export function buildController(cb: CodebuildContext): BuildController {
  const runs = new Map<string, { run: BuildRun; done: Promise<void> }>();

  async function reconcile(buildArn: string): Promise<{ requeueAfterMs?: number } | void> {
    const record = cb.model.builds.get(buildArn);
    if (!record || record.build.buildComplete) return;
    let entry = runs.get(buildArn);
    if (!entry) {
      if (record.runnerEpoch && record.runnerEpoch !== cb.epoch) return interrupted(cb, record);
      const run = new BuildRun(cb, buildArn, record.uuid);
      const done = run
        .run()
        .catch((err) => log.error(`build ${buildArn} ended badly`, err))
        .finally(() => runs.delete(buildArn));
      entry = { run, done };
      runs.set(buildArn, entry);
    }
    if (record.stopRequested) {
      entry.run.abort('STOPPED');
      return;
    }
    const deadline = record.build.startTime + cb.clock.duration((record.build.timeoutInMinutes ?? 60) * 60_000);
    const left = deadline - cb.clock.now();
    if (left <= 0) {
      entry.run.abort('TIMED_OUT');
      return;
    }
    return { requeueAfterMs: Math.min(left, 60_000) };
  }

  async function stopAll(reason: string, graceMs: number): Promise<void> {
    for (const entry of runs.values()) entry.run.abort('STOPPED', reason);
    const all = Promise.all([...runs.values()].map((e) => e.done));
    await Promise.race([all, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  return { reconcile, stopAll };
}

/** A build whose Slipway process went away mid-run: its container goes, and it ends FAILED, saying why. */
async function interrupted(cb: CodebuildContext, record: BuildRecord): Promise<void> {
  const buildArn = record.build.arn;
  const reason = `Slipway stopped while this build was in ${record.build.currentPhase}, so the build was cut off and its container removed. Run it again with RetryBuild.`;
  // A build cut off in a warm container: the pool removes that one with the rest it left, and
  // the build ends only once it is gone (removing it here too would return while it is going).
  await cb.pool.start();
  for (const c of await cb.runtime.list({ [CONTAINER_LABEL]: buildArn }).catch(() => [])) await cb.runtime.remove(c.id);
  await cb.runtime.remove(containerName(record.uuid)).catch(() => undefined);
  if (record.containerId) await cb.runtime.remove(record.containerId).catch(() => undefined);
  cb.network.dismiss(buildArn);
  await rm(workDir(cb.config.dataDir, record.uuid), { recursive: true, force: true }).catch(() => undefined);
  const blog = new BuildLog(cb, record.uuid, record.build);
  blog.container(reason);
  blog.container('Build FAILED');
  await blog.close();
  const updated = cb.model.updateBuild(buildArn, (r) => {
    const now = cb.clock.now();
    const context = { statusCode: 'BUILD_INTERRUPTED', message: reason };
    const open = !!currentPhase(r.build);
    if (open) endPhase(r.build, 'FAILED', now, context);
    beginPhase(r.build, 'FINALIZING', now);
    if (!open) endPhase(r.build, 'FAILED', now, context);
    complete(r.build, 'FAILED', now);
  });
  log.warn(`build ${buildArn}: ${reason}`);
  if (updated)
    cb.events.publish({ type: 'codebuild.build', resource: buildArn, at: cb.clock.now(), detail: { buildStatus: 'FAILED', reason } });
}

/**
 * What a process that stopped between a build's outcome and its cleanup left: the containers of
 * this store's finished builds (a warm container a build took is the pool's to clear), and work
 * directories of builds not under way. A build under way had its record before its directory, so
 * the directories are listed first.
 */
export async function sweepFinishedBuilds(cb: CodebuildContext): Promise<void> {
  const root = workRoot(cb.config.dataDir);
  const dirs = await readdir(root).catch(() => [] as string[]);
  for (const c of await cb.runtime.list({ [CONTAINER_LABEL]: '' })) {
    if (cb.model.builds.get(c.labels[CONTAINER_LABEL])?.build.buildComplete) await cb.runtime.remove(c.id);
  }
  const underWay = new Set(cb.model.builds.find({ status: 'IN_PROGRESS' }).map((r) => r.uuid));
  for (const uuid of dirs) if (!underWay.has(uuid)) await rm(join(root, uuid), { recursive: true, force: true });
}
