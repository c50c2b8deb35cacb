/**
 * @module services/elb/sync
 * The controller that keeps the data plane equal to the store, on core's reconcile controller with
 * two keys. Any change (an API call, a health transition, a registration from ECS) enqueues
 * `dataplane`: a run removes targets whose draining is over, computes the whole desired state and
 * hands it to the DataPlane; changes made during a run coalesce into one more. It never branches on
 * what woke it; it asks to run again at the next drain deadline, soon while a draining target has
 * requests in flight, and after a few seconds while a listener cannot bind or a certificate cannot
 * be had. `watch` looks at the data plane's process every few seconds: if it died (killed, out of
 * memory), `dataplane` runs and starts it again.
 *
 * Draining ends when the deregistration delay is over or, as on ALB, as soon as the data plane has
 * no request of the target's in flight. When the data plane refuses the configuration, each load
 * balancer's part is checked alone: one that is refused keeps its last accepted listeners (none if it
 * never had any) and is marked active_impaired (or failed) with the data plane's reason, while the
 * others go on changing.
 *
 * Each run notes the version of the room's pending changes (pending.ts) before it reads the store,
 * and, once the data plane has accepted what it computed, marks them taken: other rooms report
 * traffic moved, or a target gone, only then.
 */
import { readFileSync } from 'node:fs';
import type { Clock } from '../../core/clock.ts';
import { writeAtomic } from '../../core/files.ts';
import { shortName } from '../../core/ids.ts';
import { logger } from '../../core/log.ts';
import { Controller, type ReconcileResult } from '../../core/reconcile.ts';
import type { Leaf, LocalCertificates } from './certificates.ts';
import {
  DataPlaneRefused,
  type ApplyResult,
  type BackendSpec,
  type DataPlane,
  type DataPlaneConfig,
  type FrontendSpec,
  type ServerState,
  type Sessions,
} from './dataplane.ts';
import { desiredConfig, httpsLoadBalancers, serverKey } from './desired.ts';
import { targetKey, type ElbModel, type TargetRecord } from './model.ts';
import type { PendingChanges } from './pending.ts';
import { drainedAt } from './targets.ts';
import type { LoadBalancerState } from './shapes.ts';

const log = logger('elb.sync');
const SYNC = 'dataplane';
const WATCH = 'watch';
/** How often the watchdog looks at the data plane's process, ms. */
const WATCH_MS = 2_000;
/** How soon a draining target is looked at again while it has requests in flight (or they cannot be seen), ms. */
const DRAIN_POLL_MS = 200;
/** How soon a listener that cannot bind, or a certificate that cannot be had, is tried again, ms. */
const RETRY_MS = 5_000;

export interface SyncDeps {
  model: ElbModel;
  clock: Clock;
  dataPlane: DataPlane;
  certificates: LocalCertificates;
  /** Changes other rooms wait on until the data plane has taken them. */
  pending: PendingChanges;
  /** Targets whose draining ended and were removed. */
  onRemoved(targets: TargetRecord[]): void;
  /** Target groups whose targets' pending changes the data plane has just taken. */
  onTaken(targetGroupArns: Set<string>): void;
  /** Where the listeners each load balancer last had accepted are kept, so that a restarted Slipway still has them. */
  acceptedFile: string;
}

export class DataPlaneSync {
  private readonly controller: Controller;
  private stopping = false;
  private syncing = false;
  private readonly reported = new Set<string>();
  /** What the data plane last applied. */
  private applied?: DataPlaneConfig;
  /** The listeners of each load balancer the data plane last accepted, by its ARN. */
  private accepted = new Map<string, FrontendSpec[]>();
  /** Load balancers whose configuration the data plane refuses, with its reason. */
  readonly refused = new Map<string, string>();
  /** The listeners (as JSON) of each load balancer the data plane refused, with its reason. */
  private refusedAs = new Map<string, { listeners: string; reason: string }>();

  constructor(private readonly deps: SyncDeps) {
    try {
      this.accepted = new Map(Object.entries(JSON.parse(readFileSync(deps.acceptedFile, 'utf8')) as Record<string, FrontendSpec[]>));
    } catch {
      // none yet (or unreadable): nothing accepted to fall back on
    }
    this.controller = new Controller({
      name: 'elb.sync',
      concurrency: 2,
      reconcile: (key) => (key === WATCH ? this.watch() : this.sync()),
    });
  }

  /** Starts the watchdog and brings the data plane up to date. */
  start(): Promise<void> {
    this.controller.enqueue(WATCH, WATCH_MS);
    return this.request();
  }

  /** Asks for a run; resolves when the runs under way or asked for have finished. */
  request(): Promise<void> {
    this.controller.enqueue(SYNC);
    return this.controller.idle();
  }

  /** Finishes the run under way and any already asked for (so an accepted change reaches the data plane), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.controller.idle();
    await this.controller.stop();
  }

  private async watch(): Promise<ReconcileResult> {
    if (this.stopping) return {};
    if (!this.syncing && (await this.deps.dataPlane.died())) {
      log.warn(`the ${this.deps.dataPlane.name} data plane (pid ${this.deps.dataPlane.pid()}) is gone: starting it again`);
      this.controller.enqueue(SYNC);
    }
    return { requeueAfterMs: WATCH_MS };
  }

  private async sync(): Promise<ReconcileResult> {
    this.syncing = true;
    try {
      return await this.once();
    } finally {
      this.syncing = false;
    }
  }

  private async once(): Promise<ReconcileResult> {
    const { model, clock, dataPlane, pending } = this.deps;
    // Requests in flight are asked for only when a target the data plane drains may be done.
    const drainingServed = model.targets.find().some((t) => t.drainingSince !== undefined && this.servedAs(t) === 'drain');
    const drains = this.removeDrained(drainingServed ? await dataPlane.sessions() : undefined);
    // A removed target may still be served until the data plane takes its removal.
    for (const t of drains.removed) pending.stampTarget(t);
    const leaves = await this.leaves();
    const version = pending.current();
    const desired = desiredConfig(model, clock, leaves.found);
    let applying;
    try {
      applying = await this.apply(desired);
    } catch (err) {
      const given = pending.failed(version, err instanceof DataPlaneRefused ? err.reason : (err as Error).message);
      if (given.size) this.deps.onTaken(given);
      throw err;
    }
    const { config, result } = applying;
    this.applied = config;
    const taken = pending.taken(version, this.refused);
    this.remember(config);
    this.recordStates();
    for (const u of result.unbound) {
      const what = `${u.key}@${u.address}:${u.port}`;
      if (!this.reported.has(what)) log.error(`listener ${u.key} cannot listen on ${u.address}:${u.port}: ${u.error}`);
      this.reported.add(what);
    }
    if (drains.removed.length) this.deps.onRemoved(drains.removed);
    if (taken.size) this.deps.onTaken(taken);
    if (this.stopping) return {};
    const waits = [drains.nextMs, result.unbound.length || leaves.failed ? RETRY_MS : Infinity];
    const wait = Math.min(...waits);
    return wait < Infinity ? { requeueAfterMs: wait } : {};
  }

  /** Applies `desired`; when the data plane refuses it, each load balancer refused on its own keeps what it last accepted. */
  private async apply(desired: DataPlaneConfig): Promise<{ config: DataPlaneConfig; result: ApplyResult }> {
    const config = this.stillRefused(desired);
    try {
      return { config, result: await this.deps.dataPlane.apply(config) };
    } catch (err) {
      if (!(err instanceof DataPlaneRefused)) throw err;
      const isolated = await this.isolate(desired, err);
      return { config: isolated, result: await this.deps.dataPlane.apply(isolated) };
    }
  }

  /**
   * Removes targets whose draining is over: the delay ran out, or the data plane, which already
   * drains them (nothing new arrives), has no request of theirs in flight. Answers when to look again.
   */
  private removeDrained(sessions: Sessions | undefined): { removed: TargetRecord[]; nextMs: number } {
    const { model, clock } = this.deps;
    const now = clock.now();
    let nextMs = Infinity;
    const removed = model.tx(() => {
      const gone: TargetRecord[] = [];
      const groups = new Map(model.targetGroups.find().map((r) => [r.tg.TargetGroupArn, r]));
      for (const t of model.targets.find()) {
        const tg = groups.get(t.targetGroupArn);
        const at = tg ? drainedAt(t, tg, clock) : now;
        if (at === undefined) continue;
        const served = this.servedAs(t);
        const inFlight = served === 'drain' ? sessions?.get(`${shortName(t.targetGroupArn)}/${serverKey(t)}`) : undefined;
        if (at <= now || inFlight === 0) {
          model.targets.delete(targetKey(t.targetGroupArn, t.id, t.port));
          gone.push(t);
        } else nextMs = Math.min(nextMs, at - now, served ? DRAIN_POLL_MS : Infinity);
      }
      return gone;
    });
    return { removed, nextMs };
  }

  /** The state the data plane last had a target in (undefined: not served); only a draining one has its requests counted. */
  private servedAs(t: TargetRecord): ServerState | undefined {
    const backend = this.applied?.backends.find((b) => b.key === shortName(t.targetGroupArn));
    return backend?.servers.find((s) => s.key === serverKey(t))?.state;
  }

  /**
   * The configuration with the part of each load balancer the data plane refuses on its own
   * replaced by the listeners it last accepted (and the target groups they forward to).
   */
  private async isolate(desired: DataPlaneConfig, refusal: DataPlaneRefused): Promise<DataPlaneConfig> {
    const refused = new Map<string, { listeners: string; reason: string }>();
    for (const lb of new Set(desired.frontends.map((f) => f.loadBalancer))) {
      const own = desired.frontends.filter((f) => f.loadBalancer === lb);
      try {
        await this.deps.dataPlane.check({ frontends: own, backends: desired.backends });
      } catch (err) {
        if (!(err instanceof DataPlaneRefused)) throw err;
        refused.set(lb, { listeners: JSON.stringify(own), reason: err.reason });
        if (!this.reported.has(`${lb} ${err.reason}`))
          log.error(`the data plane refuses load balancer ${lb}; it keeps its last accepted listeners: ${err.reason}`);
        this.reported.add(`${lb} ${err.reason}`);
      }
    }
    if (refused.size === 0) throw refusal; // not one load balancer's doing: retried with backoff
    this.refusedAs = refused;
    return this.stillRefused(desired);
  }

  /**
   * `desired` with the listeners of each load balancer that were refused, and are still the same,
   * replaced by what it last had accepted (so that a refusal is not checked again on every change).
   */
  private stillRefused(desired: DataPlaneConfig): DataPlaneConfig {
    this.refused.clear();
    for (const [lb, r] of this.refusedAs) {
      if (JSON.stringify(desired.frontends.filter((f) => f.loadBalancer === lb)) === r.listeners) this.refused.set(lb, r.reason);
      else this.refusedAs.delete(lb);
    }
    if (this.refused.size === 0) return desired;
    const kept = [...this.refused.keys()].flatMap((lb) => this.accepted.get(lb) ?? []);
    const backends = new Map<string, BackendSpec>(desired.backends.map((b) => [b.key, b]));
    for (const b of this.applied?.backends ?? []) if (!backends.has(b.key)) backends.set(b.key, b);
    return {
      frontends: [...desired.frontends.filter((f) => !this.refused.has(f.loadBalancer)), ...kept],
      backends: [...backends.values()],
    };
  }

  /** What each load balancer has accepted now: what was applied, or, for a refused one, what it had. */
  private remember(config: DataPlaneConfig): void {
    const next = new Map<string, FrontendSpec[]>();
    for (const f of config.frontends)
      if (!this.refused.has(f.loadBalancer)) next.set(f.loadBalancer, [...(next.get(f.loadBalancer) ?? []), f]);
    for (const lb of this.refused.keys()) {
      const kept = this.accepted.get(lb);
      if (kept) next.set(lb, kept);
    }
    const text = JSON.stringify(Object.fromEntries(next));
    if (text !== JSON.stringify(Object.fromEntries(this.accepted))) writeAtomic(this.deps.acceptedFile, text);
    this.accepted = next;
  }

  /** Each load balancer's State: active, or impaired (failed, with nothing accepted) with the data plane's reason. */
  private recordStates(): void {
    const { model } = this.deps;
    for (const r of model.loadBalancers.find()) {
      const arn = r.lb.LoadBalancerArn;
      const reason = this.refused.get(arn);
      const state: LoadBalancerState = !reason
        ? { Code: 'active' }
        : this.accepted.has(arn)
          ? {
              Code: 'active_impaired',
              Reason: `The data plane refused this load balancer's configuration and serves the last one it accepted: ${reason}`.slice(
                0,
                1024,
              ),
            }
          : { Code: 'failed', Reason: `The data plane refused this load balancer's configuration: ${reason}`.slice(0, 1024) };
      if (JSON.stringify(state) !== JSON.stringify(r.lb.State)) model.setLoadBalancerState(arn, state);
    }
  }

  /** The certificate of each load balancer with an HTTPS listener, by its ARN; those that fail are reported once. */
  private async leaves(): Promise<{ found: Map<string, Leaf>; failed: boolean }> {
    const found = new Map<string, Leaf>();
    let failed = false;
    const lbs = httpsLoadBalancers(this.deps.model);
    for (const lb of lbs) {
      const key = shortName(lb.lb.LoadBalancerArn);
      try {
        found.set(lb.lb.LoadBalancerArn, await this.deps.certificates.leaf({ key, dnsName: lb.lb.DNSName, address: lb.address }));
      } catch (err) {
        const what = `certificate ${key}: ${(err as Error).message}`;
        if (!this.reported.has(what))
          log.error(`the HTTPS listeners of load balancer ${lb.lb.LoadBalancerName} cannot serve: ${(err as Error).message}`);
        this.reported.add(what);
        failed = true;
      }
    }
    this.deps.certificates.prune(new Set(lbs.map((lb) => shortName(lb.lb.LoadBalancerArn))));
    return { found, failed };
  }
}
