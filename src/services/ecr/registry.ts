/**
 * @module services/ecr/registry
 * The registry on the edge: OCI Distribution Spec v1.1 and Docker's Registry HTTP API v2 under
 * /v2/. This file authenticates, finds the repository a path names and hands the request to the
 * blob (registry-blobs.ts) or manifest (registry-manifests.ts) handlers.
 *
 * Repository names contain slashes, so each path is split on its LAST `/manifests/`, `/blobs/`,
 * `/tags/list` or `/referrers/`: `/v2/team/app/manifests/v1` is repository `team/app`, tag `v1`.
 * Every request but an anonymous `GET /v2/` needs `AWS:<password>` (Basic) or the password as a
 * Bearer token; the 401 carries the Basic challenge that makes `docker login` send them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../core/log.ts';
import type { Route } from '../types.ts';
import { type RegistryCaller, registryCaller } from './auth.ts';
import type { EcrContext } from './context.ts';
import { ecrError } from './errors.ts';
import { blobRequest, uploadRequest } from './registry-blobs.ts';
import { manifestRequest, referrersRequest, tagsRequest } from './registry-manifests.ts';
import { RegistryError, sendRegistryError, toRegistryError } from './registry-errors.ts';
import { API_VERSION_HEADER, header, pageAfterLast, sendJsonBody, type RegistryRequest } from './registry-http.ts';
import { findRepositoryByName } from './repositories.ts';

const log = logger('registry');

/** Repository names as the distribution spec and ECR allow them. */
export const REPOSITORY_NAME = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;
const CHALLENGE = { 'www-authenticate': 'Basic realm="Slipway ECR"' };

type Handler = (r: RegistryRequest, ref: string) => Promise<void> | void;

/** The ECR action each request is, by method, as ECR authorizes docker's pushes and pulls. */
type Actions = Partial<Record<string, string>>;

/** Most specific first: `…/blobs/uploads/…` before `…/blobs/<digest>`. `(.+)` is greedy, so the last marker wins. */
const PATHS: [RegExp, Handler, Actions][] = [
  [/^(.+)\/tags\/list$/, (r) => tagsRequest(r), { GET: 'ecr:ListImages' }],
  [
    /^(.+)\/manifests\/([^/]+)$/,
    manifestRequest,
    { GET: 'ecr:BatchGetImage', HEAD: 'ecr:BatchGetImage', PUT: 'ecr:PutImage', DELETE: 'ecr:BatchDeleteImage' },
  ],
  [
    /^(.+)\/blobs\/uploads\/?([^/]*)$/,
    uploadRequest,
    {
      POST: 'ecr:InitiateLayerUpload',
      PATCH: 'ecr:UploadLayerPart',
      PUT: 'ecr:CompleteLayerUpload',
      GET: 'ecr:UploadLayerPart',
      DELETE: 'ecr:UploadLayerPart',
    },
  ],
  [
    /^(.+)\/blobs\/([^/]+)$/,
    blobRequest,
    { GET: 'ecr:GetDownloadUrlForLayer', HEAD: 'ecr:BatchCheckLayerAvailability', DELETE: 'ecr:BatchDeleteImage' },
  ],
  [/^(.+)\/referrers\/([^/]+)$/, referrersRequest, { GET: 'ecr:BatchGetImage' }],
];

export function registryRoutes(ecr: EcrContext): Route[] {
  // Its callers are checked here: Basic or Bearer credentials from ecr get-login-password.
  return [{ method: '*', path: /^\/v2(\/.*)?$/, access: 'own', handle: (req, res) => serve(ecr, req, res) }];
}

async function serve(ecr: EcrContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/v2/', 'http://registry');
  const path = url.pathname.replace(/^\/v2\/?/, '');
  try {
    const caller = registryCaller(ecr, header(req, 'authorization'));
    if (path === '') return base(req, res, caller !== undefined);
    if (!caller)
      throw new RegistryError(
        'UNAUTHORIZED',
        'authentication required: docker login with the password from aws ecr get-login-password',
        {},
        CHALLENGE,
      );
    if (path === '_catalog') {
      permit(ecr, caller, 'ecr:DescribeRepositories', `arn:aws:ecr:${ecr.config.defaultRegion}:${ecr.config.account}:repository/*`);
      return catalog(ecr, url, res, req.method);
    }
    for (const [pattern, handler, actions] of PATHS) {
      const m = path.match(pattern);
      if (!m) continue;
      const name = decode(m[1]);
      if (!REPOSITORY_NAME.test(name) || name.length > 256)
        throw new RegistryError('NAME_INVALID', `invalid repository name '${name}'`, { name });
      const repo = findRepositoryByName(ecr, name);
      if (!repo) throw new RegistryError('NAME_UNKNOWN', ecrError.repositoryNotFound(name, ecr.config.account).message, { name });
      permit(ecr, caller, actions[req.method ?? 'GET'] ?? 'ecr:PutImage', repo.repository.repositoryArn);
      // A layer mounted from another repository is read from it.
      const from = url.searchParams.get('from');
      const source = req.method === 'POST' && url.searchParams.has('mount') && from ? findRepositoryByName(ecr, from) : undefined;
      if (source) permit(ecr, caller, 'ecr:GetDownloadUrlForLayer', source.repository.repositoryArn);
      return await handler({ ecr, req, res, url, name, repo, repositoryArn: repo.repository.repositoryArn }, decode(m[2] ?? ''));
    }
    const body = JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: `the registry serves nothing at ${url.pathname}`, detail: {} }] });
    res.writeHead(404, { ...API_VERSION_HEADER, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (err) {
    const known = toRegistryError(err);
    if (res.headersSent) {
      // Mid-body (a client that went away while pulling): nothing more can be said.
      if (!known) log.debug(`${req.method} ${url.pathname} failed after the response began: ${(err as Error).message}`);
      res.destroy();
      return;
    }
    // A refused upload's body is not wanted: close rather than read gigabytes to keep the connection.
    if (!req.complete && (Number(header(req, 'content-length') ?? 0) > 0 || header(req, 'transfer-encoding') !== undefined))
      res.setHeader('connection', 'close');
    if (known) return sendRegistryError(res, known);
    if (
      req.destroyed ||
      (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
      (err as NodeJS.ErrnoException).code === 'ECONNRESET'
    ) {
      log.debug(`${req.method} ${url.pathname}: the client went away (${(err as Error).message})`);
      res.destroy();
      return;
    }
    log.error(`${req.method} ${url.pathname} failed`, err);
    const body = JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'Slipway failed; see its log', detail: {} }] });
    res.writeHead(500, { ...API_VERSION_HEADER, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  }
}

/**
 * When signatures are required, a password asked for by an access key acts as that key's holder:
 * DENIED (403) unless its policies allow `action` on the repository. Slipway's own passwords
 * (handed to the engine for tasks' images) name no key and pass.
 */
function permit(ecr: EcrContext, caller: RegistryCaller, action: string, repositoryArn: string): void {
  if (!ecr.identity || caller.accessKeyId === undefined) return;
  const denial = ecr.identity.denial(caller.accessKeyId, action, repositoryArn);
  if (denial) throw new RegistryError('DENIED', denial);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RegistryError('NAME_INVALID', `'${segment}' is not a valid path segment`);
  }
}

/** `GET /v2/`: 200 to a client with credentials, else the challenge that makes it log in. */
function base(req: IncomingMessage, res: ServerResponse, authorized: boolean): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new RegistryError('UNSUPPORTED', `${req.method} /v2/ is not supported`);
  if (!authorized)
    throw new RegistryError(
      'UNAUTHORIZED',
      'authentication required: docker login with the password from aws ecr get-login-password',
      {},
      CHALLENGE,
    );
  res.writeHead(200, { ...API_VERSION_HEADER, 'content-type': 'application/json', 'content-length': 2 }).end('{}');
}

/** `GET /v2/_catalog`: every repository name, with the same n/last pagination as tag lists. */
function catalog(ecr: EcrContext, url: URL, res: ServerResponse, method: string | undefined): void {
  if (method !== 'GET') throw new RegistryError('UNSUPPORTED', `${method} /v2/_catalog is not supported`);
  const names = [...new Set(ecr.model.repositories.find().map((r) => r.repository.repositoryName))].sort();
  const page = pageAfterLast(names, url, '/v2/_catalog');
  sendJsonBody(res, 200, { repositories: page.items }, page.link ? { link: page.link } : {});
}
