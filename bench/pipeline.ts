/**
 * Push to live: the FastAPI example in seed 000's shape — a push to Slipway's git host through a
 * connection, CodeBuild building and pushing the image and writing imagedefinitions.json, an ECS
 * all-at-once deploy (minimumHealthyPercent 0) behind the load balancer — timed from `git push`
 * returning to the load balancer answering the new body, stage by stage, beside the same steps
 * run by hand in a shell (git clone, docker build, docker push, docker run until it answers) and
 * beside the seeds' figures on AWS. A first round warms the build cache and is not counted.
 * Time scale 1: the target group's health checks and deregistration delay are AWS's own settings
 * (the shortest AWS allows), not a faster clock.
 */
import { CodeBuildClient, BatchGetBuildsCommand, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  type ActionCategory,
  type ActionExecutionDetail,
} from '@aws-sdk/client-codepipeline';
import { CodeStarConnectionsClient, CreateConnectionCommand } from '@aws-sdk/client-codestar-connections';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client, ModifyTargetGroupAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { PHASE_ORDER } from '../src/services/codebuild/phases.ts';
import { forwardingListener, quickTargetGroup } from '../test/support/ecs.ts';
import { get } from '../test/support/elb.ts';
import { s3Client } from '../test/support/s3.ts';
import { clientConfig, waitFor as until } from '../test/support/slipway.ts';
import { docker, onCleanup, removeClusterContainers, startSlipway, tempDir } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

const run = promisify(execFile);
const example = new URL('../examples/fastapi-hello/', import.meta.url).pathname;

export interface PipelineBenchOptions {
  rounds: number;
  log: (line: string) => void;
}

/** Seed 000's build: log in, build, push, imagedefinitions.json — the steps the hand-run column repeats. */
const BUILDSPEC = `version: 0.2
phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $REGISTRY
  build:
    commands:
      - docker build -t $REPOSITORY_URI:latest .
  post_build:
    commands:
      - docker push $REPOSITORY_URI:latest
      - printf '[{"name":"my-app","imageUri":"%s"}]' $REPOSITORY_URI:latest > imagedefinitions.json
artifacts:
  files:
    - imagedefinitions.json
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sinceS = (t0: number) => (performance.now() - t0) / 1000;
const body = (hello: string) => JSON.stringify({ Hello: hello });

export async function benchPipeline(opts: PipelineBenchOptions): Promise<string> {
  const { log } = opts;
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: '1' });
  const config = clientConfig(slipway.endpoint);
  const cp = new CodePipelineClient(config);
  const cb = new CodeBuildClient(config);
  const ecs = new ECSClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const registry = new URL(slipway.endpoint).host;
  const uri = (await new ECRClient(config).send(new CreateRepositoryCommand({ repositoryName: 'bench-app' }))).repository!.repositoryUri!;
  onCleanup(async () => {
    // Slipway first, so that its scheduler does not start (and pull) again what is removed here.
    await slipway.stop();
    await removeClusterContainers(['arn:aws:ecs:us-east-1:000000000000:cluster/default']);
    // Every tag and digest reference the builds, the hand-run steps and the tasks left (by name:
    // an image other repositories also name keeps those names).
    const ours = (name: string) => name.startsWith(`${registry}/bench-app`);
    for (const image of await docker.listImages({ filters: { reference: [`${registry}/bench-app`] }, digests: true }))
      for (const name of [...(image.RepoTags ?? []), ...(image.RepoDigests ?? [])].filter(ours))
        await docker
          .getImage(name)
          .remove()
          .catch(() => undefined);
  });
  await s3Client(slipway.endpoint).send(new CreateBucketCommand({ Bucket: 'bench-pipeline-artifacts' }));
  const { ConnectionArn } = await new CodeStarConnectionsClient(config).send(
    new CreateConnectionCommand({ ConnectionName: 'bench', ProviderType: 'GitHub' }),
  );
  const remote = `${slipway.endpoint}/_slipway/git/bench/app.git`;

  const work = tempDir('slipway-bench-pipe-');
  const env = {
    ...process.env,
    HOME: work,
    DOCKER_CONFIG: join(work, '.docker'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Dev',
    GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev',
    GIT_COMMITTER_EMAIL: 'dev@example.com',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL: slipway.endpoint,
    AWS_PAGER: '',
    REPOSITORY_URI: uri,
    REGISTRY: registry,
  };
  const sh = async (script: string, cwd = work) =>
    (await run('bash', ['-o', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();
  const app = join(work, 'app');
  cpSync(example, app, { recursive: true });
  writeFileSync(join(app, 'buildspec.yml'), BUILDSPEC);
  await sh(`git init -q -b main && git add -A && git commit -qm app && git push -q ${remote} HEAD:main`, app);

  // The hand-run steps, once to warm docker's cache; their image is the service's first version.
  const byHand = async (tag: string, hello: string) => {
    const at = performance.now();
    const clone = join(work, `clone-${tag}`);
    await sh(`git clone -q ${remote} ${clone}`);
    const cloned = sinceS(at);
    await sh(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin $REGISTRY >/dev/null`);
    const loggedIn = sinceS(at);
    await sh(`docker build -q -t $REPOSITORY_URI:${tag} .`, clone);
    const built = sinceS(at);
    await sh(`docker push -q $REPOSITORY_URI:${tag}`);
    const pushed = sinceS(at);
    const id = await sh(`docker run -d -p 127.0.0.1::8000 $REPOSITORY_URI:${tag}`);
    const stop = onCleanup(() => sh(`docker rm -f ${id} >/dev/null`).then(() => undefined));
    const port = (await sh(`docker port ${id} 8000`)).split(':').at(-1);
    await until(
      `the hand-run container to answer`,
      async () => (await get(`http://127.0.0.1:${port}/`).catch(() => undefined))?.body === body(hello),
      60_000,
      20,
    );
    const live = sinceS(at);
    await stop();
    return { clone: cloned, login: loggedIn - cloned, build: built - loggedIn, push: pushed - built, run: live - pushed, total: live };
  };
  log('pipeline: hand-run steps once to warm the cache');
  await byHand('hand', 'World');

  const tg = await quickTargetGroup(elb, 'bench-app', 'instance', 8000);
  await elb.send(
    new ModifyTargetGroupAttributesCommand({
      TargetGroupArn: tg,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }],
    }),
  );
  const { url } = await forwardingListener(elb, 'bench-app', tg);
  const taskdef = JSON.parse(readFileSync(join(example, 'taskdef.json'), 'utf8'));
  taskdef.containerDefinitions[0].image = `${uri}:hand`;
  await ecs.send(new RegisterTaskDefinitionCommand(taskdef));
  await ecs.send(
    new CreateServiceCommand({
      serviceName: 'bench-app',
      taskDefinition: taskdef.family,
      desiredCount: 1,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'my-app', containerPort: 8000 }],
      deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
    }),
  );
  const answers = async (hello: string) => (await get(url).catch(() => undefined))?.body === body(hello);
  await until('the service to answer through the load balancer', () => answers('World'), 180_000);

  await cb.send(
    new CreateProjectCommand({
      name: 'bench-app',
      serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
        privilegedMode: true,
        environmentVariables: [
          { name: 'REPOSITORY_URI', value: uri },
          { name: 'REGISTRY', value: registry },
        ],
      },
    }),
  );
  const action = (
    category: ActionCategory,
    provider: string,
    configuration: Record<string, string>,
    io: { in?: string; out?: string },
  ) => ({
    name: provider,
    actionTypeId: { category, owner: 'AWS' as const, provider, version: '1' },
    configuration,
    inputArtifacts: io.in ? [{ name: io.in }] : [],
    outputArtifacts: io.out ? [{ name: io.out }] : [],
  });
  await cp.send(
    new CreatePipelineCommand({
      pipeline: {
        name: 'bench-app',
        pipelineType: 'V2',
        roleArn: 'arn:aws:iam::000000000000:role/pipeline',
        artifactStore: { type: 'S3', location: 'bench-pipeline-artifacts' },
        triggers: [
          {
            providerType: 'CodeStarSourceConnection',
            gitConfiguration: { sourceActionName: 'CodeStarSourceConnection', push: [{ branches: { includes: ['main'] } }] },
          },
        ],
        stages: [
          {
            name: 'Source',
            actions: [
              action(
                'Source',
                'CodeStarSourceConnection',
                { ConnectionArn: ConnectionArn!, FullRepositoryId: 'bench/app', BranchName: 'main' },
                { out: 'Src' },
              ),
            ],
          },
          { name: 'Build', actions: [action('Build', 'CodeBuild', { ProjectName: 'bench-app' }, { in: 'Src', out: 'Built' })] },
          { name: 'Deploy', actions: [action('Deploy', 'ECS', { ClusterName: 'default', ServiceName: 'bench-app' }, { in: 'Built' })] },
        ],
      },
    }),
  );

  type Round = Awaited<ReturnType<typeof pushToLive>>;
  const pushToLive = async (hello: string) => {
    for (const file of ['main.py', 'test_main.py']) {
      const path = join(app, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/"Hello": "[^"]*"/, `"Hello": "${hello}"`));
    }
    await sh(`git commit -qam "say ${hello}"`, app);
    const { pipelineExecutionSummaries: before } = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'bench-app' }));
    await sh(`git push -q ${remote} HEAD:main`, app);
    const pushed = performance.now();
    const pushedAt = Date.now();
    await until(`the load balancer to answer ${body(hello)}`, () => answers(hello), 600_000, 20);
    const live = sinceS(pushed);
    const { pipelineExecutionSummaries: after } = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'bench-app' }));
    const id = after!.find((x) => !before!.some((b) => b.pipelineExecutionId === x.pipelineExecutionId))!.pipelineExecutionId!;
    const done = await until(
      `execution ${id} to end`,
      async () => {
        const e = (await cp.send(new GetPipelineExecutionCommand({ pipelineName: 'bench-app', pipelineExecutionId: id })))
          .pipelineExecution!;
        return e.status === 'InProgress' ? undefined : e;
      },
      300_000,
    );
    if (done.status !== 'Succeeded') throw new Error(`execution ${id} ended ${done.status}: ${done.statusSummary ?? ''}`);
    const actions = (await cp.send(new ListActionExecutionsCommand({ pipelineName: 'bench-app', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!;
    const of = (stage: string) => actions.find((a) => a.stageName === stage)!;
    const at = (t: Date | undefined) => (t ? (t.getTime() - pushedAt) / 1000 : NaN);
    const span = (a: ActionExecutionDetail) => at(a.lastUpdateTime) - at(a.startTime);
    const buildId = of('Build').output?.executionResult?.externalExecutionId;
    const build = (await cb.send(new BatchGetBuildsCommand({ ids: [buildId!] }))).builds![0];
    // From the phases' own times: durationInSeconds is whole seconds.
    const phase = (type: string) => {
      const p = build.phases?.find((x) => x.phaseType === type);
      return p?.endTime && p.startTime ? (p.endTime.getTime() - p.startTime.getTime()) / 1000 : 0;
    };
    const phases = (...types: string[]) => types.reduce((sum, t) => sum + phase(t), 0);
    return {
      live,
      noticed: at(of('Source').startTime),
      source: span(of('Source')),
      sourceToBuild: at(of('Build').startTime) - at(of('Source').lastUpdateTime),
      build: span(of('Build')),
      actionToBuild: at(build.startTime) - at(of('Build').startTime),
      provision: phases('SUBMITTED', 'QUEUED', 'PROVISIONING'),
      download: phases('DOWNLOAD_SOURCE'),
      install: phases('INSTALL'),
      login: phases('PRE_BUILD'),
      dockerBuild: phases('BUILD'),
      dockerPush: phases('POST_BUILD'),
      after: phases('UPLOAD_ARTIFACTS', 'FINALIZING'),
      betweenPhases:
        (build.endTime!.getTime() - build.startTime!.getTime()) / 1000 - phases(...PHASE_ORDER.filter((t) => t !== 'COMPLETED')),
      buildEndToAction: at(of('Build').lastUpdateTime) - at(build.endTime),
      buildToDeploy: at(of('Deploy').startTime) - at(of('Build').lastUpdateTime),
      liveInDeploy: live - at(of('Deploy').startTime),
      deploy: span(of('Deploy')),
    };
  };

  log('pipeline: warm-up round (its build fills the build cache)');
  await until(
    'the first execution to end',
    async () => {
      const list = (await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'bench-app' }))).pipelineExecutionSummaries ?? [];
      return list.length > 0 && list.every((x) => x.status !== 'InProgress') ? list : undefined;
    },
    600_000,
  );
  await pushToLive('AWS');
  const rounds: Round[] = [];
  const hands: Awaited<ReturnType<typeof byHand>>[] = [];
  for (let i = 1; i <= opts.rounds; i++) {
    rounds.push(await pushToLive(`AWS ${i}`));
    log(`pipeline: round ${i}: push → live ${rounds.at(-1)!.live.toFixed(2)} s`);
    hands.push(await byHand(`hand${i}`, `AWS ${i}`));
    log(`pipeline: round ${i}: by hand ${hands.at(-1)!.total.toFixed(2)} s`);
    await docker
      .getImage(`${uri}:hand${i}`)
      .remove({ force: true })
      .catch(() => undefined);
  }
  const m = (k: keyof Round) => median(rounds.map((r) => r[k]));
  const h = (k: keyof (typeof hands)[0]) => median(hands.map((r) => r[k]));
  const rows: Cell[][] = [
    ['push returned → Source action starts', m('noticed'), undefined, 'git push', 'source: seconds'],
    ['Source (commit → zip in S3)', m('source'), h('clone'), 'git clone', undefined],
    ['Source → Build hand-off', m('sourceToBuild'), undefined, '', undefined],
    ['Build action starts → build starts', m('actionToBuild'), undefined, '', undefined],
    ['Build: queued, provisioning', m('provision'), undefined, '', 'build: about 5 min (seed 003)'],
    ['Build: download source (input artifact)', m('download'), undefined, '', undefined],
    ['Build: install (the container starts)', m('install'), undefined, '', undefined],
    ['Build: pre_build (ECR login)', m('login'), h('login'), 'aws ecr get-login-password | docker login', undefined],
    ['Build: build (cached docker build)', m('dockerBuild'), h('build'), 'docker build', undefined],
    ['Build: post_build (docker push)', m('dockerPush'), h('push'), 'docker push', undefined],
    ['Build: upload artifacts, finalizing', m('after'), undefined, '', undefined],
    ['Build: between phases (container start, exit)', m('betweenPhases'), undefined, '', undefined],
    ['Build ended → Build action ended', m('buildEndToAction'), undefined, '', undefined],
    ['Build action in all', m('build'), undefined, '', undefined],
    ['Build → Deploy hand-off', m('buildToDeploy'), undefined, '', undefined],
    ['Deploy start → LB answers new body', m('liveInDeploy'), h('run'), 'docker run until it answers', 'deploy: about 15 min (seed 003)'],
    ['Deploy action (until COMPLETED)', m('deploy'), undefined, '', undefined],
    ['push returned → LB answers new body', m('live'), h('total'), 'the steps by hand', 'about 20 min'],
  ];
  // Each round's pipeline run beside the hand-run steps right after it: the spread the machine's load gives the ratio.
  const paired = rounds.map((r, i) => r.live / hands[i].total);
  const spread = `${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}× round by round`;
  log(
    `pipeline: push → live ${m('live').toFixed(2)} s, by hand ${h('total').toFixed(2)} s (${(m('live') / h('total')).toFixed(2)}×; ${spread})`,
  );
  return formatTable(
    `CodePipeline push → live, FastAPI example, connection → CodeBuild → ECS all-at-once (median of ${opts.rounds}; seconds; ` +
      `${(m('live') / h('total')).toFixed(2)}× the hand-run steps, ${spread}; shared, loaded machine)`,
    ['step', 'Slipway', 'by hand', 'hand-run step', 'AWS (seeds)'],
    rows,
  );
}
