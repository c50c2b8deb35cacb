/**
 * @module services/codepipeline/model
 * CodePipeline records and the only code that touches the room's tables.
 *
 * Tables (JSON documents, with indexed columns):
 *   cp_pipelines   pk pipelineArn                  scope, name
 *   cp_versions    pk "<pipelineArn>#<version>"    pipeline (ARN)     every version's declaration, for GetPipeline --version
 *   cp_executions  pk pipelineExecutionId          pipeline (ARN), active (1 until it ends), created (seq)
 *   cp_polls       pk "<pipelineArn>#<action>"     pipeline (ARN)     the revision a polled source action last showed
 *   cp_action_types pk "<scope>#<actionKey>"      scope              custom action types (kept, marked deleted, once deleted)
 *   cp_jobs        pk jobId                        scope, type (actionKey), status, chain, created   custom actions' jobs
 *   cp_webhooks    pk webhookArn                   scope, name, token                   PutWebhook's webhooks, found by their URL's token
 *
 * `scope` is "<region>:<account>". An execution carries the declaration of the pipeline version it
 * started on, its stages' and actions' progress and the artifacts and variables made so far. Handlers
 * write what a user asks of it (start, stop, retry, an approval); the engine writes its progress, each
 * action recorded InProgress before it runs and its `started` report as soon as it comes, so that a
 * restarted Slipway resumes it.
 */
import { parseArn, type Scope } from '../../core/ids.ts';
import { scopeKey, scopeOfArn } from '../../core/scope.ts';
import type { DocTable, Store } from '../../store/index.ts';
import { actionKey } from './actions/index.ts';
import type { ActionCategory, ActionOutcome, ActionStarted, ActionTypeId, Artifact, SourceRevision } from './actions/types.ts';
import type {
  ActionConfigurationProperty,
  ActionExecutionStatus,
  ActionTypeExecutor,
  ActionTypePermissions,
  ActionTypeSettings,
  ArtifactDetails,
  JobStatus,
  ConditionExecutionStatus,
  ErrorDetails,
  ExecutionTrigger,
  PipelineDeclaration,
  PipelineExecutionStatus,
  StageExecutionStatus,
  Tag,
  WebhookDefinition,
} from './shapes.ts';

export interface TransitionRecord {
  enabled: boolean;
  lastChangedBy?: string;
  lastChangedAt?: number;
  disabledReason?: string;
}

export interface PipelineRecord {
  arn: string;
  scope: Scope;
  name: string;
  /** The current version's declaration, with `version`, `pipelineType` and `executionMode` filled in. */
  declaration: PipelineDeclaration & { version: number };
  created: number;
  updated: number;
  tags: Tag[];
  /** Inbound transitions by stage name; a stage not named is enabled. */
  transitions: Record<string, TransitionRecord>;
}

/** One run of one action in one execution (a retried stage adds new runs; the newest is current). */
export interface ActionRun {
  id: string;
  stageName: string;
  actionName: string;
  status: ActionExecutionStatus;
  startTime: number;
  lastUpdateTime: number;
  /** The stage attempt the run belongs to (1 for the first, +1 for each RetryStageExecution). */
  attempt: number;
  resolvedConfiguration: Record<string, string>;
  inputArtifacts: Artifact[];
  outputArtifacts: Artifact[];
  started?: ActionStarted;
  summary?: string;
  errorDetails?: ErrorDetails;
  outputVariables?: Record<string, string>;
  revision?: SourceRevision;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  /** Manual approvals: the token PutApprovalResult must carry, and the answer once given. */
  token?: string;
  approval?: { status: 'Approved' | 'Rejected'; summary: string; by: string; at: number };
}

/** One evaluation of one rule of a stage condition. */
export interface RuleRun {
  id: string;
  ruleName: string;
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Abandoned';
  startTime: number;
  lastUpdateTime: number;
  resolvedConfiguration: Record<string, string>;
  summary?: string;
  errorDetails?: ErrorDetails;
}

/** A stage condition's check in one stage attempt, with its rules' runs; `by` names who overrode it. */
export interface ConditionRun {
  stageName: string;
  kind: ConditionKind;
  attempt: number;
  status: ConditionExecutionStatus;
  summary?: string;
  lastStatusChange: number;
  rules: RuleRun[];
  by?: string;
}

export type ConditionKind = 'BEFORE_ENTRY' | 'ON_SUCCESS' | 'ON_FAILURE';

export interface StageRun {
  name: string;
  status: StageExecutionStatus;
  /** 0 until the execution enters the stage; +1 for each RetryStageExecution. */
  attempt: number;
  /** RetryStageExecution FAILED_ACTIONS: the actions that succeeded before and are not run again. */
  carried?: string[];
  /** Retries made by the stage's onFailure RETRY, and which kind of retry was the latest. */
  autoRetries?: number;
  latestRetry?: 'AutomatedStageRetry' | 'ManualStageRetry';
}

export interface ExecutionRecord {
  id: string;
  scope: Scope;
  pipelineArn: string;
  pipelineName: string;
  /** The pipeline version the execution started on, and that version's declaration. */
  declaration: PipelineDeclaration & { version: number };
  status: PipelineExecutionStatus;
  statusSummary?: string;
  trigger: ExecutionTrigger;
  startTime: number;
  /** Orders executions started in the same millisecond (startTime × 1000 + a counter). */
  seq: number;
  lastUpdateTime: number;
  variables: { name: string; resolvedValue: string }[];
  /** Source revisions chosen at start (a trigger's change, StartPipelineExecution's sourceRevisions), by action name. */
  sourceRevisions: Record<string, SourceRevision>;
  /** Index of the stage the execution is at; `entered` once it holds that stage. */
  at: number;
  entered: boolean;
  stages: StageRun[];
  actions: ActionRun[];
  /** Output artifacts made so far, by name. */
  artifacts: Record<string, Artifact>;
  /** Output variables made so far, by action namespace. */
  namespaces: Record<string, Record<string, string>>;
  stop?: { abandon: boolean; reason?: string };
  /** StartPipelineExecution's clientRequestToken: the same token starts one execution. */
  clientRequestToken?: string;
  /** Stage conditions checked so far. */
  conditions?: ConditionRun[];
  /** A RollbackStage execution: the execution whose artifacts it runs the one stage with, and that execution's source runs. */
  rollback?: { target: string; sourceRuns: ActionRun[] };
}

/** What polling last saw of a source action, and for which of its configurations. */
export interface PollRecord {
  pipeline: string;
  action: string;
  /** The configuration the revision was read with; another one starts afresh. */
  configuration: Record<string, string>;
  seen: string;
}

/** A custom action type (CreateCustomActionType); a deleted one stays, so that its version is not made again. */
export interface CustomActionTypeRecord {
  scope: Scope;
  id: ActionTypeId;
  settings?: ActionTypeSettings;
  configurationProperties: ActionConfigurationProperty[];
  inputArtifactDetails: ArtifactDetails;
  outputArtifactDetails: ArtifactDetails;
  tags: Tag[];
  /** What UpdateActionType declares beyond the above: a description, the executor (JobWorker), the accounts that may use the type. */
  description?: string;
  executor?: ActionTypeExecutor;
  permissions?: ActionTypePermissions;
  deleted?: boolean;
}

/**
 * One job of a custom action, for a job worker. A run of the action is a chain of jobs (its first
 * job's id): a success with a continuationToken queues the next; the last one carries the outcome.
 */
export interface JobRecord {
  id: string;
  chain: string;
  scope: Scope;
  status: JobStatus;
  created: number;
  nonce?: string;
  actionTypeId: ActionTypeId;
  configuration: Record<string, string>;
  pipeline: { name: string; arn: string; executionId: string; stageName: string; actionName: string; actionExecutionId?: string };
  roleArn: string;
  inputArtifacts: Artifact[];
  outputArtifacts: Artifact[];
  continuationToken?: string;
  outcome?: ActionOutcome;
  /** The type's executor.jobTimeout (seconds) when the run began, and when (epoch ms, scaled) the job taken by a worker times out. */
  jobTimeout?: number;
  due?: number;
}

/** A webhook (PutWebhook): its definition as given (the secret too), the token its URL carries, what its last call did. */
export interface WebhookRecord {
  arn: string;
  scope: Scope;
  definition: WebhookDefinition;
  token: string;
  tags: Tag[];
  lastTriggered?: number;
  /** Why the last call that passed authentication and the filters started nothing. */
  error?: { code: string; message: string };
  /** RegisterWebhookWithThirdParty was called (and not undone). */
  registered?: boolean;
}

const FINISHED: PipelineExecutionStatus[] = ['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'];

export function finished(e: Pick<ExecutionRecord, 'status'>): boolean {
  return FINISHED.includes(e.status);
}

/** The runs of the stage's current attempt. */
export function currentRuns(e: ExecutionRecord, stage: StageRun): ActionRun[] {
  return e.actions.filter((a) => a.stageName === stage.name && a.attempt === stage.attempt);
}

export class CodePipelineModel {
  readonly pipelines: DocTable<PipelineRecord, 'scope' | 'name'>;
  readonly versions: DocTable<PipelineDeclaration & { version: number }, 'pipeline'>;
  readonly executions: DocTable<ExecutionRecord, 'pipeline' | 'active' | 'created'>;
  readonly polls: DocTable<PollRecord, 'pipeline'>;
  readonly actionTypes: DocTable<CustomActionTypeRecord, 'scope'>;
  readonly jobs: DocTable<JobRecord, 'scope' | 'type' | 'status' | 'chain' | 'created'>;
  readonly webhooks: DocTable<WebhookRecord, 'scope' | 'name' | 'token'>;

  constructor(readonly store: Store) {
    this.pipelines = store.docTable('cp_pipelines', { scope: 'TEXT', name: 'TEXT' });
    this.versions = store.docTable('cp_versions', { pipeline: 'TEXT' });
    this.executions = store.docTable('cp_executions', { pipeline: 'TEXT', active: 'INTEGER', created: 'INTEGER' });
    this.polls = store.docTable('cp_polls', { pipeline: 'TEXT' });
    this.actionTypes = store.docTable('cp_action_types', { scope: 'TEXT' });
    this.jobs = store.docTable('cp_jobs', { scope: 'TEXT', type: 'TEXT', status: 'TEXT', chain: 'TEXT', created: 'INTEGER' });
    this.webhooks = store.docTable('cp_webhooks', { scope: 'TEXT', name: 'TEXT', token: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  pipeline(scope: Scope, name: string): PipelineRecord | undefined {
    return this.pipelines.find({ scope: scopeKey(scope), name })[0];
  }

  putPipeline(p: PipelineRecord): void {
    this.pipelines.put(p.arn, p, { scope: scopeKey(p.scope), name: p.name });
    this.versions.put(`${p.arn}#${p.declaration.version}`, p.declaration, { pipeline: p.arn });
  }

  /** The pipeline's declaration at `version`, if that version was ever stored. */
  version(arn: string, version: number): (PipelineDeclaration & { version: number }) | undefined {
    return this.versions.get(`${arn}#${version}`);
  }

  deletePipeline(p: PipelineRecord): void {
    for (const v of this.versions.find({ pipeline: p.arn })) this.versions.delete(`${p.arn}#${v.version}`);
    for (const e of this.executions.find({ pipeline: p.arn })) this.executions.delete(e.id);
    for (const r of this.polls.find({ pipeline: p.arn })) this.polls.delete(`${p.arn}#${r.action}`);
    this.pipelines.delete(p.arn);
  }

  /** The scope's custom action type `id`, deleted or not. */
  customType(scope: Scope, id: ActionTypeId): CustomActionTypeRecord | undefined {
    return this.actionTypes.get(`${scopeKey(scope)}#${actionKey(id)}`);
  }

  putCustomType(r: CustomActionTypeRecord): void {
    this.actionTypes.put(`${scopeKey(r.scope)}#${actionKey(r.id)}`, r, { scope: scopeKey(r.scope) });
  }

  /** The custom action type, not deleted, that an ARN …:actiontype:Custom/<category>/<provider>/<version> names. */
  customTypeAt(arn: string): CustomActionTypeRecord | undefined {
    const scope = scopeOfArn(arn);
    const named = /^actiontype:Custom\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(parseArn(arn)?.resource ?? '');
    if (!scope || !named) return undefined;
    const [, category, provider, version] = named;
    const r = this.customType(scope, { category: category as ActionCategory, owner: 'Custom', provider, version });
    return r?.deleted ? undefined : r;
  }

  /** The scope's custom action types that are not deleted. */
  customTypes(scope: Scope): CustomActionTypeRecord[] {
    return this.actionTypes.find({ scope: scopeKey(scope) }).filter((r) => !r.deleted);
  }

  putJob(j: JobRecord): void {
    this.jobs.put(j.id, j, {
      scope: scopeKey(j.scope),
      type: actionKey(j.actionTypeId),
      status: j.status,
      chain: j.chain,
      created: j.created,
    });
  }

  modifyJob(id: string, mutate: (j: JobRecord) => void): JobRecord | undefined {
    return this.jobs.modify(id, mutate, (j) => this.putJob(j));
  }

  /** The scope's jobs of one action type waiting for a worker, oldest first. */
  queuedJobs(scope: Scope, type: ActionTypeId): JobRecord[] {
    return this.jobs.find({ scope: scopeKey(scope), type: actionKey(type), status: 'Queued' }, 'created, pk');
  }

  /** Every scope's jobs a worker has taken that time out, to be failed when they do. */
  timedJobs(): JobRecord[] {
    return [...this.jobs.find({ status: 'Dispatched' }), ...this.jobs.find({ status: 'InProgress' })].filter((j) => j.due !== undefined);
  }

  jobsOf(chain: string): JobRecord[] {
    return this.jobs.find({ chain }, 'created, pk');
  }

  webhook(scope: Scope, name: string): WebhookRecord | undefined {
    return this.webhooks.find({ scope: scopeKey(scope), name })[0];
  }

  putWebhook(w: WebhookRecord): void {
    this.webhooks.put(w.arn, w, { scope: scopeKey(w.scope), name: w.definition.name, token: w.token });
  }

  modifyWebhook(arn: string, mutate: (w: WebhookRecord) => void): WebhookRecord | undefined {
    return this.webhooks.modify(arn, mutate, (w) => this.putWebhook(w));
  }

  putPoll(r: PollRecord): void {
    this.polls.put(`${r.pipeline}#${r.action}`, r, { pipeline: r.pipeline });
  }

  putExecution(e: ExecutionRecord): void {
    this.executions.put(e.id, e, { pipeline: e.pipelineArn, active: finished(e) ? 0 : 1, created: e.seq });
  }

  /** Read-modify-write of one execution in a transaction; undefined when it is gone. */
  modifyExecution(id: string, mutate: (e: ExecutionRecord) => void): ExecutionRecord | undefined {
    return this.executions.modify(id, mutate, (e) => this.putExecution(e));
  }

  /** The pipeline's executions, newest first. */
  executionsOf(arn: string): ExecutionRecord[] {
    return this.executions.find({ pipeline: arn }, 'created DESC, pk');
  }

  /** The pipeline's executions that have not ended, oldest first (what the engine drives). */
  activeOf(arn: string): ExecutionRecord[] {
    return this.executions.find({ pipeline: arn, active: 1 }, 'created, pk');
  }

  /** Every pipeline with an execution that has not ended (what the engine resumes after a restart). */
  activePipelines(): string[] {
    return [...new Set(this.executions.find({ active: 1 }, 'created').map((e) => e.pipelineArn))];
  }
}
