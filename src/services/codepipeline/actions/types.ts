/**
 * @module services/codepipeline/actions/types
 * The contract between the pipeline engine and the actions it runs. The engine owns executions,
 * stages, variables and artifact locations; an executor owns one action type (category, owner,
 * provider, version) and does that type's work through the other rooms' facades. Source executors
 * also say which events on the bus carry a new revision for them, so pushes start pipelines.
 */
import type { SlipwayEvent } from '../../../core/events.ts';
import type { Scope } from '../../../core/ids.ts';

export type ActionCategory = 'Source' | 'Build' | 'Deploy' | 'Test' | 'Invoke' | 'Approval' | 'Compute';

export interface ActionTypeId {
  category: ActionCategory;
  owner: 'AWS' | 'ThirdParty' | 'Custom';
  provider: string;
  version: string;
}

/** Where an artifact lives in the pipeline's artifact store: one zip object in S3. */
export interface ArtifactLocation {
  bucketName: string;
  objectKey: string;
}

export interface Artifact {
  name: string;
  location: ArtifactLocation;
  /** The source revision the artifact comes from: a source action's, passed on through the actions that used it. */
  revision?: SourceRevision;
}

/** A source revision as CodePipeline reports it (artifactRevisions, currentRevision, sourceRevisions). */
export interface SourceRevision {
  /** COMMIT_ID | IMAGE_DIGEST | S3_OBJECT_VERSION_ID | S3_OBJECT_KEY, as StartPipelineExecution's sourceRevisions name it. */
  revisionType: 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';
  revisionValue: string;
  /** What GetPipelineExecution shows: commit message, image tag, object key. */
  revisionSummary?: string;
  /** A link-like pointer a person can follow (repository/commit, image, object). */
  revisionUrl?: string;
  created?: number;
  /** A git change's branch (a trigger's push, or a pull request's source branch): the run's BranchName instead of the configured one. */
  branch?: string;
  /** A fork's pull request: the fork (FullRepositoryId, through the same connection) whose branch holds the head commit. */
  headRepository?: string;
}

/** What a source change carries beyond the revision, for V2 trigger filters (git sources only). */
export interface GitChange {
  branch?: string;
  tag?: string;
  /** Paths changed between the previous and the new commit, computed from git. */
  changedFiles?: string[];
  pullRequest?: { event: 'OPEN' | 'UPDATED' | 'CLOSED'; sourceBranch: string; destinationBranch: string };
}

export interface SourceChange {
  revision: SourceRevision;
  git?: GitChange;
  /** The trigger type the execution shows: PollForSourceChanges, Webhook, WebhookV2, CloudWatchEvent. */
  triggerType: string;
  triggerDetail?: string;
}

export interface ActionJob {
  scope: Scope;
  pipeline: { name: string; arn: string; roleArn: string };
  /** The action's own role (its declaration's roleArn), which it acts with instead of the pipeline's. */
  roleArn?: string;
  executionId: string;
  stageName: string;
  actionName: string;
  /** The run's id (ListActionExecutions' actionExecutionId), as a job worker is told it. */
  actionExecutionId?: string;
  actionTypeId: ActionTypeId;
  /** The action's configuration with every #{…} variable resolved. */
  configuration: Record<string, string>;
  inputArtifacts: Artifact[];
  /** Where the engine wants each output artifact written (a zip object, unless the executor says otherwise). */
  outputArtifacts: Artifact[];
  /** Source actions: the revision chosen by a trigger or by StartPipelineExecution's sourceRevisions; absent = the latest now. */
  sourceRevision?: SourceRevision;
  /** Aborted when the execution is stopped with abandon, superseded, or the action times out. */
  signal: AbortSignal;
  /** A line for whoever follows the execution (`slipway pipeline follow`, the console). */
  progress(line: string): void;
}

/** What an executor reports as soon as it has started outside work, so a restart waits for it instead of starting it again. */
export interface ActionStarted {
  externalExecutionId: string;
  externalExecutionUrl?: string;
  summary?: string;
}

export interface ActionOutcome {
  status: 'Succeeded' | 'Failed';
  summary?: string;
  /** Failed only: why, in words that tell the user what to look at (the build id, the deployment id). */
  errorDetails?: { code: string; message: string };
  outputVariables?: Record<string, string>;
  /** Source actions: the revision the output artifact holds. */
  revision?: SourceRevision;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
}

/** A configuration property as the action type declares it (ActionTypeDeclaration / GetActionType). */
export interface ConfigurationProperty {
  name: string;
  required: boolean;
  key: boolean;
  secret: boolean;
  queryable?: boolean;
  description?: string;
  type?: 'String' | 'Number' | 'Boolean';
}

export interface ActionExecutor {
  readonly type: ActionTypeId;
  readonly properties: ConfigurationProperty[];
  readonly artifacts: { input: { min: number; max: number }; output: { min: number; max: number } };
  /** Checks a declaration's configuration beyond the required keys; returns InvalidActionDeclarationException's message. */
  check?(configuration: Record<string, string>, scope: Scope): string | undefined;
  /**
   * Does the action's work until it succeeds or fails. `resumed` is what an earlier run reported
   * through `started` before Slipway stopped; the executor then waits for that work instead of
   * starting it again. Throwing an AwsError or Error fails the action with its message.
   */
  run(job: ActionJob, started: (s: ActionStarted) => void, resumed?: ActionStarted): Promise<ActionOutcome>;
  /** Source executors: the latest revision now (a run with no sourceRevision uses this). */
  latest?(configuration: Record<string, string>, scope: Scope): Promise<SourceRevision | undefined>;
  /** Source executors: the bus events that may carry a change for this action, and what a given one means for it. */
  readonly watches?: string[];
  changeFrom?(
    event: SlipwayEvent,
    configuration: Record<string, string>,
    scope: Scope,
  ): Promise<SourceChange | undefined> | SourceChange | undefined;
}
