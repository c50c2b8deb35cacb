/**
 * @module server/guard
 * Who may call the edge. On loopback Slipway takes any credentials (unless --auth), and whoever
 * drives it can start privileged containers, so a web page must not be able to drive it from a
 * browser:
 *
 * - `Host` must be a name or address Slipway serves: an IP address (a browser's page at an IP
 *   literal is that address's own origin, so it cannot be rebound), `localhost` or `*.localhost`,
 *   the configured --host and --registry-host, or this machine's hostname. Any other name, e.g. a
 *   DNS name rebound to 127.0.0.1, or a load balancer's DNSName, is refused (DNS rebinding).
 * - `Origin`, when a browser sends it, must be Slipway's own origin (`http://` + Host, or `https://`
 *   on the TLS port).
 * - `Sec-Fetch-Site: cross-site | same-site` (a browser acting for another site, e.g. an <img> or
 *   form pointing at the API) is refused for API calls and for anything but GET and HEAD.
 *
 * Docker, skopeo, the SDKs, the aws CLI and builds (through the relay on the bridge gateway,
 * e.g. Host 172.17.0.1:PORT) send none of the browser headers and an accepted Host.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { header } from '../protocol/http.ts';

export interface GuardOptions {
  host: string;
  registryHost?: string;
}

/** Why the request is refused, or undefined when it may go on. */
export type Guard = (req: IncomingMessage, apiCall: boolean) => string | undefined;

export function createGuard(opts: GuardOptions): Guard {
  const names = new Set(
    [opts.host, opts.registryHost && hostOf(opts.registryHost), hostname()].flatMap((n) => (n ? [n.toLowerCase()] : [])),
  );
  const served = (name: string) => isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || names.has(name);
  // Clients send the same few Host values: each is parsed (a URL) once. Bounded, as Host is the caller's to choose.
  const decided = new Map<string, boolean>();
  const hostServed = (host: string) => {
    let ok = decided.get(host);
    if (ok === undefined) {
      const name = hostOf(host);
      ok = name !== undefined && served(name);
      if (decided.size >= 256) decided.clear();
      decided.set(host, ok);
    }
    return ok;
  };

  return (req, apiCall) => {
    const host = header(req, 'host');
    if (host !== undefined) {
      if (!hostServed(host)) {
        return `Slipway does not answer to the host name '${host.slice(0, 100)}': it answers to IP addresses, localhost, its --host and --registry-host, and this machine's name`;
      }
    }
    const origin = header(req, 'origin');
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    if (origin !== undefined && (host === undefined || origin.toLowerCase() !== `${scheme}://${host.toLowerCase()}`)) {
      return `Slipway does not take requests from web pages of another origin ('${origin.slice(0, 100)}')`;
    }
    const site = header(req, 'sec-fetch-site');
    if ((site === 'cross-site' || site === 'same-site') && (apiCall || (req.method !== 'GET' && req.method !== 'HEAD'))) {
      return 'Slipway does not take calls made by web pages of another site';
    }
    return undefined;
  };
}

/** The host name of a Host header or host[:port], lower case, IPv6 without brackets. */
function hostOf(hostPort: string): string | undefined {
  try {
    const name = new URL(`http://${hostPort}`).hostname;
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return undefined;
  }
}
