/**
 * Custom actions on a real Slipway: a custom action type made with CreateCustomActionType, a
 * pipeline running it, and a job worker written here with SDK v3 that polls for its jobs,
 * acknowledges them, reads the input artifact from S3 with the credentials the job carries, and
 * answers — a continuation, then success with output variables the next action resolves, or
 * failure, which fails the pipeline with the worker's message. The job's credentials are a session
 * of the action's own role. UpdateActionType changes the type whole (with the SDK and the aws CLI),
 * and GetActionType, ListActionTypes and PollForJobs see the change. A type whose executor sets
 * jobTimeout fails the action when a job a worker took has no answer within it.
 */
import {
  AcknowledgeJobCommand,
  type ActionTypeId,
  CreateCustomActionTypeCommand,
  DeleteCustomActionTypeCommand,
  GetActionTypeCommand,
  GetJobDetailsCommand,
  type Job,
  ListActionExecutionsCommand,
  ListActionTypesCommand,
  PollForJobsCommand,
  PutJobFailureResultCommand,
  PutJobSuccessResultCommand,
  PollForThirdPartyJobsCommand,
  AcknowledgeThirdPartyJobCommand,
  type ActionTypeDeclaration,
  UpdateActionTypeCommand,
} from '@aws-sdk/client-codepipeline';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  approval,
  artifactlessActionType,
  executionReaches,
  firstExecution,
  pipeline,
  type PipelineBench,
  pipelineBench,
  s3Source,
  stage,
} from '../support/codepipeline.ts';
import { text } from '../support/s3.ts';
import { awsCli, waitFor } from '../support/slipway.ts';

const BUCKET = 'pipeline-custom';
const TYPE: ActionTypeId = { category: 'Test', owner: 'Custom', provider: 'LoadTester', version: '1' };
const LOAD_ROLE = 'arn:aws:iam::000000000000:role/load-runner';

describe('CodePipeline custom actions and job workers', () => {
  let b: PipelineBench;
  before(async () => {
    b = await pipelineBench(BUCKET);
    await b.cp.send(
      new CreateCustomActionTypeCommand({
        category: 'Test',
        provider: 'LoadTester',
        version: '1',
        settings: { entityUrlTemplate: 'https://load.example.com/' },
        configurationProperties: [
          { name: 'Fleet', required: true, key: true, secret: false, queryable: true },
          { name: 'Users', required: false, key: false, secret: false },
        ],
        inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
        outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
      }),
    );
  });
  after(async () => {
    await b?.slipway.close();
  });

  /** Polls as a worker of fleet `fleet` until a job comes. */
  const poll = (fleet: string, actionTypeId = TYPE) =>
    waitFor('a job for the worker', async () => {
      const { jobs } = await b.cp.send(new PollForJobsCommand({ actionTypeId, queryParam: { Fleet: fleet } }));
      return jobs?.[0];
    });

  const create = async (name: string, actionTypeId = TYPE) => {
    await b.put(`${name}.zip`, `sources of ${name}`);
    const custom = {
      name: 'Load',
      actionTypeId,
      configuration: { Fleet: name, Users: '50' },
      roleArn: LOAD_ROLE,
      inputArtifacts: [{ name: 'SourceArtifact' }],
      namespace: 'LoadVars',
    };
    const check = approval('Ok', { configuration: { CustomData: 'p95 was #{LoadVars.P95}' } });
    await b.create(
      pipeline(name, BUCKET, [stage('Source', s3Source('Src', BUCKET, `${name}.zip`)), stage('Test', custom), stage('Approve', check)]),
    );
    return firstExecution(b.cp, name);
  };

  it('lists and describes the custom action type', async () => {
    const { actionTypes } = await b.cp.send(new ListActionTypesCommand({ actionOwnerFilter: 'Custom' }));
    assert.deepEqual(
      actionTypes?.map((t) => t.id),
      [TYPE],
    );
    assert.equal(actionTypes![0].settings?.entityUrlTemplate, 'https://load.example.com/');
    assert.deepEqual(
      actionTypes![0].actionConfigurationProperties?.map((p) => [p.name, p.required, p.queryable]),
      [
        ['Fleet', true, true],
        ['Users', false, false],
      ],
    );
    assert.deepEqual(actionTypes![0].inputArtifactDetails, { minimumCount: 1, maximumCount: 1 });
  });

  it('a worker takes the job, reads its input artifact, and its output variables reach the next action', async () => {
    const id = await create('worked');
    const job: Job = await poll('worked');
    assert.equal((await b.cp.send(new PollForJobsCommand({ actionTypeId: TYPE, queryParam: { Fleet: 'other' } }))).jobs?.length, 0);
    await assert.rejects(b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: 'not-it' })), { name: 'InvalidNonceException' });
    assert.equal((await b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }))).status, 'InProgress');
    assert.deepEqual(job.data?.actionConfiguration?.configuration, { Fleet: 'worked', Users: '50' });
    assert.equal(job.data?.pipelineContext?.pipelineName, 'worked');
    assert.equal(job.data?.pipelineContext?.stage?.name, 'Test');

    // The worker reads its input artifact as AWS hands it over: an S3 location and session credentials.
    const input = job.data!.inputArtifacts![0];
    const { accessKeyId, secretAccessKey, sessionToken } = job.data!.artifactCredentials!;
    assert.ok(accessKeyId && secretAccessKey && sessionToken);
    const credentials = { accessKeyId, secretAccessKey, sessionToken };
    const s3 = new S3Client({ endpoint: b.slipway.endpoint, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1 });
    const got = await s3.send(
      new GetObjectCommand({ Bucket: input.location!.s3Location!.bucketName, Key: input.location!.s3Location!.objectKey }),
    );
    assert.equal(await text(got.Body), 'sources of worked');
    // They are a session of the action's own role, not the pipeline's.
    const sts = new STSClient({ endpoint: b.slipway.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    assert.match((await sts.send(new GetCallerIdentityCommand({}))).Arn ?? '', /^arn:aws:sts::000000000000:assumed-role\/load-runner\//);

    // A continuation queues the next job of the same action, carrying the token.
    await b.cp.send(new PutJobSuccessResultCommand({ jobId: job.id, continuationToken: 'run-7' }));
    await assert.rejects(b.cp.send(new PutJobSuccessResultCommand({ jobId: job.id })), { name: 'InvalidJobStateException' });
    const next = await poll('worked');
    assert.notEqual(next.id, job.id);
    assert.equal(next.data?.continuationToken, 'run-7');
    assert.equal((await b.cp.send(new GetJobDetailsCommand({ jobId: next.id }))).jobDetails?.data?.continuationToken, 'run-7');
    await b.cp.send(new AcknowledgeJobCommand({ jobId: next.id, nonce: next.nonce }));
    await b.cp.send(
      new PutJobSuccessResultCommand({
        jobId: next.id,
        outputVariables: { P95: '120ms' },
        executionDetails: { summary: 'load test passed', externalExecutionId: 'run-7' },
      }),
    );

    const approve = await waitFor('the approval to run', async () => {
      const { actionExecutionDetails } = await b.cp.send(
        new ListActionExecutionsCommand({ pipelineName: 'worked', filter: { pipelineExecutionId: id } }),
      );
      return actionExecutionDetails?.find((d) => d.actionName === 'Ok');
    });
    assert.equal(approve.input?.resolvedConfiguration?.CustomData, 'p95 was 120ms');
    const { actionExecutionDetails } = await b.cp.send(
      new ListActionExecutionsCommand({ pipelineName: 'worked', filter: { pipelineExecutionId: id } }),
    );
    const load = actionExecutionDetails!.find((d) => d.actionName === 'Load')!;
    assert.equal(load.status, 'Succeeded');
    assert.equal(load.output?.executionResult?.externalExecutionSummary, 'load test passed');
    assert.deepEqual(load.output?.outputVariables, { P95: '120ms' });
  });

  it("a worker's failure fails the action and the pipeline with its message", async () => {
    const id = await create('failing');
    const job = await poll('failing');
    await b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
    await b.cp.send(new PutJobFailureResultCommand({ jobId: job.id, failureDetails: { type: 'JobFailed', message: 'p95 over budget' } }));
    const failed = await executionReaches(b.cp, 'failing', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /Action 'Load' in stage 'Test' failed: p95 over budget/);
  });

  /** A type like TYPE whose executor gives each job `jobTimeout` seconds (60 lasts 3 real seconds at the bench's time scale). */
  const timedType = async (provider: string, jobTimeout: number): Promise<ActionTypeId> => {
    const id: ActionTypeId = { ...TYPE, provider };
    await b.cp.send(artifactlessActionType(provider));
    const properties = [
      { name: 'Fleet', optional: false, key: true, noEcho: false, queryable: true },
      { name: 'Users', optional: true, key: false, noEcho: false },
    ];
    const executor = { type: 'JobWorker' as const, configuration: { jobWorkerExecutorConfiguration: {} }, jobTimeout };
    await b.cp.send(
      new UpdateActionTypeCommand({
        actionType: {
          id,
          executor,
          properties,
          inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
          outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
        },
      }),
    );
    return id;
  };
  /** The later cases list the account's custom types: a timed one goes once its case is done. */
  const drop = (type: ActionTypeId) =>
    b.cp.send(new DeleteCustomActionTypeCommand({ category: type.category, provider: type.provider, version: type.version }));

  it("a job a worker acknowledged and never answered times out after the executor's jobTimeout, failing the action", async () => {
    const type = await timedType('Stopwatch', 60);
    const id = await create('silent', type);
    const job = await poll('silent', type);
    await b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
    const failed = await executionReaches(b.cp, 'silent', id, ['Failed', 'Succeeded']);
    assert.equal(failed.status, 'Failed');
    assert.match(failed.statusSummary ?? '', /Action 'Load' in stage 'Test' failed: The job '.+' timed out: .* job timeout of 60 seconds/);
    const { actionExecutionDetails } = await b.cp.send(
      new ListActionExecutionsCommand({ pipelineName: 'silent', filter: { pipelineExecutionId: id } }),
    );
    const load = actionExecutionDetails!.find((d) => d.actionName === 'Load')!;
    assert.equal(load.status, 'Failed');
    assert.equal(load.output?.executionResult?.errorDetails?.code, 'JobFailed');
    // The job is over: the worker's late answer is refused, and acknowledging shows why.
    await assert.rejects(b.cp.send(new PutJobSuccessResultCommand({ jobId: job.id })), {
      name: 'InvalidJobStateException',
      message: /TimedOut/,
    });
    assert.equal((await b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }))).status, 'TimedOut');
    await drop(type);
  });

  it('a job answered within the jobTimeout succeeds', async () => {
    const type = await timedType('Timely', 300);
    const id = await create('timely', type);
    const job = await poll('timely', type);
    await b.cp.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
    await b.cp.send(new PutJobSuccessResultCommand({ jobId: job.id, outputVariables: { P95: '90ms' } }));
    const approve = await waitFor('the approval to run', async () => {
      const { actionExecutionDetails } = await b.cp.send(
        new ListActionExecutionsCommand({ pipelineName: 'timely', filter: { pipelineExecutionId: id } }),
      );
      return actionExecutionDetails?.find((d) => d.actionName === 'Ok');
    });
    assert.equal(approve.input?.resolvedConfiguration?.CustomData, 'p95 was 90ms');
    await drop(type);
  });

  it('refuses polls for types that do not exist, queries that do not name the queryable property, and third-party jobs', async () => {
    await assert.rejects(b.cp.send(new PollForJobsCommand({ actionTypeId: { ...TYPE, provider: 'Nobody' } })), {
      name: 'ActionTypeNotFoundException',
    });
    await assert.rejects(b.cp.send(new PollForJobsCommand({ actionTypeId: TYPE, queryParam: { Users: '5' } })), {
      name: 'ValidationException',
      message: /queryable property 'Fleet'/,
    });
    await assert.rejects(
      b.cp.send(
        new PutJobSuccessResultCommand({ jobId: '00000000-0000-0000-0000-000000000000', outputVariables: { Big: 'x'.repeat(130_000) } }),
      ),
      { name: 'OutputVariablesSizeExceededException' },
    );
    await assert.rejects(b.cp.send(new PutJobSuccessResultCommand({ jobId: '00000000-0000-0000-0000-000000000000' })), {
      name: 'JobNotFoundException',
    });
    const thirdParty = { ...TYPE, owner: 'ThirdParty' as const };
    await assert.rejects(b.cp.send(new PollForThirdPartyJobsCommand({ actionTypeId: thirdParty })), {
      name: 'ActionTypeNotFoundException',
    });
    await assert.rejects(
      b.cp.send(new AcknowledgeThirdPartyJobCommand({ jobId: '00000000-0000-0000-0000-000000000000', nonce: '1', clientToken: 't' })),
      { name: 'JobNotFoundException' },
    );
  });

  /** The type as UpdateActionType declares it whole: Users becomes the queryable property, Region is new. */
  const updated: ActionTypeDeclaration = {
    id: TYPE,
    description: 'Runs a load test against a fleet',
    executor: {
      type: 'JobWorker',
      configuration: { jobWorkerExecutorConfiguration: { pollingAccounts: ['000000000000'] } },
      jobTimeout: 600,
    },
    properties: [
      { name: 'Fleet', optional: false, key: true, noEcho: false, queryable: false },
      { name: 'Users', optional: false, key: false, noEcho: false, queryable: true, description: 'How many users' },
      { name: 'Region', optional: true, key: false, noEcho: false },
    ],
    inputArtifactDetails: { minimumCount: 0, maximumCount: 2 },
    outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
    permissions: { allowedAccounts: ['000000000000'] },
    urls: { entityUrlTemplate: 'https://load.example.com/{Config:Fleet}', configurationUrl: 'https://load.example.com/setup' },
  };

  it('refuses updates of types it does not hold, of AWS types, Lambda executors and broken declarations, writing nothing', async () => {
    const update = (actionType: ActionTypeDeclaration) => b.cp.send(new UpdateActionTypeCommand({ actionType }));
    await assert.rejects(update({ ...updated, id: { ...TYPE, provider: 'Nobody' } }), {
      name: 'ActionTypeNotFoundException',
      message: /Provider: 'Nobody'/,
    });
    await assert.rejects(update({ ...updated, id: { ...TYPE, owner: 'ThirdParty' } }), { name: 'ActionTypeNotFoundException' });
    await assert.rejects(update({ ...updated, id: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' } }), {
      name: 'ValidationException',
      message: /owned by AWS/,
    });
    await assert.rejects(
      update({
        ...updated,
        executor: {
          type: 'Lambda',
          configuration: { lambdaExecutorConfiguration: { lambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:load' } },
        },
      }),
      { name: 'ValidationException', message: /'actionType\.executor\.type'.*Slipway has no Lambda/ },
    );
    await assert.rejects(update({ ...updated, properties: [updated.properties![0], updated.properties![0]] }), {
      name: 'ValidationException',
      message: /^actionType\.properties: property 'Fleet' is declared more than once$/,
    });
    await assert.rejects(update({ ...updated, outputArtifactDetails: { minimumCount: 2, maximumCount: 1 } }), {
      name: 'ValidationException',
      message: /^actionType\.outputArtifactDetails: minimumCount 2 is more than maximumCount 1$/,
    });
    await assert.rejects(update({ ...updated, executor: { ...updated.executor!, jobTimeout: 30 } }), {
      name: 'ValidationException',
      message: /'actionType\.executor\.jobTimeout'/,
    });
    const { actionType } = await b.cp.send(new GetActionTypeCommand(TYPE));
    assert.equal(actionType?.description, undefined);
    assert.deepEqual(
      actionType?.properties?.map((p) => p.name),
      ['Fleet', 'Users'],
    );
  });

  it('UpdateActionType changes the type whole; GetActionType, ListActionTypes and PollForJobs see it', async () => {
    await b.cp.send(new UpdateActionTypeCommand({ actionType: updated }));
    const { actionType } = await b.cp.send(new GetActionTypeCommand(TYPE));
    assert.deepEqual(actionType, {
      ...updated,
      properties: updated.properties!.map((p) => ({ queryable: false, ...p })),
    });
    const { actionTypes } = await b.cp.send(new ListActionTypesCommand({ actionOwnerFilter: 'Custom' }));
    assert.deepEqual(actionTypes?.[0].settings, {
      entityUrlTemplate: 'https://load.example.com/{Config:Fleet}',
      thirdPartyConfigurationUrl: 'https://load.example.com/setup',
    });
    assert.deepEqual(
      actionTypes?.[0].actionConfigurationProperties?.map((p) => [p.name, p.required, p.queryable]),
      [
        ['Fleet', true, false],
        ['Users', true, true],
        ['Region', false, false],
      ],
    );
    assert.deepEqual(actionTypes?.[0].outputArtifactDetails, { minimumCount: 0, maximumCount: 1 });
    // Workers now query by the new queryable property.
    await assert.rejects(b.cp.send(new PollForJobsCommand({ actionTypeId: TYPE, queryParam: { Fleet: 'worked' } })), {
      name: 'ValidationException',
      message: /queryable property 'Users'/,
    });
    assert.deepEqual((await b.cp.send(new PollForJobsCommand({ actionTypeId: TYPE, queryParam: { Users: '50' } }))).jobs, []);
  });

  it('the aws CLI updates the type from --cli-input-json and reads it with get-action-type', async () => {
    const input = join(b.slipway.dataDir, 'update-action-type.json');
    const actionType = { ...updated, description: 'Load tests, from the CLI', executor: { ...updated.executor, jobTimeout: 900 } };
    writeFileSync(input, JSON.stringify({ actionType }));
    assert.equal(
      await awsCli(b.slipway.endpoint, ['codepipeline', 'update-action-type', '--cli-input-json', `file://${input}`]),
      undefined,
    );
    const got = await awsCli(b.slipway.endpoint, [
      'codepipeline',
      'get-action-type',
      '--category',
      'Test',
      '--owner',
      'Custom',
      '--provider',
      'LoadTester',
      '--action-version',
      '1',
    ]);
    assert.equal(got.actionType.description, 'Load tests, from the CLI');
    assert.equal(got.actionType.executor.jobTimeout, 900);
    assert.deepEqual(got.actionType.permissions, { allowedAccounts: ['000000000000'] });
  });

  it('refuses a custom action type tagged with a reserved aws: key, writing nothing', async () => {
    await assert.rejects(b.cp.send(artifactlessActionType('Tagged', [{ key: 'aws:owner', value: 'me' }])), {
      name: 'InvalidTagsException',
      message: /aws:owner/,
    });
    const { actionTypes } = await b.cp.send(new ListActionTypesCommand({ actionOwnerFilter: 'Custom' }));
    assert.deepEqual(
      actionTypes?.map((t) => t.id?.provider),
      ['LoadTester'],
    );
  });

  it('deletes the custom action type; its version cannot be made again', async () => {
    await b.cp.send(new DeleteCustomActionTypeCommand({ category: 'Test', provider: 'LoadTester', version: '1' }));
    assert.deepEqual((await b.cp.send(new ListActionTypesCommand({ actionOwnerFilter: 'Custom' }))).actionTypes, []);
    await assert.rejects(b.cp.send(new PollForJobsCommand({ actionTypeId: TYPE })), { name: 'ActionTypeNotFoundException' });
    await assert.rejects(b.cp.send(artifactlessActionType('LoadTester')), {
      name: 'ValidationException',
      message: /cannot be made again with the same version/,
    });
  });
});
