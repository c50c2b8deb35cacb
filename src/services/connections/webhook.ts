/**
 * @module services/connections/webhook
 * A provider's push webhook, pointed at POST /_slipway/connections/<connection id>/webhook:
 * GitHub's (`X-Hub-Signature-256`: HMAC-SHA256 of the body) or GitLab's (`X-Gitlab-Token`), checked
 * against the secret the connection's `slipway:webhook-secret` tag names before anything is read
 * from the body. The payload says only which repository to fetch; the commits come from the
 * fetch, and the changed files from git.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../core/log.ts';
import { scopeOfOwnArn } from '../../core/scope.ts';
import { header, readBody, sendJson } from '../../protocol/http.ts';
import { resolveCommit } from '../codecommit/index.ts';
import type { Route } from '../types.ts';
import { publishMoved } from './changes.ts';
import type { ConnectionsContext } from './context.ts';
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
  const push = payload && typeof payload === 'object' ? pushOf(req, payload) : undefined;
  if (!push) return sendJson(res, 202, { message: 'not a push; nothing to do' });
  let repository;
  try {
    repository = repositoryOf(cc, connection, push.fullRepositoryId);
    if (repository.location.kind !== 'remote')
      return sendJson(res, 409, { message: `connection ${connection.arn} reads Slipway's own git host, whose pushes need no webhook` });
    const { moved, first } = await repository.refresh('webhook');
    // A mirror's first fetch has nothing to compare with: the push's own ref and commits, once git has them, stand in.
    if (first && push.ref && push.after && (await resolveCommit(repository.dir, push.ref)) === push.after) {
      const before = push.before && (await resolveCommit(repository.dir, push.before)) ? push.before : ZERO;
      moved.push({ ref: push.ref, oldCommitId: before, newCommitId: push.after });
      await publishMoved(
        cc,
        { dir: repository.dir, fullRepositoryId: repository.fullRepositoryId, connectionArn: connection.arn },
        moved,
        'webhook',
      );
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
