import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { EventBus, type SlipwayEvent } from '../../core/events.ts';
import type { RequestContext } from '../../protocol/types.ts';
import type { ContainerRuntime } from '../../runtime/types.ts';
import { Store } from '../../store/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import type { StsFacade } from '../sts/index.ts';
import { ActionRegistry } from './actions/index.ts';
import type { ActionExecutor, GitChange } from './actions/types.ts';
import { codepipelineHandlers } from './api.ts';
import type { CodePipelineContext } from './context.ts';
import { CodePipelineModel } from './model.ts';
import { watchSources } from './sources.ts';

const ctx: RequestContext = { region: 'us-east-1', account: '000000000000', requestId: 'r', endpoint: 'http://local' };

/** A connection-like source: every `test.git` event is a change carrying the event's git detail. */
const connection: ActionExecutor = {
  type: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
  properties: [{ name: 'BranchName', required: true, key: false, secret: false }],
  artifacts: { input: { min: 0, max: 0 }, output: { min: 1, max: 1 } },
  run: async () => ({ status: 'Succeeded' }),
  watches: ['test.git'],
  changeFrom: (event: SlipwayEvent) => ({
    revision: { revisionType: 'COMMIT_ID', revisionValue: String(event.detail.commit) },
    git: event.detail.git as GitChange,
    triggerType: 'WebhookV2',
  }),
};
const approval: ActionExecutor = {
  type: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
  properties: [],
  artifacts: { input: { min: 0, max: 0 }, output: { min: 0, max: 0 } },
  run: () => new Promise(() => undefined),
};

function room() {
  const store = Store.open(':memory:');
  const events = new EventBus();
  const cp: CodePipelineContext = {
    config: loadConfig({}, {}),
    store,
    edge: { url: '', host: '127.0.0.1', port: 0 },
    clock: createManualClock(),
    runtime: {} as ContainerRuntime,
    events,
    model: new CodePipelineModel(store),
    actions: new ActionRegistry([connection, approval]),
    s3: { bucketExists: () => true } as unknown as S3Facade,
    logs: {} as LogsFacade,
    sts: { roles: { check() {} } } as unknown as StsFacade,
    wake: () => undefined,
    timeJob: () => undefined,
  };
  const handlers = codepipelineHandlers(cp) as Record<string, (input: unknown, c: RequestContext) => unknown>;
  const unwatch = watchSources(cp);
  const executions = () => cp.model.executionsOf('arn:aws:codepipeline:us-east-1:000000000000:p');
  const push = async (commit: string, git: GitChange) => {
    events.publish({ type: 'test.git', resource: 'owner/repo', at: 0, detail: { commit, git } });
    await new Promise((r) => setImmediate(r));
  };
  return { call: (op: string, input: unknown) => handlers[op](input, ctx), executions, push, unwatch };
}

const pipeline = (triggers?: unknown[]) => ({
  pipeline: {
    name: 'p',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    artifactStore: { type: 'S3', location: 'b' },
    pipelineType: 'V2',
    triggers,
    stages: [
      {
        name: 'Source',
        actions: [
          { name: 'Src', actionTypeId: connection.type, configuration: { BranchName: 'main' }, outputArtifacts: [{ name: 'Out' }] },
        ],
      },
      { name: 'Approve', actions: [{ name: 'Ok', actionTypeId: approval.type }] },
    ],
  },
});

describe('change detection', () => {
  it("starts an execution from a watched event with the change's revision and trigger type", async () => {
    const r = room();
    r.call('CreatePipeline', pipeline());
    await r.push('abc123', { branch: 'main' });
    const [newest] = r.executions();
    assert.equal(r.executions().length, 2);
    assert.deepEqual(newest.trigger, { triggerType: 'WebhookV2' });
    assert.deepEqual(newest.sourceRevisions, { Src: { revisionType: 'COMMIT_ID', revisionValue: 'abc123' } });
    r.unwatch();
  });

  it("a V2 trigger's filters decide which changes start the pipeline (seed 003: branch main, path src/components)", async () => {
    const r = room();
    r.call(
      'CreatePipeline',
      pipeline([
        {
          providerType: 'CodeStarSourceConnection',
          gitConfiguration: {
            sourceActionName: 'Src',
            push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['src/components/**'] } }],
          },
        },
      ]),
    );
    await r.push('c1', { branch: 'main', changedFiles: ['README.md'] });
    await r.push('c2', { branch: 'dev', changedFiles: ['src/components/app.py'] });
    assert.equal(r.executions().length, 1, 'only the CreatePipeline execution');
    await r.push('c3', { branch: 'main', changedFiles: ['src/components/app.py'] });
    assert.equal(r.executions().length, 2);
    assert.equal(r.executions()[0].sourceRevisions.Src.revisionValue, 'c3');
    r.unwatch();
  });

  it('without a trigger, a git change starts the pipeline only when it is a push to the configured branch', async () => {
    const r = room();
    r.call('CreatePipeline', pipeline());
    await r.push('d1', { branch: 'dev' });
    await r.push('d2', { tag: 'v1' });
    await r.push('d3', { pullRequest: { event: 'OPEN', sourceBranch: 'dev', destinationBranch: 'main' } });
    assert.equal(r.executions().length, 1);
    await r.push('d4', { branch: 'main' });
    assert.equal(r.executions()[0].sourceRevisions.Src.revisionValue, 'd4');
    r.unwatch();
  });

  it('a trigger replaces the default: pushes to other branches start the pipeline when its filters accept them', async () => {
    const r = room();
    r.call(
      'CreatePipeline',
      pipeline([
        {
          providerType: 'CodeStarSourceConnection',
          gitConfiguration: { sourceActionName: 'Src', push: [{ branches: { includes: ['release/*'] } }] },
        },
      ]),
    );
    await r.push('e1', { branch: 'main' });
    assert.equal(r.executions().length, 1);
    await r.push('e2', { branch: 'release/1.0' });
    assert.equal(r.executions()[0].sourceRevisions.Src.revisionValue, 'e2');
    r.unwatch();
  });
});
