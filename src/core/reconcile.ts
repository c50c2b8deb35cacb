/**
 * @module core/reconcile
 * The work queue behind every controller, after Kubernetes' controllers: a request carries only a
 * key; the same key queued twice runs once; a run may ask to be requeued after a delay; a thrown
 * error retries with backoff; a TerminalError is logged and not retried. Keys are processed one at
 * a time per key, several keys concurrently.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { backoffMs } from './backoff.ts';
import { TerminalError } from './errors.ts';
import { logger } from './log.ts';

export interface ReconcileResult {
  /** Real ms after which to run this key again (scale AWS intervals with clock.duration first). */
  requeueAfterMs?: number;
}

export type Reconciler = (key: string) => Promise<ReconcileResult | void>;

export interface ControllerOptions {
  name: string;
  reconcile: Reconciler;
  /** Keys handled at the same time. */
  concurrency?: number;
  /** Real ms between full resyncs (listKeys), a safety net for missed events. */
  resyncMs?: number;
  listKeys?: () => string[];
}

export class Controller {
  private readonly queued = new Set<string>();
  private readonly order: string[] = [];
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly failures = new Map<string, number>();
  private readonly log;
  private active = 0;
  private stopped = false;
  private resyncTimer?: NodeJS.Timeout;
  private idleWaiters: (() => void)[] = [];

  /** Runs a reconcile in the context the controller was made in, not that of whoever woke it (a pipeline action acting with its role). */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(private readonly opts: ControllerOptions) {
    this.log = logger(opts.name);
  }

  start(): void {
    this.stopped = false;
    if (this.opts.listKeys) {
      for (const key of this.opts.listKeys()) this.enqueue(key);
      if (this.opts.resyncMs) {
        this.resyncTimer = setInterval(() => {
          for (const key of this.opts.listKeys!()) this.enqueue(key);
        }, this.opts.resyncMs);
        this.resyncTimer.unref();
      }
    }
  }

  /** Takes no new work and resolves once the runs under way have finished (or after `graceMs`). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    clearInterval(this.resyncTimer);
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.order.length = 0;
    this.queued.clear();
    if (this.active === 0) return;
    await Promise.race([this.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  /** Queue a key now, or after a real delay in ms (of two pending delayed requests, the one due first wins). */
  enqueue(key: string, afterRealMs = 0): void {
    if (this.stopped) return;
    if (afterRealMs > 0) {
      const at = Date.now() + afterRealMs;
      const pending = this.timers.get(key);
      if (pending && pending.at <= at) return;
      if (pending) clearTimeout(pending.timer);
      const timer = setTimeout(() => {
        this.timers.delete(key);
        this.enqueue(key);
      }, afterRealMs);
      timer.unref();
      this.timers.set(key, { timer, at });
      return;
    }
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    this.pump();
  }

  /** Resolves when nothing is queued or running (for tests and shutdown). */
  idle(): Promise<void> {
    if (this.active === 0 && this.order.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    const limit = this.opts.concurrency ?? 4;
    while (!this.stopped && this.active < limit && this.order.length > 0) {
      const key = this.order.shift()!;
      this.queued.delete(key);
      this.running.add(key);
      this.active++;
      void this.detached(() => this.run(key)).finally(() => {
        this.active--;
        this.running.delete(key);
        if (this.dirty.delete(key)) this.enqueue(key);
        this.pump();
        if (this.active === 0 && this.order.length === 0) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
    }
  }

  private async run(key: string): Promise<void> {
    try {
      const result = await this.opts.reconcile(key);
      this.failures.delete(key);
      if (result?.requeueAfterMs !== undefined) {
        this.enqueue(key, Math.max(1, result.requeueAfterMs));
      }
    } catch (err) {
      if (err instanceof TerminalError) {
        this.log.error(`${key}: ${err.message} (not retried)`);
        this.failures.delete(key);
        return;
      }
      const attempt = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, attempt);
      const delay = backoffMs(attempt);
      this.log.warn(`${key}: reconcile failed (attempt ${attempt}, retry in ${delay} ms)`, err);
      this.enqueue(key, delay);
    }
  }
}
