/**
 * @module services/ecs/task-logs
 * The awslogs log driver. Containers keep the engine's own log (so `slipway logs` reads it as
 * ever); a container whose definition names awslogs also has its output followed and appended,
 * line by line, to `awslogs-group` in the stream `<awslogs-stream-prefix>/<container>/<task id>`
 * (the engine container's id when there is no prefix), as the driver names it. Before the container
 * starts, the group is created when `awslogs-create-group` is "true" and the stream is created —
 * which fails, as the driver does, when the group does not exist.
 */
import { isRegionName } from '../../core/config.ts';
import { AwsError } from '../../core/errors.ts';
import type { Scope } from '../../core/ids.ts';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import type { ContainerRuntime, ContainerState } from '../../runtime/types.ts';
import type { LogLine, LogsFacade } from '../logs/index.ts';
import { taskIdOf } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import type { StoredContainer, TaskRecord } from './model.ts';

const log = logger('ecs.awslogs');

export interface AwsLogsStream {
  scope: Scope;
  group: string;
  stream: string;
}

/** Where a container's output goes, or undefined when it does not use awslogs. */
export function awslogsStream(record: TaskRecord, def: StoredContainer, containerId: string): AwsLogsStream | undefined {
  const config = def.logConfiguration;
  if (config?.logDriver !== 'awslogs') return undefined;
  const options = config.options ?? {};
  const scope = scopeOfOwnArn(record.task.taskArn);
  const prefix = options['awslogs-stream-prefix'];
  return {
    scope: { account: scope.account, region: options['awslogs-region'] || scope.region },
    group: options['awslogs-group'] ?? '',
    stream: prefix ? `${prefix}/${def.name}/${taskIdOf(record.task.taskArn)}` : containerId,
  };
}

/** Makes the group (when asked) and the stream; returns why the container cannot start, as ECS words it. */
export function prepareAwsLogs(logs: LogsFacade, def: StoredContainer, target: AwsLogsStream): string | undefined {
  const driverFailure = (why: string) =>
    `CannotStartContainerError: Error response from daemon: failed to initialize logging driver: ${why}`;
  if (!target.group) return driverFailure("must specify a value for log opt 'awslogs-group'");
  if (!isRegionName(target.scope.region))
    return driverFailure(`awslogs-region '${target.scope.region}' is not a region name such as us-east-1`);
  try {
    if (def.logConfiguration?.options?.['awslogs-create-group'] === 'true') logs.ensureGroup(target.scope, target.group);
    logs.createStream(target.scope, target.group, target.stream);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const verb =
      err.code === 'ResourceNotFoundException'
        ? 'create stream has been retried 1 times: failed to create Cloudwatch log stream'
        : 'failed to create Cloudwatch log group or stream';
    return `ResourceInitializationError: failed to validate logger args: ${verb}: ${err.code}: ${err.message} : exit status 1`;
  }
  return undefined;
}

/** Follows containers' output into their streams, one follower per container; stopped with the room. */
export class AwsLogsShipper {
  private readonly following = new Map<string, AbortController>();
  /** The timestamp of the last line shipped per container, so a follower that is re-attached sends nothing twice. */
  private readonly shipped = new Map<string, number>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly logs: LogsFacade,
  ) {}

  /**
   * Follows the container unless it already is. `since` (epoch ms) starts later than the container's
   * first line: a container this process did not start may have been followed by an earlier one.
   */
  follow(containerId: string, target: AwsLogsStream, since?: number): void {
    if (this.following.has(containerId)) return;
    const abort = new AbortController();
    this.following.set(containerId, abort);
    this.ship(containerId, target, since, abort.signal)
      .catch((err) =>
        log.warn(`following the output of ${containerId} into ${target.group}/${target.stream} stopped: ${(err as Error).message}`),
      )
      .finally(() => this.following.delete(containerId));
  }

  isFollowing(containerId: string): boolean {
    return this.following.has(containerId);
  }

  /** The container is gone for good. */
  forget(containerId: string): void {
    this.following.get(containerId)?.abort();
    this.shipped.delete(containerId);
  }

  stop(): void {
    for (const abort of this.following.values()) abort.abort();
  }

  private async ship(containerId: string, target: AwsLogsStream, since: number | undefined, signal: AbortSignal): Promise<void> {
    // The engine starts at a whole second: lines before `since`, or up to what was shipped already (re-attached), are skipped.
    const cursor = this.shipped.get(containerId);
    const skipThrough = cursor ?? (since === undefined ? undefined : since - 1);
    const stream = await this.runtime.logs(containerId, { follow: true, timestamps: true, since: skipThrough });
    const stop = () => stream.destroy();
    signal.addEventListener('abort', stop, { once: true });
    let partial = '';
    const send = (text: string, last: boolean) => {
      const lines = (partial + text).split('\n');
      partial = last ? '' : (lines.pop() ?? '');
      const batch: LogLine[] = [];
      for (const line of lines) {
        const event = parseLine(line);
        // stdout and stderr are separate pipes, so timestamps need not rise line by line; only the replay is skipped.
        if (!event || (skipThrough !== undefined && event.timestamp <= skipThrough)) continue;
        batch.push(event);
        this.shipped.set(containerId, Math.max(event.timestamp, this.shipped.get(containerId) ?? -Infinity));
      }
      if (batch.length) this.logs.append(target.scope, target.group, target.stream, batch);
    };
    try {
      for await (const chunk of stream) send((chunk as Buffer).toString('utf8'), false);
    } catch (err) {
      if (!signal.aborted) throw err;
    } finally {
      signal.removeEventListener('abort', stop);
      send('', true);
    }
  }
}

/** "<RFC 3339 time> <message>" as the engine writes lines with timestamps; empty messages are not sent, as the driver sends none. */
function parseLine(line: string): LogLine | undefined {
  const space = line.indexOf(' ');
  const timestamp = space > 0 ? Date.parse(line.slice(0, space)) : NaN;
  const message = (Number.isNaN(timestamp) ? line : line.slice(space + 1)).replace(/\r$/, '');
  if (!message) return undefined;
  return { timestamp: Number.isNaN(timestamp) ? Date.now() : timestamp, message };
}

/** Running awslogs containers this process is not following (it restarted since it started them) are followed from now on. */
export function followAdopted(ecs: EcsContext, record: TaskRecord, states: Map<string, ContainerState | undefined>): void {
  for (const def of record.containers) {
    const state = states.get(def.name);
    const target = state?.running ? awslogsStream(record, def, state.id) : undefined;
    if (state && target && !ecs.awslogs.isFollowing(state.id)) ecs.awslogs.follow(state.id, target, Date.now());
  }
}
