/**
 * @module services/logs/resolve
 * Finding the log group and stream a request names — a group by name, or by `logGroupIdentifier`
 * (its name or ARN), always within the caller's region and account — and making new ones.
 */
import { logsArn, parseArn, type Scope } from '../../core/ids.ts';
import { inScope, scopeKey, scopeOfOwnArn } from '../../core/scope.ts';
import { namesKmsKey, shown, unprintableIn } from '../../core/text.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import type { GroupRecord, StreamRecord } from './model.ts';

export function requireGroup(logs: LogsContext, scope: Scope, name: string): GroupRecord {
  const group = logs.model.group(scopeKey(scope), name);
  if (!group) throw logsError.logGroupNotFound();
  return group;
}

/** The group's name in a log group ARN (`…:log-group:<name>`), if it is one of this scope. */
function groupNameInArn(scope: Scope, arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (parsed?.service !== 'logs' || !parsed.resource.startsWith('log-group:')) return undefined;
  if (!inScope(scope, parsed)) return undefined;
  return parsed.resource.slice('log-group:'.length);
}

/** The group named by logGroupName or logGroupIdentifier (exactly one of them). */
export function groupFor(logs: LogsContext, scope: Scope, input: { logGroupName?: string; logGroupIdentifier?: string }): GroupRecord {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw logsError.invalidParameter('logGroupIdentifier', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const identifier = input.logGroupName ?? input.logGroupIdentifier;
  if (identifier === undefined)
    throw logsError.invalidParameter('logGroupName', 'Either logGroupName or logGroupIdentifier must be given.');
  if (input.logGroupIdentifier?.startsWith('arn:')) {
    const name = groupNameInArn(scope, identifier);
    if (name === undefined) throw logsError.logGroupNotFound();
    return requireGroup(logs, scope, name);
  }
  return requireGroup(logs, scope, identifier);
}

/** The group a tagging call names by ARN. */
export function groupByArn(logs: LogsContext, scope: Scope, arn: string): GroupRecord {
  const parsed = parseArn(arn);
  if (parsed?.service !== 'logs' || !parsed.resource.startsWith('log-group:')) {
    throw logsError.invalidParameter('resourceArn', `'${arn}' is not a log group ARN (arn:aws:logs:<region>:<account>:log-group:<name>)`);
  }
  const name = groupNameInArn(scope, arn);
  const group = name === undefined ? undefined : logs.model.group(scopeKey(scope), name);
  if (!group) throw logsError.resourceNotFound(arn);
  return group;
}

export function requireStream(logs: LogsContext, group: GroupRecord, name: string): StreamRecord {
  const stream = logs.model.stream(group.gid, name);
  if (!stream) throw logsError.logStreamNotFound();
  return stream;
}

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** Whether CloudWatch Logs takes `name` as a group name: 1 to 512 letters, digits and . - _ / # (the model's rule). */
export function isLogGroupName(name: string): boolean {
  return GROUP_NAME.test(name);
}

/** Whether CloudWatch Logs takes `name` as a stream name: 1 to 512 characters, none of them ':', '*', a control character or an unpaired surrogate. */
export function isLogStreamName(name: string): boolean {
  return name.length >= 1 && name.length <= 512 && !/[:*]/.test(name) && !unprintableIn(name);
}

/** Group names as CloudWatch Logs takes them (for names that come through the facade). */
function checkGroupName(name: string): void {
  if (!isLogGroupName(name)) {
    throw logsError.invalidParameter('logGroupName', `${shown(name)} must be 1 to 512 letters, digits, and the characters . - _ / #.`);
  }
}

/** Stream names as CloudWatch Logs takes them. */
export function checkStreamName(name: string): void {
  if (!isLogStreamName(name)) {
    throw logsError.invalidParameter(
      'logStreamName',
      `${shown(name)} must be 1 to 512 characters, without ':', '*' or control characters.`,
    );
  }
}

/** CloudWatch Logs encrypts a group with a KMS key named by its key ARN, in the group's own Region. */
function checkKmsKey(scope: Scope, kmsKeyId: string): void {
  if (!namesKmsKey(kmsKeyId, scope.region, ['key-arn'])) {
    throw logsError.invalidParameter(
      'kmsKeyId',
      `${shown(kmsKeyId)} is not the ARN of a KMS key in ${scope.region} (arn:aws:kms:${scope.region}:<account>:key/<key-id>).`,
    );
  }
}

export type GroupSettings = Partial<Pick<GroupRecord, 'kmsKeyId' | 'logGroupClass' | 'deletionProtectionEnabled' | 'tags'>>;

/** Creates the group (call inside a transaction); throws when it exists. */
export function createGroup(logs: LogsContext, scope: Scope, name: string, settings: GroupSettings = {}): GroupRecord {
  checkGroupName(name);
  if (settings.kmsKeyId !== undefined) checkKmsKey(scope, settings.kmsKeyId);
  if (logs.model.group(scopeKey(scope), name)) throw logsError.logGroupExists();
  const group: GroupRecord = {
    gid: logs.model.nextId(),
    arn: logsArn.logGroup(scope, name),
    name,
    scope: scopeKey(scope),
    creationTime: logs.clock.now(),
    kmsKeyId: settings.kmsKeyId,
    logGroupClass: settings.logGroupClass ?? 'STANDARD',
    deletionProtectionEnabled: settings.deletionProtectionEnabled ?? false,
    tags: settings.tags ?? {},
  };
  logs.model.putGroup(group);
  return group;
}

/** Creates the stream in the group (call inside a transaction); throws when it exists. */
export function createStream(logs: LogsContext, group: GroupRecord, name: string): StreamRecord {
  checkStreamName(name);
  if (logs.model.stream(group.gid, name)) throw logsError.logStreamExists();
  const stream: StreamRecord = {
    sid: logs.model.nextId(),
    gid: group.gid,
    arn: logsArn.logStream(scopeOfOwnArn(group.arn), group.name, name),
    name,
    creationTime: logs.clock.now(),
    storedBytes: 0,
  };
  logs.model.putStream(stream);
  return stream;
}
