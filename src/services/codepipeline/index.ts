/**
 * @module services/codepipeline
 * The CodePipeline room: pipelines (AWS JSON 1.1) and their executions, run for real by the engine
 * (engine.ts) through the action executors below, with artifacts in the pipeline's S3 artifact
 * store. Source executors' `watches` events start pipelines (sources.ts), and sources with
 * PollForSourceChanges are read once a minute (poller.ts); `slipway pipeline follow` streams an
 * execution (follow.ts); a webhook's URL starts its pipeline (webhook-route.ts). An executor joins with one line in `executors`, taking the facades it
 * needs from `deps`.
 */
import { loadModel } from '../../protocol/model.ts';
import type { CodebuildFacade } from '../codebuild/index.ts';
import type { CodecommitFacade } from '../codecommit/index.ts';
import type { CodeDeployFacade } from '../codedeploy/index.ts';
import type { ConnectionsFacade } from '../connections/index.ts';
import type { EcrFacade } from '../ecr/index.ts';
import type { EcsFacade } from '../ecs/index.ts';
import type { LogsFacade } from '../logs/index.ts';
import type { S3Facade } from '../s3/index.ts';
import { tagMap } from '../authorization.ts';
import type { StsFacade } from '../sts/index.ts';
import type { AppContext, Room } from '../types.ts';
import { type ApprovalAnswer, approvalAction } from './actions/approval.ts';
import { codebuildAction } from './actions/codebuild.ts';
import { codecommitSourceAction } from './actions/codecommit-source.ts';
import { codedeployEcsAction } from './actions/codedeploy-ecs.ts';
import { connectionSourceAction } from './actions/connection-source.ts';
import { ecrSourceAction } from './actions/ecr-source.ts';
import { ecsDeployAction } from './actions/ecs-deploy.ts';
import { ActionRegistry } from './actions/index.ts';
import { customAction } from './actions/custom.ts';
import { s3DeployAction } from './actions/s3-deploy.ts';
import { s3SourceAction } from './actions/s3-source.ts';
import type { ActionExecutor } from './actions/types.ts';
import { codepipelineHandlers } from './api.ts';
import type { CodePipelineContext } from './context.ts';
import { engineController } from './engine.ts';
import { followRoutes } from './follow.ts';
import { jobTimeoutController } from './job-timeouts.ts';
import { jobQueue } from './jobs.ts';
import { CodePipelineModel } from './model.ts';
import { pollController } from './poller.ts';
import type { Running } from './runner.ts';
import { watchSources } from './sources.ts';
import { webhookRoutes } from './webhook-route.ts';

export { ACTION_EVENT, EXECUTION_EVENT } from './context.ts';

/** The other rooms' facades the action executors reach. */
export interface CodePipelineDeps {
  s3: S3Facade;
  codecommit: CodecommitFacade;
  connections: ConnectionsFacade;
  ecr: EcrFacade;
  codebuild: CodebuildFacade;
  ecs: EcsFacade;
  codedeploy: CodeDeployFacade;
  logs: LogsFacade;
  sts: StsFacade;
}

function executors(app: AppContext, deps: CodePipelineDeps, answered: (token: string) => ApprovalAnswer | undefined): ActionExecutor[] {
  return [
    codecommitSourceAction({ codecommit: deps.codecommit, s3: deps.s3 }),
    s3SourceAction({ s3: deps.s3 }),
    s3DeployAction({ s3: deps.s3 }),
    connectionSourceAction({ connections: deps.connections, s3: deps.s3 }),
    ecrSourceAction({ ecr: deps.ecr, s3: deps.s3 }),
    codebuildAction({ codebuild: deps.codebuild, s3: deps.s3, clock: app.clock, events: app.events }, 'Build'),
    codebuildAction({ codebuild: deps.codebuild, s3: deps.s3, clock: app.clock, events: app.events }, 'Test'),
    ecsDeployAction({ ecs: deps.ecs, s3: deps.s3, clock: app.clock, events: app.events }),
    codedeployEcsAction({ ecs: deps.ecs, codedeploy: deps.codedeploy, s3: deps.s3, clock: app.clock, events: app.events }),
    approvalAction({ events: app.events, answered }),
  ];
}

export function register(app: AppContext, deps: CodePipelineDeps): Room {
  const model = new CodePipelineModel(app.store);
  // An answer recorded while the approval's run was not waiting (Slipway restarting) is still taken.
  const answered = (token: string): ApprovalAnswer | undefined => {
    for (const e of model.executions.find({ active: 1 })) {
      const run = e.actions.find((r) => r.token === token);
      if (run?.approval) return { status: run.approval.status, summary: run.approval.summary };
    }
    return undefined;
  };
  const jobs = jobQueue(model, app.clock);
  const cp: CodePipelineContext = {
    ...app,
    model,
    actions: new ActionRegistry(executors(app, deps, answered), (type, scope) => {
      const t = model.customType(scope, type);
      return t && !t.deleted ? customAction(t, { events: app.events, jobs }) : undefined;
    }),
    s3: deps.s3,
    logs: deps.logs,
    sts: deps.sts,
    wake: (arn) => engine.enqueue(arn),
    timeJob: (id) => jobTimeouts.enqueue(id),
  };
  const running: Running = new Map();
  const engine = engineController(cp, running);
  const poller = pollController(cp);
  const jobTimeouts = jobTimeoutController(cp);
  let unwatch: (() => void) | undefined;
  return {
    name: 'codepipeline',
    api: {
      model: loadModel('codepipeline'),
      handlers: codepipelineHandlers(cp),
      validation: { constraint: 'ValidationException', type: 'SerializationException' },
    },
    routes: [...followRoutes(cp), ...webhookRoutes(cp)],
    authorization(arn) {
      const record = cp.model.pipelines.get(arn) ?? cp.model.webhooks.get(arn) ?? cp.model.customTypeAt(arn);
      return record && { tags: tagMap(record.tags) };
    },
    start() {
      unwatch = watchSources(cp);
      engine.start();
      poller.start();
      jobTimeouts.start();
    },
    async stop() {
      unwatch?.();
      await Promise.all([engine.stop(), poller.stop(), jobTimeouts.stop()]);
      // Runs still under way are left to the next start, which resumes them from what they reported.
      const left = [...running.values()];
      running.clear();
      for (const r of left) r.abort.abort();
    },
    status() {
      return { pipelines: model.pipelines.count(), activeExecutions: model.executions.count({ active: 1 }), actionsRunning: running.size };
    },
  };
}
