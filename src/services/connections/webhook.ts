/**
 * @module services/connections/webhook
 * A provider's webhook, pointed at POST /_slipway/connections/<connection id>/webhook:
 * GitHub's (`X-Hub-Signature-256`: HMAC-SHA256 of the body) or GitLab's (`X-Gitlab-Token`), checked
 * against the secret the connection's `slipway:webhook-secret` tag names before anything is read
 * from the body. Pushes (GitHub `push`, GitLab `Push Hook`) and pull requests (GitHub
 * `pull_request` opened, reopened, synchronize, closed; GitLab `Merge Request Hook`) are taken.
 * The payload says only which repository to fetch and which pull request moved; the commits come
 * from the fetch, and the changed files from git.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { header, readBody, sendJson } from '../../protocol/http.ts';
import { resolveCommit } from '../codecommit/index.ts';
import type { Route } from '../types.ts';
import { publishMoved, publishPullRequest } from './changes.ts';
import type { ConnectionsContext, PullRequestEvent } from './context.ts';
import { ZERO } from './mirrors.ts';
import { repositoryOf, SourceError } from './repository.ts';
import { WEBHOOK_TAG } from './source.ts';

const log = logger('connections.webhook');
/** GitHub caps a payload at 25 MB. */
const MAX_PAYLOAD = 25 * 1024 * 1024;

/** Equal strings, compared in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Which provider signed the request and whether the signature holds; undefined when neither header is there. */
function verify(req: IncomingMessage, body: Buffer, secret: string): boolean | undefined {
  const signature = header(req, 'x-hub-signature-256');
  if (signature !== undefined) return sameSecret(signature, `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const token = header(req, 'x-gitlab-token');
  if (token !== undefined) return sameSecret(token, secret);
  return undefined;
}

interface Push {
  fullRepositoryId: string;
  ref?: string;
  before?: string;
  after?: string;
}

/** The push a payload describes; undefined for an event that is not a push (ping, issues, …). */
function pushOf(req: IncomingMessage, payload: Record<string, any>): Push | undefined {
  const github = header(req, 'x-github-event');
  const gitlab = header(req, 'x-gitlab-event');
  const name =
    github === 'push'
      ? payload.repository?.full_name
      : /^(Tag )?Push Hook$/.test(gitlab ?? '')
        ? payload.project?.path_with_namespace
        : undefined;
  if (typeof name !== 'string') return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { fullRepositoryId: name, ref: text(payload.ref), before: text(payload.before), after: text(payload.after) };
}

/** GitHub's pull_request actions and GitLab's merge request actions, as CodePipeline's pull request events. */
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

interface PullRequest {
  fullRepositoryId: string;
  event: PullRequestEvent;
  /** The head commit the payload names; git decides whether it has it (changes.ts). */
  head?: string;
}

/** The pull request event a payload describes; undefined for any other (an edited title, a label, a push, …). */
function pullRequestOf(req: IncomingMessage, payload: Record<string, any>): PullRequest | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  let found: Omit<PullRequest, 'event'> & {
    event?: PullRequestEvent['event'];
    id?: unknown;
    title?: unknown;
    source?: unknown;
    destination?: unknown;
  };
  if (header(req, 'x-github-event') === 'pull_request') {
    const pr = payload.pull_request ?? {};
    found = {
      fullRepositoryId: payload.repository?.full_name,
      event: GITHUB_ACTIONS[payload.action],
      id: pr.number,
      title: pr.title,
      source: pr.head?.ref,
      destination: pr.base?.ref,
      head: text(pr.head?.sha),
    };
  } else if (header(req, 'x-gitlab-event') === 'Merge Request Hook') {
    const mr = payload.object_attributes ?? {};
    // An update without new commits (a title, a label) is no UPDATED event.
    const event = mr.action === 'update' && !mr.oldrev ? undefined : GITLAB_ACTIONS[mr.action];
    found = {
      fullRepositoryId: payload.project?.path_with_namespace,
      event,
      id: mr.iid,
      title: mr.title,
      source: mr.source_branch,
      destination: mr.target_branch,
      head: text(mr.last_commit?.id),
    };
  } else return undefined;
  const { fullRepositoryId, event, id, source, destination } = found;
  if (!text(fullRepositoryId) || !event || (typeof id !== 'number' && !text(id)) || !text(source) || !text(destination)) return undefined;
  return {
    fullRepositoryId,
    head: found.head,
    event: { id: String(id), event, sourceBranch: source as string, destinationBranch: destination as string, title: text(found.title) },
  };
}

async function receive(cc: ConnectionsContext, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const connection = cc.model.connections.get(id);
  if (!connection) return sendJson(res, 404, { message: `no connection ${id.slice(0, 64)}` });
  const secretRef = connection.tags[WEBHOOK_TAG];
  if (!secretRef) return sendJson(res, 403, { message: `connection ${connection.arn} takes no webhook: tag it ${WEBHOOK_TAG} = <secret>` });
  let secret: string;
  try {
    secret = cc.secrets.resolveSecret(secretRef, scopeOfOwnArn(connection.arn));
  } catch (err) {
    return sendJson(res, 403, { message: `the webhook secret of ${connection.arn} cannot be read: ${(err as Error).message}` });
  }
  const body = await readBody(req, MAX_PAYLOAD);
  const verified = verify(req, body, secret);
  if (!verified)
    return sendJson(res, 401, { message: verified === undefined ? 'the request is not signed' : 'the signature does not match' });
  let payload: Record<string, any>;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, { message: 'the payload is not JSON' });
  }
  const object = payload && typeof payload === 'object';
  const push = object ? pushOf(req, payload) : undefined;
  const pullRequest = object && !push ? pullRequestOf(req, payload) : undefined;
  const named = push ?? pullRequest;
  if (!named) return sendJson(res, 202, { message: 'neither a push nor a pull request event; nothing to do' });
  let repository;
  try {
    repository = repositoryOf(cc, connection, named.fullRepositoryId);
    if (repository.location.kind !== 'remote')
      return sendJson(res, 409, { message: `connection ${connection.arn} reads Slipway's own git host, whose pushes need no webhook` });
    const { moved, first } = await repository.refresh('webhook');
    const source = { dir: repository.dir, fullRepositoryId: repository.fullRepositoryId, connectionArn: connection.arn };
    if (pullRequest) {
      if (!(await publishPullRequest(cc, source, pullRequest.event, 'webhook', pullRequest.head)))
        return sendJson(res, 422, {
          message: `${repository.fullRepositoryId} has no commit for pull request ${pullRequest.event.id}'s head`,
        });
      return sendJson(res, 200, {
        fetched: repository.fullRepositoryId,
        pullRequest: pullRequest.event.id,
        event: pullRequest.event.event,
      });
    }
    // A mirror's first fetch has nothing to compare with: the push's own ref and commits, once git has them, stand in.
    if (push && first && push.ref && push.after && (await resolveCommit(repository.dir, push.ref)) === push.after) {
      const before = push.before && (await resolveCommit(repository.dir, push.before)) ? push.before : ZERO;
      moved.push({ ref: push.ref, oldCommitId: before, newCommitId: push.after });
      await publishMoved(cc, source, moved, 'webhook');
    }
    sendJson(res, 200, { fetched: repository.fullRepositoryId, changes: moved.length });
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    log.warn(`webhook for ${connection.arn}: ${err.message}`);
    sendJson(res, 502, { message: err.message });
  }
}

export function webhookRoutes(cc: ConnectionsContext): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/_slipway\/connections\/([0-9a-f-]{36})\/webhook$/,
      access: 'own', // the provider signs it with the connection's webhook secret; unsigned, it does nothing
      handle: (req, res, m) => receive(cc, req, res, m[1]),
    },
  ];
}
