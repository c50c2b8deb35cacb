import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock, type ManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { StsFacade } from '../sts/index.ts';
import { ActionRegistry } from './actions/index.ts';
import type { ActionExecutor, ActionJob, ActionOutcome, ActionStarted } from './actions/types.ts';
import { codepipelineHandlers } from './api.ts';
import { CONDITION_EVENT, type CodePipelineContext } from './context.ts';
import { reconcilePipeline } from './engine.ts';
import { CodePipelineModel } from './model.ts';
import type { Running } from './runner.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'r', endpoint: 'http://local' };
const ARN = 'arn:aws:codepipeline:us-east-1:000000000000:p';

/** A build-like action the test finishes by hand; it reports `started` unless told not to. */
class HeldAction implements ActionExecutor {
  readonly type = { category: 'Build', owner: 'AWS', provider: 'Held', version: '1' } as const;
  readonly properties = [];
  readonly artifacts = { input: { min: 1, max: 1 }, output: { min: 0, max: 0 } };
  readonly calls: { job: ActionJob; resumed?: ActionStarted; finish(o: ActionOutcome): void }[] = [];
  constructor(private readonly reports = true) {}
  run(job: ActionJob, started: (s: ActionStarted) => void, resumed?: ActionStarted): Promise<ActionOutcome> {
    return new Promise((resolve, reject) => {
      this.calls.push({ job, resumed, finish: resolve });
      job.signal.addEventListener('abort', () => reject(new Error('aborted')));
      if (this.reports && !resumed) started({ externalExecutionId: `build-${this.calls.length}` });
    });
  }
}

const source: ActionExecutor = {
  type: { category: 'Source', owner: 'AWS', provider: 'Given', version: '1' },
  properties: [],
  artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
  run: async (_job, started) => {
    started({ externalExecutionId: 'c0ffee' });
    return { status: 'Succeeded', revision: { revisionType: 'COMMIT_ID', revisionValue: 'c0ffee' } };
  },
};

const s3 = { bucketExists: () => true } as unknown as S3Facade;

/** The room's engine over `store`, as a (re)started Slipway would have it. */
function room(store: Store, clock: ManualClock, held: HeldAction) {
  const cp: CodePipelineContext = {
    config: loadConfig({}, {}),
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock,
    runtime: {} as ContainerRuntime,
    events: new EventBus(),
    model: new CodePipelineModel(store),
    actions: new ActionRegistry([source, held]),
    s3,
    logs: {} as LogsFacade,
    sts: { roles: { check() {} } } as unknown as StsFacade,
    wake: () => undefined,
    timeJob: () => undefined,
  };
  const running: Running = new Map();
  const handlers = codepipelineHandlers(cp) as Record<string, (input: unknown, c: RequestContext) => unknown>;
  return {
    cp,
    running,
    call: (op: string, input: unknown) => handlers[op](input, ctx),
    /** Engine runs until nothing changes, letting executors' promises settle in between. */
    async settle() {
      for (let i = 0; i < 5; i++) {
        reconcilePipeline(cp, running, ARN);
        await new Promise((r) => setImmediate(r));
      }
    },
    execution: () => cp.model.activeOf(ARN)[0] ?? cp.model.executionsOf(ARN)[0],
  };
}

const declaration = (timeoutInMinutes?: number) => ({
  pipeline: {
    name: 'p',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    artifactStore: { type: 'S3', location: 'b' },
    stages: [
      { name: 'Source', actions: [{ name: 'Src', actionTypeId: source.type, outputArtifacts: [{ name: 'Out' }] }] },
      {
        name: 'Build',
        actions: [
          {
            name: 'Make',
            actionTypeId: { category: 'Build', owner: 'AWS', provider: 'Held', version: '1' },
            inputArtifacts: [{ name: 'Out' }],
            timeoutInMinutes,
          },
        ],
      },
    ],
  },
});

describe('pipeline engine', () => {
  it('after a restart, an action that reported its work started is handed that report and waited for', async () => {
    const store = Store.open(':memory:');
    const clock = createManualClock();
    const first = new HeldAction();
    const before = room(store, clock, first);
    before.call('CreatePipeline', declaration());
    await before.settle();
    assert.equal(first.calls.length, 1);
    const run = before.execution().actions.find((a) => a.actionName === 'Make')!;
    assert.deepEqual(run.started, { externalExecutionId: 'build-1' }, 'the report is stored at once');
    assert.equal(first.calls[0].job.inputArtifacts[0].location.objectKey.startsWith('p/Out/'), true);

    // Slipway is killed: the first process's promise never settles. A new one resumes from the store.
    const second = new HeldAction();
    const after = room(store, clock, second);
    await after.settle();
    assert.equal(second.calls.length, 1, 'resumed once, not started again per run');
    assert.deepEqual(second.calls[0].resumed, { externalExecutionId: 'build-1' });
    second.calls[0].finish({ status: 'Succeeded', summary: 'built' });
    await after.settle();
    assert.equal(after.execution().status, 'Succeeded');
  });

  it('after a restart, an action that had reported nothing is failed with a reason, not left InProgress', async () => {
    const store = Store.open(':memory:');
    const clock = createManualClock();
    const before = room(store, clock, new HeldAction(false));
    before.call('CreatePipeline', declaration());
    await before.settle();
    const again = new HeldAction(false);
    const after = room(store, clock, again);
    await after.settle();
    assert.equal(again.calls.length, 0);
    const e = after.execution();
    assert.equal(e.status, 'Failed');
    assert.match(e.actions.find((a) => a.actionName === 'Make')!.errorDetails!.message!, /Slipway stopped before the action reported/);
  });

  it('an action past its timeout on the clock is aborted and failed', async () => {
    const store = Store.open(':memory:');
    const clock = createManualClock({ scale: 60 });
    const held = new HeldAction();
    const r = room(store, clock, held);
    r.call('CreatePipeline', declaration(5));
    await r.settle();
    await clock.advance(clock.duration(4 * 60_000));
    await r.settle();
    assert.equal(r.execution().status, 'InProgress');
    await clock.advance(clock.duration(60_000));
    await r.settle();
    assert.equal(held.calls[0].job.signal.aborted, true);
    assert.equal(r.execution().status, 'Failed');
    assert.match(r.execution().statusSummary!, /did not finish within its timeout of 5 minutes/);
  });

  it('SUPERSEDED: of two starts before the engine runs, the older takes the free source stage and is superseded only while it waits', async () => {
    const store = Store.open(':memory:');
    const held = new HeldAction();
    const r = room(store, createManualClock(), held);
    r.call('CreatePipeline', declaration());
    const { pipelineExecutionId: second } = r.call('StartPipelineExecution', { name: 'p' }) as { pipelineExecutionId: string };
    const [first] = r.cp.model.activeOf(ARN);
    await r.settle();
    const status = (id: string) => r.cp.model.executions.get(id)!.status;
    assert.equal(status(first.id), 'InProgress', 'the older runs; the newer waits behind it');
    assert.equal(held.calls.length, 1, 'the older holds Build');
    assert.equal(r.cp.model.executions.get(second)!.at, 1, 'the newer ran Source and waits before Build');
    const { pipelineExecutionId: third } = r.call('StartPipelineExecution', { name: 'p' }) as { pipelineExecutionId: string };
    await r.settle();
    assert.equal(status(second), 'Superseded', 'a newer one reached Build while the second waited there');
    assert.equal(status(first.id), 'InProgress');
    held.calls[0].finish({ status: 'Succeeded' });
    await r.settle();
    assert.equal(status(first.id), 'Succeeded');
    held.calls[1].finish({ status: 'Succeeded' });
    await r.settle();
    assert.equal(status(third), 'Succeeded');
  });
  it('a beforeEntry DeploymentWindow holds the stage until the window opens on the clock', async () => {
    const store = Store.open(':memory:');
    // The manual clock starts at midnight UTC on 2026-01-01; the window is 09:00-09:59 UTC.
    const clock = createManualClock();
    const held = new HeldAction();
    const r = room(store, clock, held);
    const d = declaration();
    const window = {
      name: 'Window',
      ruleTypeId: { category: 'Rule', provider: 'DeploymentWindow' },
      configuration: { Cron: '0 * 9 * * ? *' },
    };
    Object.assign(d.pipeline, { pipelineType: 'V2' });
    Object.assign(d.pipeline.stages[1], { beforeEntry: { conditions: [{ result: 'FAIL', rules: [window] }] } });
    const seen: unknown[] = [];
    r.cp.events.subscribe((ev) => ev.type === CONDITION_EVENT && seen.push(ev.detail.status));
    r.call('CreatePipeline', d);
    await r.settle();
    assert.equal(held.calls.length, 0, 'the build waits for the window');
    assert.equal(r.execution().conditions?.[0].status, 'InProgress');
    assert.equal(reconcilePipeline(r.cp, r.running, ARN).requeueAfterMs, 9 * 60 * 60_000, 'the engine looks again when the window opens');
    await clock.advance(9 * 60 * 60_000);
    await r.settle();
    assert.equal(held.calls.length, 1);
    assert.equal(r.execution().conditions?.[0].status, 'Succeeded');
    assert.deepEqual(seen, ['InProgress', 'Succeeded'], 'each change of the condition is an event');
  });
});
