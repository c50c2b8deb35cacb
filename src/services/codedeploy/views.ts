/**
 * @module services/codedeploy/views
 * A deployment as GetDeployment shows it and its one ECS target as GetDeploymentTarget shows it:
 * lifecycle events (a hook's execution id in its diagnostics), and the blue and green task sets
 * with their traffic weights and target groups, read from ECS as they are now.
 */
import { AwsError } from '../../core/errors.ts';
import { ecsArn } from '../../core/ids.ts';
import type { TaskSetView } from '../ecs/facade-types.ts';
import type { CodeDeployContext } from './context.ts';
import type { DeploymentRecord } from './model.ts';
import type { DeploymentInfo, DeploymentTarget, ECSTaskSet } from './shapes.ts';

/** The deployment's one target: "<cluster>:<service>". */
export function targetId(d: DeploymentRecord): string {
  return `${d.service.clusterName}:${d.service.serviceName}`;
}

export function deploymentView(d: DeploymentRecord): DeploymentInfo {
  const overview = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
  const status = d.target.status;
  if (status in overview) overview[status as keyof typeof overview] = 1;
  return {
    applicationName: d.applicationName,
    deploymentGroupName: d.groupName,
    deploymentConfigName: d.configName,
    deploymentId: d.id,
    revision: d.revision,
    status: d.status,
    errorInformation: d.errorInformation,
    createTime: d.createTime,
    startTime: d.startTime,
    completeTime: d.completeTime,
    deploymentOverview: overview,
    description: d.description,
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: d.autoRollback,
    updateOutdatedInstancesOnly: false,
    rollbackInfo: d.rollbackInfo,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    instanceTerminationWaitTimeStarted: d.progress.terminationSince !== undefined,
    blueGreenDeploymentConfiguration: d.blueGreen,
    loadBalancerInfo: d.loadBalancerInfo,
    deploymentStatusMessages: d.statusMessages,
    computePlatform: 'ECS',
    overrideAlarmConfiguration: d.alarms,
  };
}

function taskSetsInfo(cd: CodeDeployContext, d: DeploymentRecord): ECSTaskSet[] {
  let sets: TaskSetView[];
  try {
    sets = cd.ecs.listTaskSets(d.scope, d.service.clusterName, d.service.serviceName);
  } catch (err) {
    if (err instanceof AwsError) return [];
    throw err;
  }
  const { blueTaskSet, greenTaskSet, blue, green, greenPercent } = d.progress;
  const out: ECSTaskSet[] = [];
  for (const [id, label, group, weight] of [
    [blueTaskSet, 'Blue', blue, 100 - greenPercent],
    [greenTaskSet, 'Green', green, greenPercent],
  ] as const) {
    const set = sets.find((s) => s.id === id);
    if (!set) continue;
    out.push({
      identifer: set.id,
      desiredCount: set.computedDesiredCount,
      pendingCount: set.pendingCount,
      runningCount: set.runningCount,
      status: set.status,
      trafficWeight: weight,
      targetGroup: group && { name: group.name },
      taskSetLabel: label,
    });
  }
  return out;
}

export function targetView(cd: CodeDeployContext, d: DeploymentRecord): DeploymentTarget {
  return {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      deploymentId: d.id,
      targetId: targetId(d),
      targetArn: ecsArn.service(d.scope, d.service.clusterName, d.service.serviceName),
      lastUpdatedAt: d.target.lastUpdatedAt,
      lifecycleEvents: d.target.events.map((e) => ({
        lifecycleEventName: e.name,
        startTime: e.startTime,
        endTime: e.endTime,
        status: e.status,
        diagnostics: e.diagnostics,
      })),
      status: d.target.status,
      taskSetsInfo: taskSetsInfo(cd, d),
    },
  };
}
