/**
 * @module services/ecs/api-service-deployments
 * ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment (ROLLBACK) and
 * ContinueServiceDeployment (a PAUSE hook's CONTINUE or ROLLBACK) for ROLLING, BLUE_GREEN, LINEAR and CANARY
 * service deployments (rolling-service-deployments.ts and blue-green.ts carry them out).
 */
import { ecsArn, parseArn, type Scope } from '../../core/ids.ts';
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { requestRollback } from './blue-green.ts';
import type { EcsContext } from './context.ts';
import { ecsError } from './errors.ts';
import type { ServiceDeploymentRecord, ServiceRecord } from './model.ts';
import { listPage, requireCluster, requireService } from './resolve.ts';
import type { EcsOperations, Failure, ServiceDeployment, ServiceDeploymentBrief } from './shapes.ts';

const MAX_DESCRIBE = 20;

export function serviceDeploymentHandlers(ecs: EcsContext): Handlers<EcsOperations> {
  /** The service and the deployment an ARN names (service-deployment/<cluster>/<service>/<id>), or undefined. */
  const find = (scope: Scope, arn: string): { record: ServiceRecord; sd: ServiceDeploymentRecord } | undefined => {
    const path = parseArn(arn)?.resource.split('/') ?? [];
    if (path.length !== 4 || path[0] !== 'service-deployment') return undefined;
    const record = ecs.model.services.get(ecsArn.service(scope, path[1], path[2]));
    const sd = record?.serviceDeployments?.find((d) => d.serviceDeploymentArn === arn);
    return record && sd ? { record, sd } : undefined;
  };
  /** Changes one service deployment in a transaction and wakes the scheduler. */
  const change = (scope: Scope, arn: string, mutate: (sd: ServiceDeploymentRecord) => void): void => {
    const found = find(scope, arn);
    if (!found) throw ecsError.serviceDeploymentNotFound();
    ecs.model.updateService(found.record.service.serviceArn, (r) => {
      const sd = r.serviceDeployments?.find((d) => d.serviceDeploymentArn === arn);
      if (!sd) throw ecsError.serviceDeploymentNotFound();
      mutate(sd);
    });
    ecs.enqueueService(found.record.service.serviceArn);
  };

  return {
    ListServiceDeployments(input, ctx) {
      const scope = scopeOf(ctx);
      const cluster = requireCluster(ecs, scope, input.cluster);
      const record = requireService(ecs.model, scope, cluster, input.service);
      const after = input.createdAt?.after;
      const before = input.createdAt?.before;
      const briefs = (record.serviceDeployments ?? [])
        .filter((sd) => !input.status?.length || input.status.includes(sd.status))
        .filter((sd) => (after === undefined || sd.createdAt >= after) && (before === undefined || sd.createdAt <= before))
        .map((sd) => brief(record, sd));
      const page = listPage(briefs, input, 'serviceDeployments', 20);
      return { serviceDeployments: page.items, nextToken: page.next };
    },

    DescribeServiceDeployments(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.serviceDeploymentArns.length > MAX_DESCRIBE) {
        throw ecsError.invalidParameter(
          `At most ${MAX_DESCRIBE} service deployments can be described at once (got ${input.serviceDeploymentArns.length}).`,
        );
      }
      const serviceDeployments: ServiceDeployment[] = [];
      const failures: Failure[] = [];
      for (const arn of input.serviceDeploymentArns) {
        const found = find(scope, arn);
        if (found) serviceDeployments.push(describe(found.record, found.sd));
        else failures.push({ arn, reason: 'MISSING' });
      }
      return { serviceDeployments, failures };
    },

    StopServiceDeployment(input, ctx) {
      if ((input.stopType ?? 'ROLLBACK') !== 'ROLLBACK')
        throw ecsError.invalidParameter(`stopType ${input.stopType} is not supported; use ROLLBACK.`);
      change(scopeOf(ctx), input.serviceDeploymentArn, (sd) => {
        if (sd.status !== 'IN_PROGRESS') throw ecsError.invalidParameter(`The service deployment is ${sd.status} and cannot be stopped.`);
        if (!sd.sourceTaskDefinition)
          throw ecsError.invalidParameter('The service deployment has no previous service revision to roll back to.');
        requestRollback(sd, 'Service deployment rolled back because StopServiceDeployment was requested.', ecs.clock.now());
      });
      return { serviceDeploymentArn: input.serviceDeploymentArn };
    },

    ContinueServiceDeployment(input, ctx) {
      change(scopeOf(ctx), input.serviceDeploymentArn, (sd) => {
        const hook = sd.hooks.find((h) => h.hookId === input.hookId);
        if (!hook) throw ecsError.invalidParameter(`The lifecycle hook ${input.hookId} does not exist in this service deployment.`);
        if (hook.status !== 'AWAITING_ACTION' || sd.status !== 'IN_PROGRESS')
          throw ecsError.invalidParameter(`The lifecycle hook ${input.hookId} is ${hook.status}, not awaiting action.`);
        const now = ecs.clock.now();
        if ((input.action ?? 'CONTINUE') === 'CONTINUE') {
          hook.status = 'SUCCEEDED';
          sd.updatedAt = now;
          return;
        }
        hook.status = 'FAILED';
        requestRollback(sd, `Service deployment rolled back because the lifecycle hook ${hook.hookId} asked for a rollback.`, now);
      });
      return { serviceDeploymentArn: input.serviceDeploymentArn };
    },
  };
}

/** What ListServiceDeployments and DescribeServiceDeployments both show of one. */
function common(record: ServiceRecord, sd: ServiceDeploymentRecord) {
  return {
    serviceDeploymentArn: sd.serviceDeploymentArn,
    serviceArn: record.service.serviceArn,
    clusterArn: record.service.clusterArn,
    createdAt: sd.createdAt,
    startedAt: sd.startedAt,
    finishedAt: sd.finishedAt,
    status: sd.status,
    statusReason: sd.statusReason,
  };
}

function brief(record: ServiceRecord, sd: ServiceDeploymentRecord): ServiceDeploymentBrief {
  return { ...common(record, sd), targetServiceRevisionArn: sd.targetTaskDefinition };
}

function describe(record: ServiceRecord, sd: ServiceDeploymentRecord): ServiceDeployment {
  if (sd.strategy === 'ROLLING') {
    return {
      ...common(record, sd),
      updatedAt: sd.updatedAt,
      sourceServiceRevisions: sd.sourceTaskDefinition ? [{ arn: sd.sourceTaskDefinition }] : [],
      targetServiceRevision: { arn: sd.targetTaskDefinition, requestedTaskCount: record.service.desiredCount ?? 0 },
      deploymentConfiguration: record.service.deploymentConfiguration,
      rollback: sd.rollback,
    };
  }
  const production = sd.status === 'SUCCESSFUL' ? 100 : (sd.productionWeight ?? 0);
  return {
    ...common(record, sd),
    updatedAt: sd.updatedAt,
    sourceServiceRevisions: [{ arn: sd.sourceTaskDefinition, requestedProductionTrafficWeight: 100 - production }],
    targetServiceRevision: {
      arn: sd.targetTaskDefinition,
      requestedTaskCount: record.service.desiredCount ?? 0,
      requestedTestTrafficWeight: sd.shifted.test || sd.status === 'SUCCESSFUL' ? 100 : 0,
      requestedProductionTrafficWeight: production,
    },
    lifecycleStage: sd.lifecycleStage,
    lifecycleHookDetails: sd.hooks.map(({ hookId, targetType, status, expiresAt, timeoutAction }) => ({
      hookId,
      targetType,
      status,
      expiresAt,
      timeoutAction,
    })),
    deploymentConfiguration: record.service.deploymentConfiguration,
    rollback: sd.rollback,
  };
}
