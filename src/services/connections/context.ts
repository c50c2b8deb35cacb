/**
 * @module services/connections/context
 * What every part of the connections room shares: the app's parts, its tables, the facades of the
 * rooms it reads through (the local git host, Secrets Manager for tokens and webhook secrets), the
 * folder its mirrors live under, and the turns that keep two fetches of one mirror apart.
 */
import type { Turns } from '../../core/turns.ts';
import type { CodecommitFacade } from '../codecommit/index.ts';
import type { SecretsFacade } from '../secrets/index.ts';
import type { AppContext } from '../types.ts';
import type { ConnectionsModel } from './model.ts';

/**
 * Published on the event bus for each branch or tag that moved in a repository a connection reads.
 * resource: the connection's ARN (a remote repository), or owner/repo (Slipway's own git host,
 * which every connection without a remote reads). detail: ChangeDetail.
 */
export const CHANGED = 'connections.change';

export interface ChangeDetail {
  fullRepositoryId: string;
  /** Set for a remote repository: the connection whose mirror saw the change. */
  connectionArn?: string;
  ref: string;
  branch?: string;
  tag?: string;
  /** 40 zeros when the ref is new (old) or deleted (new). */
  oldCommitId: string;
  newCommitId: string;
  /** Paths changed between the two commits, from git itself; every path of the commit for a new ref. */
  changedFiles: string[];
  /** How the change was seen: a push to Slipway's git host, a provider's webhook, or a poll. */
  via: 'push' | 'webhook' | 'poll';
  /**
   * Set for a pull request's event: then `branch` and `newCommitId` are its source branch and head,
   * `oldCommitId` the merge base with the destination, and `changedFiles` what the request changes.
   */
  pullRequest?: PullRequestEvent;
  /**
   * Set for a pull request from a fork: the fork (read through the same connection) its head comes
   * from, which a build fetches it from when the repository does not publish it (Bitbucket's and
   * Azure DevOps' forks).
   */
  headRepository?: string;
}

/** A pull request opened (or reopened), updated with new commits, or closed (merged or not). */
export interface PullRequestEvent {
  id: string;
  event: 'OPEN' | 'UPDATED' | 'CLOSED';
  sourceBranch: string;
  destinationBranch: string;
  title?: string;
}

export interface ConnectionsContext extends AppContext {
  model: ConnectionsModel;
  codecommit: CodecommitFacade;
  secrets: SecretsFacade;
  /** <data-dir>/connections: one bare mirror per connection and remote repository. */
  mirrorRoot: string;
  /** Fetches into one mirror take turns, so each change is published once. */
  fetches: Turns;
}
