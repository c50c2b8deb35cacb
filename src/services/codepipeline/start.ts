/**
 * @module services/codepipeline/start
 * A new execution of a pipeline's current version: recorded InProgress waiting to enter its first
 * stage, then the engine is woken. Every way an execution starts (CreatePipeline, UpdatePipeline's
 * caller starting it, StartPipelineExecution, a push or an upload the source watches) comes here.
 */
import { uuid } from '../../core/ids.ts';
import type { SourceRevision } from './actions/types.ts';
import { announceExecution, type CodePipelineContext } from './context.ts';
import type { ExecutionRecord, PipelineRecord } from './model.ts';
import type { ExecutionTrigger } from './shapes.ts';

let counter = 0;

export interface StartRequest {
  trigger: ExecutionTrigger;
  variables: { name: string; resolvedValue: string }[];
  sourceRevisions?: Record<string, SourceRevision>;
  clientRequestToken?: string;
}

export function startExecution(cp: CodePipelineContext, p: PipelineRecord, request: StartRequest): ExecutionRecord {
  const now = cp.clock.now();
  counter = (counter + 1) % 1000;
  const e: ExecutionRecord = {
    id: uuid(),
    scope: p.scope,
    pipelineArn: p.arn,
    pipelineName: p.name,
    declaration: p.declaration,
    status: 'InProgress',
    trigger: request.trigger,
    startTime: now,
    seq: now * 1000 + counter,
    lastUpdateTime: now,
    variables: request.variables,
    sourceRevisions: request.sourceRevisions ?? {},
    at: 0,
    entered: false,
    stages: p.declaration.stages.map((s) => ({ name: s.name, status: 'InProgress', attempt: 0 })),
    actions: [],
    artifacts: {},
    namespaces: {},
    clientRequestToken: request.clientRequestToken,
  };
  cp.model.putExecution(e);
  announceExecution(cp, e);
  cp.wake(p.arn);
  return e;
}
