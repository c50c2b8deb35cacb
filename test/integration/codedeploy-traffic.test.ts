/**
 * The deployer against the real ELB room and its data plane: real listeners (HAProxy), real health
 * checks, real HTTP targets. ECS is played by task sets of plain HTTP servers registered in their
 * target groups (a task set is steady once ELB finds all of them healthy), so traffic is measured
 * through the production listener while the deployer moves it: canary step by step with no failed
 * request, and a stop with rollback that brings everything back to blue.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { createClock } from '../../src/core/clock.ts';
import { ecsDeploymentId, type Scope } from '../../src/core/ids.ts';
import type { Controller } from '../../src/core/reconcile.ts';
import { Store } from '../../src/store/index.ts';
import { codedeployHandlers } from '../../src/services/codedeploy/api.ts';
import type { CodeDeployContext } from '../../src/services/codedeploy/context.ts';
import { deployerController } from '../../src/services/codedeploy/deployer.ts';
import { CodeDeployModel } from '../../src/services/codedeploy/model.ts';
import type { EcsTaskSetsFacade, TaskSetView } from '../../src/services/ecs/facade-types.ts';
import { deregisterTargets, registerTargets, targetState } from '../../src/services/elb/index.ts';
import { elbTrafficFacade } from '../../src/services/elb/traffic.ts';
import type { AppContext } from '../../src/services/types.ts';
import { elbClient, spread, startTarget, steadyLoad, type Target } from '../support/elb.ts';
import { startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };
const scope: Scope = { region: 'us-east-1', account: '000000000000' };

/** Task sets of HTTP servers answering their task definition's revision ("web:2"). */
class ServerTaskSets {
  readonly sets: { view: TaskSetView; servers: Target[] }[] = [];
  /** Servers of removed sets, closed at the end (their targets drain meanwhile). */
  private readonly removed: Target[] = [];
  constructor(private readonly app: AppContext) {}

  /** A set whose two servers start listening (and are registered in its group) a moment later, as tasks do. */
  launch(taskDefinition: string, targetGroupArn: string, status: TaskSetView['status'], externalId?: string): { view: TaskSetView; ready: Promise<void> } {
    const id = ecsDeploymentId();
    const view: TaskSetView = {
      id, taskSetArn: `arn:aws:ecs:us-east-1:000000000000:task-set/c/web/${id}`, status, externalId, taskDefinition,
      computedDesiredCount: 2, pendingCount: 0, runningCount: 2, stabilityStatus: 'STABILIZING', scale: { value: 100, unit: 'PERCENT' }, targetGroupArn,
    };
    const set = { view, servers: [] as Target[] };
    this.sets.push(set);
    const answer = taskDefinition.split('/').pop()!;
    const ready = Promise.all([startTarget(answer), startTarget(answer)]).then((servers) => {
      set.servers = servers;
      registerTargets(this.app, targetGroupArn, servers.map((t) => ({ id: '127.0.0.1', port: t.port })));
    });
    return { view, ready };
  }

  private steady(set: { view: TaskSetView; servers: Target[] }): TaskSetView {
    const healthy = set.servers.length > 0 && set.servers.every((t) => targetState(this.app, set.view.targetGroupArn!, { id: '127.0.0.1', port: t.port })?.state === 'healthy');
    return { ...set.view, stabilityStatus: healthy ? 'STEADY_STATE' : 'STABILIZING' };
  }

  close = () => Promise.all([...this.removed, ...this.sets.flatMap((s) => s.servers)].map((t) => t.close()));

  readonly facade: EcsTaskSetsFacade = {
    describeService: (_s, cluster, service) => ({
      serviceArn: `arn:aws:ecs:us-east-1:000000000000:service/${cluster}/${service}`, serviceName: service, clusterArn: `arn:aws:ecs:us-east-1:000000000000:cluster/${cluster}`, clusterName: cluster,
      status: 'ACTIVE', deploymentController: 'CODE_DEPLOY', desiredCount: 2, loadBalancers: [],
    }),
    listTaskSets: () => this.sets.map((s) => this.steady(s)),
    createTaskSet: (_s, r) => this.launch(r.taskDefinition, r.loadBalancer.targetGroupArn, 'ACTIVE', r.externalId).view,
    updateTaskSetScale: () => {
      throw new Error('not used');
    },
    setPrimaryTaskSet: (_s, _c, _svc, id) => {
      for (const s of this.sets) s.view.status = s.view.id === id ? 'PRIMARY' : s.view.status === 'PRIMARY' ? 'ACTIVE' : s.view.status;
      return this.sets.find((s) => s.view.id === id)!.view;
    },
    deleteTaskSet: (_s, _c, _svc, id) => {
      const index = this.sets.findIndex((s) => s.view.id === id);
      if (index < 0) return;
      const [gone] = this.sets.splice(index, 1);
      this.removed.push(...gone.servers);
      deregisterTargets(this.app, gone.view.targetGroupArn!, gone.servers.map((t) => ({ id: '127.0.0.1', port: t.port })));
    },
  };
}

describe('codedeploy traffic through real listeners', () => {
  let s: TestSlipway;
  let elb: E.ElasticLoadBalancingV2Client;
  let ecs: ServerTaskSets;
  let deployer: Controller;
  let call: (op: string, input: object) => Promise<any>;
  let url: string;
  let port = 18490;

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    elb = elbClient(s.endpoint);
    ecs = new ServerTaskSets(s.app.ctx);
    // Its own store, so the Slipway's own CodeDeploy room (whose ECS has no task sets) never sees these deployments.
    const store = Store.open(':memory:');
    const cd: CodeDeployContext = { ...s.app.ctx, store, clock: createClock(20), model: new CodeDeployModel(store), ecs: ecs.facade, elb: elbTrafficFacade(s.app.ctx), wake: (id) => deployer.enqueue(id) };
    deployer = deployerController(cd);
    deployer.start();
    const handlers = codedeployHandlers(cd) as Record<string, (input: object, ctx: object) => unknown>;
    call = async (op, input) => handlers[op](input, { ...scope, requestId: 'r', endpoint: s.endpoint });
    await call('CreateApplication', { applicationName: 'web', computePlatform: 'ECS' });
    await call('CreateDeploymentConfig', { deploymentConfigName: 'canary-20', computePlatform: 'ECS', trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 20, canaryInterval: 5 } } });
  });
  after(async () => {
    await deployer?.stop();
    await ecs?.close();
    elb?.destroy();
    await s?.close();
  });

  /** A load balancer, blue and green groups, a listener on blue, a primary set answering web:1 in blue, and a group over them. */
  async function stage(name: string): Promise<string> {
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name, Subnets: ['subnet-a', 'subnet-b'] }))).LoadBalancers![0];
    const tg = async (n: string) => (await elb.send(new E.CreateTargetGroupCommand({ Name: n, Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }))).TargetGroups![0].TargetGroupArn!;
    const blue = await tg(`${name}-blue`);
    await tg(`${name}-green`);
    port++;
    const listener = (await elb.send(new E.CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }))).Listeners![0].ListenerArn!;
    for (const set of [...ecs.sets]) ecs.facade.deleteTaskSet(scope, 'c', 'web', set.view.id);
    await ecs.launch('arn:aws:ecs:us-east-1:000000000000:task-definition/web:1', blue, 'PRIMARY').ready;
    url = `http://${lb.DNSName}:${port}/`;
    await waitFor('blue serves', async () => (await spread(url, 20)).get('web:1') === 20, 30_000, 100);
    await call('CreateDeploymentGroup', {
      applicationName: 'web', deploymentGroupName: name, serviceRoleArn: 'arn:aws:iam::000000000000:role/cd', deploymentConfigName: 'canary-20',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      ecsServices: [{ clusterName: 'c', serviceName: name }],
      loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: `${name}-blue` }, { name: `${name}-green` }], prodTrafficRoute: { listenerArns: [listener] } }] },
    });
    return name;
  }

  /** Deploys web:2 to the group. */
  async function deploy(group: string): Promise<string> {
    const { deploymentId } = await call('CreateDeployment', {
      applicationName: 'web', deploymentGroupName: group,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:000000000000:task-definition/web:2\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n' } },
    });
    return deploymentId;
  }

  const weightOnGreen = async (id: string, group: string) => {
    const target = (await call('GetDeploymentTarget', { deploymentId: id, targetId: `c:${group}` })).deploymentTarget.ecsTarget;
    return target.taskSetsInfo.find((t: { taskSetLabel: string }) => t.taskSetLabel === 'Green')?.trafficWeight as number | undefined;
  };

  it('a canary moves 20% then all traffic to green, with no failed request on the way', async () => {
    const group = await stage('canary');
    const load = steadyLoad(url, 4);
    const id = await deploy(group);
    await waitFor('the canary step', async () => (await weightOnGreen(id, group)) === 20, 60_000, 100);
    const during = await spread(url, 200);
    assert.ok((during.get('web:2') ?? 0) > 10 && (during.get('web:1') ?? 0) > 60, `at 20%: ${JSON.stringify([...during])}`);
    await waitFor('Succeeded', async () => (await call('GetDeployment', { deploymentId: id })).deploymentInfo.status === 'Succeeded', 90_000, 200);
    const stats = await load.stop();
    assert.deepEqual(stats.failures, [], 'no failed request while traffic moved');
    assert.deepEqual([...(await spread(url, 100)).keys()], ['web:2']);
    assert.deepEqual(ecs.sets.map((x) => [x.view.taskDefinition.split('/').pop(), x.view.status]), [['web:2', 'PRIMARY']]);
  });

  it('StopDeployment with rollback mid-canary brings all traffic back to blue and removes green', async () => {
    const group = await stage('stopped');
    const id = await deploy(group);
    await waitFor('the canary step', async () => (await weightOnGreen(id, group)) === 20, 60_000, 100);
    await call('StopDeployment', { deploymentId: id, autoRollbackEnabled: true });
    const stopped = await waitFor('stopped and rolled back', async () => {
      const d = (await call('GetDeployment', { deploymentId: id })).deploymentInfo;
      const rollback = d.rollbackInfo?.rollbackDeploymentId;
      return rollback && (await call('GetDeployment', { deploymentId: rollback })).deploymentInfo.status === 'Succeeded' ? d : undefined;
    }, 60_000, 200);
    assert.equal(stopped.status, 'Stopped');
    await waitFor('blue alone', async () => (await spread(url, 100)).get('web:1') === 100, 30_000, 200);
    assert.deepEqual(ecs.sets.map((x) => x.view.taskDefinition.split('/').pop()), ['web:1']);
  });
});
