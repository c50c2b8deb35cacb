/**
 * @module services/codedeploy/api-common
 * What several CodeDeploy handlers share: name checks, paging, tags, and finding an application,
 * a deployment group or a deployment (or answering CodeDeploy's error for it).
 */
import { paginate, type Page } from '../../core/paging.ts';
import { scopeKey, type Scope } from '../../core/scope.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { ApplicationRecord, DeploymentRecord, GroupRecord } from './model.ts';
import type { Tag } from './shapes.ts';

const NAME = /^[A-Za-z0-9+=,.@_-]{1,100}$/;
const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;
export const MAX_TAGS = 50;

export function checkName(name: string, invalid: (name: string) => Error): string {
  if (!NAME.test(name)) throw invalid(name);
  return name;
}

/** CodeDeploy's list operations: 100 a page, a token from another list refused. */
export function page<T>(items: readonly T[], kind: string, token: string | undefined): Page<T> {
  return paginate(items, { token }, { kind, defaultSize: 100, maxSize: 100, invalid: () => codedeployError.invalidNextToken() });
}

/** Tags a caller may set: keys 1–128 characters, values up to 256, none under the reserved `aws:` prefix. */
export function checkTags(tags: Tag[] | undefined): Tag[] {
  for (const { Key = '', Value = '' } of tags ?? []) {
    if (!Key || Key.length > 128) throw codedeployError.invalidTags(`Tag key '${Key}' must be 1 to 128 characters`);
    if (Value.length > 256) throw codedeployError.invalidTags(`The value of tag '${Key}' must be at most 256 characters`);
    if (/^aws:/i.test(Key)) throw codedeployError.invalidTags(`Tag key '${Key}': keys beginning with 'aws:' are reserved for AWS use`);
  }
  return tags ?? [];
}

/** `tags` with `incoming` set over them (by key). */
export function mergeTags(tags: Tag[], incoming: Tag[]): Tag[] {
  const keys = new Set(incoming.map((t) => t.Key));
  const merged = [...tags.filter((t) => !keys.has(t.Key)), ...incoming.map((t) => ({ Key: t.Key, Value: t.Value ?? '' }))];
  if (merged.length > MAX_TAGS) throw codedeployError.invalidTags(`A resource can have at most ${MAX_TAGS} tags`);
  return merged;
}

export function requireApplication(cd: CodeDeployContext, scope: Scope, name: string): ApplicationRecord {
  checkName(name, codedeployError.invalidApplicationName);
  const app = cd.model.application(scopeKey(scope), name);
  if (!app) throw codedeployError.applicationNotFound(name);
  return app;
}

export function requireGroup(cd: CodeDeployContext, scope: Scope, application: string, name: string | undefined): GroupRecord {
  requireApplication(cd, scope, application);
  if (!name) throw codedeployError.groupNameRequired();
  checkName(name, codedeployError.invalidGroupName);
  const group = cd.model.group(scopeKey(scope), application, name);
  if (!group) throw codedeployError.groupNotFound(name);
  return group;
}

export function requireDeployment(cd: CodeDeployContext, scope: Scope, id: string): DeploymentRecord {
  if (!DEPLOYMENT_ID.test(id)) throw codedeployError.invalidDeploymentId(id);
  const d = cd.model.deployments.get(id);
  if (!d || scopeKey(d.scope) !== scopeKey(scope)) throw codedeployError.deploymentNotFound(id);
  return d;
}
