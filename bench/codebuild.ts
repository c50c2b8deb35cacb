/**
 * CodeBuild's overhead: a build from StartBuild to SUCCEEDED beside the same commands run directly
 * in a shell on the host. Two builds: an empty buildspec (all overhead: a container, the source,
 * the runner, the status) on the test image and on Slipway's standard image, and the FastAPI
 * example's docker build + push to Slipway's ECR with every layer cached (a warm-up round fills the
 * cache first). Build times come from Slipway's own startTime/endTime; the phase columns split
 * the overhead into what comes before the first command and after the last.
 */
import { CodeBuildClient, BatchGetBuildsCommand, CreateProjectCommand, StartBuildCommand, type Build } from '@aws-sdk/client-codebuild';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { docker, onCleanup, startSlipway, tempDir } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

const run = promisify(execFile);
const example = new URL('../examples/fastapi-hello/', import.meta.url).pathname;

export interface CodebuildBenchOptions {
  repeats: number;
  log: (line: string) => void;
}

const PUSH_COMMANDS = [
  'aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $REGISTRY',
  'docker build -t $REPOSITORY_URI:latest .',
  'docker push $REPOSITORY_URI:latest',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (b: Build, from: string, to: string) => {
  const phase = (t: string) => b.phases!.find((p) => p.phaseType === t);
  const start = phase(from)?.startTime?.getTime();
  const end = phase(to)?.endTime?.getTime() ?? phase(to)?.startTime?.getTime();
  return start !== undefined && end !== undefined ? (end - start) / 1000 : undefined;
};

export async function benchCodebuild(opts: CodebuildBenchOptions): Promise<string> {
  const { log } = opts;
  await ensureTestImages(docker);
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  const clientOpts = {
    endpoint: slipway.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  const cb = new CodeBuildClient(clientOpts);
  const ecr = new ECRClient(clientOpts);
  const registry = new URL(slipway.endpoint).host;
  const uri = (await ecr.send(new CreateRepositoryCommand({ repositoryName: 'bench-fastapi' }))).repository!.repositoryUri!;
  onCleanup(async () => {
    for (const tag of [`${uri}:latest`])
      await docker
        .getImage(tag)
        .remove({ force: true })
        .catch(() => undefined);
  });
  const source = tempDir('slipway-bench-src-');
  cpSync(example, source, { recursive: true });
  const env = (image: string, privilegedMode = false) => ({
    type: 'LINUX_CONTAINER' as const,
    image,
    computeType: 'BUILD_GENERAL1_SMALL' as const,
    privilegedMode,
    environmentVariables: [
      { name: 'REPOSITORY_URI', value: uri },
      { name: 'REGISTRY', value: registry },
    ],
  });
  const project = (name: string, buildspec: string, image: string, privileged = false) =>
    cb.send(
      new CreateProjectCommand({
        name,
        serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: env(image, privileged),
        source: buildspec
          ? { type: 'NO_SOURCE', buildspec }
          : {
              type: 'GITHUB',
              location: source,
              buildspec: `version: 0.2\nphases:\n  build:\n    commands:\n${PUSH_COMMANDS.map((c) => `      - ${c}`).join('\n')}\n`,
            },
      }),
    );
  await project('empty-busybox', 'version: 0.2\n', TEST_IMAGE);
  await project('empty-standard', 'version: 0.2\n', 'aws/codebuild/standard:7.0');
  await project('push', '', 'aws/codebuild/standard:7.0', true);

  const build = async (name: string): Promise<{ build: Build; client: number }> => {
    const t0 = performance.now();
    const { build: started } = await cb.send(new StartBuildCommand({ projectName: name }));
    for (;;) {
      const b = (await cb.send(new BatchGetBuildsCommand({ ids: [started!.id!] }))).builds![0];
      if (b.buildComplete) {
        if (b.buildStatus !== 'SUCCEEDED') throw new Error(`build ${b.id} ended ${b.buildStatus}; see ${b.logs?.deepLink}`);
        return { build: b, client: (performance.now() - t0) / 1000 };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const shell = async (script: string, cwd?: string): Promise<number> => {
    const dockerConfig = tempDir('slipway-bench-docker-');
    const t0 = performance.now();
    await run('bash', ['-o', 'pipefail', '-c', script], {
      cwd,
      env: {
        ...process.env,
        DOCKER_CONFIG: dockerConfig,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ENDPOINT_URL: slipway.endpoint,
        AWS_PAGER: '',
        REPOSITORY_URI: uri,
        REGISTRY: registry,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    return (performance.now() - t0) / 1000;
  };

  log("codebuild: warming up (the standard image is built on first use, about 2 minutes; the example image's layers are cached)");
  await build('empty-standard');
  await build('push');
  const rows: Cell[][] = [];
  const scenarios: { name: string; label: string; direct: () => Promise<number>; directLabel: string }[] = [
    { name: 'empty-busybox', label: 'empty buildspec, test image (busybox)', direct: () => shell('true'), directLabel: 'bash -c true' },
    {
      name: 'empty-standard',
      label: 'empty buildspec, aws/codebuild/standard:7.0',
      direct: () => shell(`docker run --rm slipway/codebuild-standard:7.0 true`),
      directLabel: 'docker run --rm <image> true',
    },
    {
      name: 'push',
      label: 'cached docker build + push (FastAPI example)',
      direct: () => shell(PUSH_COMMANDS.join(' && '), source),
      directLabel: 'the 3 commands in bash',
    },
  ];
  for (const s of scenarios) {
    const builds: Build[] = [];
    const clients: number[] = [];
    const directs: number[] = [];
    for (let i = 0; i < opts.repeats; i++) {
      const { build: b, client } = await build(s.name);
      builds.push(b);
      clients.push(client);
      directs.push(await s.direct());
    }
    const total = median(builds.map((b) => (b.endTime!.getTime() - b.startTime!.getTime()) / 1000));
    const before = median(builds.map((b) => seconds(b, 'SUBMITTED', 'DOWNLOAD_SOURCE') ?? NaN));
    const commands = median(builds.map((b) => seconds(b, 'INSTALL', 'POST_BUILD') ?? NaN));
    const afterLast = median(builds.map((b) => seconds(b, 'UPLOAD_ARTIFACTS', 'COMPLETED') ?? NaN));
    const direct = median(directs);
    rows.push([s.label, opts.repeats, total, median(clients), before, commands, afterLast, s.directLabel, direct, total - direct]);
    log(`codebuild: ${s.label}: ${total.toFixed(2)} s in Slipway, ${direct.toFixed(2)} s directly`);
  }
  return formatTable(
    `CodeBuild: StartBuild → SUCCEEDED beside the same commands in a shell (median of ${opts.repeats}; seconds)`,
    ['build', 'runs', 'Slipway', 'seen by client', 'before 1st command', 'phases', 'after last', 'direct', 'direct s', 'overhead'],
    rows,
  );
}
