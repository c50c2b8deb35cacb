/**
 * @module services/connections/model
 * Connection and host records and the only code that touches the room's tables. One record serves
 * both APIs: a connection made through codeconnections is found through codestar-connections by
 * the same id, as AWS's two names for one service do.
 *
 * Tables:
 *   connections_connections  pk connection id (UUID)       scope, name, host   (document: ConnectionRecord)
 *   connections_hosts        pk host id (<name>-<8 hex>)   scope, name         (document: HostRecord)
 *   connections_pulls        pk <owner/repo>#<number>      repo                (document: PullRequestRecord)
 *   connections_fork_pulls   pk <fork>#<owner/repo>#<n>    source              (document: {repo, number})
 *
 * `scope` is "<region>:<account>"; `host` is the host id a connection goes through, or ''; `repo` is
 * the owner/repo of Slipway's git host a pull request belongs to (pulls.ts), `source` the fork a
 * pull request's head comes from, so a push to the fork finds the requests it updates. What a
 * connection has fetched lives in git, in its mirrors under <data-dir>/connections/ (mirrors.ts).
 */
import type { DocTable, Store } from '../../store/index.ts';
import type { ProviderType, VpcConfiguration } from './shapes-codeconnections.ts';

export interface ConnectionRecord {
  id: string;
  /** The ARN as the API it was made through names it. */
  arn: string;
  scope: string;
  name: string;
  providerType: ProviderType;
  hostId?: string;
  hostArn?: string;
  tags: Record<string, string>;
  createdAt: number;
}

export interface HostRecord {
  id: string;
  arn: string;
  scope: string;
  name: string;
  providerType: ProviderType;
  providerEndpoint: string;
  vpcConfiguration?: VpcConfiguration;
  tags: Record<string, string>;
  createdAt: number;
}

/** A pull request of a repository on Slipway's own git host (providers keep their own). */
export interface PullRequestRecord {
  fullRepositoryId: string;
  number: number;
  title: string;
  sourceBranch: string;
  destinationBranch: string;
  /** The fork (owner/repo on the same host) the source branch is in; absent when it is this repository's. */
  sourceRepository?: string;
  state: 'OPEN' | 'CLOSED';
  createdAt: number;
  updatedAt: number;
}

export class ConnectionsModel {
  readonly connections: DocTable<ConnectionRecord, 'scope' | 'name' | 'host'>;
  readonly hosts: DocTable<HostRecord, 'scope' | 'name'>;
  readonly pulls: DocTable<PullRequestRecord, 'repo'>;
  readonly forkPulls: DocTable<{ repo: string; number: number }, 'source'>;

  constructor(readonly store: Store) {
    this.connections = store.docTable('connections_connections', { scope: 'TEXT', name: 'TEXT', host: 'TEXT' });
    this.hosts = store.docTable('connections_hosts', { scope: 'TEXT', name: 'TEXT' });
    this.pulls = store.docTable('connections_pulls', { repo: 'TEXT' });
    this.forkPulls = store.docTable('connections_fork_pulls', { source: 'TEXT' });
  }

  pullsOf(fullRepositoryId: string): PullRequestRecord[] {
    return this.pulls.find({ repo: fullRepositoryId }).sort((a, b) => a.number - b.number);
  }

  /** The pull requests, in any repository, whose source branch is in the fork `source`. */
  pullsFrom(source: string): PullRequestRecord[] {
    return this.forkPulls.find({ source }).flatMap(({ repo, number }) => this.pulls.get(`${repo}#${number}`) ?? []);
  }

  putPull(p: PullRequestRecord): void {
    const pk = `${p.fullRepositoryId}#${p.number}`;
    this.pulls.put(pk, p, { repo: p.fullRepositoryId });
    if (p.sourceRepository)
      this.forkPulls.put(`${p.sourceRepository}#${pk}`, { repo: p.fullRepositoryId, number: p.number }, { source: p.sourceRepository });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  connection(scope: string, id: string): ConnectionRecord | undefined {
    const record = this.connections.get(id);
    return record?.scope === scope ? record : undefined;
  }

  host(scope: string, id: string): HostRecord | undefined {
    const record = this.hosts.get(id);
    return record?.scope === scope ? record : undefined;
  }

  putConnection(c: ConnectionRecord): void {
    this.connections.put(c.id, c, { scope: c.scope, name: c.name, host: c.hostId ?? '' });
  }

  putHost(h: HostRecord): void {
    this.hosts.put(h.id, h, { scope: h.scope, name: h.name });
  }

  deleteConnection(id: string): void {
    this.connections.delete(id);
  }

  deleteHost(id: string): void {
    this.hosts.delete(id);
  }
}
