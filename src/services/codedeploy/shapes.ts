// generated — do not edit; run npm run gen
// Source: models/codedeploy.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AddTagsToOnPremisesInstancesInput {
  tags: Tag[];
  instanceNames: string[];
}

export interface Alarm {
  name?: string;
}

export interface AlarmConfiguration {
  enabled?: boolean;
  ignorePollAlarmFailure?: boolean;
  alarms?: Alarm[];
}

export type AlarmsLimitExceededException = Empty;

export interface AppSpecContent {
  content?: string;
  sha256?: string;
}

export type ApplicationAlreadyExistsException = Empty;

export type ApplicationDoesNotExistException = Empty;

export interface ApplicationInfo {
  applicationId?: string;
  applicationName?: string;
  createTime?: number;
  linkedToGitHub?: boolean;
  gitHubAccountName?: string;
  computePlatform?: ComputePlatform;
}

export type ApplicationLimitExceededException = Empty;

export type ApplicationNameRequiredException = Empty;

export type ApplicationRevisionSortBy = 'registerTime' | 'firstUsedTime' | 'lastUsedTime';

export type ArnNotSupportedException = Empty;

export interface AutoRollbackConfiguration {
  enabled?: boolean;
  events?: AutoRollbackEvent[];
}

export type AutoRollbackEvent = 'DEPLOYMENT_FAILURE' | 'DEPLOYMENT_STOP_ON_ALARM' | 'DEPLOYMENT_STOP_ON_REQUEST';

export interface AutoScalingGroup {
  name?: string;
  hook?: string;
  terminationHook?: string;
}

export interface BatchGetApplicationRevisionsInput {
  applicationName: string;
  revisions: RevisionLocation[];
}

export interface BatchGetApplicationRevisionsOutput {
  applicationName?: string;
  errorMessage?: string;
  revisions?: RevisionInfo[];
}

export interface BatchGetApplicationsInput {
  applicationNames: string[];
}

export interface BatchGetApplicationsOutput {
  applicationsInfo?: ApplicationInfo[];
}

export interface BatchGetDeploymentGroupsInput {
  applicationName: string;
  deploymentGroupNames: string[];
}

export interface BatchGetDeploymentGroupsOutput {
  deploymentGroupsInfo?: DeploymentGroupInfo[];
  errorMessage?: string;
}

export interface BatchGetDeploymentInstancesInput {
  deploymentId: string;
  instanceIds: string[];
}

export interface BatchGetDeploymentInstancesOutput {
  instancesSummary?: InstanceSummary[];
  errorMessage?: string;
}

export interface BatchGetDeploymentTargetsInput {
  deploymentId: string;
  targetIds: string[];
}

export interface BatchGetDeploymentTargetsOutput {
  deploymentTargets?: DeploymentTarget[];
}

export interface BatchGetDeploymentsInput {
  deploymentIds: string[];
}

export interface BatchGetDeploymentsOutput {
  deploymentsInfo?: DeploymentInfo[];
}

export interface BatchGetOnPremisesInstancesInput {
  instanceNames: string[];
}

export interface BatchGetOnPremisesInstancesOutput {
  instanceInfos?: InstanceInfo[];
}

export type BatchLimitExceededException = Empty;

export interface BlueGreenDeploymentConfiguration {
  terminateBlueInstancesOnDeploymentSuccess?: BlueInstanceTerminationOption;
  deploymentReadyOption?: DeploymentReadyOption;
  greenFleetProvisioningOption?: GreenFleetProvisioningOption;
}

export interface BlueInstanceTerminationOption {
  action?: InstanceAction;
  terminationWaitTimeInMinutes?: number;
}

export type BucketNameFilterRequiredException = Empty;

export type BundleType = 'tar' | 'tgz' | 'zip' | 'YAML' | 'JSON';

export interface CloudFormationTarget {
  deploymentId?: string;
  targetId?: string;
  lastUpdatedAt?: number;
  lifecycleEvents?: LifecycleEvent[];
  status?: TargetStatus;
  resourceType?: string;
  targetVersionWeight?: number;
}

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';

export interface ContinueDeploymentInput {
  deploymentId?: string;
  deploymentWaitType?: DeploymentWaitType;
}

export interface CreateApplicationInput {
  applicationName: string;
  computePlatform?: ComputePlatform;
  tags?: Tag[];
}

export interface CreateApplicationOutput {
  applicationId?: string;
}

export interface CreateDeploymentConfigInput {
  deploymentConfigName: string;
  minimumHealthyHosts?: MinimumHealthyHosts;
  trafficRoutingConfig?: TrafficRoutingConfig;
  computePlatform?: ComputePlatform;
  zonalConfig?: ZonalConfig;
}

export interface CreateDeploymentConfigOutput {
  deploymentConfigId?: string;
}

export interface CreateDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName?: string;
  ec2TagFilters?: EC2TagFilter[];
  onPremisesInstanceTagFilters?: TagFilter[];
  autoScalingGroups?: string[];
  serviceRoleArn: string;
  triggerConfigurations?: TriggerConfig[];
  alarmConfiguration?: AlarmConfiguration;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  outdatedInstancesStrategy?: OutdatedInstancesStrategy;
  deploymentStyle?: DeploymentStyle;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  ec2TagSet?: EC2TagSet;
  ecsServices?: ECSService[];
  onPremisesTagSet?: OnPremisesTagSet;
  tags?: Tag[];
  terminationHookEnabled?: boolean;
}

export interface CreateDeploymentGroupOutput {
  deploymentGroupId?: string;
}

export interface CreateDeploymentInput {
  applicationName: string;
  deploymentGroupName?: string;
  revision?: RevisionLocation;
  deploymentConfigName?: string;
  description?: string;
  ignoreApplicationStopFailures?: boolean;
  targetInstances?: TargetInstances;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly?: boolean;
  fileExistsBehavior?: FileExistsBehavior;
  overrideAlarmConfiguration?: AlarmConfiguration;
}

export interface CreateDeploymentOutput {
  deploymentId?: string;
}

export interface DeleteApplicationInput {
  applicationName: string;
}

export interface DeleteDeploymentConfigInput {
  deploymentConfigName: string;
}

export interface DeleteDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
}

export interface DeleteDeploymentGroupOutput {
  hooksNotCleanedUp?: AutoScalingGroup[];
}

export interface DeleteGitHubAccountTokenInput {
  tokenName?: string;
}

export interface DeleteGitHubAccountTokenOutput {
  tokenName?: string;
}

export interface DeleteResourcesByExternalIdInput {
  externalId?: string;
}

export type DeleteResourcesByExternalIdOutput = Empty;

export type DeploymentAlreadyCompletedException = Empty;

export type DeploymentAlreadyStartedException = Empty;

export type DeploymentConfigAlreadyExistsException = Empty;

export type DeploymentConfigDoesNotExistException = Empty;

export type DeploymentConfigInUseException = Empty;

export interface DeploymentConfigInfo {
  deploymentConfigId?: string;
  deploymentConfigName?: string;
  minimumHealthyHosts?: MinimumHealthyHosts;
  createTime?: number;
  computePlatform?: ComputePlatform;
  trafficRoutingConfig?: TrafficRoutingConfig;
  zonalConfig?: ZonalConfig;
}

export type DeploymentConfigLimitExceededException = Empty;

export type DeploymentConfigNameRequiredException = Empty;

export type DeploymentCreator = 'user' | 'autoscaling' | 'codeDeployRollback' | 'CodeDeploy' | 'CodeDeployAutoUpdate' | 'CloudFormation' | 'CloudFormationRollback' | 'autoscalingTermination';

export type DeploymentDoesNotExistException = Empty;

export type DeploymentGroupAlreadyExistsException = Empty;

export type DeploymentGroupDoesNotExistException = Empty;

export interface DeploymentGroupInfo {
  applicationName?: string;
  deploymentGroupId?: string;
  deploymentGroupName?: string;
  deploymentConfigName?: string;
  ec2TagFilters?: EC2TagFilter[];
  onPremisesInstanceTagFilters?: TagFilter[];
  autoScalingGroups?: AutoScalingGroup[];
  serviceRoleArn?: string;
  targetRevision?: RevisionLocation;
  triggerConfigurations?: TriggerConfig[];
  alarmConfiguration?: AlarmConfiguration;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  deploymentStyle?: DeploymentStyle;
  outdatedInstancesStrategy?: OutdatedInstancesStrategy;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  lastSuccessfulDeployment?: LastDeploymentInfo;
  lastAttemptedDeployment?: LastDeploymentInfo;
  ec2TagSet?: EC2TagSet;
  onPremisesTagSet?: OnPremisesTagSet;
  computePlatform?: ComputePlatform;
  ecsServices?: ECSService[];
  terminationHookEnabled?: boolean;
}

export type DeploymentGroupLimitExceededException = Empty;

export type DeploymentGroupNameRequiredException = Empty;

export type DeploymentIdRequiredException = Empty;

export interface DeploymentInfo {
  applicationName?: string;
  deploymentGroupName?: string;
  deploymentConfigName?: string;
  deploymentId?: string;
  previousRevision?: RevisionLocation;
  revision?: RevisionLocation;
  status?: DeploymentStatus;
  errorInformation?: ErrorInformation;
  createTime?: number;
  startTime?: number;
  completeTime?: number;
  deploymentOverview?: DeploymentOverview;
  description?: string;
  creator?: DeploymentCreator;
  ignoreApplicationStopFailures?: boolean;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly?: boolean;
  rollbackInfo?: RollbackInfo;
  deploymentStyle?: DeploymentStyle;
  targetInstances?: TargetInstances;
  instanceTerminationWaitTimeStarted?: boolean;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  additionalDeploymentStatusInfo?: string;
  fileExistsBehavior?: FileExistsBehavior;
  deploymentStatusMessages?: string[];
  computePlatform?: ComputePlatform;
  externalId?: string;
  relatedDeployments?: RelatedDeployments;
  overrideAlarmConfiguration?: AlarmConfiguration;
}

export type DeploymentIsNotInReadyStateException = Empty;

export type DeploymentLimitExceededException = Empty;

export type DeploymentNotStartedException = Empty;

export type DeploymentOption = 'WITH_TRAFFIC_CONTROL' | 'WITHOUT_TRAFFIC_CONTROL';

export interface DeploymentOverview {
  Pending?: number;
  InProgress?: number;
  Succeeded?: number;
  Failed?: number;
  Skipped?: number;
  Ready?: number;
}

export type DeploymentReadyAction = 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT';

export interface DeploymentReadyOption {
  actionOnTimeout?: DeploymentReadyAction;
  waitTimeInMinutes?: number;
}

export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';

export interface DeploymentStyle {
  deploymentType?: DeploymentType;
  deploymentOption?: DeploymentOption;
}

export interface DeploymentTarget {
  deploymentTargetType?: DeploymentTargetType;
  instanceTarget?: InstanceTarget;
  lambdaTarget?: LambdaTarget;
  ecsTarget?: ECSTarget;
  cloudFormationTarget?: CloudFormationTarget;
}

export type DeploymentTargetDoesNotExistException = Empty;

export type DeploymentTargetIdRequiredException = Empty;

export type DeploymentTargetListSizeExceededException = Empty;

export type DeploymentTargetType = 'InstanceTarget' | 'LambdaTarget' | 'ECSTarget' | 'CloudFormationTarget';

export type DeploymentType = 'IN_PLACE' | 'BLUE_GREEN';

export type DeploymentWaitType = 'READY_WAIT' | 'TERMINATION_WAIT';

export interface DeregisterOnPremisesInstanceInput {
  instanceName: string;
}

export type DescriptionTooLongException = Empty;

export interface Diagnostics {
  errorCode?: LifecycleErrorCode;
  scriptName?: string;
  message?: string;
  logTail?: string;
}

export interface EC2TagFilter {
  Key?: string;
  Value?: string;
  Type?: EC2TagFilterType;
}

export type EC2TagFilterType = 'KEY_ONLY' | 'VALUE_ONLY' | 'KEY_AND_VALUE';

export interface EC2TagSet {
  ec2TagSetList?: (EC2TagFilter[])[];
}

export interface ECSService {
  serviceName?: string;
  clusterName?: string;
}

export type ECSServiceMappingLimitExceededException = Empty;

export interface ECSTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  lastUpdatedAt?: number;
  lifecycleEvents?: LifecycleEvent[];
  status?: TargetStatus;
  taskSetsInfo?: ECSTaskSet[];
}

export interface ECSTaskSet {
  identifer?: string;
  desiredCount?: number;
  pendingCount?: number;
  runningCount?: number;
  status?: string;
  trafficWeight?: number;
  targetGroup?: TargetGroupInfo;
  taskSetLabel?: TargetLabel;
}

export interface ELBInfo {
  name?: string;
}

export type ErrorCode = 'AGENT_ISSUE' | 'ALARM_ACTIVE' | 'APPLICATION_MISSING' | 'AUTOSCALING_VALIDATION_ERROR' | 'AUTO_SCALING_CONFIGURATION' | 'AUTO_SCALING_IAM_ROLE_PERMISSIONS' | 'CODEDEPLOY_RESOURCE_CANNOT_BE_FOUND' | 'CUSTOMER_APPLICATION_UNHEALTHY' | 'DEPLOYMENT_GROUP_MISSING' | 'ECS_UPDATE_ERROR' | 'ELASTIC_LOAD_BALANCING_INVALID' | 'ELB_INVALID_INSTANCE' | 'HEALTH_CONSTRAINTS' | 'HEALTH_CONSTRAINTS_INVALID' | 'HOOK_EXECUTION_FAILURE' | 'IAM_ROLE_MISSING' | 'IAM_ROLE_PERMISSIONS' | 'INTERNAL_ERROR' | 'INVALID_ECS_SERVICE' | 'INVALID_LAMBDA_CONFIGURATION' | 'INVALID_LAMBDA_FUNCTION' | 'INVALID_REVISION' | 'MANUAL_STOP' | 'MISSING_BLUE_GREEN_DEPLOYMENT_CONFIGURATION' | 'MISSING_ELB_INFORMATION' | 'MISSING_GITHUB_TOKEN' | 'NO_EC2_SUBSCRIPTION' | 'NO_INSTANCES' | 'OVER_MAX_INSTANCES' | 'RESOURCE_LIMIT_EXCEEDED' | 'REVISION_MISSING' | 'THROTTLED' | 'TIMEOUT' | 'CLOUDFORMATION_STACK_FAILURE';

export interface ErrorInformation {
  code?: ErrorCode;
  message?: string;
}

export type FileExistsBehavior = 'DISALLOW' | 'OVERWRITE' | 'RETAIN';

export interface GenericRevisionInfo {
  description?: string;
  deploymentGroups?: string[];
  firstUsedTime?: number;
  lastUsedTime?: number;
  registerTime?: number;
}

export interface GetApplicationInput {
  applicationName: string;
}

export interface GetApplicationOutput {
  application?: ApplicationInfo;
}

export interface GetApplicationRevisionInput {
  applicationName: string;
  revision: RevisionLocation;
}

export interface GetApplicationRevisionOutput {
  applicationName?: string;
  revision?: RevisionLocation;
  revisionInfo?: GenericRevisionInfo;
}

export interface GetDeploymentConfigInput {
  deploymentConfigName: string;
}

export interface GetDeploymentConfigOutput {
  deploymentConfigInfo?: DeploymentConfigInfo;
}

export interface GetDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
}

export interface GetDeploymentGroupOutput {
  deploymentGroupInfo?: DeploymentGroupInfo;
}

export interface GetDeploymentInput {
  deploymentId: string;
}

export interface GetDeploymentInstanceInput {
  deploymentId: string;
  instanceId: string;
}

export interface GetDeploymentInstanceOutput {
  instanceSummary?: InstanceSummary;
}

export interface GetDeploymentOutput {
  deploymentInfo?: DeploymentInfo;
}

export interface GetDeploymentTargetInput {
  deploymentId: string;
  targetId: string;
}

export interface GetDeploymentTargetOutput {
  deploymentTarget?: DeploymentTarget;
}

export interface GetOnPremisesInstanceInput {
  instanceName: string;
}

export interface GetOnPremisesInstanceOutput {
  instanceInfo?: InstanceInfo;
}

export type GitHubAccountTokenDoesNotExistException = Empty;

export type GitHubAccountTokenNameRequiredException = Empty;

export interface GitHubLocation {
  repository?: string;
  commitId?: string;
}

export type GreenFleetProvisioningAction = 'DISCOVER_EXISTING' | 'COPY_AUTO_SCALING_GROUP';

export interface GreenFleetProvisioningOption {
  action?: GreenFleetProvisioningAction;
}

export type IamArnRequiredException = Empty;

export type IamSessionArnAlreadyRegisteredException = Empty;

export type IamUserArnAlreadyRegisteredException = Empty;

export type IamUserArnRequiredException = Empty;

export type InstanceAction = 'TERMINATE' | 'KEEP_ALIVE';

export type InstanceDoesNotExistException = Empty;

export type InstanceIdRequiredException = Empty;

export interface InstanceInfo {
  instanceName?: string;
  iamSessionArn?: string;
  iamUserArn?: string;
  instanceArn?: string;
  registerTime?: number;
  deregisterTime?: number;
  tags?: Tag[];
}

export type InstanceLimitExceededException = Empty;

export type InstanceNameAlreadyRegisteredException = Empty;

export type InstanceNameRequiredException = Empty;

export type InstanceNotRegisteredException = Empty;

export type InstanceStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';

export interface InstanceSummary {
  deploymentId?: string;
  instanceId?: string;
  status?: InstanceStatus;
  lastUpdatedAt?: number;
  lifecycleEvents?: LifecycleEvent[];
  instanceType?: InstanceType_;
}

export interface InstanceTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  status?: TargetStatus;
  lastUpdatedAt?: number;
  lifecycleEvents?: LifecycleEvent[];
  instanceLabel?: TargetLabel;
}

export type InstanceType_ = 'Blue' | 'Green';

export type InvalidAlarmConfigException = Empty;

export type InvalidApplicationNameException = Empty;

export type InvalidArnException = Empty;

export type InvalidAutoRollbackConfigException = Empty;

export type InvalidAutoScalingGroupException = Empty;

export type InvalidBlueGreenDeploymentConfigurationException = Empty;

export type InvalidBucketNameFilterException = Empty;

export type InvalidComputePlatformException = Empty;

export type InvalidDeployedStateFilterException = Empty;

export type InvalidDeploymentConfigNameException = Empty;

export type InvalidDeploymentGroupNameException = Empty;

export type InvalidDeploymentIdException = Empty;

export type InvalidDeploymentInstanceTypeException = Empty;

export type InvalidDeploymentStatusException = Empty;

export type InvalidDeploymentStyleException = Empty;

export type InvalidDeploymentTargetIdException = Empty;

export type InvalidDeploymentWaitTypeException = Empty;

export type InvalidEC2TagCombinationException = Empty;

export type InvalidEC2TagException = Empty;

export type InvalidECSServiceException = Empty;

export type InvalidExternalIdException = Empty;

export type InvalidFileExistsBehaviorException = Empty;

export type InvalidGitHubAccountTokenException = Empty;

export type InvalidGitHubAccountTokenNameException = Empty;

export type InvalidIamSessionArnException = Empty;

export type InvalidIamUserArnException = Empty;

export type InvalidIgnoreApplicationStopFailuresValueException = Empty;

export type InvalidInputException = Empty;

export type InvalidInstanceIdException = Empty;

export type InvalidInstanceNameException = Empty;

export type InvalidInstanceStatusException = Empty;

export type InvalidInstanceTypeException = Empty;

export type InvalidKeyPrefixFilterException = Empty;

export type InvalidLifecycleEventHookExecutionIdException = Empty;

export type InvalidLifecycleEventHookExecutionStatusException = Empty;

export type InvalidLoadBalancerInfoException = Empty;

export type InvalidMinimumHealthyHostValueException = Empty;

export type InvalidNextTokenException = Empty;

export type InvalidOnPremisesTagCombinationException = Empty;

export type InvalidOperationException = Empty;

export type InvalidRegistrationStatusException = Empty;

export type InvalidRevisionException = Empty;

export type InvalidRoleException = Empty;

export type InvalidSortByException = Empty;

export type InvalidSortOrderException = Empty;

export type InvalidTagException = Empty;

export type InvalidTagFilterException = Empty;

export type InvalidTagsToAddException = Empty;

export type InvalidTargetException = Empty;

export type InvalidTargetFilterNameException = Empty;

export type InvalidTargetGroupPairException = Empty;

export type InvalidTargetInstancesException = Empty;

export type InvalidTimeRangeException = Empty;

export type InvalidTrafficRoutingConfigurationException = Empty;

export type InvalidTriggerConfigException = Empty;

export type InvalidUpdateOutdatedInstancesOnlyValueException = Empty;

export type InvalidZonalDeploymentConfigurationException = Empty;

export interface LambdaFunctionInfo {
  functionName?: string;
  functionAlias?: string;
  currentVersion?: string;
  targetVersion?: string;
  targetVersionWeight?: number;
}

export interface LambdaTarget {
  deploymentId?: string;
  targetId?: string;
  targetArn?: string;
  status?: TargetStatus;
  lastUpdatedAt?: number;
  lifecycleEvents?: LifecycleEvent[];
  lambdaFunctionInfo?: LambdaFunctionInfo;
}

export interface LastDeploymentInfo {
  deploymentId?: string;
  status?: DeploymentStatus;
  endTime?: number;
  createTime?: number;
}

export type LifecycleErrorCode = 'Success' | 'ScriptMissing' | 'ScriptNotExecutable' | 'ScriptTimedOut' | 'ScriptFailed' | 'UnknownError';

export interface LifecycleEvent {
  lifecycleEventName?: string;
  diagnostics?: Diagnostics;
  startTime?: number;
  endTime?: number;
  status?: LifecycleEventStatus;
}

export type LifecycleEventAlreadyCompletedException = Empty;

export type LifecycleEventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

export type LifecycleHookLimitExceededException = Empty;

export interface ListApplicationRevisionsInput {
  applicationName: string;
  sortBy?: ApplicationRevisionSortBy;
  sortOrder?: SortOrder;
  s3Bucket?: string;
  s3KeyPrefix?: string;
  deployed?: ListStateFilterAction;
  nextToken?: string;
}

export interface ListApplicationRevisionsOutput {
  revisions?: RevisionLocation[];
  nextToken?: string;
}

export interface ListApplicationsInput {
  nextToken?: string;
}

export interface ListApplicationsOutput {
  applications?: string[];
  nextToken?: string;
}

export interface ListDeploymentConfigsInput {
  nextToken?: string;
}

export interface ListDeploymentConfigsOutput {
  deploymentConfigsList?: string[];
  nextToken?: string;
}

export interface ListDeploymentGroupsInput {
  applicationName: string;
  nextToken?: string;
}

export interface ListDeploymentGroupsOutput {
  applicationName?: string;
  deploymentGroups?: string[];
  nextToken?: string;
}

export interface ListDeploymentInstancesInput {
  deploymentId: string;
  nextToken?: string;
  instanceStatusFilter?: InstanceStatus[];
  instanceTypeFilter?: InstanceType_[];
}

export interface ListDeploymentInstancesOutput {
  instancesList?: string[];
  nextToken?: string;
}

export interface ListDeploymentTargetsInput {
  deploymentId: string;
  nextToken?: string;
  targetFilters?: Record<string, string[]>;
}

export interface ListDeploymentTargetsOutput {
  targetIds?: string[];
  nextToken?: string;
}

export interface ListDeploymentsInput {
  applicationName?: string;
  deploymentGroupName?: string;
  externalId?: string;
  includeOnlyStatuses?: DeploymentStatus[];
  createTimeRange?: TimeRange;
  nextToken?: string;
}

export interface ListDeploymentsOutput {
  deployments?: string[];
  nextToken?: string;
}

export interface ListGitHubAccountTokenNamesInput {
  nextToken?: string;
}

export interface ListGitHubAccountTokenNamesOutput {
  tokenNameList?: string[];
  nextToken?: string;
}

export interface ListOnPremisesInstancesInput {
  registrationStatus?: RegistrationStatus;
  tagFilters?: TagFilter[];
  nextToken?: string;
}

export interface ListOnPremisesInstancesOutput {
  instanceNames?: string[];
  nextToken?: string;
}

export type ListStateFilterAction = 'include' | 'exclude' | 'ignore';

export interface ListTagsForResourceInput {
  ResourceArn: string;
  NextToken?: string;
}

export interface ListTagsForResourceOutput {
  Tags?: Tag[];
  NextToken?: string;
}

export interface LoadBalancerInfo {
  elbInfoList?: ELBInfo[];
  targetGroupInfoList?: TargetGroupInfo[];
  targetGroupPairInfoList?: TargetGroupPairInfo[];
}

export interface MinimumHealthyHosts {
  type?: MinimumHealthyHostsType;
  value?: number;
}

export interface MinimumHealthyHostsPerZone {
  type?: MinimumHealthyHostsPerZoneType;
  value?: number;
}

export type MinimumHealthyHostsPerZoneType = 'HOST_COUNT' | 'FLEET_PERCENT';

export type MinimumHealthyHostsType = 'HOST_COUNT' | 'FLEET_PERCENT';

export type MultipleIamArnsProvidedException = Empty;

export interface OnPremisesTagSet {
  onPremisesTagSetList?: (TagFilter[])[];
}

export type OperationNotSupportedException = Empty;

export type OutdatedInstancesStrategy = 'UPDATE' | 'IGNORE';

export interface PutLifecycleEventHookExecutionStatusInput {
  deploymentId?: string;
  lifecycleEventHookExecutionId?: string;
  status?: LifecycleEventStatus;
}

export interface PutLifecycleEventHookExecutionStatusOutput {
  lifecycleEventHookExecutionId?: string;
}

export interface RawString {
  content?: string;
  sha256?: string;
}

export interface RegisterApplicationRevisionInput {
  applicationName: string;
  description?: string;
  revision: RevisionLocation;
}

export interface RegisterOnPremisesInstanceInput {
  instanceName: string;
  iamSessionArn?: string;
  iamUserArn?: string;
}

export type RegistrationStatus = 'Registered' | 'Deregistered';

export interface RelatedDeployments {
  autoUpdateOutdatedInstancesRootDeploymentId?: string;
  autoUpdateOutdatedInstancesDeploymentIds?: string[];
}

export interface RemoveTagsFromOnPremisesInstancesInput {
  tags: Tag[];
  instanceNames: string[];
}

export type ResourceArnRequiredException = Empty;

export type ResourceValidationException = Empty;

export type RevisionDoesNotExistException = Empty;

export interface RevisionInfo {
  revisionLocation?: RevisionLocation;
  genericRevisionInfo?: GenericRevisionInfo;
}

export interface RevisionLocation {
  revisionType?: RevisionLocationType;
  s3Location?: S3Location;
  gitHubLocation?: GitHubLocation;
  string?: RawString;
  appSpecContent?: AppSpecContent;
}

export type RevisionLocationType = 'S3' | 'GitHub' | 'String' | 'AppSpecContent';

export type RevisionRequiredException = Empty;

export type RoleRequiredException = Empty;

export interface RollbackInfo {
  rollbackDeploymentId?: string;
  rollbackTriggeringDeploymentId?: string;
  rollbackMessage?: string;
}

export interface S3Location {
  bucket?: string;
  key?: string;
  bundleType?: BundleType;
  version?: string;
  eTag?: string;
}

export interface SkipWaitTimeForInstanceTerminationInput {
  deploymentId?: string;
}

export type SortOrder = 'ascending' | 'descending';

export interface StopDeploymentInput {
  deploymentId: string;
  autoRollbackEnabled?: boolean;
}

export interface StopDeploymentOutput {
  status?: StopStatus;
  statusMessage?: string;
}

export type StopStatus = 'Pending' | 'Succeeded';

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface TagFilter {
  Key?: string;
  Value?: string;
  Type?: TagFilterType;
}

export type TagFilterType = 'KEY_ONLY' | 'VALUE_ONLY' | 'KEY_AND_VALUE';

export type TagLimitExceededException = Empty;

export type TagRequiredException = Empty;

export interface TagResourceInput {
  ResourceArn: string;
  Tags: Tag[];
}

export type TagResourceOutput = Empty;

export type TagSetListLimitExceededException = Empty;

export type TargetFilterName = 'TargetStatus' | 'ServerInstanceLabel';

export interface TargetGroupInfo {
  name?: string;
}

export interface TargetGroupPairInfo {
  targetGroups?: TargetGroupInfo[];
  prodTrafficRoute?: TrafficRoute;
  testTrafficRoute?: TrafficRoute;
}

export interface TargetInstances {
  tagFilters?: EC2TagFilter[];
  autoScalingGroups?: string[];
  ec2TagSet?: EC2TagSet;
}

export type TargetLabel = 'Blue' | 'Green';

export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';

export type ThrottlingException = Empty;

export interface TimeBasedCanary {
  canaryPercentage?: number;
  canaryInterval?: number;
}

export interface TimeBasedLinear {
  linearPercentage?: number;
  linearInterval?: number;
}

export interface TimeRange {
  start?: number;
  end?: number;
}

export interface TrafficRoute {
  listenerArns?: string[];
}

export interface TrafficRoutingConfig {
  type?: TrafficRoutingType;
  timeBasedCanary?: TimeBasedCanary;
  timeBasedLinear?: TimeBasedLinear;
}

export type TrafficRoutingType = 'TimeBasedCanary' | 'TimeBasedLinear' | 'AllAtOnce';

export interface TriggerConfig {
  triggerName?: string;
  triggerTargetArn?: string;
  triggerEvents?: TriggerEventType[];
}

export type TriggerEventType = 'DeploymentStart' | 'DeploymentSuccess' | 'DeploymentFailure' | 'DeploymentStop' | 'DeploymentRollback' | 'DeploymentReady' | 'InstanceStart' | 'InstanceSuccess' | 'InstanceFailure' | 'InstanceReady';

export type TriggerTargetsLimitExceededException = Empty;

export type UnsupportedActionForDeploymentTypeException = Empty;

export interface UntagResourceInput {
  ResourceArn: string;
  TagKeys: string[];
}

export type UntagResourceOutput = Empty;

export interface UpdateApplicationInput {
  applicationName?: string;
  newApplicationName?: string;
}

export interface UpdateDeploymentGroupInput {
  applicationName: string;
  currentDeploymentGroupName: string;
  newDeploymentGroupName?: string;
  deploymentConfigName?: string;
  ec2TagFilters?: EC2TagFilter[];
  onPremisesInstanceTagFilters?: TagFilter[];
  autoScalingGroups?: string[];
  serviceRoleArn?: string;
  triggerConfigurations?: TriggerConfig[];
  alarmConfiguration?: AlarmConfiguration;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  outdatedInstancesStrategy?: OutdatedInstancesStrategy;
  deploymentStyle?: DeploymentStyle;
  blueGreenDeploymentConfiguration?: BlueGreenDeploymentConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  ec2TagSet?: EC2TagSet;
  ecsServices?: ECSService[];
  onPremisesTagSet?: OnPremisesTagSet;
  terminationHookEnabled?: boolean;
}

export interface UpdateDeploymentGroupOutput {
  hooksNotCleanedUp?: AutoScalingGroup[];
}

export interface ZonalConfig {
  firstZoneMonitorDurationInSeconds?: number;
  monitorDurationInSeconds?: number;
  minimumHealthyHostsPerZone?: MinimumHealthyHostsPerZone;
}

export interface CodedeployOperations {
  AddTagsToOnPremisesInstances: { input: AddTagsToOnPremisesInstancesInput; output: Empty };
  BatchGetApplicationRevisions: { input: BatchGetApplicationRevisionsInput; output: BatchGetApplicationRevisionsOutput };
  BatchGetApplications: { input: BatchGetApplicationsInput; output: BatchGetApplicationsOutput };
  BatchGetDeploymentGroups: { input: BatchGetDeploymentGroupsInput; output: BatchGetDeploymentGroupsOutput };
  BatchGetDeploymentInstances: { input: BatchGetDeploymentInstancesInput; output: BatchGetDeploymentInstancesOutput };
  BatchGetDeploymentTargets: { input: BatchGetDeploymentTargetsInput; output: BatchGetDeploymentTargetsOutput };
  BatchGetDeployments: { input: BatchGetDeploymentsInput; output: BatchGetDeploymentsOutput };
  BatchGetOnPremisesInstances: { input: BatchGetOnPremisesInstancesInput; output: BatchGetOnPremisesInstancesOutput };
  ContinueDeployment: { input: ContinueDeploymentInput; output: Empty };
  CreateApplication: { input: CreateApplicationInput; output: CreateApplicationOutput };
  CreateDeployment: { input: CreateDeploymentInput; output: CreateDeploymentOutput };
  CreateDeploymentConfig: { input: CreateDeploymentConfigInput; output: CreateDeploymentConfigOutput };
  CreateDeploymentGroup: { input: CreateDeploymentGroupInput; output: CreateDeploymentGroupOutput };
  DeleteApplication: { input: DeleteApplicationInput; output: Empty };
  DeleteDeploymentConfig: { input: DeleteDeploymentConfigInput; output: Empty };
  DeleteDeploymentGroup: { input: DeleteDeploymentGroupInput; output: DeleteDeploymentGroupOutput };
  DeleteGitHubAccountToken: { input: DeleteGitHubAccountTokenInput; output: DeleteGitHubAccountTokenOutput };
  DeleteResourcesByExternalId: { input: DeleteResourcesByExternalIdInput; output: DeleteResourcesByExternalIdOutput };
  DeregisterOnPremisesInstance: { input: DeregisterOnPremisesInstanceInput; output: Empty };
  GetApplication: { input: GetApplicationInput; output: GetApplicationOutput };
  GetApplicationRevision: { input: GetApplicationRevisionInput; output: GetApplicationRevisionOutput };
  GetDeployment: { input: GetDeploymentInput; output: GetDeploymentOutput };
  GetDeploymentConfig: { input: GetDeploymentConfigInput; output: GetDeploymentConfigOutput };
  GetDeploymentGroup: { input: GetDeploymentGroupInput; output: GetDeploymentGroupOutput };
  GetDeploymentInstance: { input: GetDeploymentInstanceInput; output: GetDeploymentInstanceOutput };
  GetDeploymentTarget: { input: GetDeploymentTargetInput; output: GetDeploymentTargetOutput };
  GetOnPremisesInstance: { input: GetOnPremisesInstanceInput; output: GetOnPremisesInstanceOutput };
  ListApplicationRevisions: { input: ListApplicationRevisionsInput; output: ListApplicationRevisionsOutput };
  ListApplications: { input: ListApplicationsInput; output: ListApplicationsOutput };
  ListDeploymentConfigs: { input: ListDeploymentConfigsInput; output: ListDeploymentConfigsOutput };
  ListDeploymentGroups: { input: ListDeploymentGroupsInput; output: ListDeploymentGroupsOutput };
  ListDeploymentInstances: { input: ListDeploymentInstancesInput; output: ListDeploymentInstancesOutput };
  ListDeploymentTargets: { input: ListDeploymentTargetsInput; output: ListDeploymentTargetsOutput };
  ListDeployments: { input: ListDeploymentsInput; output: ListDeploymentsOutput };
  ListGitHubAccountTokenNames: { input: ListGitHubAccountTokenNamesInput; output: ListGitHubAccountTokenNamesOutput };
  ListOnPremisesInstances: { input: ListOnPremisesInstancesInput; output: ListOnPremisesInstancesOutput };
  ListTagsForResource: { input: ListTagsForResourceInput; output: ListTagsForResourceOutput };
  PutLifecycleEventHookExecutionStatus: { input: PutLifecycleEventHookExecutionStatusInput; output: PutLifecycleEventHookExecutionStatusOutput };
  RegisterApplicationRevision: { input: RegisterApplicationRevisionInput; output: Empty };
  RegisterOnPremisesInstance: { input: RegisterOnPremisesInstanceInput; output: Empty };
  RemoveTagsFromOnPremisesInstances: { input: RemoveTagsFromOnPremisesInstancesInput; output: Empty };
  SkipWaitTimeForInstanceTermination: { input: SkipWaitTimeForInstanceTerminationInput; output: Empty };
  StopDeployment: { input: StopDeploymentInput; output: StopDeploymentOutput };
  TagResource: { input: TagResourceInput; output: TagResourceOutput };
  UntagResource: { input: UntagResourceInput; output: UntagResourceOutput };
  UpdateApplication: { input: UpdateApplicationInput; output: Empty };
  UpdateDeploymentGroup: { input: UpdateDeploymentGroupInput; output: UpdateDeploymentGroupOutput };
}

export type CodedeployErrorCode =
  | 'AlarmsLimitExceededException'
  | 'ApplicationAlreadyExistsException'
  | 'ApplicationDoesNotExistException'
  | 'ApplicationLimitExceededException'
  | 'ApplicationNameRequiredException'
  | 'ArnNotSupportedException'
  | 'BatchLimitExceededException'
  | 'BucketNameFilterRequiredException'
  | 'DeploymentAlreadyCompletedException'
  | 'DeploymentAlreadyStartedException'
  | 'DeploymentConfigAlreadyExistsException'
  | 'DeploymentConfigDoesNotExistException'
  | 'DeploymentConfigInUseException'
  | 'DeploymentConfigLimitExceededException'
  | 'DeploymentConfigNameRequiredException'
  | 'DeploymentDoesNotExistException'
  | 'DeploymentGroupAlreadyExistsException'
  | 'DeploymentGroupDoesNotExistException'
  | 'DeploymentGroupLimitExceededException'
  | 'DeploymentGroupNameRequiredException'
  | 'DeploymentIdRequiredException'
  | 'DeploymentIsNotInReadyStateException'
  | 'DeploymentLimitExceededException'
  | 'DeploymentNotStartedException'
  | 'DeploymentTargetDoesNotExistException'
  | 'DeploymentTargetIdRequiredException'
  | 'DeploymentTargetListSizeExceededException'
  | 'DescriptionTooLongException'
  | 'ECSServiceMappingLimitExceededException'
  | 'GitHubAccountTokenDoesNotExistException'
  | 'GitHubAccountTokenNameRequiredException'
  | 'IamArnRequiredException'
  | 'IamSessionArnAlreadyRegisteredException'
  | 'IamUserArnAlreadyRegisteredException'
  | 'IamUserArnRequiredException'
  | 'InstanceDoesNotExistException'
  | 'InstanceIdRequiredException'
  | 'InstanceLimitExceededException'
  | 'InstanceNameAlreadyRegisteredException'
  | 'InstanceNameRequiredException'
  | 'InstanceNotRegisteredException'
  | 'InvalidAlarmConfigException'
  | 'InvalidApplicationNameException'
  | 'InvalidArnException'
  | 'InvalidAutoRollbackConfigException'
  | 'InvalidAutoScalingGroupException'
  | 'InvalidBlueGreenDeploymentConfigurationException'
  | 'InvalidBucketNameFilterException'
  | 'InvalidComputePlatformException'
  | 'InvalidDeployedStateFilterException'
  | 'InvalidDeploymentConfigNameException'
  | 'InvalidDeploymentGroupNameException'
  | 'InvalidDeploymentIdException'
  | 'InvalidDeploymentInstanceTypeException'
  | 'InvalidDeploymentStatusException'
  | 'InvalidDeploymentStyleException'
  | 'InvalidDeploymentTargetIdException'
  | 'InvalidDeploymentWaitTypeException'
  | 'InvalidEC2TagCombinationException'
  | 'InvalidEC2TagException'
  | 'InvalidECSServiceException'
  | 'InvalidExternalIdException'
  | 'InvalidFileExistsBehaviorException'
  | 'InvalidGitHubAccountTokenException'
  | 'InvalidGitHubAccountTokenNameException'
  | 'InvalidIamSessionArnException'
  | 'InvalidIamUserArnException'
  | 'InvalidIgnoreApplicationStopFailuresValueException'
  | 'InvalidInputException'
  | 'InvalidInstanceIdException'
  | 'InvalidInstanceNameException'
  | 'InvalidInstanceStatusException'
  | 'InvalidInstanceTypeException'
  | 'InvalidKeyPrefixFilterException'
  | 'InvalidLifecycleEventHookExecutionIdException'
  | 'InvalidLifecycleEventHookExecutionStatusException'
  | 'InvalidLoadBalancerInfoException'
  | 'InvalidMinimumHealthyHostValueException'
  | 'InvalidNextTokenException'
  | 'InvalidOnPremisesTagCombinationException'
  | 'InvalidOperationException'
  | 'InvalidRegistrationStatusException'
  | 'InvalidRevisionException'
  | 'InvalidRoleException'
  | 'InvalidSortByException'
  | 'InvalidSortOrderException'
  | 'InvalidTagException'
  | 'InvalidTagFilterException'
  | 'InvalidTagsToAddException'
  | 'InvalidTargetException'
  | 'InvalidTargetFilterNameException'
  | 'InvalidTargetGroupPairException'
  | 'InvalidTargetInstancesException'
  | 'InvalidTimeRangeException'
  | 'InvalidTrafficRoutingConfigurationException'
  | 'InvalidTriggerConfigException'
  | 'InvalidUpdateOutdatedInstancesOnlyValueException'
  | 'InvalidZonalDeploymentConfigurationException'
  | 'LifecycleEventAlreadyCompletedException'
  | 'LifecycleHookLimitExceededException'
  | 'MultipleIamArnsProvidedException'
  | 'OperationNotSupportedException'
  | 'ResourceArnRequiredException'
  | 'ResourceValidationException'
  | 'RevisionDoesNotExistException'
  | 'RevisionRequiredException'
  | 'RoleRequiredException'
  | 'TagLimitExceededException'
  | 'TagRequiredException'
  | 'TagSetListLimitExceededException'
  | 'ThrottlingException'
  | 'TriggerTargetsLimitExceededException'
  | 'UnsupportedActionForDeploymentTypeException';

export const codedeployErrorCodes = [
  'AlarmsLimitExceededException',
  'ApplicationAlreadyExistsException',
  'ApplicationDoesNotExistException',
  'ApplicationLimitExceededException',
  'ApplicationNameRequiredException',
  'ArnNotSupportedException',
  'BatchLimitExceededException',
  'BucketNameFilterRequiredException',
  'DeploymentAlreadyCompletedException',
  'DeploymentAlreadyStartedException',
  'DeploymentConfigAlreadyExistsException',
  'DeploymentConfigDoesNotExistException',
  'DeploymentConfigInUseException',
  'DeploymentConfigLimitExceededException',
  'DeploymentConfigNameRequiredException',
  'DeploymentDoesNotExistException',
  'DeploymentGroupAlreadyExistsException',
  'DeploymentGroupDoesNotExistException',
  'DeploymentGroupLimitExceededException',
  'DeploymentGroupNameRequiredException',
  'DeploymentIdRequiredException',
  'DeploymentIsNotInReadyStateException',
  'DeploymentLimitExceededException',
  'DeploymentNotStartedException',
  'DeploymentTargetDoesNotExistException',
  'DeploymentTargetIdRequiredException',
  'DeploymentTargetListSizeExceededException',
  'DescriptionTooLongException',
  'ECSServiceMappingLimitExceededException',
  'GitHubAccountTokenDoesNotExistException',
  'GitHubAccountTokenNameRequiredException',
  'IamArnRequiredException',
  'IamSessionArnAlreadyRegisteredException',
  'IamUserArnAlreadyRegisteredException',
  'IamUserArnRequiredException',
  'InstanceDoesNotExistException',
  'InstanceIdRequiredException',
  'InstanceLimitExceededException',
  'InstanceNameAlreadyRegisteredException',
  'InstanceNameRequiredException',
  'InstanceNotRegisteredException',
  'InvalidAlarmConfigException',
  'InvalidApplicationNameException',
  'InvalidArnException',
  'InvalidAutoRollbackConfigException',
  'InvalidAutoScalingGroupException',
  'InvalidBlueGreenDeploymentConfigurationException',
  'InvalidBucketNameFilterException',
  'InvalidComputePlatformException',
  'InvalidDeployedStateFilterException',
  'InvalidDeploymentConfigNameException',
  'InvalidDeploymentGroupNameException',
  'InvalidDeploymentIdException',
  'InvalidDeploymentInstanceTypeException',
  'InvalidDeploymentStatusException',
  'InvalidDeploymentStyleException',
  'InvalidDeploymentTargetIdException',
  'InvalidDeploymentWaitTypeException',
  'InvalidEC2TagCombinationException',
  'InvalidEC2TagException',
  'InvalidECSServiceException',
  'InvalidExternalIdException',
  'InvalidFileExistsBehaviorException',
  'InvalidGitHubAccountTokenException',
  'InvalidGitHubAccountTokenNameException',
  'InvalidIamSessionArnException',
  'InvalidIamUserArnException',
  'InvalidIgnoreApplicationStopFailuresValueException',
  'InvalidInputException',
  'InvalidInstanceIdException',
  'InvalidInstanceNameException',
  'InvalidInstanceStatusException',
  'InvalidInstanceTypeException',
  'InvalidKeyPrefixFilterException',
  'InvalidLifecycleEventHookExecutionIdException',
  'InvalidLifecycleEventHookExecutionStatusException',
  'InvalidLoadBalancerInfoException',
  'InvalidMinimumHealthyHostValueException',
  'InvalidNextTokenException',
  'InvalidOnPremisesTagCombinationException',
  'InvalidOperationException',
  'InvalidRegistrationStatusException',
  'InvalidRevisionException',
  'InvalidRoleException',
  'InvalidSortByException',
  'InvalidSortOrderException',
  'InvalidTagException',
  'InvalidTagFilterException',
  'InvalidTagsToAddException',
  'InvalidTargetException',
  'InvalidTargetFilterNameException',
  'InvalidTargetGroupPairException',
  'InvalidTargetInstancesException',
  'InvalidTimeRangeException',
  'InvalidTrafficRoutingConfigurationException',
  'InvalidTriggerConfigException',
  'InvalidUpdateOutdatedInstancesOnlyValueException',
  'InvalidZonalDeploymentConfigurationException',
  'LifecycleEventAlreadyCompletedException',
  'LifecycleHookLimitExceededException',
  'MultipleIamArnsProvidedException',
  'OperationNotSupportedException',
  'ResourceArnRequiredException',
  'ResourceValidationException',
  'RevisionDoesNotExistException',
  'RevisionRequiredException',
  'RoleRequiredException',
  'TagLimitExceededException',
  'TagRequiredException',
  'TagSetListLimitExceededException',
  'ThrottlingException',
  'TriggerTargetsLimitExceededException',
  'UnsupportedActionForDeploymentTypeException',
] as const;

export const codedeployOperationNames = [
  'AddTagsToOnPremisesInstances',
  'BatchGetApplicationRevisions',
  'BatchGetApplications',
  'BatchGetDeploymentGroups',
  'BatchGetDeploymentInstances',
  'BatchGetDeploymentTargets',
  'BatchGetDeployments',
  'BatchGetOnPremisesInstances',
  'ContinueDeployment',
  'CreateApplication',
  'CreateDeployment',
  'CreateDeploymentConfig',
  'CreateDeploymentGroup',
  'DeleteApplication',
  'DeleteDeploymentConfig',
  'DeleteDeploymentGroup',
  'DeleteGitHubAccountToken',
  'DeleteResourcesByExternalId',
  'DeregisterOnPremisesInstance',
  'GetApplication',
  'GetApplicationRevision',
  'GetDeployment',
  'GetDeploymentConfig',
  'GetDeploymentGroup',
  'GetDeploymentInstance',
  'GetDeploymentTarget',
  'GetOnPremisesInstance',
  'ListApplicationRevisions',
  'ListApplications',
  'ListDeploymentConfigs',
  'ListDeploymentGroups',
  'ListDeploymentInstances',
  'ListDeploymentTargets',
  'ListDeployments',
  'ListGitHubAccountTokenNames',
  'ListOnPremisesInstances',
  'ListTagsForResource',
  'PutLifecycleEventHookExecutionStatus',
  'RegisterApplicationRevision',
  'RegisterOnPremisesInstance',
  'RemoveTagsFromOnPremisesInstances',
  'SkipWaitTimeForInstanceTermination',
  'StopDeployment',
  'TagResource',
  'UntagResource',
  'UpdateApplication',
  'UpdateDeploymentGroup',
] as const;
