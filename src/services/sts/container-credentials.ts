/**
 * @module services/sts/container-credentials
 * The container credentials endpoint, as the ECS agent serves it: a task (or build) is given
 * AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN, and the SDKs and the aws
 * CLI fetch its role's temporary credentials from there, again before they expire.
 *
 * Why 169.254.170.2: the SDKs fetch a FULL_URI over plain http only from loopback or the ECS
 * link-local address, and a container cannot reach the host's loopback. Slipway asks the engine for
 * a small bridge network whose gateway is 169.254.170.2, so the host owns that address, and listens
 * on it. Containers on any bridge (tasks, awsvpc namespaces, builds) route to it through their own
 * gateway, and host-mode containers reach it directly; no root, routes or iptables are needed.
 * Anyone on the host's networks can connect, so each holder has its own unguessable path and
 * token, and reads its own role's credentials only. Grants are kept in the store, and the endpoint
 * reopens on the same port, so tasks that outlive a restart keep fetching from the URI they were given.
 *
 * Table sts_container_grants: pk = holder ARN; column path; document StoredGrant.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { openServer, type OpenServer } from '../../core/listen.ts';
import { logger } from '../../core/log.ts';
import type { DocTable } from '../../store/index.ts';
import type { IssuedCredentials } from '../iam/index.ts';
import type { AppContext } from '../types.ts';

const log = logger('sts.container-credentials');

/** The engine network that gives the host the ECS credentials address. */
export const CREDENTIALS_NETWORK = { name: 'slipway-credentials', subnet: '169.254.170.0/30', address: '169.254.170.2' } as const;

/** Credentials are renewed this long before they expire (the SDKs fetch again 5 minutes before). */
const RENEW_BEFORE_MS = 15 * 60_000;

export interface CredentialsGrant {
  /** The task's or build's ARN: one grant per holder. */
  holder: string;
  roleArn: string;
  sessionName: string;
  servicePrincipal: string;
  region: string;
}

type Mint = (roleArn: string, sessionName: string, servicePrincipal: string, region: string) => IssuedCredentials;

interface StoredGrant extends CredentialsGrant {
  path: string;
  token: string;
}

interface Held extends StoredGrant {
  /** Minted at the grant, and again near their end; none yet for a grant resumed after a restart. */
  current?: IssuedCredentials;
  /** Every key issued to this holder that has not expired: a fetched key stays good until its own expiry. */
  keys: Map<string, number>;
}

const PORT_KEY = 'sts.container-credentials.port';

export class ContainerCredentials {
  private readonly table: DocTable<StoredGrant, 'path'>;
  private readonly held = new Map<string, Held>();
  private readonly byPath = new Map<string, Held>();
  private server?: OpenServer;
  private base?: Promise<string>;

  constructor(
    private readonly app: AppContext,
    private readonly mint: Mint,
  ) {
    this.table = app.store.docTable('sts_container_grants', { path: 'TEXT' });
  }

  /** Serves again the grants an earlier run made, if any (their tasks may still be running). */
  async resume(): Promise<void> {
    const grants = this.table.find();
    for (const g of grants) this.remember({ ...g, keys: new Map() });
    if (grants.length) await this.open().catch((err) => log.warn((err as Error).message));
  }

  private remember(h: Held): void {
    this.held.set(h.holder, h);
    this.byPath.set(h.path, h);
  }

  /**
   * The environment that lets a holder's SDKs fetch its role's credentials. The first session is
   * minted now, so a role the service may not assume fails here (ServiceRoleError).
   */
  async grant(grant: CredentialsGrant): Promise<Record<string, string>> {
    const base = await this.open();
    let h = this.held.get(grant.holder);
    if (!h || h.roleArn !== grant.roleArn) {
      if (h) this.revoke(h.holder);
      const current = this.mint(grant.roleArn, grant.sessionName, grant.servicePrincipal, grant.region);
      const stored: StoredGrant = { ...grant, path: randomBytes(18).toString('base64url'), token: randomBytes(32).toString('base64url') };
      this.table.put(grant.holder, stored, { path: stored.path });
      h = { ...stored, current, keys: new Map([[current.accessKeyId, current.expiration]]) };
      this.remember(h);
    }
    return { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/v2/credentials/${h.path}`, AWS_CONTAINER_AUTHORIZATION_TOKEN: h.token };
  }

  revoke(holder: string): void {
    this.table.delete(holder);
    const h = this.held.get(holder);
    if (!h) return;
    this.held.delete(holder);
    this.byPath.delete(h.path);
  }

  /** The holder of a live grant that was issued this key, unexpired; undefined for any other key. */
  holderOfKey(accessKeyId: string): string | undefined {
    const now = this.app.clock.now();
    for (const h of this.held.values()) {
      const expiration = h.keys.get(accessKeyId);
      if (expiration !== undefined && expiration > now) return h.holder;
    }
    return undefined;
  }

  /** The holder's credentials, renewed when they are near their end. */
  private credentialsOf(h: Held): IssuedCredentials {
    const now = this.app.clock.now();
    if (!h.current || h.current.expiration - now <= RENEW_BEFORE_MS) {
      h.current = this.mint(h.roleArn, h.sessionName, h.servicePrincipal, h.region);
      for (const [key, expiration] of h.keys) if (expiration <= now) h.keys.delete(key);
      h.keys.set(h.current.accessKeyId, h.current.expiration);
    }
    return h.current;
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const match = /^\/v2\/credentials\/([\w-]+)$/.exec(new URL(req.url ?? '/', 'http://endpoint').pathname);
    if (req.method !== 'GET') return reply(405, { code: 'MethodNotAllowed', message: 'Only GET is served' });
    if (!match) return reply(400, { code: 'NoIdInRequest', message: 'CredentialsV2Request: No ID in the request' });
    const h = this.byPath.get(match[1]);
    if (!h) return reply(400, { code: 'InvalidIdInRequest', message: 'CredentialsV2Request: Credentials not found' });
    if (!sameSecret(req.headers.authorization, h.token))
      return reply(401, { code: 'InvalidAuthorizationToken', message: 'The authorization token is missing or does not match' });
    let c: IssuedCredentials;
    try {
      c = this.credentialsOf(h);
    } catch (err) {
      log.warn(`credentials for ${h.holder} could not be renewed: ${(err as Error).message}`);
      return reply(500, { code: 'InternalError', message: `Unable to assume role ${h.roleArn}: ${(err as Error).message}` });
    }
    reply(200, {
      RoleArn: h.roleArn,
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secret,
      Token: c.sessionToken,
      Expiration: new Date(c.expiration).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }

  /** The endpoint's base URL, opening it on first use: on the port it had before, else the edge's, when free. */
  private open(): Promise<string> {
    this.base ??= this.listen().catch((err) => {
      this.base = undefined;
      throw new Error(`the container credentials endpoint could not open on ${CREDENTIALS_NETWORK.address}: ${(err as Error).message}`);
    });
    return this.base;
  }

  private async listen(): Promise<string> {
    const { name, subnet, address } = CREDENTIALS_NETWORK;
    // The address may be the host's already (another engine network, or one an administrator added): then listening is enough.
    const network = await this.app.runtime.ensureHostNetwork(name, subnet, address).catch((err: Error) => err);
    const before = Number(this.app.store.meta(PORT_KEY));
    this.server = await openServer(
      createServer((req, res) => this.serve(req, res)),
      address,
      before || this.app.edge.port,
    ).catch((err: Error) => {
      throw network instanceof Error ? new Error(`the engine could not make the network ${name}: ${network.message}`) : err;
    });
    this.app.store.setMeta(PORT_KEY, String(this.server.port));
    log.info(`tasks and builds fetch their roles' credentials at http://${address}:${this.server.port}`);
    return `http://${address}:${this.server.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.base = undefined;
    await server?.close();
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
