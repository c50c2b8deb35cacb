/**
 * @module services/codedeploy/api-deployments
 * CreateDeployment, GetDeployment, BatchGetDeployments and ListDeployments. CreateDeployment checks
 * the revision (an AppSpec in YAML or JSON, its sha256 when given), takes the group's settings as
 * they are now, refuses a second active deployment in the group, records the deployment and wakes
 * the deployer.
 */
import { codedeployDeploymentId, type Scope } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { appSpecOf } from './revision.ts';
import { requireConfig } from './api-configs.ts';
import { page, requireApplication, requireDeployment, requireGroup } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { lifecycleEventNames } from './deployer.ts';
import { codedeployError } from './errors.ts';
import { checkAlarms, checkAutoRollback } from './group-spec.ts';
import type { DeploymentRecord } from './model.ts';
import type { CodedeployOperations } from './shapes.ts';
import { deploymentView } from './views.ts';

const MAX_BATCH = 25;
const MAX_DESCRIPTION = 512;

export function deploymentHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;
  const inScope = (scope: Scope) => (d: DeploymentRecord) => scopeKey(d.scope) === scopeKey(scope);
  return {
    async CreateDeployment(input, ctx) {
      const scope = scopeOf(ctx);
      const app = requireApplication(cd, scope, input.applicationName);
      const group = requireGroup(cd, scope, app.name, input.deploymentGroupName);
      if (app.computePlatform !== 'ECS')
        throw codedeployError.invalidComputePlatform(
          `Slipway deploys ECS applications only; ${app.name} is a ${app.computePlatform} application`,
        );
      if ((input.description ?? '').length > MAX_DESCRIPTION) throw codedeployError.descriptionTooLong();
      const appSpec = await appSpecOf(input.revision, cd.s3);
      const config = requireConfig(cd, scope, input.deploymentConfigName ?? group.deploymentConfigName);
      if (!config.trafficRoutingConfig)
        throw codedeployError.invalidComputePlatform(`Deployment config ${config.name} is not for the ECS compute platform`);
      const autoRollback = input.autoRollbackConfiguration ? checkAutoRollback(input.autoRollbackConfiguration) : group.autoRollback;
      const alarms = input.overrideAlarmConfiguration ? checkAlarms(input.overrideAlarmConfiguration) : undefined;
      const [service] = group.ecsServices;
      const withTest = !!group.loadBalancerInfo.targetGroupPairInfoList?.[0]?.testTrafficRoute;
      const now = cd.clock.now();
      const d: DeploymentRecord = {
        id: codedeployDeploymentId(),
        scope,
        applicationName: app.name,
        groupName: group.name,
        groupArn: group.arn,
        configName: config.name,
        trafficRouting: config.trafficRoutingConfig,
        status: 'Created',
        creator: 'user',
        description: input.description,
        createTime: now,
        revision: input.revision!,
        appSpec,
        service: { serviceName: service.serviceName!, clusterName: service.clusterName! },
        loadBalancerInfo: group.loadBalancerInfo,
        blueGreen: group.blueGreen,
        autoRollback,
        alarms,
        statusMessages: [],
        target: {
          status: 'Pending',
          lastUpdatedAt: now,
          events: lifecycleEventNames(withTest).map((name) => ({ name, status: 'Pending' })),
        },
        progress: { greenPercent: 0 },
      };
      m.tx(() => {
        const active = m.activeIn(group.arn);
        if (active) throw codedeployError.deploymentLimit(group.name, active.id);
        m.putDeployment(d);
        m.putGroup({ ...group, lastAttempted: d.id }, scopeKey(scope));
      });
      cd.wake(d.id);
      return { deploymentId: d.id };
    },

    GetDeployment: (input, ctx) => ({ deploymentInfo: deploymentView(requireDeployment(cd, scopeOf(ctx), input.deploymentId)) }),

    BatchGetDeployments(input, ctx) {
      if (input.deploymentIds.length > MAX_BATCH) throw codedeployError.batchLimit(MAX_BATCH);
      const found = input.deploymentIds
        .map((id) => m.deployments.get(id))
        .filter((d): d is DeploymentRecord => !!d && inScope(scopeOf(ctx))(d));
      return { deploymentsInfo: found.map(deploymentView) };
    },

    ListDeployments(input, ctx) {
      const scope = scopeOf(ctx);
      let list = m.deployments.find({ scope: scopeKey(scope) }, 'created DESC');
      if (input.deploymentGroupName !== undefined && input.applicationName === undefined)
        throw codedeployError.invalidInput('applicationName is required with deploymentGroupName');
      if (input.applicationName !== undefined) {
        const app = requireApplication(cd, scope, input.applicationName);
        list = list.filter((d) => d.applicationName === app.name);
        if (input.deploymentGroupName !== undefined) {
          const group = requireGroup(cd, scope, app.name, input.deploymentGroupName);
          list = list.filter((d) => d.groupName === group.name);
        }
      }
      if (input.externalId !== undefined) list = [];
      const statuses = input.includeOnlyStatuses;
      if (statuses?.length) list = list.filter((d) => statuses.includes(d.status));
      const { start, end } = input.createTimeRange ?? {};
      if (start !== undefined && end !== undefined && start > end) throw codedeployError.invalidTimeRange();
      list = list.filter((d) => (start === undefined || d.createTime >= start) && (end === undefined || d.createTime <= end));
      const p = page(
        list.map((d) => d.id),
        'deployments',
        input.nextToken,
      );
      return { deployments: p.items, nextToken: p.next };
    },
  };
}
