// generated — do not edit; run npm run gen
// Source: models/codebuild.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export type AccountLimitExceededException = Empty;

export type AccountSuspendedException = Empty;

export type ArtifactNamespace = 'NONE' | 'BUILD_ID';

export type ArtifactPackaging = 'NONE' | 'ZIP';

export type ArtifactsType = 'CODEPIPELINE' | 'S3' | 'NO_ARTIFACTS';

export type AuthType = 'OAUTH' | 'BASIC_AUTH' | 'PERSONAL_ACCESS_TOKEN' | 'CODECONNECTIONS' | 'SECRETS_MANAGER';

export interface AutoRetryConfig {
  autoRetryLimit?: number;
  autoRetryNumber?: number;
  nextAutoRetry?: string;
  previousAutoRetry?: string;
}

export interface BatchDeleteBuildsInput {
  ids: string[];
}

export interface BatchDeleteBuildsOutput {
  buildsDeleted?: string[];
  buildsNotDeleted?: BuildNotDeleted[];
}

export interface BatchGetBuildBatchesInput {
  ids: string[];
}

export interface BatchGetBuildBatchesOutput {
  buildBatches?: BuildBatch[];
  buildBatchesNotFound?: string[];
}

export interface BatchGetBuildsInput {
  ids: string[];
}

export interface BatchGetBuildsOutput {
  builds?: Build[];
  buildsNotFound?: string[];
}

export interface BatchGetCommandExecutionsInput {
  sandboxId: string;
  commandExecutionIds: string[];
}

export interface BatchGetCommandExecutionsOutput {
  commandExecutions?: CommandExecution[];
  commandExecutionsNotFound?: string[];
}

export interface BatchGetFleetsInput {
  names: string[];
}

export interface BatchGetFleetsOutput {
  fleets?: Fleet[];
  fleetsNotFound?: string[];
}

export interface BatchGetProjectsInput {
  names: string[];
}

export interface BatchGetProjectsOutput {
  projects?: Project[];
  projectsNotFound?: string[];
}

export interface BatchGetReportGroupsInput {
  reportGroupArns: string[];
}

export interface BatchGetReportGroupsOutput {
  reportGroups?: ReportGroup[];
  reportGroupsNotFound?: string[];
}

export interface BatchGetReportsInput {
  reportArns: string[];
}

export interface BatchGetReportsOutput {
  reports?: Report[];
  reportsNotFound?: string[];
}

export interface BatchGetSandboxesInput {
  ids: string[];
}

export interface BatchGetSandboxesOutput {
  sandboxes?: Sandbox[];
  sandboxesNotFound?: string[];
}

export type BatchReportModeType = 'REPORT_INDIVIDUAL_BUILDS' | 'REPORT_AGGREGATED_BATCH';

export interface BatchRestrictions {
  maximumBuildsAllowed?: number;
  computeTypesAllowed?: string[];
  fleetsAllowed?: string[];
}

export type BucketOwnerAccess = 'NONE' | 'READ_ONLY' | 'FULL';

export interface Build {
  id?: string;
  arn?: string;
  buildNumber?: number;
  startTime?: number;
  endTime?: number;
  currentPhase?: string;
  buildStatus?: StatusType;
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  projectName?: string;
  phases?: BuildPhase[];
  source?: ProjectSource;
  secondarySources?: ProjectSource[];
  secondarySourceVersions?: ProjectSourceVersion[];
  artifacts?: BuildArtifacts;
  secondaryArtifacts?: BuildArtifacts[];
  cache?: ProjectCache;
  environment?: ProjectEnvironment;
  serviceRole?: string;
  logs?: LogsLocation;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  buildComplete?: boolean;
  initiator?: string;
  vpcConfig?: VpcConfig;
  networkInterface?: NetworkInterface;
  encryptionKey?: string;
  exportedEnvironmentVariables?: ExportedEnvironmentVariable[];
  reportArns?: string[];
  fileSystemLocations?: ProjectFileSystemLocation[];
  debugSession?: DebugSession;
  buildBatchArn?: string;
  autoRetryConfig?: AutoRetryConfig;
}

export interface BuildArtifacts {
  location?: string;
  sha256sum?: string;
  md5sum?: string;
  overrideArtifactName?: boolean;
  encryptionDisabled?: boolean;
  artifactIdentifier?: string;
  bucketOwnerAccess?: BucketOwnerAccess;
}

export interface BuildBatch {
  id?: string;
  arn?: string;
  startTime?: number;
  endTime?: number;
  currentPhase?: string;
  buildBatchStatus?: StatusType;
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  projectName?: string;
  phases?: BuildBatchPhase[];
  source?: ProjectSource;
  secondarySources?: ProjectSource[];
  secondarySourceVersions?: ProjectSourceVersion[];
  artifacts?: BuildArtifacts;
  secondaryArtifacts?: BuildArtifacts[];
  cache?: ProjectCache;
  environment?: ProjectEnvironment;
  serviceRole?: string;
  logConfig?: LogsConfig;
  buildTimeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  complete?: boolean;
  initiator?: string;
  vpcConfig?: VpcConfig;
  encryptionKey?: string;
  buildBatchNumber?: number;
  fileSystemLocations?: ProjectFileSystemLocation[];
  buildBatchConfig?: ProjectBuildBatchConfig;
  buildGroups?: BuildGroup[];
  debugSessionEnabled?: boolean;
  reportArns?: string[];
}

export interface BuildBatchFilter {
  status?: StatusType;
}

export interface BuildBatchPhase {
  phaseType?: BuildBatchPhaseType;
  phaseStatus?: StatusType;
  startTime?: number;
  endTime?: number;
  durationInSeconds?: number;
  contexts?: PhaseContext[];
}

export type BuildBatchPhaseType = 'SUBMITTED' | 'DOWNLOAD_BATCHSPEC' | 'IN_PROGRESS' | 'COMBINE_ARTIFACTS' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export interface BuildGroup {
  identifier?: string;
  dependsOn?: string[];
  ignoreFailure?: boolean;
  currentBuildSummary?: BuildSummary;
  priorBuildSummaryList?: BuildSummary[];
}

export interface BuildNotDeleted {
  id?: string;
  statusCode?: string;
}

export interface BuildPhase {
  phaseType?: BuildPhaseType;
  phaseStatus?: StatusType;
  startTime?: number;
  endTime?: number;
  durationInSeconds?: number;
  contexts?: PhaseContext[];
}

export type BuildPhaseType = 'SUBMITTED' | 'QUEUED' | 'PROVISIONING' | 'DOWNLOAD_SOURCE' | 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD' | 'UPLOAD_ARTIFACTS' | 'FINALIZING' | 'COMPLETED';

export interface BuildStatusConfig {
  context?: string;
  targetUrl?: string;
}

export interface BuildSummary {
  arn?: string;
  requestedOn?: number;
  buildStatus?: StatusType;
  primaryArtifact?: ResolvedArtifact;
  secondaryArtifacts?: ResolvedArtifact[];
}

export type CacheMode = 'LOCAL_DOCKER_LAYER_CACHE' | 'LOCAL_SOURCE_CACHE' | 'LOCAL_CUSTOM_CACHE';

export type CacheType = 'NO_CACHE' | 'S3' | 'LOCAL';

export interface CloudWatchLogsConfig {
  status: LogsConfigStatusType;
  groupName?: string;
  streamName?: string;
}

export interface CodeCoverage {
  id?: string;
  reportARN?: string;
  filePath?: string;
  lineCoveragePercentage?: number;
  linesCovered?: number;
  linesMissed?: number;
  branchCoveragePercentage?: number;
  branchesCovered?: number;
  branchesMissed?: number;
  expired?: number;
}

export interface CodeCoverageReportSummary {
  lineCoveragePercentage?: number;
  linesCovered?: number;
  linesMissed?: number;
  branchCoveragePercentage?: number;
  branchesCovered?: number;
  branchesMissed?: number;
}

export interface CommandExecution {
  id?: string;
  sandboxId?: string;
  submitTime?: number;
  startTime?: number;
  endTime?: number;
  status?: string;
  command?: string;
  type?: CommandType;
  exitCode?: string;
  standardOutputContent?: string;
  standardErrContent?: string;
  logs?: LogsLocation;
  sandboxArn?: string;
}

export type CommandType = 'SHELL';

export interface ComputeConfiguration {
  vCpu?: number;
  memory?: number;
  disk?: number;
  machineType?: MachineType;
  instanceType?: string;
}

export type ComputeType = 'BUILD_GENERAL1_SMALL' | 'BUILD_GENERAL1_MEDIUM' | 'BUILD_GENERAL1_LARGE' | 'BUILD_GENERAL1_XLARGE' | 'BUILD_GENERAL1_2XLARGE' | 'BUILD_LAMBDA_1GB' | 'BUILD_LAMBDA_2GB' | 'BUILD_LAMBDA_4GB' | 'BUILD_LAMBDA_8GB' | 'BUILD_LAMBDA_10GB' | 'ATTRIBUTE_BASED_COMPUTE' | 'CUSTOM_INSTANCE_TYPE';

export interface CreateFleetInput {
  name: string;
  baseCapacity: number;
  environmentType: EnvironmentType;
  computeType: ComputeType;
  computeConfiguration?: ComputeConfiguration;
  scalingConfiguration?: ScalingConfigurationInput;
  overflowBehavior?: FleetOverflowBehavior;
  vpcConfig?: VpcConfig;
  proxyConfiguration?: ProxyConfiguration;
  imageId?: string;
  fleetServiceRole?: string;
  tags?: Tag[];
}

export interface CreateFleetOutput {
  fleet?: Fleet;
}

export interface CreateProjectInput {
  name: string;
  description?: string;
  source: ProjectSource;
  secondarySources?: ProjectSource[];
  sourceVersion?: string;
  secondarySourceVersions?: ProjectSourceVersion[];
  artifacts: ProjectArtifacts;
  secondaryArtifacts?: ProjectArtifacts[];
  cache?: ProjectCache;
  environment: ProjectEnvironment;
  serviceRole: string;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  encryptionKey?: string;
  tags?: Tag[];
  vpcConfig?: VpcConfig;
  badgeEnabled?: boolean;
  logsConfig?: LogsConfig;
  fileSystemLocations?: ProjectFileSystemLocation[];
  buildBatchConfig?: ProjectBuildBatchConfig;
  concurrentBuildLimit?: number;
  autoRetryLimit?: number;
}

export interface CreateProjectOutput {
  project?: Project;
}

export interface CreateReportGroupInput {
  name: string;
  type: ReportType;
  exportConfig: ReportExportConfig;
  tags?: Tag[];
}

export interface CreateReportGroupOutput {
  reportGroup?: ReportGroup;
}

export interface CreateWebhookInput {
  projectName: string;
  branchFilter?: string;
  filterGroups?: (WebhookFilter[])[];
  buildType?: WebhookBuildType;
  manualCreation?: boolean;
  scopeConfiguration?: ScopeConfiguration;
  pullRequestBuildPolicy?: PullRequestBuildPolicy;
}

export interface CreateWebhookOutput {
  webhook?: Webhook;
}

export type CredentialProviderType = 'SECRETS_MANAGER';

export interface DebugSession {
  sessionEnabled?: boolean;
  sessionTarget?: string;
}

export interface DeleteBuildBatchInput {
  id: string;
}

export interface DeleteBuildBatchOutput {
  statusCode?: string;
  buildsDeleted?: string[];
  buildsNotDeleted?: BuildNotDeleted[];
}

export interface DeleteFleetInput {
  arn: string;
}

export type DeleteFleetOutput = Empty;

export interface DeleteProjectInput {
  name: string;
}

export type DeleteProjectOutput = Empty;

export interface DeleteReportGroupInput {
  arn: string;
  deleteReports?: boolean;
}

export type DeleteReportGroupOutput = Empty;

export interface DeleteReportInput {
  arn: string;
}

export type DeleteReportOutput = Empty;

export interface DeleteResourcePolicyInput {
  resourceArn: string;
}

export type DeleteResourcePolicyOutput = Empty;

export interface DeleteSourceCredentialsInput {
  arn: string;
}

export interface DeleteSourceCredentialsOutput {
  arn?: string;
}

export interface DeleteWebhookInput {
  projectName: string;
}

export type DeleteWebhookOutput = Empty;

export interface DescribeCodeCoveragesInput {
  reportArn: string;
  nextToken?: string;
  maxResults?: number;
  sortOrder?: SortOrderType;
  sortBy?: ReportCodeCoverageSortByType;
  minLineCoveragePercentage?: number;
  maxLineCoveragePercentage?: number;
}

export interface DescribeCodeCoveragesOutput {
  nextToken?: string;
  codeCoverages?: CodeCoverage[];
}

export interface DescribeTestCasesInput {
  reportArn: string;
  nextToken?: string;
  maxResults?: number;
  filter?: TestCaseFilter;
}

export interface DescribeTestCasesOutput {
  nextToken?: string;
  testCases?: TestCase[];
}

export interface DockerServer {
  computeType: ComputeType;
  securityGroupIds?: string[];
  status?: DockerServerStatus;
}

export interface DockerServerStatus {
  status?: string;
  message?: string;
}

export interface EnvironmentImage {
  name?: string;
  description?: string;
  versions?: string[];
}

export interface EnvironmentLanguage {
  language?: LanguageType;
  images?: EnvironmentImage[];
}

export interface EnvironmentPlatform {
  platform?: PlatformType;
  languages?: EnvironmentLanguage[];
}

export type EnvironmentType = 'WINDOWS_CONTAINER' | 'LINUX_CONTAINER' | 'LINUX_GPU_CONTAINER' | 'ARM_CONTAINER' | 'WINDOWS_SERVER_2019_CONTAINER' | 'WINDOWS_SERVER_2022_CONTAINER' | 'LINUX_LAMBDA_CONTAINER' | 'ARM_LAMBDA_CONTAINER' | 'LINUX_EC2' | 'ARM_EC2' | 'WINDOWS_EC2' | 'MAC_ARM';

export interface EnvironmentVariable {
  name: string;
  value: string;
  type?: EnvironmentVariableType;
}

export type EnvironmentVariableType = 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';

export interface ExportedEnvironmentVariable {
  name?: string;
  value?: string;
}

export type FileSystemType = 'EFS';

export interface Fleet {
  arn?: string;
  name?: string;
  id?: string;
  created?: number;
  lastModified?: number;
  status?: FleetStatus;
  baseCapacity?: number;
  environmentType?: EnvironmentType;
  computeType?: ComputeType;
  computeConfiguration?: ComputeConfiguration;
  scalingConfiguration?: ScalingConfigurationOutput;
  overflowBehavior?: FleetOverflowBehavior;
  vpcConfig?: VpcConfig;
  proxyConfiguration?: ProxyConfiguration;
  imageId?: string;
  fleetServiceRole?: string;
  tags?: Tag[];
}

export type FleetContextCode = 'CREATE_FAILED' | 'UPDATE_FAILED' | 'ACTION_REQUIRED' | 'PENDING_DELETION' | 'INSUFFICIENT_CAPACITY';

export type FleetOverflowBehavior = 'QUEUE' | 'ON_DEMAND';

export interface FleetProxyRule {
  type: FleetProxyRuleType;
  effect: FleetProxyRuleEffectType;
  entities: string[];
}

export type FleetProxyRuleBehavior = 'ALLOW_ALL' | 'DENY_ALL';

export type FleetProxyRuleEffectType = 'ALLOW' | 'DENY';

export type FleetProxyRuleType = 'DOMAIN' | 'IP';

export type FleetScalingMetricType = 'FLEET_UTILIZATION_RATE';

export type FleetScalingType = 'TARGET_TRACKING_SCALING';

export type FleetSortByType = 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME';

export interface FleetStatus {
  statusCode?: FleetStatusCode;
  context?: FleetContextCode;
  message?: string;
}

export type FleetStatusCode = 'CREATING' | 'UPDATING' | 'ROTATING' | 'PENDING_DELETION' | 'DELETING' | 'CREATE_FAILED' | 'UPDATE_ROLLBACK_FAILED' | 'ACTIVE';

export interface GetReportGroupTrendInput {
  reportGroupArn: string;
  numOfReports?: number;
  trendField: ReportGroupTrendFieldType;
}

export interface GetReportGroupTrendOutput {
  stats?: ReportGroupTrendStats;
  rawData?: ReportWithRawData[];
}

export interface GetResourcePolicyInput {
  resourceArn: string;
}

export interface GetResourcePolicyOutput {
  policy?: string;
}

export interface GitSubmodulesConfig {
  fetchSubmodules: boolean;
}

export type ImagePullCredentialsType = 'CODEBUILD' | 'SERVICE_ROLE';

export interface ImportSourceCredentialsInput {
  username?: string;
  token: string;
  serverType: ServerType;
  authType: AuthType;
  shouldOverwrite?: boolean;
}

export interface ImportSourceCredentialsOutput {
  arn?: string;
}

export type InvalidInputException = Empty;

export interface InvalidateProjectCacheInput {
  projectName: string;
}

export type InvalidateProjectCacheOutput = Empty;

export type LanguageType = 'JAVA' | 'PYTHON' | 'NODE_JS' | 'RUBY' | 'GOLANG' | 'DOCKER' | 'ANDROID' | 'DOTNET' | 'BASE' | 'PHP';

export interface ListBuildBatchesForProjectInput {
  projectName?: string;
  filter?: BuildBatchFilter;
  maxResults?: number;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListBuildBatchesForProjectOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListBuildBatchesInput {
  filter?: BuildBatchFilter;
  maxResults?: number;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListBuildBatchesOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListBuildsForProjectInput {
  projectName: string;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListBuildsForProjectOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListBuildsInput {
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListBuildsOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListCommandExecutionsForSandboxInput {
  sandboxId: string;
  maxResults?: number;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListCommandExecutionsForSandboxOutput {
  commandExecutions?: CommandExecution[];
  nextToken?: string;
}

export type ListCuratedEnvironmentImagesInput = Empty;

export interface ListCuratedEnvironmentImagesOutput {
  platforms?: EnvironmentPlatform[];
}

export interface ListFleetsInput {
  nextToken?: string;
  maxResults?: number;
  sortOrder?: SortOrderType;
  sortBy?: FleetSortByType;
}

export interface ListFleetsOutput {
  nextToken?: string;
  fleets?: string[];
}

export interface ListProjectsInput {
  sortBy?: ProjectSortByType;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListProjectsOutput {
  nextToken?: string;
  projects?: string[];
}

export interface ListReportGroupsInput {
  sortOrder?: SortOrderType;
  sortBy?: ReportGroupSortByType;
  nextToken?: string;
  maxResults?: number;
}

export interface ListReportGroupsOutput {
  nextToken?: string;
  reportGroups?: string[];
}

export interface ListReportsForReportGroupInput {
  reportGroupArn: string;
  nextToken?: string;
  sortOrder?: SortOrderType;
  maxResults?: number;
  filter?: ReportFilter;
}

export interface ListReportsForReportGroupOutput {
  nextToken?: string;
  reports?: string[];
}

export interface ListReportsInput {
  sortOrder?: SortOrderType;
  nextToken?: string;
  maxResults?: number;
  filter?: ReportFilter;
}

export interface ListReportsOutput {
  nextToken?: string;
  reports?: string[];
}

export interface ListSandboxesForProjectInput {
  projectName: string;
  maxResults?: number;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListSandboxesForProjectOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListSandboxesInput {
  maxResults?: number;
  sortOrder?: SortOrderType;
  nextToken?: string;
}

export interface ListSandboxesOutput {
  ids?: string[];
  nextToken?: string;
}

export interface ListSharedProjectsInput {
  sortBy?: SharedResourceSortByType;
  sortOrder?: SortOrderType;
  maxResults?: number;
  nextToken?: string;
}

export interface ListSharedProjectsOutput {
  nextToken?: string;
  projects?: string[];
}

export interface ListSharedReportGroupsInput {
  sortOrder?: SortOrderType;
  sortBy?: SharedResourceSortByType;
  nextToken?: string;
  maxResults?: number;
}

export interface ListSharedReportGroupsOutput {
  nextToken?: string;
  reportGroups?: string[];
}

export type ListSourceCredentialsInput = Empty;

export interface ListSourceCredentialsOutput {
  sourceCredentialsInfos?: SourceCredentialsInfo[];
}

export interface LogsConfig {
  cloudWatchLogs?: CloudWatchLogsConfig;
  s3Logs?: S3LogsConfig;
}

export type LogsConfigStatusType = 'ENABLED' | 'DISABLED';

export interface LogsLocation {
  groupName?: string;
  streamName?: string;
  deepLink?: string;
  s3DeepLink?: string;
  cloudWatchLogsArn?: string;
  s3LogsArn?: string;
  cloudWatchLogs?: CloudWatchLogsConfig;
  s3Logs?: S3LogsConfig;
}

export type MachineType = 'GENERAL' | 'NVME';

export interface NetworkInterface {
  subnetId?: string;
  networkInterfaceId?: string;
}

export type OAuthProviderException = Empty;

export interface PhaseContext {
  statusCode?: string;
  message?: string;
}

export type PlatformType = 'DEBIAN' | 'AMAZON_LINUX' | 'UBUNTU' | 'WINDOWS_SERVER';

export interface Project {
  name?: string;
  arn?: string;
  description?: string;
  source?: ProjectSource;
  secondarySources?: ProjectSource[];
  sourceVersion?: string;
  secondarySourceVersions?: ProjectSourceVersion[];
  artifacts?: ProjectArtifacts;
  secondaryArtifacts?: ProjectArtifacts[];
  cache?: ProjectCache;
  environment?: ProjectEnvironment;
  serviceRole?: string;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  encryptionKey?: string;
  tags?: Tag[];
  created?: number;
  lastModified?: number;
  webhook?: Webhook;
  vpcConfig?: VpcConfig;
  badge?: ProjectBadge;
  logsConfig?: LogsConfig;
  fileSystemLocations?: ProjectFileSystemLocation[];
  buildBatchConfig?: ProjectBuildBatchConfig;
  concurrentBuildLimit?: number;
  projectVisibility?: ProjectVisibilityType;
  publicProjectAlias?: string;
  resourceAccessRole?: string;
  autoRetryLimit?: number;
}

export interface ProjectArtifacts {
  type: ArtifactsType;
  location?: string;
  path?: string;
  namespaceType?: ArtifactNamespace;
  name?: string;
  packaging?: ArtifactPackaging;
  overrideArtifactName?: boolean;
  encryptionDisabled?: boolean;
  artifactIdentifier?: string;
  bucketOwnerAccess?: BucketOwnerAccess;
}

export interface ProjectBadge {
  badgeEnabled?: boolean;
  badgeRequestUrl?: string;
}

export interface ProjectBuildBatchConfig {
  serviceRole?: string;
  combineArtifacts?: boolean;
  restrictions?: BatchRestrictions;
  timeoutInMins?: number;
  batchReportMode?: BatchReportModeType;
}

export interface ProjectCache {
  type: CacheType;
  location?: string;
  modes?: CacheMode[];
  cacheNamespace?: string;
}

export interface ProjectEnvironment {
  type: EnvironmentType;
  image: string;
  computeType: ComputeType;
  computeConfiguration?: ComputeConfiguration;
  fleet?: ProjectFleet;
  environmentVariables?: EnvironmentVariable[];
  privilegedMode?: boolean;
  certificate?: string;
  registryCredential?: RegistryCredential;
  imagePullCredentialsType?: ImagePullCredentialsType;
  dockerServer?: DockerServer;
}

export interface ProjectFileSystemLocation {
  type?: FileSystemType;
  location?: string;
  mountPoint?: string;
  identifier?: string;
  mountOptions?: string;
}

export interface ProjectFleet {
  fleetArn?: string;
}

export type ProjectSortByType = 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME';

export interface ProjectSource {
  type: SourceType;
  location?: string;
  gitCloneDepth?: number;
  gitSubmodulesConfig?: GitSubmodulesConfig;
  buildspec?: string;
  auth?: SourceAuth;
  reportBuildStatus?: boolean;
  buildStatusConfig?: BuildStatusConfig;
  insecureSsl?: boolean;
  sourceIdentifier?: string;
}

export interface ProjectSourceVersion {
  sourceIdentifier: string;
  sourceVersion: string;
}

export type ProjectVisibilityType = 'PUBLIC_READ' | 'PRIVATE';

export interface ProxyConfiguration {
  defaultBehavior?: FleetProxyRuleBehavior;
  orderedProxyRules?: FleetProxyRule[];
}

export type PullRequestBuildApproverRole = 'GITHUB_READ' | 'GITHUB_TRIAGE' | 'GITHUB_WRITE' | 'GITHUB_MAINTAIN' | 'GITHUB_ADMIN' | 'GITLAB_GUEST' | 'GITLAB_PLANNER' | 'GITLAB_REPORTER' | 'GITLAB_DEVELOPER' | 'GITLAB_MAINTAINER' | 'GITLAB_OWNER' | 'BITBUCKET_READ' | 'BITBUCKET_WRITE' | 'BITBUCKET_ADMIN';

export type PullRequestBuildCommentApproval = 'DISABLED' | 'ALL_PULL_REQUESTS' | 'FORK_PULL_REQUESTS';

export interface PullRequestBuildPolicy {
  requiresCommentApproval: PullRequestBuildCommentApproval;
  approverRoles?: PullRequestBuildApproverRole[];
}

export interface PutResourcePolicyInput {
  policy: string;
  resourceArn: string;
}

export interface PutResourcePolicyOutput {
  resourceArn?: string;
}

export interface RegistryCredential {
  credential: string;
  credentialProvider: CredentialProviderType;
}

export interface Report {
  arn?: string;
  type?: ReportType;
  name?: string;
  reportGroupArn?: string;
  executionId?: string;
  status?: ReportStatusType;
  created?: number;
  expired?: number;
  exportConfig?: ReportExportConfig;
  truncated?: boolean;
  testSummary?: TestReportSummary;
  codeCoverageSummary?: CodeCoverageReportSummary;
}

export type ReportCodeCoverageSortByType = 'LINE_COVERAGE_PERCENTAGE' | 'FILE_PATH';

export interface ReportExportConfig {
  exportConfigType?: ReportExportConfigType;
  s3Destination?: S3ReportExportConfig;
}

export type ReportExportConfigType = 'S3' | 'NO_EXPORT';

export interface ReportFilter {
  status?: ReportStatusType;
}

export interface ReportGroup {
  arn?: string;
  name?: string;
  type?: ReportType;
  exportConfig?: ReportExportConfig;
  created?: number;
  lastModified?: number;
  tags?: Tag[];
  status?: ReportGroupStatusType;
}

export type ReportGroupSortByType = 'NAME' | 'CREATED_TIME' | 'LAST_MODIFIED_TIME';

export type ReportGroupStatusType = 'ACTIVE' | 'DELETING';

export type ReportGroupTrendFieldType = 'PASS_RATE' | 'DURATION' | 'TOTAL' | 'LINE_COVERAGE' | 'LINES_COVERED' | 'LINES_MISSED' | 'BRANCH_COVERAGE' | 'BRANCHES_COVERED' | 'BRANCHES_MISSED';

export interface ReportGroupTrendStats {
  average?: string;
  max?: string;
  min?: string;
}

export type ReportPackagingType = 'ZIP' | 'NONE';

export type ReportStatusType = 'GENERATING' | 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE' | 'DELETING';

export type ReportType = 'TEST' | 'CODE_COVERAGE';

export interface ReportWithRawData {
  reportArn?: string;
  data?: string;
}

export interface ResolvedArtifact {
  type?: ArtifactsType;
  location?: string;
  identifier?: string;
}

export type ResourceAlreadyExistsException = Empty;

export type ResourceNotFoundException = Empty;

export interface RetryBuildBatchInput {
  id?: string;
  idempotencyToken?: string;
  retryType?: RetryBuildBatchType;
}

export interface RetryBuildBatchOutput {
  buildBatch?: BuildBatch;
}

export type RetryBuildBatchType = 'RETRY_ALL_BUILDS' | 'RETRY_FAILED_BUILDS';

export interface RetryBuildInput {
  id?: string;
  idempotencyToken?: string;
}

export interface RetryBuildOutput {
  build?: Build;
}

export interface S3LogsConfig {
  status: LogsConfigStatusType;
  location?: string;
  encryptionDisabled?: boolean;
  bucketOwnerAccess?: BucketOwnerAccess;
}

export interface S3ReportExportConfig {
  bucket?: string;
  bucketOwner?: string;
  path?: string;
  packaging?: ReportPackagingType;
  encryptionKey?: string;
  encryptionDisabled?: boolean;
}

export interface SSMSession {
  sessionId?: string;
  tokenValue?: string;
  streamUrl?: string;
}

export interface Sandbox {
  id?: string;
  arn?: string;
  projectName?: string;
  requestTime?: number;
  startTime?: number;
  endTime?: number;
  status?: string;
  source?: ProjectSource;
  sourceVersion?: string;
  secondarySources?: ProjectSource[];
  secondarySourceVersions?: ProjectSourceVersion[];
  environment?: ProjectEnvironment;
  fileSystemLocations?: ProjectFileSystemLocation[];
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  vpcConfig?: VpcConfig;
  logConfig?: LogsConfig;
  encryptionKey?: string;
  serviceRole?: string;
  currentSession?: SandboxSession;
}

export interface SandboxSession {
  id?: string;
  status?: string;
  startTime?: number;
  endTime?: number;
  currentPhase?: string;
  phases?: SandboxSessionPhase[];
  resolvedSourceVersion?: string;
  logs?: LogsLocation;
  networkInterface?: NetworkInterface;
}

export interface SandboxSessionPhase {
  phaseType?: string;
  phaseStatus?: StatusType;
  startTime?: number;
  endTime?: number;
  durationInSeconds?: number;
  contexts?: PhaseContext[];
}

export interface ScalingConfigurationInput {
  scalingType?: FleetScalingType;
  targetTrackingScalingConfigs?: TargetTrackingScalingConfiguration[];
  maxCapacity?: number;
}

export interface ScalingConfigurationOutput {
  scalingType?: FleetScalingType;
  targetTrackingScalingConfigs?: TargetTrackingScalingConfiguration[];
  maxCapacity?: number;
  desiredCapacity?: number;
}

export interface ScopeConfiguration {
  name: string;
  domain?: string;
  scope: WebhookScopeType;
}

export type ServerType = 'GITHUB' | 'BITBUCKET' | 'GITHUB_ENTERPRISE' | 'GITLAB' | 'GITLAB_SELF_MANAGED';

export type SharedResourceSortByType = 'ARN' | 'MODIFIED_TIME';

export type SortOrderType = 'ASCENDING' | 'DESCENDING';

export interface SourceAuth {
  type: SourceAuthType;
  resource?: string;
}

export type SourceAuthType = 'OAUTH' | 'CODECONNECTIONS' | 'SECRETS_MANAGER';

export interface SourceCredentialsInfo {
  arn?: string;
  serverType?: ServerType;
  authType?: AuthType;
  resource?: string;
}

export type SourceType = 'CODECOMMIT' | 'CODEPIPELINE' | 'GITHUB' | 'GITLAB' | 'GITLAB_SELF_MANAGED' | 'S3' | 'BITBUCKET' | 'GITHUB_ENTERPRISE' | 'NO_SOURCE';

export interface StartBuildBatchInput {
  projectName: string;
  secondarySourcesOverride?: ProjectSource[];
  secondarySourcesVersionOverride?: ProjectSourceVersion[];
  sourceVersion?: string;
  artifactsOverride?: ProjectArtifacts;
  secondaryArtifactsOverride?: ProjectArtifacts[];
  environmentVariablesOverride?: EnvironmentVariable[];
  sourceTypeOverride?: SourceType;
  sourceLocationOverride?: string;
  sourceAuthOverride?: SourceAuth;
  gitCloneDepthOverride?: number;
  gitSubmodulesConfigOverride?: GitSubmodulesConfig;
  buildspecOverride?: string;
  insecureSslOverride?: boolean;
  reportBuildBatchStatusOverride?: boolean;
  environmentTypeOverride?: EnvironmentType;
  imageOverride?: string;
  computeTypeOverride?: ComputeType;
  certificateOverride?: string;
  cacheOverride?: ProjectCache;
  serviceRoleOverride?: string;
  privilegedModeOverride?: boolean;
  buildTimeoutInMinutesOverride?: number;
  queuedTimeoutInMinutesOverride?: number;
  encryptionKeyOverride?: string;
  idempotencyToken?: string;
  logsConfigOverride?: LogsConfig;
  registryCredentialOverride?: RegistryCredential;
  imagePullCredentialsTypeOverride?: ImagePullCredentialsType;
  buildBatchConfigOverride?: ProjectBuildBatchConfig;
  debugSessionEnabled?: boolean;
}

export interface StartBuildBatchOutput {
  buildBatch?: BuildBatch;
}

export interface StartBuildInput {
  projectName: string;
  secondarySourcesOverride?: ProjectSource[];
  secondarySourcesVersionOverride?: ProjectSourceVersion[];
  sourceVersion?: string;
  artifactsOverride?: ProjectArtifacts;
  secondaryArtifactsOverride?: ProjectArtifacts[];
  environmentVariablesOverride?: EnvironmentVariable[];
  sourceTypeOverride?: SourceType;
  sourceLocationOverride?: string;
  sourceAuthOverride?: SourceAuth;
  gitCloneDepthOverride?: number;
  gitSubmodulesConfigOverride?: GitSubmodulesConfig;
  buildspecOverride?: string;
  insecureSslOverride?: boolean;
  reportBuildStatusOverride?: boolean;
  buildStatusConfigOverride?: BuildStatusConfig;
  environmentTypeOverride?: EnvironmentType;
  imageOverride?: string;
  computeTypeOverride?: ComputeType;
  certificateOverride?: string;
  cacheOverride?: ProjectCache;
  serviceRoleOverride?: string;
  privilegedModeOverride?: boolean;
  timeoutInMinutesOverride?: number;
  queuedTimeoutInMinutesOverride?: number;
  encryptionKeyOverride?: string;
  idempotencyToken?: string;
  logsConfigOverride?: LogsConfig;
  registryCredentialOverride?: RegistryCredential;
  imagePullCredentialsTypeOverride?: ImagePullCredentialsType;
  debugSessionEnabled?: boolean;
  fleetOverride?: ProjectFleet;
  autoRetryLimitOverride?: number;
}

export interface StartBuildOutput {
  build?: Build;
}

export interface StartCommandExecutionInput {
  sandboxId: string;
  command: string;
  type?: CommandType;
}

export interface StartCommandExecutionOutput {
  commandExecution?: CommandExecution;
}

export interface StartSandboxConnectionInput {
  sandboxId: string;
}

export interface StartSandboxConnectionOutput {
  ssmSession?: SSMSession;
}

export interface StartSandboxInput {
  projectName?: string;
  idempotencyToken?: string;
}

export interface StartSandboxOutput {
  sandbox?: Sandbox;
}

export type StatusType = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';

export interface StopBuildBatchInput {
  id: string;
}

export interface StopBuildBatchOutput {
  buildBatch?: BuildBatch;
}

export interface StopBuildInput {
  id: string;
}

export interface StopBuildOutput {
  build?: Build;
}

export interface StopSandboxInput {
  id: string;
}

export interface StopSandboxOutput {
  sandbox?: Sandbox;
}

export interface Tag {
  key?: string;
  value?: string;
}

export interface TargetTrackingScalingConfiguration {
  metricType?: FleetScalingMetricType;
  targetValue?: number;
}

export interface TestCase {
  reportArn?: string;
  testRawDataPath?: string;
  prefix?: string;
  name?: string;
  status?: string;
  durationInNanoSeconds?: number;
  message?: string;
  expired?: number;
  testSuiteName?: string;
}

export interface TestCaseFilter {
  status?: string;
  keyword?: string;
}

export interface TestReportSummary {
  total: number;
  statusCounts: Record<string, number>;
  durationInNanoSeconds: number;
}

export interface UpdateFleetInput {
  arn: string;
  baseCapacity?: number;
  environmentType?: EnvironmentType;
  computeType?: ComputeType;
  computeConfiguration?: ComputeConfiguration;
  scalingConfiguration?: ScalingConfigurationInput;
  overflowBehavior?: FleetOverflowBehavior;
  vpcConfig?: VpcConfig;
  proxyConfiguration?: ProxyConfiguration;
  imageId?: string;
  fleetServiceRole?: string;
  tags?: Tag[];
}

export interface UpdateFleetOutput {
  fleet?: Fleet;
}

export interface UpdateProjectInput {
  name: string;
  description?: string;
  source?: ProjectSource;
  secondarySources?: ProjectSource[];
  sourceVersion?: string;
  secondarySourceVersions?: ProjectSourceVersion[];
  artifacts?: ProjectArtifacts;
  secondaryArtifacts?: ProjectArtifacts[];
  cache?: ProjectCache;
  environment?: ProjectEnvironment;
  serviceRole?: string;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  encryptionKey?: string;
  tags?: Tag[];
  vpcConfig?: VpcConfig;
  badgeEnabled?: boolean;
  logsConfig?: LogsConfig;
  fileSystemLocations?: ProjectFileSystemLocation[];
  buildBatchConfig?: ProjectBuildBatchConfig;
  concurrentBuildLimit?: number;
  autoRetryLimit?: number;
}

export interface UpdateProjectOutput {
  project?: Project;
}

export interface UpdateProjectVisibilityInput {
  projectArn: string;
  projectVisibility: ProjectVisibilityType;
  resourceAccessRole?: string;
}

export interface UpdateProjectVisibilityOutput {
  projectArn?: string;
  publicProjectAlias?: string;
  projectVisibility?: ProjectVisibilityType;
}

export interface UpdateReportGroupInput {
  arn: string;
  exportConfig?: ReportExportConfig;
  tags?: Tag[];
}

export interface UpdateReportGroupOutput {
  reportGroup?: ReportGroup;
}

export interface UpdateWebhookInput {
  projectName: string;
  branchFilter?: string;
  rotateSecret?: boolean;
  filterGroups?: (WebhookFilter[])[];
  buildType?: WebhookBuildType;
  pullRequestBuildPolicy?: PullRequestBuildPolicy;
}

export interface UpdateWebhookOutput {
  webhook?: Webhook;
}

export interface VpcConfig {
  vpcId?: string;
  subnets?: string[];
  securityGroupIds?: string[];
}

export interface Webhook {
  url?: string;
  payloadUrl?: string;
  secret?: string;
  branchFilter?: string;
  filterGroups?: (WebhookFilter[])[];
  buildType?: WebhookBuildType;
  manualCreation?: boolean;
  lastModifiedSecret?: number;
  scopeConfiguration?: ScopeConfiguration;
  status?: WebhookStatus;
  statusMessage?: string;
  pullRequestBuildPolicy?: PullRequestBuildPolicy;
}

export type WebhookBuildType = 'BUILD' | 'BUILD_BATCH' | 'RUNNER_BUILDKITE_BUILD';

export interface WebhookFilter {
  type: WebhookFilterType;
  pattern: string;
  excludeMatchedPattern?: boolean;
}

export type WebhookFilterType = 'EVENT' | 'BASE_REF' | 'HEAD_REF' | 'ACTOR_ACCOUNT_ID' | 'FILE_PATH' | 'COMMIT_MESSAGE' | 'WORKFLOW_NAME' | 'TAG_NAME' | 'RELEASE_NAME' | 'REPOSITORY_NAME' | 'ORGANIZATION_NAME';

export type WebhookScopeType = 'GITHUB_ORGANIZATION' | 'GITHUB_GLOBAL' | 'GITLAB_GROUP';

export type WebhookStatus = 'CREATING' | 'CREATE_FAILED' | 'ACTIVE' | 'DELETING';

export interface CodebuildOperations {
  BatchDeleteBuilds: { input: BatchDeleteBuildsInput; output: BatchDeleteBuildsOutput };
  BatchGetBuildBatches: { input: BatchGetBuildBatchesInput; output: BatchGetBuildBatchesOutput };
  BatchGetBuilds: { input: BatchGetBuildsInput; output: BatchGetBuildsOutput };
  BatchGetCommandExecutions: { input: BatchGetCommandExecutionsInput; output: BatchGetCommandExecutionsOutput };
  BatchGetFleets: { input: BatchGetFleetsInput; output: BatchGetFleetsOutput };
  BatchGetProjects: { input: BatchGetProjectsInput; output: BatchGetProjectsOutput };
  BatchGetReportGroups: { input: BatchGetReportGroupsInput; output: BatchGetReportGroupsOutput };
  BatchGetReports: { input: BatchGetReportsInput; output: BatchGetReportsOutput };
  BatchGetSandboxes: { input: BatchGetSandboxesInput; output: BatchGetSandboxesOutput };
  CreateFleet: { input: CreateFleetInput; output: CreateFleetOutput };
  CreateProject: { input: CreateProjectInput; output: CreateProjectOutput };
  CreateReportGroup: { input: CreateReportGroupInput; output: CreateReportGroupOutput };
  CreateWebhook: { input: CreateWebhookInput; output: CreateWebhookOutput };
  DeleteBuildBatch: { input: DeleteBuildBatchInput; output: DeleteBuildBatchOutput };
  DeleteFleet: { input: DeleteFleetInput; output: DeleteFleetOutput };
  DeleteProject: { input: DeleteProjectInput; output: DeleteProjectOutput };
  DeleteReport: { input: DeleteReportInput; output: DeleteReportOutput };
  DeleteReportGroup: { input: DeleteReportGroupInput; output: DeleteReportGroupOutput };
  DeleteResourcePolicy: { input: DeleteResourcePolicyInput; output: DeleteResourcePolicyOutput };
  DeleteSourceCredentials: { input: DeleteSourceCredentialsInput; output: DeleteSourceCredentialsOutput };
  DeleteWebhook: { input: DeleteWebhookInput; output: DeleteWebhookOutput };
  DescribeCodeCoverages: { input: DescribeCodeCoveragesInput; output: DescribeCodeCoveragesOutput };
  DescribeTestCases: { input: DescribeTestCasesInput; output: DescribeTestCasesOutput };
  GetReportGroupTrend: { input: GetReportGroupTrendInput; output: GetReportGroupTrendOutput };
  GetResourcePolicy: { input: GetResourcePolicyInput; output: GetResourcePolicyOutput };
  ImportSourceCredentials: { input: ImportSourceCredentialsInput; output: ImportSourceCredentialsOutput };
  InvalidateProjectCache: { input: InvalidateProjectCacheInput; output: InvalidateProjectCacheOutput };
  ListBuildBatches: { input: ListBuildBatchesInput; output: ListBuildBatchesOutput };
  ListBuildBatchesForProject: { input: ListBuildBatchesForProjectInput; output: ListBuildBatchesForProjectOutput };
  ListBuilds: { input: ListBuildsInput; output: ListBuildsOutput };
  ListBuildsForProject: { input: ListBuildsForProjectInput; output: ListBuildsForProjectOutput };
  ListCommandExecutionsForSandbox: { input: ListCommandExecutionsForSandboxInput; output: ListCommandExecutionsForSandboxOutput };
  ListCuratedEnvironmentImages: { input: ListCuratedEnvironmentImagesInput; output: ListCuratedEnvironmentImagesOutput };
  ListFleets: { input: ListFleetsInput; output: ListFleetsOutput };
  ListProjects: { input: ListProjectsInput; output: ListProjectsOutput };
  ListReportGroups: { input: ListReportGroupsInput; output: ListReportGroupsOutput };
  ListReports: { input: ListReportsInput; output: ListReportsOutput };
  ListReportsForReportGroup: { input: ListReportsForReportGroupInput; output: ListReportsForReportGroupOutput };
  ListSandboxes: { input: ListSandboxesInput; output: ListSandboxesOutput };
  ListSandboxesForProject: { input: ListSandboxesForProjectInput; output: ListSandboxesForProjectOutput };
  ListSharedProjects: { input: ListSharedProjectsInput; output: ListSharedProjectsOutput };
  ListSharedReportGroups: { input: ListSharedReportGroupsInput; output: ListSharedReportGroupsOutput };
  ListSourceCredentials: { input: ListSourceCredentialsInput; output: ListSourceCredentialsOutput };
  PutResourcePolicy: { input: PutResourcePolicyInput; output: PutResourcePolicyOutput };
  RetryBuild: { input: RetryBuildInput; output: RetryBuildOutput };
  RetryBuildBatch: { input: RetryBuildBatchInput; output: RetryBuildBatchOutput };
  StartBuild: { input: StartBuildInput; output: StartBuildOutput };
  StartBuildBatch: { input: StartBuildBatchInput; output: StartBuildBatchOutput };
  StartCommandExecution: { input: StartCommandExecutionInput; output: StartCommandExecutionOutput };
  StartSandbox: { input: StartSandboxInput; output: StartSandboxOutput };
  StartSandboxConnection: { input: StartSandboxConnectionInput; output: StartSandboxConnectionOutput };
  StopBuild: { input: StopBuildInput; output: StopBuildOutput };
  StopBuildBatch: { input: StopBuildBatchInput; output: StopBuildBatchOutput };
  StopSandbox: { input: StopSandboxInput; output: StopSandboxOutput };
  UpdateFleet: { input: UpdateFleetInput; output: UpdateFleetOutput };
  UpdateProject: { input: UpdateProjectInput; output: UpdateProjectOutput };
  UpdateProjectVisibility: { input: UpdateProjectVisibilityInput; output: UpdateProjectVisibilityOutput };
  UpdateReportGroup: { input: UpdateReportGroupInput; output: UpdateReportGroupOutput };
  UpdateWebhook: { input: UpdateWebhookInput; output: UpdateWebhookOutput };
}

export type CodebuildErrorCode =
  | 'AccountLimitExceededException'
  | 'AccountSuspendedException'
  | 'InvalidInputException'
  | 'OAuthProviderException'
  | 'ResourceAlreadyExistsException'
  | 'ResourceNotFoundException';

export const codebuildErrorCodes = [
  'AccountLimitExceededException',
  'AccountSuspendedException',
  'InvalidInputException',
  'OAuthProviderException',
  'ResourceAlreadyExistsException',
  'ResourceNotFoundException',
] as const;

export const codebuildOperationNames = [
  'BatchDeleteBuilds',
  'BatchGetBuildBatches',
  'BatchGetBuilds',
  'BatchGetCommandExecutions',
  'BatchGetFleets',
  'BatchGetProjects',
  'BatchGetReportGroups',
  'BatchGetReports',
  'BatchGetSandboxes',
  'CreateFleet',
  'CreateProject',
  'CreateReportGroup',
  'CreateWebhook',
  'DeleteBuildBatch',
  'DeleteFleet',
  'DeleteProject',
  'DeleteReport',
  'DeleteReportGroup',
  'DeleteResourcePolicy',
  'DeleteSourceCredentials',
  'DeleteWebhook',
  'DescribeCodeCoverages',
  'DescribeTestCases',
  'GetReportGroupTrend',
  'GetResourcePolicy',
  'ImportSourceCredentials',
  'InvalidateProjectCache',
  'ListBuildBatches',
  'ListBuildBatchesForProject',
  'ListBuilds',
  'ListBuildsForProject',
  'ListCommandExecutionsForSandbox',
  'ListCuratedEnvironmentImages',
  'ListFleets',
  'ListProjects',
  'ListReportGroups',
  'ListReports',
  'ListReportsForReportGroup',
  'ListSandboxes',
  'ListSandboxesForProject',
  'ListSharedProjects',
  'ListSharedReportGroups',
  'ListSourceCredentials',
  'PutResourcePolicy',
  'RetryBuild',
  'RetryBuildBatch',
  'StartBuild',
  'StartBuildBatch',
  'StartCommandExecution',
  'StartSandbox',
  'StartSandboxConnection',
  'StopBuild',
  'StopBuildBatch',
  'StopSandbox',
  'UpdateFleet',
  'UpdateProject',
  'UpdateProjectVisibility',
  'UpdateReportGroup',
  'UpdateWebhook',
] as const;
