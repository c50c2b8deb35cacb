/**
 * @module services/elb/hosts
 * Addresses and names of load balancers on this machine. Every load balancer gets its own loopback
 * address (127.0.1.N; all of 127.0.0.0/8 reaches `lo` on Linux), so several can each listen on port
 * 80 or 8000. Its DNSName resolves there through the hosts file, where Slipway keeps one block per
 * data directory:
 *
 *   # slipway elb /root/.slipway {
 *   127.0.1.1 my-app-lb-2087195924.us-east-1.elb.slipway.internal
 *   # slipway elb /root/.slipway }
 *
 * Several Slipways (data directories) may share the file: each change is made under a lock file
 * beside it and lands whole (a new file renamed over the old one, so a name lookup never reads a
 * half-written file; written in place only when the file is a bind mount, which cannot be replaced).
 * When the hosts file cannot be written (Slipway not root), the DNSName is the address itself.
 * Names end in .internal, not .localhost: curl and browsers answer every *.localhost with
 * 127.0.0.1 without reading the hosts file.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isRegionName } from '../../core/config.ts';
import { writeAtomic } from '../../core/files.ts';
import { logger } from '../../core/log.ts';
import { elbError } from './errors.ts';

const log = logger('elb.hosts');
export const HOSTS_FILE = process.env.SLIPWAY_HOSTS_FILE ?? '/etc/hosts';
export const DNS_SUFFIX = 'elb.slipway.internal';

/** The part of a name `dnsName` makes before its region: a checked load balancer name and its digits. */
const LOAD_BALANCER_PART = /^(?:internal-)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?-\d{1,10}$/;

/**
 * The only names the hosts file gets: what `dnsName` makes from a checked load balancer name, its
 * digits and a region — so no request can point another hostname at a load balancer.
 */
function generated(name: string): boolean {
  const suffix = `.${DNS_SUFFIX}`;
  if (!name.endsWith(suffix)) return false;
  const [lb, region, ...rest] = name.slice(0, -suffix.length).split('.');
  return rest.length === 0 && region !== undefined && LOAD_BALANCER_PART.test(lb) && isRegionName(region);
}

const LOOPBACK = /^127\.(?:\d{1,3}\.){2}\d{1,3}$/;

/** A load balancer's DNSName; the region (from the request's credential scope) must look like one. */
export function dnsName(name: string, digits: string, region: string, internal: boolean): string {
  if (!isRegionName(region)) throw elbError.validation(`Region '${region}' of the request's credential scope is not a valid region name`);
  const out = `${internal ? 'internal-' : ''}${name}-${digits}.${region}.${DNS_SUFFIX}`;
  if (!generated(out)) throw elbError.validation(`Load balancer name '${name}' does not make a valid DNS name`);
  return out;
}

/** Whether a hosts-file line may map `name` to `address`: a loopback address and a name `dnsName` makes. */
export function publishable(e: { address: string; name: string }): boolean {
  return LOOPBACK.test(e.address) && generated(e.name);
}

export function hostsWritable(file = HOSTS_FILE): boolean {
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const begin = (dataDir: string) => `# slipway elb ${dataDir} {`;
const end = (dataDir: string) => `# slipway elb ${dataDir} }`;

interface Block {
  dataDir: string;
  lines: string[];
}

function parse(text: string): { outside: string[]; blocks: Block[] } {
  const outside: string[] = [];
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of text.split('\n')) {
    const open = line.match(/^# slipway elb (.+) \{$/);
    if (!current && open) {
      current = { dataDir: open[1], lines: [] };
      continue;
    }
    if (current && line === end(current.dataDir)) {
      blocks.push(current);
      current = undefined;
      continue;
    }
    (current ? current.lines : outside).push(line);
  }
  if (current) outside.push(begin(current.dataDir), ...current.lines);
  return { outside, blocks };
}

/** Addresses other Slipway data directories on this machine hand out (to stay clear of them). */
export function addressesOfOthers(dataDir: string, file = HOSTS_FILE): Set<string> {
  const out = new Set<string>();
  if (!existsSync(file)) return out;
  for (const b of parse(readFileSync(file, 'utf8')).blocks) {
    if (b.dataDir === dataDir) continue;
    for (const line of b.lines) out.add(line.split(/\s+/)[0]);
  }
  return out;
}

/** The first free 127.0.1.1 … 127.0.255.254. */
export function allocateAddress(taken: Set<string>): string {
  for (let third = 1; third <= 255; third++) {
    for (let fourth = 1; fourth <= 254; fourth++) {
      const address = `127.0.${third}.${fourth}`;
      if (!taken.has(address)) return address;
    }
  }
  throw new Error('no loopback address left for another load balancer');
}

/** Rewrites this data directory's block; drops blocks of data directories that are gone. */
export function writeHostsBlock(dataDir: string, entries: { address: string; name: string }[], file = HOSTS_FILE): boolean {
  try {
    return locked(file, () => {
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const { outside, blocks } = parse(before);
      while (outside.length && outside[outside.length - 1] === '') outside.pop();
      const kept = blocks.filter((b) => b.dataDir !== dataDir && existsSync(b.dataDir));
      const mine = entries.filter(publishable).map((e) => `${e.address} ${e.name}`);
      if (mine.length) kept.push({ dataDir, lines: mine });
      const text = `${[...outside, ...kept.flatMap((b) => [begin(b.dataDir), ...b.lines, end(b.dataDir)])].join('\n')}\n`;
      if (text !== before) replace(file, text);
      return true;
    });
  } catch (err) {
    log.warn(`cannot write ${file} (${(err as Error).message}); load balancer names will not resolve`);
    return false;
  }
}

/** Replaces the file's content whole (renamed over it), or in place when it is a bind mount, which cannot be replaced. */
function replace(file: string, text: string): void {
  try {
    writeAtomic(file, text, existsSync(file) ? statSync(file).mode & 0o7777 : 0o644);
  } catch {
    rmSync(`${file}.tmp`, { force: true });
    writeFileSync(file, text);
  }
}

const LOCK_WAIT_MS = 5_000;
/** A lock older than this was left by a Slipway that died holding it. */
const LOCK_STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `fn` holding `<file>.slipway.lock` (created exclusively; held for microseconds). */
function locked<T>(file: string, fn: () => T): T {
  const lock = `${file}.slipway.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`${lock} has been held for ${LOCK_WAIT_MS / 1000} s; remove it if no Slipway is starting`);
      Atomics.wait(pause, 0, 0, 5);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
