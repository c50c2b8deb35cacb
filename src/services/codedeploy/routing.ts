/**
 * @module services/codedeploy/routing
 * How production traffic moves: CodeDeploy's predefined ECS deployment configurations, the checks
 * CreateDeploymentConfig applies to a traffic routing config, and the step plan the deployer walks
 * (the green weight after each step and the minutes to wait before the next one).
 */
import { codedeployError } from './errors.ts';
import type { TrafficRoutingConfig } from './shapes.ts';

export const DEFAULT_ECS_CONFIG = 'CodeDeployDefault.ECSAllAtOnce';

/** The predefined ECS configurations, by name. */
export const PREDEFINED_ECS_CONFIGS: Record<string, TrafficRoutingConfig> = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
  },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': {
    type: 'TimeBasedLinear',
    timeBasedLinear: { linearPercentage: 10, linearInterval: 3 },
  },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 },
  },
};

/** The predefined configurations' ids are fixed, as on AWS where they never change. */
export const PREDEFINED_CREATE_TIME = Date.UTC(2018, 10, 27);

function checkPart(value: number | undefined, field: string, max: number): number {
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > max) {
    throw codedeployError.invalidTrafficRouting(`trafficRoutingConfig.${field} must be an integer from 1 to ${max}`);
  }
  return value;
}

/** A traffic routing config as CreateDeploymentConfig stores it (only the part its type uses). */
export function checkTrafficRouting(config: TrafficRoutingConfig | undefined): TrafficRoutingConfig {
  switch (config?.type) {
    case 'AllAtOnce':
      return { type: 'AllAtOnce' };
    case 'TimeBasedCanary': {
      const c = config.timeBasedCanary;
      if (!c) throw codedeployError.invalidTrafficRouting('trafficRoutingConfig.timeBasedCanary is required for a TimeBasedCanary config');
      return {
        type: 'TimeBasedCanary',
        timeBasedCanary: {
          canaryPercentage: checkPart(c.canaryPercentage, 'timeBasedCanary.canaryPercentage', 99),
          canaryInterval: checkPart(c.canaryInterval, 'timeBasedCanary.canaryInterval', 2880),
        },
      };
    }
    case 'TimeBasedLinear': {
      const l = config.timeBasedLinear;
      if (!l) throw codedeployError.invalidTrafficRouting('trafficRoutingConfig.timeBasedLinear is required for a TimeBasedLinear config');
      return {
        type: 'TimeBasedLinear',
        timeBasedLinear: {
          linearPercentage: checkPart(l.linearPercentage, 'timeBasedLinear.linearPercentage', 99),
          linearInterval: checkPart(l.linearInterval, 'timeBasedLinear.linearInterval', 2880),
        },
      };
    }
    default:
      throw codedeployError.invalidTrafficRouting(
        'trafficRoutingConfig.type is required for the ECS compute platform: AllAtOnce, TimeBasedCanary or TimeBasedLinear',
      );
  }
}

export interface NextStep {
  /** The green weight after this step. */
  percent: number;
  /** Minutes the previous step must have held before this one. */
  afterMinutes: number;
}

/** The step after `greenPercent` (0 before the first), or undefined once all traffic is on green. */
export function nextStep(config: TrafficRoutingConfig, greenPercent: number): NextStep | undefined {
  if (greenPercent >= 100) return undefined;
  switch (config.type) {
    case 'TimeBasedCanary': {
      const { canaryPercentage = 10, canaryInterval = 5 } = config.timeBasedCanary ?? {};
      return greenPercent === 0 ? { percent: canaryPercentage, afterMinutes: 0 } : { percent: 100, afterMinutes: canaryInterval };
    }
    case 'TimeBasedLinear': {
      const { linearPercentage = 10, linearInterval = 1 } = config.timeBasedLinear ?? {};
      return { percent: Math.min(100, greenPercent + linearPercentage), afterMinutes: greenPercent === 0 ? 0 : linearInterval };
    }
    default:
      return { percent: 100, afterMinutes: 0 };
  }
}
