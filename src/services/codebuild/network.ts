/**
 * @module services/codebuild/network
 * How a build container reaches Slipway. Builds run on the engine's default bridge, isolated from
 * the host's loopback as in CodeBuild. When Slipway listens on loopback (the default), a relay is
 * opened on the bridge's gateway address (e.g. 172.17.0.1), on the edge's port when free: it
 * accepts only connections from the bridge's subnet and forwards them to the edge, so builds reach
 * the APIs while nothing is opened to the network. When Slipway listens on every address, builds
 * use the gateway directly. The registry is not involved: pushes are made by the host's engine,
 * which reaches the registry at its loopback address.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { isLoopback } from '../../core/config.ts';
import { logger } from '../../core/log.ts';
import { inSubnet } from '../../runtime/docker-images.ts';
import type { AppContext } from '../types.ts';

const log = logger('codebuild.network');

export class BuildNetwork {
  private server?: Server;
  private endpoint?: Promise<string>;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly app: AppContext) {}

  /** The URL of the edge as a build container reaches it. */
  endpointForBuilds(): Promise<string> {
    this.endpoint ??= this.open().catch((err) => {
      this.endpoint = undefined;
      throw err;
    });
    return this.endpoint;
  }

  private async open(): Promise<string> {
    const bridge = await this.app.runtime.bridgeNetwork();
    if (!bridge) throw new Error("the engine has no default bridge network, which build containers use to reach Slipway");
    const host = this.app.config.host;
    if (host === '0.0.0.0' || host === '::') return `http://${bridge.gateway}:${this.app.edge.port}`;
    if (!isLoopback(host)) return `http://${host}:${this.app.edge.port}`;
    const target = { host: host === 'localhost' ? '127.0.0.1' : host, port: this.app.edge.port };
    const server = createServer((socket) => {
      if (!inSubnet(socket.remoteAddress ?? '', bridge.subnet)) {
        socket.destroy();
        return;
      }
      const upstream = createConnection(target);
      for (const s of [socket, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      socket.pipe(upstream).pipe(socket);
      socket.on('close', () => upstream.destroy());
      upstream.on('close', () => socket.destroy());
    });
    const port = await listen(server, bridge.gateway, this.app.edge.port).catch(() => listen(server, bridge.gateway, 0));
    this.server = server;
    log.info(`builds reach Slipway at http://${bridge.gateway}:${port} (a relay open only to ${bridge.subnet})`);
    return `http://${bridge.gateway}:${port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    this.endpoint = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}
