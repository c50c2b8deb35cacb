/**
 * @module services/codedeploy/api-control
 * What a user asks of a deployment under way: ContinueDeployment (past the ready wait or the
 * termination wait), StopDeployment (with or without rollback), and a hook's result
 * (PutLifecycleEventHookExecutionStatus). Each records the request and wakes the deployer, which
 * acts on it.
 */
import { scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { requireDeployment } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import { finished, type DeploymentRecord } from './model.ts';
import type { CodedeployOperations } from './shapes.ts';

export function controlHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;
  /** Checks and changes an unfinished deployment in one transaction, then wakes the deployer. */
  const change = (id: string, check: (d: DeploymentRecord) => void, mutate: (d: DeploymentRecord) => void) => {
    m.tx(() => {
      const d = m.deployments.get(id)!;
      if (finished(d)) throw codedeployError.deploymentCompleted(id);
      check(d);
      m.modifyDeployment(id, mutate);
    });
    cd.wake(id);
  };

  return {
    ContinueDeployment(input, ctx) {
      if (!input.deploymentId) throw codedeployError.deploymentIdRequired();
      const d = requireDeployment(cd, scopeOf(ctx), input.deploymentId);
      const type = input.deploymentWaitType ?? 'READY_WAIT';
      if (type === 'READY_WAIT') {
        change(
          d.id,
          (r) => {
            if (r.status !== 'Ready' || r.progress.readyContinued) throw codedeployError.notReady(r.id);
          },
          (r) => (r.progress.readyContinued = true),
        );
      } else {
        change(
          d.id,
          (r) => {
            if (r.progress.terminationSince === undefined) throw codedeployError.notWaitingTermination(r.id);
          },
          (r) => (r.progress.terminationContinued = true),
        );
      }
      return {};
    },

    StopDeployment(input, ctx) {
      const d = requireDeployment(cd, scopeOf(ctx), input.deploymentId);
      const rollback =
        input.autoRollbackEnabled ?? (!!d.autoRollback.enabled && !!d.autoRollback.events?.includes('DEPLOYMENT_STOP_ON_REQUEST'));
      change(
        d.id,
        () => {},
        (r) => (r.progress.stopRequested = { rollback }),
      );
      return { status: 'Pending', statusMessage: rollback ? 'Stopping the deployment and rolling it back' : 'Stopping the deployment' };
    },

    PutLifecycleEventHookExecutionStatus(input, ctx) {
      const executionId = input.lifecycleEventHookExecutionId ?? '';
      if (!input.deploymentId) throw codedeployError.deploymentIdRequired();
      const d = requireDeployment(cd, scopeOf(ctx), input.deploymentId);
      if (input.status !== 'Succeeded' && input.status !== 'Failed') throw codedeployError.invalidHookStatus(input.status ?? '');
      const status = input.status;
      const event = d.target.events.find((e) => e.hook?.executionId === executionId);
      if (!event) throw codedeployError.invalidHookExecutionId(executionId);
      m.tx(() => {
        const current = m.deployments.get(d.id)!.target.events.find((e) => e.name === event.name)!;
        if (current.status !== 'InProgress' || current.hook?.reported) throw codedeployError.hookCompleted(executionId);
        m.modifyDeployment(d.id, (r) => (r.target.events.find((e) => e.name === event.name)!.hook!.reported = status));
      });
      cd.wake(d.id);
      return { lifecycleEventHookExecutionId: executionId };
    },
  };
}
