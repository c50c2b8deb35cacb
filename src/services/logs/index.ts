/**
 * @module services/logs
 * The CloudWatch Logs room: log groups, streams and events (AWS JSON 1.1) stored in SQLite, the
 * retention sweep, and the facade other rooms write and follow logs through (facade.ts).
 */
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, RoomWithFacade } from '../types.ts';
import { logsHandlers } from './api.ts';
import type { LogsContext } from './context.ts';
import { createFacade, type LogsFacade } from './facade.ts';
import { LogsModel } from './model.ts';
import { retentionController } from './retention.ts';
import { groupByArn } from './resolve.ts';
import { found } from '../authorization.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';

export type { FollowOptions, LogLine, LogsFacade, StoredLine } from './facade.ts';
export { isLogGroupName, isLogStreamName } from './resolve.ts';

export function register(app: AppContext): RoomWithFacade<LogsFacade> {
  const logs: LogsContext = { ...app, model: new LogsModel(app.store) };
  const facade = createFacade(logs);
  const retention = retentionController(logs);
  return {
    name: 'logs',
    facade,
    api: {
      model: loadModel('logs'),
      handlers: logsHandlers(logs, retention),
      validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
    },
    // Requests name `log-group:<name>:log-stream:…`; the tags are the group's (names hold no colon).
    authorization: (arn) =>
      found(() => ({
        tags: groupByArn(logs, scopeOfOwnArn(arn), arn.replace(/^(arn:[^:]*:logs:[^:]*:[^:]*:log-group:[^:]*):.*$/, '$1')).tags,
      })),
    start() {
      retention.start();
    },
    async stop() {
      facade.flush();
      await retention.stop();
    },
    status() {
      return { logGroups: logs.model.groups.count(), logStreams: logs.model.streams.count() };
    },
  };
}
