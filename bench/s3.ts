/**
 * S3 in one run on one machine: `aws s3 cp` of a large random file up to Slipway and back, beside
 * the same bytes through Slipway's own registry blob path (curl PATCH+PUT, GET) and beside plain
 * `cp` on the same disk, which is the limit; then small PutObject and GetObject calls per second
 * with SDK v3, Slipway beside moto_server. A table, not a test: nothing asserts on time.
 */
import { GetObjectCommand, PutObjectCommand, S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import {
  createRepository,
  downloadBlob,
  median,
  randomFile,
  slipwayPassword,
  timed,
  uploadBlob,
  type Registry,
  type Sample,
} from './ecr.ts';
import { startMoto, startSlipway, tempDir, type Child } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

const run = promisify(execFile);

export interface S3BenchOptions {
  /** Size of the large file, in MiB. */
  mib: number;
  /** Rounds of each large copy (the median is shown). */
  repeats: number;
  /** Small operations per measurement, and how many run at once. */
  smallOps: number;
  concurrency: number;
  log: (line: string) => void;
}

const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };

export async function benchS3(opts: S3BenchOptions): Promise<string> {
  const { log } = opts;
  const slipwayChild = await startSlipway();
  const slipway: Registry = {
    name: 'Slipway',
    host: new URL(slipwayChild.endpoint).host,
    pid: slipwayChild.pid,
    auth: ['-u', `AWS:${await slipwayPassword(slipwayChild.endpoint)}`],
  };
  const work = tempDir('slipway-bench-s3-');
  log(`s3: Slipway at ${slipway.host} (pid ${slipway.pid}); writing ${opts.mib} MiB of random bytes`);
  const file = await randomFile(join(work, 'big.bin'), opts.mib);
  const back = join(work, 'big.back');
  const aws = (args: string[]) => run('aws', [...args, '--endpoint-url', slipwayChild.endpoint], { env });
  await aws(['s3', 'mb', 's3://bench']);
  await createRepository(slipwayChild.endpoint, 'bench/raw');

  const samples: Record<string, Sample[]> = {};
  const add = (what: string, s: Sample) => (samples[what] ??= []).push(s);
  for (let i = 0; i < opts.repeats; i++) {
    log(`s3: round ${i + 1}/${opts.repeats}: cp, aws s3 cp up and down, registry blob up and down`);
    add('cp, same disk (the limit)', await timed(slipway, () => run('cp', [file.path, back])));
    rmSync(back, { force: true });
    add('aws s3 cp up (multipart)', await timed(slipway, () => aws(['s3', 'cp', '--quiet', file.path, `s3://bench/big-${i}.bin`])));
    add('aws s3 cp down', await timed(slipway, () => aws(['s3', 'cp', '--quiet', `s3://bench/big-${i}.bin`, back])));
    rmSync(back, { force: true });
    add('registry blob up (curl PATCH+PUT)', await uploadBlob(slipway, file));
    add('registry blob down (curl GET)', await timed(slipway, () => downloadBlob(slipway, file.digest)));
  }
  const big: Cell[][] = Object.entries(samples).map(([what, list]) => {
    const seconds = median(list.map((s) => s.seconds));
    return [what, opts.mib / seconds, seconds, what.startsWith('cp') ? undefined : median(list.map((s) => s.cpu))];
  });

  const small: Cell[][] = [];
  let moto: Child | undefined;
  let motoProblem: string | undefined;
  try {
    moto = await startMoto();
  } catch (err) {
    motoProblem = (err as Error).message.replace(/\s+/g, ' ').slice(0, 200);
  }
  const rates: Record<string, Record<string, number>> = {};
  for (const [name, endpoint] of [
    ['Slipway', slipwayChild.endpoint],
    ['moto_server', moto?.endpoint],
  ] as const) {
    if (!endpoint) continue;
    // SDK v3's own HTTP handler, which keeps connections alive.
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    await client.send(new CreateBucketCommand({ Bucket: 'small' }));
    const body = Buffer.alloc(1024, 'x');
    const ops = {
      'PutObject 1 KiB': (i: number) => client.send(new PutObjectCommand({ Bucket: 'small', Key: `k${i % 100}`, Body: body })),
      'GetObject 1 KiB': async (i: number) =>
        (await client.send(new GetObjectCommand({ Bucket: 'small', Key: `k${i % 100}` }))).Body!.transformToByteArray(),
    };
    for (const [op, call] of Object.entries(ops)) {
      log(`s3: ${op} ×${opts.smallOps} on ${name}, ${opts.concurrency} at a time`);
      for (let i = 0; i < 20; i++) await call(i);
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (next < opts.smallOps) await call(next++);
        }),
      );
      (rates[op] ??= {})[name] = opts.smallOps / ((performance.now() - started) / 1000);
    }
    client.destroy();
  }
  for (const [op, r] of Object.entries(rates))
    small.push([
      op,
      r.Slipway,
      r.moto_server ?? (motoProblem && `moto_server unavailable: ${motoProblem}`),
      r.moto_server ? r.Slipway / r.moto_server : undefined,
    ]);

  return [
    formatTable(
      `S3 and the registry beside cp: ${opts.mib} MiB of random bytes, same disk, same run`,
      ['measure', { header: 'MiB/s', decimals: 0 }, { header: 's', decimals: 2 }, { header: 'Slipway CPU s', decimals: 2 }],
      big,
    ),
    `(medians of ${opts.repeats} rounds; the aws CLI's own time is in the s3 rows, curl's transfer time in the download row)`,
    '',
    formatTable(
      `Small S3 operations with SDK v3 (default checksums), ${opts.concurrency} at a time`,
      [
        'operation',
        { header: 'Slipway ops/s', decimals: 0 },
        { header: 'moto_server ops/s', decimals: 0 },
        { header: 'Slipway ÷ moto', decimals: 2 },
      ],
      small,
    ),
  ].join('\n');
}
