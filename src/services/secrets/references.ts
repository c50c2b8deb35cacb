/**
 * @module services/secrets/references
 * Reading secrets as ECS's `secrets[].valueFrom` and CodeBuild's `secrets-manager` variables name
 * them: `<secret ARN or name>[:json-key[:version-stage[:version-id]]]`, an empty part meaning its
 * default (the whole value, AWSCURRENT). Failures are a SecretReferenceError whose message is worded
 * as the ECS agent words them after "ResourceInitializationError: unable to pull secrets or registry
 * auth: ", so a caller shows ECS's ResourceInitializationError by prefixing that; its `reason` says
 * what failed without that wording, for a caller (CodeBuild) that words it its own way.
 */
import { AwsError } from '../../core/errors.ts';
import { parseArn, type Scope } from '../../core/ids.ts';
import type { SecretsContext } from './context.ts';
import { smError, ssmError } from './errors.ts';
import { shownValue, trySelect } from './parameters.ts';
import { readSecretValue, requireSecret } from './secrets.ts';

/** Whether the identity a read is made for may perform `action` on `resource`: AWS's AccessDenied message when not. */
export type ReadAuthorizer = (action: string, resource: string) => string | undefined;

export interface SecretReference {
  /** The secret's ARN (full or partial) or name. */
  secretId: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
}

/**
 * What failed, without the ECS agent's wording: an SSM parameter that does not exist, or anything
 * else as `detail` (the service's `code: message`, or what the reference or the value lacks).
 */
export type SecretReferenceFailure = { kind: 'parameter-missing' } | { kind: 'other'; detail: string };

export class SecretReferenceError extends Error {
  constructor(
    message: string,
    readonly reason: SecretReferenceFailure = { kind: 'other', detail: message },
  ) {
    super(message);
    this.name = 'SecretReferenceError';
  }
}

const RETRIED = 'service call has been retried 1 time(s): ';
const fromAsm = (why: string, reason: SecretReferenceFailure) =>
  new SecretReferenceError(`execution resource retrieval failed: unable to retrieve secret from asm: ${RETRIED}${why}`, reason);
const fromSsm = (why: string, reason: SecretReferenceFailure) =>
  new SecretReferenceError(`execution resource retrieval failed: unable to retrieve secrets from ssm: ${RETRIED}${why}`, reason);

/** Splits a reference into the secret and its suffixes. An ARN has seven colon-separated parts; a name has none. */
export function parseSecretReference(ref: string): SecretReference {
  const parts = ref.split(':');
  const head = ref.startsWith('arn:') ? 7 : 1;
  if (head === 7 && (parts.length < 7 || parts[2] !== 'secretsmanager' || parts[5] !== 'secret')) {
    throw new SecretReferenceError(`${ref} is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)`);
  }
  if (parts.length > head + 3) {
    throw new SecretReferenceError(`${ref} has more than the three suffixes a secret reference takes (json-key:version-stage:version-id)`);
  }
  const [jsonKey, versionStage, versionId] = parts.slice(head).map((p) => p || undefined);
  return { secretId: parts.slice(0, head).join(':'), jsonKey, versionStage, versionId };
}

/** The value a reference names, in the ARN's scope (or `scope` for a bare name), its JSON key picked out. */
export function resolveSecretReference(sc: SecretsContext, ref: string, scope: Scope, authorize?: ReadAuthorizer): string {
  const parsed = parseSecretReference(ref);
  const arn = parseArn(parsed.secretId);
  const where = arn ? { region: arn.region, account: arn.account } : scope;
  const failed = (why: string) => fromAsm(why, { kind: 'other', detail: why });
  let text: string;
  try {
    // Authorized on the secret's full ARN, before the read records an access.
    const denied = authorize?.('secretsmanager:GetSecretValue', requireSecret(sc, where, parsed.secretId).arn);
    if (denied) throw smError.accessDenied(denied);
    const { value } = readSecretValue(sc, where, parsed.secretId, { versionId: parsed.versionId, stage: parsed.versionStage });
    text = value.SecretString ?? Buffer.from(value.SecretBinary!, 'base64').toString('utf8');
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const detail = `${err.code}: ${err.message}`;
    throw fromAsm(`failed to fetch secret ${parsed.secretId} from secrets manager: ${detail}`, { kind: 'other', detail });
  }
  if (parsed.jsonKey === undefined) return text;
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw failed(`retrieved secret from Secrets Manager did not contain json key ${parsed.jsonKey}: the secret is not a JSON object`);
  }
  const field = fields && typeof fields === 'object' ? (fields as Record<string, unknown>)[parsed.jsonKey] : undefined;
  if (field === undefined || field === null)
    throw failed(`retrieved secret from Secrets Manager did not contain json key ${parsed.jsonKey}`);
  return typeof field === 'string' ? field : JSON.stringify(field);
}

/** Whether a valueFrom names a Secrets Manager secret (an ARN of that service); anything else is an SSM parameter. */
export function isSecretsManagerReference(valueFrom: string): boolean {
  return parseArn(valueFrom)?.service === 'secretsmanager';
}

/** An SSM parameter's value, decrypted, as a valueFrom (a name, or a parameter ARN in its own scope) names it. */
export function resolveParameterReference(sc: SecretsContext, valueFrom: string, scope: Scope, authorize?: ReadAuthorizer): string {
  const arn = parseArn(valueFrom);
  const where = arn ? { region: arn.region, account: arn.account } : scope;
  const selected = arn?.service === 'ssm' || !arn ? trySelect(sc, where, valueFrom) : undefined;
  if (!selected) {
    throw fromSsm(`invalid ssm parameters: ${valueFrom}`, { kind: 'parameter-missing' });
  }
  try {
    const denied = authorize?.('ssm:GetParameters', selected.record.arn);
    if (denied) throw ssmError.accessDenied(denied);
    return shownValue(sc, selected.record.scope, selected.version, true);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const detail = `${err.code}: ${err.message}`;
    throw fromSsm(detail, { kind: 'other', detail });
  }
}
