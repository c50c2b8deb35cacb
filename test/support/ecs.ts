/**
 * Waiting on ECS tasks in tests, through the SDK v3 client of a running Slipway.
 */
import { DescribeTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import { waitFor } from './slipway.ts';

export async function describeTask(ecs: ECSClient, arn: string): Promise<Task> {
  return (await ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
}

/** Waits for the task's lastStatus; a task that stops on the way to another status fails with its stoppedReason. */
export function waitTaskStatus(ecs: ECSClient, arn: string, status: string, timeoutMs = 60_000): Promise<Task> {
  return waitFor(
    `task ${arn} ${status}`,
    async () => {
      const t = await describeTask(ecs, arn);
      if (status !== 'STOPPED' && t.lastStatus === 'STOPPED') throw new Error(`task stopped: ${t.stoppedReason}`);
      return t.lastStatus === status ? t : undefined;
    },
    timeoutMs,
  );
}
