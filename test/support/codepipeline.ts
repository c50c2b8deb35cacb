/**
 * CodePipeline helpers for tests: the SDK v3 client, pipeline declarations built from a few
 * stages, waiting for an execution or an action to reach a status, and git as a developer runs it.
 */
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  type ActionDeclaration,
  type PipelineDeclaration,
  type StageDeclaration,
} from '@aws-sdk/client-codepipeline';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clientConfig, waitFor } from './slipway.ts';

const run = promisify(execFile);

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

/** Runs git in `cwd` as a developer with a fixed name and no prompts. */
export function gitIn(cwd: string) {
  return async (...args: string[]) =>
    (
      await run('git', args, {
        cwd,
        env: {
          ...process.env,
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
