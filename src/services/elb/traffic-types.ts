/**
 * @module services/elb/traffic-types
 * What the ELB room offers other rooms for blue/green: reading and moving a listener's (or rule's)
 * weighted forward between target groups, and each group's target health. A weight change reaches
 * the data plane as any API change does (within milliseconds, without a reload of structure).
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

export interface ElbTrafficFacade {
  /** The target group's ARN by name (or ARN) in the scope, or undefined. */
  targetGroupArn(scope: Scope, nameOrArn: string): string | undefined;
  /** Whether a listener or rule with this ARN exists. */
  exists(listenerOrRuleArn: string): boolean;
  /** The forward weights of a listener's default action or a rule's forward action. */
  forwardWeights(listenerOrRuleArn: string): ForwardWeight[];
  /** Replaces that forward action with a weighted forward; groups not named get weight 0. */
  setForwardWeights(listenerOrRuleArn: string, weights: ForwardWeight[]): void;
  targetHealth(targetGroupArn: string): TargetHealthCounts;
}
