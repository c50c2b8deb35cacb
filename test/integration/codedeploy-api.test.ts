/**
 * CodeDeploy on the edge, through the AWS SDK v3 and the aws CLI: applications, deployment
 * configs, tags, deployment-group checks against real ELB target groups and listeners; and the
 * ELB traffic facade CodeDeploy drives, measured through a real listener (HAProxy) in front of two
 * real targets.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CD from '@aws-sdk/client-codedeploy';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { elbTrafficFacade } from '../../src/services/elb/traffic.ts';
import { elbClient, spread, startTarget, targetStates, type Target } from '../support/elb.ts';
import { awsCli, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const ROLE = 'arn:aws:iam::000000000000:role/ecsCodeDeployRole';
const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };

describe('codedeploy api', () => {
  let s: TestSlipway;
  let cd: CD.CodeDeployClient;
  let elb: E.ElasticLoadBalancingV2Client;
  let blueTg: string;
  let greenTg: string;
  let listener: string;
  let dns: string;
  const targets: Target[] = [];

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    cd = new CD.CodeDeployClient({ endpoint: s.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'cd-api', Subnets: ['subnet-a', 'subnet-b'] }))).LoadBalancers![0];
    dns = lb.DNSName!;
    const tg = async (name: string) => (await elb.send(new E.CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }))).TargetGroups![0].TargetGroupArn!;
    blueTg = await tg('cd-blue');
    greenTg = await tg('cd-green');
    listener = (await elb.send(new E.CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Port: 18481, DefaultActions: [{ Type: 'forward', TargetGroupArn: blueTg }] }))).Listeners![0].ListenerArn!;
  });
  after(async () => {
    cd?.destroy();
    elb?.destroy();
    await Promise.all(targets.map((t) => t.close()));
    await s?.close();
  });

  it('applications and tags through the SDK', async () => {
    const { applicationId } = await cd.send(new CD.CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS', tags: [{ Key: 'team', Value: 'a' }] }));
    assert.match(applicationId!, /^[0-9a-f-]{36}$/);
    await assert.rejects(cd.send(new CD.CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS' })), { name: 'ApplicationAlreadyExistsException' });
    const app = (await cd.send(new CD.GetApplicationCommand({ applicationName: 'web' }))).application!;
    assert.equal(app.computePlatform, 'ECS');
    assert.ok(app.createTime instanceof Date);
    const arn = 'arn:aws:codedeploy:us-east-1:000000000000:application:web';
    assert.deepEqual((await cd.send(new CD.ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, [{ Key: 'team', Value: 'a' }]);
    await assert.rejects(cd.send(new CD.GetApplicationCommand({ applicationName: 'nope' })), { name: 'ApplicationDoesNotExistException', message: 'No application found for name: nope' });
  });

  it('deployment configs through the aws CLI', async () => {
    const list = await awsCli(s.endpoint, ['deploy', 'list-deployment-configs']);
    assert.ok(list.deploymentConfigsList.includes('CodeDeployDefault.ECSLinear10PercentEvery1Minutes'));
    await awsCli(s.endpoint, [
      'deploy', 'create-deployment-config', '--deployment-config-name', 'canary-25', '--compute-platform', 'ECS',
      '--traffic-routing-config', '{"type":"TimeBasedCanary","timeBasedCanary":{"canaryPercentage":25,"canaryInterval":2}}',
    ]);
    const got = await awsCli(s.endpoint, ['deploy', 'get-deployment-config', '--deployment-config-name', 'canary-25']);
    assert.deepEqual(got.deploymentConfigInfo.trafficRoutingConfig, { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 2 } });
    await assert.rejects(
      awsCli(s.endpoint, ['deploy', 'create-deployment-config', '--deployment-config-name', 'bad', '--compute-platform', 'ECS', '--traffic-routing-config', '{"type":"TimeBasedLinear"}']),
      /InvalidTrafficRoutingConfigurationException.*timeBasedLinear/s,
    );
  });

  it('deployment groups are checked against the real target groups and listener', async () => {
    await awsCli(s.endpoint, ['deploy', 'create-application', '--application-name', 'shop', '--compute-platform', 'ECS']);
    const base = [
      'deploy', 'create-deployment-group', '--application-name', 'shop', '--deployment-group-name', 'shop-dg', '--service-role-arn', ROLE,
      '--deployment-style', 'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
      '--ecs-services', 'serviceName=shop,clusterName=default',
    ];
    const pair = (groups: string[], prod = listener) => ['--load-balancer-info', JSON.stringify({ targetGroupPairInfoList: [{ targetGroups: groups.map((name) => ({ name })), prodTrafficRoute: { listenerArns: [prod] } }] })];
    await assert.rejects(awsCli(s.endpoint, [...base, ...pair(['cd-blue', 'cd-missing'])]), /InvalidTargetGroupPairException.*cd-missing does not exist/s);
    await assert.rejects(awsCli(s.endpoint, [...base, ...pair(['cd-blue', 'cd-green'], `${listener}x`)]), /InvalidTargetGroupPairException.*does not exist/s);
    await assert.rejects(
      awsCli(s.endpoint, [...base, ...pair(['cd-blue', 'cd-green']), '--blue-green-deployment-configuration', '{"deploymentReadyOption":{"actionOnTimeout":"CONTINUE_DEPLOYMENT","waitTimeInMinutes":5}}']),
      /InvalidBlueGreenDeploymentConfigurationException.*CONTINUE_DEPLOYMENT/s,
    );
    const groups = await cd.send(new CD.ListDeploymentGroupsCommand({ applicationName: 'shop' }));
    assert.deepEqual(groups.deploymentGroups, [], 'nothing written');
  });

  it("the traffic facade moves a real listener's weighted forward between two groups", async () => {
    const blue = await startTarget('blue');
    const green = await startTarget('green');
    targets.push(blue, green);
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: blueTg, Targets: [{ Id: '127.0.0.1', Port: blue.port }] }));
    await elb.send(new E.RegisterTargetsCommand({ TargetGroupArn: greenTg, Targets: [{ Id: '127.0.0.1', Port: green.port }] }));
    const traffic = elbTrafficFacade(s.app.ctx);
    traffic.setForwardWeights(listener, [
      { targetGroupArn: blueTg, weight: 100 },
      { targetGroupArn: greenTg, weight: 0 },
    ]);
    // Green is now in use, so it is health-checked.
    await waitFor('green healthy', async () => traffic.targetHealth(greenTg).healthy === 1, 20_000, 50);
    await waitFor('blue healthy', async () => (await targetStates(elb, blueTg)).some((x) => x.endsWith(' healthy')), 20_000, 50);
    const url = `http://${dns}:18481/`;
    await waitFor('blue answers', async () => (await spread(url, 20)).get('blue') === 20, 10_000, 100);

    traffic.setForwardWeights(listener, [
      { targetGroupArn: blueTg, weight: 50 },
      { targetGroupArn: greenTg, weight: 50 },
    ]);
    const described = (await elb.send(new E.DescribeListenersCommand({ ListenerArns: [listener] }))).Listeners![0].DefaultActions![0];
    assert.deepEqual(described.ForwardConfig!.TargetGroups!.map((t) => [t.TargetGroupArn, t.Weight]), [[blueTg, 50], [greenTg, 50]]);
    await waitFor('both answer', async () => {
      const counts = await spread(url, 200);
      return (counts.get('blue') ?? 0) > 40 && (counts.get('green') ?? 0) > 40;
    }, 10_000, 100);

    traffic.setForwardWeights(listener, [{ targetGroupArn: greenTg, weight: 100 }]);
    assert.deepEqual(traffic.forwardWeights(listener), [{ targetGroupArn: greenTg, weight: 100 }, { targetGroupArn: blueTg, weight: 0 }]);
    await waitFor('green alone', async () => (await spread(url, 40)).get('green') === 40, 10_000, 100);
  });
});
