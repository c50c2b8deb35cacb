/**
 * Other clients, unchanged but for the endpoint: boto3, and the exact call sequence of the GitHub
 * Action aws-actions/amazon-ecs-deploy-task-definition (rolling path, wait-for-service-stability).
 */
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  waitUntilServicesStable,
} from '@aws-sdk/client-ecs';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ensureTestImages, TEST_IMAGE } from '../support/images.ts';
import { cleanLikeDeployAction, docker, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const run = promisify(execFile);
let s: TestSlipway;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 40 });
});
after(async () => s?.close());

test('boto3 registers, runs and describes, and reads ECS errors by code', async () => {
  const script = `
import boto3, json, sys
ecs = boto3.client('ecs', endpoint_url=sys.argv[1], region_name='eu-central-1', aws_access_key_id='t', aws_secret_access_key='t')
td = ecs.register_task_definition(family='py', containerDefinitions=[{'name': 'c', 'image': sys.argv[2], 'memory': 16, 'command': ['sleep', '60']}])['taskDefinition']
task = ecs.run_task(taskDefinition='py')['tasks'][0]
ecs.get_waiter('tasks_running').wait(tasks=[task['taskArn']], WaiterConfig={'Delay': 1, 'MaxAttempts': 60})
described = ecs.describe_tasks(tasks=[task['taskArn']])['tasks'][0]
try:
    ecs.describe_task_definition(taskDefinition='nope:7')
    error = None
except ecs.exceptions.ClientException as e:
    error = e.response['Error']['Code']
ecs.stop_task(task=task['taskArn'])
print(json.dumps({'arn': td['taskDefinitionArn'], 'status': described['lastStatus'], 'error': error, 'registeredAt': str(td['registeredAt'])}))
`;
  const { stdout } = await run('python3', ['-c', script, s.endpoint, TEST_IMAGE]);
  const out = JSON.parse(stdout);
  assert.equal(out.arn, 'arn:aws:ecs:eu-central-1:000000000000:task-definition/py:1');
  assert.equal(out.status, 'RUNNING');
  assert.equal(out.error, 'ClientException');
  assert.match(out.registeredAt, /^\d{4}-\d\d-\d\d /, 'timestamps parse as datetimes');
});

test('the deploy-task-definition action: register, update, wait for stability, find its deployment', async () => {
  const first = await s.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'action',
      containerDefinitions: [{ name: 'web', image: TEST_IMAGE, memory: 16, command: ['sleep', '3600'] }],
    }),
  );
  await s.ecs.send(
    new CreateServiceCommand({ serviceName: 'action-svc', taskDefinition: first.taskDefinition!.taskDefinitionArn, desiredCount: 2 }),
  );

  // What the action does with a task definition file rendered from DescribeTaskDefinition output.
  const file: Record<string, unknown> = {
    ...first.taskDefinition!,
    containerDefinitions: [{ ...first.taskDefinition!.containerDefinitions![0], command: ['sh', '-c', 'exec sleep 3601'] }],
  };
  for (const key of [
    'compatibilities',
    'taskDefinitionArn',
    'requiresAttributes',
    'revision',
    'status',
    'registeredAt',
    'deregisteredAt',
    'registeredBy',
  ])
    delete file[key];
  const registered = await s.ecs.send(new RegisterTaskDefinitionCommand(cleanLikeDeployAction(file) as never));
  const arn = registered.taskDefinition!.taskDefinitionArn!;
  assert.equal(registered.taskDefinition!.revision, 2);

  const described = await s.ecs.send(new DescribeServicesCommand({ services: ['action-svc'], cluster: 'default' }));
  assert.deepEqual(described.failures, []);
  assert.equal(described.services![0].status, 'ACTIVE');
  assert.equal(described.services![0].deploymentController?.type ?? 'ECS', 'ECS');

  const updated = await s.ecs.send(
    new UpdateServiceCommand({
      cluster: 'default',
      service: 'action-svc',
      taskDefinition: arn,
      forceNewDeployment: false,
      volumeConfigurations: [],
    }),
  );
  const primary = updated.service!.deployments!.find((d) => d.status === 'PRIMARY')!;
  assert.equal(primary.taskDefinition, arn, 'the response already shows the new PRIMARY');
  assert.match(primary.id!, /^ecs-svc\/\d{19}$/);

  const result = await waitUntilServicesStable(
    { client: s.ecs, minDelay: 1, maxDelay: 2, maxWaitTime: 180 },
    { services: ['action-svc'], cluster: 'default' },
  );
  assert.equal(result.state, 'SUCCESS');
  const after = await s.ecs.send(new DescribeServicesCommand({ services: ['action-svc'], cluster: 'default' }));
  const deployment = after.services![0].deployments!.find((d) => d.id === primary.id);
  assert.ok(deployment, 'the deployment the action started is still there (no rollback)');
  assert.equal(deployment.rolloutState, 'COMPLETED');
  assert.equal(after.services![0].runningCount, 2);
});
