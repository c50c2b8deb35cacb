/**
 * @module services/connections/api-hosts
 * CreateHost, GetHost, ListHosts, UpdateHost and DeleteHost: a host is a self-managed provider
 * (GitHub Enterprise Server, GitLab self-managed) at its ProviderEndpoint, AVAILABLE at once; any
 * git server that speaks smart HTTP will do, Slipway's own /_slipway/git among them.
 */
import { type ConnectionsService, connectionsArn } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { ConnectionsContext } from './context.ts';
import { connectionsError } from './errors.ts';
import type { HostRecord } from './model.ts';
import { listPage, requireHost, requireTokenReadable, tagList, tagMap } from './resolve.ts';
import type { CodeconnectionsOperations, Host } from './shapes-codeconnections.ts';
import { checkEndpoint } from './source.ts';

const MAX_HOSTS = 100;
const HOST_TYPES = ['GitHubEnterpriseServer', 'GitLabSelfManaged'];

function hostView(h: HostRecord): Host {
  return {
    Name: h.name,
    HostArn: h.arn,
    ProviderType: h.providerType,
    ProviderEndpoint: h.providerEndpoint,
    VpcConfiguration: h.vpcConfiguration,
    Status: 'AVAILABLE',
  };
}

export function hostHandlers(cc: ConnectionsContext, service: ConnectionsService): Handlers<CodeconnectionsOperations> {
  const m = cc.model;
  return {
    CreateHost(input, ctx) {
      const scope = scopeOf(ctx);
      if (!HOST_TYPES.includes(input.ProviderType))
        throw connectionsError.invalid('ProviderType', `a host is for ${HOST_TYPES.join(' or ')}, not ${input.ProviderType}`);
      const endpoint = checkEndpoint('ProviderEndpoint', input.ProviderEndpoint);
      const tags = tagMap(input.Tags);
      requireTokenReadable(cc, ctx, input.Tags);
      // The host's id carries its name, as AWS's do; characters an ARN path would split on become '-'.
      const id = connectionsArn.hostId(input.Name.replace(/[^A-Za-z0-9_.-]/g, '-'));
      const record: HostRecord = {
        id,
        arn: connectionsArn.host(scope, service, id),
        scope: scopeKey(scope),
        name: input.Name,
        providerType: input.ProviderType,
        providerEndpoint: endpoint,
        vpcConfiguration: input.VpcConfiguration,
        tags,
        createdAt: cc.clock.now(),
      };
      m.tx(() => {
        if (m.hosts.count({ scope: record.scope }) >= MAX_HOSTS) throw connectionsError.tooManyHosts(MAX_HOSTS);
        m.putHost(record);
      });
      return { HostArn: record.arn, Tags: input.Tags === undefined ? undefined : tagList(tags) };
    },

    GetHost(input, ctx) {
      const { HostArn: _, ...view } = hostView(requireHost(cc, scopeOf(ctx), input.HostArn));
      return view;
    },

    ListHosts(input, ctx) {
      const page = listPage(m.hosts.find({ scope: scopeKey(scopeOf(ctx)) }), input, 'hosts');
      return { Hosts: page.items.map(hostView), NextToken: page.next };
    },

    UpdateHost(input, ctx) {
      const host = requireHost(cc, scopeOf(ctx), input.HostArn);
      const endpoint = input.ProviderEndpoint === undefined ? undefined : checkEndpoint('ProviderEndpoint', input.ProviderEndpoint);
      m.hosts.modify(
        host.id,
        (h) =>
          Object.assign(h, {
            providerEndpoint: endpoint ?? h.providerEndpoint,
            vpcConfiguration: input.VpcConfiguration ?? h.vpcConfiguration,
          }),
        (h) => m.putHost(h),
      );
      return {};
    },

    DeleteHost(input, ctx) {
      const host = requireHost(cc, scopeOf(ctx), input.HostArn);
      m.tx(() => {
        const using = m.connections.count({ host: host.id });
        if (using > 0) throw connectionsError.hostInUse(host.arn, using);
        m.deleteHost(host.id);
      });
      return {};
    },
  };
}
