/**
 * @module services/codepipeline/api-action-types
 * ListActionTypes and GetActionType: the action types Slipway runs, read from the executor
 * registry — each type's configuration properties and input/output artifact limits as its
 * executor declares them — and the account's custom types, made and deleted with
 * CreateCustomActionType and DeleteCustomActionType. Every type runs in every region.
 */
import { scopeOf } from '../../core/scope.ts';
import { PRINTABLE_RULE, shown, unprintableIn, unprintableInProse } from '../../core/text.ts';
import type { Handlers } from '../../protocol/types.ts';
import { actionKey, describeActionType } from './actions/index.ts';
import type { ActionExecutor, ActionTypeId } from './actions/types.ts';
import { page } from './api-common.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { CustomActionTypeRecord } from './model.ts';
import type {
  ActionType,
  ActionTypeDeclaration,
  ActionTypeSettings,
  CodepipelineOperations,
  CreateCustomActionTypeInput,
} from './shapes.ts';

const limits = (a: { min: number; max: number }) => ({ minimumCount: a.min, maximumCount: a.max });

function listed(x: ActionExecutor, settings: ActionTypeSettings = {}): ActionType {
  return {
    id: x.type,
    settings,
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

/** CreateCustomActionType's rules beyond the model's: unique property names, one queryable property that is required and not secret. */
function checkCustomType(input: CreateCustomActionTypeInput): void {
  const props = input.configurationProperties ?? [];
  const names = new Set<string>();
  const printable = (field: string, value: string | undefined, prose = false) => {
    if (value !== undefined && (prose ? unprintableInProse(value) : unprintableIn(value))) {
      throw err.validation(
        `1 validation error detected: Value ${shown(value)} at '${field}' failed to satisfy constraint: ${PRINTABLE_RULE}`,
      );
    }
  };
  for (const [key, url] of Object.entries(input.settings ?? {})) printable(`settings.${key}`, url);
  props.forEach((p, i) => {
    printable(`configurationProperties.${i + 1}.member.name`, p.name);
    printable(`configurationProperties.${i + 1}.member.description`, p.description, true);
  });
  for (const p of props) {
    if (names.has(p.name)) throw err.validation(`configurationProperties: property '${p.name}' is declared more than once`);
    names.add(p.name);
    if (p.queryable && (!p.required || p.secret)) {
      throw err.validation(`configurationProperties: queryable property '${p.name}' must be required and not secret`);
    }
  }
  if (props.filter((p) => p.queryable).length > 1) throw err.validation('configurationProperties: at most one property can be queryable');
  for (const [field, d] of [
    ['inputArtifactDetails', input.inputArtifactDetails],
    ['outputArtifactDetails', input.outputArtifactDetails],
  ] as const) {
    if (d.minimumCount > d.maximumCount)
      throw err.validation(`${field}: minimumCount ${d.minimumCount} is more than maximumCount ${d.maximumCount}`);
  }
}

export function actionTypeHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;
  return {
    ListActionTypes(input, ctx) {
      const scope = scopeOf(ctx);
      const customs = m.customTypes(scope).map((t) => ({ executor: cp.actions.find(t.id, scope)!, settings: t.settings }));
      const types = [...cp.actions.all().map((executor) => ({ executor, settings: undefined })), ...customs]
        .filter((x) => !input.actionOwnerFilter || x.executor.type.owner === input.actionOwnerFilter)
        .sort((a, b) => actionKey(a.executor.type).localeCompare(actionKey(b.executor.type)));
      const got = page(types, 'ListActionTypes', input.nextToken, undefined);
      return { actionTypes: got.items.map((x) => listed(x.executor, x.settings)), nextToken: got.next };
    },

    GetActionType(input, ctx) {
      const x = cp.actions.find(input as ActionTypeId, scopeOf(ctx));
      if (!x) throw err.actionTypeNotFound(input);
      return { actionType: declared(x) };
    },

    CreateCustomActionType(input, ctx) {
      const scope = scopeOf(ctx);
      const id: ActionTypeId = { category: input.category, owner: 'Custom', provider: input.provider, version: input.version };
      checkCustomType(input);
      const record = m.tx(() => {
        const earlier = m.customType(scope, id);
        if (earlier?.deleted) {
          throw err.validation(`${describeActionType(id)} was deleted: a custom action type cannot be made again with the same version`);
        }
        if (earlier) throw err.actionTypeExists(id);
        const r: CustomActionTypeRecord = {
          scope,
          id,
          settings: input.settings,
          configurationProperties: input.configurationProperties ?? [],
          inputArtifactDetails: input.inputArtifactDetails,
          outputArtifactDetails: input.outputArtifactDetails,
          tags: input.tags ?? [],
        };
        m.putCustomType(r);
        return r;
      });
      return { actionType: listed(cp.actions.find(id, scope)!, record.settings), tags: record.tags.length ? record.tags : undefined };
    },

    DeleteCustomActionType(input, ctx) {
      const scope = scopeOf(ctx);
      const id: ActionTypeId = { category: input.category, owner: 'Custom', provider: input.provider, version: input.version };
      m.tx(() => {
        const r = m.customType(scope, id);
        if (!r || r.deleted) throw err.actionTypeNotFound(id);
        m.putCustomType({ ...r, deleted: true });
      });
      return {};
    },
  };
}
