/**
 * S3 clients for tests: SDK v3 (path-style, default checksum behaviour), and reading a whole body.
 * The aws CLI is `aws` in slipway.ts.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { clientConfig } from './slipway.ts';

export function s3Client(endpoint: string, region = 'us-east-1'): S3Client {
  return new S3Client({ ...clientConfig(endpoint, region), forcePathStyle: true });
}

export async function text(body: unknown): Promise<string> {
  return (body as { transformToString(): Promise<string> }).transformToString();
}
