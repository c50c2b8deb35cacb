// generated — do not edit; run npm run gen
// Source: models/codepipeline.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AWSSessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface AcknowledgeJobInput {
  jobId: string;
  nonce: string;
}

export interface AcknowledgeJobOutput {
  status?: JobStatus;
}

export interface AcknowledgeThirdPartyJobInput {
  jobId: string;
  nonce: string;
  clientToken: string;
}

export interface AcknowledgeThirdPartyJobOutput {
  status?: JobStatus;
}

export type ActionCategory = 'Source' | 'Build' | 'Deploy' | 'Test' | 'Invoke' | 'Approval' | 'Compute';

export interface ActionConfiguration {
  configuration?: Record<string, string>;
}

export interface ActionConfigurationProperty {
  name: string;
  required: boolean;
  key: boolean;
  secret: boolean;
  queryable?: boolean;
  description?: string;
  type?: ActionConfigurationPropertyType;
}

export type ActionConfigurationPropertyType = 'String' | 'Number' | 'Boolean';

export interface ActionContext {
  name?: string;
  actionExecutionId?: string;
}

export interface ActionDeclaration {
  name: string;
  actionTypeId: ActionTypeId;
  runOrder?: number;
  configuration?: Record<string, string>;
  commands?: string[];
  outputArtifacts?: OutputArtifact[];
  inputArtifacts?: InputArtifact[];
  outputVariables?: string[];
  roleArn?: string;
  region?: string;
  namespace?: string;
  timeoutInMinutes?: number;
  environmentVariables?: EnvironmentVariable[];
}

export interface ActionExecution {
  actionExecutionId?: string;
  status?: ActionExecutionStatus;
  summary?: string;
  lastStatusChange?: number;
  token?: string;
  lastUpdatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  percentComplete?: number;
  errorDetails?: ErrorDetails;
  logStreamARN?: string;
}

export interface ActionExecutionDetail {
  pipelineExecutionId?: string;
  actionExecutionId?: string;
  pipelineVersion?: number;
  stageName?: string;
  actionName?: string;
  startTime?: number;
  lastUpdateTime?: number;
  updatedBy?: string;
  status?: ActionExecutionStatus;
  input?: ActionExecutionInput;
  output?: ActionExecutionOutput;
}

export interface ActionExecutionFilter {
  pipelineExecutionId?: string;
  latestInPipelineExecution?: LatestInPipelineExecutionFilter;
}

export interface ActionExecutionInput {
  actionTypeId?: ActionTypeId;
  configuration?: Record<string, string>;
  resolvedConfiguration?: Record<string, string>;
  roleArn?: string;
  region?: string;
  inputArtifacts?: ArtifactDetail[];
  namespace?: string;
}

export interface ActionExecutionNotFoundException {
  message?: string;
}

export interface ActionExecutionOutput {
  outputArtifacts?: ArtifactDetail[];
  executionResult?: ActionExecutionResult;
  outputVariables?: Record<string, string>;
}

export interface ActionExecutionResult {
  externalExecutionId?: string;
  externalExecutionSummary?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
  logStreamARN?: string;
}

export type ActionExecutionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';

export type ActionNotFoundException = Empty;

export type ActionOwner = 'AWS' | 'ThirdParty' | 'Custom';

export interface ActionRevision {
  revisionId: string;
  revisionChangeId: string;
  created: number;
}

export interface ActionState {
  actionName?: string;
  currentRevision?: ActionRevision;
  latestExecution?: ActionExecution;
  entityUrl?: string;
  revisionUrl?: string;
}

export interface ActionType {
  id: ActionTypeId;
  settings?: ActionTypeSettings;
  actionConfigurationProperties?: ActionConfigurationProperty[];
  inputArtifactDetails: ArtifactDetails;
  outputArtifactDetails: ArtifactDetails;
}

export type ActionTypeAlreadyExistsException = Empty;

export interface ActionTypeArtifactDetails {
  minimumCount: number;
  maximumCount: number;
}

export interface ActionTypeDeclaration {
  description?: string;
  executor: ActionTypeExecutor;
  id: ActionTypeIdentifier;
  inputArtifactDetails: ActionTypeArtifactDetails;
  outputArtifactDetails: ActionTypeArtifactDetails;
  permissions?: ActionTypePermissions;
  properties?: ActionTypeProperty[];
  urls?: ActionTypeUrls;
}

export interface ActionTypeExecutor {
  configuration: ExecutorConfiguration;
  type: ExecutorType;
  policyStatementsTemplate?: string;
  jobTimeout?: number;
}

export interface ActionTypeId {
  category: ActionCategory;
  owner: ActionOwner;
  provider: string;
  version: string;
}

export interface ActionTypeIdentifier {
  category: ActionCategory;
  owner: string;
  provider: string;
  version: string;
}

export type ActionTypeNotFoundException = Empty;

export interface ActionTypePermissions {
  allowedAccounts: string[];
}

export interface ActionTypeProperty {
  name: string;
  optional: boolean;
  key: boolean;
  noEcho: boolean;
  queryable?: boolean;
  description?: string;
}

export interface ActionTypeSettings {
  thirdPartyConfigurationUrl?: string;
  entityUrlTemplate?: string;
  executionUrlTemplate?: string;
  revisionUrlTemplate?: string;
}

export interface ActionTypeUrls {
  configurationUrl?: string;
  entityUrlTemplate?: string;
  executionUrlTemplate?: string;
  revisionUrlTemplate?: string;
}

export type ApprovalAlreadyCompletedException = Empty;

export interface ApprovalResult {
  summary: string;
  status: ApprovalStatus;
}

export type ApprovalStatus = 'Approved' | 'Rejected';

export interface Artifact {
  name?: string;
  revision?: string;
  location?: ArtifactLocation;
}

export interface ArtifactDetail {
  name?: string;
  s3location?: S3Location;
}

export interface ArtifactDetails {
  minimumCount: number;
  maximumCount: number;
}

export interface ArtifactLocation {
  type?: ArtifactLocationType;
  s3Location?: S3ArtifactLocation;
}

export type ArtifactLocationType = 'S3';

export interface ArtifactRevision {
  name?: string;
  revisionId?: string;
  revisionChangeIdentifier?: string;
  revisionSummary?: string;
  created?: number;
  revisionUrl?: string;
}

export interface ArtifactStore {
  type: ArtifactStoreType;
  location: string;
  encryptionKey?: EncryptionKey;
}

export type ArtifactStoreType = 'S3';

export interface BeforeEntryConditions {
  conditions: Condition[];
}

export interface BlockerDeclaration {
  name: string;
  type: BlockerType;
}

export type BlockerType = 'Schedule';

export interface ConcurrentModificationException {
  message?: string;
}

export interface ConcurrentPipelineExecutionsLimitExceededException {
  message?: string;
}

export interface Condition {
  result?: Result;
  rules?: RuleDeclaration[];
}

export interface ConditionExecution {
  status?: ConditionExecutionStatus;
  summary?: string;
  lastStatusChange?: number;
}

export type ConditionExecutionStatus = 'InProgress' | 'Failed' | 'Errored' | 'Succeeded' | 'Cancelled' | 'Abandoned' | 'Overridden';

export interface ConditionNotOverridableException {
  message?: string;
}

export interface ConditionState {
  latestExecution?: ConditionExecution;
  ruleStates?: RuleState[];
}

export type ConditionType = 'BEFORE_ENTRY' | 'ON_SUCCESS';

export interface ConflictException {
  message?: string;
}

export interface CreateCustomActionTypeInput {
  category: ActionCategory;
  provider: string;
  version: string;
  settings?: ActionTypeSettings;
  configurationProperties?: ActionConfigurationProperty[];
  inputArtifactDetails: ArtifactDetails;
  outputArtifactDetails: ArtifactDetails;
  tags?: Tag[];
}

export interface CreateCustomActionTypeOutput {
  actionType: ActionType;
  tags?: Tag[];
}

export interface CreatePipelineInput {
  pipeline: PipelineDeclaration;
  tags?: Tag[];
}

export interface CreatePipelineOutput {
  pipeline?: PipelineDeclaration;
  tags?: Tag[];
}

export interface CurrentRevision {
  revision: string;
  changeIdentifier: string;
  created?: number;
  revisionSummary?: string;
}

export interface DeleteCustomActionTypeInput {
  category: ActionCategory;
  provider: string;
  version: string;
}

export interface DeletePipelineInput {
  name: string;
}

export interface DeleteWebhookInput {
  name: string;
}

export type DeleteWebhookOutput = Empty;

export interface DeployActionExecutionTarget {
  targetId?: string;
  targetType?: string;
  status?: string;
  startTime?: number;
  endTime?: number;
  events?: DeployTargetEvent[];
}

export interface DeployTargetEvent {
  name?: string;
  status?: string;
  startTime?: number;
  endTime?: number;
  context?: DeployTargetEventContext;
}

export interface DeployTargetEventContext {
  ssmCommandId?: string;
  message?: string;
}

export interface DeregisterWebhookWithThirdPartyInput {
  webhookName?: string;
}

export type DeregisterWebhookWithThirdPartyOutput = Empty;

export interface DisableStageTransitionInput {
  pipelineName: string;
  stageName: string;
  transitionType: StageTransitionType;
  reason: string;
}

export interface DuplicatedStopRequestException {
  message?: string;
}

export interface EnableStageTransitionInput {
  pipelineName: string;
  stageName: string;
  transitionType: StageTransitionType;
}

export interface EncryptionKey {
  id: string;
  type: EncryptionKeyType;
}

export type EncryptionKeyType = 'KMS';

export interface EnvironmentVariable {
  name: string;
  value: string;
  type?: EnvironmentVariableType;
}

export type EnvironmentVariableType = 'PLAINTEXT' | 'SECRETS_MANAGER';

export interface ErrorDetails {
  code?: string;
  message?: string;
}

export interface ExecutionDetails {
  summary?: string;
  externalExecutionId?: string;
  percentComplete?: number;
}

export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';

export interface ExecutionTrigger {
  triggerType?: TriggerType;
  triggerDetail?: string;
}

export type ExecutionType = 'STANDARD' | 'ROLLBACK';

export interface ExecutorConfiguration {
  lambdaExecutorConfiguration?: LambdaExecutorConfiguration;
  jobWorkerExecutorConfiguration?: JobWorkerExecutorConfiguration;
}

export type ExecutorType = 'JobWorker' | 'Lambda';

export interface FailureConditions {
  result?: Result;
  retryConfiguration?: RetryConfiguration;
  conditions?: Condition[];
}

export interface FailureDetails {
  type: FailureType;
  message: string;
  externalExecutionId?: string;
}

export type FailureType = 'JobFailed' | 'ConfigurationError' | 'PermissionError' | 'RevisionOutOfSync' | 'RevisionUnavailable' | 'SystemUnavailable';

export interface GetActionTypeInput {
  category: ActionCategory;
  owner: string;
  provider: string;
  version: string;
}

export interface GetActionTypeOutput {
  actionType?: ActionTypeDeclaration;
}

export interface GetJobDetailsInput {
  jobId: string;
}

export interface GetJobDetailsOutput {
  jobDetails?: JobDetails;
}

export interface GetPipelineExecutionInput {
  pipelineName: string;
  pipelineExecutionId: string;
}

export interface GetPipelineExecutionOutput {
  pipelineExecution?: PipelineExecution;
}

export interface GetPipelineInput {
  name: string;
  version?: number;
}

export interface GetPipelineOutput {
  pipeline?: PipelineDeclaration;
  metadata?: PipelineMetadata;
}

export interface GetPipelineStateInput {
  name: string;
}

export interface GetPipelineStateOutput {
  pipelineName?: string;
  pipelineVersion?: number;
  stageStates?: StageState[];
  created?: number;
  updated?: number;
}

export interface GetThirdPartyJobDetailsInput {
  jobId: string;
  clientToken: string;
}

export interface GetThirdPartyJobDetailsOutput {
  jobDetails?: ThirdPartyJobDetails;
}

export interface GitBranchFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export interface GitConfiguration {
  sourceActionName: string;
  push?: GitPushFilter[];
  pullRequest?: GitPullRequestFilter[];
}

export interface GitFilePathFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export type GitPullRequestEventType = 'OPEN' | 'UPDATED' | 'CLOSED';

export interface GitPullRequestFilter {
  events?: GitPullRequestEventType[];
  branches?: GitBranchFilterCriteria;
  filePaths?: GitFilePathFilterCriteria;
}

export interface GitPushFilter {
  tags?: GitTagFilterCriteria;
  branches?: GitBranchFilterCriteria;
  filePaths?: GitFilePathFilterCriteria;
}

export interface GitTagFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export interface InputArtifact {
  name: string;
}

export type InvalidActionDeclarationException = Empty;

export type InvalidApprovalTokenException = Empty;

export interface InvalidArnException {
  message?: string;
}

export type InvalidBlockerDeclarationException = Empty;

export type InvalidClientTokenException = Empty;

export type InvalidJobException = Empty;

export type InvalidJobStateException = Empty;

export type InvalidNextTokenException = Empty;

export type InvalidNonceException = Empty;

export type InvalidStageDeclarationException = Empty;

export type InvalidStructureException = Empty;

export interface InvalidTagsException {
  message?: string;
}

export type InvalidWebhookAuthenticationParametersException = Empty;

export type InvalidWebhookFilterPatternException = Empty;

export interface Job {
  id?: string;
  data?: JobData;
  nonce?: string;
  accountId?: string;
}

export interface JobData {
  actionTypeId?: ActionTypeId;
  actionConfiguration?: ActionConfiguration;
  pipelineContext?: PipelineContext;
  inputArtifacts?: Artifact[];
  outputArtifacts?: Artifact[];
  artifactCredentials?: AWSSessionCredentials;
  continuationToken?: string;
  encryptionKey?: EncryptionKey;
}

export interface JobDetails {
  id?: string;
  data?: JobData;
  accountId?: string;
}

export type JobNotFoundException = Empty;

export type JobStatus = 'Created' | 'Queued' | 'Dispatched' | 'InProgress' | 'TimedOut' | 'Succeeded' | 'Failed';

export interface JobWorkerExecutorConfiguration {
  pollingAccounts?: string[];
  pollingServicePrincipals?: string[];
}

export interface LambdaExecutorConfiguration {
  lambdaFunctionArn: string;
}

export interface LatestInPipelineExecutionFilter {
  pipelineExecutionId: string;
  startTimeRange: StartTimeRange;
}

export type LimitExceededException = Empty;

export interface ListActionExecutionsInput {
  pipelineName: string;
  filter?: ActionExecutionFilter;
  maxResults?: number;
  nextToken?: string;
}

export interface ListActionExecutionsOutput {
  actionExecutionDetails?: ActionExecutionDetail[];
  nextToken?: string;
}

export interface ListActionTypesInput {
  actionOwnerFilter?: ActionOwner;
  nextToken?: string;
  regionFilter?: string;
}

export interface ListActionTypesOutput {
  actionTypes: ActionType[];
  nextToken?: string;
}

export interface ListDeployActionExecutionTargetsInput {
  pipelineName?: string;
  actionExecutionId: string;
  filters?: TargetFilter[];
  maxResults?: number;
  nextToken?: string;
}

export interface ListDeployActionExecutionTargetsOutput {
  targets?: DeployActionExecutionTarget[];
  nextToken?: string;
}

export interface ListPipelineExecutionsInput {
  pipelineName: string;
  maxResults?: number;
  filter?: PipelineExecutionFilter;
  nextToken?: string;
}

export interface ListPipelineExecutionsOutput {
  pipelineExecutionSummaries?: PipelineExecutionSummary[];
  nextToken?: string;
}

export interface ListPipelinesInput {
  nextToken?: string;
  maxResults?: number;
}

export interface ListPipelinesOutput {
  pipelines?: PipelineSummary[];
  nextToken?: string;
}

export interface ListRuleExecutionsInput {
  pipelineName: string;
  filter?: RuleExecutionFilter;
  maxResults?: number;
  nextToken?: string;
}

export interface ListRuleExecutionsOutput {
  ruleExecutionDetails?: RuleExecutionDetail[];
  nextToken?: string;
}

export interface ListRuleTypesInput {
  ruleOwnerFilter?: RuleOwner;
  regionFilter?: string;
}

export interface ListRuleTypesOutput {
  ruleTypes: RuleType[];
}

export interface ListTagsForResourceInput {
  resourceArn: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListTagsForResourceOutput {
  tags?: Tag[];
  nextToken?: string;
}

export interface ListWebhookItem {
  definition: WebhookDefinition;
  url: string;
  errorMessage?: string;
  errorCode?: string;
  lastTriggered?: number;
  arn?: string;
  tags?: Tag[];
}

export interface ListWebhooksInput {
  NextToken?: string;
  MaxResults?: number;
}

export interface ListWebhooksOutput {
  webhooks?: ListWebhookItem[];
  NextToken?: string;
}

export type NotLatestPipelineExecutionException = Empty;

export interface OutputArtifact {
  name: string;
  files?: string[];
}

export interface OutputVariablesSizeExceededException {
  message?: string;
}

export interface OverrideStageConditionInput {
  pipelineName: string;
  stageName: string;
  pipelineExecutionId: string;
  conditionType: ConditionType;
}

export interface PipelineContext {
  pipelineName?: string;
  stage?: StageContext;
  action?: ActionContext;
  pipelineArn?: string;
  pipelineExecutionId?: string;
}

export interface PipelineDeclaration {
  name: string;
  roleArn: string;
  artifactStore?: ArtifactStore;
  artifactStores?: Record<string, ArtifactStore>;
  stages: StageDeclaration[];
  version?: number;
  executionMode?: ExecutionMode;
  pipelineType?: PipelineType;
  variables?: PipelineVariableDeclaration[];
  triggers?: PipelineTriggerDeclaration[];
}

export interface PipelineExecution {
  pipelineName?: string;
  pipelineVersion?: number;
  pipelineExecutionId?: string;
  status?: PipelineExecutionStatus;
  statusSummary?: string;
  artifactRevisions?: ArtifactRevision[];
  variables?: ResolvedPipelineVariable[];
  trigger?: ExecutionTrigger;
  executionMode?: ExecutionMode;
  executionType?: ExecutionType;
  rollbackMetadata?: PipelineRollbackMetadata;
}

export interface PipelineExecutionFilter {
  succeededInStage?: SucceededInStageFilter;
}

export type PipelineExecutionNotFoundException = Empty;

export interface PipelineExecutionNotStoppableException {
  message?: string;
}

export interface PipelineExecutionOutdatedException {
  message?: string;
}

export type PipelineExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';

export interface PipelineExecutionSummary {
  pipelineExecutionId?: string;
  status?: PipelineExecutionStatus;
  statusSummary?: string;
  startTime?: number;
  lastUpdateTime?: number;
  sourceRevisions?: SourceRevision[];
  trigger?: ExecutionTrigger;
  stopTrigger?: StopExecutionTrigger;
  executionMode?: ExecutionMode;
  executionType?: ExecutionType;
  rollbackMetadata?: PipelineRollbackMetadata;
}

export interface PipelineMetadata {
  pipelineArn?: string;
  created?: number;
  updated?: number;
  pollingDisabledAt?: number;
}

export type PipelineNameInUseException = Empty;

export type PipelineNotFoundException = Empty;

export interface PipelineRollbackMetadata {
  rollbackTargetPipelineExecutionId?: string;
}

export interface PipelineSummary {
  name?: string;
  version?: number;
  pipelineType?: PipelineType;
  executionMode?: ExecutionMode;
  created?: number;
  updated?: number;
}

export interface PipelineTriggerDeclaration {
  providerType: PipelineTriggerProviderType;
  gitConfiguration: GitConfiguration;
}

export type PipelineTriggerProviderType = 'CodeStarSourceConnection';

export type PipelineType = 'V1' | 'V2';

export interface PipelineVariable {
  name: string;
  value: string;
}

export interface PipelineVariableDeclaration {
  name: string;
  defaultValue?: string;
  description?: string;
}

export type PipelineVersionNotFoundException = Empty;

export interface PollForJobsInput {
  actionTypeId: ActionTypeId;
  maxBatchSize?: number;
  queryParam?: Record<string, string>;
}

export interface PollForJobsOutput {
  jobs?: Job[];
}

export interface PollForThirdPartyJobsInput {
  actionTypeId: ActionTypeId;
  maxBatchSize?: number;
}

export interface PollForThirdPartyJobsOutput {
  jobs?: ThirdPartyJob[];
}

export interface PutActionRevisionInput {
  pipelineName: string;
  stageName: string;
  actionName: string;
  actionRevision: ActionRevision;
}

export interface PutActionRevisionOutput {
  newRevision?: boolean;
  pipelineExecutionId?: string;
}

export interface PutApprovalResultInput {
  pipelineName: string;
  stageName: string;
  actionName: string;
  result: ApprovalResult;
  token: string;
}

export interface PutApprovalResultOutput {
  approvedAt?: number;
}

export interface PutJobFailureResultInput {
  jobId: string;
  failureDetails: FailureDetails;
}

export interface PutJobSuccessResultInput {
  jobId: string;
  currentRevision?: CurrentRevision;
  continuationToken?: string;
  executionDetails?: ExecutionDetails;
  outputVariables?: Record<string, string>;
}

export interface PutThirdPartyJobFailureResultInput {
  jobId: string;
  clientToken: string;
  failureDetails: FailureDetails;
}

export interface PutThirdPartyJobSuccessResultInput {
  jobId: string;
  clientToken: string;
  currentRevision?: CurrentRevision;
  continuationToken?: string;
  executionDetails?: ExecutionDetails;
}

export interface PutWebhookInput {
  webhook: WebhookDefinition;
  tags?: Tag[];
}

export interface PutWebhookOutput {
  webhook?: ListWebhookItem;
}

export interface RegisterWebhookWithThirdPartyInput {
  webhookName?: string;
}

export type RegisterWebhookWithThirdPartyOutput = Empty;

export interface RequestFailedException {
  message?: string;
}

export interface ResolvedPipelineVariable {
  name?: string;
  resolvedValue?: string;
}

export type ResourceNotFoundException = Empty;

export type Result = 'ROLLBACK' | 'FAIL' | 'RETRY' | 'SKIP';

export interface RetryConfiguration {
  retryMode?: StageRetryMode;
}

export interface RetryStageExecutionInput {
  pipelineName: string;
  stageName: string;
  pipelineExecutionId: string;
  retryMode: StageRetryMode;
}

export interface RetryStageExecutionOutput {
  pipelineExecutionId?: string;
}

export interface RetryStageMetadata {
  autoStageRetryAttempt?: number;
  manualStageRetryAttempt?: number;
  latestRetryTrigger?: RetryTrigger;
}

export type RetryTrigger = 'AutomatedStageRetry' | 'ManualStageRetry';

export interface RollbackStageInput {
  pipelineName: string;
  stageName: string;
  targetPipelineExecutionId: string;
}

export interface RollbackStageOutput {
  pipelineExecutionId: string;
}

export type RuleCategory = 'Rule';

export interface RuleConfigurationProperty {
  name: string;
  required: boolean;
  key: boolean;
  secret: boolean;
  queryable?: boolean;
  description?: string;
  type?: RuleConfigurationPropertyType;
}

export type RuleConfigurationPropertyType = 'String' | 'Number' | 'Boolean';

export interface RuleDeclaration {
  name: string;
  ruleTypeId: RuleTypeId;
  configuration?: Record<string, string>;
  commands?: string[];
  inputArtifacts?: InputArtifact[];
  roleArn?: string;
  region?: string;
  timeoutInMinutes?: number;
}

export interface RuleExecution {
  ruleExecutionId?: string;
  status?: RuleExecutionStatus;
  summary?: string;
  lastStatusChange?: number;
  token?: string;
  lastUpdatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
}

export interface RuleExecutionDetail {
  pipelineExecutionId?: string;
  ruleExecutionId?: string;
  pipelineVersion?: number;
  stageName?: string;
  ruleName?: string;
  startTime?: number;
  lastUpdateTime?: number;
  updatedBy?: string;
  status?: RuleExecutionStatus;
  input?: RuleExecutionInput;
  output?: RuleExecutionOutput;
}

export interface RuleExecutionFilter {
  pipelineExecutionId?: string;
  latestInPipelineExecution?: LatestInPipelineExecutionFilter;
}

export interface RuleExecutionInput {
  ruleTypeId?: RuleTypeId;
  configuration?: Record<string, string>;
  resolvedConfiguration?: Record<string, string>;
  roleArn?: string;
  region?: string;
  inputArtifacts?: ArtifactDetail[];
}

export interface RuleExecutionOutput {
  executionResult?: RuleExecutionResult;
}

export interface RuleExecutionResult {
  externalExecutionId?: string;
  externalExecutionSummary?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
}

export type RuleExecutionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';

export type RuleOwner = 'AWS';

export interface RuleRevision {
  revisionId: string;
  revisionChangeId: string;
  created: number;
}

export interface RuleState {
  ruleName?: string;
  currentRevision?: RuleRevision;
  latestExecution?: RuleExecution;
  entityUrl?: string;
  revisionUrl?: string;
}

export interface RuleType {
  id: RuleTypeId;
  settings?: RuleTypeSettings;
  ruleConfigurationProperties?: RuleConfigurationProperty[];
  inputArtifactDetails: ArtifactDetails;
}

export interface RuleTypeId {
  category: RuleCategory;
  owner?: RuleOwner;
  provider: string;
  version?: string;
}

export interface RuleTypeSettings {
  thirdPartyConfigurationUrl?: string;
  entityUrlTemplate?: string;
  executionUrlTemplate?: string;
  revisionUrlTemplate?: string;
}

export interface S3ArtifactLocation {
  bucketName: string;
  objectKey: string;
}

export interface S3Location {
  bucket?: string;
  key?: string;
}

export interface SourceRevision {
  actionName: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

export interface SourceRevisionOverride {
  actionName: string;
  revisionType: SourceRevisionType;
  revisionValue: string;
}

export type SourceRevisionType = 'COMMIT_ID' | 'IMAGE_DIGEST' | 'S3_OBJECT_VERSION_ID' | 'S3_OBJECT_KEY';

export interface StageConditionState {
  latestExecution?: StageConditionsExecution;
  conditionStates?: ConditionState[];
}

export interface StageConditionsExecution {
  status?: ConditionExecutionStatus;
  summary?: string;
}

export interface StageContext {
  name?: string;
}

export interface StageDeclaration {
  name: string;
  blockers?: BlockerDeclaration[];
  actions: ActionDeclaration[];
  onFailure?: FailureConditions;
  onSuccess?: SuccessConditions;
  beforeEntry?: BeforeEntryConditions;
}

export interface StageExecution {
  pipelineExecutionId: string;
  status: StageExecutionStatus;
  type?: ExecutionType;
}

export type StageExecutionStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';

export type StageNotFoundException = Empty;

export type StageNotRetryableException = Empty;

export type StageRetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';

export interface StageState {
  stageName?: string;
  inboundExecution?: StageExecution;
  inboundExecutions?: StageExecution[];
  inboundTransitionState?: TransitionState;
  actionStates?: ActionState[];
  latestExecution?: StageExecution;
  beforeEntryConditionState?: StageConditionState;
  onSuccessConditionState?: StageConditionState;
  onFailureConditionState?: StageConditionState;
  retryStageMetadata?: RetryStageMetadata;
}

export type StageTransitionType = 'Inbound' | 'Outbound';

export interface StartPipelineExecutionInput {
  name: string;
  variables?: PipelineVariable[];
  clientRequestToken?: string;
  sourceRevisions?: SourceRevisionOverride[];
}

export interface StartPipelineExecutionOutput {
  pipelineExecutionId?: string;
}

export type StartTimeRange = 'Latest' | 'All';

export interface StopExecutionTrigger {
  reason?: string;
}

export interface StopPipelineExecutionInput {
  pipelineName: string;
  pipelineExecutionId: string;
  abandon?: boolean;
  reason?: string;
}

export interface StopPipelineExecutionOutput {
  pipelineExecutionId?: string;
}

export interface SucceededInStageFilter {
  stageName?: string;
}

export interface SuccessConditions {
  conditions: Condition[];
}

export interface Tag {
  key: string;
  value: string;
}

export interface TagResourceInput {
  resourceArn: string;
  tags: Tag[];
}

export type TagResourceOutput = Empty;

export interface TargetFilter {
  name?: TargetFilterName;
  values?: string[];
}

export type TargetFilterName = 'TARGET_STATUS';

export interface ThirdPartyJob {
  clientId?: string;
  jobId?: string;
}

export interface ThirdPartyJobData {
  actionTypeId?: ActionTypeId;
  actionConfiguration?: ActionConfiguration;
  pipelineContext?: PipelineContext;
  inputArtifacts?: Artifact[];
  outputArtifacts?: Artifact[];
  artifactCredentials?: AWSSessionCredentials;
  continuationToken?: string;
  encryptionKey?: EncryptionKey;
}

export interface ThirdPartyJobDetails {
  id?: string;
  data?: ThirdPartyJobData;
  nonce?: string;
}

export interface TooManyTagsException {
  message?: string;
}

export interface TransitionState {
  enabled?: boolean;
  lastChangedBy?: string;
  lastChangedAt?: number;
  disabledReason?: string;
}

export type TriggerType = 'CreatePipeline' | 'StartPipelineExecution' | 'PollForSourceChanges' | 'Webhook' | 'CloudWatchEvent' | 'PutActionRevision' | 'WebhookV2' | 'ManualRollback' | 'AutomatedRollback';

export interface UnableToRollbackStageException {
  message?: string;
}

export interface UntagResourceInput {
  resourceArn: string;
  tagKeys: string[];
}

export type UntagResourceOutput = Empty;

export interface UpdateActionTypeInput {
  actionType: ActionTypeDeclaration;
}

export interface UpdatePipelineInput {
  pipeline: PipelineDeclaration;
}

export interface UpdatePipelineOutput {
  pipeline?: PipelineDeclaration;
}

export type ValidationException = Empty;

export interface WebhookAuthConfiguration {
  AllowedIPRange?: string;
  SecretToken?: string;
}

export type WebhookAuthenticationType = 'GITHUB_HMAC' | 'IP' | 'UNAUTHENTICATED';

export interface WebhookDefinition {
  name: string;
  targetPipeline: string;
  targetAction: string;
  filters: WebhookFilterRule[];
  authentication: WebhookAuthenticationType;
  authenticationConfiguration: WebhookAuthConfiguration;
}

export interface WebhookFilterRule {
  jsonPath: string;
  matchEquals?: string;
}

export type WebhookNotFoundException = Empty;

export interface CodepipelineOperations {
  AcknowledgeJob: { input: AcknowledgeJobInput; output: AcknowledgeJobOutput };
  AcknowledgeThirdPartyJob: { input: AcknowledgeThirdPartyJobInput; output: AcknowledgeThirdPartyJobOutput };
  CreateCustomActionType: { input: CreateCustomActionTypeInput; output: CreateCustomActionTypeOutput };
  CreatePipeline: { input: CreatePipelineInput; output: CreatePipelineOutput };
  DeleteCustomActionType: { input: DeleteCustomActionTypeInput; output: Empty };
  DeletePipeline: { input: DeletePipelineInput; output: Empty };
  DeleteWebhook: { input: DeleteWebhookInput; output: DeleteWebhookOutput };
  DeregisterWebhookWithThirdParty: { input: DeregisterWebhookWithThirdPartyInput; output: DeregisterWebhookWithThirdPartyOutput };
  DisableStageTransition: { input: DisableStageTransitionInput; output: Empty };
  EnableStageTransition: { input: EnableStageTransitionInput; output: Empty };
  GetActionType: { input: GetActionTypeInput; output: GetActionTypeOutput };
  GetJobDetails: { input: GetJobDetailsInput; output: GetJobDetailsOutput };
  GetPipeline: { input: GetPipelineInput; output: GetPipelineOutput };
  GetPipelineExecution: { input: GetPipelineExecutionInput; output: GetPipelineExecutionOutput };
  GetPipelineState: { input: GetPipelineStateInput; output: GetPipelineStateOutput };
  GetThirdPartyJobDetails: { input: GetThirdPartyJobDetailsInput; output: GetThirdPartyJobDetailsOutput };
  ListActionExecutions: { input: ListActionExecutionsInput; output: ListActionExecutionsOutput };
  ListActionTypes: { input: ListActionTypesInput; output: ListActionTypesOutput };
  ListDeployActionExecutionTargets: { input: ListDeployActionExecutionTargetsInput; output: ListDeployActionExecutionTargetsOutput };
  ListPipelineExecutions: { input: ListPipelineExecutionsInput; output: ListPipelineExecutionsOutput };
  ListPipelines: { input: ListPipelinesInput; output: ListPipelinesOutput };
  ListRuleExecutions: { input: ListRuleExecutionsInput; output: ListRuleExecutionsOutput };
  ListRuleTypes: { input: ListRuleTypesInput; output: ListRuleTypesOutput };
  ListTagsForResource: { input: ListTagsForResourceInput; output: ListTagsForResourceOutput };
  ListWebhooks: { input: ListWebhooksInput; output: ListWebhooksOutput };
  OverrideStageCondition: { input: OverrideStageConditionInput; output: Empty };
  PollForJobs: { input: PollForJobsInput; output: PollForJobsOutput };
  PollForThirdPartyJobs: { input: PollForThirdPartyJobsInput; output: PollForThirdPartyJobsOutput };
  PutActionRevision: { input: PutActionRevisionInput; output: PutActionRevisionOutput };
  PutApprovalResult: { input: PutApprovalResultInput; output: PutApprovalResultOutput };
  PutJobFailureResult: { input: PutJobFailureResultInput; output: Empty };
  PutJobSuccessResult: { input: PutJobSuccessResultInput; output: Empty };
  PutThirdPartyJobFailureResult: { input: PutThirdPartyJobFailureResultInput; output: Empty };
  PutThirdPartyJobSuccessResult: { input: PutThirdPartyJobSuccessResultInput; output: Empty };
  PutWebhook: { input: PutWebhookInput; output: PutWebhookOutput };
  RegisterWebhookWithThirdParty: { input: RegisterWebhookWithThirdPartyInput; output: RegisterWebhookWithThirdPartyOutput };
  RetryStageExecution: { input: RetryStageExecutionInput; output: RetryStageExecutionOutput };
  RollbackStage: { input: RollbackStageInput; output: RollbackStageOutput };
  StartPipelineExecution: { input: StartPipelineExecutionInput; output: StartPipelineExecutionOutput };
  StopPipelineExecution: { input: StopPipelineExecutionInput; output: StopPipelineExecutionOutput };
  TagResource: { input: TagResourceInput; output: TagResourceOutput };
  UntagResource: { input: UntagResourceInput; output: UntagResourceOutput };
  UpdateActionType: { input: UpdateActionTypeInput; output: Empty };
  UpdatePipeline: { input: UpdatePipelineInput; output: UpdatePipelineOutput };
}

export type CodepipelineErrorCode =
  | 'ActionExecutionNotFoundException'
  | 'ActionNotFoundException'
  | 'ActionTypeAlreadyExistsException'
  | 'ActionTypeNotFoundException'
  | 'ApprovalAlreadyCompletedException'
  | 'ConcurrentModificationException'
  | 'ConcurrentPipelineExecutionsLimitExceededException'
  | 'ConditionNotOverridableException'
  | 'ConflictException'
  | 'DuplicatedStopRequestException'
  | 'InvalidActionDeclarationException'
  | 'InvalidApprovalTokenException'
  | 'InvalidArnException'
  | 'InvalidBlockerDeclarationException'
  | 'InvalidClientTokenException'
  | 'InvalidJobException'
  | 'InvalidJobStateException'
  | 'InvalidNextTokenException'
  | 'InvalidNonceException'
  | 'InvalidStageDeclarationException'
  | 'InvalidStructureException'
  | 'InvalidTagsException'
  | 'InvalidWebhookAuthenticationParametersException'
  | 'InvalidWebhookFilterPatternException'
  | 'JobNotFoundException'
  | 'LimitExceededException'
  | 'NotLatestPipelineExecutionException'
  | 'OutputVariablesSizeExceededException'
  | 'PipelineExecutionNotFoundException'
  | 'PipelineExecutionNotStoppableException'
  | 'PipelineExecutionOutdatedException'
  | 'PipelineNameInUseException'
  | 'PipelineNotFoundException'
  | 'PipelineVersionNotFoundException'
  | 'RequestFailedException'
  | 'ResourceNotFoundException'
  | 'StageNotFoundException'
  | 'StageNotRetryableException'
  | 'TooManyTagsException'
  | 'UnableToRollbackStageException'
  | 'ValidationException'
  | 'WebhookNotFoundException';

export const codepipelineErrorCodes = [
  'ActionExecutionNotFoundException',
  'ActionNotFoundException',
  'ActionTypeAlreadyExistsException',
  'ActionTypeNotFoundException',
  'ApprovalAlreadyCompletedException',
  'ConcurrentModificationException',
  'ConcurrentPipelineExecutionsLimitExceededException',
  'ConditionNotOverridableException',
  'ConflictException',
  'DuplicatedStopRequestException',
  'InvalidActionDeclarationException',
  'InvalidApprovalTokenException',
  'InvalidArnException',
  'InvalidBlockerDeclarationException',
  'InvalidClientTokenException',
  'InvalidJobException',
  'InvalidJobStateException',
  'InvalidNextTokenException',
  'InvalidNonceException',
  'InvalidStageDeclarationException',
  'InvalidStructureException',
  'InvalidTagsException',
  'InvalidWebhookAuthenticationParametersException',
  'InvalidWebhookFilterPatternException',
  'JobNotFoundException',
  'LimitExceededException',
  'NotLatestPipelineExecutionException',
  'OutputVariablesSizeExceededException',
  'PipelineExecutionNotFoundException',
  'PipelineExecutionNotStoppableException',
  'PipelineExecutionOutdatedException',
  'PipelineNameInUseException',
  'PipelineNotFoundException',
  'PipelineVersionNotFoundException',
  'RequestFailedException',
  'ResourceNotFoundException',
  'StageNotFoundException',
  'StageNotRetryableException',
  'TooManyTagsException',
  'UnableToRollbackStageException',
  'ValidationException',
  'WebhookNotFoundException',
] as const;

export const codepipelineOperationNames = [
  'AcknowledgeJob',
  'AcknowledgeThirdPartyJob',
  'CreateCustomActionType',
  'CreatePipeline',
  'DeleteCustomActionType',
  'DeletePipeline',
  'DeleteWebhook',
  'DeregisterWebhookWithThirdParty',
  'DisableStageTransition',
  'EnableStageTransition',
  'GetActionType',
  'GetJobDetails',
  'GetPipeline',
  'GetPipelineExecution',
  'GetPipelineState',
  'GetThirdPartyJobDetails',
  'ListActionExecutions',
  'ListActionTypes',
  'ListDeployActionExecutionTargets',
  'ListPipelineExecutions',
  'ListPipelines',
  'ListRuleExecutions',
  'ListRuleTypes',
  'ListTagsForResource',
  'ListWebhooks',
  'OverrideStageCondition',
  'PollForJobs',
  'PollForThirdPartyJobs',
  'PutActionRevision',
  'PutApprovalResult',
  'PutJobFailureResult',
  'PutJobSuccessResult',
  'PutThirdPartyJobFailureResult',
  'PutThirdPartyJobSuccessResult',
  'PutWebhook',
  'RegisterWebhookWithThirdParty',
  'RetryStageExecution',
  'RollbackStage',
  'StartPipelineExecution',
  'StopPipelineExecution',
  'TagResource',
  'UntagResource',
  'UpdateActionType',
  'UpdatePipeline',
] as const;
