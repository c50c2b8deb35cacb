/**
 * @module services/secrets/purge
 * The room's controller: a secret scheduled for deletion is removed, versions and all, once its
 * recovery window (scaled by the clock) has passed. Keyed by secret ARN; a run that finds the
 * window still open asks to run again when it closes, one that finds the secret restored or gone
 * is done. Until the purge runs, lookups already treat a secret past its window as gone.
 */
import type { Clock } from '../../core/clock.ts';
import { logger } from '../../core/log.ts';
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import type { SecretsModel } from './model.ts';

const log = logger('secrets.purge');
/** Runs again at least this often while a window is open: a timer cannot span a 30-day window. */
const RECHECK_MS = 6 * 60 * 60 * 1000;

export interface Purger {
  /** One run for one secret (tests call it directly under a manual clock). */
  reconcile(secretArn: string): Promise<ReconcileResult>;
  enqueue(secretArn: string): void;
  start(): void;
  stop(): Promise<void>;
}

export function purger(model: SecretsModel, clock: Clock): Purger {
  const reconcile = async (secretArn: string): Promise<ReconcileResult> => {
    const secret = model.secrets.get(secretArn);
    if (!secret?.deletion) return {};
    const left = secret.deletion.purgeAt - clock.now();
    if (left > 0) return { requeueAfterMs: Math.min(left, RECHECK_MS) };
    model.tx(() => model.deleteSecret(secretArn));
    log.info(`purged ${secretArn}: its recovery window ended`);
    return {};
  };
  const controller = new Controller({ name: 'secrets.purge', reconcile, listKeys: () => model.scheduledSecrets().map((s) => s.arn) });
  return {
    reconcile,
    enqueue: (secretArn) => controller.enqueue(secretArn),
    start: () => controller.start(),
    stop: () => controller.stop(),
  };
}
