/**
 * @module services/codepipeline/api-action-types
 * ListActionTypes and GetActionType: the action types Slipway runs, read from the executor
 * registry — each type's configuration properties and input/output artifact limits as its
 * executor declares them. Every type runs in every region.
 */
import type { Handlers } from '../../protocol/types.ts';
import { actionKey } from './actions/index.ts';
import type { ActionExecutor, ActionTypeId } from './actions/types.ts';
import { page } from './api-common.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { ActionType, ActionTypeDeclaration, CodepipelineOperations } from './shapes.ts';

const limits = (a: { min: number; max: number }) => ({ minimumCount: a.min, maximumCount: a.max });

function listed(x: ActionExecutor): ActionType {
  return {
    id: x.type,
    settings: {},
    actionConfigurationProperties: x.properties.map((p) => ({
      name: p.name,
      required: p.required,
      key: p.key,
      secret: p.secret,
      queryable: p.queryable,
      description: p.description,
      type: p.type,
    })),
    inputArtifactDetails: limits(x.artifacts.input),
    outputArtifactDetails: limits(x.artifacts.output),
  };
}

function declared(x: ActionExecutor): ActionTypeDeclaration {
  return {
    id: x.type,
    // Slipway runs its types itself; AWS shows its own types as job-worker types too.
    executor: { type: 'JobWorker', configuration: { jobWorkerExecutorConfiguration: {} } },
    properties: x.properties.map((p) => ({
      name: p.name,
      optional: !p.required,
      key: p.key,
      noEcho: p.secret,
      queryable: p.queryable,
      description: p.description,
    })),
    inputArtifactDetails: limits(x.artifacts.input),
    outputArtifactDetails: limits(x.artifacts.output),
  };
}

export function actionTypeHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  return {
    ListActionTypes(input) {
      const types = cp.actions
        .all()
        .filter((x) => !input.actionOwnerFilter || x.type.owner === input.actionOwnerFilter)
        .sort((a, b) => actionKey(a.type).localeCompare(actionKey(b.type)));
      const got = page(types, 'ListActionTypes', input.nextToken, undefined);
      return { actionTypes: got.items.map(listed), nextToken: got.next };
    },

    GetActionType(input) {
      const x = cp.actions.all().find((a) => actionKey(a.type) === actionKey(input as ActionTypeId));
      if (!x) throw err.actionTypeNotFound(input);
      return { actionType: declared(x) };
    },
  };
}
