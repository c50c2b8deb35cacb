/**
 * @module services/codedeploy/api-groups
 * CreateDeploymentGroup, GetDeploymentGroup, BatchGetDeploymentGroups, ListDeploymentGroups,
 * UpdateDeploymentGroup and DeleteDeploymentGroup. The checks live in group-spec.ts.
 */
import { codedeployArn, uuid, type Scope } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { findConfig } from './api-configs.ts';
import { checkName, checkTags, page, requireApplication, requireGroup } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import { checkGroupSpec, type GroupSpec } from './group-spec.ts';
import type { ApplicationRecord, GroupRecord } from './model.ts';
import type { CodedeployOperations, DeploymentGroupInfo, LastDeploymentInfo } from './shapes.ts';

const MAX_BATCH = 100;

function lastDeployment(cd: CodeDeployContext, id: string | undefined): LastDeploymentInfo | undefined {
  const d = id ? cd.model.deployments.get(id) : undefined;
  return d && { deploymentId: d.id, status: d.status, endTime: d.completeTime, createTime: d.createTime };
}

export function groupView(cd: CodeDeployContext, g: GroupRecord, app: ApplicationRecord): DeploymentGroupInfo {
  const ecs = app.computePlatform === 'ECS';
  return {
    applicationName: g.applicationName,
    deploymentGroupId: g.id,
    deploymentGroupName: g.name,
    deploymentConfigName: g.deploymentConfigName,
    ec2TagFilters: [],
    onPremisesInstanceTagFilters: [],
    autoScalingGroups: [],
    serviceRoleArn: g.serviceRoleArn,
    triggerConfigurations: [],
    alarmConfiguration: g.alarms,
    autoRollbackConfiguration: g.autoRollback,
    deploymentStyle: ecs
      ? { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' }
      : { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
    outdatedInstancesStrategy: 'UPDATE',
    blueGreenDeploymentConfiguration: g.blueGreen,
    loadBalancerInfo: g.loadBalancerInfo,
    lastSuccessfulDeployment: lastDeployment(cd, g.lastSucceeded),
    lastAttemptedDeployment: lastDeployment(cd, g.lastAttempted),
    computePlatform: app.computePlatform,
    ecsServices: g.ecsServices,
    terminationHookEnabled: false,
  };
}

/** The group's deployment config, which must exist and suit the application's compute platform. */
function checkConfig(cd: CodeDeployContext, scope: Scope, app: ApplicationRecord, name: string): void {
  checkName(name, codedeployError.invalidConfigName);
  const config = findConfig(cd, scope, name);
  if (app.computePlatform !== 'ECS') return;
  if (!config) throw codedeployError.configNotFound(name);
  if (config.computePlatform !== 'ECS')
    throw codedeployError.invalidComputePlatform(`Deployment config ${name} is not for the ECS compute platform`);
}

export function groupHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;
  return {
    CreateDeploymentGroup(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      const name = checkName(input.deploymentGroupName, codedeployError.invalidGroupName);
      const tags = checkTags(input.tags);
      if (m.group(scopeKey(scope), app.name, name)) throw codedeployError.groupExists(name);
      const fields = checkGroupSpec(cd, scope, app.computePlatform, input);
      checkConfig(cd, scope, app, fields.deploymentConfigName);
      const group: GroupRecord = {
        arn: codedeployArn.deploymentGroup(scope, app.name, name),
        id: uuid(),
        applicationName: app.name,
        name,
        tags,
        ...fields,
      };
      m.tx(() => {
        if (m.group(scopeKey(scope), app.name, name)) throw codedeployError.groupExists(name);
        m.putGroup(group, scopeKey(scope));
      });
      return { deploymentGroupId: group.id };
    },

    GetDeploymentGroup(input, ctx) {
      const scope = scopeOf(ctx);
      const group = requireGroup(cd, scope, input.applicationName, input.deploymentGroupName);
      return { deploymentGroupInfo: groupView(cd, group, requireApplication(cd, scope, input.applicationName)) };
    },

    BatchGetDeploymentGroups(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      if (input.deploymentGroupNames.length > MAX_BATCH) throw codedeployError.batchLimit(MAX_BATCH);
      const found = input.deploymentGroupNames.map((name) => m.group(scopeKey(scope), app.name, name));
      const missing = input.deploymentGroupNames.filter((_, i) => !found[i]);
      return {
        deploymentGroupsInfo: found.filter((g): g is GroupRecord => !!g).map((g) => groupView(cd, g, app)),
        errorMessage: missing.length ? `Deployment groups not found: ${missing.join(', ')}` : undefined,
      };
    },

    ListDeploymentGroups(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      const names = m.groups.find({ scope: scopeKey(scope), app: app.name }, 'name').map((g) => g.name);
      const p = page(names, `deployment-groups:${app.name}`, input.nextToken);
      return { applicationName: app.name, deploymentGroups: p.items, nextToken: p.next };
    },

    UpdateDeploymentGroup(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      const current = requireGroup(cd, scope, app.name, input.currentDeploymentGroupName);
      const name = checkName(input.newDeploymentGroupName ?? current.name, codedeployError.invalidGroupName);
      const spec: GroupSpec = {
        serviceRoleArn: input.serviceRoleArn ?? current.serviceRoleArn,
        deploymentConfigName: input.deploymentConfigName ?? current.deploymentConfigName,
        ecsServices: input.ecsServices ?? current.ecsServices,
        loadBalancerInfo: input.loadBalancerInfo ?? current.loadBalancerInfo,
        blueGreenDeploymentConfiguration: input.blueGreenDeploymentConfiguration ?? current.blueGreen,
        autoRollbackConfiguration: input.autoRollbackConfiguration ?? current.autoRollback,
        alarmConfiguration: input.alarmConfiguration ?? current.alarms,
        deploymentStyle:
          input.deploymentStyle ??
          (app.computePlatform === 'ECS' ? { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' } : undefined),
      };
      const fields = checkGroupSpec(cd, scope, app.computePlatform, spec, current);
      checkConfig(cd, scope, app, fields.deploymentConfigName);
      const arn = codedeployArn.deploymentGroup(scope, app.name, name);
      m.tx(() => {
        if (name !== current.name && m.group(scopeKey(scope), app.name, name)) throw codedeployError.groupExists(name);
        m.groups.delete(current.arn);
        m.putGroup({ ...current, ...fields, name, arn }, scopeKey(scope));
        // A renamed group keeps its deployments (and its one active deployment).
        if (arn !== current.arn)
          for (const d of m.deployments.find({ grp: current.arn })) m.putDeployment({ ...d, groupArn: arn, groupName: name });
      });
      return { hooksNotCleanedUp: [] };
    },

    DeleteDeploymentGroup(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      checkName(input.deploymentGroupName, codedeployError.invalidGroupName);
      m.tx(() => {
        const group = m.group(scopeKey(scope), app.name, input.deploymentGroupName);
        if (group) m.groups.delete(group.arn);
      });
      return { hooksNotCleanedUp: [] };
    },
  };
}
