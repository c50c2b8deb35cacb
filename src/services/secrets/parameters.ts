/**
 * @module services/secrets/parameters
 * Parameter Store's rules over the records: names (characters, reserved prefixes, hierarchy depth),
 * `name:version` and `name:label` selectors, names given as ARNs, sealing and opening values, and
 * the views the API shows. Every value is sealed, String and StringList too: one way to store them.
 */
import { AwsError } from '../../core/errors.ts';
import { arn, parseArn, ssmArn, type Scope } from '../../core/ids.ts';
import { inScope, scopeKey } from '../../core/scope.ts';
import type { SecretsContext } from './context.ts';
import { ssmError } from './errors.ts';
import type { ParameterRecord, ParameterVersionRecord } from './model.ts';
import type { Parameter, ParameterHistory, ParameterInlinePolicy, ParameterMetadata, Tag } from './shapes-ssm.ts';
import { UnsealError } from './vault.ts';

export const MAX_DEPTH = 15;
export const MAX_TAGS = 50;
const MAX_NAME = 1011;
const NAME = /^[A-Za-z0-9_.\-/]+$/;
const NAME_RULE =
  'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

/** A name PutParameter may create (reads only need it to exist). */
export function checkParameterName(name: string): void {
  if (!NAME.test(name) || /^\/?(aws|ssm)/i.test(name)) throw ssmError.validation(NAME_RULE);
  if (name.includes('/') && !name.startsWith('/'))
    throw ssmError.validation(`Parameter name must be a fully qualified name: ${name} has a slash but does not begin with one.`);
  if (name.length > MAX_NAME) throw ssmError.validation(`Parameter name ${name.slice(0, 40)}… is longer than ${MAX_NAME} characters.`);
  checkDepth(name);
}

export function checkDepth(path: string): void {
  if (path.split('/').filter(Boolean).length > MAX_DEPTH) throw ssmError.hierarchyTooDeep(MAX_DEPTH);
}

/** The path a name sits under, for GetParametersByPath and the Path filter: `/a/b` for `/a/b/c`, `/` for `c` or `/c`. */
export function parentPath(name: string): string {
  const full = name.startsWith('/') ? name : `/${name}`;
  return full.slice(0, full.lastIndexOf('/')) || '/';
}

export interface Selected {
  record: ParameterRecord;
  version: ParameterVersionRecord;
  /** `:3` or `:label` as the request gave it. */
  selector?: string;
}

/** The parameter a name or ARN names in `scope` (an ARN's own scope must be `scope`). */
export function findParameter(sc: SecretsContext, scope: Scope, nameOrArn: string): ParameterRecord | undefined {
  const parsed = parseArn(nameOrArn);
  if (!parsed) return sc.model.parameter(scopeKey(scope), nameOrArn);
  if (parsed.service !== 'ssm' || !inScope(scope, parsed)) return undefined;
  return ssmArn
    .names(parsed.resource)
    .map((n) => sc.model.parameter(scopeKey(scope), n))
    .find(Boolean);
}

/** The parameter a name or ARN names in `scope`, or ParameterNotFound. */
export function requireParameter(sc: SecretsContext, scope: Scope, nameOrArn: string): ParameterRecord {
  const record = findParameter(sc, scope, nameOrArn);
  if (!record) throw ssmError.parameterNotFound(nameOrArn);
  return record;
}

/** A name with an optional `:version` or `:label` selector, read as GetParameter reads it. */
export function selectParameter(sc: SecretsContext, scope: Scope, reference: string): Selected {
  const cut = reference.startsWith('arn:') ? nthIndex(reference, ':', 6) : reference.indexOf(':');
  const name = cut < 0 ? reference : reference.slice(0, cut);
  const selector = cut < 0 ? undefined : reference.slice(cut + 1);
  const record = requireParameter(sc, scope, name);
  if (selector === undefined) return { record, version: sc.model.parameterVersion(record.scope, record.name, record.version)! };
  if (/^\d+$/.test(selector)) {
    const version = sc.model.parameterVersion(record.scope, record.name, Number(selector));
    if (!version) throw ssmError.versionNotFound(name, selector);
    return { record, version, selector: `:${selector}` };
  }
  const version = sc.model.parameterVersionsOf(record.scope, record.name).find((v) => v.labels.includes(selector));
  if (!version) throw ssmError.versionNotFound(name, selector);
  return { record, version, selector: `:${selector}` };
}

/** selectParameter, or undefined where it finds no such parameter, version or label (GetParameters' InvalidParameters). */
export function trySelect(sc: SecretsContext, scope: Scope, reference: string): Selected | undefined {
  try {
    return selectParameter(sc, scope, reference);
  } catch (err) {
    if (err instanceof AwsError && (err.code === 'ParameterNotFound' || err.code === 'ParameterVersionNotFound')) return undefined;
    throw err;
  }
}

/** Tags a caller may set: none under the aws: prefix, which AWS keeps for itself. */
export function checkTags(tags: Tag[]): void {
  for (const t of tags)
    if (/^aws:/i.test(t.Key))
      throw ssmError.validation(`Tag key ${t.Key} is not valid: keys that begin with aws: are reserved for AWS use.`);
}

function nthIndex(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

const sealContext = (scope: string, name: string, version: number) => `ssm|${scope}|${name}|${version}`;

export function sealValue(sc: SecretsContext, scope: string, name: string, version: number, value: string): string {
  return sc.vault.seal(Buffer.from(value, 'utf8'), sealContext(scope, name, version));
}

/** The value as the API shows it: plain, or for a SecureString read without decryption, its sealed text. */
export function shownValue(sc: SecretsContext, scope: string, v: ParameterVersionRecord, withDecryption: boolean | undefined): string {
  if (v.type === 'SecureString' && !withDecryption) return v.sealed.slice(v.sealed.indexOf(':') + 1);
  try {
    return sc.vault.open(v.sealed, sealContext(scope, v.name, v.version)).toString('utf8');
  } catch (err) {
    if (err instanceof UnsealError) throw ssmError.decryptionFailure(v.name);
    throw err;
  }
}

export function parameterView(sc: SecretsContext, s: Selected, withDecryption: boolean | undefined): Parameter {
  const { record, version } = s;
  return {
    Name: record.name,
    Type: version.type,
    Value: shownValue(sc, record.scope, version, withDecryption),
    Version: version.version,
    Selector: s.selector,
    LastModifiedDate: version.lastModifiedAt,
    ARN: record.arn,
    DataType: version.dataType,
  };
}

export function metadataView(record: ParameterRecord, v: ParameterVersionRecord): ParameterMetadata {
  return {
    Name: record.name,
    ARN: record.arn,
    Type: v.type,
    KeyId: v.keyId,
    LastModifiedDate: v.lastModifiedAt,
    LastModifiedUser: v.lastModifiedUser,
    Description: v.description,
    AllowedPattern: v.allowedPattern,
    Version: v.version,
    Tier: v.tier,
    Policies: v.policies ? parsePolicies(v.policies) : [],
    DataType: v.dataType,
  };
}

export function historyView(
  sc: SecretsContext,
  record: ParameterRecord,
  v: ParameterVersionRecord,
  withDecryption: boolean | undefined,
): ParameterHistory {
  const { ARN: _arn, ...meta } = metadataView(record, v);
  return { ...meta, Value: shownValue(sc, record.scope, v, withDecryption), Labels: v.labels };
}

const POLICY_TYPES = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'];

/** Parameter policies as PutParameter takes them (a JSON array), checked; they are stored and shown, not yet acted on. */
export function parsePolicies(text: string): ParameterInlinePolicy[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw ssmError.invalidPolicyAttribute('Policies is not valid JSON: give a JSON array of policies.');
  }
  if (!Array.isArray(list)) throw ssmError.invalidPolicyAttribute('Policies must be a JSON array of policies.');
  return list.map((policy: { Type?: unknown; Attributes?: unknown }) => {
    const type = String(policy?.Type);
    if (!POLICY_TYPES.includes(type)) throw ssmError.invalidPolicyType(type);
    if (!policy.Attributes || typeof policy.Attributes !== 'object')
      throw ssmError.invalidPolicyAttribute(`The ${type} policy needs an Attributes object.`);
    return { PolicyText: JSON.stringify(policy), PolicyType: type, PolicyStatus: 'Pending' };
  });
}

/** Who changed a parameter, as LastModifiedUser shows it: the account's root (requests are not authenticated yet). */
export function modifiedBy(scope: Scope): string {
  return arn({ region: '', account: scope.account }, 'iam', 'root');
}

/** Every parameter in a scope with its latest version, by name. */
export function latestParameters(sc: SecretsContext, scope: Scope): Selected[] {
  return sc.model.parameters
    .find({ scope: scopeKey(scope) })
    .map((record) => ({ record, version: sc.model.parameterVersion(record.scope, record.name, record.version)! }))
    .sort((a, b) => (a.record.name < b.record.name ? -1 : a.record.name > b.record.name ? 1 : 0));
}
