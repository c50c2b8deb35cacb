/**
 * @module services/secrets/api-parameters
 * Parameters and their values: put (a new version each time), get one, several or a path's, delete,
 * and the history of one. Their metadata, labels and tags are api-parameter-meta.ts's.
 */
import { ssmArn } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { RegexTimeout, testWithin } from '../../core/regex.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import { namesKmsKey, PRINTABLE_RULE, shown, unprintableInProse } from '../../core/text.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { SecretsContext } from './context.ts';
import { ssmError } from './errors.ts';
import type { ParameterRecord, ParameterVersionRecord } from './model.ts';
import { BY_PATH_KEYS, checkFilters, matchesAll } from './parameter-filters.ts';
import {
  checkDepth,
  checkParameterName,
  checkTags,
  findParameter,
  historyView,
  latestParameters,
  MAX_TAGS,
  modifiedBy,
  parameterView,
  parsePolicies,
  requireParameter,
  sealValue,
  selectParameter,
  trySelect,
  type Selected,
} from './parameters.ts';
import type { ParameterTier, PutParameterRequest, SsmOperations } from './shapes-ssm.ts';

const MAX_VERSIONS = 100;
const LIMIT = { Standard: 4096, Advanced: 8192 };
const DATA_TYPES = ['text', 'aws:ec2:image', 'aws:ssm:integration'];

/** The tier a value lands in, refusing one too large for it (the message gives sizes, never the value). */
function tierFor(input: PutParameterRequest, held: ParameterVersionRecord | undefined): ParameterTier {
  const size = Buffer.byteLength(input.Value, 'utf8');
  const asked = input.Tier ?? held?.tier ?? 'Standard';
  const tier =
    asked === 'Intelligent-Tiering' ? (size > LIMIT.Standard || (input.Policies ?? held?.policies) ? 'Advanced' : 'Standard') : asked;
  if (held?.tier === 'Advanced' && tier === 'Standard') {
    throw ssmError.validation(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
    );
  }
  if (tier === 'Standard' && size > LIMIT.Standard) {
    throw ssmError.validation(
      `Standard tier parameters support a maximum parameter value of ${LIMIT.Standard} characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier.`,
    );
  }
  if (tier === 'Standard' && (input.Policies ?? held?.policies)) {
    throw ssmError.validation(
      'Parameter policies are supported only for parameters in the advanced tier: set Tier to Advanced or Intelligent-Tiering.',
    );
  }
  if (size > LIMIT.Advanced)
    throw ssmError.validation(`Advanced tier parameters support a maximum parameter value of ${LIMIT.Advanced} characters.`);
  return tier;
}

function checkPut(input: PutParameterRequest, region: string): void {
  checkParameterName(input.Name);
  if (input.KeyId !== undefined && !namesKmsKey(input.KeyId, region)) throw ssmError.invalidKeyId(shown(input.KeyId), region);
  if (input.Description !== undefined && unprintableInProse(input.Description)) {
    throw ssmError.validation(
      `1 validation error detected: Value ${shown(input.Description)} at 'description' failed to satisfy constraint: ${PRINTABLE_RULE}`,
    );
  }
  if (input.Value === '')
    throw ssmError.validation(
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.",
    );
  if (input.Overwrite && input.Tags?.length) {
    throw ssmError.validation(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  if (input.KeyId !== undefined && input.Type !== undefined && input.Type !== 'SecureString') {
    throw ssmError.validation(`KeyId is only used with SecureString parameters; ${input.Name} is of type ${input.Type}.`);
  }
  if (input.DataType !== undefined && !DATA_TYPES.includes(input.DataType)) {
    throw ssmError.validation(`The following data type is not supported: ${input.DataType} (Data type names are all lowercase.)`);
  }
  if (input.AllowedPattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(input.AllowedPattern);
    } catch {
      throw ssmError.invalidAllowedPattern(input.AllowedPattern);
    }
    // The caller's own pattern, under a deadline: one that backtracks without end is a mismatch, not a stalled server.
    let matches = false;
    try {
      matches = testWithin(pattern, input.Value);
    } catch (err) {
      if (!(err instanceof RegexTimeout)) throw err;
    }
    if (!matches) throw ssmError.patternMismatch(input.AllowedPattern);
  }
  if (input.Policies !== undefined) parsePolicies(input.Policies);
  checkTags(input.Tags ?? []);
  if ((input.Tags?.length ?? 0) > MAX_TAGS) throw ssmError.tooManyTags(MAX_TAGS);
}

export function parameterHandlers(sc: SecretsContext): Handlers<SsmOperations> {
  const m = sc.model;
  return {
    PutParameter(input, ctx) {
      const scope = scopeOf(ctx);
      checkPut(input, scope.region);
      const key = scopeKey(scope);
      return m.tx(() => {
        const record = m.parameter(key, input.Name);
        if (record && !input.Overwrite) throw ssmError.alreadyExists();
        const held = record ? m.parameterVersion(key, record.name, record.version) : undefined;
        const type = input.Type ?? held?.type;
        if (!type) throw ssmError.validation('A parameter type is required when you create a parameter.');
        const tier = tierFor(input, held);
        const versions = record ? m.parameterVersionsOf(key, record.name) : [];
        if (versions.length >= MAX_VERSIONS) {
          const oldest = versions[0];
          if (oldest.labels.length) throw ssmError.maxVersions(input.Name, oldest.version);
          m.deleteParameterVersion(key, input.Name, oldest.version);
        }
        const version = (record?.version ?? 0) + 1;
        const next: ParameterRecord = record
          ? { ...record, version }
          : { scope: key, name: input.Name, arn: ssmArn.parameter(scope, input.Name), version, tags: input.Tags ?? [] };
        m.putParameter(next);
        m.putParameterVersion(key, {
          name: input.Name,
          version,
          sealed: sealValue(sc, key, input.Name, version, input.Value),
          type,
          keyId:
            type === 'SecureString'
              ? (input.KeyId ?? (held?.type === 'SecureString' ? held.keyId : undefined) ?? 'alias/aws/ssm')
              : undefined,
          description: input.Description ?? held?.description,
          allowedPattern: input.AllowedPattern ?? held?.allowedPattern,
          tier,
          policies: input.Policies ?? held?.policies,
          dataType: input.DataType ?? held?.dataType ?? 'text',
          labels: [],
          lastModifiedAt: sc.clock.now(),
          lastModifiedUser: modifiedBy(scope),
        });
        return { Version: version, Tier: tier };
      });
    },

    GetParameter(input, ctx) {
      return { Parameter: parameterView(sc, selectParameter(sc, scopeOf(ctx), input.Name), input.WithDecryption) };
    },

    GetParameters(input, ctx) {
      const scope = scopeOf(ctx);
      const selected = [...new Set(input.Names)].map((name) => ({ name, found: trySelect(sc, scope, name) }));
      const found = selected.flatMap((s) => (s.found ? [parameterView(sc, s.found, input.WithDecryption)] : []));
      const invalid = selected.filter((s) => !s.found).map((s) => s.name);
      return { Parameters: found, InvalidParameters: invalid };
    },

    GetParametersByPath(input, ctx) {
      const path = input.Path.length > 1 ? input.Path.replace(/\/+$/, '') : input.Path;
      if (!path.startsWith('/'))
        throw ssmError.validation(
          `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". Path: ${input.Path}`,
        );
      checkDepth(path);
      const filters = input.ParameterFilters ?? [];
      checkFilters(filters, BY_PATH_KEYS);
      const labels = filters.filter((f) => f.Key === 'Label').flatMap((f) => f.Values ?? []);
      const pathFilter = { Key: 'Path', Option: input.Recursive ? 'Recursive' : 'OneLevel', Values: [path] };
      // With a Label filter, a parameter shows as the version that carries the label.
      const labelled = (p: Selected): Selected[] => {
        if (!labels.length) return [p];
        const version = m.parameterVersionsOf(p.record.scope, p.record.name).find((v) => v.labels.some((l) => labels.includes(l)));
        return version ? [{ record: p.record, version }] : [];
      };
      const all = latestParameters(sc, scopeOf(ctx))
        .flatMap(labelled)
        .filter((p) => matchesAll(p, [pathFilter, ...filters]));
      const page = paginate(
        all,
        { token: input.NextToken, size: input.MaxResults },
        { kind: 'GetParametersByPath', defaultSize: 10, maxSize: 10, invalid: () => ssmError.invalidNextToken() },
      );
      return { Parameters: page.items.map((p) => parameterView(sc, p, input.WithDecryption)), NextToken: page.next };
    },

    DeleteParameter(input, ctx) {
      const scope = scopeOf(ctx);
      m.tx(() => {
        const record = requireParameter(sc, scope, input.Name);
        m.deleteParameter(record.scope, record.name);
      });
      return {};
    },

    DeleteParameters(input, ctx) {
      const scope = scopeOf(ctx);
      const deleted: string[] = [];
      const invalid: string[] = [];
      m.tx(() => {
        for (const name of new Set(input.Names)) {
          const record = findParameter(sc, scope, name);
          if (record) m.deleteParameter(record.scope, record.name);
          (record ? deleted : invalid).push(name);
        }
      });
      return { DeletedParameters: deleted, InvalidParameters: invalid };
    },

    GetParameterHistory(input, ctx) {
      const record = requireParameter(sc, scopeOf(ctx), input.Name);
      const versions = m.parameterVersionsOf(record.scope, record.name);
      const page = paginate(
        versions,
        { token: input.NextToken, size: input.MaxResults },
        { kind: 'GetParameterHistory', defaultSize: 50, maxSize: 50, invalid: () => ssmError.invalidNextToken() },
      );
      return { Parameters: page.items.map((v) => historyView(sc, record, v, input.WithDecryption)), NextToken: page.next };
    },
  };
}
