/**
 * @module services/codebuild/network
 * How a build container reaches Slipway. Builds run on the engine's default bridge, isolated from
 * the host's loopback as in CodeBuild. When Slipway listens on loopback (the default), a relay is
 * opened on the bridge's gateway address (e.g. 172.17.0.1), on the edge's port when free. Every
 * container on the bridge can connect to it, so it serves only builds: each build under way is
 * given its own access key (AWS_ACCESS_KEY_ID in its environment, dropped when the build ends), and
 * the relay forwards a request to the edge only when it is signed with a key of a build under way;
 * anything else is refused with 403 before it reaches the edge. When Slipway listens on every
 * address, builds use the gateway directly (and so can anyone who reaches that port). The registry
 * is not involved: pushes are made by the host's engine, which reaches it at its loopback address.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import { isLoopback } from '../../core/config.ts';
import { openServer, type OpenServer } from '../../core/listen.ts';
import { logger } from '../../core/log.ts';
import { credentialScope } from '../../protocol/sigv4.ts';
import { inSubnet } from '../../runtime/docker-images.ts';
import type { AppContext } from '../types.ts';

const log = logger('codebuild.network');

export interface BuildCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export class BuildNetwork {
  private server?: OpenServer;
  private endpoint?: Promise<string>;
  /** Access key → the build under way that holds it. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly app: AppContext) {}

  /** A build's own credentials, good at the relay until `revoke`. */
  grant(buildArn: string): BuildCredentials {
    const accessKeyId = `ASIASLIPWAYBUILD${randomBytes(10).toString('hex').toUpperCase()}`;
    this.keys.set(accessKeyId, buildArn);
    return { accessKeyId, secretAccessKey: randomBytes(20).toString('base64') };
  }

  revoke(accessKeyId: string): void {
    this.keys.delete(accessKeyId);
  }

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
    if (!bridge) throw new Error('the engine has no default bridge network, which build containers use to reach Slipway');
    const host = this.app.config.host;
    if (host === '0.0.0.0' || host === '::') return `http://${bridge.gateway}:${this.app.edge.port}`;
    if (!isLoopback(host)) return `http://${host}:${this.app.edge.port}`;
    const target = { host: host === 'localhost' ? '127.0.0.1' : host, port: this.app.edge.port };
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://relay');
      const key = credentialScope(req.headers.authorization, url.searchParams.get('X-Amz-Credential'))?.accessKeyId;
      if (!inSubnet(req.socket.remoteAddress ?? '', bridge.subnet) || !key || !this.keys.has(key)) {
        res.writeHead(403, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'UnrecognizedClientException' });
        res.end(
          JSON.stringify({
            __type: 'UnrecognizedClientException',
            message: 'The security token included in the request is invalid: only builds under way reach Slipway from a build network',
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
      `builds reach Slipway at http://${bridge.gateway}:${port} (a relay that forwards only requests signed with a build's own key)`,
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
