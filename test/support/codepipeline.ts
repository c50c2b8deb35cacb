/**
 * CodePipeline helpers for tests: the SDK v3 client, pipeline declarations built from a few
 * stages, waiting for an execution or an action to reach a status, and git as a developer runs it.
 */
import {
  CodePipelineClient,
  CreateCustomActionTypeCommand,
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  type ActionDeclaration,
  type PipelineDeclaration,
  type StageDeclaration,
  type Tag,
} from '@aws-sdk/client-codepipeline';
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from './s3.ts';
import { clientConfig, startTestSlipway, type TestSlipway, waitFor } from './slipway.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/slipway.js', import.meta.url).pathname;

export const ROLE = 'arn:aws:iam::000000000000:role/pipeline-role';

export function codepipelineClient(endpoint: string, region = 'us-east-1'): CodePipelineClient {
  return new CodePipelineClient(clientConfig(endpoint, region));
}

export function s3Source(name: string, bucket: string, key: string, output = 'SourceArtifact'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
    configuration: { S3Bucket: bucket, S3ObjectKey: key, PollForSourceChanges: 'false' },
    outputArtifacts: [{ name: output }],
  };
}

export function approval(name: string, extra: Partial<ActionDeclaration> = {}): ActionDeclaration {
  return { name, actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }, ...extra };
}

export function stage(name: string, ...actions: ActionDeclaration[]): StageDeclaration {
  return { name, actions };
}

/** A pipeline of the given stages, its artifacts in `bucket`. */
export function pipeline(
  name: string,
  bucket: string,
  stages: StageDeclaration[],
  extra: Partial<PipelineDeclaration> = {},
): PipelineDeclaration {
  return { name, roleArn: ROLE, artifactStore: { type: 'S3', location: bucket }, stages, ...extra };
}

/**
 * A V2 pipeline with a connection source (BranchName main) and an approval, its artifacts in
 * `bucket`, whose trigger runs it on pull requests into main, opened or updated, that touch src/.
 */
export function pullRequestPipeline(name: string, bucket: string, connectionArn: string, fullRepositoryId: string): PipelineDeclaration {
  return pipeline(
    name,
    bucket,
    [
      stage('Source', {
        name: 'Src',
        actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
        configuration: { ConnectionArn: connectionArn, FullRepositoryId: fullRepositoryId, BranchName: 'main' },
        outputArtifacts: [{ name: 'Code' }],
      }),
      stage('Approve', approval('Ok')),
    ],
    {
      pipelineType: 'V2',
      executionMode: 'PARALLEL',
      triggers: [
        {
          providerType: 'CodeStarSourceConnection',
          gitConfiguration: {
            sourceActionName: 'Src',
            pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] }, filePaths: { includes: ['src/**'] } }],
          },
        },
      ],
    },
  );
}

export interface PipelineBench {
  slipway: TestSlipway;
  cp: CodePipelineClient;
  /** Stores an object in the bench's bucket. */
  put(key: string, body: string): Promise<unknown>;
  create(d: PipelineDeclaration): Promise<unknown>;
  /** An S3 source reading `<name>.zip` from the bucket, then a stage Approve with the approval Ok. */
  sourceThenApproval(name: string, extra?: Partial<PipelineDeclaration>): PipelineDeclaration;
}

/** A test Slipway with an artifact bucket, and the calls the execution tests make. */
export async function pipelineBench(bucket: string): Promise<PipelineBench> {
  const slipway = await startTestSlipway();
  const cp = codepipelineClient(slipway.endpoint);
  const s3 = s3Client(slipway.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    slipway,
    cp,
    put: (key, body) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })),
    create: (d) => cp.send(new CreatePipelineCommand({ pipeline: d })),
    sourceThenApproval: (name, extra = {}) =>
      pipeline(name, bucket, [stage('Source', s3Source('Src', bucket, `${name}.zip`)), stage('Approve', approval('Ok'))], extra),
  };
}

/** Waits until the execution has one of `statuses`; returns it. */
export async function executionReaches(
  client: CodePipelineClient,
  pipelineName: string,
  id: string,
  statuses: string[],
  timeoutMs = 60_000,
) {
  return waitFor(
    `execution ${id} of ${pipelineName} to be ${statuses.join(' or ')}`,
    async () => {
      const { pipelineExecution } = await client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: id }));
      return statuses.includes(pipelineExecution?.status ?? '') ? pipelineExecution : undefined;
    },
    timeoutMs,
  );
}

/** Waits until an action's latest run in the pipeline's state matches `check`; returns that action state. */
export async function actionState(
  client: CodePipelineClient,
  pipelineName: string,
  stageName: string,
  actionName: string,
  check: (latest: { status?: string; token?: string; pipelineExecutionId?: string }) => boolean,
  timeoutMs = 60_000,
) {
  return waitFor(
    `${stageName}/${actionName} of ${pipelineName}`,
    async () => {
      const state = await client.send(new GetPipelineStateCommand({ name: pipelineName }));
      const s = state.stageStates?.find((x) => x.stageName === stageName);
      const a = s?.actionStates?.find((x) => x.actionName === actionName);
      const latest = a?.latestExecution;
      if (!latest || !check({ ...latest, pipelineExecutionId: s?.latestExecution?.pipelineExecutionId })) return undefined;
      return { action: a!, stage: s! };
    },
    timeoutMs,
  );
}

/** The id of the pipeline's oldest execution (the one CreatePipeline started). */
export async function firstExecution(client: CodePipelineClient, pipelineName: string): Promise<string> {
  const { pipelineExecutionSummaries } = await client.send(new ListPipelineExecutionsCommand({ pipelineName }));
  return pipelineExecutionSummaries!.at(-1)!.pipelineExecutionId!;
}

/** Answers an approval by its token. */
export async function putApproval(
  client: CodePipelineClient,
  at: { pipelineName: string; stageName: string; actionName: string },
  token: string,
  status: 'Approved' | 'Rejected',
  summary: string,
): Promise<void> {
  await client.send(new PutApprovalResultCommand({ ...at, token, result: { status, summary } }));
}

/** Waits until execution `id` waits on the approval `actionName` of stage Approve, and answers it; returns its token. */
export async function answer(
  client: CodePipelineClient,
  pipelineName: string,
  id: string,
  status: 'Approved' | 'Rejected',
  summary = 'looked at it',
  actionName = 'Ok',
): Promise<string> {
  const { action } = await actionState(
    client,
    pipelineName,
    'Approve',
    actionName,
    (l) => l.status === 'InProgress' && !!l.token && l.pipelineExecutionId === id,
  );
  const token = action.latestExecution!.token!;
  await putApproval(client, { pipelineName, stageName: 'Approve', actionName }, token, status, summary);
  return token;
}

/** Runs git in `cwd` as a developer with a fixed name and no prompts (and `env` besides, e.g. GIT_SSL_CAINFO). */
export function gitIn(cwd: string, env: Record<string, string> = {}) {
  return async (...args: string[]) =>
    (
      await run('git', args, {
        cwd,
        env: {
          ...process.env,
          ...env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          HOME: cwd,
          GIT_AUTHOR_NAME: 'Dev',
          GIT_AUTHOR_EMAIL: 'dev@example.com',
          GIT_COMMITTER_NAME: 'Dev',
          GIT_COMMITTER_EMAIL: 'dev@example.com',
        },
      })
    ).stdout.trim();
}

/** A new repository in `dir` (made in its parent) with `files` as its first commit on main. */
export async function newRepository(git: typeof gitIn, dir: string, files: Record<string, string>): Promise<void> {
  await git(dirname(dir))('init', '-q', '-b', 'main', dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  await git(dir)('add', '.');
  await git(dir)('commit', '-qm', 'first');
}

/** Runs `slipway pipeline follow` against a Slipway (the newest execution, or `executionId`); resolves with its output and exit code. */
export function followPipeline(endpoint: string, name: string, executionId?: string): Promise<{ output: string; code: number | null }> {
  const args = [bin, 'pipeline', 'follow', name, '--endpoint', endpoint, ...(executionId ? ['--execution-id', executionId] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ output, code }));
  });
}

/** CreateCustomActionType of a type of category Test, version 1, taking and making no artifacts. */
export const artifactlessActionType = (provider: string, tags?: Tag[]) =>
  new CreateCustomActionTypeCommand({
    category: 'Test',
    provider,
    version: '1',
    inputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
    outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
    tags,
  });
