/**
 * @module services/codedeploy/api-applications
 * CreateApplication, GetApplication, BatchGetApplications, ListApplications, DeleteApplication.
 * Slipway deploys ECS applications; Server and Lambda applications are kept but cannot deploy.
 */
import { codedeployArn, uuid } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { checkName, checkTags, page, requireApplication } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { ApplicationRecord } from './model.ts';
import type { ApplicationInfo, CodedeployOperations } from './shapes.ts';

const MAX_BATCH = 100;

export function applicationView(app: ApplicationRecord): ApplicationInfo {
  return {
    applicationId: app.id,
    applicationName: app.name,
    createTime: app.createTime,
    linkedToGitHub: false,
    computePlatform: app.computePlatform,
  };
}

export function applicationHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;
  return {
    CreateApplication(input, ctx) {
      const scope = scopeOf(ctx);
      const name = checkName(input.applicationName, codedeployError.invalidApplicationName);
      const tags = checkTags(input.tags);
      const app: ApplicationRecord = {
        arn: codedeployArn.application(scope, name),
        id: uuid(),
        name,
        computePlatform: input.computePlatform ?? 'Server',
        createTime: cd.clock.now(),
        tags,
      };
      m.tx(() => {
        if (m.application(scopeKey(scope), name)) throw codedeployError.applicationExists(name);
        m.putApplication(app, scopeKey(scope));
      });
      return { applicationId: app.id };
    },

    GetApplication: (input, ctx) => ({ application: applicationView(requireApplication(cd, scopeOf(ctx), input.applicationName)) }),

    BatchGetApplications(input, ctx) {
      if (input.applicationNames.length > MAX_BATCH) throw codedeployError.batchLimit(MAX_BATCH);
      return { applicationsInfo: input.applicationNames.map((name) => applicationView(requireApplication(cd, scopeOf(ctx), name))) };
    },

    ListApplications(input, ctx) {
      const names = m.applications.find({ scope: scopeKey(scopeOf(ctx)) }, 'name').map((a) => a.name);
      const p = page(names, 'applications', input.nextToken);
      return { applications: p.items, nextToken: p.next };
    },

    DeleteApplication(input, ctx) {
      const scope = scopeOf(ctx);
      checkName(input.applicationName, codedeployError.invalidApplicationName);
      m.tx(() => {
        const app = m.application(scopeKey(scope), input.applicationName);
        if (!app) return;
        for (const group of m.groups.find({ scope: scopeKey(scope), app: app.name })) m.groups.delete(group.arn);
        m.applications.delete(app.arn);
      });
      return {};
    },
  };
}
