/**
 * @module services/logs/context
 * What every part of the CloudWatch Logs room shares: the app's parts, the room's model, and the
 * one way to say "events arrived in this stream", which wakes whoever follows it.
 */
import type { AppContext } from '../types.ts';
import type { LogsModel } from './model.ts';

/** Published on the event bus when events are stored in a stream (resource: the stream's ARN). */
export const EVENTS_STORED = 'logs.events';

export interface LogsContext extends AppContext {
  model: LogsModel;
}

export function announceEvents(logs: LogsContext, streamArn: string, count: number): void {
  logs.events.publish({ type: EVENTS_STORED, resource: streamArn, at: logs.clock.now(), detail: { count } });
}
