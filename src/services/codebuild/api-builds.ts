/**
 * @module services/codebuild/api-builds
 * StartBuild, BatchGetBuilds, ListBuilds, ListBuildsForProject, StopBuild, RetryBuild,
 * BatchDeleteBuilds. Handlers record intent and wake the build controller; it does the rest.
 */
import { rm } from 'node:fs/promises';
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf, type Scope } from '../../core/scope.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { listPaging, requireProject, sortOrder } from './api-common.ts';
import { artifactsRoot } from './artifacts.ts';
import { recordBuild, settingsFor, settingsOf, type BuildStarter } from './builds.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError, invalid } from './errors.ts';
import { logPath } from './logs.ts';
import type { BuildRecord } from './model.ts';
import type { Build, BuildNotDeleted, CodebuildOperations } from './shapes.ts';

const starterOf = (ctx: RequestContext, idempotencyToken: string | undefined): BuildStarter => ({
  initiator: ctx.accessKeyId ?? 'slipway',
  idempotencyToken,
});

export function buildHandlers(cb: CodebuildContext): Handlers<CodebuildOperations> {
  const m = cb.model;

  const requireBuild = (ctx: RequestContext, id: string): BuildRecord => {
    const record = m.buildById(scopeOf(ctx), id);
    if (!record) throw codebuildError.buildNotFound(id);
    return record;
  };
  /** The build an earlier StartBuild (or RetryBuild) of this project started with the same token. */
  const idempotent = (scope: Scope, project: string, token: string | undefined): BuildRecord | undefined =>
    token ? m.builds.find({ project, scope: scopeKey(scope) }).find((r) => r.idempotencyToken === token) : undefined;

  return {
    StartBuild(input, ctx) {
      const scope = scopeOf(ctx);
      const project = requireProject(cb, scope, input.projectName);
      const earlier = idempotent(scope, project.project.name, input.idempotencyToken);
      if (earlier) return { build: earlier.build };
      const settings = settingsFor(project.project, input);
      const record = recordBuild(cb, scope, project.project.arn, settings, starterOf(ctx, input.idempotencyToken));
      cb.enqueueBuild(record.build.arn);
      return { build: record.build };
    },

    RetryBuild(input, ctx) {
      const scope = scopeOf(ctx);
      if (!input.id) invalid('id is required');
      const old = requireBuild(ctx, input.id);
      if (!old.build.buildComplete) invalid(`Build ${old.build.id} is still in progress; only a completed build can be retried`);
      const project = requireProject(cb, scope, old.build.projectName);
      const earlier = idempotent(scope, project.project.name, input.idempotencyToken);
      if (earlier) return { build: earlier.build };
      const record = recordBuild(cb, scope, project.project.arn, settingsOf(old), starterOf(ctx, input.idempotencyToken));
      cb.enqueueBuild(record.build.arn);
      return { build: record.build };
    },

    BatchGetBuilds(input, ctx) {
      if (input.ids.length > 100) invalid('ids can name at most 100 builds');
      const builds: Build[] = [];
      const buildsNotFound: string[] = [];
      for (const id of input.ids) {
        const record = m.buildById(scopeOf(ctx), id);
        if (record) builds.push(record.build);
        else buildsNotFound.push(id);
      }
      return { builds, buildsNotFound };
    },

    ListBuilds(input, ctx) {
      const ids = m.builds.find({ scope: scopeKey(scopeOf(ctx)) }, 'started, build_id').map((r) => r.build.id);
      const page = paginate(sortOrder(ids, input.sortOrder, 'DESCENDING'), { token: input.nextToken }, listPaging('builds'));
      return { ids: page.items, nextToken: page.next };
    },

    ListBuildsForProject(input, ctx) {
      const project = requireProject(cb, scopeOf(ctx), input.projectName);
      const ids = m.builds
        .find({ project: project.project.name, scope: scopeKey(scopeOf(ctx)) }, 'started, build_id')
        .map((r) => r.build.id);
      const page = paginate(sortOrder(ids, input.sortOrder, 'DESCENDING'), { token: input.nextToken }, listPaging('project-builds'));
      return { ids: page.items, nextToken: page.next };
    },

    StopBuild(input, ctx) {
      const record = requireBuild(ctx, input.id);
      if (record.build.buildComplete) return { build: record.build };
      const updated = m.updateBuild(record.build.arn, (r) => (r.stopRequested = true));
      if (!updated) throw codebuildError.buildNotFound(input.id);
      cb.enqueueBuild(record.build.arn);
      return { build: updated.build };
    },

    async BatchDeleteBuilds(input, ctx) {
      if (input.ids.length > 100) invalid('ids can name at most 100 builds');
      const buildsDeleted: string[] = [];
      const buildsNotDeleted: BuildNotDeleted[] = [];
      for (const id of input.ids) {
        const record = m.buildById(scopeOf(ctx), id);
        if (!record) {
          buildsNotDeleted.push({ id, statusCode: 'BUILD_NOT_FOUND' });
          continue;
        }
        if (!record.build.buildComplete) {
          buildsNotDeleted.push({ id, statusCode: 'BUILD_IN_PROGRESS' });
          continue;
        }
        m.builds.delete(record.build.arn);
        await rm(logPath(cb.config.dataDir, record.uuid), { force: true });
        await rm(artifactsRoot(cb.config.dataDir, record.uuid), { recursive: true, force: true });
        buildsDeleted.push(record.build.arn);
      }
      return { buildsDeleted, buildsNotDeleted };
    },
  };
}
