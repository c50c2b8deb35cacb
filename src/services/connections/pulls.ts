/**
 * @module services/connections/pulls
 * Pull requests on Slipway's own git host, which has no web page to open one on:
 *
 *   GET  /_slipway/git/<owner>/<repo>/pulls                    the repository's pull requests
 *   POST /_slipway/git/<owner>/<repo>/pulls                    {"source", "destination", "title"?, "sourceRepository"?}: opens one
 *   POST /_slipway/git/<owner>/<repo>/pulls/<number>/close     closes it (reopen: opens it again)
 *
 * (`slipway git pr …` calls them.) Each opening, push to an open request's source branch, and
 * closing is a change with the pull request's event, as a provider's webhook would bring
 * (changes.ts), so V2 triggers' pull-request filters start pipelines from the local host too. The
 * source branch may be in another repository of the host (a fork, `sourceRepository`); as GitHub
 * does, each request's head is published in the base repository as refs/pull/<number>/head, and
 * the event names that commit.
 *
 * With signatures required, each is authorized as git authorizes the repositories, on their ARNs
 * (arn:aws:codecommit:<region>:<account>:<owner>/<repo>): listing as codecommit:GitPull on the
 * base repository, opening and closing as codecommit:GitPush on it (a pull request starts
 * pipelines, as a push does), and a fork's branch as codecommit:GitPull on the fork.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlipwayEvent } from '../../core/events.ts';
import { codecommitArn } from '../../core/ids.ts';
import { logger } from '../../core/log.ts';
import { readBody, sendJson } from '../../protocol/http.ts';
import { git, PUSHED, resolveCommit } from '../codecommit/index.ts';
import type { Route } from '../types.ts';
import { publishPullRequest } from './changes.ts';
import type { ConnectionsContext, PullRequestEvent } from './context.ts';
import { ZERO } from './mirrors.ts';
import type { PullRequestRecord } from './model.ts';
import { isRefName } from './repository.ts';
import { repositorySegments } from './source.ts';

const log = logger('connections.pulls');
const REPO = '/_slipway/git/([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_.-]{1,100}?)(?:\\.git)?/pulls';

const view = (p: PullRequestRecord) => ({
  number: p.number,
  title: p.title,
  state: p.state,
  sourceBranch: p.sourceBranch,
  destinationBranch: p.destinationBranch,
  ...(p.sourceRepository ? { sourceRepository: p.sourceRepository } : {}),
});

/**
 * Answers AWS's refusal (403 AccessDeniedException) and returns true when signatures are required
 * and the caller may not perform `action` on the local host's repository `id`.
 */
function refused(cc: ConnectionsContext, req: IncomingMessage, res: ServerResponse, action: string, id: string): boolean {
  const arn = codecommitArn.repository({ region: cc.config.defaultRegion, account: cc.config.account }, id);
  const refusal = cc.identity?.endpointRefusal(req, action, arn);
  if (!refusal) return false;
  req.resume();
  sendJson(res, refusal.status, { __type: refusal.code, message: refusal.message });
  return true;
}

const eventOf = (p: PullRequestRecord, event: PullRequestEvent['event']): PullRequestEvent => ({
  id: String(p.number),
  event,
  sourceBranch: p.sourceBranch,
  destinationBranch: p.destinationBranch,
  title: p.title,
});

/**
 * Copies the source branch's head (from the fork, if it is one) to refs/pull/<number>/head of the
 * base repository, and publishes the event for that commit; nothing when no head was ever published.
 */
async function publish(cc: ConnectionsContext, dir: string, p: PullRequestRecord, event: PullRequestEvent['event']): Promise<void> {
  const from = p.sourceRepository ? cc.codecommit.gitDir({ fullRepositoryId: p.sourceRepository }) : dir;
  const ref = `refs/pull/${p.number}/head`;
  // A source branch deleted since keeps the head last published, as GitHub's refs/pull/<n>/head does.
  if (from)
    await git(dir, ['fetch', '--quiet', '--no-tags', '--end-of-options', from, `+refs/heads/${p.sourceBranch}:${ref}`]).catch(
      () => undefined,
    );
  const head = await resolveCommit(dir, ref);
  if (head) await publishPullRequest(cc, { dir, fullRepositoryId: p.fullRepositoryId }, eventOf(p, event), 'push', head);
}

async function open(cc: ConnectionsContext, req: IncomingMessage, res: ServerResponse, id: string, dir: string): Promise<void> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}');
  } catch {
    return sendJson(res, 400, { message: 'the body must be JSON: {"source": "<branch>", "destination": "<branch>", "title": "…"}' });
  }
  const { source, destination, title, sourceRepository } = body ?? {};
  let sourceDir = dir;
  if (sourceRepository !== undefined) {
    if (
      typeof sourceRepository !== 'string' ||
      repositorySegments(sourceRepository)?.join('/') !== sourceRepository ||
      sourceRepository.split('/').length !== 2
    )
      return sendJson(res, 400, { message: 'sourceRepository must be owner/repo on this host' });
    // Authorized before it is looked up, as git is: a caller that may not pull it does not learn whether it exists.
    if (sourceRepository !== id && refused(cc, req, res, 'codecommit:GitPull', sourceRepository)) return;
    const found = cc.codecommit.gitDir({ fullRepositoryId: sourceRepository });
    if (!found)
      return sendJson(res, 404, { message: `sourceRepository: repository ${sourceRepository} does not exist on Slipway's git host` });
    sourceDir = found;
  }
  const fork = sourceRepository === id ? undefined : (sourceRepository as string | undefined);
  for (const [field, value, where] of [
    ['source', source, fork ?? id],
    ['destination', destination, id],
  ] as const) {
    if (typeof value !== 'string' || !isRefName(value)) return sendJson(res, 400, { message: `${field} must name a branch` });
    if (!(await resolveCommit(field === 'source' ? sourceDir : dir, `refs/heads/${value}`)))
      return sendJson(res, 404, { message: `${field}: branch ${value} does not exist in ${where}` });
  }
  if (source === destination && !fork) return sendJson(res, 400, { message: 'source and destination must be different branches' });
  if (title !== undefined && (typeof title !== 'string' || title.length > 256))
    return sendJson(res, 400, { message: 'title must be a string of at most 256 characters' });
  const made = cc.model.tx(() => {
    const all = cc.model.pullsOf(id);
    const same = (p: PullRequestRecord) => p.sourceBranch === source && p.destinationBranch === destination && p.sourceRepository === fork;
    if (all.some((p) => p.state === 'OPEN' && same(p))) return undefined;
    const now = cc.clock.now();
    const p: PullRequestRecord = {
      fullRepositoryId: id,
      number: (all.at(-1)?.number ?? 0) + 1,
      title: (title as string | undefined) || `Merge ${source} into ${destination}`,
      sourceBranch: source as string,
      destinationBranch: destination as string,
      ...(fork ? { sourceRepository: fork } : {}),
      state: 'OPEN',
      createdAt: now,
      updatedAt: now,
    };
    cc.model.putPull(p);
    return p;
  });
  if (!made)
    return sendJson(res, 409, {
      message: `a pull request from ${fork ? `${fork}:` : ''}${source} into ${destination} is already open in ${id}`,
    });
  await publish(cc, dir, made, 'OPEN');
  sendJson(res, 201, view(made));
}

async function setState(cc: ConnectionsContext, res: ServerResponse, id: string, dir: string, number: number, verb: string): Promise<void> {
  const state = verb === 'close' ? 'CLOSED' : 'OPEN';
  const changed = cc.model.tx(() => {
    const p = cc.model.pullsOf(id).find((x) => x.number === number);
    if (!p || p.state === state) return p && { p, moved: false };
    const next = { ...p, state, updatedAt: cc.clock.now() } as PullRequestRecord;
    cc.model.putPull(next);
    return { p: next, moved: true };
  });
  if (!changed) return sendJson(res, 404, { message: `${id} has no pull request ${number}` });
  if (changed.moved) await publish(cc, dir, changed.p, state === 'CLOSED' ? 'CLOSED' : 'OPEN');
  sendJson(res, 200, view(changed.p));
}

/** Each push to the source branch of an open pull request on the git host (in its repository or fork) updates it; returns the unsubscribe. */
export function watchPullRequestPushes(cc: ConnectionsContext): () => void {
  const onPush = async (event: SlipwayEvent) => {
    const { fullRepositoryId, ref, newCommitId } = event.detail as Record<string, unknown>;
    if (typeof fullRepositoryId !== 'string' || typeof ref !== 'string' || !ref.startsWith('refs/heads/') || newCommitId === ZERO) return;
    const branch = ref.slice('refs/heads/'.length);
    const own = cc.model.pullsOf(fullRepositoryId).filter((p) => !p.sourceRepository);
    for (const p of [...own, ...cc.model.pullsFrom(fullRepositoryId)]) {
      const dir = cc.codecommit.gitDir({ fullRepositoryId: p.fullRepositoryId });
      if (dir && p.state === 'OPEN' && p.sourceBranch === branch) await publish(cc, dir, p, 'UPDATED');
    }
  };
  return cc.events.subscribe((event) => {
    if (event.type === PUSHED) onPush(event).catch((err) => log.warn(`a push to ${event.resource} did not update its pull requests`, err));
  });
}

export function pullRoutes(cc: ConnectionsContext): Route[] {
  /** The base repository's id and folder, once the caller may perform `action` on it; else answered (403, 404). */
  const found = (req: IncomingMessage, res: ServerResponse, m: RegExpMatchArray, action: string): [string, string] | undefined => {
    const id = `${m[1]}/${m[2]}`;
    if (refused(cc, req, res, action, id)) return undefined;
    const dir = cc.codecommit.gitDir({ fullRepositoryId: id });
    if (!dir) sendJson(res, 404, { message: `repository ${id} does not exist on Slipway's git host; push to it first` });
    return dir ? [id, dir] : undefined;
  };
  const guarded =
    (action: string, fn: (req: IncomingMessage, res: ServerResponse, id: string, dir: string, m: RegExpMatchArray) => Promise<void>) =>
    async (req: IncomingMessage, res: ServerResponse, m: RegExpMatchArray) => {
      const base = found(req, res, m, action);
      if (base) await fn(req, res, ...base, m);
    };
  // Each checks its caller itself (`own`): a fork is known only from the body.
  return [
    {
      method: 'GET',
      path: new RegExp(`^${REPO}$`),
      access: 'own',
      handle: guarded('codecommit:GitPull', async (_req, res, id) => sendJson(res, 200, { pullRequests: cc.model.pullsOf(id).map(view) })),
    },
    {
      method: 'POST',
      path: new RegExp(`^${REPO}$`),
      access: 'own',
      handle: guarded('codecommit:GitPush', (req, res, id, dir) => open(cc, req, res, id, dir)),
    },
    {
      method: 'POST',
      path: new RegExp(`^${REPO}/([0-9]{1,9})/(close|reopen)$`),
      access: 'own',
      handle: guarded('codecommit:GitPush', (_req, res, id, dir, m) => setState(cc, res, id, dir, Number(m[3]), m[4])),
    },
  ];
}
