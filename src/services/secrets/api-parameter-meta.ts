/**
 * @module services/secrets/api-parameter-meta
 * What is said about parameters rather than their values: DescribeParameters, version labels, and
 * tags (ResourceType Parameter; the ResourceId is the parameter's name).
 */
import { paginate } from '../../core/paging.ts';
import type { Handlers, RequestContext } from '../../protocol/types.ts';
import { scopeOf } from '../../core/scope.ts';
import type { SecretsContext } from './context.ts';
import { ssmError } from './errors.ts';
import type { ParameterRecord, ParameterVersionRecord } from './model.ts';
import { checkFilters, matchesAll } from './parameter-filters.ts';
import { checkTags, findParameter, latestParameters, MAX_TAGS, metadataView, requireParameter } from './parameters.ts';
import type { ParameterStringFilter, ResourceTypeForTagging, SsmOperations } from './shapes-ssm.ts';

const MAX_LABELS = 10;
/** A label: letters, digits, `.`, `-`, `_`; not starting with a digit, `aws` or `ssm`; at most 100 characters. */
const LABEL = /^(?![0-9])(?!aws)(?!ssm)[A-Za-z0-9_.-]{1,100}$/i;

/** The deprecated Filters, as the ParameterFilters they stand for. */
function fromLegacy(filters: { Key: string; Values: string[] }[]): ParameterStringFilter[] {
  return filters.map((f) => ({ Key: f.Key, Option: f.Key === 'Name' ? 'BeginsWith' : 'Equals', Values: f.Values }));
}

export function parameterMetaHandlers(sc: SecretsContext): Handlers<SsmOperations> {
  const m = sc.model;

  const requireVersion = (record: ParameterRecord, version: number | undefined): ParameterVersionRecord => {
    const found = m.parameterVersion(record.scope, record.name, version ?? record.version);
    if (!found) throw ssmError.versionNotFound(record.name, String(version));
    return found;
  };
  /** The parameter a tagging call names; other resource types are not kept here. */
  const tagged = (ctx: RequestContext, type: ResourceTypeForTagging, id: string) => {
    if (type !== 'Parameter') throw ssmError.invalidResourceType();
    const record = findParameter(sc, scopeOf(ctx), id);
    if (!record) throw ssmError.invalidResourceId(id);
    return record;
  };

  return {
    DescribeParameters(input, ctx) {
      if (input.Filters?.length && input.ParameterFilters?.length)
        throw ssmError.validation('You can use either Filters or ParameterFilters in a single request.');
      const filters = input.ParameterFilters ?? fromLegacy(input.Filters ?? []);
      checkFilters(filters);
      const all = latestParameters(sc, scopeOf(ctx)).filter((p) => matchesAll(p, filters));
      const page = paginate(
        all,
        { token: input.NextToken, size: input.MaxResults },
        { kind: 'DescribeParameters', defaultSize: 50, maxSize: 50, invalid: () => ssmError.invalidNextToken() },
      );
      return { Parameters: page.items.map((p) => metadataView(p.record, p.version)), NextToken: page.next };
    },

    LabelParameterVersion(input, ctx) {
      const valid = input.Labels.filter((l) => LABEL.test(l));
      const invalid = input.Labels.filter((l) => !LABEL.test(l));
      return m.tx(() => {
        const record = requireParameter(sc, scopeOf(ctx), input.Name);
        const target = requireVersion(record, input.ParameterVersion);
        const labels = [...new Set([...target.labels, ...valid])];
        if (labels.length > MAX_LABELS) throw ssmError.labelLimit(MAX_LABELS);
        // A label names one version: it leaves whichever version held it.
        for (const v of m.parameterVersionsOf(record.scope, record.name)) {
          if (v.version !== target.version && v.labels.some((l) => valid.includes(l)))
            m.putParameterVersion(record.scope, { ...v, labels: v.labels.filter((l) => !valid.includes(l)) });
        }
        m.putParameterVersion(record.scope, { ...target, labels });
        return { InvalidLabels: invalid, ParameterVersion: target.version };
      });
    },

    UnlabelParameterVersion(input, ctx) {
      return m.tx(() => {
        const record = requireParameter(sc, scopeOf(ctx), input.Name);
        const target = requireVersion(record, input.ParameterVersion);
        const removed = input.Labels.filter((l) => target.labels.includes(l));
        m.putParameterVersion(record.scope, { ...target, labels: target.labels.filter((l) => !removed.includes(l)) });
        return { RemovedLabels: removed, InvalidLabels: input.Labels.filter((l) => !removed.includes(l)) };
      });
    },

    AddTagsToResource(input, ctx) {
      checkTags(input.Tags);
      m.tx(() => {
        const record = tagged(ctx, input.ResourceType, input.ResourceId);
        const merged = new Map(record.tags.map((t) => [t.Key, t.Value]));
        for (const t of input.Tags) merged.set(t.Key, t.Value);
        if (merged.size > MAX_TAGS) throw ssmError.tooManyTags(MAX_TAGS);
        m.putParameter({ ...record, tags: [...merged].map(([Key, Value]) => ({ Key, Value })) });
      });
      return {};
    },

    RemoveTagsFromResource(input, ctx) {
      m.tx(() => {
        const record = tagged(ctx, input.ResourceType, input.ResourceId);
        m.putParameter({ ...record, tags: record.tags.filter((t) => !input.TagKeys.includes(t.Key)) });
      });
      return {};
    },

    ListTagsForResource(input, ctx) {
      return { TagList: tagged(ctx, input.ResourceType, input.ResourceId).tags };
    },
  };
}
