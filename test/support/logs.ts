/**
 * CloudWatch Logs clients for tests, and the error a call fails with.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';

export function logsClient(endpoint: string): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

/** The error a call fails with (fails the test when it succeeds). */
export async function failure(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (err) {
    return err as { name: string; message: string };
  }
  assert.fail('the call succeeded');
}
