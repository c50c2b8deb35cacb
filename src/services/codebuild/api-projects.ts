/**
 * @module services/codebuild/api-projects
 * CreateProject, UpdateProject, DeleteProject, BatchGetProjects, ListProjects.
 */
import { paginate } from '../../core/paging.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { listPaging, projectArnFor, requireProject, sortOrder } from './api-common.ts';
import type { CodebuildContext } from './context.ts';
import { codebuildError, invalid } from './errors.ts';
import { codebuildArn, type StoredProject } from './model.ts';
import {
  checkArtifacts,
  checkEnvironment,
  checkLimits,
  checkLogsConfig,
  checkSecondaryArtifacts,
  checkSecondarySources,
  checkSource,
  newProject,
} from './projects.ts';
import type { CodebuildOperations, Project } from './shapes.ts';
import { CODEBUILD } from './network.ts';
import { requireServiceRole } from '../sts/index.ts';

/** With signatures required, a project's service role must exist and trust CodeBuild. */
function requireAssumable(cb: CodebuildContext, roleArn: string): void {
  requireServiceRole(cb.roles, roleArn, CODEBUILD, () =>
    codebuildError.invalidInput(`CodeBuild is not authorized to perform: sts:AssumeRole on ${roleArn}`),
  );
}

export function projectHandlers(cb: CodebuildContext): Handlers<CodebuildOperations> {
  const m = cb.model;
  return {
    CreateProject(input, ctx) {
      const scope = scopeOf(ctx);
      const arn = codebuildArn.project(scope, input.name);
      const project = newProject(scope, arn, input, cb.clock.now(), input.badgeEnabled ?? false);
      requireAssumable(cb, project.serviceRole);
      m.tx(() => {
        if (m.projects.get(arn)) throw codebuildError.projectExists(arn);
        m.putProject({ project, lastBuildNumber: 0 });
      });
      return { project };
    },

    UpdateProject(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.serviceRole) requireAssumable(cb, input.serviceRole);
      const project = m.tx(() => {
        const record = requireProject(cb, scope, input.name);
        const p = record.project;
        checkLimits(input, { removable: true });
        const source = input.source ? checkSource(input.source) : p.source;
        const updated: StoredProject = {
          ...p,
          ...Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'name' && k !== 'badgeEnabled')),
          source,
          secondarySources: input.secondarySources ? checkSecondarySources(input.secondarySources) : p.secondarySources,
          artifacts: checkArtifacts(input.artifacts ?? p.artifacts, source),
          secondaryArtifacts: checkSecondaryArtifacts(input.secondaryArtifacts ?? p.secondaryArtifacts, source),
          environment: input.environment ? checkEnvironment(input.environment) : p.environment,
          logsConfig: checkLogsConfig(input.logsConfig) ?? p.logsConfig,
          lastModified: cb.clock.now(),
          ...(input.badgeEnabled !== undefined ? { badge: { badgeEnabled: input.badgeEnabled } } : {}),
        };
        if (updated.concurrentBuildLimit === -1) delete updated.concurrentBuildLimit;
        if (updated.timeoutInMinutes === undefined) invalid('timeoutInMinutes must be set');
        m.putProject({ ...record, project: updated });
        return updated;
      });
      return { project };
    },

    DeleteProject(input, ctx) {
      const scope = scopeOf(ctx);
      const arn = projectArnFor(scope, input.name);
      if (m.project(scope, arn)) m.projects.delete(arn);
      return {};
    },

    BatchGetProjects(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.names.length > 100) invalid('names can name at most 100 projects');
      const projects: Project[] = [];
      const projectsNotFound: string[] = [];
      for (const name of input.names) {
        const record = m.project(scope, projectArnFor(scope, name));
        if (record) projects.push(record.project);
        else projectsNotFound.push(name);
      }
      return { projects, projectsNotFound };
    },

    ListProjects(input, ctx) {
      const scope = scopeOf(ctx);
      const sortBy = input.sortBy ?? 'LAST_MODIFIED_TIME';
      const key = (p: StoredProject): string | number =>
        sortBy === 'NAME' ? p.name : sortBy === 'CREATED_TIME' ? p.created : p.lastModified;
      const all = m.projects
        .find({ scope: scopeKey(scope) })
        .map((r) => r.project)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      const names = sortOrder(all, input.sortOrder, sortBy === 'NAME' ? 'ASCENDING' : 'DESCENDING').map((p) => p.name);
      const page = paginate(names, { token: input.nextToken }, listPaging('projects'));
      return { projects: page.items, nextToken: page.next };
    },
  };
}
