/**
 * @module services/elb/traffic-types
 * What the ELB room offers other rooms for blue/green: reading and moving a listener's (or rule's)
 * weighted forward between target groups, and each group's target health. A weight change reaches
 * the data plane a moment after it is stored (within milliseconds, later when the data plane
 * reloads or is busy): a caller that reports traffic moved waits until weightsApplied says so.
 */
import type { Scope } from '../../core/ids.ts';

export interface ForwardWeight {
  targetGroupArn: string;
  weight: number;
}

export interface TargetHealthCounts {
  healthy: number;
  unhealthy: number;
  initial: number;
  draining: number;
  total: number;
}

/** Real ms a caller waiting on weightsApplied lets pass before it looks again (the data plane takes a change within milliseconds). */
export const ROUTING_POLL_MS = 50;

/** What the data plane does with the last stored change to a listener, rule or target. */
export type DataPlaneState = { state: 'applied' } | { state: 'pending' } | { state: 'refused'; loadBalancerArn: string; reason: string };

export interface ElbTrafficFacade {
  /** The target group's ARN by name (or ARN) in the scope, or undefined. */
  targetGroupArn(scope: Scope, nameOrArn: string): string | undefined;
  /** Whether a listener or rule with this ARN exists. */
  exists(listenerOrRuleArn: string): boolean;
  /** The forward weights of a listener's default action or a rule's forward action. */
  forwardWeights(listenerOrRuleArn: string): ForwardWeight[];
  /** Replaces that forward action with a weighted forward; groups not named get weight 0. */
  setForwardWeights(listenerOrRuleArn: string, weights: ForwardWeight[]): void;
  /** Whether the data plane routes by the forward weights last set here: applied, pending, or refused (its load balancer and the data plane's reason). */
  weightsApplied(listenerOrRuleArn: string): DataPlaneState;
  targetHealth(targetGroupArn: string): TargetHealthCounts;
}
