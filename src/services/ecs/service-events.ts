/**
 * @module services/ecs/service-events
 * ECS service events: the exact messages ECS writes, and the event list they go into (newest
 * first, at most 100, an identical message right after itself is not repeated).
 */
import { shortName, uuid } from '../../core/ids.ts';
import type { ServiceRecord } from './model.ts';
import type { Failure } from './shapes.ts';

export const MAX_EVENTS = 100;

const taskList = (ids: string[]) => ids.map((id) => `(task ${id})`).join(' ');

/** "(service S) ..." messages, worded as ECS words them. */
export const say = {
  started: (s: string, ids: string[]) => `(service ${s}) has started ${ids.length} tasks: ${taskList(ids)}.`,
  stopped: (s: string, ids: string[]) => `(service ${s}) has stopped ${ids.length} running tasks: ${taskList(ids)}.`,
  failedHealthChecks: (s: string, id: string) => `(service ${s}) (task ${id}) failed container health checks.`,
  unhealthyTarget: (s: string, port: number, targetGroupArn: string, reason: string) =>
    `(service ${s}) (port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${reason}).`,
  completed: (s: string, deployment: string) => `(service ${s}) (deployment ${deployment}) deployment completed.`,
  steady: (s: string) => `(service ${s}) has reached a steady state.`,
  failed: (s: string, deployment: string) => `(service ${s}) (deployment ${deployment}) deployment failed: tasks failed to start.`,
  rollingBack: (s: string, deployment: string, taskDefinition: string) =>
    `(service ${s}) (deployment ${deployment}) rolling back to task definition ${taskDefinition} after the circuit breaker stopped the failed deployment.`,
  inconsistent: (s: string) => `(service ${s}) is unable to consistently start tasks successfully.`,
  blocked: (s: string) =>
    `(service ${s}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  unplaceable: (s: string, failure: Failure) =>
    `(service ${s}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${shortName(failure.arn ?? '')}) ${misfit(failure.reason ?? '')}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  cannotPlace: (s: string, reason: string) =>
    `(service ${s}) was unable to place a task because no container instance met all of its requirements. Reason: ${reason}`,
  unservable: (s: string, problem: string) =>
    `(service ${s}) is not scheduled: its stored settings are invalid (${problem.replace(/\.$/, '')}). Update the service with valid settings to resume.`,
  missingTaskDefinition: (s: string, taskDefinition: string) =>
    `(service ${s}) was unable to start tasks: task definition ${taskDefinition} no longer exists.`,
};

function misfit(reason: string): string {
  switch (reason) {
    case 'RESOURCE:MEMORY':
      return 'has insufficient memory available';
    case 'RESOURCE:CPU':
      return 'has insufficient CPU units available';
    case 'RESOURCE:PORTS':
    case 'RESOURCE:PORTS_UDP':
      return 'is already using a port required by your task';
    default:
      return `does not meet the task's placement constraints (${reason.replace(/\.$/, '')})`;
  }
}

/** Who an event speaks of: the service, or one of its task sets as "S, taskSet ecs-svc/…" (the task set's id ends its ARN). */
export function eventSubject(serviceName: string, taskSetArn?: string): string {
  return taskSetArn ? `${serviceName}, taskSet ${taskSetArn.slice(taskSetArn.indexOf('/ecs-svc/') + 1)}` : serviceName;
}

/** Adds an event unless it repeats the last one; returns whether it was added. */
export function addEvent(record: ServiceRecord, message: string, now: number): boolean {
  if (record.lastEventKey === message) return false;
  record.events.unshift({ id: uuid(), createdAt: now, message });
  if (record.events.length > MAX_EVENTS) record.events.length = MAX_EVENTS;
  record.lastEventKey = message;
  return true;
}
