/**
 * The GitHub Action aws-actions/amazon-ecs-deploy-task-definition (v2, its dist/index.js) on its
 * CodeDeploy path, call for call: RegisterTaskDefinition of the cleaned file, DescribeServices to
 * pick the path, GetDeploymentGroup, the AppSpec with its TaskDefinition replaced sent as
 * AppSpecContent {content, sha256}, then waitUntilDeploymentSuccessful; and the aws CLI's
 * `deploy wait deployment-successful` over a linear deployment. Production is under steady load
 * throughout and no request may fail.
 */
import { CodeDeploy, waitUntilDeploymentSuccessful } from '@aws-sdk/client-codedeploy';
import { CreateServiceCommand, DescribeTaskSetsCommand, ECS, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parse } from 'yaml';
import { blueGreenListeners, registerVersion, slipwayForTests } from '../support/ecs.ts';
import { elbClient, spread, steadyLoad } from '../support/elb.ts';
import { TEST_IMAGE } from '../support/images.ts';
import { aws, awsCli, cleanLikeDeployAction, clientConfig, waitFor } from '../support/slipway.ts';

const slipwayUnderTest = slipwayForTests();

/** The action's constants (index.js): GetDeployment every 15 s, at most 6 hours in all. */
const WAIT_DEFAULT_DELAY_SEC = 15;
const MAX_WAIT_MINUTES = 360;
/** The task definition fields the action drops before registering (IGNORED_TASK_DEFINITION_ATTRIBUTES). */
const IGNORED = [
  'compatibilities',
  'taskDefinitionArn',
  'requiresAttributes',
  'revision',
  'status',
  'registeredAt',
  'deregisteredAt',
  'registeredBy',
];

/** The action's case-insensitive AppSpec lookup (findAppSpecKey). */
function appSpecKey(obj: Record<string, unknown>, keyName: string): string {
  const key = Object.keys(obj ?? {}).find((k) => k.toLowerCase() === keyName.toLowerCase());
  if (!key) throw new Error(`AppSpec file must include property '${keyName}'`);
  return key;
}

/** What a repository keeps as its task definition file: DescribeTaskDefinition's output, nulls and read-only fields included. */
const taskDefinitionFile = (version: string) =>
  JSON.stringify({
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/action-web:1',
    family: 'action-web',
    revision: 1,
    status: 'ACTIVE',
    compatibilities: ['EC2'],
    requiresAttributes: [],
    volumes: [],
    placementConstraints: [],
    containerDefinitions: [
      {
        name: 'web',
        image: TEST_IMAGE,
        memory: 16,
        essential: true,
        environment: [],
        mountPoints: [],
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
        command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
      },
    ],
  });

const APPSPEC_FILE = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
`;

/** The action's run() for a CODE_DEPLOY service with wait-for-service-stability: true; the deployment id. */
async function deployAction(
  endpoint: string,
  inputs: { taskDefinitionFile: string; appSpecFile: string; cluster: string; service: string },
) {
  const ecs = new ECS({ ...clientConfig(endpoint), customUserAgent: 'amazon-ecs-deploy-task-definition-for-github-actions' });
  const codedeploy = new CodeDeploy({ ...clientConfig(endpoint), customUserAgent: 'amazon-ecs-deploy-task-definition-for-github-actions' });
  try {
    const contents = cleanLikeDeployAction(parse(inputs.taskDefinitionFile)) as Record<string, unknown>;
    for (const attribute of IGNORED) delete contents[attribute];
    const registered = await ecs.registerTaskDefinition(contents as unknown as RegisterTaskDefinitionCommandInput);
    const taskDefArn = registered.taskDefinition!.taskDefinitionArn!;

    const described = await ecs.describeServices({ services: [inputs.service], cluster: inputs.cluster });
    if (described.failures?.length) throw new Error(`${described.failures[0].arn} is ${described.failures[0].reason}`);
    const service = described.services![0];
    if (service.status !== 'ACTIVE') throw new Error(`Service is ${service.status}`);
    assert.equal(service.deploymentController?.type, 'CODE_DEPLOY', 'the action takes its CodeDeploy path');

    const applicationName = `AppECS-${inputs.cluster}-${inputs.service}`;
    const deploymentGroupName = `DgpECS-${inputs.cluster}-${inputs.service}`;
    const group = (await codedeploy.getDeploymentGroup({ applicationName, deploymentGroupName })).deploymentGroupInfo!;

    const appSpec = parse(inputs.appSpecFile) as Record<string, unknown>;
    for (const resource of appSpec[appSpecKey(appSpec, 'resources')] as Record<string, Record<string, unknown>>[]) {
      for (const name in resource) {
        const properties = resource[name][appSpecKey(resource[name], 'properties')] as Record<string, unknown>;
        properties[appSpecKey(properties, 'taskDefinition')] = taskDefArn;
      }
    }
    const content = JSON.stringify(appSpec);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const { deploymentId } = await codedeploy.createDeployment({
      applicationName,
      deploymentGroupName,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256 } },
    });

    const blueGreen = group.blueGreenDeploymentConfiguration!;
    const readyMinutes = blueGreen.deploymentReadyOption!.waitTimeInMinutes!;
    const terminationMinutes = blueGreen.terminateBlueInstancesOnDeploymentSuccess!.terminationWaitTimeInMinutes!;
    const totalWaitMin = Math.min(readyMinutes + terminationMinutes + 30, MAX_WAIT_MINUTES);
    assert.ok(Number.isFinite(totalWaitMin), 'GetDeploymentGroup gives the numbers the action adds up');
    const waited = await waitUntilDeploymentSuccessful(
      { client: codedeploy, minDelay: WAIT_DEFAULT_DELAY_SEC, maxWaitTime: totalWaitMin * 60 },
      { deploymentId: deploymentId! },
    );
    assert.equal(waited.state, 'SUCCESS');
    return { deploymentId: deploymentId!, taskDefArn };
  } finally {
    ecs.destroy();
    codedeploy.destroy();
  }
}

test('the deploy action deploys a CODE_DEPLOY service through CodeDeploy (AllAtOnce) and waits for success; no request fails', async () => {
  const slipway = slipwayUnderTest();
  const elb = elbClient(slipway.endpoint);
  const cli = (args: string[]) => awsCli(slipway.endpoint, args);
  const { blue, listener, url } = await blueGreenListeners(elb, 'action');
  const prod = await listener(8000);
  const v1 = await registerVersion(slipway.ecs, 'action-web', 'v1');
  await slipway.ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await waitFor('v1 in production', async () => (await spread(url(8000), 20)).get('v1\n') === 20, 120_000, 200);
  await cli(['deploy', 'create-application', '--application-name', 'AppECS-default-web', '--compute-platform', 'ECS']);
  await cli([
    'deploy',
    'create-deployment-group',
    '--application-name',
    'AppECS-default-web',
    '--deployment-group-name',
    'DgpECS-default-web',
    '--service-role-arn',
    'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
    '--deployment-style',
    'deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL',
    '--ecs-services',
    'serviceName=web,clusterName=default',
    '--load-balancer-info',
    JSON.stringify({
      targetGroupPairInfoList: [
        { targetGroups: [{ name: 'action-blue' }, { name: 'action-green' }], prodTrafficRoute: { listenerArns: [prod] } },
      ],
    }),
    '--blue-green-deployment-configuration',
    '{"terminateBlueInstancesOnDeploymentSuccess":{"action":"TERMINATE","terminationWaitTimeInMinutes":0}}',
  ]);

  const load = steadyLoad(url(8000), 4);
  const { deploymentId, taskDefArn } = await deployAction(slipway.endpoint, {
    taskDefinitionFile: taskDefinitionFile('v2'),
    appSpecFile: APPSPEC_FILE,
    cluster: 'default',
    service: 'web',
  });
  const stats = await load.stop();
  assert.deepEqual(stats.failures, [], 'no failed request while traffic moved all at once');
  assert.equal(stats.failed, 0);
  assert.ok((stats.bodies.get('v1\n') ?? 0) > 0 && (stats.bodies.get('v2\n') ?? 0) > 0, JSON.stringify([...stats.bodies]));
  assert.deepEqual([...(await spread(url(8000), 40)).keys()], ['v2\n']);
  const info = (await cli(['deploy', 'get-deployment', '--deployment-id', deploymentId])).deploymentInfo;
  assert.equal(info.status, 'Succeeded');
  assert.equal(info.deploymentConfigName, 'CodeDeployDefault.ECSAllAtOnce');
  const revision = JSON.parse(info.revision.appSpecContent.content);
  assert.equal(revision.Resources[0].TargetService.Properties.TaskDefinition, taskDefArn);
  assert.equal(info.revision.appSpecContent.sha256, createHash('sha256').update(info.revision.appSpecContent.content).digest('hex'));

  // The next deployment moves production linearly (50% a minute: 3 s at scale 20); the CLI's waiter follows it.
  await cli([
    'deploy',
    'create-deployment-config',
    '--deployment-config-name',
    'linear-50-1',
    '--compute-platform',
    'ECS',
    '--traffic-routing-config',
    '{"type":"TimeBasedLinear","timeBasedLinear":{"linearPercentage":50,"linearInterval":1}}',
  ]);
  const v3 = await registerVersion(slipway.ecs, 'action-web', 'v3');
  const linearLoad = steadyLoad(url(8000), 4);
  const content = APPSPEC_FILE.replace('<TASK_DEFINITION>', v3);
  const created = await cli([
    'deploy',
    'create-deployment',
    '--application-name',
    'AppECS-default-web',
    '--deployment-group-name',
    'DgpECS-default-web',
    '--deployment-config-name',
    'linear-50-1',
    '--revision',
    JSON.stringify({ revisionType: 'AppSpecContent', appSpecContent: { content } }),
  ]);
  assert.equal(await aws(slipway.endpoint, ['deploy', 'wait', 'deployment-successful', '--deployment-id', created.deploymentId]), '');
  const linear = await linearLoad.stop();
  assert.deepEqual(linear.failures, [], 'no failed request while traffic moved linearly');
  assert.equal(linear.failed, 0);
  assert.ok((linear.bodies.get('v2\n') ?? 0) > 0 && (linear.bodies.get('v3\n') ?? 0) > 0, JSON.stringify([...linear.bodies]));
  const after = (await cli(['deploy', 'get-deployment', '--deployment-id', created.deploymentId])).deploymentInfo;
  assert.equal(after.status, 'Succeeded');
  assert.deepEqual([...(await spread(url(8000), 40)).keys()], ['v3\n']);
});

test('a replacement whose tasks keep exiting fails the deployment promptly and rolls back; the CLI waiter reports the failure', async () => {
  // The previous test left v3 serving through the deployment group.
  const slipway = slipwayUnderTest();
  const cli = (args: string[]) => awsCli(slipway.endpoint, args);
  const url = `http://${(await cli(['elbv2', 'describe-load-balancers', '--names', 'action'])).LoadBalancers[0].DNSName}:8000/`;
  await cli([
    'deploy',
    'update-deployment-group',
    '--application-name',
    'AppECS-default-web',
    '--current-deployment-group-name',
    'DgpECS-default-web',
    '--auto-rollback-configuration',
    'enabled=true,events=DEPLOYMENT_FAILURE',
  ]);
  const crashing = (
    await cli([
      'ecs',
      'register-task-definition',
      '--family',
      'action-web',
      '--container-definitions',
      JSON.stringify([
        {
          name: 'web',
          image: TEST_IMAGE,
          memory: 16,
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
          command: ['sh', '-c', 'exit 3'],
        },
      ]),
    ])
  ).taskDefinition.taskDefinitionArn;
  const load = steadyLoad(url, 4);
  const { deploymentId } = await cli([
    'deploy',
    'create-deployment',
    '--application-name',
    'AppECS-default-web',
    '--deployment-group-name',
    'DgpECS-default-web',
    '--revision',
    JSON.stringify({ revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC_FILE.replace('<TASK_DEFINITION>', crashing) } }),
  ]);
  // Install's own limit is an hour (3 minutes at scale 20); tasks that cannot start end it long before.
  const failed = await waitFor(
    'the deployment Failed',
    async () => {
      const d = (await cli(['deploy', 'get-deployment', '--deployment-id', deploymentId])).deploymentInfo;
      return d.status === 'Failed' ? d : undefined;
    },
    60_000,
    250,
  );
  assert.equal(failed.errorInformation.code, 'ECS_UPDATE_ERROR');
  assert.match(failed.errorInformation.message, /failed to start/);
  await assert.rejects(
    aws(slipway.endpoint, ['deploy', 'wait', 'deployment-successful', '--deployment-id', deploymentId]),
    /Waiter DeploymentSuccessful failed/,
  );
  const rollback = failed.rollbackInfo.rollbackDeploymentId;
  assert.equal(await aws(slipway.endpoint, ['deploy', 'wait', 'deployment-successful', '--deployment-id', rollback]), '');
  const stats = await load.stop();
  assert.deepEqual(stats.failures, [], 'production stayed on the original set');
  assert.deepEqual([...stats.bodies.keys()], ['v3\n']);
  const sets = await waitFor(
    'the replacement set gone',
    async () => {
      const all = (await slipway.ecs.send(new DescribeTaskSetsCommand({ cluster: 'default', service: 'web' }))).taskSets!;
      return all.length === 1 ? all : undefined;
    },
    60_000,
    250,
  );
  assert.notEqual(sets[0].taskDefinition, crashing);
});
