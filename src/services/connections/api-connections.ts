/**
 * @module services/connections/api-connections
 * CreateConnection, GetConnection, ListConnections and DeleteConnection. A connection is AVAILABLE
 * the moment it is made: there is no provider's consent page to visit (source.ts says how it is
 * told where its repositories are).
 */
import { type ConnectionsService, connectionsArn, uuid } from '../../core/ids.ts';
import { scopeKey, scopeOf, scopeOfOwnArn } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { ConnectionsContext } from './context.ts';
import { connectionsError } from './errors.ts';
import { removeMirrors } from './mirrors.ts';
import type { ConnectionRecord } from './model.ts';
import { listPage, requireConnection, requireHost, requireTokenReadable, tagList, tagMap } from './resolve.ts';
import type { CodeconnectionsOperations, Connection, ProviderType } from './shapes-codeconnections.ts';

const MAX_CONNECTIONS = 250;
/** Providers a connection reaches only through a host (CreateHost). */
const SELF_MANAGED: ProviderType[] = ['GitHubEnterpriseServer', 'GitLabSelfManaged'];

export function connectionView(c: ConnectionRecord): Connection {
  return {
    ConnectionName: c.name,
    ConnectionArn: c.arn,
    ProviderType: c.providerType,
    OwnerAccountId: scopeOfOwnArn(c.arn).account,
    ConnectionStatus: 'AVAILABLE',
    HostArn: c.hostArn,
  };
}

export function connectionHandlers(cc: ConnectionsContext, service: ConnectionsService): Handlers<CodeconnectionsOperations> {
  const m = cc.model;
  return {
    CreateConnection(input, ctx) {
      const scope = scopeOf(ctx);
      requireTokenReadable(cc, ctx, input.Tags);
      const host = input.HostArn === undefined ? undefined : requireHost(cc, scope, input.HostArn);
      const providerType = host?.providerType ?? input.ProviderType;
      if (!providerType) throw connectionsError.invalid('ProviderType', 'ProviderType or HostArn must be specified');
      if (host && input.ProviderType && input.ProviderType !== host.providerType)
        throw connectionsError.invalid('ProviderType', `'${input.ProviderType}' is not the host's provider type (${host.providerType})`);
      if (!host && SELF_MANAGED.includes(providerType))
        throw connectionsError.invalid('HostArn', `a ${providerType} connection needs the HostArn of a host (CreateHost)`);
      const tags = tagMap(input.Tags);
      const id = uuid();
      const record: ConnectionRecord = {
        id,
        arn: connectionsArn.connection(scope, service, id),
        scope: scopeKey(scope),
        name: input.ConnectionName,
        providerType,
        hostId: host?.id,
        hostArn: host?.arn,
        tags,
        createdAt: cc.clock.now(),
      };
      m.tx(() => {
        if (m.connections.count({ scope: record.scope }) >= MAX_CONNECTIONS) throw connectionsError.tooManyConnections(MAX_CONNECTIONS);
        m.putConnection(record);
      });
      return { ConnectionArn: record.arn, Tags: input.Tags === undefined ? undefined : tagList(tags) };
    },

    GetConnection(input, ctx) {
      return { Connection: connectionView(requireConnection(cc, scopeOf(ctx), input.ConnectionArn)) };
    },

    ListConnections(input, ctx) {
      const scope = scopeOf(ctx);
      const hostId = input.HostArnFilter === undefined ? undefined : requireHost(cc, scope, input.HostArnFilter).id;
      const all = m.connections
        .find({ scope: scopeKey(scope), host: hostId })
        .filter((c) => !input.ProviderTypeFilter || c.providerType === input.ProviderTypeFilter);
      const page = listPage(all, input, `connections/${input.ProviderTypeFilter ?? ''}/${hostId ?? ''}`);
      return { Connections: page.items.map(connectionView), NextToken: page.next };
    },

    DeleteConnection(input, ctx) {
      const connection = requireConnection(cc, scopeOf(ctx), input.ConnectionArn);
      m.tx(() => m.deleteConnection(connection.id));
      removeMirrors(cc, connection.id);
      return {};
    },
  };
}
