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
import { tagMap } from '../authorization.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { elbHandlers } from './api.ts';
import { LocalCertificates } from './certificates.ts';
import type { ElbContext } from './context.ts';
import type { DataPlane } from './dataplane.ts';
import { type ElbFacade, elbFacade } from './facade.ts';
import { elbTrafficFacade } from './traffic.ts';
import type { ElbTrafficFacade } from './traffic-types.ts';
import { HaproxyDataPlane } from './haproxy.ts';
import { HealthChecker } from './health-checker.ts';
import { hostsWritable, writeHostsBlock } from './hosts.ts';
import { elbModel, type TargetRecord } from './model.ts';
import { PendingChanges } from './pending.ts';
import { DataPlaneSync } from './sync.ts';

const log = logger('elb');
/** Published when a target's health changes, and when its draining ends (state 'unused'). */
const TARGET_HEALTH = 'elb.target-health';

export type { ElbFacade, TargetRef, TargetState } from './facade.ts';

export function register(app: AppContext, deps: { dataPlane?: DataPlane } = {}): RoomWithFacade<ElbFacade & ElbTrafficFacade> {
  const model = elbModel(app.store);
  const healthListeners = new Set<(targetGroupArn: string) => void>();
  let started = false;
  const dir = join(app.config.dataDir, 'elb');
  const dataPlane = deps.dataPlane ?? new HaproxyDataPlane(dir);
  const certificates = new LocalCertificates(dir);
  const pending = new PendingChanges();
  const announce = (t: Pick<TargetRecord, 'targetGroupArn' | 'id' | 'port'>, state: string, reason?: string) => {
    app.events.publish({
      type: TARGET_HEALTH,
      resource: t.targetGroupArn,
      at: app.clock.now(),
      detail: { id: t.id, port: t.port, state, reason },
    });
    for (const listener of healthListeners) listener(t.targetGroupArn);
  };
  const health = new HealthChecker({
    model,
    clock: app.clock,
    onChange: (t) => {
      // Another room hears the new health as the data plane serves it (facade.ts).
      pending.stampTarget(t);
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
    pending,
    onRemoved: (targets) => {
      for (const t of targets) announce(t, 'unused', 'Target.NotRegistered');
      health.refresh();
    },
    onTaken: (targetGroupArns) => {
      for (const arn of targetGroupArns) for (const listener of healthListeners) listener(arn);
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
      writeHostsBlock(
        app.config.dataDir,
        model.loadBalancers.find().map((r) => ({ address: r.address, name: r.lb.DNSName })),
      );
    },
  };
  let hostsTimer: NodeJS.Timeout | undefined;
  // Changes other rooms make before the room starts are picked up by its first sync.
  const changed = () => {
    if (started) elb.changed();
  };

  return {
    name: 'elb',
    facade: {
      ...elbFacade({ model, clock: app.clock, healthListeners, changed, dataPlane, pending }),
      ...elbTrafficFacade({ model, changed, pending }),
    },
    api: { model: loadModel('elbv2'), handlers: elbHandlers(elb), validation: { constraint: 'ValidationError', type: 'ValidationError' } },
    authorization(arn) {
      const record = model.loadBalancers.get(arn) ?? model.targetGroups.get(arn) ?? model.listeners.get(arn) ?? model.rules.get(arn);
      return record && { tags: tagMap(record.tags) };
    },
    async start() {
      try {
        await dataPlane.start();
      } catch (err) {
        log.warn(`could not look for a running data plane: ${(err as Error).message}`);
      }
      elb.publishNames();
      // Another program (or another Slipway) may rewrite the hosts file: put our names back.
      hostsTimer = setInterval(() => elb.publishNames(), 15_000);
      hostsTimer.unref();
      await sync.start();
      health.refresh();
      started = true;
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
        ([arn, reason]) =>
          `the data plane refuses load balancer ${arn} (${reason}); it keeps serving what it last accepted — fix or delete the rule or listener named`,
      );
    },
    async stop() {
      started = false;
      clearInterval(hostsTimer);
      health.stop();
      await sync.stop();
    },
  };
}
