/**
 * @module services/sts/relay
 * How a workload container — an ECS task with a task role, a CodeBuild build — reaches Slipway's
 * APIs. Containers run on the engine's default bridge, isolated from the host's loopback as on
 * AWS. When Slipway listens on loopback (the default), a relay is opened on the bridge's gateway
 * address (e.g. 172.17.0.1), on the edge's port when free. Every container on the bridge can
 * connect to it, so it serves only workloads: it forwards a request to the edge only when it is
 * signed with a key the container credentials endpoint issued to a task or build that holds a
 * live grant (one under way); anything else is refused with 403 before it reaches the edge, where
 * the signature and the role's policies are then checked as for any caller. When Slipway listens
 * on every address, containers use the gateway directly (and so can anyone who reaches that port).
 */
import { createServer, request } from 'node:http';
import { isLoopback } from '../../core/config.ts';
import { openServer, type OpenServer } from '../../core/listen.ts';
import { logger } from '../../core/log.ts';
import { inCidr } from '../../core/net.ts';
import { credentialScope } from '../../protocol/sigv4.ts';
import type { AppContext } from '../types.ts';
import type { ContainerCredentials } from './container-credentials.ts';

const log = logger('sts.relay');

export class WorkloadRelay {
  private server?: OpenServer;
  private endpoint?: Promise<string>;

  constructor(
    private readonly app: AppContext,
    private readonly credentials: ContainerCredentials,
  ) {}

  /** The URL of the edge as a container on the engine's bridge reaches it, opening the relay on first use. */
  endpointForContainers(): Promise<string> {
    this.endpoint ??= this.open().catch((err) => {
      this.endpoint = undefined;
      throw err;
    });
    return this.endpoint;
  }

  private async open(): Promise<string> {
    const bridge = await this.app.runtime.bridgeNetwork();
    if (!bridge) throw new Error('the engine has no default bridge network, which tasks and builds use to reach Slipway');
    const host = this.app.config.host;
    if (host === '0.0.0.0' || host === '::') return `http://${bridge.gateway}:${this.app.edge.port}`;
    if (!isLoopback(host)) return `http://${host}:${this.app.edge.port}`;
    const target = { host: host === 'localhost' ? '127.0.0.1' : host, port: this.app.edge.port };
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://relay');
      const key = credentialScope(req.headers.authorization, url.searchParams.get('X-Amz-Credential'))?.accessKeyId;
      if (!inCidr(req.socket.remoteAddress ?? '', bridge.subnet) || !key || !this.credentials.holderOfKey(key)) {
        res.writeHead(403, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'UnrecognizedClientException' });
        res.end(
          JSON.stringify({
            __type: 'UnrecognizedClientException',
            message:
              'The security token included in the request is invalid: only tasks and builds under way, with the role credentials they were given, reach Slipway from the engine network',
          }),
        );
        return;
      }
      const upstream = request({ ...target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    this.server = await openServer(server, bridge.gateway, this.app.edge.port);
    const { port } = this.server;
    log.info(
      `tasks and builds reach Slipway at http://${bridge.gateway}:${port} (a relay that forwards only requests signed with a key of a task or build under way)`,
    );
    return `http://${bridge.gateway}:${port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.endpoint = undefined;
    await server?.close();
  }
}
