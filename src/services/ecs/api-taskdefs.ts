/**
 * @module services/ecs/api-taskdefs
 * Task definition operations. Revisions come from the family's counter, so a number is never
 * handed out twice, even after deletion. A deleted revision is DELETE_IN_PROGRESS while a live
 * service or an unstopped task still uses it, and gone from every listing once none does.
 * What a definition may contain, and its defaults, is taskdefs.ts's business.
 */
import { ecsArn } from '../../core/ids.ts';
import { scopeKey, scopeOf, scopeOfArn, type Scope } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { validateTags } from './api-tags.ts';
import type { EcsContext } from './context.ts';
import { requireServiceRole } from '../sts/index.ts';
import { ecsError } from './errors.ts';
import { ECS_TASKS } from './execution-role.ts';
import { familyOf, type StoredTaskDefinition, type TaskDefinitionRecord } from './model.ts';
import { checkMaxResults, findTaskDefinition, listPage } from './resolve.ts';
import type { EcsOperations, Failure, TaskDefinition } from './shapes.ts';
import { normalizeTaskDefinition } from './taskdefs.ts';

const STILL_ACTIVE = 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.';
const DOES_NOT_EXIST = 'The specified task definition does not exist.';
const REVISION_REF = /^[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;

const unableToDescribe = (): never => {
  throw ecsError.taskDefinitionNotFound();
};

/** Deregister and delete name one revision: "family:revision" or the full ARN. */
function requireRevision(ref: string, operation: string): void {
  const resource = ref.startsWith('arn:') ? (ref.split(':task-definition/')[1] ?? '') : ref;
  if (REVISION_REF.test(resource)) return;
  throw ecsError.client(
    `Invalid task definition '${ref}': ${operation} needs a revision, as family:revision or the full task definition ARN.`,
  );
}

/** Whether a live service (any of its deployments) or an unstopped task still uses the revision. */
export function taskDefinitionInUse(ecs: EcsContext, arn: string): boolean {
  const m = ecs.model;
  if (m.tasks.find({ family: familyOf(arn) }).some((t) => t.task.taskDefinitionArn === arn && t.task.lastStatus !== 'STOPPED')) return true;
  return [...m.services.find({ status: 'ACTIVE' }), ...m.services.find({ status: 'DRAINING' })].some(
    (s) => s.service.taskDefinition === arn || s.deployments.some((d) => d.taskDefinition === arn),
  );
}

export function taskDefinitionHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  const m = ecs.model;
  const visible = (r: TaskDefinitionRecord) =>
    r.taskDefinition.status !== 'DELETE_IN_PROGRESS' || taskDefinitionInUse(ecs, r.taskDefinition.taskDefinitionArn);

  /** A revision this scope can see: family (latest ACTIVE), family:revision or ARN. */
  const lookup = (scope: Scope, ref: string): TaskDefinitionRecord | undefined => {
    if (ref.startsWith('arn:')) {
      const of = scopeOfArn(ref);
      if (!of || scopeKey(of) !== scopeKey(scope)) return undefined;
    }
    const record = findTaskDefinition(m, scope, ref);
    return record && visible(record) ? record : undefined;
  };

  return {
    RegisterTaskDefinition(input, ctx) {
      const scope = scopeOf(ctx);
      const tags = validateTags(input.tags ?? []);
      for (const role of [input.taskRoleArn, input.executionRoleArn])
        if (role) requireServiceRole(ecs.roles, role, ECS_TASKS, () => ecsError.client('Role is not valid'));
      // The revision is reserved inside the transaction: a definition ECS rejects rolls it back.
      const taskDefinition = m.tx(() => {
        const revision = m.nextRevision(scopeKey(scope), input.family);
        const td = normalizeTaskDefinition(input, {
          arn: ecsArn.taskDefinition(scope, input.family, revision),
          revision,
          registeredAt: ecs.clock.now(),
          registeredBy: `arn:aws:iam::${scope.account}:root`,
        });
        m.putTaskDefinition({ taskDefinition: td, tags }, scopeKey(scope));
        return td;
      });
      return { taskDefinition, tags };
    },

    DescribeTaskDefinition(input, ctx) {
      const record = lookup(scopeOf(ctx), input.taskDefinition) ?? unableToDescribe();
      return input.include?.includes('TAGS')
        ? { taskDefinition: record.taskDefinition, tags: record.tags }
        : { taskDefinition: record.taskDefinition };
    },

    ListTaskDefinitions(input, ctx) {
      checkMaxResults(input.maxResults);
      const order = input.sort === 'DESC' ? 'family DESC, revision DESC' : 'family ASC, revision ASC';
      // As in ECS, familyPrefix names a whole family: "web" does not list "web-api".
      const where = { scope: scopeKey(scopeOf(ctx)), status: input.status ?? 'ACTIVE', family: input.familyPrefix || undefined };
      const arns = m.taskDefinitions
        .find(where, order)
        .filter(visible)
        .map((r) => r.taskDefinition.taskDefinitionArn);
      const page = listPage(arns, input, 'task-definitions');
      return { taskDefinitionArns: page.items, nextToken: page.next };
    },

    ListTaskDefinitionFamilies(input, ctx) {
      checkMaxResults(input.maxResults);
      const active = new Map<string, boolean>();
      for (const r of m.taskDefinitions.find({ scope: scopeKey(scopeOf(ctx)) }, 'family ASC, revision ASC')) {
        const family = r.taskDefinition.family;
        if (input.familyPrefix && !family.startsWith(input.familyPrefix)) continue;
        if (!visible(r)) continue;
        active.set(family, (active.get(family) ?? false) || r.taskDefinition.status === 'ACTIVE');
      }
      const status = input.status ?? 'ALL';
      const families = [...active]
        .filter(([, isActive]) => status === 'ALL' || isActive === (status === 'ACTIVE'))
        .map(([family]) => family);
      const page = listPage(families, input, 'task-definition-families');
      return { families: page.items, nextToken: page.next };
    },

    DeregisterTaskDefinition(input, ctx) {
      requireRevision(input.taskDefinition, 'DeregisterTaskDefinition');
      const scope = scopeOf(ctx);
      const taskDefinition = m.tx(() => {
        const record = lookup(scope, input.taskDefinition) ?? unableToDescribe();
        if (record.taskDefinition.status !== 'ACTIVE') return record.taskDefinition;
        const td: StoredTaskDefinition = { ...record.taskDefinition, status: 'INACTIVE', deregisteredAt: ecs.clock.now() };
        m.putTaskDefinition({ ...record, taskDefinition: td }, scopeKey(scope));
        return td;
      });
      return { taskDefinition };
    },

    DeleteTaskDefinitions(input, ctx) {
      const refs = [...new Set(input.taskDefinitions)];
      if (refs.length === 0 || refs.length > 10) {
        throw ecsError.invalidParameter(`taskDefinitions must name between 1 and 10 task definitions (got ${refs.length}).`);
      }
      for (const ref of refs) requireRevision(ref, 'DeleteTaskDefinitions');
      const scope = scopeOf(ctx);
      return m.tx(() => {
        const taskDefinitions: TaskDefinition[] = [];
        const failures: Failure[] = [];
        for (const ref of refs) {
          const record = lookup(scope, ref);
          if (!record) {
            failures.push({ arn: ref.startsWith('arn:') ? ref : arnOf(scope, ref), reason: DOES_NOT_EXIST });
            continue;
          }
          const td = record.taskDefinition;
          if (td.status === 'ACTIVE') {
            failures.push({ arn: td.taskDefinitionArn, reason: STILL_ACTIVE });
            continue;
          }
          if (td.status === 'DELETE_IN_PROGRESS') {
            taskDefinitions.push(td);
            continue;
          }
          const deleting: StoredTaskDefinition = { ...td, status: 'DELETE_IN_PROGRESS', deleteRequestedAt: ecs.clock.now() };
          if (taskDefinitionInUse(ecs, td.taskDefinitionArn)) m.putTaskDefinition({ ...record, taskDefinition: deleting }, scopeKey(scope));
          else m.deleteTaskDefinition(td, scopeKey(scope));
          taskDefinitions.push(deleting);
        }
        return { taskDefinitions, failures };
      });
    },
  };
}

function arnOf(scope: Scope, ref: string): string {
  const colon = ref.lastIndexOf(':');
  return ecsArn.taskDefinition(scope, ref.slice(0, colon), Number(ref.slice(colon + 1)));
}
