/**
 * @module services/secrets/secrets
 * Secrets Manager's rules over the records: finding a secret by name, full ARN or partial ARN
 * (the ARN without its random suffix); sealing and opening version values; and moving staging
 * labels as AWS moves them — AWSCURRENT to a new version hands AWSPREVIOUS to the one it left.
 */
import { DAY_MS } from '../../core/clock.ts';
import { parseArn, secretsArn, uuid, type Scope } from '../../core/ids.ts';
import { inScope, scopeKey } from '../../core/scope.ts';
import { namesKmsKey, PRINTABLE_RULE, shown, TAG_TEXT, unprintableIn, unprintableInProse } from '../../core/text.ts';
import type { SecretsContext } from './context.ts';
import { smError } from './errors.ts';
import type { SecretRecord, SecretVersionRecord } from './model.ts';
import type { Tag } from './shapes-secretsmanager.ts';
import { UnsealError } from './vault.ts';

export const CURRENT = 'AWSCURRENT';
export const PREVIOUS = 'AWSPREVIOUS';
/** Versions a secret keeps; the oldest ones without a staging label go first beyond this. */
const MAX_VERSIONS = 100;
const MAX_VALUE = 65_536;
const NAME = /^[A-Za-z0-9/_+=.@!-]+$/;

export function checkSecretName(name: string): void {
  if (!NAME.test(name))
    throw smError.validation('Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
}

const invalid = (field: string, value: string, rule: string) =>
  smError.validation(`1 validation error detected: Value ${shown(value)} at '${field}' failed to satisfy constraint: ${rule}`);

/**
 * What Secrets Manager keeps of a request besides the name and the value, held to its rules: a KMS
 * key named by key id, alias, key ARN or alias ARN (an ARN of this Region); a description of
 * printable text; tokens and staging labels without control characters; AWS's tag characters.
 */
export function checkSecretFields(
  region: string,
  input: {
    KmsKeyId?: string;
    Description?: string;
    ClientRequestToken?: string;
    VersionStage?: string;
    VersionStages?: string[];
    Tags?: Tag[];
  },
): void {
  if (input.KmsKeyId !== undefined && !namesKmsKey(input.KmsKeyId, region)) {
    throw invalid(
      'KmsKeyId',
      input.KmsKeyId,
      `Member must be a KMS key id, alias name (alias/…), or the ARN of a key or alias in ${region}`,
    );
  }
  if (input.Description !== undefined && unprintableInProse(input.Description)) {
    throw invalid('Description', input.Description, PRINTABLE_RULE);
  }
  const identifiers: [string, string | undefined][] = [
    ['ClientRequestToken', input.ClientRequestToken],
    ['VersionStage', input.VersionStage],
    ...(input.VersionStages ?? []).map((v): [string, string] => ['VersionStages', v]),
  ];
  for (const [field, text] of identifiers) {
    if (text !== undefined && unprintableIn(text)) throw invalid(field, text, PRINTABLE_RULE);
  }
  for (const tag of input.Tags ?? []) {
    for (const [field, text] of [
      ['Tags.Key', tag.Key],
      ['Tags.Value', tag.Value],
    ] as const) {
      if (text !== undefined && !TAG_TEXT.test(text))
        throw invalid(field, text, 'Member may contain only letters, digits, spaces and the characters _ . : / = + - @');
    }
  }
}

/** Whether a scheduled deletion has come due (the purge loop removes it; until then it is as gone). */
export function purged(sc: SecretsContext, secret: SecretRecord): boolean {
  return secret.deletion !== undefined && sc.clock.now() >= secret.deletion.purgeAt;
}

/** The secret a SecretId names in this scope — a name, a full ARN or a partial ARN — deleted or not. */
export function findSecret(sc: SecretsContext, scope: Scope, secretId: string): SecretRecord | undefined {
  const arn = parseArn(secretId);
  const named = (name: string) => sc.model.secrets.find({ scope: scopeKey(scope), name }).find((s) => !purged(sc, s));
  if (!arn) return named(secretId);
  if (arn.service !== 'secretsmanager' || !inScope(scope, arn) || !arn.resource.startsWith('secret:')) return undefined;
  const exact = sc.model.secrets.get(secretId);
  if (exact) return purged(sc, exact) ? undefined : exact;
  const name = arn.resource.slice('secret:'.length);
  return secretsArn.partial(scope, name) === secretId ? named(name) : undefined;
}

/** The secret, or ResourceNotFoundException; one scheduled for deletion only when `deleted` allows it. */
export function requireSecret(sc: SecretsContext, scope: Scope, secretId: string, deleted: 'refuse' | 'allow' = 'refuse'): SecretRecord {
  const secret = findSecret(sc, scope, secretId);
  if (!secret) throw smError.secretNotFound();
  if (secret.deletion && deleted === 'refuse') throw smError.markedForDeletion();
  return secret;
}

export interface SecretValue {
  SecretString?: string;
  SecretBinary?: string;
}

/** The one value a request carries (SecretString or SecretBinary, base64), or undefined when it carries none. */
export function secretValueOf(input: SecretValue): { plain: Buffer; binary: boolean } | undefined {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) throw smError.bothValues();
  if (input.SecretString !== undefined) return { plain: Buffer.from(input.SecretString, 'utf8'), binary: false };
  if (input.SecretBinary !== undefined) {
    const plain = Buffer.from(input.SecretBinary, 'base64');
    // The validator measures the base64 text; the limit is on the bytes it stands for.
    if (plain.length > MAX_VALUE)
      throw smError.validation(
        `1 validation error detected: Value at 'SecretBinary' failed to satisfy constraint: Member must have length less than or equal to ${MAX_VALUE}`,
      );
    return { plain, binary: true };
  }
  return undefined;
}

const sealContext = (secretArn: string, versionId: string) => `secretsmanager|${secretArn}|${versionId}`;

function openPlain(sc: SecretsContext, version: SecretVersionRecord): Buffer {
  try {
    return sc.vault.open(version.sealed, sealContext(version.secretArn, version.versionId));
  } catch (err) {
    if (err instanceof UnsealError) throw smError.decryptionFailure();
    throw err;
  }
}

export function openVersion(sc: SecretsContext, version: SecretVersionRecord): SecretValue {
  const plain = openPlain(sc, version);
  return version.binary ? { SecretBinary: plain.toString('base64') } : { SecretString: plain.toString('utf8') };
}

/** Whether `version` holds exactly this value (a retried request with the same token). */
export function sameValue(sc: SecretsContext, version: SecretVersionRecord, value: { plain: Buffer; binary: boolean }): boolean {
  return version.binary === value.binary && openPlain(sc, version).equals(value.plain);
}

/**
 * A new version with `stages` (AWSCURRENT when none are given), taking each stage from the version
 * that held it. Returns the version id. Call inside the request's transaction.
 */
export function addVersion(
  sc: SecretsContext,
  secret: SecretRecord,
  value: { plain: Buffer; binary: boolean },
  token: string | undefined,
  stages?: string[],
): SecretVersionRecord {
  const versionId = token ?? uuid();
  const now = sc.clock.now();
  const version: SecretVersionRecord = {
    secretArn: secret.arn,
    versionId,
    sealed: sc.vault.seal(value.plain, sealContext(secret.arn, versionId)),
    binary: value.binary,
    stages: [],
    createdAt: now,
  };
  sc.model.putVersion(version);
  for (const stage of new Set(stages ?? [CURRENT])) moveStage(sc, secret.arn, stage, versionId);
  prune(sc, secret.arn);
  return sc.model.version(secret.arn, versionId)!;
}

/** The version that holds `stage`, if any. */
export function holderOf(sc: SecretsContext, secretArn: string, stage: string): SecretVersionRecord | undefined {
  return sc.model.versionsOf(secretArn).find((v) => v.stages.includes(stage));
}

/** Puts `stage` on `toVersionId` (or only takes it off its holder when undefined); AWSCURRENT leaves AWSPREVIOUS behind. */
export function moveStage(sc: SecretsContext, secretArn: string, stage: string, toVersionId: string | undefined): void {
  const from = holderOf(sc, secretArn, stage);
  if (from?.versionId === toVersionId) return;
  if (from) sc.model.putVersion({ ...from, stages: from.stages.filter((s) => s !== stage) });
  if (toVersionId) {
    const to = sc.model.version(secretArn, toVersionId)!;
    sc.model.putVersion({ ...to, stages: [...to.stages.filter((s) => s !== stage), stage] });
  }
  if (stage === CURRENT && from) moveStage(sc, secretArn, PREVIOUS, from.versionId);
}

function prune(sc: SecretsContext, secretArn: string): void {
  const versions = sc.model.versionsOf(secretArn);
  let excess = versions.length - MAX_VERSIONS;
  for (const v of versions) {
    if (excess <= 0) break;
    if (v.stages.length) continue;
    sc.model.deleteVersion(secretArn, v.versionId);
    excess--;
  }
}

/** Version id → staging labels, for DescribeSecret and ListSecrets (versions with no label left out). */
export function stagesByVersion(sc: SecretsContext, secretArn: string): Record<string, string[]> {
  return Object.fromEntries(
    sc.model
      .versionsOf(secretArn)
      .filter((v) => v.stages.length)
      .map((v) => [v.versionId, v.stages]),
  );
}

/** Midnight UTC of `ms`: AWS reports when a secret was last read to the day. */
export function day(ms: number): number {
  return ms - (ms % DAY_MS);
}

/** What GetSecretValue (and the facade) read: one version chosen by id or by staging label (AWSCURRENT by default). */
export function readSecretValue(sc: SecretsContext, scope: Scope, secretId: string, want: { versionId?: string; stage?: string }) {
  return sc.model.tx(() => {
    const secret = requireSecret(sc, scope, secretId);
    let version: SecretVersionRecord | undefined;
    if (want.versionId !== undefined) {
      version = sc.model.version(secret.arn, want.versionId);
      if (!version) throw smError.versionNotFound(want.versionId);
      if (want.stage !== undefined && !version.stages.includes(want.stage)) throw smError.stageNotFound(want.stage);
    } else {
      const stage = want.stage ?? CURRENT;
      version = holderOf(sc, secret.arn, stage);
      if (!version) throw smError.stageNotFound(stage);
    }
    const today = day(sc.clock.now());
    if (secret.lastAccessedAt !== today) {
      sc.model.putSecret({ ...secret, lastAccessedAt: today });
      sc.model.putVersion({ ...version, lastAccessedAt: today });
    }
    return { secret, version, value: openVersion(sc, version) };
  });
}
