/**
 * @module services/codepipeline/actions
 * Every action type Slipway runs, by category/owner/provider/version, and the accounts' custom
 * types. The engine looks an action up here when a pipeline is created (unknown types are refused)
 * and when the action runs.
 */
import type { Scope } from '../../../core/ids.ts';
import type { ActionExecutor, ActionTypeId } from './types.ts';

export type { ActionExecutor } from './types.ts';

export function actionKey(type: ActionTypeId): string {
  return `${type.category}/${type.owner}/${type.provider}/${type.version}`;
}

/** An action type as CodePipeline's messages name it. */
export function describeActionType(t: { category: string; owner: string; provider: string; version: string }): string {
  return `ActionType (Category: '${t.category}', Provider: '${t.provider}', Owner: '${t.owner}', Version: '${t.version}')`;
}

/** The executor of an account's custom action type, if the account has that type. */
export type CustomTypes = (type: ActionTypeId, scope: Scope) => ActionExecutor | undefined;

export class ActionRegistry {
  private readonly byKey = new Map<string, ActionExecutor>();

  constructor(
    executors: ActionExecutor[],
    private readonly custom: CustomTypes = () => undefined,
  ) {
    for (const executor of executors) this.byKey.set(actionKey(executor.type), executor);
  }

  /** The executor of `type`: Slipway's own, or (owner Custom) the scope's custom type. */
  find(type: ActionTypeId, scope?: Scope): ActionExecutor | undefined {
    if (type.owner === 'Custom') return scope && this.custom(type, scope);
    return this.byKey.get(actionKey(type));
  }

  all(): ActionExecutor[] {
    return [...this.byKey.values()];
  }
}
