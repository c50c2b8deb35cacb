/**
 * @module services/codepipeline/api-jobs
 * The job worker's calls for custom actions: PollForJobs (jobs of one custom type, matching its
 * queryable property, each with a nonce and temporary credentials for the artifact store),
 * AcknowledgeJob, GetJobDetails, PutJobSuccessResult and PutJobFailureResult. The third-party job
 * calls answer as AWS does for types and jobs that do not exist: Slipway has no third-party action
 * types (owner ThirdParty), so PollForThirdPartyJobs finds no type and the others no job.
 */
import { scopeOf, type Scope } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { ActionTypeId } from './actions/types.ts';
import { ServiceRoleError } from '../sts/index.ts';
import type { CodePipelineContext } from './context.ts';
import { codepipelineError as err } from './errors.ts';
import { answerJob, jobData, newNonce } from './jobs.ts';
import type { JobRecord } from './model.ts';
import { CODEPIPELINE } from './runner.ts';
import type { AWSSessionCredentials, CodepipelineOperations } from './shapes.ts';

/** How large an action's output variables may be, keys and values together (CodePipeline's quota). */
const OUTPUT_VARIABLES_BYTES = 122_880;
/** PollForJobs hands out one job unless asked for more. */
const DEFAULT_BATCH = 1;

export function jobHandlers(cp: CodePipelineContext): Handlers<CodepipelineOperations> {
  const m = cp.model;

  const requireJob = (scope: Scope, id: string): JobRecord => {
    const j = m.jobs.get(id);
    if (!j || j.scope.account !== scope.account || j.scope.region !== scope.region) throw err.jobNotFound(id);
    return j;
  };

  /** Fresh credentials of the action's role (else the pipeline's) for the job's artifacts, or why it cannot be assumed (strict mode). */
  const credentials = (j: JobRecord): AWSSessionCredentials | ServiceRoleError => {
    try {
      const c = cp.sts.assumeRoleForService(j.roleArn, `codepipeline-job-${j.id.slice(0, 8)}`, CODEPIPELINE, j.scope.region);
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secret, sessionToken: c.sessionToken };
    } catch (e) {
      if (e instanceof ServiceRoleError) return e;
      throw e;
    }
  };

  /** Only a job a worker has taken takes its result. */
  const requireTaken = (scope: Scope, id: string): JobRecord => {
    const j = requireJob(scope, id);
    if (j.status !== 'Dispatched' && j.status !== 'InProgress') throw err.invalidJobState(id, j.status);
    return j;
  };

  const settle = (j: JobRecord, answer: Parameters<typeof answerJob>[4]) => {
    answerJob(m, cp.events, cp.clock, j, answer);
    cp.wake(j.pipeline.arn);
    return {};
  };

  // Slipway has no third-party action types, so no third-party job ever exists to poll or answer.
  const noThirdPartyJob = (input: { jobId: string }) => {
    throw err.jobNotFound(input.jobId);
  };

  return {
    PollForThirdPartyJobs(input) {
      throw err.actionTypeNotFound(input.actionTypeId);
    },
    AcknowledgeThirdPartyJob: noThirdPartyJob,
    GetThirdPartyJobDetails: noThirdPartyJob,
    PutThirdPartyJobSuccessResult: noThirdPartyJob,
    PutThirdPartyJobFailureResult: noThirdPartyJob,

    PollForJobs(input, ctx) {
      const scope = scopeOf(ctx);
      const type = input.actionTypeId as ActionTypeId;
      const t = type.owner === 'Custom' ? m.customType(scope, type) : undefined;
      if (!t || t.deleted) throw err.actionTypeNotFound(type);
      const queryable = t.configurationProperties.find((p) => p.queryable)?.name;
      const query = input.queryParam ?? {};
      const keys = Object.keys(query);
      if (!queryable && keys.length) throw err.validation('queryParam must be empty: the action type has no queryable property');
      if (queryable && (keys.length !== 1 || keys[0] !== queryable)) {
        throw err.validation(`queryParam must name the action type's queryable property '${queryable}', and only it`);
      }
      const taken = m.tx(() => {
        const jobs = m
          .queuedJobs(scope, type)
          .filter((j) => !queryable || j.configuration[queryable] === query[queryable])
          .slice(0, input.maxBatchSize ?? DEFAULT_BATCH);
        // A timed job's seconds run from the moment a worker takes it.
        const due = (j: JobRecord) => (j.jobTimeout ? cp.clock.now() + cp.clock.duration(j.jobTimeout * 1000) : undefined);
        return jobs.map((j) => m.modifyJob(j.id, (x) => Object.assign(x, { status: 'Dispatched', nonce: newNonce(), due: due(j) }))!);
      });
      for (const j of taken) if (j.due !== undefined) cp.timeJob(j.id);
      const jobs = [];
      for (const j of taken) {
        const c = credentials(j);
        // A job whose artifacts no worker could reach fails its action, naming the role.
        if (c instanceof ServiceRoleError) {
          const message = `CodePipeline could not give the job worker credentials: ${c.message}`;
          settle(j, { outcome: { status: 'Failed', errorDetails: { code: 'ConfigurationError', message } } });
        } else jobs.push({ id: j.id, nonce: j.nonce, accountId: scope.account, data: jobData(j, c) });
      }
      return { jobs };
    },

    AcknowledgeJob(input, ctx) {
      const scope = scopeOf(ctx);
      const j = m.tx(() => {
        const j = requireJob(scope, input.jobId);
        if (j.nonce !== input.nonce) throw err.invalidNonce(input.jobId);
        return j.status === 'Dispatched' ? m.modifyJob(j.id, (x) => (x.status = 'InProgress'))! : j;
      });
      return { status: j.status };
    },

    GetJobDetails(input, ctx) {
      const j = requireJob(scopeOf(ctx), input.jobId);
      const c = credentials(j);
      return { jobDetails: { id: j.id, accountId: j.scope.account, data: jobData(j, c instanceof ServiceRoleError ? undefined : c) } };
    },

    PutJobSuccessResult(input, ctx) {
      if (input.outputVariables && input.continuationToken) {
        throw err.validation('outputVariables can be given only when there is no continuationToken');
      }
      const size = Object.entries(input.outputVariables ?? {}).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
      if (size > OUTPUT_VARIABLES_BYTES) {
        throw err.outputVariablesTooLarge(`The output variables are ${size} bytes; an action's may be at most ${OUTPUT_VARIABLES_BYTES}`);
      }
      const j = requireTaken(scopeOf(ctx), input.jobId);
      const details = input.executionDetails;
      const summary = details?.summary ?? input.currentRevision?.revisionSummary;
      return settle(j, {
        continuationToken: input.continuationToken,
        outcome: {
          status: 'Succeeded',
          summary,
          outputVariables: input.outputVariables,
          externalExecutionId: details?.externalExecutionId,
        },
      });
    },

    PutJobFailureResult(input, ctx) {
      const j = requireTaken(scopeOf(ctx), input.jobId);
      const f = input.failureDetails;
      return settle(j, {
        outcome: { status: 'Failed', errorDetails: { code: f.type, message: f.message }, externalExecutionId: f.externalExecutionId },
      });
    },
  };
}
