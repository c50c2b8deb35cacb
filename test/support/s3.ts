/**
 * S3 clients for tests: SDK v3 (path-style, default checksum behaviour), the aws CLI (v1) with its
 * plain text output, and reading a whole body.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clientConfig, cliEnv } from './slipway.ts';

const run = promisify(execFile);

export function s3Client(endpoint: string, region = 'us-east-1'): S3Client {
  return new S3Client({ ...clientConfig(endpoint, region), forcePathStyle: true });
}

/** Runs `aws <args>` against Slipway; resolves with its output, rejects with stderr on failure. */
export async function aws(endpoint: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint], { env: { ...cliEnv, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function text(body: unknown): Promise<string> {
  return (body as { transformToString(): Promise<string> }).transformToString();
}
