/**
 * @module services/codepipeline/actions
 * Every action type Slipway runs, by category/owner/provider/version. The engine looks an action
 * up here when a pipeline is created (unknown types are refused) and when the action runs.
 */
import type { ActionExecutor, ActionTypeId } from './types.ts';

export type { ActionExecutor } from './types.ts';

export function actionKey(type: ActionTypeId): string {
  return `${type.category}/${type.owner}/${type.provider}/${type.version}`;
}

/** An action type as CodePipeline's messages name it. */
export function describeActionType(t: { category: string; owner: string; provider: string; version: string }): string {
  return `ActionType (Category: '${t.category}', Provider: '${t.provider}', Owner: '${t.owner}', Version: '${t.version}')`;
}

export class ActionRegistry {
  private readonly byKey = new Map<string, ActionExecutor>();

  constructor(executors: ActionExecutor[]) {
    for (const executor of executors) this.byKey.set(actionKey(executor.type), executor);
  }

  find(type: ActionTypeId): ActionExecutor | undefined {
    return this.byKey.get(actionKey(type));
  }

  all(): ActionExecutor[] {
    return [...this.byKey.values()];
  }
}
