/**
 * The traffic steps finish only once the load balancer routes by the weights they set: the world
 * holds the weights back from its data plane, and the deployment (or its rollback) waits until the
 * data plane takes them; a data plane that refuses them fails the deployment, naming the load
 * balancer and its reason.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROUTING_POLL_MS } from '../elb/traffic-types.ts';
import { blueGreenGroup } from './testing.ts';

const LB = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/lb/1';

describe('traffic steps wait for the load balancer', () => {
  it('a deployment is not Succeeded, nor blue removed, until production is routed to green', async () => {
    const s = await blueGreenGroup();
    s.world.holdDataPlane = true;
    const id = await s.deploy();
    assert.deepEqual(s.run(id), { requeueAfterMs: ROUTING_POLL_MS }, 'green joins the listener at 0 first');
    s.world.routeAll();
    assert.deepEqual(s.run(id), { requeueAfterMs: ROUTING_POLL_MS });
    assert.equal(s.greenWeight(), 100, 'the weights are stored');
    const d = await s.get(id);
    assert.equal(d.status, 'InProgress');
    assert.equal((await s.target(id)).lifecycleEvents!.find((e) => e.lifecycleEventName === 'AllowTraffic')?.status, 'InProgress');
    assert.equal(s.sets().length, 2, 'blue still serves');
    s.run(id);
    assert.equal((await s.get(id)).status, 'InProgress', 'a look while still pending changes nothing');
    s.world.routeAll();
    s.run(id);
    assert.equal((await s.get(id)).status, 'Succeeded');
    assert.equal(s.sets().length, 1);
  });

  it('test traffic waits for its listener too', async () => {
    const s = await blueGreenGroup({ test: true });
    s.world.holdDataPlane = true;
    const id = await s.deploy();
    s.run(id);
    const events = (await s.target(id)).lifecycleEvents!;
    assert.equal(events.find((e) => e.lifecycleEventName === 'AllowTestTraffic')?.status, 'InProgress');
    assert.equal(s.world.weight(s.test!, s.green), 100);
    assert.equal(s.greenWeight(), 0, 'production has not moved');
    s.world.routeAll();
    s.run(id);
    assert.equal((await s.get(id)).status, 'InProgress', 'production now waits for its own move');
    s.world.routeAll();
    s.run(id);
    assert.equal((await s.get(id)).status, 'Succeeded');
  });

  it('a data plane that refuses the weights fails the deployment, naming the load balancer, and rolls back', async () => {
    const s = await blueGreenGroup({ autoRollback: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
    s.world.holdDataPlane = true;
    const id = await s.deploy();
    s.run(id);
    s.world.routeAll();
    s.run(id);
    s.world.unrouted.set(s.prod, { state: 'refused', loadBalancerArn: LB, reason: 'config line 12: unknown keyword' });
    s.run(id);
    const d = await s.get(id);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'ELASTIC_LOAD_BALANCING_INVALID');
    assert.match(
      d.errorInformation!.message!,
      new RegExp(`Load balancer ${LB} .*: its data plane did not take them: config line 12: unknown keyword`),
    );
    const rollback = d.rollbackInfo!.rollbackDeploymentId!;
    s.world.unrouted.clear();
    s.run(rollback);
    assert.equal((await s.get(rollback)).status, 'InProgress', 'the rollback waits for blue to be routed to');
    assert.equal(s.greenWeight(), 0);
    assert.equal(s.sets().length, 2, 'green is not removed while it may still get requests');
    s.world.routeAll();
    s.run(rollback);
    assert.equal((await s.get(rollback)).status, 'Succeeded');
    assert.equal(s.sets().length, 1);
  });
});
