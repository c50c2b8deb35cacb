/**
 * @module services/secrets/model
 * Secrets Manager and Parameter Store records and the only code that touches their tables.
 * Values are stored sealed (vault.ts); nothing here holds a plaintext value.
 *
 * Tables (JSON documents; pk, then indexed columns):
 *   secrets_secrets             pk secretArn                     scope, name, purge_at
 *   secrets_versions            pk <secretArn>|<versionId>       secret
 *   ssm_parameters              pk <scope>|<name>                scope
 *   ssm_parameter_versions      pk <scope>|<name>|<version, 10 digits>  parameter (the parameter's pk)
 *
 * `scope` is "<region>:<account>". `purge_at` is set while a secret is scheduled for deletion: the
 * real time (the recovery window scaled by the clock) after which the purge loop removes it.
 */
import { scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import type { Tag as SecretTag } from './shapes-secretsmanager.ts';
import type { ParameterTier, ParameterType, Tag as ParameterTag } from './shapes-ssm.ts';

export interface SecretRecord {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  createdAt: number;
  lastChangedAt: number;
  /** Day of the last GetSecretValue (midnight UTC), as AWS reports it. */
  lastAccessedAt?: number;
  /** Set by DeleteSecret: when it was asked, the date AWS would purge it, and when Slipway will. */
  deletion?: { deletedAt: number; deletionDate: number; purgeAt: number };
  tags: SecretTag[];
  /** The ClientRequestToken CreateSecret was called with, so a retried call is answered again. */
  createToken?: string;
}

export interface SecretVersionRecord {
  secretArn: string;
  versionId: string;
  /** The value, sealed; `binary` says whether it is SecretBinary or SecretString. */
  sealed: string;
  binary: boolean;
  stages: string[];
  createdAt: number;
  lastAccessedAt?: number;
}

export interface ParameterRecord {
  scope: string;
  name: string;
  arn: string;
  /** The latest version's number (versions are kept in ssm_parameter_versions). */
  version: number;
  tags: ParameterTag[];
}

export interface ParameterVersionRecord {
  name: string;
  version: number;
  sealed: string;
  type: ParameterType;
  keyId?: string;
  description?: string;
  allowedPattern?: string;
  tier: ParameterTier;
  policies?: string;
  dataType: string;
  labels: string[];
  lastModifiedAt: number;
  lastModifiedUser: string;
}

export class SecretsModel {
  readonly secrets: DocTable<SecretRecord, 'scope' | 'name' | 'purge_at'>;
  readonly versions: DocTable<SecretVersionRecord, 'secret'>;
  readonly parameters: DocTable<ParameterRecord, 'scope'>;
  readonly parameterVersions: DocTable<ParameterVersionRecord, 'parameter'>;

  constructor(readonly store: Store) {
    this.secrets = store.docTable('secrets_secrets', { scope: 'TEXT', name: 'TEXT', purge_at: 'INTEGER' });
    this.versions = store.docTable('secrets_versions', { secret: 'TEXT' });
    this.parameters = store.docTable('ssm_parameters', { scope: 'TEXT' });
    this.parameterVersions = store.docTable('ssm_parameter_versions', { parameter: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  putSecret(record: SecretRecord): void {
    this.secrets.put(record.arn, record, {
      scope: scopeKey(scopeOfOwnArn(record.arn)),
      name: record.name,
      purge_at: record.deletion?.purgeAt ?? null,
    });
  }

  /** Secrets scheduled for deletion, in every scope. */
  scheduledSecrets(): SecretRecord[] {
    return this.secrets.find().filter((s) => s.deletion);
  }

  deleteSecret(arn: string): void {
    for (const v of this.versionsOf(arn)) this.deleteVersion(arn, v.versionId);
    this.secrets.delete(arn);
  }

  /** A secret's versions, oldest first. */
  versionsOf(secretArn: string): SecretVersionRecord[] {
    return this.versions.find({ secret: secretArn }).sort((a, b) => a.createdAt - b.createdAt);
  }

  version(secretArn: string, versionId: string): SecretVersionRecord | undefined {
    return this.versions.get(versionKey(secretArn, versionId));
  }

  deleteVersion(secretArn: string, versionId: string): void {
    this.versions.delete(versionKey(secretArn, versionId));
  }

  putVersion(version: SecretVersionRecord): void {
    this.versions.put(versionKey(version.secretArn, version.versionId), version, { secret: version.secretArn });
  }

  parameter(scope: string, name: string): ParameterRecord | undefined {
    return this.parameters.get(parameterKey(scope, name));
  }

  putParameter(record: ParameterRecord): void {
    this.parameters.put(parameterKey(record.scope, record.name), record, { scope: record.scope });
  }

  deleteParameter(scope: string, name: string): void {
    const key = parameterKey(scope, name);
    for (const v of this.parameterVersions.find({ parameter: key })) this.parameterVersions.delete(parameterVersionKey(key, v.version));
    this.parameters.delete(key);
  }

  /** A parameter's versions, oldest first. */
  parameterVersionsOf(scope: string, name: string): ParameterVersionRecord[] {
    return this.parameterVersions.find({ parameter: parameterKey(scope, name) });
  }

  parameterVersion(scope: string, name: string, version: number): ParameterVersionRecord | undefined {
    return this.parameterVersions.get(parameterVersionKey(parameterKey(scope, name), version));
  }

  putParameterVersion(scope: string, record: ParameterVersionRecord): void {
    const key = parameterKey(scope, record.name);
    this.parameterVersions.put(parameterVersionKey(key, record.version), record, { parameter: key });
  }

  deleteParameterVersion(scope: string, name: string, version: number): void {
    this.parameterVersions.delete(parameterVersionKey(parameterKey(scope, name), version));
  }
}

const versionKey = (secretArn: string, versionId: string) => `${secretArn}|${versionId}`;
const parameterKey = (scope: string, name: string) => `${scope}|${name}`;
const parameterVersionKey = (parameter: string, version: number) => `${parameter}|${String(version).padStart(10, '0')}`;
