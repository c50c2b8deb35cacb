/**
 * CodeDeploy on the edge, through the AWS SDK v3 and the aws CLI: applications, deployment
 * configs, tags, deployment-group checks against real ELB target groups and listeners, and a
 * deployment whose AppSpec file is read from Slipway's S3.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CD from '@aws-sdk/client-codedeploy';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateServiceCommand, DescribeTaskSetsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../support/s3.ts';
import { elbClient } from '../support/elb.ts';
import { awsCli, clientConfig, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

const ROLE = 'arn:aws:iam::000000000000:role/ecsCodeDeployRole';
const FAST_HEALTH = { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };

describe('codedeploy api', () => {
  let s: TestSlipway;
  let cd: CD.CodeDeployClient;
  let elb: E.ElasticLoadBalancingV2Client;
  let blueTg: string;
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
    await tg('cd-green');
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
  it('an S3 revision: the AppSpec file put with the S3 client, its eTag checked, deployed through the aws CLI', async () => {
    // No task runs (desired count 0): the AppSpec's task definition only has to reach ECS.
    const family = async (name: string) =>
      (
        await s.ecs.send(
          new RegisterTaskDefinitionCommand({
            family: name,
            containerDefinitions: [{ name: 'web', image: 'busybox', memory: 64, portMappings: [{ containerPort: 80 }] }],
          }),
        )
      ).taskDefinition!.taskDefinitionArn!;
    const v1 = await family('s3rev-v1');
    const v2 = await family('s3rev-v2');
    await s.ecs.send(
      new CreateServiceCommand({
        serviceName: 's3rev',
        taskDefinition: v1,
        desiredCount: 0,
        deploymentController: { type: 'CODE_DEPLOY' },
        loadBalancers: [{ targetGroupArn: blueTg, containerName: 'web', containerPort: 80 }],
      }),
    );
    await awsCli(s.endpoint, ['deploy', 'create-application', '--application-name', 's3rev', '--compute-platform', 'ECS']);
    await awsCli(s.endpoint, [
      'deploy',
      'create-deployment-group',
      '--application-name',
      's3rev',
      '--deployment-group-name',
      's3rev-dg',
      '--service-role-arn',
      ROLE,
      '--deployment-style',
      'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
      '--ecs-services',
      'serviceName=s3rev,clusterName=default',
      '--load-balancer-info',
      JSON.stringify({
        targetGroupPairInfoList: [
          { targetGroups: [{ name: 'cd-blue' }, { name: 'cd-green' }], prodTrafficRoute: { listenerArns: [listener] } },
        ],
      }),
    ]);
    const s3 = s3Client(s.endpoint);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'cd-revisions' }));
      const appSpec = [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties:',
        `        TaskDefinition: "${v2}"`,
        '        LoadBalancerInfo:',
        '          ContainerName: web',
        '          ContainerPort: 80',
        '',
      ].join('\n');
      const { ETag } = await s3.send(new PutObjectCommand({ Bucket: 'cd-revisions', Key: 'web/appspec.yaml', Body: appSpec }));
      const deploy = (location: string) =>
        awsCli(s.endpoint, [
          'deploy',
          'create-deployment',
          '--application-name',
          's3rev',
          '--deployment-group-name',
          's3rev-dg',
          '--s3-location',
          location,
        ]);
      await assert.rejects(
        deploy('bucket=cd-revisions,key=web/missing.yaml,bundleType=YAML'),
        /RevisionDoesNotExistException.*missing\.yaml/s,
      );
      await assert.rejects(
        deploy('bucket=cd-revisions,key=web/appspec.yaml,bundleType=YAML,eTag=0123456789abcdef0123456789abcdef'),
        /InvalidRevisionException.*eTag/s,
      );
      const { deploymentId } = await deploy(`bucket=cd-revisions,key=web/appspec.yaml,bundleType=YAML,eTag=${ETag!.replace(/"/g, '')}`);
      const info = await waitFor(
        'the S3 revision deployed',
        async () => {
          const d = (await cd.send(new CD.GetDeploymentCommand({ deploymentId }))).deploymentInfo!;
          return d.status === 'Succeeded' || d.status === 'Failed' ? d : undefined;
        },
        60_000,
      );
      assert.equal(info.status, 'Succeeded', JSON.stringify(info.errorInformation));
      assert.deepEqual(info.revision?.s3Location?.key, 'web/appspec.yaml');
      const sets = (await s.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 's3rev' }))).taskSets!;
      assert.deepEqual(
        sets.map((t) => [t.taskDefinition, t.status]),
        [[v2, 'PRIMARY']],
        "the AppSpec file's task definition serves",
      );
    } finally {
      s3.destroy();
    }
  });
});
