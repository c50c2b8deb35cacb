/**
 * @module server/tls
 * The edge over HTTPS, on a second port (--tls-port / SLIPWAY_TLS_PORT; none unless asked), for
 * clients that speak nothing else: git-remote-codecommit always hands git an https:// URL. It
 * serves the same requests as the plain port. Its certificate comes from a local CA Slipway makes
 * at the first start that asks for it, with the same openssl code and rules as load balancer
 * listeners' (elb/certificates.ts), under the data directory:
 *
 *   <data-dir>/tls/ca/ca.pem       the CA certificate: what clients trust (GIT_SSL_CAINFO=…)
 *   <data-dir>/tls/ca/ca.key       its key, mode 600
 *   <data-dir>/tls/certs/edge.pem  the edge's certificate then key, mode 600: DNS:localhost, IP:127.0.0.1
 *
 * The CA may vouch only for loopback names (its name constraints), so trusting it trusts nothing
 * else; the certificate is reissued at a start when it has less than 30 days left.
 */
import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LocalCertificates } from '../services/elb/certificates.ts';

export interface TlsEdge {
  server: Server;
  /** https://localhost:<port>: the name the certificate is for. */
  endpoint: string;
  /** The CA certificate clients trust. */
  caFile: string;
}

/** The HTTPS server for `listener`, with the edge's certificate (issued, and the CA made, when needed); not yet listening. */
export async function tlsServer(listener: RequestListener, dataDir: string): Promise<{ server: Server; caFile: string }> {
  const certificates = new LocalCertificates(join(dataDir, 'tls'));
  const leaf = await certificates.leaf({ key: 'edge', dnsName: 'localhost', address: '127.0.0.1' });
  const pem = readFileSync(leaf.file);
  const server = createServer({ cert: pem, key: pem }, listener);
  server.keepAliveTimeout = 65_000;
  return { server, caFile: certificates.caFile };
}

/** Listens on `port` of `host`. */
export async function listenTls(tls: { server: Server; caFile: string }, host: string, port: number): Promise<TlsEdge> {
  await new Promise<void>((resolve, reject) => {
    tls.server.once('error', reject);
    tls.server.listen(port, host, () => resolve());
  });
  return { ...tls, endpoint: `https://localhost:${(tls.server.address() as AddressInfo).port}` };
}
