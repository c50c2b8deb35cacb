/**
 * @module services/codepipeline/api-pipelines
 * CreatePipeline, GetPipeline, UpdatePipeline, DeletePipeline and ListPipelines. A declaration is
 * checked whole (structure.ts) before anything is written; every update is a new version, and the
 * versions before it stay readable. Creating a pipeline starts its first execution, as AWS does.
 */
import { codepipelineArn } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { caller, page, requirePipeline } from './api-common.ts';
import { checkTags } from './api-tags.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError, notAssumable } from './errors.ts';
import { requireServiceRole } from '../sts/index.ts';
import type { PipelineRecord } from './model.ts';
import { CODEPIPELINE } from './runner.ts';
import type { CodepipelineOperations, PipelineDeclaration } from './shapes.ts';
import { conditionRoles } from './conditions.ts';
import { startExecution } from './start.ts';
import { checkDeclaration } from './structure.ts';
import { startVariables } from './variables.ts';

/**
 * With signatures required, the pipeline's role and each role its actions and its conditions' rules
 * name for themselves must exist and trust CodePipeline.
 */
function requireAssumable(cp: CodePipelineContext, declaration: PipelineDeclaration): void {
  const actionRoles = declaration.stages.flatMap((s) => s.actions.flatMap((a) => a.roleArn ?? []));
  for (const roleArn of new Set([declaration.roleArn, ...actionRoles, ...conditionRoles(declaration)]))
    requireServiceRole(cp.sts.roles, roleArn, CODEPIPELINE, () => codepipelineError.invalidStructure(notAssumable(roleArn)));
}

export function pipelineHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  return {
    CreatePipeline(input, ctx) {
      const scope = scopeOf(ctx);
      const declaration = checkDeclaration(input.pipeline, cp.actions, scope);
      requireAssumable(cp, declaration);
      const tags = checkTags(input.tags);
      const variables = startVariables(declaration.variables, undefined);
      if (typeof variables === 'string') throw codepipelineError.invalidStructure(variables);
      const now = cp.clock.now();
      const p: PipelineRecord = {
        arn: codepipelineArn.pipeline(scope, declaration.name),
        scope,
        name: declaration.name,
        declaration: { ...declaration, version: 1 },
        created: now,
        updated: now,
        tags,
        transitions: {},
      };
      m.tx(() => {
        if (m.pipeline(scope, p.name)) throw codepipelineError.nameInUse(p.name, scope.account);
        m.putPipeline(p);
        startExecution(cp, p, { trigger: { triggerType: 'CreatePipeline', triggerDetail: caller(scope) }, variables });
      });
      return { pipeline: p.declaration, tags: tags.length ? tags : undefined };
    },

    GetPipeline(input, ctx) {
      const p = requirePipeline(cp, scopeOf(ctx), input.name);
      const declaration = input.version === undefined ? p.declaration : m.version(p.arn, input.version);
      if (!declaration) throw codepipelineError.versionNotFound(p.name, input.version!);
      return { pipeline: declaration, metadata: { pipelineArn: p.arn, created: p.created, updated: p.updated } };
    },

    UpdatePipeline(input, ctx) {
      const scope = scopeOf(ctx);
      const declaration = checkDeclaration(input.pipeline, cp.actions, scope);
      requireAssumable(cp, declaration);
      const updated = m.tx(() => {
        const p = requirePipeline(cp, scope, declaration.name);
        if (input.pipeline.version !== undefined && input.pipeline.version !== p.declaration.version) {
          throw codepipelineError.invalidStructure(
            `Pipeline version ${input.pipeline.version} is not the latest version of '${p.name}' (${p.declaration.version}): read it again with GetPipeline`,
          );
        }
        const stages = new Set(declaration.stages.map((s) => s.name));
        const next: PipelineRecord = {
          ...p,
          declaration: { ...declaration, version: p.declaration.version + 1 },
          updated: cp.clock.now(),
          transitions: Object.fromEntries(Object.entries(p.transitions).filter(([stage]) => stages.has(stage))),
        };
        m.putPipeline(next);
        return next;
      });
      cp.wake(updated.arn);
      return { pipeline: updated.declaration };
    },

    DeletePipeline(input, ctx) {
      const scope = scopeOf(ctx);
      const p = m.pipeline(scope, input.name);
      // Deleting a pipeline that is not there succeeds, as on AWS.
      if (!p) return {};
      m.tx(() => m.deletePipeline(p));
      cp.wake(p.arn);
      return {};
    },

    ListPipelines(input, ctx) {
      const all = m.pipelines.find({ scope: scopeKey(scopeOf(ctx)) }, 'name');
      const p = page(all, 'ListPipelines', input.nextToken, input.maxResults);
      return {
        pipelines: p.items.map((r) => ({
          name: r.name,
          version: r.declaration.version,
          pipelineType: r.declaration.pipelineType,
          executionMode: r.declaration.executionMode,
          created: r.created,
          updated: r.updated,
        })),
        nextToken: p.next,
      };
    },
  };
}
