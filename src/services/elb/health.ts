/**
 * @module services/elb/health
 * Target health as ALB computes it — the one place that decides it. Pure functions: the checker
 * (health-checker.ts) feeds probe results in; DescribeTargetHealth and the data plane read out.
 *
 *   registered ──▶ initial ──1 pass──▶ healthy ──UnhealthyThreshold fails──▶ unhealthy
 *                     └──UnhealthyThreshold fails──▶ unhealthy ──HealthyThreshold passes──▶ healthy
 *   deregistered ──▶ draining (deregistration delay) ──▶ gone (unused / Target.NotRegistered)
 *   target group used by no listener ──▶ unused / Target.NotInUse (not checked)
 *
 * Traffic goes to healthy targets; when a target group has none, to all of its targets that are
 * not draining (ALB fails open). Draining targets finish what they have and get nothing new.
 */
import type { ServerState } from './dataplane.ts';
import type { TargetRecord } from './model.ts';
import type { TargetGroup, TargetHealth, TargetHealthReasonEnum, TargetHealthStateEnum } from './shapes.ts';

/** A target's health as DescribeTargetHealth shows it: it always has a state. */
export type DescribedHealth = TargetHealth & { State: TargetHealthStateEnum };

export const DESCRIPTIONS: Partial<Record<TargetHealthReasonEnum, string>> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.NotRegistered': 'Target is not registered to the target group',
  'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
  'Target.HealthCheckDisabled': 'Health checks are disabled',
};

/** ALB's health check settings and defaults for HTTP target groups. */
export const HEALTH_DEFAULTS = {
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port',
  HealthCheckEnabled: true,
  HealthCheckPath: '/',
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 5,
  UnhealthyThresholdCount: 2,
  Matcher: { HttpCode: '200' },
} as const;

/** One health check's outcome. */
export type Probe =
  | { ok: true }
  | { ok: false; reason: 'Target.ResponseCodeMismatch' | 'Target.Timeout' | 'Target.FailedHealthChecks'; description: string };

export interface Streak {
  passes: number;
  fails: number;
}

export type Judged = Pick<TargetRecord['health'], 'state' | 'reason' | 'description'>;

/** The health after one more probe; the streak is updated in place. */
export function judge(current: Judged, streak: Streak, probe: Probe, tg: TargetGroup): Judged {
  if (probe.ok) {
    streak.passes++;
    streak.fails = 0;
  } else {
    streak.fails++;
    streak.passes = 0;
  }
  const healthyAfter = tg.HealthyThresholdCount ?? HEALTH_DEFAULTS.HealthyThresholdCount;
  const unhealthyAfter = tg.UnhealthyThresholdCount ?? HEALTH_DEFAULTS.UnhealthyThresholdCount;
  const failed = (p: Probe): Judged =>
    p.ok ? { state: 'unhealthy' } : { state: 'unhealthy', reason: p.reason, description: p.description };
  switch (current.state) {
    case 'initial':
      if (probe.ok) return { state: 'healthy' };
      if (streak.fails >= unhealthyAfter) return failed(probe);
      return { state: 'initial', reason: 'Elb.InitialHealthChecking', description: DESCRIPTIONS['Elb.InitialHealthChecking'] };
    case 'healthy':
      if (!probe.ok && streak.fails >= unhealthyAfter) return failed(probe);
      return { state: 'healthy' };
    case 'unhealthy':
      if (probe.ok && streak.passes >= healthyAfter) return { state: 'healthy' };
      return probe.ok ? { state: 'unhealthy', reason: current.reason, description: current.description } : failed(probe);
  }
}

export const initialHealth = (now: number): TargetRecord['health'] => ({
  state: 'initial',
  reason: 'Elb.RegistrationInProgress',
  description: DESCRIPTIONS['Elb.RegistrationInProgress'],
  since: now,
});

/** What DescribeTargetHealth shows for a registered target. */
export function describedHealth(t: TargetRecord, tg: TargetGroup, inUse: boolean): DescribedHealth {
  if (t.drainingSince !== undefined) return reasoned('draining', 'Target.DeregistrationInProgress');
  if (!inUse) return reasoned('unused', 'Target.NotInUse');
  if (tg.HealthCheckEnabled === false) return reasoned('unavailable', 'Target.HealthCheckDisabled');
  return { State: t.health.state, Reason: t.health.reason, Description: t.health.description };
}

export function notRegistered(): DescribedHealth {
  return reasoned('unused', 'Target.NotRegistered');
}

function reasoned(state: TargetHealthStateEnum, reason: TargetHealthReasonEnum): DescribedHealth {
  return { State: state, Reason: reason, Description: DESCRIPTIONS[reason] };
}

/** How the data plane should treat each target of one group, in the targets' order (fail open when none is healthy). */
export function serverStates(targets: TargetRecord[], tg: TargetGroup): ServerState[] {
  const unchecked = tg.HealthCheckEnabled === false;
  const anyHealthy = targets.some((t) => t.drainingSince === undefined && t.health.state === 'healthy');
  return targets.map((t) =>
    t.drainingSince !== undefined ? 'drain' : unchecked || t.health.state === 'healthy' || !anyHealthy ? 'ready' : 'maint',
  );
}

/** Matcher.HttpCode ("200", "200,202", "200-299") as a test on a status code. */
export function parseMatcher(code: string): (status: number) => boolean {
  const parts = code.split(',').map((p) => p.trim());
  return (status) =>
    parts.some((p) => {
      const [lo, hi] = p.split('-').map(Number);
      return hi === undefined ? status === lo : status >= lo && status <= hi;
    });
}

/** ALB accepts 200–499 for HTTP target groups. */
export function validMatcher(code: string): boolean {
  return code.split(',').every((p) => {
    const m = p.trim().match(/^(\d{3})(?:-(\d{3}))?$/);
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    return lo >= 200 && hi <= 499 && lo <= hi;
  });
}
