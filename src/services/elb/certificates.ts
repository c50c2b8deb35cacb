/**
 * @module services/elb/certificates
 * The certificates HTTPS listeners serve. Slipway has no ACM: whatever certificate ARN a listener
 * names, its load balancer serves a certificate Slipway issues itself from a local CA:
 *
 *   <data-dir>/elb/ca/ca.pem        the CA certificate: what clients trust (curl --cacert …)
 *   <data-dir>/elb/ca/ca.key        its key, mode 600; made once, never replaced
 *   <data-dir>/elb/certs/<id>.pem   one per load balancer (<id> ends its ARN): certificate, then
 *                                   key, mode 600; for DNS:<DNSName>, IP:<127.0.1.N>, DNS:localhost
 *
 * A load balancer's certificate is reissued only when it is missing, names something else, was not
 * issued by this CA or has less than 30 days left. The CA may only vouch for load balancer names and
 * loopback addresses (name constraints), so trusting it trusts nothing else. openssl does the
 * cryptography; `run` below is the one place that starts it.
 */
import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import { writeAtomic } from '../../core/files.ts';
import { DNS_SUFFIX } from './hosts.ts';

const execFileAsync = promisify(execFile);
export const OPENSSL_HELP =
  'openssl is needed for HTTPS listeners (Slipway issues their certificates with it): install it (Debian/Ubuntu: apt-get install openssl; scripts/setup.sh does) and try again';
const LEAF_DAYS = 397;
const CA_DAYS = 3650;
const RENEW_BEFORE_MS = 30 * 86_400_000;
/** How long a certificate found current is trusted before it is read and verified again. */
const RECHECK_MS = 3_600_000;

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** What a load balancer's certificate must name. */
export interface LeafRequest {
  /** The load balancer's id (the end of its ARN): the file's name. */
  key: string;
  dnsName: string;
  /** Its loopback address, 127.0.1.N. */
  address: string;
}

export interface Leaf {
  /** PEM file: the certificate, then its key. */
  file: string;
  /** sha256 of the file, so that a new certificate changes the data plane's configuration. */
  hash: string;
}

/** subjectAltName entries, in openssl's config syntax. */
export function subjectAltNames(req: Pick<LeafRequest, 'dnsName' | 'address'>): string[] {
  const names = [req.dnsName, req.address, 'localhost'];
  return [...new Set(names)].map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`));
}

/** An openssl req configuration: subject and v3 extensions, nothing taken from the system's openssl.cnf. */
function requestConfig(commonName: string, extensions: string[]): string {
  return [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    'x509_extensions = ext',
    '[dn]',
    `CN = ${commonName}`,
    'O = Slipway',
    '[ext]',
    ...extensions,
    '',
  ].join('\n');
}

export function caConfig(): string {
  return requestConfig(`Slipway local CA (${hostname()})`.slice(0, 64), [
    'basicConstraints = critical,CA:TRUE,pathlen:0',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    `nameConstraints = critical,permitted;DNS:${DNS_SUFFIX},permitted;DNS:localhost,permitted;IP:127.0.0.0/255.0.0.0`,
  ]);
}

export function leafConfig(req: LeafRequest): string {
  return requestConfig(req.dnsName, [
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    `subjectAltName = ${subjectAltNames(req).join(',')}`,
  ]);
}

/** Whether `pem` (certificate then key) is a certificate for `req` from the CA `caPem`, with its key, good for 30 more days. */
export function leafIsCurrent(pem: string, req: LeafRequest, caPem: string, now: number): boolean {
  try {
    const cert = new X509Certificate(pem);
    const ca = new X509Certificate(caPem);
    const names = (cert.subjectAltName ?? '').split(', ').map((n) => n.replace(/^IP Address:/, 'IP:'));
    const wanted = subjectAltNames(req);
    return (
      names.length === wanted.length &&
      wanted.every((n) => names.includes(n)) &&
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      Date.parse(cert.validTo) - now > RENEW_BEFORE_MS &&
      cert.checkPrivateKey(createPrivateKey(pem))
    );
  } catch {
    return false; // unreadable: issue a new one
  }
}

export function fileHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

export class LocalCertificates {
  readonly caFile: string;
  readonly caKeyFile: string;
  private readonly certsDir: string;
  /** Certificates found current, by load balancer id: what they name, their file's mtime, until when to trust that. */
  private readonly checked = new Map<string, { names: string; leaf: Leaf; mtimeMs: number | undefined; until: number }>();

  /** `dir` is the ELB room's directory, <data-dir>/elb. */
  constructor(readonly dir: string) {
    this.caFile = join(dir, 'ca', 'ca.pem');
    this.caKeyFile = join(dir, 'ca', 'ca.key');
    this.certsDir = join(dir, 'certs');
  }

  /**
   * The load balancer's certificate, issued when it has none that is current. Every data plane sync
   * asks; a certificate found current is trusted for an hour while its file and names stay the same,
   * instead of being read and verified again each time.
   */
  async leaf(req: LeafRequest, now = Date.now()): Promise<Leaf> {
    const file = join(this.certsDir, `${req.key}.pem`);
    const names = subjectAltNames(req).join(',');
    const known = this.checked.get(req.key);
    if (known && known.names === names && now < known.until && mtimeOf(file) === known.mtimeMs) return known.leaf;
    const caPem = await this.ensureCa();
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    let leaf: Leaf;
    if (existing && leafIsCurrent(existing, req, caPem, now)) leaf = { file, hash: fileHash(existing) };
    else {
      const issued = await this.issue(leafConfig(req), LEAF_DAYS, ['-CA', this.caFile, '-CAkey', this.caKeyFile]);
      const pem = issued.cert + issued.key;
      writeAtomic(file, pem, 0o600);
      leaf = { file, hash: fileHash(pem) };
    }
    this.checked.set(req.key, { names, leaf, mtimeMs: mtimeOf(file), until: now + RECHECK_MS });
    return leaf;
  }

  /** Removes the certificates of load balancers other than `keep` (ids). */
  prune(keep: Set<string>): void {
    if (!existsSync(this.certsDir)) return;
    for (const name of readdirSync(this.certsDir)) {
      const key = name.replace(/\.pem$/, '');
      if (keep.has(key)) continue;
      rmSync(join(this.certsDir, name), { force: true });
      this.checked.delete(key);
    }
  }

  /** The CA certificate (PEM), made the first time it is needed. */
  private async ensureCa(): Promise<string> {
    if (existsSync(this.caFile)) {
      // Users may trust this CA already: it is never replaced, even when its key is gone.
      if (!existsSync(this.caKeyFile))
        throw new Error(
          `${this.caFile} exists but its key ${this.caKeyFile} does not: restore the key, or move both away to have Slipway make a new CA`,
        );
      return readFileSync(this.caFile, 'utf8');
    }
    const { cert, key } = await this.issue(caConfig(), CA_DAYS, []);
    // Key first: a CA certificate on disk always has its key beside it.
    writeAtomic(this.caKeyFile, key, 0o600);
    writeAtomic(this.caFile, cert);
    return cert;
  }

  /** A new key and its certificate (PEM), self-signed or signed as the `signer` arguments say. */
  private async issue(config: string, days: number, signer: string[]): Promise<{ cert: string; key: string }> {
    mkdirSync(this.dir, { recursive: true });
    const work = mkdtempSync(join(this.dir, '.issue-'));
    try {
      writeFileSync(join(work, 'req.cnf'), config);
      await run([
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        String(days),
        '-config',
        join(work, 'req.cnf'),
        '-keyout',
        join(work, 'key.pem'),
        '-out',
        join(work, 'cert.pem'),
        ...signer,
      ]);
      return { cert: readFileSync(join(work, 'cert.pem'), 'utf8'), key: readFileSync(join(work, 'key.pem'), 'utf8') };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** Runs openssl; a missing openssl is said plainly. */
async function run(args: string[]): Promise<void> {
  try {
    await execFileAsync(process.env.SLIPWAY_OPENSSL ?? 'openssl', args);
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(OPENSSL_HELP);
    throw new Error(`openssl could not issue a certificate: ${(e.stderr ?? e.message).trim()}`);
  }
}
