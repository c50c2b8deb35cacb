/**
 * @module services/elb/sync
 * The loop that keeps the data plane equal to the store. Any change (an API call, a health
 * transition, a registration from ECS) calls `request()`; one run at a time removes targets whose
 * draining is over, computes the whole desired state and hands it to the DataPlane; requests that
 * arrive during a run coalesce into one more run. It wakes itself at the next drain deadline and
 * retries a failed run with backoff. It never branches on what woke it. A watchdog looks at the
 * data plane's process every few seconds: if it died (killed, out of memory), a run starts it again.
 * Load balancers with HTTPS listeners get their certificate first; one that cannot is logged, left
 * out and retried.
 */
import type { Clock } from '../../core/clock.ts';
import { shortName } from '../../core/ids.ts';
import { logger } from '../../core/log.ts';
import type { Leaf, LocalCertificates } from './certificates.ts';
import type { DataPlane } from './dataplane.ts';
import { desiredConfig, httpsLoadBalancers } from './desired.ts';
import { targetKey, type ElbModel, type TargetRecord } from './model.ts';
import { drainedAt } from './targets.ts';

const log = logger('elb.sync');
/** How often the watchdog looks at the data plane's process, ms. */
const WATCH_MS = 2_000;

export interface SyncDeps {
  model: ElbModel;
  clock: Clock;
  dataPlane: DataPlane;
  certificates: LocalCertificates;
  /** Targets whose deregistration delay ended and were removed. */
  onRemoved(targets: TargetRecord[]): void;
}

export class DataPlaneSync {
  private running?: Promise<void>;
  private dirty = false;
  private stopped = false;
  private stopping = false;
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private readonly reported = new Set<string>();

  private readonly watchdog: NodeJS.Timeout;

  constructor(private readonly deps: SyncDeps) {
    this.watchdog = setInterval(() => void this.watch(), WATCH_MS);
    this.watchdog.unref();
  }

  private async watch(): Promise<void> {
    if (this.running || this.stopping || !(await this.deps.dataPlane.died())) return;
    log.warn(`the ${this.deps.dataPlane.name} data plane (pid ${this.deps.dataPlane.pid()}) is gone: starting it again`);
    await this.request();
  }

  /** Ask for a run; resolves when a run that started after this call has finished. */
  request(): Promise<void> {
    this.dirty = true;
    if (!this.running && !this.stopped) this.running = this.loop().finally(() => (this.running = undefined));
    return this.running ?? Promise.resolve();
  }

  /** Finishes the run under way and any already asked for (so an accepted change reaches the data plane), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearInterval(this.watchdog);
    await this.running;
    this.stopped = true;
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        await this.once();
        this.failures = 0;
      } catch (err) {
        this.failures++;
        const delay = Math.min(30_000, 250 * 2 ** Math.min(this.failures, 7));
        log.warn(`applying the load balancers to the data plane failed (attempt ${this.failures}, retry in ${delay} ms): ${(err as Error).message}`);
        this.wake(delay);
      }
    }
  }

  private async once(): Promise<void> {
    const { model, clock, dataPlane } = this.deps;
    const now = clock.now();
    let next = Infinity;
    const removed = model.tx(() => {
      const gone: TargetRecord[] = [];
      const groups = new Map(model.targetGroups.find().map((r) => [r.tg.TargetGroupArn!, r]));
      for (const t of model.targets.find()) {
        const tg = groups.get(t.targetGroupArn);
        const at = tg ? drainedAt(t, tg, clock) : now;
        if (at === undefined) continue;
        if (at <= now) {
          model.targets.delete(targetKey(t.targetGroupArn, t.id, t.port));
          gone.push(t);
        } else next = Math.min(next, at);
      }
      return gone;
    });
    const result = await dataPlane.apply(desiredConfig(model, clock, await this.leaves()));
    for (const u of result.unbound) {
      const what = `${u.key}@${u.address}:${u.port}`;
      if (!this.reported.has(what)) log.error(`listener ${u.key} cannot listen on ${u.address}:${u.port}: ${u.error}`);
      this.reported.add(what);
    }
    if (result.unbound.length) this.wake(5_000);
    if (removed.length) this.deps.onRemoved(removed);
    if (next < Infinity) this.wake(next - clock.now());
  }

  /** The certificate of each load balancer with an HTTPS listener, by its ARN; those that fail are reported once. */
  private async leaves(): Promise<Map<string, Leaf>> {
    const out = new Map<string, Leaf>();
    const lbs = httpsLoadBalancers(this.deps.model);
    for (const lb of lbs) {
      const key = shortName(lb.lb.LoadBalancerArn!);
      try {
        out.set(lb.lb.LoadBalancerArn!, await this.deps.certificates.leaf({ key, dnsName: lb.lb.DNSName!, address: lb.address }));
      } catch (err) {
        const what = `certificate ${key}: ${(err as Error).message}`;
        if (!this.reported.has(what)) log.error(`the HTTPS listeners of load balancer ${lb.lb.LoadBalancerName} cannot serve: ${(err as Error).message}`);
        this.reported.add(what);
        this.wake(5_000);
      }
    }
    this.deps.certificates.prune(new Set(lbs.map((lb) => shortName(lb.lb.LoadBalancerArn!))));
    return out;
  }

  /** Runs again after `ms` (an earlier wake-up wins). */
  private wakeAt?: number;
  private wake(ms: number): void {
    if (this.stopped || this.stopping) return;
    const at = Date.now() + Math.max(1, ms);
    if (this.wakeAt !== undefined && this.wakeAt <= at && this.wakeAt > Date.now()) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.wakeAt = undefined;
      void this.request();
    }, Math.max(1, ms));
    this.timer.unref();
  }
}
