/**
 * A raw HTTP request to Slipway with any headers (Host, Origin, Sec-Fetch-Site, a hand-made
 * Authorization), which fetch would not send as given.
 */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function rawRequest(
  endpoint: string,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; signal?: AbortSignal },
): Promise<RawResponse> {
  const url = new URL(opts.path ?? '/', endpoint);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false, signal: opts.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const form = (params: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: new URLSearchParams(params).toString(),
});

export const jsonCall = (target: string, body: unknown = {}, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, ...headers },
  body: JSON.stringify(body),
});
