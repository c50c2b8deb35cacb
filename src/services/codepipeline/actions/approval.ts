/**
 * @module services/codepipeline/actions/approval
 * Manual approval (Approval/AWS/Manual/1). The action hands out a token at once — GetPipelineState
 * shows it — and waits for PutApprovalResult with that token: Approved succeeds, Rejected fails
 * with the reviewer's summary. The engine ends it when its timeout (seven days by default, on the
 * clock) passes. After a restart it waits for the same token, and takes an answer recorded while
 * Slipway was down.
 */
import type { EventBus } from '../../../core/events.ts';
import { uuid } from '../../../core/ids.ts';
import { awaitAnswer } from './answer.ts';
import type { ActionExecutor, ActionOutcome } from './types.ts';

/** Published when PutApprovalResult answers an approval (resource: the token). */
export const APPROVAL_EVENT = 'codepipeline.approval';

export interface ApprovalAnswer {
  status: 'Approved' | 'Rejected';
  summary: string;
}

export function approvalAction(deps: { events: EventBus; answered(token: string): ApprovalAnswer | undefined }): ActionExecutor {
  const outcome = (a: ApprovalAnswer): ActionOutcome =>
    a.status === 'Approved'
      ? { status: 'Succeeded', summary: a.summary ? `Approved: ${a.summary}` : 'Approved' }
      : {
          status: 'Failed',
          summary: a.summary,
          errorDetails: { code: 'JobFailed', message: `Rejected${a.summary ? `: ${a.summary}` : ''}` },
        };
  return {
    type: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
    properties: [
      { name: 'NotificationArn', required: false, key: false, secret: false },
      { name: 'CustomData', required: false, key: false, secret: false },
      { name: 'ExternalEntityLink', required: false, key: false, secret: false },
    ],
    artifacts: { input: { min: 0, max: 0 }, output: { min: 0, max: 0 } },
    run(job, started, resumed) {
      const token = resumed?.externalExecutionId ?? uuid();
      return awaitAnswer({
        events: deps.events,
        type: APPROVAL_EVENT,
        resource: token,
        signal: job.signal,
        read: (detail) => outcome(detail as unknown as ApprovalAnswer),
        earlier: () => {
          const earlier = deps.answered(token);
          return earlier && outcome(earlier);
        },
        ready: () => {
          if (resumed) return;
          started({ externalExecutionId: token, summary: job.configuration.CustomData });
          job.progress(`Waiting for approval${job.configuration.CustomData ? `: ${job.configuration.CustomData}` : ''}`);
        },
        abandoned: () => new Error('The approval was abandoned'),
      });
    },
  };
}
