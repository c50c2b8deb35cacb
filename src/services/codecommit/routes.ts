/**
 * @module services/codecommit/routes
 * Git over smart HTTP on the edge, at CodeCommit's path `/v1/repos/<name>` and at the local git
 * host's `/_slipway/git/<owner>/<repo>.git` (a path no S3 bucket can claim). A push to a local
 * host repository that does not exist yet creates it. After every push, each ref it moved is
 * published as a `codecommit.push` event.
 *
 * With signatures required, both answer only to the IAM identities their policies allow:
 * `codecommit:GitPull` to clone or fetch, `codecommit:GitPush` to push (and so to create), on the
 * repository's ARN; a local host repository's is `arn:aws:codecommit:<region>:<account>:<owner>/<repo>`
 * (no CodeCommit repository name has a '/'), in Slipway's default region.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { codecommitArn } from '../../core/ids.ts';
import { scopeKey } from '../../core/scope.ts';
import type { Route } from '../types.ts';
import { type CodecommitContext, PUSHED } from './context.ts';
import { git, headBranch, initBare, refs } from './git.ts';
import { hostedDir, isRepositoryName, repositoryDir } from './repositories.ts';
import { runHttpBackend } from './smart-http.ts';

const SERVICE = '(/info/refs|/git-upload-pack|/git-receive-pack)';
const ZERO = '0'.repeat(40);

/** Where a request's repository is, and what a push to it is published as. */
interface Target {
  dir: string;
  /** What its push events name: the repository's ARN, or owner/repo on the local host. */
  resource: string;
  /** What a caller must be allowed to pull from or push to. */
  arn: string;
  /** Slipway's own git host: it also takes an access key's secret as the password, and says no as GitHub does. */
  local: boolean;
  repository: Record<string, string>;
  /** Push-to-create: made on the first push. */
  creatable: boolean;
  pushed?: () => void;
}

/** A repository that does not exist: only what authorizing a request for it needs. */
type Absent = Pick<Target, 'arn' | 'resource' | 'local'>;

export function gitRoutes(cc: CodecommitContext): Route[] {
  return [
    {
      method: '*',
      path: new RegExp(`^/v1/repos/([^/]+)${SERVICE}$`),
      access: 'own', // Basic credentials, checked by serve()
      handle: (req, res, m) => serve(cc, req, res, codecommitTarget(cc, m[1]) ?? absentTarget(cc, m[1]), m[2]),
    },
    {
      method: '*',
      path: new RegExp(`^/_slipway/git/([^/]+)/([^/]+?)(?:\\.git)?${SERVICE}$`),
      access: 'own', // Basic credentials, checked by serve()
      handle: (req, res, m) => serve(cc, req, res, hostedTarget(cc, m[1], m[2]), m[3]),
    },
  ];
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

function codecommitTarget(cc: CodecommitContext, segment: string): Target | undefined {
  const name = decode(segment);
  if (!isRepositoryName(name)) return undefined;
  // The clone URL names no region: the default region's repository first, else the only one.
  const named = cc.model.repositoriesNamed(name);
  const home = scopeKey({ region: cc.config.defaultRegion, account: cc.config.account });
  const repo = named.find((r) => r.scope === home) ?? (named.length === 1 ? named[0] : undefined);
  if (!repo) return undefined;
  return {
    dir: repositoryDir(cc, repo),
    resource: repo.arn,
    arn: repo.arn,
    local: false,
    repository: { repositoryName: repo.name, repositoryId: repo.id, repositoryArn: repo.arn },
    creatable: false,
    pushed: () => cc.model.touch(repo.arn, cc.clock.now()),
  };
}

/** A CodeCommit repository that is not there, as a caller must be allowed to learn so: the ARN it would have in the default region. */
function absentTarget(cc: CodecommitContext, segment: string): Absent | undefined {
  const name = decode(segment);
  if (!isRepositoryName(name)) return undefined;
  const arn = codecommitArn.repository({ region: cc.config.defaultRegion, account: cc.config.account }, name);
  return { arn, resource: arn, local: false };
}

function hostedTarget(cc: CodecommitContext, ownerSegment: string, repoSegment: string): Target | undefined {
  const owner = decode(ownerSegment);
  const name = decode(repoSegment);
  const dir = hostedDir(cc, owner, name);
  if (!dir) return undefined;
  return {
    dir,
    resource: `${owner}/${name}`,
    arn: codecommitArn.repository({ region: cc.config.defaultRegion, account: cc.config.account }, `${owner}/${name}`),
    local: true,
    repository: { fullRepositoryId: `${owner}/${name}` },
    creatable: true,
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Repository not found\n');
}

async function serve(
  cc: CodecommitContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target | Absent | undefined,
  service: string,
): Promise<void> {
  if (!target) return notFound(res);
  const url = new URL(req.url ?? '/', 'http://edge');
  const pushing = service === '/git-receive-pack' || url.searchParams.get('service') === 'git-receive-pack';
  // Authorized first, as AWS does: a caller that may not use it does not learn whether it exists.
  if (refused(cc, req, res, target, url, service, pushing)) return;
  if (!('dir' in target)) return notFound(res);
  const exists = await hasRepository(target.dir);
  if (!exists && !(pushing && target.creatable)) return notFound(res);
  if (!exists) await initBare(target.dir);
  // PATH_INFO names the repository by its folder under the git root.
  const cgi = { projectRoot: cc.gitRoot, pathInfo: `/${relative(cc.gitRoot, target.dir)}${service}` };
  if (service !== '/git-receive-pack') return runHttpBackend(req, res, cgi);
  // Pushes to one repository take turns, so each event names exactly the refs its own push moved;
  // the events are out before the pusher's answer ends.
  return cc.pushes.take(target.dir, async () => {
    const before = await refs(target.dir);
    await runHttpBackend(req, res, { ...cgi, beforeEnd: () => published(cc, target, before) });
  });
}

/** Answers 401 (with a challenge, so git asks for credentials) or 403 when signatures are required and the caller may not. */
function refused(
  cc: CodecommitContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: Target | Absent,
  url: URL,
  service: string,
  pushing: boolean,
): boolean {
  if (!cc.identity) return false;
  const refusal = cc.identity.gitRefusal(req.headers.authorization, {
    host: req.headers.host ?? '',
    path: url.pathname.slice(0, url.pathname.length - service.length),
    action: pushing ? 'codecommit:GitPush' : 'codecommit:GitPull',
    resource: target.arn,
    secretKeyPassword: target.local,
    secure: (req.socket as { encrypted?: boolean }).encrypted === true,
  });
  if (!refusal) return false;
  req.resume();
  const realm = target.local ? 'Slipway git' : 'Slipway CodeCommit';
  const challenge = refusal.status === 401 ? { 'www-authenticate': `Basic realm="${realm}"` } : {};
  // git shows a text/plain answer's lines to its user as `remote: …`.
  const message =
    target.local && refusal.status === 403 ? `Permission to ${target.resource}.git denied: ${refusal.message}` : refusal.message;
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', ...challenge }).end(`${message}\n`);
  return true;
}

async function hasRepository(dir: string): Promise<boolean> {
  try {
    await git(dir, ['rev-parse', '--git-dir']);
    return true;
  } catch {
    return false;
  }
}

/** One event per ref the push moved; a repository's first branch becomes its default branch. */
async function published(cc: CodecommitContext, target: Target, before: Map<string, string>): Promise<void> {
  const after = await refs(target.dir);
  const moved = [...new Set([...before.keys(), ...after.keys()])].filter((ref) => before.get(ref) !== after.get(ref));
  if (moved.length === 0) return;
  if (!after.has(`refs/heads/${await headBranch(target.dir)}`)) {
    const first = moved.find((ref) => ref.startsWith('refs/heads/') && after.has(ref));
    if (first) await git(target.dir, ['symbolic-ref', 'HEAD', first]);
  }
  target.pushed?.();
  for (const ref of moved) {
    cc.events.publish({
      type: PUSHED,
      resource: target.resource,
      at: cc.clock.now(),
      detail: { ...target.repository, ref, oldCommitId: before.get(ref) ?? ZERO, newCommitId: after.get(ref) ?? ZERO },
    });
  }
}
