/**
 * @module services/ecs/placement
 * Where a task goes, as ECS decides it: keep the instances with enough CPU, memory and free host
 * ports, apply the constraints, then order by the strategy. Pure: the caller passes the
 * instances with their current usage and receives a choice or ECS's failure reason.
 */
import { ecsError } from './errors.ts';
import type { PlacementConstraint, PlacementStrategy } from './shapes.ts';
import type { Reservation } from './task-size.ts';

export interface Candidate {
  arn: string;
  offered: { cpu: number; memoryMiB: number };
  used: { cpu: number; memoryMiB: number; tcpPorts: Set<number>; udpPorts: Set<number> };
  attributes: Record<string, string>;
  /** Task groups of the unstopped tasks on it (for distinctInstance and spread). */
  groups: string[];
}

export type PlacementResult = { arn: string } | { failures: { arn: string; reason: string }[] };

export function place(
  candidates: Candidate[],
  need: Reservation,
  group: string,
  strategy: PlacementStrategy[] = [],
  constraints: PlacementConstraint[] = [],
): PlacementResult {
  const failures: { arn: string; reason: string }[] = [];
  const fitting = candidates.filter((c) => {
    const reason = misfit(c, need) ?? constraintFailure(c, group, constraints);
    if (reason) failures.push({ arn: c.arn, reason });
    return !reason;
  });
  if (fitting.length === 0) return { failures };
  return { arn: order(fitting, group, strategy)[0].arn };
}

/** ECS's reason a task does not fit an instance, or undefined when it does. */
export function misfit(c: Candidate, need: Reservation): string | undefined {
  if (c.used.memoryMiB + need.memoryMiB > c.offered.memoryMiB) return 'RESOURCE:MEMORY';
  if (c.used.cpu + need.cpu > c.offered.cpu) return 'RESOURCE:CPU';
  if (need.ports.some((p) => p.protocol === 'tcp' && c.used.tcpPorts.has(p.port))) return 'RESOURCE:PORTS';
  if (need.ports.some((p) => p.protocol === 'udp' && c.used.udpPorts.has(p.port))) return 'RESOURCE:PORTS_UDP';
  return undefined;
}

function constraintFailure(c: Candidate, group: string, constraints: PlacementConstraint[]): string | undefined {
  for (const constraint of constraints) {
    if (constraint.type === 'distinctInstance' && c.groups.includes(group)) return 'DistinctInstance placement constraint unsatisfied.';
    if (constraint.type === 'memberOf' && !matchesExpression(c, constraint.expression ?? ''))
      return 'MemberOf placement constraint unsatisfied.';
  }
  return undefined;
}

/** The longest cluster query language expression ECS takes. */
export const MAX_EXPRESSION_LENGTH = 2000;

/** Refuses an expression longer than ECS takes, before any pattern reads it (their splitting is quadratic in its length). */
export function checkExpressionLength(field: string, expression: string): void {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw ecsError.invalidParameter(
      `${field} can have a maximum length of ${MAX_EXPRESSION_LENGTH} characters (got ${expression.length}).`,
    );
  }
}

/** The subset of ECS's cluster query language Slipway evaluates: attribute:name ==|!= value, and/or. */
export function matchesExpression(c: Candidate, expression: string): boolean {
  checkExpressionLength('The placement constraint expression', expression);
  return expression.split(/\s+or\s+/i).some((clause) =>
    clause.split(/\s+and\s+/i).every((term) => {
      const m = term.trim().match(/^attribute:([\w.-]+)\s*(==|!=)\s*(\S+)$/);
      if (!m)
        throw ecsError.invalidParameter(
          `Slipway cannot evaluate the placement expression '${term.trim()}'; use attribute:<name> == <value>.`,
        );
      const equal = c.attributes[m[1]] === m[3];
      return m[2] === '==' ? equal : !equal;
    }),
  );
}

function order(cs: Candidate[], group: string, strategy: PlacementStrategy[]): Candidate[] {
  const sorted = [...cs];
  for (const s of [...strategy].reverse()) {
    if (s.type === 'binpack') {
      const field = s.field === 'cpu' ? 'cpu' : 'memoryMiB';
      sorted.sort((a, b) => a.offered[field] - a.used[field] - (b.offered[field] - b.used[field]));
    } else if (s.type === 'spread') {
      const count = (c: Candidate) => c.groups.filter((g) => g === group).length;
      sorted.sort((a, b) => count(a) - count(b));
    } else if (s.type === 'random') {
      sorted.sort(() => Math.random() - 0.5);
    }
  }
  return sorted;
}
