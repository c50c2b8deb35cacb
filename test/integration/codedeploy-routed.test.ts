/**
 * A CodeDeploy blue/green deployment is Succeeded only once the load balancer routes to green: the
 * moment the deployment's Succeeded is published (and again once GetDeployment says so), every one
 * of many parallel requests on new connections through the real HAProxy listener is answered by
 * green — with no termination wait, blue's task set goes in the same step. A load balancer whose
 * data plane refuses the shift fails the deployment, and the last version keeps serving.
 */
import { CodeDeployClient, CreateDeploymentCommand, type DeploymentInfo, GetDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { CreateServiceCommand } from '@aws-sdk/client-ecs';
import { CreateRuleCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, test } from 'node:test';
import { DEPLOYMENT_STATUS } from '../../src/services/codedeploy/context.ts';
import { elbModel } from '../../src/services/elb/model.ts';
import { ecsAppSpec, ecsDeploymentGroup } from '../support/codedeploy.ts';
import { blueGreenListeners, registerVersion } from '../support/ecs.ts';
import { elbClient, get, spread } from '../support/elb.ts';
import { ensureTestImages } from '../support/images.ts';
import { clientConfig, docker, freePort, startTestSlipway, waitFor, type TestSlipway } from '../support/slipway.ts';

/** Requests sent at once, each on a connection of its own. */
const BURST = 40;

let s: TestSlipway;
let elb: ElasticLoadBalancingV2Client;
let codedeploy: CodeDeployClient;

before(async () => {
  await ensureTestImages(docker);
  s = await startTestSlipway({ timeScale: 20 });
  elb = elbClient(s.endpoint);
  codedeploy = new CodeDeployClient(clientConfig(s.endpoint));
});
after(async () => {
  elb?.destroy();
  codedeploy?.destroy();
  await s?.close();
});

/** The bodies of BURST requests sent together, each on a new connection. */
async function burst(url: string): Promise<Map<string, number>> {
  const agent = new Agent({ keepAlive: false, maxSockets: BURST });
  const answers = await Promise.all(
    Array.from({ length: BURST }, () => get(url, { agent }).catch((err: Error) => ({ status: 0, body: err.message }))),
  );
  agent.destroy();
  const counts = new Map<string, number>();
  for (const r of answers) {
    const key = r.status === 200 ? r.body : `HTTP ${r.status} ${r.body}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Deploys `taskDefinition` to the group and answers the deployment once it has ended. */
async function deploy(taskDefinition: string): Promise<DeploymentInfo> {
  const content = ecsAppSpec(taskDefinition);
  const { deploymentId } = await codedeploy.send(
    new CreateDeploymentCommand({
      applicationName: 'routed',
      deploymentGroupName: 'routed-dg',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
    }),
  );
  return waitFor(
    'the deployment ended',
    async () => {
      const d = (await codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;
      return d && ['Succeeded', 'Failed', 'Stopped'].includes(d.status ?? '') ? d : undefined;
    },
    120_000,
    20,
  );
}

let prodUrl: string;
let prod: string;

test('when a deployment is Succeeded, every request through the production listener is answered by green', async () => {
  const v1 = await registerVersion(s.ecs, 'routed-web', 'v1');
  const v2 = await registerVersion(s.ecs, 'routed-web', 'v2');
  const { blue, listener, url } = await blueGreenListeners(elb, 'routed');
  const port = await freePort();
  prod = await listener(port);
  prodUrl = url(port);
  await s.ecs.send(
    new CreateServiceCommand({
      serviceName: 'routed-web',
      taskDefinition: v1,
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await waitFor('v1 through the production listener', async () => (await spread(prodUrl, 20)).get('v1\n') === 20, 120_000, 200);

  await ecsDeploymentGroup(s.endpoint, {
    application: 'routed',
    group: 'routed-dg',
    service: 'routed-web',
    targetGroups: ['routed-blue', 'routed-green'],
    listenerArn: prod,
  });

  // Sent the moment Succeeded is published, in the deployer's own step.
  let atSucceeded: Promise<Map<string, number>> | undefined;
  const unsubscribe = s.app.ctx.events.subscribe((e) => {
    if (e.type === DEPLOYMENT_STATUS && (e.detail as { status?: string }).status === 'Succeeded') atSucceeded ??= burst(prodUrl);
  });
  const done = await deploy(v2);
  assert.equal(done.status, 'Succeeded');
  const afterGet = await burst(prodUrl);
  unsubscribe();
  assert.ok(atSucceeded, 'Succeeded was published');
  assert.deepEqual([...(await atSucceeded)], [['v2\n', BURST]], 'answers the moment Succeeded was published');
  assert.deepEqual([...afterGet], [['v2\n', BURST]], 'answers once GetDeployment said Succeeded');
});

test('a load balancer whose data plane refuses the shift fails the deployment, naming it and the reason; the last version keeps serving', async () => {
  const v3 = await registerVersion(s.ecs, 'routed-web', 'v3');
  // A rule as an older Slipway could have stored it, with an expression HAProxy refuses: its load balancer keeps what it last accepted.
  const rule = (
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: prod,
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', Values: ['/never'] }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      }),
    )
  ).Rules![0];
  const model = elbModel(s.app.ctx.store);
  const record = model.rules.get(rule.RuleArn!)!;
  record.rule.Conditions = [{ Field: 'path-pattern', RegexValues: ['[\\d-z]'], PathPatternConfig: { RegexValues: ['[\\d-z]'] } }];
  model.putRule(record);
  const lbArn = model.listeners.get(prod)!.listener.LoadBalancerArn;

  const failed = await deploy(v3);
  assert.equal(failed.status, 'Failed');
  assert.equal(failed.errorInformation?.code, 'ELASTIC_LOAD_BALANCING_INVALID');
  assert.ok(failed.errorInformation?.message?.includes(lbArn), failed.errorInformation?.message);
  assert.match(failed.errorInformation!.message!, /\[\\d-z\]/, "HAProxy's reason names the expression");
  assert.deepEqual([...(await burst(prodUrl))], [['v2\n', BURST]]);
});
