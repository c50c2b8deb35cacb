/**
 * @module services/elb/pending
 * Which changes the data plane has not taken yet. A change another room waits on (a listener's or
 * rule's weights, a target becoming healthy or removed) is stamped with a new version as it is
 * stored; a sync run notes the version before it reads the store, and once the data plane has
 * accepted what that run computed, every stamp up to that version is taken — except a listener's
 * or rule's whose load balancer the data plane refused, which keeps the data plane's reason until a
 * later run is accepted. Text the data plane was given is never compared. A data plane that keeps
 * failing (a run that throws) does not keep others waiting: after a few such runs a listener's or
 * rule's change counts as refused with its error, a target's as taken (nothing better will come).
 */
import { targetKey, type TargetRecord } from './model.ts';
import type { DataPlaneState } from './traffic-types.ts';

/** Failed sync runs after which a change stops being waited for. */
const GIVE_UP_RUNS = 3;

interface Stamp {
  version: number;
  /** A listener's or rule's load balancer (a refusal is traced to one). */
  loadBalancerArn?: string;
  /** A target's group (woken when the target's change is taken). */
  targetGroupArn?: string;
  refused?: string;
  /** Sync runs that read it and failed. */
  failures?: number;
}

export class PendingChanges {
  private version = 0;
  private readonly stamps = new Map<string, Stamp>();

  /** A change to `key` (a listener or rule ARN, or a target's key) was stored. */
  stamp(key: string, at: { loadBalancerArn?: string; targetGroupArn?: string } = {}): void {
    this.stamps.set(key, { version: ++this.version, ...at });
  }

  /** A change to a target (its health, its removal) was stored. */
  stampTarget(t: Pick<TargetRecord, 'targetGroupArn' | 'id' | 'port'>): void {
    this.stamp(targetKey(t.targetGroupArn, t.id, t.port), { targetGroupArn: t.targetGroupArn });
  }

  /** The version a sync run is about to read the store at. */
  current(): number {
    return this.version;
  }

  /**
   * The data plane accepted what a run computed at `version`, but for the load balancers it
   * refused (by ARN, with its reason). Returns the target groups whose targets' changes were taken.
   */
  taken(version: number, refused: ReadonlyMap<string, string>): Set<string> {
    const groups = new Set<string>();
    for (const [key, s] of this.stamps) {
      if (s.version > version) continue;
      const reason = s.loadBalancerArn === undefined ? undefined : refused.get(s.loadBalancerArn);
      if (reason !== undefined) s.refused = reason;
      else {
        this.stamps.delete(key);
        if (s.targetGroupArn) groups.add(s.targetGroupArn);
      }
    }
    return groups;
  }

  /** A run at `version` failed with `reason`; returns the target groups whose targets' changes are no longer waited for. */
  failed(version: number, reason: string): Set<string> {
    const groups = new Set<string>();
    for (const [key, s] of this.stamps) {
      if (s.version > version || s.refused !== undefined) continue;
      s.failures = (s.failures ?? 0) + 1;
      if (s.failures < GIVE_UP_RUNS) continue;
      if (s.loadBalancerArn) s.refused = reason;
      else {
        this.stamps.delete(key);
        if (s.targetGroupArn) groups.add(s.targetGroupArn);
      }
    }
    return groups;
  }

  state(key: string): DataPlaneState {
    const s = this.stamps.get(key);
    if (!s) return { state: 'applied' };
    if (s.refused !== undefined && s.loadBalancerArn) return { state: 'refused', loadBalancerArn: s.loadBalancerArn, reason: s.refused };
    return { state: 'pending' };
  }
}
