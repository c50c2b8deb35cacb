/**
 * @module services/elb/api-targets
 * RegisterTargets, DeregisterTargets and DescribeTargetHealth.
 */
import type { ElbContext } from './context.ts';
import { elbError } from './errors.ts';
import { describedHealth, notRegistered, type DescribedHealth } from './health.ts';
import type { ElbModel, TargetGroupRecord, TargetRecord } from './model.ts';
import type { Elbv2Operations, TargetDescription, TargetHealthDescription } from './shapes.ts';
import { deregister, normalizeTargets, register, requireTargetGroup } from './targets.ts';

type Ops = Elbv2Operations;
const MAX_TARGETS = 1000;

export type DescribedTarget = TargetHealthDescription & { TargetHealth: DescribedHealth };

/** DescribeTargetHealth's view of some targets of a group (all registered ones when none are named). */
export function targetHealthOf(model: ElbModel, tgArn: string, wanted?: TargetDescription[]): DescribedTarget[] {
  const tg = requireTargetGroup(model, tgArn);
  const inUse = model.usage().has(tgArn);
  const registered = model.targets.find({ tg: tgArn });
  if (!wanted?.length) return registered.map((t) => describe(tg, t, inUse));
  const out: DescribedTarget[] = [];
  for (const w of normalizeTargets(
    tg,
    wanted.map((t) => ({ ...t, Port: t.Port ?? tg.tg.Port })),
  )) {
    const portGiven = wanted.some((t) => t.Id === w.id && t.Port !== undefined);
    const matches = registered.filter((t) => t.id === w.id && (!portGiven || t.port === w.port));
    if (matches.length) out.push(...matches.map((t) => describe(tg, t, inUse)));
    else out.push({ Target: { Id: w.id, Port: w.port }, HealthCheckPort: healthCheckPort(tg, w.port), TargetHealth: notRegistered() });
  }
  return out;
}

function describe(tg: TargetGroupRecord, t: TargetRecord, inUse: boolean): DescribedTarget {
  return {
    Target: { Id: t.id, Port: t.port, AvailabilityZone: t.availabilityZone },
    HealthCheckPort: healthCheckPort(tg, t.port),
    TargetHealth: describedHealth(t, tg.tg, inUse),
  };
}

function healthCheckPort(tg: TargetGroupRecord, port: number): string {
  const p = tg.tg.HealthCheckPort ?? 'traffic-port';
  return p === 'traffic-port' ? String(port) : p;
}

export function targetHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    RegisterTargets(input: Ops['RegisterTargets']['input']): Ops['RegisterTargets']['output'] {
      const count = model.targets.count({ tg: input.TargetGroupArn });
      if (count + input.Targets.length > MAX_TARGETS) throw elbError.validation(`A target group can have at most ${MAX_TARGETS} targets`);
      register(model, elb.clock, input.TargetGroupArn, input.Targets);
      elb.changed();
      return {};
    },

    DeregisterTargets(input: Ops['DeregisterTargets']['input']): Ops['DeregisterTargets']['output'] {
      deregister(model, elb.clock, input.TargetGroupArn, input.Targets);
      elb.changed();
      return {};
    },

    DescribeTargetHealth(input: Ops['DescribeTargetHealth']['input']): Ops['DescribeTargetHealth']['output'] {
      return { TargetHealthDescriptions: targetHealthOf(model, input.TargetGroupArn, input.Targets) };
    },
  };
}
