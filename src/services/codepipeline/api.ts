/**
 * @module services/codepipeline/api
 * The CodePipeline operations Slipway serves, one thin handler each, grouped by resource.
 * Operations with no handler (third-party job workers) answer 501.
 */
import type { Handlers } from '../../protocol/types.ts';
import { actionTypeHandlers } from './api-action-types.ts';
import { conditionHandlers } from './api-conditions.ts';
import { executionHandlers } from './api-executions.ts';
import { jobHandlers } from './api-jobs.ts';
import { pipelineHandlers } from './api-pipelines.ts';
import { stateHandlers } from './api-state.ts';
import { tagHandlers } from './api-tags.ts';
import { webhookHandlers } from './api-webhooks.ts';
import type { CodePipelineContext } from './context.ts';
import type { CodepipelineOperations } from './shapes.ts';

export function codepipelineHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  return {
    ...pipelineHandlers(cp),
    ...executionHandlers(cp),
    ...stateHandlers(cp),
    ...actionTypeHandlers(cp),
    ...conditionHandlers(cp),
    ...jobHandlers(cp),
    ...tagHandlers(cp),
    ...webhookHandlers(cp),
  };
}
