/**
 * @module services/logs
 * The CloudWatch Logs room: log groups, streams and events (AWS JSON 1.1) stored in SQLite, the
 * retention sweep, and the facade other rooms write and follow logs through (facade.ts).
 */
import { loadModel } from '../../protocol/model.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext, Room } from '../types.ts';
import { logsHandlers } from './api.ts';
import type { LogsContext } from './context.ts';
import { createFacade, type LogsFacade } from './facade.ts';
import { LogsModel } from './model.ts';
import { retentionController } from './retention.ts';

export type { FollowOptions, LogLine, LogsFacade, StoredLine } from './facade.ts';

const rooms = new WeakMap<Store, { logs: LogsContext; facade: LogsFacade }>();

/** The room's parts for this app, made once per store. */
function partsFor(app: AppContext): { logs: LogsContext; facade: LogsFacade } {
  let parts = rooms.get(app.store);
  if (!parts) {
    const logs: LogsContext = { ...app, model: new LogsModel(app.store) };
    parts = { logs, facade: createFacade(logs) };
    rooms.set(app.store, parts);
  }
  return parts;
}

/** The facade other rooms use: ensureGroup, ensureStream, append, flush, follow. */
export function logsFacade(app: AppContext): LogsFacade {
  return partsFor(app).facade;
}

export function register(app: AppContext): Room {
  const { logs, facade } = partsFor(app);
  const retention = retentionController(logs);
  return {
    name: 'logs',
    api: {
      model: loadModel('logs'),
      handlers: logsHandlers(logs, retention),
      validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
    },
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
