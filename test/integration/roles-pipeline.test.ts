/**
 * A pipeline acts with its role when signatures are required (--auth): its actions' calls into
 * other rooms (reading the S3 source, writing artifacts, starting a build) are authorized as a
 * session of the pipeline's role, so a role without codebuild:StartBuild fails the Build action
 * with CodePipeline's errorDetails wording while its S3 source, which it may read, succeeds; a
 * role that may not read the source, or a CodeCommit repository, fails the Source action the same way.
 * An action with a roleArn of its own acts as that role instead: it may do what the pipeline's role
 * may not, and the reverse; CodePipeline must be able to assume it at CreatePipeline and
 * UpdatePipeline, and an action whose role it can no longer assume fails in CodePipeline's words.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { type ActionDeclaration, CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import {
  type ActionDeclaration as Action,
  GetPipelineCommand,
  ListActionExecutionsCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline';
import { IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { adminCredentials, allowPolicy, createServiceRole, serviceTrust } from '../support/auth.ts';
import { actionState, answer, approval, firstExecution, s3Source, stage } from '../support/codepipeline.ts';
import { clientConfig, startTestSlipway, type TestSlipway } from '../support/slipway.ts';

const ACCOUNT = '000000000000';
const BUCKET = 'roles-pipeline-artifacts';

let s: TestSlipway;
let cp: CodePipelineClient;
let config: ReturnType<typeof clientConfig>;
let iam: IAMClient;

before(async () => {
  s = await startTestSlipway({ auth: true });
  config = { ...clientConfig(s.endpoint), credentials: adminCredentials(s.dataDir) };
  cp = new CodePipelineClient(config);
  iam = new IAMClient(config);
  const role = (name: string, service: string, policy: string) => createServiceRole(iam, name, service, policy);
  await role('pipeline-artifacts-only', 'codepipeline.amazonaws.com', allowPolicy(['s3:GetObject', 's3:PutObject', 's3:ListBucket']));
  await role('pipeline-writes-only', 'codepipeline.amazonaws.com', allowPolicy(['s3:PutObject']));
  await role('builder', 'codebuild.amazonaws.com', allowPolicy(['logs:*']));
  await role('approver', 'codepipeline.amazonaws.com', allowPolicy(['s3:GetObject']));
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'source.zip', Body: `PK\x05\x06${'\0'.repeat(18)}` }));
  await new CodeBuildClient(config).send(
    new CreateProjectCommand({
      name: 'roles-project',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: { type: 'LINUX_CONTAINER', image: 'slipway-test/busybox:1', computeType: 'BUILD_GENERAL1_SMALL' },
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/builder`,
    }),
  );
});
after(() => s?.close());

async function createPipeline(name: string, role: string): Promise<void> {
  const build: ActionDeclaration = {
    name: 'Build',
    actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration: { ProjectName: 'roles-project' },
    inputArtifacts: [{ name: 'SourceArtifact' }],
  };
  await cp.send(
    new CreatePipelineCommand({
      pipeline: {
        name,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        artifactStore: { type: 'S3', location: BUCKET },
        stages: [stage('Source', s3Source('Src', BUCKET, 'source.zip')), stage('Build', build)],
      },
    }),
  );
}

const ended = (a: { status?: string }) => a.status === 'Failed' || a.status === 'Succeeded';

describe("a pipeline's role, with signatures required", () => {
  it('fails the Build action of a role without codebuild:StartBuild, in CodePipeline’s words, after a source it may read', async () => {
    await createPipeline('roles-no-build', 'pipeline-artifacts-only');
    const source = await actionState(cp, 'roles-no-build', 'Source', 'Src', ended);
    assert.equal(source.action.latestExecution?.status, 'Succeeded', JSON.stringify(source.action.latestExecution?.errorDetails));
    const { action } = await actionState(cp, 'roles-no-build', 'Build', 'Build', ended);
    assert.equal(action.latestExecution?.status, 'Failed');
    assert.equal(action.latestExecution?.errorDetails?.code, 'JobFailed');
    assert.match(
      action.latestExecution?.errorDetails?.message ?? '',
      new RegExp(
        `^Error calling startBuild: User: arn:aws:sts::${ACCOUNT}:assumed-role/pipeline-artifacts-only/\\d+ is not authorized to perform: codebuild:StartBuild on resource: arn:aws:codebuild:us-east-1:${ACCOUNT}:project/roles-project because no identity-based policy allows the codebuild:StartBuild action \\(Service: AWSCodeBuild; Status Code: 400; Error Code: AccessDeniedException\\)$`,
      ),
    );
    assert.ok(await firstExecution(cp, 'roles-no-build'));
  });

  it('fails a CodeCommit Source action of a role without codecommit:GetBranch', async () => {
    await new CodeCommitClient(config).send(new CreateRepositoryCommand({ repositoryName: 'roles-repo' }));
    const source: ActionDeclaration = {
      name: 'Src',
      actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
      configuration: { RepositoryName: 'roles-repo', BranchName: 'main', PollForSourceChanges: 'false' },
      outputArtifacts: [{ name: 'SourceArtifact' }],
    };
    await cp.send(
      new CreatePipelineCommand({
        pipeline: {
          name: 'roles-no-git',
          roleArn: `arn:aws:iam::${ACCOUNT}:role/pipeline-artifacts-only`,
          artifactStore: { type: 'S3', location: BUCKET },
          stages: [stage('Source', source), stage('Hold', approval('Ok'))],
        },
      }),
    );
    const { action } = await actionState(cp, 'roles-no-git', 'Source', 'Src', ended);
    assert.equal(action.latestExecution?.status, 'Failed');
    assert.match(
      action.latestExecution?.errorDetails?.message ?? '',
      /^Error calling getBranch: User: arn:aws:sts::000000000000:assumed-role\/pipeline-artifacts-only\/\d+ is not authorized to perform: codecommit:GetBranch on resource: .* because no identity-based policy allows the codecommit:GetBranch action \(Service: AWSCodeCommit; Status Code: 400; Error Code: AccessDeniedException\)$/,
    );
  });

  it('fails the Source action of a role that may not read the source object', async () => {
    await createPipeline('roles-no-read', 'pipeline-writes-only');
    const { action } = await actionState(cp, 'roles-no-read', 'Source', 'Src', ended);
    assert.equal(action.latestExecution?.status, 'Failed');
    assert.match(
      action.latestExecution?.errorDetails?.message ?? '',
      /^Error calling headObject: User: arn:aws:sts::000000000000:assumed-role\/pipeline-writes-only\/\d+ is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::roles-pipeline-artifacts\/source.zip because no identity-based policy allows the s3:GetObject action \(Service: Amazon S3; Status Code: 403; Error Code: AccessDenied\)$/,
    );
  });
});

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

/** A pipeline with an S3 source whose action may act with a role of its own, then approvals. */
async function sourcePipeline(name: string, pipelineRole: string, actionRole?: string, ...after: Action[]): Promise<void> {
  const source = { ...s3Source('Src', BUCKET, 'source.zip'), roleArn: actionRole && roleArn(actionRole) };
  await cp.send(
    new CreatePipelineCommand({
      pipeline: {
        name,
        roleArn: roleArn(pipelineRole),
        artifactStore: { type: 'S3', location: BUCKET },
        stages: [stage('Source', source), stage('Approve', ...(after.length ? after : [approval('Ok')]))],
      },
    }),
  );
}

describe("an action's own role, with signatures required", () => {
  it('acts as the action role: a source the pipeline’s role may not read succeeds', async () => {
    await sourcePipeline('roles-action-may', 'pipeline-writes-only', 'pipeline-artifacts-only');
    const { action } = await actionState(cp, 'roles-action-may', 'Source', 'Src', ended);
    assert.equal(action.latestExecution?.status, 'Succeeded', JSON.stringify(action.latestExecution?.errorDetails));
    const { actionExecutionDetails } = await cp.send(new ListActionExecutionsCommand({ pipelineName: 'roles-action-may' }));
    const src = actionExecutionDetails?.find((d) => d.actionName === 'Src');
    assert.equal(src?.input?.roleArn, roleArn('pipeline-artifacts-only'));
  });

  it('and the reverse: an action role that may not read fails the source the pipeline’s role may read, naming its session', async () => {
    await sourcePipeline('roles-action-may-not', 'pipeline-artifacts-only', 'pipeline-writes-only');
    const { action } = await actionState(cp, 'roles-action-may-not', 'Source', 'Src', ended);
    assert.equal(action.latestExecution?.status, 'Failed');
    assert.match(
      action.latestExecution?.errorDetails?.message ?? '',
      /^Error calling headObject: User: arn:aws:sts::000000000000:assumed-role\/pipeline-writes-only\/\d+ is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::roles-pipeline-artifacts\/source.zip because no identity-based policy allows the s3:GetObject action \(Service: Amazon S3; Status Code: 403; Error Code: AccessDenied\)$/,
    );
  });

  it('refuses at CreatePipeline and UpdatePipeline an action role CodePipeline may not assume, writing nothing', async () => {
    const refused = {
      name: 'InvalidStructureException',
      message: `CodePipeline is not authorized to perform AssumeRole on role ${roleArn('builder')}`,
    };
    await assert.rejects(sourcePipeline('roles-action-refused', 'pipeline-artifacts-only', 'builder'), refused);
    await assert.rejects(cp.send(new GetPipelineCommand({ name: 'roles-action-refused' })), { name: 'PipelineNotFoundException' });

    await sourcePipeline('roles-action-update', 'pipeline-artifacts-only');
    const { pipeline } = await cp.send(new GetPipelineCommand({ name: 'roles-action-update' }));
    pipeline!.stages![1].actions![0].roleArn = roleArn('builder');
    await assert.rejects(cp.send(new UpdatePipelineCommand({ pipeline })), refused);
    assert.equal((await cp.send(new GetPipelineCommand({ name: 'roles-action-update' }))).pipeline?.version, 1);
  });

  it('fails an action whose role CodePipeline can no longer assume when it runs', async () => {
    const gate = approval('Gate', { roleArn: roleArn('approver'), runOrder: 2 });
    await sourcePipeline('roles-action-untrusted', 'pipeline-artifacts-only', undefined, approval('Ok'), gate);
    // The role stops trusting CodePipeline after the pipeline was made with it.
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'approver', PolicyDocument: serviceTrust('codebuild.amazonaws.com') }));
    await answer(cp, 'roles-action-untrusted', await firstExecution(cp, 'roles-action-untrusted'), 'Approved');
    const { action } = await actionState(cp, 'roles-action-untrusted', 'Approve', 'Gate', ended);
    assert.equal(action.latestExecution?.status, 'Failed');
    assert.equal(
      action.latestExecution?.errorDetails?.message,
      `CodePipeline is not authorized to perform AssumeRole on role ${roleArn('approver')}`,
    );
  });
});
