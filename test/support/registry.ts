/**
 * A raw registry client for tests: plain node:http requests with the registry's Basic credentials,
 * so tests can send exactly what the distribution spec describes (and break connections midway).
 */
import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RegistryResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

export function digestOf(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class RegistryClient {
  /** `host` is "127.0.0.1:<port>"; `password` from GetAuthorizationToken (undefined: anonymous). */
  constructor(
    readonly host: string,
    readonly password?: string,
  ) {}

  get authorization(): string | undefined {
    return this.password ? `Basic ${Buffer.from(`AWS:${this.password}`).toString('base64')}` : undefined;
  }

  request(
    method: string,
    path: string,
    opts: { body?: Buffer | string; headers?: Record<string, string | number> } = {},
  ): Promise<RegistryResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...opts.headers };
      if (this.authorization && !('authorization' in headers)) headers.authorization = this.authorization;
      if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
      const req = request(`http://${this.host}${path}`, { method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  /** Monolithic upload (POST ?digest=); returns the digest. */
  async pushBlob(name: string, bytes: Buffer): Promise<string> {
    const digest = digestOf(bytes);
    const res = await this.request('POST', `/v2/${name}/blobs/uploads/?digest=${digest}`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    if (res.status !== 201) throw new Error(`blob upload to ${name} answered ${res.status}: ${res.body}`);
    return digest;
  }

  async putManifest(name: string, reference: string, manifest: object | string, mediaType: string): Promise<RegistryResponse> {
    const body = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
    return this.request('PUT', `/v2/${name}/manifests/${reference}`, { body, headers: { 'content-type': mediaType } });
  }

  /**
   * Starts a PATCH that promises `declared` bytes, sends only `sent` of them and then drops the
   * connection, as a client whose network failed mid-chunk.
   */
  breakOffPatch(location: string, chunk: Buffer, sent: number, start: number): Promise<void> {
    return new Promise((resolve) => {
      const req = request(`http://${this.host}${location}`, {
        method: 'PATCH',
        agent: false,
        headers: {
          authorization: this.authorization!,
          'content-type': 'application/octet-stream',
          'content-length': chunk.length,
          'content-range': `${start}-${start + chunk.length - 1}`,
        },
      });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        resolve();
      });
      req.write(chunk.subarray(0, sent), () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100),
      );
    });
  }
}

/** The OCI error code of a registry error response. */
export function errorCode(res: RegistryResponse): string | undefined {
  try {
    return res.json().errors?.[0]?.code;
  } catch {
    return undefined;
  }
}
