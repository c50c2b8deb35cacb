/**
 * @module services/codepipeline/api-action-types
 * ListActionTypes and GetActionType: the action types Slipway runs, read from the executor
 * registry — each type's configuration properties and input/output artifact limits as its
 * executor declares them — and the account's custom types, made and deleted with
 * CreateCustomActionType and DeleteCustomActionType and changed whole with UpdateActionType (a
 * JobWorker executor only: Slipway has no Lambda). Every type runs in every region.
 */
import { scopeOf } from '../../core/scope.ts';
import { PRINTABLE_RULE, shown, unprintableIn, unprintableInProse } from '../../core/text.ts';
import type { Handlers } from '../../protocol/types.ts';
import { actionKey, describeActionType } from './actions/index.ts';
import type { ActionExecutor, ActionTypeId } from './actions/types.ts';
import { page } from './api-common.ts';
import { checkTags } from './api-tags.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import type { CustomActionTypeRecord } from './model.ts';
import type {
  ActionConfigurationProperty,
  ActionType,
  ActionTypeDeclaration,
  ActionTypeExecutor,
  ActionTypeSettings,
  ActionTypeUrls,
  CodepipelineOperations,
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

// Slipway runs its types itself; AWS shows its own types as job-worker types too.
const JOB_WORKER: ActionTypeExecutor = { type: 'JobWorker', configuration: { jobWorkerExecutorConfiguration: {} } };

function declared(x: ActionExecutor): ActionTypeDeclaration {
  return {
    id: x.type,
    executor: JOB_WORKER,
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

/** A custom type's configuration property, as CreateCustomActionType and UpdateActionType each declare one. */
type Property = ActionConfigurationProperty;

/** Where each part of a type's declaration is, in the request's own field names. */
interface Fields {
  properties: string;
  property: (index: number, member: string) => string;
  url: (key: string) => string;
  artifacts: (field: 'inputArtifactDetails' | 'outputArtifactDetails') => string;
}

const CREATE_FIELDS: Fields = {
  properties: 'configurationProperties',
  property: (i, member) => `configurationProperties.${i}.member.${member}`,
  url: (key) => `settings.${key}`,
  artifacts: (field) => field,
};

const UPDATE_FIELDS: Fields = {
  properties: 'actionType.properties',
  property: (i, member) => `actionType.properties.${i}.member.${member}`,
  url: (key) => `actionType.urls.${key}`,
  artifacts: (field) => `actionType.${field}`,
};

function printable(field: string, value: string | undefined, prose = false): void {
  if (value !== undefined && (prose ? unprintableInProse(value) : unprintableIn(value))) {
    throw err.validation(
      `1 validation error detected: Value ${shown(value)} at '${field}' failed to satisfy constraint: ${PRINTABLE_RULE}`,
    );
  }
}

/** A custom type's rules beyond the model's: unique property names, one queryable property that is required and not secret. */
function checkCustomType(
  props: Property[],
  urls: Record<string, string | undefined>,
  artifacts: Pick<CustomActionTypeRecord, 'inputArtifactDetails' | 'outputArtifactDetails'>,
  at: Fields,
): void {
  const names = new Set<string>();
  for (const [key, url] of Object.entries(urls)) printable(at.url(key), url);
  props.forEach((p, i) => {
    printable(at.property(i + 1, 'name'), p.name);
    printable(at.property(i + 1, 'description'), p.description, true);
  });
  for (const p of props) {
    if (names.has(p.name)) throw err.validation(`${at.properties}: property '${p.name}' is declared more than once`);
    names.add(p.name);
    if (p.queryable && (!p.required || p.secret)) {
      throw err.validation(`${at.properties}: queryable property '${p.name}' must be required and not secret`);
    }
  }
  if (props.filter((p) => p.queryable).length > 1) throw err.validation(`${at.properties}: at most one property can be queryable`);
  for (const field of ['inputArtifactDetails', 'outputArtifactDetails'] as const) {
    const d = artifacts[field];
    if (d.minimumCount > d.maximumCount)
      throw err.validation(`${at.artifacts(field)}: minimumCount ${d.minimumCount} is more than maximumCount ${d.maximumCount}`);
  }
}

/** Slipway runs a custom type's jobs for job workers; it has no Lambda to invoke a function with. */
function checkExecutor(x: ActionTypeExecutor): void {
  if (x.type === 'Lambda') {
    throw err.validation(
      "Value 'Lambda' at 'actionType.executor.type' is not supported: Slipway has no Lambda to invoke the action type's function; use executor type JobWorker, with a job worker that polls with PollForJobs",
    );
  }
  if (x.configuration.lambdaExecutorConfiguration) {
    throw err.validation('actionType.executor.configuration.lambdaExecutorConfiguration can be given only with executor type Lambda');
  }
}

/** ActionTypeUrls and ActionTypeSettings are the same four links, the first named differently. */
const urlsOf = (s: ActionTypeSettings = {}): ActionTypeUrls => ({
  configurationUrl: s.thirdPartyConfigurationUrl,
  entityUrlTemplate: s.entityUrlTemplate,
  executionUrlTemplate: s.executionUrlTemplate,
  revisionUrlTemplate: s.revisionUrlTemplate,
});
const settingsOf = (u: ActionTypeUrls = {}): ActionTypeSettings => ({
  thirdPartyConfigurationUrl: u.configurationUrl,
  entityUrlTemplate: u.entityUrlTemplate,
  executionUrlTemplate: u.executionUrlTemplate,
  revisionUrlTemplate: u.revisionUrlTemplate,
});

/** A custom type as GetActionType declares it: made by CreateCustomActionType, changed by UpdateActionType. */
function customDeclaration(t: CustomActionTypeRecord): ActionTypeDeclaration {
  return {
    id: t.id,
    description: t.description,
    executor: t.executor ?? JOB_WORKER,
    properties: t.configurationProperties.map((p) => ({
      name: p.name,
      optional: !p.required,
      key: p.key,
      noEcho: p.secret,
      queryable: p.queryable ?? false,
      description: p.description,
    })),
    inputArtifactDetails: t.inputArtifactDetails,
    outputArtifactDetails: t.outputArtifactDetails,
    permissions: t.permissions,
    urls: urlsOf(t.settings),
  };
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
      const scope = scopeOf(ctx);
      if (input.owner === 'Custom') {
        const t = m.customType(scope, input as ActionTypeId);
        if (!t || t.deleted) throw err.actionTypeNotFound(input);
        return { actionType: customDeclaration(t) };
      }
      const x = cp.actions.find(input as ActionTypeId, scope);
      if (!x) throw err.actionTypeNotFound(input);
      return { actionType: declared(x) };
    },

    UpdateActionType(input, ctx) {
      const scope = scopeOf(ctx);
      const d = input.actionType;
      const id = d.id as ActionTypeId;
      if (id.owner === 'AWS')
        throw err.validation(`${describeActionType(id)} is owned by AWS: only this account's action types can be updated`);
      printable('actionType.description', d.description, true);
      checkExecutor(d.executor);
      const props: Property[] = (d.properties ?? []).map((p) => ({
        name: p.name,
        required: !p.optional,
        key: p.key,
        secret: p.noEcho,
        queryable: p.queryable,
        description: p.description,
      }));
      checkCustomType(props, { ...d.urls }, d, UPDATE_FIELDS);
      m.tx(() => {
        // Slipway holds no third-party types: the account's types are its custom ones.
        const t = id.owner === 'Custom' ? m.customType(scope, id) : undefined;
        if (!t || t.deleted) throw err.actionTypeNotFound(id);
        // A property declared again keeps the type (String, Number, Boolean) CreateCustomActionType gave it.
        const typed = new Map(t.configurationProperties.map((p) => [p.name, p.type]));
        m.putCustomType({
          ...t,
          description: d.description,
          executor: d.executor,
          permissions: d.permissions,
          settings: settingsOf(d.urls),
          configurationProperties: props.map((p) => ({ ...p, type: typed.get(p.name) })),
          inputArtifactDetails: d.inputArtifactDetails,
          outputArtifactDetails: d.outputArtifactDetails,
        });
      });
      return {};
    },

    CreateCustomActionType(input, ctx) {
      const scope = scopeOf(ctx);
      const id: ActionTypeId = { category: input.category, owner: 'Custom', provider: input.provider, version: input.version };
      checkCustomType(input.configurationProperties ?? [], { ...input.settings }, input, CREATE_FIELDS);
      const tags = checkTags(input.tags);
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
          tags,
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
