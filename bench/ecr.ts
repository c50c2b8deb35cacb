/**
 * The registry beside distribution (Debian's docker-registry, the reference registry) in the same
 * run on the same machine: `docker push` and `docker pull` of a ~200 MB and a ~1 GB image of
 * random (incompressible) layers, and raw blob upload (POST, one streamed PATCH, PUT ?digest=, as
 * Docker uploads) and download (GET) with curl. Distribution runs with filesystem storage in a
 * temporary directory and no auth; Slipway with its registry auth, as users run it. Docker's own
 * work (gzip on push, gunzip and extraction on pull) dominates the docker rows; the curl rows
 * show the registries themselves.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { docker, ensureTools, freePort, onCleanup, peakRssMiB, startSlipway, tempDir } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const LAYER_MAX_MIB = 128;
const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921';

export interface EcrBenchOptions {
  /** Image sizes to push and pull, in MiB. */
  imagesMiB: number[];
  /** Size of the raw blob for the curl rows, in MiB. */
  rawMiB: number;
  /** Rounds of each measurement per registry (the median is shown). */
  repeats: number;
  log: (line: string) => void;
}

export interface Registry {
  name: string;
  host: string;
  pid: number;
  /** curl arguments that authenticate. */
  auth: string[];
}

export async function benchEcr(opts: EcrBenchOptions): Promise<string> {
  const { log } = opts;
  ensureTools(
    'the registry bench',
    [
      ['docker-registry', 'docker-registry'],
      ['curl', 'curl'],
    ],
    log,
  );
  await ensureTestImages(docker);
  const dockerConfig = tempDir('slipway-bench-docker-config-');
  const slipwayChild = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  const password = await slipwayPassword(slipwayChild.endpoint);
  const slipway: Registry = {
    name: 'Slipway',
    host: new URL(slipwayChild.endpoint).host,
    pid: slipwayChild.pid,
    auth: ['-u', `AWS:${password}`],
  };
  const distribution = await startDistribution();
  log(`ecr: Slipway at ${slipway.host} (pid ${slipway.pid}), distribution at ${distribution.host} (pid ${distribution.pid})`);
  const dockerCli = (args: string[], input?: string) => {
    const child = run('docker', args, { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, maxBuffer: 16 * MiB });
    if (input !== undefined) child.child.stdin!.end(input);
    return child;
  };
  await dockerCli(['login', '--username', 'AWS', '--password-stdin', slipway.host], password);

  const rows: Cell[][] = [];
  type Samples = Record<string, Sample[]>;
  /** One table row from each registry's samples: the median time (or rate), the ratio, the median CPU. */
  const row = (what: string, samples: Samples, mib?: number) => {
    const [dist, slip] = [samples.distribution, samples.Slipway].map((list) => ({
      seconds: median(list.map((x) => x.seconds)),
      cpu: median(list.map((x) => x.cpu)),
    }));
    const value = (x: { seconds: number }) => (mib ? mib / x.seconds : x.seconds);
    rows.push([what, mib ? 'MiB/s' : 's', value(dist), value(slip), dist.seconds / slip.seconds, dist.cpu, slip.cpu]);
  };

  for (const [n, mib] of opts.imagesMiB.entries()) {
    const push: Samples = { distribution: [], Slipway: [] };
    const pull: Samples = { distribution: [], Slipway: [] };
    // Each round pushes a freshly built image (new random layers) to a new repository, so no
    // registry already holds a layer and Docker cannot mount one from an earlier round.
    for (let round = 0; round < opts.repeats; round++) {
      const repository = `bench/image-${mib}-${n}-${round}`;
      await createRepository(slipwayChild.endpoint, repository);
      log(`ecr: building a ${mib} MiB image (${round + 1}/${opts.repeats})`);
      const imageId = await buildImage(mib);
      const removeImage = () =>
        docker
          .getImage(imageId)
          .remove({ force: true })
          .catch(() => undefined);
      const stopImage = onCleanup(removeImage);
      try {
        // Alternate which registry goes first, so neither always meets a cold cache.
        const order = (n + round) % 2 ? [slipway, distribution] : [distribution, slipway];
        for (const r of order) {
          const ref = `${r.host}/${repository}:1`;
          await dockerCli(['tag', imageId, ref]);
          log(`ecr: docker push ${ref}`);
          push[r.name].push(await timed(r, () => dockerCli(['push', ref])));
        }
        for (const r of order) {
          await removeImage();
          log(`ecr: docker pull ${r.host}/${repository}:1`);
          pull[r.name].push(await timed(r, () => dockerCli(['pull', `${r.host}/${repository}:1`])));
        }
      } finally {
        await stopImage();
      }
    }
    row(`docker push ${mib} MiB image`, push);
    row(`docker pull ${mib} MiB image`, pull);
  }

  await createRepository(slipwayChild.endpoint, 'bench/raw');
  const blob = await randomFile(join(tempDir('slipway-bench-blob-'), 'blob'), opts.rawMiB);
  const upload: Samples = { distribution: [], Slipway: [] };
  const download: Samples = { distribution: [], Slipway: [] };
  for (let i = 0; i < opts.repeats; i++) {
    for (const r of i % 2 ? [slipway, distribution] : [distribution, slipway]) {
      log(`ecr: raw ${opts.rawMiB} MiB blob to and from ${r.name} (${i + 1}/${opts.repeats})`);
      upload[r.name].push(await uploadBlob(r, blob));
      download[r.name].push(await timed(r, () => downloadBlob(r, blob.digest)));
    }
  }
  row(`blob upload ${opts.rawMiB} MiB (curl PATCH+PUT)`, upload, opts.rawMiB);
  row(`blob download ${opts.rawMiB} MiB (curl GET)`, download, opts.rawMiB);
  rows.push(['peak RSS during the run', 'MiB', peakRssMiB(distribution.pid), peakRssMiB(slipway.pid)]);

  return [
    formatTable(
      'ECR registry beside distribution (docker-registry), same machine, same run',
      [
        'measure',
        'unit',
        { header: 'distribution', decimals: 1 },
        { header: 'Slipway', decimals: 1 },
        { header: 'Slipway speed ÷ distribution', decimals: 2 },
        { header: 'distribution CPU s', decimals: 2 },
        { header: 'Slipway CPU s', decimals: 2 },
      ],
      rows,
    ),
    `(medians of ${opts.repeats} rounds; ≥ 1.00 = Slipway at least as fast; CPU s = the registry process's user+system time`,
    ` during the step; layers are random bytes, so gzip gains nothing and Docker's gzip/gunzip sets the docker rows' pace)`,
  ].join('\n');
}

export interface Sample {
  seconds: number;
  cpu: number;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Seconds `fn` took (its own count when it returns a number, else wall time), and the CPU seconds registry `r` spent meanwhile. */
export async function timed(r: Registry, fn: () => Promise<unknown>): Promise<Sample> {
  const cpuBefore = cpuSeconds(r.pid);
  const start = performance.now();
  const result = await fn();
  const seconds = typeof result === 'number' ? result : (performance.now() - start) / 1000;
  return { seconds, cpu: cpuSeconds(r.pid) - cpuBefore };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

/** An image of `mib` MiB of random layers (≤ 128 MiB each) on top of the test image; returns its id. */
async function buildImage(mib: number): Promise<string> {
  const layers: number[] = [];
  for (let left = mib; left > 0; left -= LAYER_MAX_MIB) layers.push(Math.min(LAYER_MAX_MIB, left));
  const dockerfile = [`FROM ${TEST_IMAGE}`, ...layers.map((size, i) => `RUN head -c ${size * MiB} /dev/urandom > /layer${i}`)].join('\n');
  const building = run('docker', ['build', '-q', '-'], { maxBuffer: MiB });
  building.child.stdin!.end(dockerfile);
  const { stdout } = await building.catch((err) => Promise.reject(new Error(`docker build failed: ${err.stderr || err.message}`)));
  return stdout.trim();
}

export async function slipwayPassword(endpoint: string): Promise<string> {
  const out = await ecrCall(endpoint, 'GetAuthorizationToken', {});
  return Buffer.from(out.authorizationData[0].authorizationToken, 'base64').toString('utf8').split(':')[1];
}

export async function createRepository(endpoint: string, repositoryName: string): Promise<void> {
  await ecrCall(endpoint, 'CreateRepository', { repositoryName });
}

async function ecrCall(endpoint: string, operation: string, input: unknown): Promise<any> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${ECR_TARGET}.${operation}` },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Slipway ${operation} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

/** Runs distribution with filesystem storage in a temporary directory on a free loopback port. */
async function startDistribution(): Promise<Registry> {
  const dir = tempDir('slipway-bench-distribution-');
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `${[
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: "127.0.0.1:${port}"}`,
    ].join('\n')}\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4096)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4096)));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      }),
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name: 'distribution', host: `127.0.0.1:${port}`, pid: child.pid!, auth: [] };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on 127.0.0.1:${port} within 30 s: ${output.trim()}`);
}

/** Writes `mib` MiB of random bytes to `path`; returns the path and its digest. */
export async function randomFile(path: string, mib: number): Promise<{ path: string; digest: string }> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let i = 0; i < mib; i++) {
    const chunk = randomBytes(MiB);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return { path, digest: `sha256:${hash.digest('hex')}` };
}

async function curl(args: string[]): Promise<string> {
  const { stdout } = await run('curl', ['-sS', '--fail-with-body', ...args], { maxBuffer: MiB });
  return stdout;
}

/** The Location header of a curl -D - response, made absolute. */
function location(r: Registry, headers: string): string {
  const value = headers.match(/^location:\s*(\S+)/im)?.[1];
  if (!value) throw new Error(`${r.name} sent no Location:\n${headers}`);
  return value.startsWith('http') ? value : `http://${r.host}${value}`;
}

/** POST, one PATCH streaming the whole file, PUT ?digest=: what Docker does. Times PATCH and PUT. */
export async function uploadBlob(r: Registry, blob: { path: string; digest: string }): Promise<Sample> {
  const started = await curl([...r.auth, '-D', '-', '-o', '/dev/null', '-X', 'POST', `http://${r.host}/v2/bench/raw/blobs/uploads/`]);
  let at = location(r, started);
  let status = '';
  const sample = await timed(r, async () => {
    const patched = await curl([
      ...r.auth,
      '-D',
      '-',
      '-o',
      '/dev/null',
      '-X',
      'PATCH',
      '-H',
      'Content-Type: application/octet-stream',
      '-T',
      blob.path,
      at,
    ]);
    at = location(r, patched);
    status = await curl([
      ...r.auth,
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-X',
      'PUT',
      `${at}${at.includes('?') ? '&' : '?'}digest=${blob.digest}`,
    ]);
  });
  if (status !== '201') throw new Error(`${r.name} answered ${status} to the upload's PUT`);
  return sample;
}

/** GET of the blob; returns curl's own transfer time (no process start in it). */
export async function downloadBlob(r: Registry, digest: string): Promise<number> {
  return Number(await curl([...r.auth, '-o', '/dev/null', '-w', '%{time_total}', `http://${r.host}/v2/bench/raw/blobs/${digest}`]));
}
