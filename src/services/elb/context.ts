/**
 * @module services/elb/context
 * What every part of the ELB room shares: the app's parts, the room's model, and the one way to
 * say "the store changed": `changed()` wakes the health checker and the data plane sync.
 */
import type { AppContext } from '../types.ts';
import type { DataPlane } from './dataplane.ts';
import type { ElbModel } from './model.ts';

export interface ElbContext extends AppContext {
  model: ElbModel;
  /** The proxy that carries traffic: its own dialect decides what a regular expression means. */
  dataPlane: DataPlane;
  /** Whether Slipway may write /etc/hosts (DNS names resolve to each load balancer's address). */
  hostsManaged: boolean;
  /** The store changed: re-check health loops and bring the data plane up to date. */
  changed(): void;
  /** Rewrites this data directory's block of load balancer names in the hosts file. */
  publishNames(): void;
}
