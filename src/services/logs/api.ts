/**
 * @module services/logs/api
 * The CloudWatch Logs operations Slipway serves, one thin handler each, grouped by resource.
 * Operations with no handler (metric filters, subscriptions, Logs Insights, …) answer 501.
 */
import type { Controller } from '../../core/reconcile.ts';
import type { Handlers } from '../../protocol/types.ts';
import { eventHandlers } from './api-events.ts';
import { filterHandlers } from './api-filter.ts';
import { groupHandlers } from './api-groups.ts';
import { streamHandlers } from './api-streams.ts';
import { tagHandlers } from './api-tags.ts';
import type { LogsContext } from './context.ts';
import type { LogsOperations } from './shapes.ts';

export function logsHandlers(logs: LogsContext, retention: Controller): Handlers<LogsOperations> {
  return {
    ...groupHandlers(logs, retention),
    ...streamHandlers(logs),
    ...eventHandlers(logs),
    ...filterHandlers(logs),
    ...tagHandlers(logs),
  };
}
