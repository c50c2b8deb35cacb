/**
 * What a create call naming a role checks when signatures are required (--auth), as AWS does: the
 * role must exist and trust the service that will assume it, else CreatePipeline,
 * CreateDeploymentGroup, CreateProject and RegisterTaskDefinition refuse it in their service's
 * words and write nothing. In open mode (the other roles-* tests) any role ARN is taken.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BatchGetProjectsCommand, CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient, CreatePipelineCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { ECSClient, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { adminCredentials, allowPolicy, createServiceRole } from '../support/auth.ts';
import { approval, s3Source, stage } from '../support/codepipeline.ts';
import { expectAwsError } from '../support/ecr.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
/** Roles that exist but trust only EC2, and one that does not exist. */
const REFUSED = [role('trusts-ec2'), role('no-such-role')];

let s: TestSlipway;
let config: ReturnType<typeof clientConfig>;

before(async () => {
  s = await startTestSlipway({ auth: true });
  config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
  await createServiceRole(new IAMClient(config), 'trusts-ec2', 'ec2.amazonaws.com', allowPolicy(['*']));
  await createServiceRole(new IAMClient(config), 'trusts-pipelines', 'codepipeline.amazonaws.com', allowPolicy(['s3:*']));
});
after(() => s?.close());

describe('a role named at creation, with signatures required', () => {
  it('CreatePipeline: InvalidStructureException unless the role trusts CodePipeline', async () => {
    const cp = new CodePipelineClient(config);
    const create = (name: string, roleArn: string) =>
      cp.send(
        new CreatePipelineCommand({
          pipeline: {
            name,
            roleArn,
            artifactStore: { type: 'S3', location: 'roles-create' },
            stages: [stage('Source', s3Source('Src', 'roles-create', 'src.zip')), stage('Hold', approval('Ok'))],
          },
        }),
      );
    for (const roleArn of REFUSED) {
      await expectAwsError(
        create('refused', roleArn),
        'InvalidStructureException',
        `CodePipeline is not authorized to perform AssumeRole on role ${roleArn}`,
      );
    }
    assert.deepEqual((await cp.send(new ListPipelinesCommand({}))).pipelines, []);
    await create('accepted', role('trusts-pipelines'));
  });

  it('CreateDeploymentGroup: InvalidRoleException unless the role trusts CodeDeploy', async () => {
    const cd = new CodeDeployClient(config);
    await cd.send(new CreateApplicationCommand({ applicationName: 'roles-app', computePlatform: 'ECS' }));
    for (const serviceRoleArn of REFUSED) {
      await expectAwsError(
        cd.send(new CreateDeploymentGroupCommand({ applicationName: 'roles-app', deploymentGroupName: 'dg', serviceRoleArn })),
        'InvalidRoleException',
        `AWS CodeDeploy does not have the permissions required to assume the role ${serviceRoleArn}.`,
      );
    }
  });

  it('CreateProject: InvalidInputException unless the role trusts CodeBuild', async () => {
    const cb = new CodeBuildClient(config);
    for (const serviceRole of REFUSED) {
      await expectAwsError(
        cb.send(
          new CreateProjectCommand({
            name: 'roles-refused',
            source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\n' },
            artifacts: { type: 'NO_ARTIFACTS' },
            environment: { type: 'LINUX_CONTAINER', image: 'slipway-test/busybox:1', computeType: 'BUILD_GENERAL1_SMALL' },
            serviceRole,
          }),
        ),
        'InvalidInputException',
        `CodeBuild is not authorized to perform: sts:AssumeRole on ${serviceRole}`,
      );
    }
    assert.deepEqual((await cb.send(new BatchGetProjectsCommand({ names: ['roles-refused'] }))).projects, []);
  });

  it('RegisterTaskDefinition: ClientException "Role is not valid" unless its roles trust ECS tasks', async () => {
    const ecs = new ECSClient(config);
    for (const roleArn of REFUSED) {
      for (const which of ['taskRoleArn', 'executionRoleArn']) {
        await expectAwsError(
          ecs.send(
            new RegisterTaskDefinitionCommand({
              family: 'roles-refused',
              [which]: roleArn,
              containerDefinitions: [{ name: 'app', image: 'slipway-test/busybox:1', memory: 32 }],
            }),
          ),
          'ClientException',
          'Role is not valid',
        );
      }
    }
    assert.deepEqual((await ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns, []);
  });
});
