/**
 * @module services/ecs/task-controller
 * Makes the engine match each task's intent. One run reads the task and what the engine has for it
 * (found by deterministic names, so a restarted Slipway adopts instead of duplicating), then takes
 * the next safe steps: hold the awsvpc network namespace, pull, start containers in dependency
 * order, report status; or stop containers in reverse order and finish the task.
 */
import { logger } from '../../core/log.ts';
import { ConflictError, NotFoundError, PullError } from '../../runtime/errors.ts';
import type { ContainerState } from '../../runtime/types.ts';
import { containerSpec, engineName, pauseName, startOrder, stopTimeoutSec, taskLabels } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import { drainTaskTargets, registerTaskTargets } from './load-balancing.ts';
import { saveTaskLogs } from './logs.ts';
import type { StoredContainer, TaskRecord } from './model.ts';
import { requestStop } from './tasks.ts';
import { authorizePull } from './execution-role.ts';
import { containerEnvironment, EnvironmentError } from './task-environment.ts';
import { awslogsStream, followAdopted, prepareAwsLogs } from './task-logs.ts';
import { observedStatus, type Observed } from './task-status.ts';

const log = logger('ecs.tasks');
/** How long stopped tasks stay visible, as in ECS. */
export const STOPPED_RETENTION_MS = 60 * 60 * 1000;
/** How long a container may wait on its dependencies (ECS_CONTAINER_START_TIMEOUT). */
const DEFAULT_START_TIMEOUT_MS = 3 * 60 * 1000;
const POLL_MS = 500;

export function reconcileTask(ecs: EcsContext) {
  // Engine stops wait out each container's stopTimeout; they run beside the queue, not in it, so
  // one slow stop never holds up other tasks. Lost on restart, where the next run simply asks again.
  const stopsInFlight = new Set<string>();
  return async (taskArn: string): Promise<{ requeueAfterMs?: number } | void> => {
    const record = ecs.model.tasks.get(taskArn);
    if (!record) return;
    if (record.task.lastStatus === 'STOPPED') return retire(ecs, record);
    const observed = await observe(ecs, record);
    if (record.task.desiredStatus === 'STOPPED') return stop(ecs, record, observed, stopsInFlight);
    return advance(ecs, record, observed);
  };
}

async function inspectOrNothing(ecs: EcsContext, idOrName: string): Promise<ContainerState | undefined> {
  try {
    return await ecs.runtime.inspect(idOrName);
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

async function observe(ecs: EcsContext, record: TaskRecord): Promise<Observed> {
  const containers = new Map<string, ContainerState | undefined>();
  for (const def of record.containers) {
    containers.set(def.name, await inspectOrNothing(ecs, record.runtimeIds[def.name] ?? engineName(record, def.name)));
  }
  const pause = record.networkMode === 'awsvpc' ? await inspectOrNothing(ecs, record.pauseId ?? pauseName(record)) : undefined;
  return { containers, pause };
}

function fail(ecs: EcsContext, record: TaskRecord, reason: string, container?: string): void {
  ecs.model.updateTask(record.task.taskArn, (r) => {
    const c = r.task.containers?.find((x) => x.name === container);
    if (c) c.reason = reason;
  });
  requestStop(ecs, record.task.taskArn, 'TaskFailedToStart', reason);
}

async function advance(ecs: EcsContext, record: TaskRecord, observed: Observed): Promise<{ requeueAfterMs?: number } | void> {
  const taskArn = record.task.taskArn;
  if (record.networkMode === 'awsvpc' && !observed.pause?.running) {
    if (record.task.lastStatus !== 'PROVISIONING' && record.pauseId) {
      requestStop(ecs, taskArn, 'TaskFailedToStart', 'ResourceInitializationError: the task network namespace holder exited');
      return;
    }
    observed.pause = await ensurePause(ecs, record);
  }
  if (record.task.lastStatus === 'PROVISIONING') {
    record = setStatus(ecs, record, observed, 'PENDING');
  }
  let waiting = false;
  for (const def of startOrder(record.containers)) {
    const state = observed.containers.get(def.name);
    if (state?.startedAt || state?.running) continue;
    const blocker = dependencyBlocker(def, observed);
    if (blocker === 'failed') return;
    if (blocker) {
      if (ecs.clock.elapsed(record.task.createdAt, (def.startTimeout ?? DEFAULT_START_TIMEOUT_MS / 1000) * 1000)) {
        fail(ecs, record, `CannotStartContainerError: container '${def.name}' timed out waiting for ${blocker}`, def.name);
        return;
      }
      waiting = true;
      continue;
    }
    const started = await startContainer(ecs, record, def, observed);
    if (!started) return;
    observed.containers.set(def.name, started);
    record = ecs.model.tasks.get(taskArn) ?? record;
  }
  for (const def of record.containers) {
    const id = record.runtimeIds[def.name];
    if (id) observed.containers.set(def.name, await inspectOrNothing(ecs, id));
  }
  followAdopted(ecs, record, observed.containers);
  const status = observedStatus(record, observed);
  record = setStatus(ecs, record, observed, status.allStarted && !waiting ? 'RUNNING' : record.task.lastStatus);
  if (status.exitedEssential) {
    requestStop(ecs, taskArn, 'EssentialContainerExited', 'Essential container in task exited');
    return;
  }
  if (record.task.lastStatus !== 'RUNNING') return { requeueAfterMs: POLL_MS };
  registerTaskTargets(ecs, record);
  // Health checks report through engine events; a slow resync is the safety net.
  return { requeueAfterMs: 10_000 };

  function dependencyBlocker(def: StoredContainer, o: Observed): string | 'failed' | undefined {
    for (const dep of def.dependsOn ?? []) {
      const s = o.containers.get(dep.containerName);
      const exited = s !== undefined && !s.running && !!s.finishedAt && !!s.startedAt;
      switch (dep.condition) {
        case 'START':
          if (!s?.startedAt && !s?.running) return `container '${dep.containerName}' to start`;
          break;
        case 'COMPLETE':
          if (!exited) return `container '${dep.containerName}' to complete`;
          break;
        case 'SUCCESS':
          if (!exited) return `container '${dep.containerName}' to succeed`;
          if (s.exitCode !== 0) {
            fail(
              ecs,
              record,
              `CannotStartContainerError: dependency '${dep.containerName}' of container '${def.name}' exited with code ${s.exitCode} (condition SUCCESS)`,
              def.name,
            );
            return 'failed';
          }
          break;
        case 'HEALTHY':
          if (s?.health === 'unhealthy' || exited) {
            fail(
              ecs,
              record,
              `CannotStartContainerError: dependency '${dep.containerName}' of container '${def.name}' is not healthy (condition HEALTHY)`,
              def.name,
            );
            return 'failed';
          }
          if (s?.health !== 'healthy') return `container '${dep.containerName}' to be healthy`;
          break;
      }
    }
    for (const link of def.links ?? []) {
      const name = link.split(':')[0];
      if (!o.containers.get(name)?.running) return `linked container '${name}' to run`;
    }
    return undefined;
  }
}

async function ensurePause(ecs: EcsContext, record: TaskRecord): Promise<ContainerState> {
  const image = await ecs.runtime.ensurePauseImage();
  let id = record.pauseId;
  if (!id) {
    try {
      id = await ecs.runtime.create({
        name: pauseName(record),
        image,
        labels: { ...taskLabels(record, '~netns') },
        network: { mode: 'bridge' },
        stopTimeoutSec: 1,
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      id = (await ecs.runtime.inspect(pauseName(record))).id;
    }
    ecs.model.updateTask(record.task.taskArn, (r) => (r.pauseId = id));
    record.pauseId = id;
  }
  await ecs.runtime.start(id);
  return ecs.runtime.inspect(id);
}

async function startContainer(
  ecs: EcsContext,
  record: TaskRecord,
  def: StoredContainer,
  observed: Observed,
): Promise<ContainerState | undefined> {
  const taskArn = record.task.taskArn;
  let id: string | undefined = record.runtimeIds[def.name];
  const image = ecs.ecr.engineImageName(def.image);
  if (!id || !observed.containers.get(def.name)) {
    let env: Record<string, string>;
    try {
      env = await containerEnvironment(ecs, record, def);
    } catch (err) {
      if (!(err instanceof EnvironmentError)) throw err;
      fail(ecs, record, err.message, def.name);
      return undefined;
    }
    if (!record.task.pullStartedAt) ecs.model.updateTask(taskArn, (r) => (r.task.pullStartedAt ??= ecs.clock.now()));
    try {
      authorizePull(ecs, record, def.image);
      await ecs.runtime.ensureImage(image, { auth: ecs.ecr.pullCredentials(image) });
    } catch (err) {
      if (err instanceof PullError || err instanceof EnvironmentError) {
        fail(ecs, record, err instanceof PullError ? `CannotPullContainerError: ${err.message}` : err.message, def.name);
        return undefined;
      }
      throw err;
    }
    try {
      id = await ecs.runtime.create(containerSpec(record, { ...def, image }, ecs.clock, env, observed.pause?.id));
    } catch (err) {
      if (!(err instanceof ConflictError)) {
        fail(ecs, record, `CannotCreateContainerError: ${(err as Error).message}`, def.name);
        return undefined;
      }
      id = (await ecs.runtime.inspect(engineName(record, def.name))).id;
    }
    const created = id;
    ecs.model.updateTask(taskArn, (r) => {
      r.runtimeIds[def.name] = created;
      r.task.pullStoppedAt ??= ecs.clock.now();
    });
    record.runtimeIds[def.name] = created;
  }
  const awslogs = awslogsStream(record, def, id);
  const loggerFailure = awslogs && prepareAwsLogs(ecs.logs, def, awslogs);
  if (loggerFailure) {
    fail(ecs, record, loggerFailure, def.name);
    return undefined;
  }
  try {
    await ecs.runtime.start(id);
  } catch (err) {
    fail(ecs, record, `CannotStartContainerError: ${(err as Error).message}`, def.name);
    return undefined;
  }
  if (awslogs) ecs.awslogs.follow(id, awslogs);
  log.debug(`started ${def.name} of ${taskArn}`);
  return ecs.runtime.inspect(id);
}

/** Stops containers dependents-first (as the ECS agent does), then finishes the task. */
async function stop(
  ecs: EcsContext,
  record: TaskRecord,
  observed: Observed,
  inFlight: Set<string>,
): Promise<{ requeueAfterMs?: number } | void> {
  const taskArn = record.task.taskArn;
  if (!['DEACTIVATING', 'STOPPING', 'DEPROVISIONING'].includes(record.task.lastStatus)) {
    record = setStatus(ecs, record, observed, 'DEACTIVATING');
  }
  if (record.task.lastStatus === 'DEACTIVATING') {
    // Load balancer targets are deregistered first and drained before any container is stopped.
    const anyRunning = record.containers.some((def) => observed.containers.get(def.name)?.running);
    if (drainTaskTargets(ecs, record, anyRunning)) return { requeueAfterMs: POLL_MS / 2 };
    record = setStatus(ecs, record, observed, 'STOPPING');
  }
  const running = record.containers.flatMap((def) => {
    const state = observed.containers.get(def.name);
    return state?.running ? [{ def, id: state.id }] : [];
  });
  for (const { def, id } of running) {
    const dependentRunning = running.some((other) => other.def !== def && dependsOnContainer(other.def, def.name));
    if (dependentRunning || inFlight.has(id)) continue;
    inFlight.add(id);
    ecs.runtime
      .stop(id, stopTimeoutSec(def, ecs.clock))
      .catch((err) => log.warn(`stopping ${def.name} of ${taskArn} failed: ${(err as Error).message}`))
      .finally(() => {
        inFlight.delete(id);
        ecs.enqueueTask(taskArn);
      });
  }
  if (running.length) return { requeueAfterMs: 2_000 };
  record = setStatus(ecs, record, observed, 'DEPROVISIONING');
  // The pause process ignores SIGTERM by design; nothing in it needs a graceful stop.
  if (observed.pause) await ecs.runtime.stop(observed.pause.id, 0);
  const now = ecs.clock.now();
  ecs.model.updateTask(taskArn, (r) => {
    r.task.lastStatus = 'STOPPED';
    r.task.stoppedAt = now;
    r.task.executionStoppedAt = now;
    r.task.stoppingAt ??= now;
    for (const c of r.task.containers ?? []) c.lastStatus = 'STOPPED';
  });
  ecs.credentials.revoke(taskArn);
  publish(ecs, record, 'STOPPED');
  ecs.enqueueTask(taskArn);
}

function dependsOnContainer(def: StoredContainer, name: string): boolean {
  return (def.dependsOn ?? []).some((d) => d.containerName === name) || (def.links ?? []).some((l) => l.split(':')[0] === name);
}

/** Stopped tasks stay visible for an hour; then their logs are saved, containers removed, record dropped. */
async function retire(ecs: EcsContext, record: TaskRecord): Promise<{ requeueAfterMs?: number } | void> {
  // A task is retired only once STOPPED, which sets stoppedAt; one without is due at once.
  const due = (record.task.stoppedAt ?? 0) + ecs.clock.duration(STOPPED_RETENTION_MS) - ecs.clock.now();
  if (due > 0) return { requeueAfterMs: Math.min(due, 60_000) };
  await saveTaskLogs(ecs, record);
  for (const id of Object.values(record.runtimeIds)) ecs.awslogs.forget(id);
  for (const id of [...Object.values(record.runtimeIds), ...(record.pauseId ? [record.pauseId] : [])]) await ecs.runtime.remove(id);
  ecs.model.tasks.delete(record.task.taskArn);
}

/** Writes the observed container states and the task's lastStatus; announces changes. */
function setStatus(ecs: EcsContext, record: TaskRecord, observed: Observed, lastStatus: string): TaskRecord {
  const before = `${record.task.lastStatus}/${record.task.healthStatus}`;
  const updated = ecs.model.updateTask(record.task.taskArn, (r) => {
    observedStatus(r, observed).apply(r, ecs.clock.now());
    r.task.lastStatus = lastStatus;
    if (lastStatus === 'RUNNING') r.task.startedAt ??= ecs.clock.now();
  });
  if (!updated) return record;
  if (`${updated.task.lastStatus}/${updated.task.healthStatus}` !== before) publish(ecs, updated, lastStatus);
  return updated;
}

function publish(ecs: EcsContext, record: TaskRecord, lastStatus: string): void {
  ecs.events.publish({
    type: 'ecs.task',
    resource: record.task.taskArn,
    at: ecs.clock.now(),
    detail: {
      lastStatus,
      desiredStatus: record.task.desiredStatus,
      healthStatus: record.task.healthStatus,
      stoppedReason: record.task.stoppedReason,
    },
  });
  if (record.serviceArn) ecs.enqueueService(record.serviceArn);
}
