/**
 * @module services/ecr/housekeeping
 * The ECR room's controller: lifecycle policies applied a few seconds after each push and on a
 * timer, then garbage collection of blobs and abandoned uploads. Its keys are
 * `lifecycle:<repository ARN>` (the run a push asks for; a later push in a burst moves it back)
 * and `sweep` (every repository's policy, then a collection, every 10 minutes scaled). When each
 * key is due is read from the clock, so a manual clock drives it in tests; a failed run retries
 * with the controller's backoff.
 *
 * Collection is distribution's mark and sweep, adapted to pushes in progress:
 *   - marked: every image's manifest and everything its manifest references (config and layers,
 *     or an index's child manifests), in every repository;
 *   - a blob linked to a repository (uploaded or mounted) but referenced by no manifest is kept
 *     for a grace period (1 h, scaled, never under 15 real minutes) after it was linked: a push
 *     has its layers up before its manifest, and a HEAD of the blob during a push renews the
 *     link. After that the link goes;
 *   - a blob that is neither marked nor young-linked, whose file is older than the grace period
 *     and which no upload is committing right now, is deleted.
 * Everything after listing the files runs synchronously, so no request can link or reference a
 * blob between the decision and the unlink; a blob committed after the listing is not a candidate.
 * Uploads with no write for 24 h (scaled, never under 1 real hour) are abandoned and removed.
 */
import { logger } from '../../core/log.ts';
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import type { EcrContext } from './context.ts';
import { applyLifecyclePolicies } from './lifecycle.ts';

const log = logger('ecr.housekeeping');

export const COLLECT_EVERY_MS = 10 * 60 * 1000;
export const GRACE_MS = 60 * 60 * 1000;
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;
/**
 * Floors in real time under the scaled periods above: a push or a paused upload takes as long as
 * it takes whatever SLIPWAY_TIME_SCALE says, and must not lose its blobs to a fast clock.
 */
const GRACE_FLOOR_MS = 15 * 60 * 1000;
const ABANDONED_FLOOR_MS = 60 * 60 * 1000;
/** How long after a push its repository's lifecycle policy runs (pushes in a burst share one run). */
export const LIFECYCLE_AFTER_PUSH_MS = 5_000;

/** How long a linked blob no manifest references is kept, in real milliseconds. */
export function collectionGraceMs(ecr: EcrContext): number {
  return Math.max(GRACE_FLOOR_MS, ecr.clock.duration(GRACE_MS));
}

export interface CollectionReport {
  blobsDeleted: number;
  bytesFreed: number;
  linksRemoved: number;
  uploadsRemoved: number;
}

export const SWEEP_KEY = 'sweep';
const LIFECYCLE_PREFIX = 'lifecycle:';
export const lifecycleKey = (repositoryArn: string) => LIFECYCLE_PREFIX + repositoryArn;

export interface Housekeeping {
  /** One run of a key, as the controller makes it (tests call it directly under a manual clock). */
  reconcile(key: string): Promise<ReconcileResult>;
  /** Follows pushes and schedules the first sweep. */
  start(): void;
  stop(): Promise<void>;
}

export function housekeeping(ecr: EcrContext): Housekeeping {
  /** When each key is next due, in clock time. */
  const due = new Map<string, number>();
  const sweepEvery = () => Math.max(1_000, ecr.clock.duration(COLLECT_EVERY_MS));

  const reconcile = async (key: string): Promise<ReconcileResult> => {
    const now = ecr.clock.now();
    const at = due.get(key);
    if (at !== undefined && now < at) return { requeueAfterMs: at - now };
    if (key === SWEEP_KEY) {
      await sweep(ecr);
      due.set(key, ecr.clock.now() + sweepEvery());
      return { requeueAfterMs: sweepEvery() };
    }
    if (!key.startsWith(LIFECYCLE_PREFIX)) return {};
    due.delete(key);
    await applyLifecyclePolicies(ecr, key.slice(LIFECYCLE_PREFIX.length));
    return {};
  };
  const controller = new Controller({ name: 'ecr.housekeeping', reconcile });
  let unsubscribe: (() => void) | undefined;

  return {
    reconcile,
    start() {
      unsubscribe = ecr.events.subscribe((event) => {
        if (event.type !== 'ecr.push') return;
        const key = lifecycleKey(event.resource);
        const after = ecr.clock.duration(LIFECYCLE_AFTER_PUSH_MS);
        due.set(key, ecr.clock.now() + after);
        controller.enqueue(key, after);
      });
      due.set(SWEEP_KEY, ecr.clock.now() + sweepEvery());
      controller.start();
      controller.enqueue(SWEEP_KEY, sweepEvery());
    },
    async stop() {
      unsubscribe?.();
      await controller.stop();
    },
  };
}

/** Every repository's lifecycle policy, then a collection; a failed collection is retried. */
async function sweep(ecr: EcrContext): Promise<void> {
  try {
    await applyLifecyclePolicies(ecr);
  } catch (err) {
    log.error('lifecycle policies failed', err);
  }
  const report = await collectGarbage(ecr);
  if (report.blobsDeleted || report.uploadsRemoved || report.linksRemoved) log.info('collected', report);
}

/** One collection. `graceMs` and `abandonedMs` are real milliseconds (already scaled). */
export async function collectGarbage(ecr: EcrContext, opts: { graceMs?: number; abandonedMs?: number } = {}): Promise<CollectionReport> {
  const graceMs = opts.graceMs ?? collectionGraceMs(ecr);
  const abandonedMs = opts.abandonedMs ?? Math.max(ABANDONED_FLOOR_MS, ecr.clock.duration(ABANDONED_UPLOAD_MS));
  const report: CollectionReport = { blobsDeleted: 0, bytesFreed: 0, linksRemoved: 0, uploadsRemoved: 0 };
  report.uploadsRemoved = await removeAbandonedUploads(ecr, abandonedMs);

  const onDisk = await ecr.blobs.list();
  // From here on, synchronous: see the module comment.
  const now = ecr.clock.now();
  const marked = new Set<string>();
  for (const image of ecr.model.images.find()) {
    marked.add(image.digest);
    for (const digest of image.references) marked.add(digest);
  }
  const youngLinks = new Set<string>();
  ecr.model.tx(() => {
    for (const link of ecr.model.layers.find()) {
      if (marked.has(link.digest)) continue;
      if (now - link.at < graceMs) youngLinks.add(link.digest);
      else if (ecr.model.layers.delete(`${link.repositoryArn}@${link.digest}`)) report.linksRemoved++;
    }
  });
  for (const digest of onDisk) {
    if (marked.has(digest) || youngLinks.has(digest) || ecr.blobs.isCommitting(digest)) continue;
    const stat = ecr.blobs.stat(digest);
    if (!stat || now - stat.modifiedAt < graceMs) continue;
    if (ecr.blobs.delete(digest)) {
      report.blobsDeleted++;
      report.bytesFreed += stat.size;
    }
  }
  return report;
}

/** Uploads (rows and files) with no write for `abandonedMs`; returns how many were removed. */
async function removeAbandonedUploads(ecr: EcrContext, abandonedMs: number): Promise<number> {
  const now = ecr.clock.now();
  // A row's start stands in for a file that is missing; a file's modification time wins over it.
  const lastWrites = new Map<string, number>([
    ...ecr.model.uploads.find().map((r): [string, number] => [r.id, r.startedAt]),
    ...(await ecr.blobs.listUploads()).map((f): [string, number] => [f.id, f.modifiedAt]),
  ]);
  let removed = 0;
  for (const [id, lastWrite] of lastWrites) {
    if (now - lastWrite < abandonedMs) continue;
    await ecr.blobs.cancelUpload(id);
    ecr.model.uploads.delete(id);
    removed++;
  }
  return removed;
}
