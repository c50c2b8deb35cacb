/**
 * The data plane's acknowledgement of changes other rooms wait on, through the sync controller and
 * a data plane that applies only when the test lets it: weights and a target's removal are pending
 * while the data plane has not applied them, taken once it has, and a load balancer the data plane
 * refuses (or keeps failing on) is named with its reason.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { LocalCertificates } from './certificates.ts';
import { DataPlaneRefused, type DataPlane, type DataPlaneConfig } from './dataplane.ts';
import { elbFacade } from './facade.ts';
import { targetKey } from './model.ts';
import { PendingChanges } from './pending.ts';
import { DataPlaneSync } from './sync.ts';
import { ARN, group, listeningModel } from './testing.ts';
import { register } from './targets.ts';
import { elbTrafficFacade } from './traffic.ts';

/** Applies a configuration only once `release` is called (while `hold` is set); refuses one `refuses` names a reason for. */
class HeldDataPlane implements DataPlane {
  readonly name = 'held';
  hold = false;
  refuses: (config: DataPlaneConfig) => string | undefined = () => undefined;
  applying = false;
  private waiting: (() => void)[] = [];

  release(): void {
    this.hold = false;
    for (const go of this.waiting.splice(0)) go();
  }
  async check(config: DataPlaneConfig): Promise<void> {
    const reason = this.refuses(config);
    if (reason) throw new DataPlaneRefused(reason);
  }
  async apply(config: DataPlaneConfig) {
    await this.check(config);
    this.applying = true;
    if (this.hold) await new Promise<void>((go) => this.waiting.push(go));
    this.applying = false;
    return { reloaded: false, commands: 0, unbound: [] };
  }
  sessions = async () => new Map<string, number>();
  start = async () => undefined;
  pid = () => 1;
  died = async () => false;
  shutdown = async () => undefined;
  requestTotals = async () => undefined;
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function world() {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-elb-sync-'));
  dirs.push(dir);
  const { model, prod } = listeningModel();
  const clock = createManualClock();
  const pending = new PendingChanges();
  const dataPlane = new HeldDataPlane();
  const taken: string[] = [];
  const sync = new DataPlaneSync({
    model,
    clock,
    dataPlane,
    certificates: new LocalCertificates(dir),
    acceptedFile: join(dir, 'accepted.json'),
    pending,
    onRemoved: () => undefined,
    onTaken: (groups) => taken.push(...groups),
  });
  const changed = () => void sync.request();
  const traffic = elbTrafficFacade({ model, changed, pending });
  const targets = elbFacade({ model, clock, changed, healthListeners: new Set(), dataPlane, pending });
  await sync.start();
  /** Resolves once the data plane is applying a configuration it holds. */
  const applying = async () => {
    while (!dataPlane.applying) await new Promise((r) => setImmediate(r));
  };
  return { model, prod, clock, sync, dataPlane, pending, traffic, targets, taken, applying };
}

const toGreen = [
  { targetGroupArn: group('green'), weight: 100 },
  { targetGroupArn: group('blue'), weight: 0 },
];

describe('the data plane acknowledges what it applied', () => {
  it('weights are pending while the data plane applies them, and applied once it has', async () => {
    const w = await world();
    w.dataPlane.hold = true;
    w.traffic.setForwardWeights(w.prod, toGreen);
    await w.applying();
    assert.deepEqual(w.traffic.weightsApplied(w.prod), { state: 'pending' });
    const done = w.sync.request();
    w.dataPlane.release();
    await done;
    assert.deepEqual(w.traffic.weightsApplied(w.prod), { state: 'applied' });
    await w.sync.stop();
  });

  it('a load balancer whose configuration the data plane refuses is named with its reason; the others go on', async () => {
    const w = await world();
    w.dataPlane.refuses = (config) =>
      config.frontends.some((f) => f.loadBalancer.endsWith('/lb/1') && JSON.stringify(f.routes).includes('"weight":100'))
        ? 'no weights of 100 here'
        : undefined;
    w.traffic.setForwardWeights(w.prod, toGreen);
    await w.sync.request();
    assert.deepEqual(w.traffic.weightsApplied(w.prod), {
      state: 'refused',
      loadBalancerArn: `${ARN}:loadbalancer/app/lb/1`,
      reason: 'no weights of 100 here',
    });
    const other = `${ARN}:listener/app/other/1/x`;
    w.traffic.setForwardWeights(other, [{ targetGroupArn: group('elsewhere'), weight: 100 }]);
    await w.sync.request();
    assert.deepEqual(w.traffic.weightsApplied(other), { state: 'applied' });
    await w.sync.stop();
  });

  it('a data plane that keeps failing does not keep others waiting: the weights count as not taken, with its error', {
    timeout: 60_000,
  }, async () => {
    const w = await world();
    w.dataPlane.apply = async () => {
      throw new Error('HAProxy did not finish reloading within 15 s');
    };
    w.traffic.setForwardWeights(w.prod, toGreen);
    assert.deepEqual(w.traffic.weightsApplied(w.prod), { state: 'pending' });
    while (w.traffic.weightsApplied(w.prod).state === 'pending') await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(w.traffic.weightsApplied(w.prod), {
      state: 'refused',
      loadBalancerArn: `${ARN}:loadbalancer/app/lb/1`,
      reason: 'HAProxy did not finish reloading within 15 s',
    });
    await w.sync.stop();
  });

  it('a target that became healthy is initial to other rooms until the data plane serves it', async () => {
    const w = await world();
    const target = { id: '10.0.0.8', port: 8080 };
    register(w.model, w.clock, group('blue'), [{ Id: target.id, Port: target.port }]);
    await w.sync.request();
    w.dataPlane.hold = true;
    // As the health checker records a passing target, and the room then stamps it.
    const healthy = w.model.updateTarget(
      targetKey(group('blue'), target.id, target.port),
      (r) => (r.health = { state: 'healthy', since: w.clock.now() }),
    )!;
    w.pending.stampTarget(healthy);
    const done = w.sync.request();
    await w.applying();
    assert.deepEqual(w.targets.targetState(group('blue'), target), {
      state: 'initial',
      reason: 'Elb.RegistrationInProgress',
      description: 'Target registration is in progress',
    });
    w.dataPlane.release();
    await done;
    assert.equal(w.targets.targetState(group('blue'), target)?.state, 'healthy');
    await w.sync.stop();
  });

  it('a removed target is draining to other rooms until the data plane stops serving it', async () => {
    const w = await world();
    const blue = w.model.targetGroups.get(group('blue'))!;
    w.model.putTargetGroup({ ...blue, attributes: { 'deregistration_delay.timeout_seconds': '0' } });
    const target = { id: '10.0.0.7', port: 8080 };
    register(w.model, w.clock, group('blue'), [{ Id: target.id, Port: target.port }]);
    await w.sync.request();
    w.dataPlane.hold = true;
    w.targets.deregisterTargets(group('blue'), [target]);
    await w.applying();
    assert.equal(w.model.targets.find({ tg: group('blue') }).length, 0, 'the sync removed it from the store');
    assert.equal(w.targets.targetState(group('blue'), target)?.state, 'draining');
    const done = w.sync.request();
    w.dataPlane.release();
    await done;
    assert.equal(w.targets.targetState(group('blue'), target)?.state, 'unused');
    assert.ok(w.taken.includes(group('blue')), 'its group is woken');
    await w.sync.stop();
  });
});
