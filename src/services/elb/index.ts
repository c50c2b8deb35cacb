/**
 * @module services/elb
 * The ELB room: the ELBv2 API (Query protocol) on the edge, Slipway's own health checks, and the
 * sync loop that keeps the data plane — HAProxy, its own long-lived process — serving what the
 * store says. Other rooms (ECS) use only the typed functions below.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../../core/log.ts';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, Room } from '../types.ts';
import { elbHandlers } from './api.ts';
import { targetHealthOf } from './api-targets.ts';
import { LocalCertificates } from './certificates.ts';
import type { ElbContext } from './context.ts';
import type { DataPlane } from './dataplane.ts';
import { HaproxyDataPlane } from './haproxy.ts';
import { HealthChecker } from './health-checker.ts';
import { hostsWritable, writeHostsBlock } from './hosts.ts';
import { elbModel, type TargetRecord } from './model.ts';
import type { TargetHealthStateEnum } from './shapes.ts';
import { DataPlaneSync } from './sync.ts';
import { deregister, deregistrationDelaySeconds, register as registerInGroup } from './targets.ts';

const log = logger('elb');
/** Published when another room changed targets (the room wakes its loops). */
const TARGETS_CHANGED = 'elb.targets';
/** Published when a target's health changes, and when its draining ends (state 'unused'). */
export const TARGET_HEALTH = 'elb.target-health';

export function register(app: AppContext, deps: { dataPlane?: DataPlane } = {}): Room {
  const model = elbModel(app.store);
  const dir = join(app.config.dataDir, 'elb');
  const dataPlane = deps.dataPlane ?? new HaproxyDataPlane(dir);
  const certificates = new LocalCertificates(dir);
  const announce = (t: Pick<TargetRecord, 'targetGroupArn' | 'id' | 'port'>, state: string, reason?: string) =>
    app.events.publish({ type: TARGET_HEALTH, resource: t.targetGroupArn, at: app.clock.now(), detail: { id: t.id, port: t.port, state, reason } });
  const health = new HealthChecker({
    model,
    clock: app.clock,
    onChange: (t) => {
      announce(t, t.health.state, t.health.reason);
      void sync.request();
    },
  });
  const sync = new DataPlaneSync({
    model,
    clock: app.clock,
    dataPlane,
    certificates,
    acceptedFile: join(dir, 'accepted.json'),
    onRemoved: (targets) => {
      for (const t of targets) announce(t, 'unused', 'Target.NotRegistered');
      health.refresh();
    },
  });
  const elb: ElbContext = {
    ...app,
    model,
    dataPlane,
    hostsManaged: app.config.dataDir !== ':memory:' && hostsWritable(),
    changed() {
      health.refresh();
      void sync.request();
    },
    publishNames() {
      if (!elb.hostsManaged) return;
      writeHostsBlock(app.config.dataDir, model.loadBalancers.find().map((r) => ({ address: r.address, name: r.lb.DNSName })));
    },
  };
  let unsubscribe = () => {};
  let hostsTimer: NodeJS.Timeout | undefined;

  return {
    name: 'elb',
    api: { model: loadModel('elbv2'), handlers: elbHandlers(elb), validation: { constraint: 'ValidationError', type: 'ValidationError' } },
    async start() {
      try {
        await dataPlane.start();
      } catch (err) {
        log.warn(`could not look for a running data plane: ${(err as Error).message}`);
      }
      unsubscribe = app.events.subscribe((e) => {
        if (e.type === TARGETS_CHANGED) elb.changed();
      });
      elb.publishNames();
      // Another program (or another Slipway) may rewrite the hosts file: put our names back.
      hostsTimer = setInterval(() => elb.publishNames(), 15_000);
      hostsTimer.unref();
      await sync.start();
      health.refresh();
    },
    status() {
      return {
        dataPlane: {
          process: dataPlane.name,
          pid: dataPlane.pid() ?? null,
          // Load balancers whose configuration the data plane refuses (each keeps what it last accepted).
          refused: [...sync.refused].map(([arn, reason]) => ({ loadBalancer: arn, reason })),
        },
        loadBalancers: model.loadBalancers.count(),
        listeners: model.listeners.count(),
        namesInHostsFile: elb.hostsManaged,
        certificateAuthority: existsSync(certificates.caFile) ? certificates.caFile : null,
      };
    },
    problems() {
      return [...sync.refused].map(
        ([arn, reason]) => `the data plane refuses load balancer ${arn} (${reason}); it keeps serving what it last accepted — fix or delete the rule or listener named`,
      );
    },
    async stop() {
      unsubscribe();
      clearInterval(hostsTimer);
      health.stop();
      await sync.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// For other rooms

export interface TargetRef {
  id: string;
  port: number;
}

/** Registers targets in a target group; throws TargetGroupNotFound / InvalidTarget. Returns how many were new. */
export function registerTargets(app: AppContext, targetGroupArn: string, targets: TargetRef[]): number {
  const added = registerInGroup(elbModel(app.store), app.clock, targetGroupArn, targets.map((t) => ({ Id: t.id, Port: t.port })));
  app.events.publish({ type: TARGETS_CHANGED, resource: targetGroupArn, at: app.clock.now(), detail: {} });
  return added;
}

/** Starts draining targets (unknown ones are ignored); returns how many began draining. */
export function deregisterTargets(app: AppContext, targetGroupArn: string, targets: TargetRef[]): number {
  const model = elbModel(app.store);
  if (!model.targetGroups.get(targetGroupArn)) return 0;
  const drained = deregister(model, app.clock, targetGroupArn, targets.map((t) => ({ Id: t.id, Port: t.port })));
  app.events.publish({ type: TARGETS_CHANGED, resource: targetGroupArn, at: app.clock.now(), detail: {} });
  return drained;
}

export interface TargetState {
  state: TargetHealthStateEnum;
  reason?: string;
  description?: string;
}

/** What DescribeTargetHealth says of one target (undefined when the group does not exist). */
export function targetState(app: AppContext, targetGroupArn: string, target: TargetRef): TargetState | undefined {
  const model = elbModel(app.store);
  if (!model.targetGroups.get(targetGroupArn)) return undefined;
  const [d] = targetHealthOf(model, targetGroupArn, [{ Id: target.id, Port: target.port }]);
  return { state: d.TargetHealth.State, reason: d.TargetHealth.Reason, description: d.TargetHealth.Description };
}

/** A target group's target type and deregistration delay (nominal seconds), or undefined when it does not exist. */
export function targetGroupInfo(app: AppContext, targetGroupArn: string): { targetType: string; deregistrationDelaySeconds: number } | undefined {
  const tg = elbModel(app.store).targetGroups.get(targetGroupArn);
  return tg ? { targetType: tg.tg.TargetType ?? 'instance', deregistrationDelaySeconds: deregistrationDelaySeconds(tg) } : undefined;
}
