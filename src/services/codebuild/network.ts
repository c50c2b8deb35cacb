/**
 * @module services/codebuild/network
 * How a build container reaches Slipway. Builds run on the engine's default bridge, isolated from
 * the host's loopback as in CodeBuild. When Slipway listens on loopback (the default), a relay is
 * opened on the bridge's gateway address (e.g. 172.17.0.1), on the edge's port when free. Every
 * container on the bridge can connect to it, so it serves only builds: each build under way acts
 * with its project's service role, whose credentials it fetches from the container credentials
 * endpoint (STS's) like an ECS task, and the relay forwards a request to the edge only when it is
 * signed with a key issued to a build under way; anything else is refused with 403 before it
 * reaches the edge. When Slipway listens on every address, builds use the gateway directly (and so
 * can anyone who reaches that port). The registry is not involved: pushes are made by the host's
 * engine, which reaches it at its loopback address.
 */
import { createServer, request } from 'node:http';
import { isLoopback } from '../../core/config.ts';
import { openServer, type OpenServer } from '../../core/listen.ts';
import { logger } from '../../core/log.ts';
import { credentialScope } from '../../protocol/sigv4.ts';
import { inSubnet } from '../../runtime/docker-images.ts';
import type { ContainerCredentials } from '../sts/index.ts';
import type { AppContext } from '../types.ts';

const log = logger('codebuild.network');

/** A build under way, as the relay and the credentials endpoint know it. */
export interface BuildIdentity {
  arn: string;
  /** The build's uuid: its role session is AWSCodeBuild-<uuid>, as CodeBuild names it. */
  uuid: string;
  serviceRole: string;
  region: string;
}

export class BuildNetwork {
  private server?: OpenServer;
  private endpoint?: Promise<string>;
  /** The builds under way: the relay lets through only keys issued to them. */
  private readonly builds = new Set<string>();

  constructor(
    private readonly app: AppContext,
    private readonly credentials: ContainerCredentials,
  ) {}

  /**
   * Where the build fetches its service role's credentials (the container's environment), good at
   * the relay until `dismiss`. Throws ServiceRoleError when CodeBuild may not assume the role.
   */
  async admit(build: BuildIdentity): Promise<Record<string, string>> {
    const env = await this.credentials.grant({
      holder: build.arn,
      roleArn: build.serviceRole,
      sessionName: `AWSCodeBuild-${build.uuid}`,
      servicePrincipal: 'codebuild.amazonaws.com',
      region: build.region,
    });
    this.builds.add(build.arn);
    return env;
  }

  dismiss(buildArn: string): void {
    this.builds.delete(buildArn);
    this.credentials.revoke(buildArn);
  }

  private admits(accessKeyId: string | undefined): boolean {
    const holder = accessKeyId && this.credentials.holderOfKey(accessKeyId);
    return !!holder && this.builds.has(holder);
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
      if (!inSubnet(req.socket.remoteAddress ?? '', bridge.subnet) || !this.admits(key)) {
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
      `builds reach Slipway at http://${bridge.gateway}:${port} (a relay that forwards only requests signed with a key of a build under way)`,
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
