/**
 * @module services/ecs/api-instances
 * DescribeContainerInstances and ListContainerInstances. Each cluster has one container instance,
 * Slipway's registration of the local Docker Engine; ListContainerInstances evaluates a subset of
 * ECS's cluster query language.
 */
import { ecsArn } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { EcsContext } from './context.ts';
import { invalid } from './errors.ts';
import { describeInstance } from './instances.ts';
import { checkExpressionLength } from './placement.ts';
import { scopeOf } from '../../core/scope.ts';
import { checkMaxResults, listPage, requireCluster } from './resolve.ts';
import type { ContainerInstance, EcsOperations, Failure } from './shapes.ts';

export function instanceHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  const m = ecs.model;
  return {
    DescribeContainerInstances(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      if (input.containerInstances.length > 100)
        invalid(`containerInstances can name at most 100 instances (got ${input.containerInstances.length}).`);
      const include = new Set(input.include ?? []);
      const containerInstances: ContainerInstance[] = [];
      const failures: Failure[] = [];
      for (const ref of input.containerInstances) {
        const arn = ref.startsWith('arn:') ? ref : ecsArn.containerInstance(scope, cluster.clusterName, ref);
        const record = m.instances.get(arn);
        if (!record || record.clusterArn !== cluster.clusterArn) {
          failures.push({ arn, reason: 'MISSING' });
          continue;
        }
        const view = describeInstance(ecs, record);
        if (!include.has('TAGS')) delete view.tags;
        if (include.has('CONTAINER_INSTANCE_HEALTH')) {
          const now = ecs.clock.now();
          const status = view.agentConnected ? 'OK' : 'IMPAIRED';
          view.healthStatus = {
            overallStatus: status,
            details: [{ type: 'CONTAINER_RUNTIME', status, lastUpdated: now, lastStatusChange: view.registeredAt }],
          };
        }
        containerInstances.push(view);
      }
      return { containerInstances, failures };
    },

    ListContainerInstances(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      checkMaxResults(input.maxResults);
      if (input.filter !== undefined) checkExpressionLength('filter', input.filter);
      const arns = m.instances
        .find({ cluster: cluster.clusterArn })
        .map((record) => describeInstance(ecs, record))
        .filter((ci) => (input.status ? ci.status === input.status : ci.status !== 'INACTIVE'))
        .filter((ci) => !input.filter || matchesFilter(ci, input.filter))
        .map((ci) => ci.containerInstanceArn);
      const page = listPage(arns, input, 'container-instances');
      return { containerInstanceArns: page.items, nextToken: page.next };
    },
  };
}

const FILTER_TERM = /^(attribute:[\w.:-]+|[A-Za-z]+)\s*(?:(==|!=|>=|<=|>|<|=~)\s*(.+)|\s+(!?in)\s*(.+)|\s+(!?exists))$/i;

/**
 * The subset of ECS's cluster query language Slipway evaluates for ListContainerInstances:
 * `<subject> <op> <value>` terms joined by and/or. Subjects: attribute:<name>, ec2InstanceId,
 * agentConnected, agentVersion, runningTasksCount, pendingTasksCount; operators ==, !=, >, >=, <,
 * <=, =~ (with * wildcards), in [a, b], !in, exists, !exists.
 */
function matchesFilter(ci: ContainerInstance, expression: string): boolean {
  return expression.split(/\s+or\s+|\s*\|\|\s*/i).some((clause) =>
    clause.split(/\s+and\s+|\s*&&\s*/i).every((term) => {
      const m = FILTER_TERM.exec(term.trim().replace(/^\(|\)$/g, ''));
      if (!m)
        invalid(
          `Slipway cannot evaluate the filter term '${term.trim()}'; use <subject> <operator> <value>, e.g. attribute:ecs.os-type == linux.`,
        );
      const [, subject, cmp, cmpValue, setOp, setValue, existsOp] = m;
      const actual = subjectValue(ci, subject);
      if (existsOp) return (actual !== undefined) === (existsOp.toLowerCase() === 'exists');
      if (setOp) {
        const members = setValue
          .replace(/^[[(]|[\])]$/g, '')
          .split(',')
          .map((v) => v.trim());
        return members.includes(actual ?? '') === (setOp.toLowerCase() === 'in');
      }
      const want = cmpValue.trim();
      switch (cmp) {
        case '==':
          return actual === want;
        case '!=':
          return actual !== want;
        case '=~':
          return actual !== undefined && new RegExp(`^${want.split('*').map(escapeRegex).join('.*')}$`).test(actual);
        default: {
          const [a, b] = [Number(actual), Number(want)];
          return cmp === '>' ? a > b : cmp === '>=' ? a >= b : cmp === '<' ? a < b : a <= b;
        }
      }
    }),
  );
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function subjectValue(ci: ContainerInstance, subject: string): string | undefined {
  if (subject.startsWith('attribute:'))
    return ci.attributes?.find((a) => a.name === subject.slice('attribute:'.length))?.value ?? undefined;
  const fields: Record<string, unknown> = {
    ec2InstanceId: ci.ec2InstanceId,
    agentConnected: ci.agentConnected,
    agentVersion: ci.versionInfo?.agentVersion,
    runningTasksCount: ci.runningTasksCount,
    pendingTasksCount: ci.pendingTasksCount,
  };
  if (!(subject in fields))
    invalid(
      `Slipway cannot filter container instances on '${subject}'; use attribute:<name>, ec2InstanceId, agentConnected, agentVersion, runningTasksCount or pendingTasksCount.`,
    );
  const value = fields[subject];
  return value === undefined ? undefined : String(value);
}
