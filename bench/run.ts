/**
 * `npm run bench [-- --quick] [-- --only steady|api|ecr|elb|codebuild|s3|codedeploy|console|auth|pipeline]`: the ECS, ECR, load balancer, CodeBuild, S3, CodeDeploy, web console, signature-verification and push-to-live pipeline benchmarks, printed as tables.
 * Not a test: nothing asserts on time (machines are shared and noisy). Everything it starts —
 * Slipway and moto_server processes, containers, temporary data directories — is removed at the
 * end, on failure and on Ctrl-C.
 */
import { cpus } from 'node:os';
import { benchAuth } from './auth.ts';
import { benchCodebuild } from './codebuild.ts';
import { benchCodeDeploy } from './codedeploy.ts';
import { benchConsole } from './console.ts';
import { benchEcr } from './ecr.ts';
import { benchElb } from './elb.ts';
import { benchApi } from './ecs-api.ts';
import { benchSteadyState } from './ecs-steady-state.ts';
import { benchPipeline } from './pipeline.ts';
import { benchS3 } from './s3.ts';
import { runCleanups } from './procs.ts';

// The AWS SDK's notice about future Node versions would only clutter the tables.
const emitWarning = process.emitWarning;
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).startsWith('NodeVersionSupportWarning')) return;
  (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
}) as typeof process.emitWarning;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
/** The benchmarks `--only` can name, in the order they run. */
const BENCHES = ['steady', 'api', 'ecr', 'elb', 'codebuild', 's3', 'codedeploy', 'console', 'auth', 'pipeline'];
if (only && !BENCHES.includes(only)) {
  console.error(`bench: --only takes one of ${BENCHES.join(', ')} (got '${only}')`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
const began = Date.now();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: cleaning up (again to quit at once)`);
    void runCleanups().finally(() => process.exit(130));
  });
}

const tables: string[] = [];
let failed = false;
try {
  console.log(
    `Slipway ECS benchmark${quick ? ' (--quick)' : ''}: node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}`.trim(),
  );
  if (!only || only === 'steady') {
    const counts = quick ? [1, 10] : [1, 10, 50];
    try {
      tables.push(await benchSteadyState({ counts, log }));
    } catch (err) {
      failed = true;
      tables.push(`CreateService → steady state: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'api') {
    try {
      tables.push(
        await benchApi(
          quick
            ? { sequential: 100, concurrentTotal: 400, concurrency: 8, warmup: 20, log }
            : { sequential: 2000, concurrentTotal: 2000, concurrency: 8, warmup: 2000, log },
        ),
      );
    } catch (err) {
      failed = true;
      tables.push(`ECS API speed: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'ecr') {
    try {
      tables.push(
        await benchEcr(
          quick ? { imagesMiB: [200], rawMiB: 256, repeats: 3, log } : { imagesMiB: [200, 1024], rawMiB: 1024, repeats: 3, log },
        ),
      );
    } catch (err) {
      failed = true;
      tables.push(`ECR registry beside distribution: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'elb') {
    try {
      tables.push(
        await benchElb(
          quick
            ? { seconds: 5, rounds: 1, connections: 50, changes: 5, log }
            : { seconds: 10, rounds: 3, connections: 50, changes: 10, log },
        ),
      );
    } catch (err) {
      failed = true;
      tables.push(`Load balancer data plane beside nginx: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'codebuild') {
    try {
      tables.push(await benchCodebuild({ repeats: quick ? 3 : 5, log }));
    } catch (err) {
      failed = true;
      tables.push(`CodeBuild beside a shell: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 's3') {
    try {
      tables.push(
        await benchS3(
          quick
            ? { mib: 256, repeats: 1, smallOps: 300, concurrency: 8, log }
            : { mib: 1024, repeats: 3, smallOps: 2000, concurrency: 8, log },
        ),
      );
    } catch (err) {
      failed = true;
      tables.push(`S3 beside the registry, cp and moto_server: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'codedeploy') {
    try {
      tables.push(await benchCodeDeploy({ scale: 60, log }));
    } catch (err) {
      failed = true;
      tables.push(`CodeDeploy blue/green: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'console') {
    try {
      tables.push(await benchConsole({ counts: quick ? [10, 100] : [10, 100, 1000], changes: quick ? 3 : 5, log }));
    } catch (err) {
      failed = true;
      tables.push(`Web console: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'auth') {
    try {
      tables.push(
        await benchAuth(quick ? { total: 400, concurrency: 8, warmup: 20, log } : { total: 2000, concurrency: 8, warmup: 50, log }),
      );
    } catch (err) {
      failed = true;
      tables.push(`API calls with signatures verified: failed: ${(err as Error).stack ?? err}`);
    }
  }
  if (!only || only === 'pipeline') {
    try {
      tables.push(await benchPipeline({ rounds: quick ? 1 : 3, log }));
    } catch (err) {
      failed = true;
      tables.push(`CodePipeline push → live: failed: ${(err as Error).stack ?? err}`);
    }
  }
} finally {
  await runCleanups();
}
console.log(`\n${tables.join('\n\n')}\n\ntotal bench time ${((Date.now() - began) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
