/**
 * @module server/app
 * Assembles Slipway: one store, one clock, one runtime, one event bus, the service rooms, and the
 * edge. `startSlipway` is what the CLI and the tests call.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock } from '../core/clock.ts';
import { parseArn } from '../core/ids.ts';
import type { Config } from '../core/config.ts';
import { EventBus } from '../core/events.ts';
import { createRuntime } from '../runtime/index.ts';
import type { ContainerRuntime } from '../runtime/types.ts';
import { facadeOf, registerRooms } from '../services/index.ts';
import type { ElbFacade } from '../services/elb/index.ts';
import type { AppContext, Room, Route } from '../services/types.ts';
import { Store } from '../store/index.ts';
import { sendJson } from '../protocol/http.ts';
import type { IamFacade } from '../services/iam/index.ts';
import { type AdminKey, adminPrincipal, ensureAdminKey } from './admin-credentials.ts';
import { endpointRefusal } from './auth/endpoints.ts';
import { createRequestAuth, type Identity } from './auth/index.ts';
import { edgeListener } from './edge.ts';
import { listenTls, type TlsEdge, tlsServer } from './tls.ts';
import { type Console, createConsole } from '../console/index.ts';
import { announcingWrites } from '../console/writes.ts';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Slipway {
  endpoint: string;
  /** The administrator's key, when this start created it (signatures required, first start): shown once. */
  adminKey?: AdminKey;
  /** The address and port actually bound, e.g. 0.0.0.0:4566 or [::1]:4566. */
  bound: string;
  /** The edge over HTTPS, when --tls-port asked for it. */
  tls?: TlsEdge;
  ctx: AppContext;
  /** The rooms, by name: tests reach a room's facade here (`facadeOf(app, 's3')`). */
  rooms: Room[];
  /** The web console: its URL (with the token off loopback) and live feed. */
  console: Console;
  close(): Promise<void>;
}

export async function startSlipway(config: Config, deps: { runtime?: ContainerRuntime } = {}): Promise<Slipway> {
  const runtime = deps.runtime ?? createRuntime();
  const ctx: AppContext = {
    config,
    store: Store.open(config.dataDir),
    clock: createClock(config.timeScale),
    runtime,
    events: new EventBus(),
    edge: { url: '', host: config.host, port: config.port },
  };
  // Rooms with routes of their own (the registry, git) ask who may do what; the verifier needs the rooms' facades.
  let auth: Identity | undefined;
  if (config.auth)
    ctx.identity = {
      denial: (key, action, resource, secure) => auth!.denial(key, action, resource, secure),
      operationDenial: (key, call) => auth!.operationDenial(key, call),
      gitRefusal: (authorization, request) => auth!.gitRefusal(authorization, request),
      endpointRefusal: (req, action, resource) =>
        endpointRefusal(auth!, req, new URL(req.url ?? '/', 'http://edge'), action, config.defaultRegion, resource),
    };
  const rooms = registerRooms(ctx);
  const elb = facadeOf<ElbFacade>(rooms, 'elb');
  const webConsole = createConsole(ctx, { requestTotals: () => elb.requestTotals() });
  if (config.auth) {
    const iam = facadeOf<IamFacade>(rooms, 'iam');
    // A resource is its room's to describe, found by the service its ARN names.
    const bySigningName = new Map(
      rooms.flatMap((r) =>
        r.api && r.authorization ? [[r.api.model.metadata.signingName ?? r.api.model.metadata.endpointPrefix, r]] : [],
      ),
    );
    auth = createRequestAuth({
      iam,
      clock: ctx.clock,
      account: config.account,
      resource: (arn) => bySigningName.get(parseArn(arn)?.service ?? '')?.authorization?.(arn),
      console: { session: webConsole.session, principal: () => adminPrincipal(iam, config.dataDir) },
    });
  }
  const adminKey = config.auth
    ? await ensureAdminKey(rooms.find((r) => r.name === 'iam')!.api!, {
        dataDir: config.dataDir,
        account: config.account,
        region: config.defaultRegion,
      })
    : undefined;
  const health: Route = {
    method: 'GET',
    path: /^\/_slipway\/health$/,
    // With signatures required it tells anyone only whether Slipway is up; its details (counts,
    // load balancer ARNs, paths) need a caller allowed iam:GetAccountSummary, which AWS's counts are.
    access: 'public',
    async handle(req, res) {
      let docker: Record<string, unknown>;
      try {
        const info = await runtime.info();
        docker = { reachable: true, version: info.version, cpus: info.cpus, memoryBytes: info.memoryBytes };
      } catch (err) {
        docker = {
          reachable: false,
          error: (err as Error).message,
          hint: 'Start Docker Engine and make sure `docker info` works for this user.',
        };
      }
      const details = Object.fromEntries(rooms.flatMap((r) => (r.status ? [[r.name, r.status()]] : [])));
      const problems = rooms.flatMap((r) => (r.problems?.() ?? []).map((p) => `${r.name}: ${p}`));
      if (!docker.reachable) problems.push(`docker: ${docker.error}. ${docker.hint}`);
      const status = problems.length ? 'degraded' : 'ok';
      const url = new URL(req.url ?? '/', 'http://edge');
      if (auth && endpointRefusal(auth, req, url, 'iam:GetAccountSummary', config.defaultRegion))
        return sendJson(res, 200, { status, version: VERSION });
      sendJson(res, 200, {
        status,
        problems,
        version: VERSION,
        pid: process.pid,
        services: rooms.map((r) => r.name),
        docker,
        timeScale: ctx.clock.scale,
        ...details,
      });
    },
  };
  const listener = edgeListener({
    apis: rooms.flatMap((r) => (r.api ? [announcingWrites(r.api, ctx.events, ctx.clock)] : [])),
    routes: [health, ...webConsole.routes, ...rooms.flatMap((r) => r.routes ?? [])],
    account: config.account,
    defaultRegion: config.defaultRegion,
    host: config.host,
    registryHost: config.registryHost,
    store: ctx.store,
    auth,
  });
  const server = createServer(listener);
  server.keepAliveTimeout = 65_000;
  // The certificate first: a start that cannot issue it stops before anything runs.
  const secure = config.tlsPort === undefined ? undefined : await tlsServer(listener, config.dataDir);
  for (const room of rooms) await room.start?.();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const endpoint = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  Object.assign(ctx.edge, { url: endpoint, port: address.port });
  const bound = `${host}:${address.port}`;
  let tls: TlsEdge | undefined;
  const close = async () => {
    webConsole.close();
    // ECS stops first: the changes it makes while stopping (e.g. target deregistrations) reach
    // the rooms that carry them out, which stop after it.
    for (const room of rooms) await room.stop?.();
    for (const listening of [server, secure?.server]) {
      if (!listening?.listening) continue;
      await new Promise<void>((resolve) => {
        listening.close(() => resolve());
        listening.closeAllConnections();
      });
    }
    await ctx.store.close();
  };
  try {
    tls = secure && (await listenTls(secure, config.host, config.tlsPort ?? 0));
  } catch (err) {
    await close();
    throw new Error(`cannot listen for HTTPS on ${config.host}:${config.tlsPort}: ${(err as Error).message}`);
  }

  return { endpoint, adminKey, bound, tls, ctx, rooms, console: webConsole, close };
}

/** A room's facade, by the room's name. */
