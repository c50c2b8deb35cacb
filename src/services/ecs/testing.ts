/**
 * @module services/ecs/testing
 * An ECS room over an in-memory store and no engine, for unit tests of its handlers.
 */
import { RegisterTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import * as E from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import { ensureTestImages, TEST_IMAGE } from '../../../test/support/images.ts';
import { rmSync } from 'node:fs';
import { stopHaproxy } from '../../../test/support/elb.ts';
import {
  docker,
  freePort,
  removeSlipwayContainers,
  startSlipwayProcess,
  startTestSlipway,
  tempDataDir,
  type SlipwayProcess,
  type TestSlipway,
} from '../../../test/support/slipway.ts';
import { ecsHandlers } from './api.ts';
import type { EcsContext } from './context.ts';
import { EcsModel } from './model.ts';
import type { EcsOperations } from './shapes.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'r', endpoint: 'http://local' };

export function memoryEcs() {
  const store = Store.open(':memory:');
  const ecs: EcsContext = {
    config: { ...loadConfig({}, {}), instanceCpu: 2048, instanceMemoryMiB: 1000 },
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock: createClock(1),
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model: new EcsModel(store),
    engine: { id: 'e', name: 'local', version: '1', cpus: 2, memoryBytes: 2 ** 30, os: 'linux', arch: 'x86_64' },
    enqueueTask: () => {},
    enqueueService: () => {},
    // Handlers never reach other rooms; a call through these would be a bug in the test.
    elb: unreachable('elb'),
    ecr: unreachable('ecr'),
    s3: unreachable('s3'),
    secrets: unreachable('secrets'),
    logs: unreachable('logs'),
    awslogs: unreachable('awslogs'),
  };
  const h = ecsHandlers(ecs) as Required<ReturnType<typeof ecsHandlers>>;
  const call = async <K extends keyof EcsOperations>(op: K, input: EcsOperations[K]['input']): Promise<EcsOperations[K]['output']> =>
    (h[op] as (i: unknown, c: RequestContext) => Promise<EcsOperations[K]['output']>)(input, ctx);
  return { ecs, call };
}

function unreachable<T extends object>(room: string): T {
  return new Proxy({} as T, {
    get: (_target, name) => () => {
      throw new Error(`the ${room} facade was called (${String(name)}) from a handler under test`);
    },
  });
}

/** Awaits an SDK call that ECS refuses: the error's name, and its message exactly (or matching). */
export async function rejects(p: Promise<unknown>, name: string, message: string | RegExp): Promise<void> {
  await assert.rejects(p, (e: Error) => {
    assert.equal(e.name, name, e.message);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
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

/** A blue/green service's two target groups behind a load balancer `name`, and rules forwarding to both (blue 100 / green 0). */
export async function blueGreenGroups(elb: E.ElasticLoadBalancingV2Client, name: string) {
  const blue = await quickTargetGroup(elb, `${name}-blue`, 'instance', 8080);
  const green = await quickTargetGroup(elb, `${name}-green`, 'instance', 8080);
  const lb = (await elb.send(new E.CreateLoadBalancerCommand({ Name: name }))).LoadBalancers?.[0];
  if (!lb?.LoadBalancerArn) throw new Error(`load balancer ${name} was not created`);
  const lbArn = lb.LoadBalancerArn;
  /** A listener on `port` answering 404 but for one rule forwarding everything to blue 100 / green 0; its ARN. */
  const rule = async (port: number): Promise<string> => {
    const listener = (
      await elb.send(
        new E.CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'HTTP',
          Port: port,
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
        }),
      )
    ).Listeners?.[0];
    const ruleArn = (
      await elb.send(
        new E.CreateRuleCommand({
          ListenerArn: listener?.ListenerArn,
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
  return { blue, green, rule, url: (port: number) => `http://${lb.DNSName}:${port}/` };
}

/** Registers a revision of `family` whose one container, `web`, answers `version` on port 8080 (a dynamic host port); its ARN. */
export async function registerVersion(ecs: ECSClient, family: string, version: string): Promise<string> {
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
        },
      ],
    }),
  );
  const arn = out.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new Error(`${family} was not registered`);
  return arn;
}
