/**
 * @module services/connections
 * The connections room: codestar-connections and codeconnections (AWS JSON 1.0, one set of
 * records, two ARN service names) — hosts and connections that resolve a FullRepositoryId to
 * Slipway's own git host, the real provider, or a host's endpoint (source.ts); mirrors of remote
 * repositories (mirrors.ts); and change detection from local pushes, webhooks and polling, each
 * published as a `connections.change` event (changes.ts). The pipeline's source action reads
 * repositories through the facade.
 */
import { join } from 'node:path';
import { connectionsArn, type ConnectionsService, type Scope } from '../../core/ids.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { Turns } from '../../core/turns.ts';
import { loadModel, type ServiceModel } from '../../protocol/model.ts';
import type { CodecommitFacade } from '../codecommit/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { AppContext, Room, RoomWithFacade } from '../types.ts';
import { connectionView } from './api-connections.ts';
import { connectionsHandlers } from './api.ts';
import { watchLocalPushes } from './changes.ts';
import type { ConnectionsContext } from './context.ts';
import { ConnectionsModel } from './model.ts';
import { listMirrors } from './mirrors.ts';
import { pollController } from './poller.ts';
import { openRepository, type SourceRepository } from './repository.ts';
import { pullRoutes, watchPullRequestPushes } from './pulls.ts';
import { findConnection, requireConnection, requireHost } from './resolve.ts';
import { found, tagMap } from '../authorization.ts';
import type { Connection } from './shapes-codeconnections.ts';
import { webhookRoutes } from './webhook.ts';

export { CHANGED, type ChangeDetail } from './context.ts';
export { isRefName, SourceError, type CommitInfo, type SourceRepository } from './repository.ts';
export { repositorySegments } from './source.ts';

/** What other rooms (CodePipeline's source action) may ask of connections. */
export interface ConnectionsFacade {
  /** A connection of `scope` as GetConnection shows it, by either service's ARN; undefined when there is none. */
  connection(arn: string, scope: Scope): Connection | undefined;
  /** A repository through a connection; throws SourceError saying why it cannot be read. */
  open(connectionArn: string, fullRepositoryId: string, scope: Scope): SourceRepository;
}

export function register(
  app: AppContext,
  deps: { codecommit: CodecommitFacade; secrets: SecretsFacade },
): [RoomWithFacade<ConnectionsFacade>, Room] {
  const cc: ConnectionsContext = {
    ...app,
    ...deps,
    model: new ConnectionsModel(app.store),
    mirrorRoot: join(app.config.dataDir, 'connections'),
    fetches: new Turns(),
  };
  const poller = pollController(cc);
  let unwatch: (() => void) | undefined;
  /** Connections and hosts by ARN, under either prefix. */
  const authorization = (arn: string) => {
    const record = found(() => (connectionsArn.parse(arn)?.kind === 'host' ? requireHost : requireConnection)(cc, scopeOfOwnArn(arn), arn));
    return record && { tags: tagMap(record.tags) };
  };
  const api = (service: ConnectionsService, model: ServiceModel) => ({
    model,
    handlers: connectionsHandlers(cc, service),
    validation: { constraint: 'ValidationException', type: 'SerializationException' },
  });
  return [
    {
      name: 'codestar-connections',
      facade: {
        connection: (arn, scope) => {
          const found = findConnection(cc, scope, arn);
          return found && connectionView(found);
        },
        open: (connectionArn, fullRepositoryId, scope) => openRepository(cc, connectionArn, fullRepositoryId, scope),
      },
      api: api('codestar-connections', loadModel('codestar-connections')),
      routes: [...webhookRoutes(cc), ...pullRoutes(cc)],
      authorization,
      start() {
        const unwatchPushes = watchLocalPushes(cc);
        const unwatchPulls = watchPullRequestPushes(cc);
        unwatch = () => {
          unwatchPushes();
          unwatchPulls();
        };
        poller.start();
      },
      async stop() {
        unwatch?.();
        await poller.stop();
      },
      status: () => ({ connections: cc.model.connections.count(), hosts: cc.model.hosts.count(), mirrors: listMirrors(cc).length }),
    },
    { name: 'codeconnections', api: api('codeconnections', loadModel('codeconnections')), authorization },
  ];
}
