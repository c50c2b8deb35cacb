/**
 * CodeDeploy blue/green on ECS, one deployment per predefined config at a time scale that makes
 * AWS's minutes seconds: CreateDeployment → Succeeded beside the time the config itself
 * prescribes (the difference is Slipway's: starting green, health checks, settling, removing
 * blue), and how long each weight step took to show in the traffic through HAProxy. A small
 * client asks the production listener for its version every few ms (bounded in count and time)
 * while the listener's rules are polled; a step is "shown" from the moment the rules carry it,
 * and "served" at the most likely change point of the answers between the old and new shares
 * (a maximum-likelihood split of the samples, so a 10% step is found to within some requests).
 * Prints a table; asserts nothing.
 */
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
} from '@aws-sdk/client-codedeploy';
import { GetDeploymentCommand, GetDeploymentTargetCommand } from '@aws-sdk/client-codedeploy';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { nextStep, PREDEFINED_ECS_CONFIGS } from '../src/services/codedeploy/routing.ts';
import { get } from '../test/support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { docker, freePort, onCleanup, removeClusterContainers, startSlipway } from './procs.ts';
import { formatTable, type Cell } from './table.ts';

export interface CodeDeployBenchOptions {
  /** SLIPWAY_TIME_SCALE: 60 makes a minute last a second. */
  scale: number;
  log: (line: string) => void;
}

/** Pause between the traffic client's requests, and between looks at the listener's rules. */
const SAMPLE_GAP_MS = 2;
const RULES_POLL_MS = 20;
/** Upper bound on the traffic client's requests per deployment. */
const MAX_SAMPLES = 100_000;
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

interface Sample {
  t: number;
  /** Answered by the version being deployed. */
  fresh: boolean;
}

interface Step {
  /** When the listener's rules first showed this share (ms since the epoch). */
  t: number;
  percent: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchCodeDeploy(o: CodeDeployBenchOptions): Promise<string> {
  const loadBefore = loadavg()[0];
  await ensureTestImages(docker);
  const slipway = await startSlipway({ SLIPWAY_TIME_SCALE: String(o.scale) });
  const config = { endpoint: slipway.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  const ecs = new ECSClient(config);
  const elb = new E.ElasticLoadBalancingV2Client(config);
  const cd = new CodeDeployClient(config);
  const clusterName = `bench-cd-${process.pid}`;
  const clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName }))).cluster!.clusterArn!;
  // Slipway first, so that no scheduler starts a task again after its containers are gone.
  onCleanup(async () => {
    await slipway.stop();
    await removeClusterContainers([clusterArn]);
  });

  const versions = ['blue', 'green'];
  const taskDefinitions = await Promise.all(versions.map((v) => taskDefinition(ecs, v)));
  const groups = await Promise.all(versions.map((v) => targetGroup(elb, `bench-cd-${v}`)));
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: 'bench-cd' }))).LoadBalancers![0];
  const [prodPort, testPort] = [await freePort(), await freePort()];
  const listener = async (port: number) =>
    (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: port,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: groups[0] }],
        }),
      )
    ).Listeners![0].ListenerArn!;
  const prod = await listener(prodPort);
  const test = await listener(testPort);
  const prodUrl = `http://${lb.DNSName}:${prodPort}/`;

  o.log(`codedeploy: a CODE_DEPLOY service on ${prodUrl}, time scale ${o.scale}`);
  await ecs.send(
    new CreateServiceCommand({
      cluster: clusterName,
      serviceName: 'web',
      taskDefinition: taskDefinitions[0],
      desiredCount: 1,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: groups[0], containerName: 'web', containerPort: 8080 }],
    }),
  );
  await until(async () => (await get(prodUrl)).body === 'blue\n', 120_000);
  await cd.send(new CreateApplicationCommand({ applicationName: 'bench', computePlatform: 'ECS' }));
  await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'bench',
      deploymentGroupName: 'bench-dg',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/ecsCodeDeployRole',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      ecsServices: [{ serviceName: 'web', clusterName }],
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: versions.map((v) => ({ name: `bench-cd-${v}` })),
            prodTrafficRoute: { listenerArns: [prod] },
            testTrafficRoute: { listenerArns: [test] },
          },
        ],
      },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 0 },
      },
    }),
  );

  const rows: Cell[][] = [];
  const names = Object.keys(PREDEFINED_ECS_CONFIGS);
  for (const [i, name] of names.entries()) {
    const to = (i + 1) % 2;
    const plan = stepPlan(name);
    const prescribedMs = plan.reduce((sum, s) => sum + s.afterMinutes, 0) * (60_000 / o.scale);
    o.log(`codedeploy: ${name}, ${versions[1 - to]} → ${versions[to]}, prescribed ${(prescribedMs / 1000).toFixed(1)} s`);
    const timeoutMs = prescribedMs + 180_000;
    // The previous deployment's original task set is still draining after Succeeded, and a new
    // deployment started then fails ("The task set is being deleted."): wait until it is gone.
    const drainBegan = now();
    await until(async () => {
      const service = (await ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: ['web'] }))).services![0];
      return service.taskSets?.length === 1;
    }, 60_000);
    if (i > 0) o.log(`codedeploy: the previous original task set was gone ${(now() - drainBegan).toFixed(0)} ms after Succeeded was seen`);

    const traffic = sampleTraffic(prodUrl, `${versions[to]}\n`, timeoutMs);
    const rules = watchRules(elb, prod, groups[to], timeoutMs);
    const appSpec = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "${taskDefinitions[to]}"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
`;
    const began = now();
    const { deploymentId } = await cd.send(
      new CreateDeploymentCommand({
        applicationName: 'bench',
        deploymentGroupName: 'bench-dg',
        deploymentConfigName: name,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      }),
    );
    const info = await until(async () => {
      const d = (await cd.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo!;
      return ['Succeeded', 'Failed', 'Stopped'].includes(d.status!) ? { ...d, seenAt: now() } : undefined;
    }, timeoutMs);
    const steps = await rules.stop();
    const samples = await traffic.stop();
    const events = (await cd.send(new GetDeploymentTargetCommand({ deploymentId, targetId: `${clusterName}:web` }))).deploymentTarget!
      .ecsTarget!.lifecycleEvents!;
    const install = events.find((e) => e.lifecycleEventName === 'Install');
    if (info.status !== 'Succeeded') throw new Error(`${name}: ${info.status}: ${info.errorInformation?.message}`);
    const wallMs = (info.completeTime?.getTime() ?? info.seenAt) - began;
    const gaps = steps.map((s, k) => servedAt(samples.list, steps[k - 1]?.percent ?? 0, s, steps[k + 1]?.t ?? Infinity) - s.t);
    rows.push([
      name.replace('CodeDeployDefault.', ''),
      `${steps.length}/${plan.length}`,
      prescribedMs / 1000,
      wallMs / 1000,
      (wallMs - prescribedMs) / 1000,
      install?.startTime && install.endTime ? (install.endTime.getTime() - install.startTime.getTime()) / 1000 : undefined,
      gaps.length ? Math.max(...gaps) : undefined,
      samples.list.length + samples.failed,
      samples.failed,
    ]);
    o.log(
      `codedeploy: ${name} done in ${(wallMs / 1000).toFixed(3)} s (complete ${info.completeTime?.toISOString()}), steps at +${steps.map((s) => (s.t - began).toFixed(0)).join(', +')} ms; failed requests ${samples.failed}${samples.firstError}`,
    );
  }
  return formatTable(
    `CodeDeploy ECS blue/green at SLIPWAY_TIME_SCALE=${o.scale} (a minute lasts ${(60 / o.scale).toFixed(1)} s), termination wait 0, one task per set, ` +
      `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after\n` +
      'steps: weight changes seen in the listener rules / the config prescribes; overhead = wall − prescribed (install included); ' +
      `weight→served: longest gap from the rules showing a step to HAProxy serving its share (change-point estimate, client every ~${SAMPLE_GAP_MS} ms)`,
    [
      'config',
      'steps',
      { header: 'prescribed s', decimals: 1 },
      { header: 'create→Succeeded s', decimals: 1 },
      { header: 'overhead s', decimals: 1 },
      { header: 'install s', decimals: 1 },
      { header: 'weight→served ms', decimals: 0 },
      'requests',
      'failed',
    ],
    rows,
  );
}

/** The config's steps: each step's green share and the minutes it waits after the previous one. */
function stepPlan(name: string): { percent: number; afterMinutes: number }[] {
  const plan = [];
  for (let s = nextStep(PREDEFINED_ECS_CONFIGS[name], 0); s; s = nextStep(PREDEFINED_ECS_CONFIGS[name], s.percent)) plan.push(s);
  return plan;
}

/**
 * When HAProxy began serving `step`'s share: the split of the samples between the previous step
 * (or a second before) and the next one that makes them most likely as `fromPercent` then
 * `step.percent` new answers.
 */
function servedAt(samples: Sample[], fromPercent: number, step: Step, nextT: number): number {
  const window = samples.filter((s) => s.t >= step.t - 1_000 && s.t < nextT);
  const p = (percent: number) => Math.min(1 - 1e-6, Math.max(1e-6, percent / 100));
  const logLikelihood = (fresh: boolean, q: number) => Math.log(fresh ? q : 1 - q);
  const [before, after] = [p(fromPercent), p(step.percent)];
  // Everything under the new share, then move the split right one sample at a time.
  let score = window.reduce((sum, s) => sum + logLikelihood(s.fresh, after), 0);
  let best = { score, t: window[0]?.t ?? Number.NaN };
  for (const [i, s] of window.entries()) {
    score += logLikelihood(s.fresh, before) - logLikelihood(s.fresh, after);
    if (score > best.score) best = { score, t: window[i + 1]?.t ?? Number.NaN };
  }
  return best.t;
}

/** Asks `url` one request at a time, every few ms, until stopped or bounded; which answers are `fresh`. */
function sampleTraffic(url: string, fresh: string, timeoutMs: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out = { list: [] as Sample[], failed: 0, firstError: '' };
  const deadline = now() + timeoutMs;
  let running = true;
  const loop = (async () => {
    while (running && out.list.length < MAX_SAMPLES && now() < deadline) {
      try {
        const r = await get(url, { agent });
        if (r.status === 200) out.list.push({ t: now(), fresh: r.body === fresh });
        else {
          out.failed++;
          out.firstError ||= ` (first: HTTP ${r.status})`;
        }
      } catch (err) {
        out.failed++;
        out.firstError ||= ` (first: ${(err as Error).message})`;
      }
      await sleep(SAMPLE_GAP_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return out;
    },
  };
}

/** Polls the listener's rules; each change of the share its weighted forward gives `group`. */
function watchRules(elb: E.ElasticLoadBalancingV2Client, listenerArn: string, group: string, timeoutMs: number) {
  const steps: Step[] = [];
  const deadline = now() + timeoutMs;
  let running = true;
  let last: number | undefined;
  const loop = (async () => {
    while (running && now() < deadline) {
      const action = await elb.send(new E.DescribeListenersCommand({ ListenerArns: [listenerArn] })).then(
        (out) => out.Listeners![0].DefaultActions![0],
        () => undefined,
      );
      if (action) {
        const weights = action.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }];
        const total = weights.reduce((sum, w) => sum + (w.Weight ?? 1), 0);
        const percent = Math.round((100 * (weights.find((w) => w.TargetGroupArn === group)?.Weight ?? 0)) / (total || 1));
        if (last !== undefined && percent !== last) steps.push({ t: now(), percent });
        last = percent;
      }
      await sleep(RULES_POLL_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return steps;
    },
  };
}

/** A task definition whose httpd answers `version` on 8080. */
async function taskDefinition(ecs: ECSClient, version: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'bench-cd',
      containerDefinitions: [
        {
          name: 'web',
          image: TEST_IMAGE,
          memory: 16,
          cpu: 64,
          stopTimeout: 2,
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
          command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
        },
      ],
    }),
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

async function targetGroup(elb: E.ElasticLoadBalancingV2Client, name: string): Promise<string> {
  const arn = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: name,
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-1',
        TargetType: 'instance',
        HealthCheckIntervalSeconds: 5,
        HealthCheckTimeoutSeconds: 2,
        HealthyThresholdCount: 2,
      }),
    )
  ).TargetGroups![0].TargetGroupArn!;
  await elb.send(
    new E.ModifyTargetGroupAttributesCommand({
      TargetGroupArn: arn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }],
    }),
  );
  return arn;
}

/** Polls `check` until it answers something (errors count as not yet). */
async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = now() + timeoutMs;
  let lastError: unknown;
  while (now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms${lastError ? ` (last: ${(lastError as Error).message})` : ''}`);
}
