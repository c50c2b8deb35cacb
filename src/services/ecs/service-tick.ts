/**
 * @module services/ecs/service-tick
 * One run of the service scheduler: the service record it changes, the service's tasks as read at
 * the start, the events it adds (published after the transaction) and when to come back.
 */
import { taskIdOf } from './container-spec.ts';
import type { EcsContext } from './context.ts';
import { targetsHealth, type TargetsHealth } from './load-balancing.ts';
import type { ServiceRecord, StoredDeployment, TaskRecord } from './model.ts';
import { endRolling } from './rolling-service-deployments.ts';
import { addEvent, say } from './service-events.ts';
import { requestStop } from './tasks.ts';

/** Real ms between runs while a deployment is moving. */
export const MOVING_MS = 1000;
/**
 * The longest a run asks to wait, real ms. Timers take at most 2^31-1 ms (longer fires at once), and
 * a user's grace period may be 2147483647 s; the service is looked at again well before anyway.
 */
export const MAX_WAKE_MS = 60 * 60_000;

export function scalingReason(deploymentId: string): string {
  return `Scaling activity initiated by (deployment ${deploymentId})`;
}

/** One run's view: the service record being changed, its tasks, what to report and when to come back. */
export class Tick {
  readonly now: number;
  readonly name: string;
  readonly added: string[] = [];
  requeueAfterMs?: number;
  forgotten = false;
  tasks: TaskRecord[];
  private readonly balanced = new Map<string, TargetsHealth | undefined>();

  constructor(
    readonly ecs: EcsContext,
    readonly record: ServiceRecord,
  ) {
    this.now = ecs.clock.now();
    this.name = record.service.serviceName;
    this.tasks = ecs.model.tasks.find({ service: record.service.serviceArn });
  }

  get book(): NonNullable<ServiceRecord['scheduler']> {
    return (this.record.scheduler ??= {});
  }

  event(message: string): void {
    if (addEvent(this.record, message, this.now)) this.added.push(message);
  }

  /** Come back after `ms` real ms (the earliest request wins). */
  wake(ms: number): void {
    const at = Math.min(MAX_WAKE_MS, Math.max(1, Math.ceil(ms)));
    this.requeueAfterMs = this.requeueAfterMs === undefined ? at : Math.min(this.requeueAfterMs, at);
  }

  /** Stops tasks as the scheduler does and says so in one event (speaking of `subject`: the service, or a task set of it). */
  stop(tasks: TaskRecord[], reason: string, subject = this.name): void {
    if (tasks.length === 0) return;
    for (const r of tasks) {
      const stopped = requestStop(this.ecs, r.task.taskArn, 'ServiceSchedulerInitiated', reason);
      if (stopped) r.task = stopped.task;
    }
    this.event(
      say.stopped(
        subject,
        tasks.map((r) => taskIdOf(r.task.taskArn)),
      ),
    );
    this.wake(MOVING_MS);
  }

  /** A deployment's rollout ends: recorded on it, said in the service's events and announced to watchers. */
  endRollout(d: StoredDeployment, state: 'COMPLETED' | 'FAILED'): void {
    d.rolloutState = state;
    d.updatedAt = this.now;
    if (state === 'COMPLETED') {
      d.rolloutStateReason = `ECS deployment ${d.id} completed.`;
      this.record.lastCompletedTaskDefinition = d.taskDefinition;
      this.event(say.completed(this.name, d.id));
    } else {
      d.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
      this.event(say.failed(this.name, d.id));
    }
    endRolling(this.record, d, state, this.now);
    this.ecs.events.publish({
      type: 'ecs.deployment',
      resource: this.record.service.serviceArn,
      at: this.now,
      detail: { id: d.id, rolloutState: state },
    });
  }

  /** How a task's load balancer targets are doing, read once per run (undefined: no load balancer). */
  targets(r: TaskRecord): TargetsHealth | undefined {
    const key = r.task.taskArn;
    if (!this.balanced.has(key)) this.balanced.set(key, targetsHealth(this.ecs, r, this.record));
    return this.balanced.get(key);
  }

  refresh(): void {
    this.tasks = this.ecs.model.tasks.find({ service: this.record.service.serviceArn });
  }
}
