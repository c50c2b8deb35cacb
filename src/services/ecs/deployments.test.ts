import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock } from '../../core/clock.ts';
import {
  bounds,
  circuitBreakerThreshold,
  countFailedTasks,
  failureStreak,
  keepsFailingToStart,
  isHealthy,
  liveDeployments,
  MAX_TASKS_PER_STEP,
  newDeployment,
  rollingStep,
  startBackoffMs,
  type RollingCounts,
  type RollingStep,
} from './deployments.ts';
import type { ServiceRecord, TaskRecord } from './model.ts';
import type { Task } from './shapes.ts';

const counts = (
  desired: number,
  min: number,
  max: number,
  primary: [number, number],
  old: [number, number],
  extra: Partial<RollingCounts> = {},
): RollingCounts => ({
  desired,
  minimumHealthyPercent: min,
  maximumPercent: max,
  primary: { active: primary[0], healthy: primary[1] },
  old: { active: old[0], healthy: old[1] },
  ...extra,
});

const step = (start: number, stopOldUnhealthy: number, stopOldHealthy: number, scaleIn = 0, blocked = false): RollingStep => ({
  start,
  stopOldUnhealthy,
  stopOldHealthy,
  scaleIn,
  blocked,
});

describe('bounds', () => {
  it('floors the upper limit and ceils the healthy floor', () => {
    assert.deepEqual(bounds(2, 200, 100), { upper: 4, lower: 2 });
    assert.deepEqual(bounds(3, 150, 50), { upper: 4, lower: 2 });
    assert.deepEqual(bounds(1, 100, 0), { upper: 1, lower: 0 });
    assert.deepEqual(bounds(0, 200, 100), { upper: 0, lower: 0 });
  });
});

describe('rollingStep', () => {
  const cases: [string, RollingCounts, RollingStep][] = [
    // desired, min, max, [primary active, healthy], [old active, healthy]
    ['100/200 d2: a new deployment starts two tasks beside the old two', counts(2, 100, 200, [0, 0], [2, 2]), step(2, 0, 0)],
    ['100/200 d2: new tasks not healthy yet: wait', counts(2, 100, 200, [2, 0], [2, 2]), step(0, 0, 0)],
    ['100/200 d2: one new task healthy: one old stops', counts(2, 100, 200, [2, 1], [2, 2]), step(0, 0, 1)],
    ['100/200 d2: new tasks healthy: both old stop', counts(2, 100, 200, [2, 2], [2, 2]), step(0, 0, 2)],
    ['100/200 d2: old tasks still warming up go first', counts(2, 100, 200, [2, 2], [2, 0]), step(0, 2, 0)],
    ['100/200 d2: steady', counts(2, 100, 200, [2, 2], [0, 0]), step(0, 0, 0)],
    ['100/200 d2: a stopped task is replaced', counts(2, 100, 200, [1, 1], [0, 0]), step(1, 0, 0)],
    ['0/100 d2: stop everything old, start as room frees', counts(2, 0, 100, [0, 0], [2, 2]), step(2, 0, 2)],
    ['0/100 d1: an old task that never got healthy is stopped too', counts(1, 0, 100, [0, 0], [1, 0]), step(1, 1, 0)],
    ['50/100 d2: stop one old, start one new', counts(2, 50, 100, [0, 0], [2, 2]), step(1, 0, 1)],
    ['50/100 d2: new one warming: nothing moves', counts(2, 50, 100, [1, 0], [1, 1]), step(0, 0, 0)],
    ['50/100 d2: new one healthy: the last old goes, the second new starts', counts(2, 50, 100, [1, 1], [1, 1]), step(1, 0, 1)],
    ['100/100 d2: deadlock', counts(2, 100, 100, [0, 0], [2, 2]), step(0, 0, 0, 0, true)],
    ['100/100 d2: replacing a dead task is no deadlock', counts(2, 100, 100, [1, 1], [0, 0]), step(1, 0, 0)],
    ['100/200 d1 (seed 004): start one beside the old one, which stays', counts(1, 100, 200, [0, 0], [1, 1]), step(1, 0, 0)],
    ['scale-in above desired', counts(2, 100, 200, [4, 4], [0, 0]), step(0, 0, 0, 2)],
    ['desired 0 drains the primary', counts(0, 100, 200, [2, 2], [0, 0]), step(0, 0, 0, 2)],
    ['desired 0 drains old deployments', counts(0, 100, 200, [0, 0], [2, 2]), step(0, 0, 2)],
    ['scale-out within a completed deployment', counts(4, 100, 200, [2, 2], [0, 0]), step(2, 0, 0)],
    ['150% of 3 caps the total at 4', counts(3, 100, 150, [0, 0], [3, 3]), step(1, 0, 0)],
    ['tripped breaker: nothing starts, old tasks are kept', counts(2, 50, 200, [0, 0], [2, 2], { primaryFailed: true }), step(0, 0, 0)],
    ['backing off: nothing starts, old ones still go', counts(2, 50, 200, [1, 1], [2, 2], { backingOff: true }), step(0, 0, 2)],
    ['desired 5000 from nothing: one bounded step', counts(5000, 100, 200, [0, 0], [0, 0]), step(MAX_TASKS_PER_STEP, 0, 0)],
    ['desired 2147483648 from nothing: the same bound', counts(2 ** 31, 100, 200, [0, 0], [0, 0]), step(MAX_TASKS_PER_STEP, 0, 0)],
    ['5000 to 0: a bounded scale-in', counts(0, 100, 200, [5000, 5000], [0, 0]), step(0, 0, 0, MAX_TASKS_PER_STEP)],
    [
      'replacing 5000: bounded stops (not-healthy ones first) and starts',
      counts(5000, 0, 100, [0, 0], [5000, 4995]),
      step(MAX_TASKS_PER_STEP, 5, MAX_TASKS_PER_STEP - 5),
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(rollingStep(input), expected));
  }
});

/**
 * A tiny cluster of one instance, ticked: stopping tasks are gone one tick later, new ones run one
 * tick after starting and are healthy the tick after. With a fixed host port, a task cannot be
 * placed while any other task (even one stopping) holds the port.
 */
function simulate(desired: number, min: number, max: number, fixedPort: boolean, ticks = 30) {
  type T = { dep: 'old' | 'new'; state: 'pending' | 'running' | 'healthy' | 'stopping' };
  let tasks: T[] = Array.from({ length: desired }, () => ({ dep: 'old', state: 'healthy' }) as T);
  let placementFailures = 0;
  let blocked = 0;
  for (let i = 0; i < ticks; i++) {
    tasks = tasks.filter((t) => t.state !== 'stopping');
    for (const t of tasks) t.state = t.state === 'pending' ? 'running' : 'healthy';
    const of = (dep: T['dep']) => tasks.filter((t) => t.dep === dep);
    const s = rollingStep(
      counts(
        desired,
        min,
        max,
        [of('new').length, of('new').filter((t) => t.state === 'healthy').length],
        [of('old').length, of('old').filter((t) => t.state === 'healthy').length],
      ),
    );
    if (s.blocked) blocked++;
    const old = of('old').sort((a, b) => Number(a.state === 'healthy') - Number(b.state === 'healthy'));
    for (const t of old.slice(0, s.stopOldUnhealthy + s.stopOldHealthy)) t.state = 'stopping';
    for (let n = 0; n < s.start; n++) {
      if (fixedPort && tasks.length > 0) placementFailures++;
      else tasks.push({ dep: 'new', state: 'pending' });
    }
  }
  const done = tasks.length === desired && tasks.every((t) => t.dep === 'new' && t.state === 'healthy');
  return { done, placementFailures, blocked, oldLeft: tasks.filter((t) => t.dep === 'old').length };
}

describe('rolling updates, simulated', () => {
  it('100/200 with dynamic ports: completes, never below desired healthy', () => {
    assert.deepEqual(simulate(2, 100, 200, false), { done: true, placementFailures: 0, blocked: 0, oldLeft: 0 });
  });
  it('seed 004: 100/200 with a fixed host port is stuck: the new task cannot be placed while the old one holds the port', () => {
    const r = simulate(1, 100, 200, true);
    assert.equal(r.done, false);
    assert.equal(r.oldLeft, 1);
    assert.ok(r.placementFailures >= 20, `a placement failure every tick, got ${r.placementFailures}`);
  });
  it('seed 004: 0/100 with a fixed host port completes (old stops first)', () => {
    assert.deepEqual(simulate(1, 0, 100, true), { done: true, placementFailures: 1, blocked: 0, oldLeft: 0 });
  });
  it('50/100 with dynamic ports completes', () => {
    assert.equal(simulate(4, 50, 100, false).done, true);
  });
  it('100/100 never moves and says so every tick', () => {
    const r = simulate(2, 100, 100, false);
    assert.equal(r.done, false);
    assert.equal(r.blocked, 30);
  });
});

describe('circuit breaker and backoff', () => {
  it('threshold is ceil(desired/2) clamped to [3, 200]', () => {
    assert.deepEqual([0, 1, 2, 6, 7, 10, 399, 400, 1000].map(circuitBreakerThreshold), [3, 3, 3, 3, 4, 5, 200, 200, 200]);
  });
  it('backs off only after three failures, doubling, capped', () => {
    assert.deepEqual([0, 2, 3, 4, 5].map(startBackoffMs), [0, 0, 10_000, 20_000, 40_000]);
    assert.equal(startBackoffMs(40), 15 * 60_000);
  });

  const task = (over: Partial<Task>, extra: Partial<TaskRecord> = {}): TaskRecord => ({
    task: {
      taskArn: `arn:aws:ecs:us-east-1:000000000000:task/default/${Math.random().toString(16).slice(2)}`,
      desiredStatus: 'RUNNING',
      lastStatus: 'RUNNING',
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:1',
      createdAt: 0,
      ...over,
    },
    containers: [{ name: 'web', image: 'x' }],
    networkMode: 'bridge',
    runtimeIds: {},
    deploymentId: 'ecs-svc/1',
    ...extra,
  });
  const failed = (at: number, code: Task['stopCode'] = 'EssentialContainerExited') =>
    task({ desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stopCode: code, stoppingAt: at });

  it('counts failed starts, not tasks the scheduler or a user stopped, and only before the first healthy task', () => {
    const tasks = [
      failed(10, 'TaskFailedToStart'),
      failed(20),
      task({
        desiredStatus: 'STOPPED',
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed container health checks',
        stoppingAt: 30,
      }),
      task({
        desiredStatus: 'STOPPED',
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)',
        stoppingAt: 40,
      }),
      task({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppingAt: 50 }),
      failed(60),
    ];
    assert.equal(countFailedTasks(tasks, undefined), 4);
    assert.equal(countFailedTasks(tasks, 35), 3);
  });
  it('the failure streak restarts after a healthy task', () => {
    const tasks = [failed(10), failed(20), task({}, { healthySince: 25 }), failed(30), failed(40)];
    assert.deepEqual(
      failureStreak(tasks).map((r) => r.task.stoppingAt),
      [30, 40],
    );
  });

  it('a replacement keeps failing to start once its streak (exits, failed health checks) reaches the breaker threshold', () => {
    const elbFailure = (at: number) =>
      task({
        desiredStatus: 'STOPPED',
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason:
          'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/g/1)',
        stoppingAt: at,
      });
    assert.equal(keepsFailingToStart([failed(10), elbFailure(20)], 2), false);
    assert.equal(keepsFailingToStart([failed(10), elbFailure(20), failed(30)], 2), true);
    assert.equal(keepsFailingToStart([failed(10), elbFailure(20), task({}, { healthySince: 25 }), failed(30)], 2), false);
    assert.equal(keepsFailingToStart([failed(10), failed(20), failed(30), failed(40)], 10), false, 'ceil(10/2) = 5 in a row');
  });

  const clock = { scale: 20, now: () => 100_000, duration: (ms: number) => ms / 20, elapsed: () => true, sleep: async () => {} } as Clock;
  it('a task without a health check is healthy 40 s (scaled) after it started', () => {
    assert.equal(isHealthy(task({ startedAt: 100_000 - 1999 }), clock, 100_000), false);
    assert.equal(isHealthy(task({ startedAt: 100_000 - 2000 }), clock, 100_000), true);
    assert.equal(isHealthy(task({ lastStatus: 'PENDING' }), clock, 100_000), false);
  });
  it('a task with an essential health check is healthy when HEALTHY', () => {
    const containers = [{ name: 'web', image: 'x', healthCheck: { command: ['CMD', 'true'] } }];
    assert.equal(isHealthy(task({ startedAt: 0, healthStatus: 'UNKNOWN' }, { containers }), clock, 100_000), false);
    assert.equal(isHealthy(task({ startedAt: 100_000, healthStatus: 'HEALTHY' }, { containers }), clock, 100_000), true);
  });
});

describe('liveDeployments', () => {
  it('counts running and pending per deployment; an old deployment wants what it still runs', () => {
    const primary = newDeployment({ taskDefinition: 'td:2', desiredCount: 3 }, 1);
    const old = { ...newDeployment({ taskDefinition: 'td:1', desiredCount: 3 }, 0), status: 'ACTIVE' };
    assert.match(primary.id!, /^ecs-svc\/\d{19}$/);
    assert.equal(primary.rolloutStateReason, `ECS deployment ${primary.id} in progress.`);
    const record = { service: { desiredCount: 3 }, deployments: [primary, old], events: [] } as unknown as ServiceRecord;
    const t = (dep: string, last: string, desired = 'RUNNING') =>
      ({ task: { desiredStatus: desired, lastStatus: last }, deploymentId: dep }) as unknown as TaskRecord;
    const live = liveDeployments(record, [
      t(primary.id!, 'RUNNING'),
      t(primary.id!, 'PENDING'),
      t(old.id!, 'RUNNING'),
      t(old.id!, 'RUNNING', 'STOPPED'),
      t(old.id!, 'STOPPED', 'STOPPED'),
    ]);
    assert.deepEqual(
      live.deployments.map((d) => [d.desiredCount, d.runningCount, d.pendingCount]),
      [
        [3, 1, 1],
        [1, 2, 0],
      ],
    );
    assert.deepEqual([live.running, live.pending], [3, 1]);
  });
});
