/**
 * @module services/elb/targets
 * Registering and deregistering targets — shared by the RegisterTargets/DeregisterTargets
 * handlers and by other rooms (ECS) through index.ts.
 *
 * Addresses: an `ip` target is its address. An `instance` target (i-…) is a container instance,
 * and every container instance Slipway has is this machine's Docker Engine, so it is 127.0.0.1
 * (bridge-mode containers publish their host ports there).
 */
import { isIP } from 'node:net';
import type { Clock } from '../../core/clock.ts';
import { elbError } from './errors.ts';
import { initialHealth } from './health.ts';
import { targetKey, type ElbModel, type TargetGroupRecord, type TargetRecord } from './model.ts';
import type { TargetDescription } from './shapes.ts';

export const INSTANCE_ADDRESS = '127.0.0.1';
export const DEFAULT_DEREGISTRATION_DELAY_S = 300;

export function targetAddress(id: string): string {
  return id.startsWith('i-') ? INSTANCE_ADDRESS : id;
}

export function requireTargetGroup(model: ElbModel, arn: string): TargetGroupRecord {
  const tg = model.targetGroups.get(arn);
  if (!tg) throw elbError.targetGroupNotFound(`Target groups '${arn}' not found`);
  return tg;
}

/** The targets as ALB would accept them (port defaulted from the group), or InvalidTarget/ValidationError. */
export function normalizeTargets(
  tg: TargetGroupRecord,
  targets: TargetDescription[],
): { id: string; port: number; availabilityZone?: string }[] {
  const type = tg.tg.TargetType ?? 'instance';
  if (type === 'lambda' || type === 'alb') throw elbError.unsupported(`target groups of type '${type}'`);
  const bad = targets.filter((t) => (type === 'instance' ? !/^i-[0-9a-zA-Z]+$/.test(t.Id) : !isIP(t.Id)));
  if (bad.length) {
    const what = type === 'instance' ? 'instances' : 'IP addresses';
    throw elbError.invalidTarget(`The following targets are not valid ${what}: ${bad.map((t) => `'${t.Id}'`).join(', ')}`);
  }
  return targets.map((t) => {
    const port = t.Port ?? tg.tg.Port;
    if (port === undefined || port < 1 || port > 65535)
      throw elbError.validation(`Port '${port}' for target '${t.Id}' must be between 1 and 65535`);
    return { id: t.Id, port, availabilityZone: t.AvailabilityZone };
  });
}

/** Registers targets (a draining one starts over as initial); returns how many were new. */
export function register(model: ElbModel, clock: Clock, tgArn: string, targets: TargetDescription[]): number {
  return model.tx(() => {
    const tg = requireTargetGroup(model, tgArn);
    let added = 0;
    for (const t of normalizeTargets(tg, targets)) {
      const existing = model.targets.get(targetKey(tgArn, t.id, t.port));
      if (existing && existing.drainingSince === undefined) continue;
      added++;
      model.putTarget({
        targetGroupArn: tgArn,
        id: t.id,
        port: t.port,
        availabilityZone: t.availabilityZone,
        registeredAt: clock.now(),
        health: initialHealth(clock.now()),
      });
    }
    return added;
  });
}

/** Starts draining targets (unknown ones are ignored, as in ALB); returns how many began draining. */
export function deregister(model: ElbModel, clock: Clock, tgArn: string, targets: TargetDescription[]): number {
  return model.tx(() => {
    const tg = requireTargetGroup(model, tgArn);
    let drained = 0;
    for (const t of targets) {
      const port = t.Port ?? tg.tg.Port;
      const key = targetKey(tgArn, t.Id, port ?? 0);
      const updated = model.updateTarget(key, (r) => {
        if (r.drainingSince === undefined) {
          r.drainingSince = clock.now();
          drained++;
        }
      });
      if (!updated && t.Port === undefined) {
        // Without a port, every registration of the id drains.
        for (const r of model.targets.find({ tg: tgArn }).filter((x) => x.id === t.Id && x.drainingSince === undefined)) {
          model.updateTarget(targetKey(tgArn, r.id, r.port), (x) => (x.drainingSince = clock.now()));
          drained++;
        }
      }
    }
    return drained;
  });
}

/** Seconds a deregistered target of this group drains. */
export function deregistrationDelaySeconds(tg: TargetGroupRecord): number {
  const raw = Number(tg.attributes['deregistration_delay.timeout_seconds']);
  return Number.isFinite(raw) ? raw : DEFAULT_DEREGISTRATION_DELAY_S;
}

/** When a draining target's delay is over (epoch ms), nominal delay scaled by the clock. */
export function drainedAt(t: TargetRecord, tg: TargetGroupRecord, clock: Clock): number | undefined {
  if (t.drainingSince === undefined) return undefined;
  return t.drainingSince + clock.duration(deregistrationDelaySeconds(tg) * 1000);
}
