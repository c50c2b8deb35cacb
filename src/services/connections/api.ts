/**
 * @module services/connections/api
 * The operations Slipway serves for codestar-connections and codeconnections alike (the API
 * called names the ARNs it makes). Repository links and sync configurations answer 501.
 */
import type { ConnectionsService } from '../../core/ids.ts';
import type { Handlers } from '../../protocol/types.ts';
import { connectionHandlers } from './api-connections.ts';
import { hostHandlers } from './api-hosts.ts';
import { tagHandlers } from './api-tags.ts';
import type { ConnectionsContext } from './context.ts';
import type { CodeconnectionsOperations } from './shapes-codeconnections.ts';

export function connectionsHandlers(cc: ConnectionsContext, service: ConnectionsService): Handlers<CodeconnectionsOperations> {
  return { ...connectionHandlers(cc, service), ...hostHandlers(cc, service), ...tagHandlers(cc) };
}
