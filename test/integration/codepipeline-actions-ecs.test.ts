/**
 * The ECS deploy action run in-process against a real Slipway, real containers and the real load
 * balancer: imagedefinitions.json makes a new revision of the service's task definition with the
 * new image, the rolling deployment completes and the load balancer answers the new body; a
 * resumed run waits for the same deployment; a deployment that outlasts DeploymentTimeout fails
 * saying so; a missing file, bad JSON, an unknown container or service fail in CodePipeline's
 * words and register nothing.
 */
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { ecsDeployAction } from '../../src/services/codepipeline/actions/ecs-deploy.ts';
import type { ActionStarted } from '../../src/services/codepipeline/actions/types.ts';
import type { EcsServicesFacade } from '../../src/services/ecs/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { forwardingListener, quickTargetGroup } from '../support/ecs.ts';
import { elbClient, spread } from '../support/elb.ts';
import { ensureTestImages, TEST_IMAGE, TEST_PAGE } from '../support/images.ts';
import { ARTIFACT_BUCKET, SCOPE, actionJob, artifactAt, putArtifact } from '../support/pipeline-actions.ts';
import { awsCli, docker, facadeOf, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

let s: TestSlipway;
const V2_IMAGE = 'slipway-test/pipeactions-web:v2';
let url: string;
let action: ReturnType<typeof ecsDeployAction>;
let s3: S3Facade;

const type = { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' } as const;
const configuration = { ClusterName: 'default', ServiceName: 'pa-web' };

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  // An image of its own whose page says v2, so the load balancer shows which image answers.
  execFileSync('docker', ['build', '-q', '-t', V2_IMAGE, '-'], { input: `FROM ${TEST_IMAGE}\nRUN echo v2 > /www/index.html\n` });
  s3 = facadeOf<S3Facade>(s.app, 's3');
  action = ecsDeployAction({ ecs: facadeOf<EcsServicesFacade>(s.app, 'ecs'), s3, clock: s.app.ctx.clock });
  await awsCli(s.endpoint, ['s3api', 'create-bucket', '--bucket', ARTIFACT_BUCKET]);

  const elb = elbClient(s.endpoint);
  const tg = await quickTargetGroup(elb, 'pa-web', 'instance', 8080);
  url = (await forwardingListener(elb, 'pa-web', tg)).url;
  await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'pa-web',
      containerDefinitions: [
        {
          name: 'web',
          image: TEST_IMAGE,
          memory: 16,
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
          command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        },
        { name: 'sidecar', image: TEST_IMAGE, memory: 8, essential: false, command: ['sleep', '3600'] },
      ],
    }),
  );
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'pa-web',
      taskDefinition: 'pa-web',
      desiredCount: 2,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
    }),
  );
  await waitFor('the first version to answer', async () => (await spread(url, 4)).get(TEST_PAGE) === 4, 120_000);
});
after(async () => {
  await s?.close();
  await docker
    .getImage(V2_IMAGE)
    .remove({ force: true })
    .catch(() => undefined);
});

const revisions = async () => (await s.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'pa-web' }))).taskDefinitionArns ?? [];

async function deployFiles(files: Record<string, string>, more: Record<string, string> = {}) {
  const input = artifactAt('BuildArtifact');
  await putArtifact(s3, input, files);
  const reported: ActionStarted[] = [];
  const job = actionJob(type, { ...configuration, ...more }, { inputArtifacts: [input] });
  const outcome = await action.run(job, (st) => reported.push(st));
  return { job, outcome, reported };
}

test('imagedefinitions.json rolls the service to a new revision with the new image; the load balancer answers it', async () => {
  const { job, outcome, reported } = await deployFiles({ 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: V2_IMAGE }]) });
  assert.equal(outcome.status, 'Succeeded', JSON.stringify(outcome));
  assert.equal(reported.length, 1);
  const service = (await s.ecs.send(new DescribeServicesCommand({ services: ['pa-web'] }))).services![0]!;
  assert.match(service.taskDefinition!, /:task-definition\/pa-web:2$/);
  assert.equal(reported[0]!.externalExecutionId, service.deployments![0]!.id);
  assert.equal(service.deployments![0]!.rolloutState, 'COMPLETED');
  const td = await awsCli(s.endpoint, ['ecs', 'describe-task-definition', '--task-definition', 'pa-web:2']);
  const images = Object.fromEntries(td.taskDefinition.containerDefinitions.map((c: { name: string; image: string }) => [c.name, c.image]));
  assert.deepEqual(images, { web: V2_IMAGE, sidecar: TEST_IMAGE }, 'only the named container changes');
  assert.deepEqual(td.taskDefinition.containerDefinitions[0].command, ['httpd', '-f', '-p', '8080', '-h', '/www']);
  assert.deepEqual([...(await spread(url, 8)).entries()], [['v2\n', 8]]);

  // Resumed after a restart: it finds the same deployment complete and registers nothing more.
  const again = await action.run(job, () => assert.fail('a resumed run starts nothing'), reported[0]);
  assert.equal(again.status, 'Succeeded');
  assert.equal((await revisions()).length, 2);
});

test('a missing file, bad JSON, an unknown container or service fail in CodePipeline words and register nothing', async () => {
  const before = await revisions();
  const cases: [Record<string, string>, Record<string, string>, RegExp][] = [
    [{ 'other.json': '[]' }, {}, /^Did not find the image definition file imagedefinitions\.json in the input artifacts ZIP file/],
    [
      { 'images.json': '[{"name": "web"' },
      { FileName: 'images.json' },
      /^The image definition file images\.json contains invalid JSON format$/,
    ],
    [{ 'imagedefinitions.json': '{"name": "web"}' }, {}, /must be a JSON array of/],
    [{ 'imagedefinitions.json': JSON.stringify([{ name: 'api', imageUri: V2_IMAGE }]) }, {}, /^The AWS ECS container api does not exist$/],
    [{ 'imagedefinitions.json': 'x'.repeat(100 * 1024 + 1) }, {}, /exceeds the maximum file size limit of 100 KB/],
    [
      { 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: V2_IMAGE }]) },
      { ServiceName: 'absent' },
      /^The Amazon ECS service absent does not exist in cluster default$/,
    ],
  ];
  for (const [files, more, message] of cases) {
    const { outcome, reported } = await deployFiles(files, more);
    assert.equal(outcome.status, 'Failed');
    assert.match(outcome.errorDetails!.message, message);
    assert.equal(reported.length, 0);
  }
  assert.deepEqual(await revisions(), before);
  assert.equal(
    action.check!({ ...configuration, DeploymentTimeout: '0' }, SCOPE),
    'DeploymentTimeout must be a whole number of minutes from 1 to 60',
  );
});

test('a deployment that outlasts DeploymentTimeout fails, naming it', async () => {
  // An image that is nowhere: its tasks never run, so the deployment never completes.
  const { outcome, reported } = await deployFiles(
    { 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: 'slipway-test/absent:1' }]) },
    { DeploymentTimeout: '1' },
  );
  assert.equal(outcome.status, 'Failed');
  assert.equal(outcome.errorDetails?.code, 'JobFailed');
  assert.equal(
    outcome.errorDetails?.message,
    `ECS deployment ${reported[0]!.externalExecutionId} of service pa-web (cluster default) did not complete within the deployment timeout of 1 minutes`,
  );
  assert.equal(outcome.externalExecutionId, reported[0]!.externalExecutionId);
});

test("a deployment the circuit breaker stops fails the action with ECS's reason", async () => {
  await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'pa-breaker',
      containerDefinitions: [{ name: 'web', image: TEST_IMAGE, memory: 16, command: ['sleep', '3600'] }],
    }),
  );
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'pa-breaker',
      taskDefinition: 'pa-breaker',
      desiredCount: 1,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    }),
  );
  const { outcome, reported } = await deployFiles(
    { 'imagedefinitions.json': JSON.stringify([{ name: 'web', imageUri: 'slipway-test/absent:1' }]) },
    { ServiceName: 'pa-breaker' },
  );
  assert.equal(outcome.status, 'Failed');
  // Seen while still listed (its rolloutStateReason), or after the rollback replaced it (its service event).
  const id = reported[0]!.externalExecutionId;
  assert.ok(outcome.errorDetails!.message.startsWith(`ECS deployment ${id} of service pa-breaker (cluster default) failed: `));
  assert.match(outcome.errorDetails!.message, /tasks failed to start\.$/);
});
