/**
 * @module services/codedeploy/api-targets
 * ListDeploymentTargets, GetDeploymentTarget and BatchGetDeploymentTargets. An ECS deployment has
 * one target, its service, named "<cluster>:<service>"; it is listed once the deployment started.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { page, requireDeployment } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { DeploymentRecord } from './model.ts';
import type { CodedeployOperations } from './shapes.ts';
import { targetId, targetView } from './views.ts';

const MAX_BATCH = 25;

function started(d: DeploymentRecord): DeploymentRecord {
  if (d.status === 'Created' || d.status === 'Queued') throw codedeployError.notStarted(d.id);
  return d;
}

export function targetHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const target = (d: DeploymentRecord, id: string) => {
    if (id !== targetId(d)) throw codedeployError.targetNotFound(id);
    return targetView(cd, d);
  };
  return {
    ListDeploymentTargets(input, ctx) {
      const d = started(requireDeployment(cd, scopeOf(ctx), input.deploymentId));
      let ids = [targetId(d)];
      for (const [name, values] of Object.entries(input.targetFilters ?? {})) {
        if (name === 'TargetStatus') ids = values.includes(d.target.status) ? ids : [];
        else if (name === 'ServerInstanceLabel') ids = [];
        else throw codedeployError.invalidTargetFilter(name);
      }
      const p = page(ids, `targets:${d.id}`, input.nextToken);
      return { targetIds: p.items, nextToken: p.next };
    },

    GetDeploymentTarget(input, ctx) {
      const d = started(requireDeployment(cd, scopeOf(ctx), input.deploymentId));
      return { deploymentTarget: target(d, input.targetId) };
    },

    BatchGetDeploymentTargets(input, ctx) {
      const d = started(requireDeployment(cd, scopeOf(ctx), input.deploymentId));
      if (input.targetIds.length > MAX_BATCH) throw codedeployError.targetListSize();
      return { deploymentTargets: input.targetIds.map((id) => target(d, id)) };
    },
  };
}
