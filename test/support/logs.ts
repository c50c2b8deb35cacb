/**
 * CloudWatch Logs clients for tests, and the error a call fails with.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import assert from 'node:assert/strict';
import { clientConfig } from './slipway.ts';

export function logsClient(endpoint: string): CloudWatchLogsClient {
  return new CloudWatchLogsClient(clientConfig(endpoint));
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
