/**
 * CodeDeploy blue/green on ECS, one deployment per predefined config at a time scale that makes
 * AWS's minutes seconds: CreateDeployment → Succeeded beside the time the config itself
 * prescribes (the difference is Slipway's: starting green, health checks, removing
 * blue), and how long each weight step took, from the production listener's rules showing it, to
 * be served through HAProxy (measured by ./codedeploy-traffic.ts). Prints a table; asserts nothing.
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
import { cpus, loadavg } from 'node:os';
import { nextStep, PREDEFINED_ECS_CONFIGS } from '../src/services/codedeploy/routing.ts';
import { ecsAppSpec } from '../test/support/codedeploy.ts';
import { get } from '../test/support/elb.ts';
import { ensureTestImages, TEST_IMAGE } from '../test/support/images.ts';
import { waitFor } from '../test/support/slipway.ts';
import { docker, freePort, onCleanup, removeClusterContainers, startSlipway } from './procs.ts';
import { median, now, RULES_POLL_MS, rulesLateMs, SAMPLE_GAP_MS, sampleTraffic, stepGaps, watchRules } from './codedeploy-traffic.ts';
import { formatTable, type Cell } from './table.ts';

export interface CodeDeployBenchOptions {
  /** SLIPWAY_TIME_SCALE: 60 makes a minute last a second. */
  scale: number;
  log: (line: string) => void;
}

const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

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
  await waitFor('blue through the production listener', async () => (await get(prodUrl)).body === 'blue\n', 120_000, 100);
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
    await waitFor(
      'one task set',
      async () => {
        const service = (await ecs.send(new DescribeServicesCommand({ cluster: clusterName, services: ['web'] }))).services![0];
        return service.taskSets?.length === 1;
      },
      60_000,
      100,
    );
    if (i > 0) o.log(`codedeploy: the previous original task set was gone ${(now() - drainBegan).toFixed(0)} ms after Succeeded was seen`);

    const traffic = sampleTraffic(prodUrl, `${versions[to]}\n`, timeoutMs);
    const rules = watchRules(elb, prod, groups[to], timeoutMs);
    const appSpec = ecsAppSpec(taskDefinitions[to]);
    const began = now();
    const { deploymentId } = await cd.send(
      new CreateDeploymentCommand({
        applicationName: 'bench',
        deploymentGroupName: 'bench-dg',
        deploymentConfigName: name,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } },
      }),
    );
    const info = await waitFor(
      'the deployment to end',
      async () => {
        const d = (await cd.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo!;
        return ['Succeeded', 'Failed', 'Stopped'].includes(d.status!) ? { ...d, seenAt: now() } : undefined;
      },
      timeoutMs,
      100,
    );
    const steps = await rules.stop();
    const samples = await traffic.stop();
    const events = (await cd.send(new GetDeploymentTargetCommand({ deploymentId, targetId: `${clusterName}:web` }))).deploymentTarget!
      .ecsTarget!.lifecycleEvents!;
    const install = events.find((e) => e.lifecycleEventName === 'Install');
    if (info.status !== 'Succeeded') throw new Error(`${name}: ${info.status}: ${info.errorInformation?.message}`);
    const wallMs = (info.completeTime?.getTime() ?? info.seenAt) - began;
    const gaps = stepGaps(samples.list, steps, began);
    rows.push([
      name.replace('CodeDeployDefault.', ''),
      `${steps.length}/${plan.length}`,
      prescribedMs / 1000,
      wallMs / 1000,
      (wallMs - prescribedMs) / 1000,
      install?.startTime && install.endTime ? (install.endTime.getTime() - install.startTime.getTime()) / 1000 : undefined,
      steps.length === plan.length ? rulesLateMs(steps, plan, 60_000 / o.scale) : undefined,
      gaps.edge.length ? Math.max(...gaps.edge) : undefined,
      gaps.middle.length ? median(gaps.middle) : undefined,
      gaps.unseen,
      samples.list.length + samples.failed,
      samples.failed,
    ]);
    o.log(
      `codedeploy: ${name} done in ${(wallMs / 1000).toFixed(3)} s (complete ${info.completeTime?.toISOString()}), steps at +${steps.map((s) => (s.t - began).toFixed(0)).join(', +')} ms; failed requests ${samples.failed}${samples.firstError}`,
    );
  }
  return formatTable(
    `CodeDeploy ECS blue/green at SLIPWAY_TIME_SCALE=${o.scale} (a minute lasts ${(60 / o.scale).toFixed(1)} s), termination wait 0, one task per set; ` +
      `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after (${cpus().length} CPUs shared)\n` +
      'steps: weight changes seen in the production listener rules / prescribed; overhead = wall − prescribed (install included); ' +
      'rules late: longest delay of a step in the rules behind the schedule from the first step\n' +
      `→served: from the rules showing a step (polled every ${RULES_POLL_MS} ms) to HAProxy serving its share, by a client asking every ~${SAMPLE_GAP_MS} ms: ` +
      'steps from 0% (first new answer: at 10%, ~10 requests late on average) or to 100% (last old answer): longest; other steps, a change-point estimate blurred over a few hundred ms: median; unseen: steps never found in the traffic',
    [
      'config',
      'steps',
      { header: 'prescribed s', decimals: 1 },
      { header: 'create→Succeeded s', decimals: 1 },
      { header: 'overhead s', decimals: 1 },
      { header: 'install s', decimals: 1 },
      { header: 'rules late ms', decimals: 0 },
      { header: '0%/100% →served ms', decimals: 0 },
      { header: 'other →served ms', decimals: 0 },
      'unseen',
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
