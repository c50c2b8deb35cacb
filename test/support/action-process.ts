/**
 * An action run in a Slipway of its own process, for tests that kill that process (kill -9) in the
 * middle of the action's outside work. Run as a script, it starts Slipway on a data directory,
 * runs one executor on the job given as JSON, and prints `ENDPOINT <url>` and `STARTED <json>`
 * (what the executor reported) as they happen; `runActionInProcess` spawns it and waits for both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/core/config.ts';
import { startSlipway } from '../../src/server/app.ts';
import type { CodebuildFacade } from '../../src/services/codebuild/index.ts';
import { codebuildAction } from '../../src/services/codepipeline/actions/codebuild.ts';
import { ecsDeployAction } from '../../src/services/codepipeline/actions/ecs-deploy.ts';
import type { ActionJob, ActionStarted } from '../../src/services/codepipeline/actions/types.ts';
import type { EcsServicesFacade } from '../../src/services/ecs/index.ts';
import type { S3Facade } from '../../src/services/s3/index.ts';
import { facadeOf } from './slipway.ts';

export type ActionKind = 'codebuild' | 'ecs';
type SentJob = Omit<ActionJob, 'signal' | 'progress'>;

export interface ActionProcess {
  endpoint: string;
  started: ActionStarted;
  child: ChildProcess;
  kill9(): Promise<void>;
}

export async function runActionInProcess(dataDir: string, kind: ActionKind, job: SentJob, timeScale = 20): Promise<ActionProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), dataDir, kind, JSON.stringify(job), String(timeScale)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  const seen = await new Promise<{ endpoint: string; started: ActionStarted }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the action did not start in 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (d) => {
      output += d;
      const endpoint = /^ENDPOINT (\S+)$/m.exec(output)?.[1];
      const started = /^STARTED (.+)$/m.exec(output)?.[1];
      if (endpoint && started) {
        clearTimeout(timer);
        resolve({ endpoint, started: JSON.parse(started) as ActionStarted });
      }
    });
    child.once('exit', (code) => reject(new Error(`the action's process exited with ${code}:\n${output}`)));
  });
  return {
    ...seen,
    child,
    kill9: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function main([dataDir, kind, sent, timeScale]: string[]): Promise<void> {
  const app = await startSlipway({ ...loadConfig({ port: '0', 'data-dir': dataDir! }), timeScale: Number(timeScale) });
  process.stdout.write(`ENDPOINT ${app.endpoint}\n`);
  const s3 = facadeOf<S3Facade>(app, 's3');
  const clock = app.ctx.clock;
  const action =
    kind === 'codebuild'
      ? codebuildAction({ codebuild: facadeOf<CodebuildFacade>(app, 'codebuild'), s3, clock })
      : ecsDeployAction({ ecs: facadeOf<EcsServicesFacade>(app, 'ecs'), s3, clock });
  const job: ActionJob = { ...(JSON.parse(sent!) as SentJob), signal: new AbortController().signal, progress: () => undefined };
  await action.run(job, (started) => process.stdout.write(`STARTED ${JSON.stringify(started)}\n`));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
