/**
 * @module services/connections/payloads
 * What a provider's webhook delivery says, as each provider sends it:
 *
 *   GitHub        X-GitHub-Event      X-Hub-Signature-256: sha256=HMAC-SHA256(body, secret)
 *   GitLab        X-Gitlab-Event      X-Gitlab-Token: the secret
 *   Bitbucket     X-Event-Key         X-Hub-Signature: sha256=HMAC-SHA256(body, secret)
 *   Azure DevOps  body's eventType    Authorization: Basic <user:secret> (the service hook's basic authentication)
 *
 * Only the repository, the ref or pull request that moved, the commit it names and, for a pull
 * request from a fork, the fork are read; commits and changed files come from git.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from '../../core/secret.ts';
import type { IncomingMessage } from 'node:http';
import { header } from '../../protocol/http.ts';
import type { PullRequestEvent } from './context.ts';

/** Whether the delivery's signature (or token, or password) holds; undefined when it carries none. */
export function verify(req: IncomingMessage, body: Buffer, secret: string): boolean | undefined {
  const signature = header(req, 'x-hub-signature-256') ?? (header(req, 'x-event-key') ? header(req, 'x-hub-signature') : undefined);
  if (signature !== undefined) return sameSecret(signature, `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const token = header(req, 'x-gitlab-token');
  if (token !== undefined) return sameSecret(token, secret);
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header(req, 'authorization') ?? '');
  if (basic) {
    const password = /^[^:]*:(.*)$/s.exec(Buffer.from(basic[1], 'base64').toString('utf8'))?.[1];
    return password !== undefined && sameSecret(password, secret);
  }
  return undefined;
}

/** The delivery's provider and event name (Azure DevOps names it in the body). */
export interface Delivery {
  provider: 'GitHub' | 'GitLab' | 'Bitbucket' | 'AzureDevOps';
  event: string;
}

export function deliveryOf(req: IncomingMessage, payload: Record<string, any>): Delivery | undefined {
  const github = header(req, 'x-github-event');
  if (github) return { provider: 'GitHub', event: github };
  const gitlab = header(req, 'x-gitlab-event');
  if (gitlab) return { provider: 'GitLab', event: gitlab };
  const bitbucket = header(req, 'x-event-key');
  if (bitbucket) return { provider: 'Bitbucket', event: bitbucket };
  if (typeof payload.eventType === 'string') return { provider: 'AzureDevOps', event: payload.eventType };
  return undefined;
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Azure DevOps' repository remoteUrl (https://dev.azure.com/<org>/<project>/_git/<repo>) as org/project/repo. */
function azureRepositoryId(remoteUrl: unknown): string | undefined {
  let url: URL;
  let segments: string[];
  try {
    url = new URL(String(remoteUrl));
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // not a URL, or a broken escape in its path
  }
  const at = segments.indexOf('_git');
  if (at < 1 || at !== segments.length - 2) return undefined;
  // <org>.visualstudio.com/<project>/_git/<repo> names the organization in the host.
  const organization = at >= 2 ? segments[at - 2] : url.hostname.split('.')[0];
  return [organization, segments[at - 1], segments[at + 1]].join('/');
}

export interface Push {
  fullRepositoryId: string;
  ref?: string;
  before?: string;
  after?: string;
}

/** The push a delivery describes; undefined for an event that is not a push (ping, issues, …). */
export function pushOf(delivery: Delivery, payload: Record<string, any>): Push | undefined {
  const { provider, event } = delivery;
  if (provider === 'GitHub' && event === 'push')
    return {
      fullRepositoryId: payload.repository?.full_name,
      ref: text(payload.ref),
      before: text(payload.before),
      after: text(payload.after),
    };
  if (provider === 'GitLab' && /^(Tag )?Push Hook$/.test(event))
    return {
      fullRepositoryId: payload.project?.path_with_namespace,
      ref: text(payload.ref),
      before: text(payload.before),
      after: text(payload.after),
    };
  if (provider === 'Bitbucket' && event === 'repo:push') {
    const change = payload.push?.changes?.[0] ?? {};
    const side = change.new ?? change.old;
    const ref = side && text(side.name) && `refs/${side.type === 'tag' ? 'tags' : 'heads'}/${side.name}`;
    return {
      fullRepositoryId: payload.repository?.full_name,
      ref,
      before: text(change.old?.target?.hash),
      after: text(change.new?.target?.hash),
    };
  }
  if (provider === 'AzureDevOps' && event === 'git.push') {
    const update = payload.resource?.refUpdates?.[0] ?? {};
    const id = azureRepositoryId(payload.resource?.repository?.remoteUrl);
    return id
      ? { fullRepositoryId: id, ref: text(update.name), before: text(update.oldObjectId), after: text(update.newObjectId) }
      : undefined;
  }
  return undefined;
}

export interface PullRequest {
  fullRepositoryId: string;
  event: PullRequestEvent;
  /** The head commit the payload names (Bitbucket abbreviates it); git decides whether it has it. */
  head?: string;
  /** Where the provider publishes the head in the base repository, whoever's it is: GitHub's refs/pull/<n>/head. */
  headRef?: string;
  /** The repository the head comes from when it is not the base repository (a fork). */
  fork?: string;
}

/** GitHub's pull_request actions, GitLab's merge request actions and Bitbucket's event keys, as CodePipeline's events. */
const GITHUB_ACTIONS: Record<string, PullRequestEvent['event']> = {
  opened: 'OPEN',
  reopened: 'OPEN',
  synchronize: 'UPDATED',
  closed: 'CLOSED',
};
const GITLAB_ACTIONS: Record<string, PullRequestEvent['event']> = {
  open: 'OPEN',
  reopen: 'OPEN',
  update: 'UPDATED',
  close: 'CLOSED',
  merge: 'CLOSED',
};
const BITBUCKET_EVENTS: Record<string, PullRequestEvent['event']> = {
  'pullrequest:created': 'OPEN',
  'pullrequest:updated': 'UPDATED',
  'pullrequest:fulfilled': 'CLOSED',
  'pullrequest:rejected': 'CLOSED',
};

/** Azure DevOps' pull request events: an update is a push to its source, a reactivation, or its completion or abandonment. */
function azureEvent(event: string, resource: Record<string, any>, message: unknown): PullRequestEvent['event'] | undefined {
  if (resource.status === 'completed' || resource.status === 'abandoned')
    return event === 'git.pullrequest.updated' || event === 'git.pullrequest.merged' ? 'CLOSED' : undefined;
  if (event === 'git.pullrequest.created') return 'OPEN';
  if (event !== 'git.pullrequest.updated') return undefined;
  if (/updated the source branch/i.test(String(message))) return 'UPDATED';
  return /reactivated/i.test(String(message)) ? 'OPEN' : undefined;
}

interface Found {
  fullRepositoryId?: unknown;
  event?: PullRequestEvent['event'];
  id?: unknown;
  title?: unknown;
  source?: unknown;
  destination?: unknown;
  head?: string;
  headRef?: string;
  fork?: unknown;
  base?: unknown;
}

function foundIn(delivery: Delivery, payload: Record<string, any>): Found | undefined {
  const { provider, event } = delivery;
  if (provider === 'GitHub' && event === 'pull_request') {
    const pr = payload.pull_request ?? {};
    return {
      fullRepositoryId: payload.repository?.full_name,
      event: GITHUB_ACTIONS[payload.action],
      id: pr.number,
      title: pr.title,
      source: pr.head?.ref,
      destination: pr.base?.ref,
      head: text(pr.head?.sha),
      headRef: `refs/pull/${pr.number}/head`,
      fork: pr.head?.repo?.full_name,
      base: pr.base?.repo?.full_name ?? payload.repository?.full_name,
    };
  }
  if (provider === 'GitLab' && event === 'Merge Request Hook') {
    const mr = payload.object_attributes ?? {};
    const forked = mr.source_project_id !== undefined && mr.source_project_id !== mr.target_project_id;
    return {
      fullRepositoryId: payload.project?.path_with_namespace,
      // An update without new commits (a title, a label) is no UPDATED event.
      event: mr.action === 'update' && !mr.oldrev ? undefined : GITLAB_ACTIONS[mr.action],
      id: mr.iid,
      title: mr.title,
      source: mr.source_branch,
      destination: mr.target_branch,
      head: text(mr.last_commit?.id),
      headRef: `refs/merge-requests/${mr.iid}/head`,
      fork: forked ? (mr.source?.path_with_namespace ?? null) : undefined,
    };
  }
  if (provider === 'Bitbucket' && BITBUCKET_EVENTS[event]) {
    const pr = payload.pullrequest ?? {};
    return {
      fullRepositoryId: payload.repository?.full_name,
      event: BITBUCKET_EVENTS[event],
      id: pr.id,
      title: pr.title,
      source: pr.source?.branch?.name,
      destination: pr.destination?.branch?.name,
      head: text(pr.source?.commit?.hash),
      fork: pr.source?.repository?.full_name,
      base: pr.destination?.repository?.full_name ?? payload.repository?.full_name,
    };
  }
  if (provider === 'AzureDevOps' && event.startsWith('git.pullrequest.')) {
    const pr = payload.resource ?? {};
    const branch = (ref: unknown) =>
      typeof ref === 'string' && ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    return {
      fullRepositoryId: azureRepositoryId(pr.repository?.remoteUrl),
      event: azureEvent(event, pr, payload.message?.text),
      id: pr.pullRequestId,
      title: pr.title,
      source: branch(pr.sourceRefName),
      destination: branch(pr.targetRefName),
      head: text(pr.lastMergeSourceCommit?.commitId),
      fork: pr.forkSource ? (azureRepositoryId(pr.forkSource.repository?.remoteUrl) ?? null) : undefined,
    };
  }
  return undefined;
}

/** The pull request event a delivery describes; undefined for any other (an edited title, a label, a push, …). */
export function pullRequestOf(delivery: Delivery, payload: Record<string, any>): PullRequest | undefined {
  const found = foundIn(delivery, payload);
  if (!found) return undefined;
  const { fullRepositoryId, event, id, source, destination } = found;
  // Every provider numbers its pull requests; the number goes into refs (refs/pull/<n>/head), where '*' or ':' would be a refspec's.
  const numbered = (Number.isSafeInteger(id) && (id as number) > 0) || (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id));
  if (!text(fullRepositoryId) || !event || !numbered || !text(source) || !text(destination)) return undefined;
  // A fork the payload names but does not say where (null) cannot be fetched; its head is then looked for as named.
  const fork = text(found.fork) && found.fork !== (found.base ?? fullRepositoryId) ? (found.fork as string) : undefined;
  return {
    fullRepositoryId: fullRepositoryId as string,
    head: found.head,
    headRef: found.headRef,
    fork,
    event: { id: String(id), event, sourceBranch: source as string, destinationBranch: destination as string, title: text(found.title) },
  };
}
