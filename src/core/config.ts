/**
 * @module core/config
 * Slipway's settings: flags win over environment variables, which win over defaults.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './ids.ts';
import { parseTimeScale } from './clock.ts';

export interface Config {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A second port serving the same edge over HTTPS (git-remote-codecommit speaks only HTTPS); unset = none. 0 picks a free port. */
  tlsPort?: number;
  dataDir: string;
  account: string;
  defaultRegion: string;
  timeScale: number;
  /** What each container instance offers; unset = what the engine reports. */
  instanceCpu?: number;
  instanceMemoryMiB?: number;
  /** host[:port] that repositoryUri names, when the registry is reached by another name (e.g. from other machines). */
  registryHost?: string;
  /** Whether every request must be signed by a key Slipway knows and allowed by IAM policies: --auth, and always off loopback. */
  auth: boolean;
}

export const DEFAULT_PORT = 4566;

export function loadConfig(flags: Partial<Record<string, string>> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const pick = (flag: string, envName: string) => flags[flag] ?? env[envName];
  const int = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got '${raw}')`);
    return n;
  };
  const host = pick('host', 'SLIPWAY_HOST') ?? '127.0.0.1';
  const auth = pick('auth', 'SLIPWAY_AUTH');
  if (auth !== undefined && !['true', 'false', '1', '0'].includes(auth)) throw new Error(`--auth takes no value (got '${auth}')`);
  return {
    host,
    port: int('--port', pick('port', 'SLIPWAY_PORT')) ?? DEFAULT_PORT,
    tlsPort: int('--tls-port', pick('tls-port', 'SLIPWAY_TLS_PORT')),
    dataDir: resolve(pick('data-dir', 'SLIPWAY_DATA_DIR') ?? join(homedir(), '.slipway')),
    account: pick('account', 'SLIPWAY_ACCOUNT') ?? DEFAULT_ACCOUNT,
    defaultRegion: region(pick('region', 'SLIPWAY_REGION') ?? DEFAULT_REGION),
    timeScale: parseTimeScale(pick('time-scale', 'SLIPWAY_TIME_SCALE')),
    instanceCpu: int('--instance-cpu', pick('instance-cpu', 'SLIPWAY_INSTANCE_CPU')),
    instanceMemoryMiB: int('--instance-memory', pick('instance-memory', 'SLIPWAY_INSTANCE_MEMORY')),
    registryHost: pick('registry-host', 'SLIPWAY_REGISTRY_HOST'),
    // Off loopback, signatures are required whatever was asked: open mode is for one's own machine.
    auth: auth === 'true' || auth === '1' || !isLoopback(host),
  };
}

/**
 * A region name of AWS's shape, as its partitions spell them (us-east-1, cn-northwest-1,
 * us-gov-west-1, us-isob-east-1, eu-isoe-west-1, eusc-de-east-1): region names end up in ARNs,
 * URLs and files, so nothing else is taken from a request.
 */
export function isRegionName(name: string): boolean {
  return /^[a-z]{2,4}-(?:[a-z]{2,4}-)?[a-z]+-\d{1,2}$/.test(name);
}

function region(name: string): string {
  if (!isRegionName(name)) throw new Error(`--region must be a region name such as us-east-1 (got '${name}')`);
  return name;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
