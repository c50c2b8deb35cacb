/**
 * @module services/codedeploy/testing
 * A CodeDeploy room over an in-memory store, a manual clock and an in-memory world standing in for
 * ECS and ELB (both facades over the same state: services, task sets, target groups, listener
 * weights), for unit tests of the handlers and the deployer. A task set is healthy when the world
 * says its task definition is; its targets count as healthy in its target group then. Listener
 * weights reach the load balancers' data plane at once unless the world holds them back.
 */
import { createManualClock, type ManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import { ecsDeploymentId, elbArn, hex16, type Scope } from '../../core/ids.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { EcsTaskSetsFacade, ServiceView, TaskSetView } from '../ecs/facade-types.ts';
import type { DataPlaneState, ElbTrafficFacade, ForwardWeight } from '../elb/traffic-types.ts';
import { S3ObjectError } from '../s3/facade.ts';
import type { S3Facade } from '../s3/index.ts';
import { RoleSessions } from '../sts/role-sessions.ts';
import { codedeployHandlers } from './api.ts';
import type { CodeDeployContext } from './context.ts';
import { reconcileDeployment } from './deployer.ts';
import { CodeDeployModel } from './model.ts';
import type { AutoRollbackConfiguration, BlueGreenDeploymentConfiguration, CodedeployOperations } from './shapes.ts';

export const scope: Scope = { region: 'us-east-1', account: '000000000000' };
const ctx: RequestContext = { ...scope, requestId: 'r', endpoint: 'http://local' };

/** ECS and ELB as the deployer sees them. */
export class World {
  readonly services = new Map<string, ServiceView>();
  readonly sets = new Map<string, (TaskSetView & { service: string })[]>();
  readonly groups = new Map<string, string>();
  readonly listeners = new Map<string, ForwardWeight[]>();
  /** Task definitions whose tasks never pass their health checks. */
  readonly unhealthy = new Set<string>();
  /** Task definitions whose tasks keep failing to start. */
  readonly crashing = new Set<string>();
  /** How many task sets createTaskSet made. */
  created = 0;
  /** While true, weights set are not routed by until `routeAll`. */
  holdDataPlane = false;
  /** Listeners whose weights the data plane does not route by yet (or refused, with its reason). */
  readonly unrouted = new Map<string, DataPlaneState>();

  /** The data plane takes every weight set so far. */
  routeAll(): void {
    this.unrouted.clear();
  }

  targetGroup(name: string): string {
    const arn = elbArn.targetGroup(scope, name, hex16());
    this.groups.set(name, arn);
    return arn;
  }

  listener(forwardTo: string): string {
    const arn = elbArn.listener(scope, 'lb', hex16(), hex16());
    this.listeners.set(arn, [{ targetGroupArn: forwardTo, weight: 1 }]);
    return arn;
  }

  /** A CODE_DEPLOY service with its first (primary) task set serving `targetGroupArn`. */
  service(name: string, targetGroupArn: string, desiredCount = 2): ServiceView {
    const view: ServiceView = {
      serviceArn: `arn:aws:ecs:us-east-1:000000000000:service/c/${name}`,
      serviceName: name,
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/c',
      clusterName: 'c',
      status: 'ACTIVE',
      deploymentController: 'CODE_DEPLOY',
      desiredCount,
      taskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:1',
      loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 80 }],
    };
    this.services.set(`c/${name}`, view);
    this.sets.set(`c/${name}`, [this.taskSet(name, view.taskDefinition!, targetGroupArn, 'PRIMARY', desiredCount)]);
    return view;
  }

  /** A set still being removed, as ECS shows one for a while after DeleteTaskSet. */
  drainingSet(service: string, targetGroupArn: string): void {
    this.setsOf(service).push(
      this.taskSet(service, 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:0', targetGroupArn, 'DRAINING', 0),
    );
  }

  private taskSet(
    service: string,
    taskDefinition: string,
    targetGroupArn: string,
    status: TaskSetView['status'],
    count: number,
    externalId?: string,
  ) {
    const id = ecsDeploymentId();
    return {
      service,
      id,
      taskSetArn: `arn:aws:ecs:us-east-1:000000000000:task-set/c/${service}/${id}`,
      status,
      externalId,
      taskDefinition,
      computedDesiredCount: count,
      pendingCount: 0,
      runningCount: count,
      stabilityStatus: 'STEADY_STATE' as const,
      scale: { value: 100, unit: 'PERCENT' as const },
      targetGroupArn,
      failingToStart: false,
    };
  }

  private setsOf(service: string) {
    const sets = this.sets.get(`c/${service.split('/').pop()}`);
    if (!sets) throw new Error(`no service ${service}`);
    return sets;
  }

  /** The set as ECS would describe it now (stability follows the world's health). */
  private view(set: TaskSetView & { service: string }): TaskSetView {
    const failing = this.crashing.has(set.taskDefinition);
    return {
      ...set,
      stabilityStatus: failing || this.unhealthy.has(set.taskDefinition) ? 'STABILIZING' : 'STEADY_STATE',
      failingToStart: failing,
    };
  }

  readonly ecs: EcsTaskSetsFacade = {
    describeService: (_s, cluster, service) => this.services.get(`${cluster}/${service}`),
    listTaskSets: (_s, _cluster, service) => this.setsOf(service).map((s) => this.view(s)),
    createTaskSet: (_s, r) => {
      const service = this.services.get(`${r.cluster}/${r.service}`)!;
      const set = this.taskSet(
        r.service,
        r.taskDefinition,
        r.loadBalancer.targetGroupArn,
        'ACTIVE',
        Math.ceil((service.desiredCount * r.scalePercent) / 100),
        r.externalId,
      );
      this.setsOf(r.service).push(set);
      this.created++;
      return this.view(set);
    },
    updateTaskSetScale: () => {
      throw new Error('not used');
    },
    setPrimaryTaskSet: (_s, _cluster, service, id) => {
      const sets = this.setsOf(service);
      for (const s of sets) {
        if (s.status === 'PRIMARY') s.status = 'ACTIVE';
        if (s.id === id) s.status = 'PRIMARY';
      }
      return this.view(sets.find((s) => s.id === id)!);
    },
    deleteTaskSet: (_s, _cluster, service, id) => {
      const sets = this.setsOf(service);
      const index = sets.findIndex((s) => s.id === id);
      // As ECS: a set already being deleted cannot be deleted again.
      if (sets[index]?.status === 'DRAINING') throw new Error('InvalidParameterException: The task set is being deleted.');
      if (index >= 0) sets.splice(index, 1);
    },
  };

  /** AppSpec files in buckets, by `bucket/key`. */
  readonly objects = new Map<string, string>();

  readonly s3: S3Facade = {
    headObject: () => {
      throw new Error('not used');
    },
    getObject: () => {
      throw new Error('not used');
    },
    readText: async (bucket, key) => {
      const text = this.objects.get(`${bucket}/${key}`);
      if (text === undefined) throw new S3ObjectError('NoSuchKey', 'The specified key does not exist.');
      return { bucket, key, versionId: 'null', etag: '"e"', size: Buffer.byteLength(text), lastModified: 0, metadata: {}, text };
    },
    putObject: () => {
      throw new Error('not used');
    },
    bucketExists: (bucket) => [...this.objects.keys()].some((k) => k.startsWith(`${bucket}/`)),
  };

  readonly elb: ElbTrafficFacade = {
    targetGroupArn: (_s, name) => this.groups.get(name),
    exists: (arn) => this.listeners.has(arn),
    forwardWeights: (arn) => this.listeners.get(arn) ?? [],
    setForwardWeights: (arn, weights) => {
      this.listeners.set(arn, weights);
      if (this.holdDataPlane) this.unrouted.set(arn, { state: 'pending' });
    },
    weightsApplied: (arn) => this.unrouted.get(arn) ?? { state: 'applied' },
    targetHealth: (tg) => {
      const sets = [...this.sets.values()].flat().filter((s) => s.targetGroupArn === tg);
      const healthy = sets.filter((s) => !this.unhealthy.has(s.taskDefinition)).reduce((n, s) => n + s.runningCount, 0);
      const total = sets.reduce((n, s) => n + s.runningCount, 0);
      return { healthy, unhealthy: total - healthy, initial: 0, draining: 0, total };
    },
  };

  /** The weight a listener gives a target group (0 when it does not forward to it). */
  weight(listener: string, tg: string): number {
    return this.listeners.get(listener)?.find((w) => w.targetGroupArn === tg)?.weight ?? 0;
  }
}

export type Call = <K extends keyof CodedeployOperations>(
  op: K,
  input: CodedeployOperations[K]['input'],
) => Promise<CodedeployOperations[K]['output']>;

/** The room over `store` (a new one by default) and `world`; `run(id)` is one deployer run. */
export function memoryCodeDeploy(opts: { store?: Store; world?: World; clock?: ManualClock } = {}) {
  const store = opts.store ?? Store.open(':memory:');
  const world = opts.world ?? new World();
  const clock = opts.clock ?? createManualClock();
  const woken: string[] = [];
  const app = {
    config: loadConfig({}, {}),
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock,
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
  };
  const cd: CodeDeployContext = {
    ...app,
    // Open mode: every role is taken and no session is minted.
    roles: new RoleSessions(
      app,
      () => {
        throw new Error('no role session is minted in open mode');
      },
      () => undefined,
    ),
    model: new CodeDeployModel(store),
    ecs: world.ecs,
    elb: world.elb,
    s3: world.s3,
    wake: (id) => void woken.push(id),
  };
  const h = codedeployHandlers(cd) as Record<string, (input: unknown, c: RequestContext) => unknown>;
  const call: Call = async (op, input) => (await h[op](input, ctx)) as never;
  return { cd, store, world, clock, woken, call, run: (id: string) => reconcileDeployment(cd, id) };
}

/** The task definition the AppSpec deploys. */
export const NEW_TD = 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:2';

/** An ECS AppSpec deploying NEW_TD (container web, port 80), with these hooks (event → function). */
export function appSpec(hooks: Record<string, string> = {}): string {
  const hookLines = Object.entries(hooks).map(([event, fn]) => `  - ${event}: "${fn}"`);
  return [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    `        TaskDefinition: "${NEW_TD}"`,
    '        LoadBalancerInfo:',
    '          ContainerName: "web"',
    '          ContainerPort: 80',
    ...(hookLines.length ? ['Hooks:', ...hookLines] : []),
  ].join('\n');
}

export interface GroupOptions {
  config?: string;
  test?: boolean;
  blueGreen?: BlueGreenDeploymentConfiguration;
  autoRollback?: AutoRollbackConfiguration;
}

/**
 * A CODE_DEPLOY service `web` on target group tg-blue behind a production listener (and a test
 * listener when asked), in a deployment group `dg` of application `app`; `deploy` creates a
 * deployment of NEW_TD, `run` (of the room) takes one deployer step.
 */
export async function blueGreenGroup(opts: GroupOptions = {}) {
  const room = memoryCodeDeploy();
  const { world, call } = room;
  const blue = world.targetGroup('tg-blue');
  const green = world.targetGroup('tg-green');
  const prod = world.listener(blue);
  const test = opts.test ? world.listener(blue) : undefined;
  world.service('web', blue);
  await call('CreateApplication', { applicationName: 'app', computePlatform: 'ECS' });
  await call('CreateDeploymentGroup', {
    applicationName: 'app',
    deploymentGroupName: 'dg',
    serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
    deploymentConfigName: opts.config,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    ecsServices: [{ clusterName: 'c', serviceName: 'web' }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [
        {
          targetGroups: [{ name: 'tg-blue' }, { name: 'tg-green' }],
          prodTrafficRoute: { listenerArns: [prod] },
          ...(test ? { testTrafficRoute: { listenerArns: [test] } } : {}),
        },
      ],
    },
    blueGreenDeploymentConfiguration: opts.blueGreen,
    autoRollbackConfiguration: opts.autoRollback,
  });
  const deploy = async (hooks: Record<string, string> = {}) => {
    const { deploymentId } = await call('CreateDeployment', {
      applicationName: 'app',
      deploymentGroupName: 'dg',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(hooks) } },
    });
    return deploymentId!;
  };
  const get = async (id: string) => (await call('GetDeployment', { deploymentId: id })).deploymentInfo!;
  const target = async (id: string) =>
    (await call('GetDeploymentTarget', { deploymentId: id, targetId: 'c:web' })).deploymentTarget!.ecsTarget!;
  const sets = () => world.ecs.listTaskSets({ region: 'us-east-1', account: '000000000000' }, 'c', 'web');
  const greenWeight = () => world.weight(prod, green);
  return { ...room, blue, green, prod, test, deploy, get, target, sets, greenWeight };
}
