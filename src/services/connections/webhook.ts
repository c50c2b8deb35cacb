/**
 * @module services/connections/webhook
 * A provider's webhook, pointed at POST /_slipway/connections/<connection id>/webhook: GitHub's,
 * GitLab's, Bitbucket Cloud's or Azure DevOps' service hook, its signature (or token) checked
 * against the secret the connection's `slipway:webhook-secret` tag names before anything is read
 * from the body (payloads.ts). Pushes and pull requests — a fork's too — are taken. The payload
 * says only which repository to fetch and which pull request moved; the commits come from the
 * fetch, and the changed files from git.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deliveryPayload } from '../../core/delivery.ts';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { readBody, sendJson } from '../../protocol/http.ts';
import { resolveCommit } from '../codecommit/index.ts';
import type { Route } from '../types.ts';
import { publishMoved, publishPullRequest } from './changes.ts';
import type { ConnectionsContext } from './context.ts';
import { fetchRef, ZERO } from './mirrors.ts';
import { deliveryOf, type PullRequest, pullRequestOf, pushOf, verify } from './payloads.ts';
import { isRefName, repositoryOf, SourceError, type SourceRepository } from './repository.ts';
import { type GitLocation, WEBHOOK_TAG } from './source.ts';

const log = logger('connections.webhook');
/** GitHub caps a payload at 25 MB. */
const MAX_PAYLOAD = 25 * 1024 * 1024;

/**
 * The head commit of a pull request in the mirror: the commit the payload names when git has it
 * (without one, a fork's head is never a same-named branch of the base), else fetched
 * from where the provider publishes it (refs/pull/<n>/head, refs/merge-requests/<iid>/head), else
 * from the fork's branch, read through the connection as the base repository is; undefined when
 * none of them has it.
 */
async function pullHead(cc: ConnectionsContext, repository: SourceRepository, pr: PullRequest): Promise<string | undefined> {
  const { dir, location } = repository;
  const target = pr.headRef ?? `refs/pull/${pr.event.id}/head`;
  // The branch is read as a name only: `main~1` or `main@{1}` would be another commit to git.
  const named = async () => {
    if (pr.head) return /^[0-9a-f]{7,40}$/.test(pr.head) ? resolveCommit(dir, pr.head) : undefined;
    if (pr.fork) return resolveCommit(dir, target);
    return isRefName(pr.event.sourceBranch) ? resolveCommit(dir, `refs/heads/${pr.event.sourceBranch}`) : undefined;
  };
  if (pr.head || !pr.fork) {
    const head = await named();
    if (head || location.kind !== 'remote') return head;
  }
  if (location.kind !== 'remote') return undefined;
  return cc.fetches.take(dir, async () => {
    if (pr.headRef && (await fetchRef(cc, dir, location, pr.headRef, target))) {
      const head = await named();
      if (head) return head;
    }
    if (!pr.fork || !isRefName(pr.event.sourceBranch)) return undefined;
    let fork: GitLocation;
    try {
      fork = repositoryOf(cc, repository.connection, pr.fork).location;
    } catch (err) {
      if (err instanceof SourceError) return undefined;
      throw err;
    }
    if (fork.kind !== 'remote' || !(await fetchRef(cc, dir, fork, `refs/heads/${pr.event.sourceBranch}`, target))) return undefined;
    return named();
  });
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
  // An HMAC with an empty key, or an empty token, is anyone's to make.
  if (!secret) return sendJson(res, 403, { message: `the webhook secret of ${connection.arn} (${secretRef}) is empty` });
  const body = await readBody(req, MAX_PAYLOAD);
  const verified = verify(req, body, secret);
  if (!verified)
    return sendJson(res, 401, { message: verified === undefined ? 'the request is not signed' : 'the signature does not match' });
  let payload: Record<string, any>;
  try {
    payload = deliveryPayload(req.headers['content-type'], body) as Record<string, any>;
  } catch (err) {
    return sendJson(res, 400, { message: `the payload is not JSON: ${(err as Error).message}` });
  }
  const delivery = payload && typeof payload === 'object' ? deliveryOf(req, payload) : undefined;
  const push = delivery && pushOf(delivery, payload);
  const pullRequest = delivery && !push ? pullRequestOf(delivery, payload) : undefined;
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
      const head = await pullHead(cc, repository, pullRequest);
      if (!head)
        return sendJson(res, 422, {
          message: `${repository.fullRepositoryId} has no commit for pull request ${pullRequest.event.id}'s head${pullRequest.fork ? ` (from ${pullRequest.fork})` : ''}`,
        });
      // A fork's head is named with the fork, from which a build or a later run fetches it when the repository does not hold it.
      await publishPullRequest(cc, source, pullRequest.event, 'webhook', head, pullRequest.fork);
      return sendJson(res, 200, {
        fetched: repository.fullRepositoryId,
        pullRequest: pullRequest.event.id,
        event: pullRequest.event.event,
        ...(pullRequest.fork ? { fork: pullRequest.fork } : {}),
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
