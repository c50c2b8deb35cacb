/**
 * CodeDeploy on the edge, through the AWS SDK v3 and the aws CLI: applications, deployment
 * configs, tags, deployment-group checks against real ELB target groups and listeners.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CD from '@aws-sdk/client-codedeploy';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { elbClient } from '../support/elb.ts';
import { awsCli, clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ROLE = 'arn:aws:iam::000000000000:role/ecsCodeDeployRole';
const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };

describe('codedeploy api', () => {
  let s: TestSlipway;
  let cd: CD.CodeDeployClient;
  let elb: E.ElasticLoadBalancingV2Client;
  let blueTg: string;
  let _greenTg: string;
  let listener: string;

  before(async () => {
    s = await startTestSlipway({ timeScale: 20 });
    cd = new CD.CodeDeployClient(clientConfig(s.endpoint));
    elb = elbClient(s.endpoint);
    const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'cd-api', Subnets: ['subnet-aaaaaaaa', 'subnet-bbbbbbbb'] })))
      .LoadBalancers![0];
    const tg = async (name: string) =>
      (
        await elb.send(
          new E.CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 80, TargetType: 'ip', VpcId: 'vpc-1', ...FAST_HEALTH }),
        )
      ).TargetGroups![0].TargetGroupArn!;
    blueTg = await tg('cd-blue');
    _greenTg = await tg('cd-green');
    listener = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Port: 18481,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: blueTg }],
        }),
      )
    ).Listeners![0].ListenerArn!;
  });
  after(async () => {
    cd?.destroy();
    elb?.destroy();
    await s?.close();
  });

  it('applications and tags through the SDK', async () => {
    const { applicationId } = await cd.send(
      new CD.CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS', tags: [{ Key: 'team', Value: 'a' }] }),
    );
    assert.match(applicationId!, /^[0-9a-f-]{36}$/);
    await assert.rejects(cd.send(new CD.CreateApplicationCommand({ applicationName: 'web', computePlatform: 'ECS' })), {
      name: 'ApplicationAlreadyExistsException',
    });
    const app = (await cd.send(new CD.GetApplicationCommand({ applicationName: 'web' }))).application!;
    assert.equal(app.computePlatform, 'ECS');
    assert.ok(app.createTime instanceof Date);
    const arn = 'arn:aws:codedeploy:us-east-1:000000000000:application:web';
    assert.deepEqual((await cd.send(new CD.ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, [{ Key: 'team', Value: 'a' }]);
    await assert.rejects(cd.send(new CD.GetApplicationCommand({ applicationName: 'nope' })), {
      name: 'ApplicationDoesNotExistException',
      message: 'No application found for name: nope',
    });
  });

  it('deployment configs through the aws CLI', async () => {
    const list = await awsCli(s.endpoint, ['deploy', 'list-deployment-configs']);
    assert.ok(list.deploymentConfigsList.includes('CodeDeployDefault.ECSLinear10PercentEvery1Minutes'));
    await awsCli(s.endpoint, [
      'deploy',
      'create-deployment-config',
      '--deployment-config-name',
      'canary-25',
      '--compute-platform',
      'ECS',
      '--traffic-routing-config',
      '{"type":"TimeBasedCanary","timeBasedCanary":{"canaryPercentage":25,"canaryInterval":2}}',
    ]);
    const got = await awsCli(s.endpoint, ['deploy', 'get-deployment-config', '--deployment-config-name', 'canary-25']);
    assert.deepEqual(got.deploymentConfigInfo.trafficRoutingConfig, {
      type: 'TimeBasedCanary',
      timeBasedCanary: { canaryPercentage: 25, canaryInterval: 2 },
    });
    await assert.rejects(
      awsCli(s.endpoint, [
        'deploy',
        'create-deployment-config',
        '--deployment-config-name',
        'bad',
        '--compute-platform',
        'ECS',
        '--traffic-routing-config',
        '{"type":"TimeBasedLinear"}',
      ]),
      /InvalidTrafficRoutingConfigurationException.*timeBasedLinear/s,
    );
  });

  it('deployment groups are checked against the real target groups and listener', async () => {
    await awsCli(s.endpoint, ['deploy', 'create-application', '--application-name', 'shop', '--compute-platform', 'ECS']);
    const base = [
      'deploy',
      'create-deployment-group',
      '--application-name',
      'shop',
      '--deployment-group-name',
      'shop-dg',
      '--service-role-arn',
      ROLE,
      '--deployment-style',
      'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
      '--ecs-services',
      'serviceName=shop,clusterName=default',
    ];
    const pair = (groups: string[], prod = listener) => [
      '--load-balancer-info',
      JSON.stringify({
        targetGroupPairInfoList: [{ targetGroups: groups.map((name) => ({ name })), prodTrafficRoute: { listenerArns: [prod] } }],
      }),
    ];
    await assert.rejects(
      awsCli(s.endpoint, [...base, ...pair(['cd-blue', 'cd-missing'])]),
      /InvalidTargetGroupPairException.*cd-missing does not exist/s,
    );
    await assert.rejects(
      awsCli(s.endpoint, [...base, ...pair(['cd-blue', 'cd-green'], `${listener}x`)]),
      /InvalidTargetGroupPairException.*does not exist/s,
    );
    await assert.rejects(
      awsCli(s.endpoint, [
        ...base,
        ...pair(['cd-blue', 'cd-green']),
        '--blue-green-deployment-configuration',
        '{"deploymentReadyOption":{"actionOnTimeout":"CONTINUE_DEPLOYMENT","waitTimeInMinutes":5}}',
      ]),
      /InvalidBlueGreenDeploymentConfigurationException.*CONTINUE_DEPLOYMENT/s,
    );
    const groups = await cd.send(new CD.ListDeploymentGroupsCommand({ applicationName: 'shop' }));
    assert.deepEqual(groups.deploymentGroups, [], 'nothing written');
  });
});
