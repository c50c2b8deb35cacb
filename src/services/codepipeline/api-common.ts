/**
 * @module services/codepipeline/api-common
 * What several CodePipeline handlers share: paging, finding a pipeline or an execution (or
 * answering CodePipeline's error for it), and who a change was made by.
 */
import { paginate, type Page } from '../../core/paging.ts';
import type { Scope } from '../../core/scope.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError } from './errors.ts';
import type { ExecutionRecord, PipelineRecord } from './model.ts';

/** CodePipeline's list operations: a token from another list is refused. */
export function page<T>(
  items: readonly T[],
  kind: string,
  token: string | undefined,
  size: number | undefined,
  defaultSize = 100,
): Page<T> {
  return paginate(items, { token, size }, { kind, defaultSize, maxSize: 1000, invalid: () => codepipelineError.invalidNextToken() });
}

export function requirePipeline(cp: CodePipelineContext, scope: Scope, name: string): PipelineRecord {
  const p = cp.model.pipeline(scope, name);
  if (!p) throw codepipelineError.pipelineNotFound(name, scope.account);
  return p;
}

export function requireExecution(cp: CodePipelineContext, p: PipelineRecord, id: string): ExecutionRecord {
  const e = cp.model.executions.get(id);
  if (!e || e.pipelineArn !== p.arn) throw codepipelineError.executionNotFound(id, p.name);
  return e;
}

/** Who made a change, as CodePipeline records it (lastChangedBy, lastUpdatedBy, triggerDetail). */
export function caller(scope: Scope): string {
  return `arn:aws:iam::${scope.account}:root`;
}
