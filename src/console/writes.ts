/**
 * @module console/writes
 * Most API calls that change something already end in a room's own event once a controller acts
 * (a task starting, a build's phase); many do not (CreateCluster, CreateRepository, UpdateService's
 * recorded intent, a listener rule). So that an open console sees every change at once, each
 * operation that succeeds and is not a read is announced on the bus as `<service>.api`, naming the
 * operation. The handlers themselves are not touched: the edge is handed a wrapped copy.
 */
import type { Clock } from '../core/clock.ts';
import type { EventBus } from '../core/events.ts';
import type { ApiService, Handler } from '../protocol/types.ts';

/** Operations that only read, by AWS's naming. */
const READ = /^(Describe|List|Get|BatchGet|Head|Filter|Search|Lookup|Validate|Test)[A-Z]/;

export const apiEventType = (service: string) => `${service}.api`;

export function announcingWrites(api: ApiService, events: EventBus, clock: Clock): ApiService {
  const service = api.model.metadata.signingName ?? api.model.metadata.endpointPrefix;
  const handlers: ApiService['handlers'] = {};
  for (const [operation, handler] of Object.entries(api.handlers)) {
    handlers[operation] = !handler || READ.test(operation) ? handler : announced(handler, operation);
  }
  return { ...api, handlers };

  function announced(handler: Handler<unknown, unknown>, operation: string): Handler<unknown, unknown> {
    return async (input, ctx) => {
      const output = await handler(input, ctx);
      events.publish({ type: apiEventType(service), resource: service, at: clock.now(), detail: { operation } });
      return output;
    };
  }
}
