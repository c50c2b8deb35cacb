/**
 * Pipelines on real builds for the flow tests: an artifact bucket and a CODEPIPELINE CodeBuild
 * project (`flow-build`, busybox) on a Slipway, sources as zips where an S3 source reads them,
 * and pipelines made of that source and the stages a test gives.
 */
import {
  CreatePipelineCommand,
  type ActionDeclaration,
  type CodePipelineClient,
  type PipelineDeclaration,
  type StageDeclaration,
} from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { writeZip } from '../../src/services/codebuild/zip.ts';
import { codebuildClient, createProject } from './codebuild.ts';
import { codepipelineClient, firstExecution, pipeline, s3Source, stage } from './codepipeline.ts';
import { ensureTestImages } from './images.ts';
import { s3Client } from './s3.ts';
import { docker, startTestSlipway, type TestSlipway } from './slipway.ts';

export const FLOW_BUCKET = 'flows-artifacts';

/** The artifact bucket and the project `flow-build` on the Slipway at `endpoint`. */
export async function prepareFlows(endpoint: string): Promise<void> {
  await s3Client(endpoint).send(new CreateBucketCommand({ Bucket: FLOW_BUCKET }));
  await createProject(codebuildClient(endpoint), {
    name: 'flow-build',
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: 'CODEPIPELINE' },
  });
}

/** Stores `files` zipped as `<name>.zip`, where pipeline `name`'s S3 source reads it (an upload there starts it). */
export async function putSource(endpoint: string, name: string, files: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-flows-'));
  try {
    const entries = Object.entries(files).map(([file, text]) => {
      writeFileSync(join(dir, file), text);
      return { name: file, absolute: join(dir, file) };
    });
    await writeZip(join(dir, 'src.zip'), entries);
    const body = readFileSync(join(dir, 'src.zip'));
    await s3Client(endpoint).send(new PutObjectCommand({ Bucket: FLOW_BUCKET, Key: `${name}.zip`, Body: body }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Build action: flow-build on the source artifact. */
export const flowBuild: ActionDeclaration = {
  name: 'Build',
  actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
  configuration: { ProjectName: 'flow-build' },
  inputArtifacts: [{ name: 'SourceArtifact' }],
};

/** Creates pipeline `name`: its S3 source, then `stages`. Creating it starts its first execution, whose id is returned. */
export async function createFlow(
  client: CodePipelineClient,
  name: string,
  stages: StageDeclaration[],
  extra: Partial<PipelineDeclaration> = {},
): Promise<string> {
  const source = stage('Source', s3Source('Src', FLOW_BUCKET, `${name}.zip`));
  await client.send(new CreatePipelineCommand({ pipeline: pipeline(name, FLOW_BUCKET, [source, ...stages], extra) }));
  return firstExecution(client, name);
}

/** For a test file: a Slipway (scale 20) prepared for flows before its tests and closed after; its endpoint and CodePipeline client. */
export function flowsForTests(): () => { s: TestSlipway; cp: CodePipelineClient } {
  let bench: { s: TestSlipway; cp: CodePipelineClient } | undefined;
  before(async () => {
    await ensureTestImages(docker);
    const s = await startTestSlipway({ timeScale: 20 });
    bench = { s, cp: codepipelineClient(s.endpoint) };
    await prepareFlows(s.endpoint);
  });
  after(async () => {
    await bench?.s.close();
  });
  return () => {
    if (!bench) throw new Error('the flows Slipway has not started');
    return bench;
  };
}
