/**
 * ECS on real Docker in tests, through the SDK v3 clients of a running Slipway: waiting on tasks,
 * a Slipway (or a restartable Slipway process) per test file, target groups and versioned web
 * task definitions.
 */
import {
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  type ContainerDefinition,
  type ECSClient,
  type LoadBalancer,
  type Task,
} from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import { rmSync } from 'node:fs';
import { after, before } from 'node:test';
import { stopHaproxy } from './elb.ts';
import { ensureTestImages, TEST_IMAGE } from './images.ts';
import {
  docker,
  freePort,
  removeSlipwayContainers,
  startSlipwayProcess,
  startTestSlipway,
  tempDataDir,
  type SlipwayProcess,
  type TestSlipway,
  waitFor,
} from './slipway.ts';

export async function describeTask(ecs: ECSClient, arn: string): Promise<Task> {
  return (await ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks![0];
}

/** Waits for the task's lastStatus; a task that stops on the way to another status fails with its stoppedReason. */
export function waitTaskStatus(ecs: ECSClient, arn: string, status: string, timeoutMs = 60_000): Promise<Task> {
  return waitFor(
    `task ${arn} ${status}`,
    async () => {
      const t = await describeTask(ecs, arn);
      if (status !== 'STOPPED' && t.lastStatus === 'STOPPED') throw new Error(`task stopped: ${t.stoppedReason}`);
      return t.lastStatus === status ? t : undefined;
    },
    timeoutMs,
  );
}

/** For a test file on real Docker: a Slipway (scale 20) started before its tests, with the test images built, and closed after. */
export function slipwayForTests(): () => TestSlipway {
  let slipway: TestSlipway | undefined;
  before(async () => {
    await ensureTestImages(docker);
    slipway = await startTestSlipway({ timeScale: 20 });
  });
  after(async () => {
    await slipway?.close();
  });
  return () => {
    if (!slipway) throw new Error('the test Slipway has not started');
    return slipway;
  };
}

/**
 * For a restart test file: one data directory whose Slipway runs as its own process (scale 20),
 * started (again) by `start`; afterwards the last one is killed and its HAProxy, the containers of
 * `family` and the directory go.
 */
export function slipwayProcessesForTests(family: string): { start(): Promise<SlipwayProcess> } {
  const dataDir = tempDataDir();
  let port = 0;
  let current: SlipwayProcess | undefined;
  before(async () => {
    await ensureTestImages(docker);
    port = await freePort();
  });
  after(async () => {
    await current?.kill('SIGKILL');
    await stopHaproxy(dataDir);
    await removeSlipwayContainers(undefined, family);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    async start() {
      current = await startSlipwayProcess(dataDir, port, { SLIPWAY_TIME_SCALE: '20' });
      return current;
    },
  };
}

/** An HTTP target group with quick health checks and a 20 s (nominal) deregistration delay. */
export async function quickTargetGroup(
  elb: E.ElasticLoadBalancingV2Client,
  name: string,
  type: 'ip' | 'instance',
  port: number,
): Promise<string> {
  const arn = (
    await elb.send(
      new E.CreateTargetGroupCommand({
        Name: name,
        Protocol: 'HTTP',
        Port: port,
        VpcId: 'vpc-1',
        TargetType: type,
        HealthCheckIntervalSeconds: 5,
        HealthCheckTimeoutSeconds: 2,
        HealthyThresholdCount: 2,
      }),
    )
  ).TargetGroups?.[0]?.TargetGroupArn;
  if (!arn) throw new Error(`target group ${name} was not created`);
  await elb.send(
    new E.ModifyTargetGroupAttributesCommand({
      TargetGroupArn: arn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '20' }],
    }),
  );
  return arn;
}

/** A load balancer `name` with one HTTP listener on a free port forwarding to `targetGroupArn`; the listener and its URL. */
export async function forwardingListener(
  elb: E.ElasticLoadBalancingV2Client,
  name: string,
  targetGroupArn: string,
): Promise<{ listenerArn: string; url: string }> {
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers?.[0];
  const port = await freePort();
  const listener = (
    await elb.send(
      new E.CreateListenerCommand({
        LoadBalancerArn: lb?.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
      }),
    )
  ).Listeners?.[0];
  if (!lb || !listener?.ListenerArn) throw new Error(`load balancer ${name} was not created`);
  return { listenerArn: listener.ListenerArn, url: `http://${lb.DNSName}:${port}/` };
}

/** Target groups `name`-blue and `name`-green and a load balancer `name`: HTTP listeners on it and their URLs. */
async function twoGroupsBehind(elb: E.ElasticLoadBalancingV2Client, name: string) {
  const blue = await quickTargetGroup(elb, `${name}-blue`, 'instance', 8080);
  const green = await quickTargetGroup(elb, `${name}-green`, 'instance', 8080);
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers?.[0];
  if (!lb?.LoadBalancerArn) throw new Error(`load balancer ${name} was not created`);
  const lbArn = lb.LoadBalancerArn;
  const listener = async (port: number, action: E.Action): Promise<string> => {
    const arn = (
      await elb.send(new E.CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: port, DefaultActions: [action] }))
    ).Listeners?.[0]?.ListenerArn;
    if (!arn) throw new Error(`the listener on port ${port} was not created`);
    return arn;
  };
  return { blue, green, listener, url: (port: number) => `http://${lb.DNSName}:${port}/` };
}

/** A blue/green service's two target groups behind a load balancer `name`, and rules forwarding to both (blue 100 / green 0). */
export async function blueGreenGroups(elb: E.ElasticLoadBalancingV2Client, name: string) {
  const { blue, green, listener, url } = await twoGroupsBehind(elb, name);
  /** A listener on `port` answering 404 but for one rule forwarding everything to blue 100 / green 0; its ARN. */
  const rule = async (port: number): Promise<string> => {
    const listenerArn = await listener(port, { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } });
    const ruleArn = (
      await elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listenerArn,
          Priority: 10,
          Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
          Actions: [
            {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: blue, Weight: 100 },
                  { TargetGroupArn: green, Weight: 0 },
                ],
              },
            },
          ],
        }),
      )
    ).Rules?.[0]?.RuleArn;
    if (!ruleArn) throw new Error(`the rule on port ${port} was not created`);
    return ruleArn;
  };
  return { blue, green, rule, url };
}

/**
 * A CodeDeploy service's two target groups (`name`-blue, `name`-green) behind a load balancer
 * `name`, and listeners whose default action forwards to blue, as a deployment group names them.
 */
export async function blueGreenListeners(elb: E.ElasticLoadBalancingV2Client, name: string) {
  const { blue, green, listener, url } = await twoGroupsBehind(elb, name);
  /** A listener on `port` forwarding to blue; its ARN. */
  return { blue, green, listener: (port: number) => listener(port, { Type: 'forward', TargetGroupArn: blue }), url };
}

/** The load balancer of a service deployed by ECS blue/green: `blue` serving, `green` its alternate, and the rules shifting them. */
export function blueGreenBalancer(blue: string, green: string, productionListenerRule: string, testListenerRule?: string): LoadBalancer {
  return {
    targetGroupArn: blue,
    containerName: 'web',
    containerPort: 8080,
    advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule, ...(testListenerRule ? { testListenerRule } : {}) },
  };
}

/**
 * Registers a revision of `family` whose one container, `web`, answers `version` on port 8080 (a
 * dynamic host port), with `overrides` (a command that fails, a health check); its ARN.
 */
export async function registerVersion(
  ecs: ECSClient,
  family: string,
  version: string,
  overrides: Partial<ContainerDefinition> = {},
): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [
        {
          name: 'web',
          image: TEST_IMAGE,
          memory: 16,
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
          command: ['sh', '-c', `echo ${version} > /www/index.html && exec httpd -f -p 8080 -h /www`],
          ...overrides,
        },
      ],
    }),
  );
  const arn = out.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new Error(`${family} was not registered`);
  return arn;
}
