/**
 * @module services/logs/api-groups
 * CreateLogGroup, DeleteLogGroup, DescribeLogGroups, retention policies and deletion protection.
 */
import { logsArn } from '../../core/ids.ts';
import { paginate, type PageRules } from '../../core/paging.ts';
import { scopeKey, scopeOf, scopeOfOwnArn } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { Controller } from '../../core/reconcile.ts';
import { checkTags } from './api-tags.ts';
import type { LogsContext } from './context.ts';
import { logsError } from './errors.ts';
import type { GroupRecord } from './model.ts';
import { createGroup, groupFor, requireGroup } from './resolve.ts';
import { RETENTION_DAYS, sweepSoon } from './retention.ts';
import type { LogGroup, LogsOperations } from './shapes.ts';

/** DescribeLogGroups and DescribeLogStreams: 50 a page at most, tokens refused by the other. */
export function describePaging(kind: string): PageRules {
  return {
    kind,
    defaultSize: 50,
    maxSize: 50,
    invalid: (field, message) => (field === 'token' ? logsError.invalidToken('nextToken') : logsError.invalidParameter('limit', message)),
  };
}

export function groupView(logs: LogsContext, group: GroupRecord): LogGroup {
  return {
    logGroupName: group.name,
    creationTime: group.creationTime,
    retentionInDays: group.retentionInDays,
    metricFilterCount: 0,
    arn: logsArn.logGroupWildcard(scopeOfOwnArn(group.arn), group.name),
    logGroupArn: group.arn,
    storedBytes: logs.model.streamsOf(group.gid).reduce((sum, s) => sum + s.storedBytes, 0),
    kmsKeyId: group.kmsKeyId,
    logGroupClass: group.logGroupClass as LogGroup['logGroupClass'],
    deletionProtectionEnabled: group.deletionProtectionEnabled,
  };
}

export function groupHandlers(logs: LogsContext, retention: Controller): Handlers<LogsOperations> {
  const m = logs.model;
  const changeGroup = (find: () => GroupRecord, change: (g: GroupRecord) => GroupRecord) => {
    m.tx(() => m.putGroup(change(find())));
    return {};
  };

  return {
    CreateLogGroup(input, ctx) {
      const scope = scopeOf(ctx);
      const tags = checkTags(input.tags);
      m.tx(() => createGroup(logs, scope, input.logGroupName, { ...input, tags }));
      return {};
    },

    DeleteLogGroup(input, ctx) {
      m.tx(() => {
        const group = requireGroup(logs, scopeOf(ctx), input.logGroupName);
        if (group.deletionProtectionEnabled) throw logsError.deletionProtected(group.name);
        m.deleteGroup(group);
      });
      return {};
    },

    DescribeLogGroups(input, ctx) {
      const scope = scopeOf(ctx);
      if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
        throw logsError.invalidParameter(
          'logGroupNamePattern',
          'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
        );
      }
      if (input.logGroupIdentifiers && (input.logGroupNamePrefix !== undefined || input.logGroupNamePattern !== undefined)) {
        throw logsError.invalidParameter(
          'logGroupIdentifiers',
          'logGroupIdentifiers cannot be combined with logGroupNamePrefix or logGroupNamePattern.',
        );
      }
      if (input.accountIdentifiers?.length && !input.accountIdentifiers.includes(scope.account)) return { logGroups: [] };
      let groups = m.groups.find({ scope: scopeKey(scope) }, 'name');
      if (input.logGroupIdentifiers) {
        const wanted = new Set(input.logGroupIdentifiers);
        groups = groups.filter((g) => wanted.has(g.name) || wanted.has(g.arn));
      }
      const prefix = input.logGroupNamePrefix;
      if (prefix !== undefined) groups = groups.filter((g) => g.name.startsWith(prefix));
      const pattern = input.logGroupNamePattern?.toLowerCase();
      if (pattern) groups = groups.filter((g) => g.name.toLowerCase().includes(pattern));
      if (input.logGroupClass) groups = groups.filter((g) => g.logGroupClass === input.logGroupClass);
      const page = paginate(groups, { token: input.nextToken, size: input.limit }, describePaging('log-groups'));
      return { logGroups: page.items.map((g) => groupView(logs, g)), nextToken: page.next };
    },

    PutRetentionPolicy(input, ctx) {
      if (!RETENTION_DAYS.includes(input.retentionInDays)) {
        throw logsError.invalidParameter('retentionInDays', `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`);
      }
      changeGroup(
        () => requireGroup(logs, scopeOf(ctx), input.logGroupName),
        (g) => ({ ...g, retentionInDays: input.retentionInDays }),
      );
      sweepSoon(retention);
      return {};
    },

    DeleteRetentionPolicy: (input, ctx) =>
      changeGroup(
        () => requireGroup(logs, scopeOf(ctx), input.logGroupName),
        ({ retentionInDays: _gone, ...g }) => g,
      ),

    PutLogGroupDeletionProtection: (input, ctx) =>
      changeGroup(
        () => groupFor(logs, scopeOf(ctx), { logGroupIdentifier: input.logGroupIdentifier }),
        (g) => ({ ...g, deletionProtectionEnabled: input.deletionProtectionEnabled }),
      ),
  };
}
