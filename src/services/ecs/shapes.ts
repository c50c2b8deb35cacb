// generated — do not edit; run npm run gen
// Source: models/ecs.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AcceleratorCountRequest {
  min?: number;
  max?: number;
}

export type AcceleratorManufacturer = 'amazon-web-services' | 'amd' | 'nvidia' | 'xilinx' | 'habana';

export type AcceleratorName = 'a100' | 'inferentia' | 'k520' | 'k80' | 'm60' | 'radeon-pro-v520' | 't4' | 'vu9p' | 'v100' | 'a10g' | 'h100' | 't4g';

export interface AcceleratorTotalMemoryMiBRequest {
  min?: number;
  max?: number;
}

export type AcceleratorType = 'gpu' | 'fpga' | 'inference';

export interface AccessDeniedException {
  message?: string;
}

export type AccessType = 'PUBLIC' | 'PRIVATE';

export interface AdvancedConfiguration {
  alternateTargetGroupArn?: string;
  productionListenerRule?: string;
  testListenerRule?: string;
  roleArn?: string;
}

export type AgentUpdateStatus = 'PENDING' | 'STAGING' | 'STAGED' | 'UPDATING' | 'UPDATED' | 'FAILED';

export type ApplicationProtocol = 'http' | 'http2' | 'grpc';

export type AssignPublicIp = 'ENABLED' | 'DISABLED';

export interface Attachment {
  id?: string;
  type?: string;
  status?: string;
  details?: KeyValuePair[];
}

export interface AttachmentStateChange {
  attachmentArn: string;
  status: string;
}

export interface Attribute {
  name: string;
  value?: string;
  targetType?: TargetType;
  targetId?: string;
}

export interface AttributeLimitExceededException {
  message?: string;
}

export type AutoRepairActionsStatus = 'ENABLED' | 'DISABLED';

export interface AutoRepairConfiguration {
  actionsStatus?: AutoRepairActionsStatus;
}

export interface AutoScalingGroupProvider {
  autoScalingGroupArn: string;
  managedScaling?: ManagedScaling;
  managedTerminationProtection?: ManagedTerminationProtection;
  managedDraining?: ManagedDraining;
}

export interface AutoScalingGroupProviderUpdate {
  managedScaling?: ManagedScaling;
  managedTerminationProtection?: ManagedTerminationProtection;
  managedDraining?: ManagedDraining;
}

export type AvailabilityZoneRebalancing = 'ENABLED' | 'DISABLED';

export interface AwsVpcConfiguration {
  subnets: string[];
  securityGroups?: string[];
  assignPublicIp?: AssignPublicIp;
}

export type BareMetal = 'included' | 'required' | 'excluded';

export interface BaselineEbsBandwidthMbpsRequest {
  min?: number;
  max?: number;
}

export interface BlockedException {
  message?: string;
}

export type BurstablePerformance = 'included' | 'required' | 'excluded';

export type CPUArchitecture = 'X86_64' | 'ARM64';

export interface CanaryConfiguration {
  canaryPercent?: number;
  canaryBakeTimeInMinutes?: number;
}

export type CapacityOptionType = 'ON_DEMAND' | 'SPOT' | 'RESERVED';

export interface CapacityProvider {
  capacityProviderArn?: string;
  name?: string;
  cluster?: string;
  status?: CapacityProviderStatus;
  autoScalingGroupProvider?: AutoScalingGroupProvider;
  managedInstancesProvider?: ManagedInstancesProvider;
  updateStatus?: CapacityProviderUpdateStatus;
  updateStatusReason?: string;
  tags?: Tag[];
  type?: CapacityProviderType;
}

export type CapacityProviderField = 'TAGS';

export type CapacityProviderStatus = 'PROVISIONING' | 'ACTIVE' | 'DEPROVISIONING' | 'INACTIVE';

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

export type CapacityProviderType = 'EC2_AUTOSCALING' | 'MANAGED_INSTANCES' | 'FARGATE' | 'FARGATE_SPOT';

export type CapacityProviderUpdateStatus = 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED';

export type CapacityReservationPreference = 'RESERVATIONS_ONLY' | 'RESERVATIONS_FIRST' | 'RESERVATIONS_EXCLUDED';

export interface CapacityReservationRequest {
  reservationGroupArn?: string;
  reservationPreference?: CapacityReservationPreference;
}

export interface ClientException {
  message?: string;
}

export interface Cluster {
  clusterArn?: string;
  clusterName?: string;
  configuration?: ClusterConfiguration;
  status?: string;
  registeredContainerInstancesCount?: number;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  activeServicesCount?: number;
  statistics?: KeyValuePair[];
  tags?: Tag[];
  settings?: ClusterSetting[];
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[];
  attachments?: Attachment[];
  attachmentsStatus?: string;
  serviceConnectDefaults?: ClusterServiceConnectDefaults;
}

export interface ClusterConfiguration {
  executeCommandConfiguration?: ExecuteCommandConfiguration;
  managedStorageConfiguration?: ManagedStorageConfiguration;
}

export interface ClusterContainsCapacityProviderException {
  message?: string;
}

export interface ClusterContainsContainerInstancesException {
  message?: string;
}

export interface ClusterContainsServicesException {
  message?: string;
}

export interface ClusterContainsTasksException {
  message?: string;
}

export type ClusterField = 'ATTACHMENTS' | 'CONFIGURATIONS' | 'SETTINGS' | 'STATISTICS' | 'TAGS';

export interface ClusterNotFoundException {
  message?: string;
}

export interface ClusterServiceConnectDefaults {
  namespace?: string;
}

export interface ClusterServiceConnectDefaultsRequest {
  namespace: string;
}

export interface ClusterSetting {
  name?: ClusterSettingName;
  value?: string;
}

export type ClusterSettingName = 'containerInsights';

export type Compatibility = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';

export interface ConflictException {
  resourceIds?: string[];
  message?: string;
}

export type Connectivity = 'CONNECTED' | 'DISCONNECTED';

export interface Container {
  containerArn?: string;
  taskArn?: string;
  name?: string;
  image?: string;
  imageDigest?: string;
  runtimeId?: string;
  lastStatus?: string;
  exitCode?: number;
  reason?: string;
  networkBindings?: NetworkBinding[];
  networkInterfaces?: NetworkInterface[];
  healthStatus?: HealthStatus;
  managedAgents?: ManagedAgent[];
  cpu?: string;
  memory?: string;
  memoryReservation?: string;
  gpuIds?: string[];
}

export type ContainerCondition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

export interface ContainerDefinition {
  name?: string;
  image?: string;
  repositoryCredentials?: RepositoryCredentials;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  links?: string[];
  portMappings?: PortMapping[];
  essential?: boolean;
  restartPolicy?: ContainerRestartPolicy;
  entryPoint?: string[];
  command?: string[];
  environment?: KeyValuePair[];
  environmentFiles?: EnvironmentFile[];
  mountPoints?: MountPoint[];
  volumesFrom?: VolumeFrom[];
  linuxParameters?: LinuxParameters;
  secrets?: Secret[];
  dependsOn?: ContainerDependency[];
  startTimeout?: number;
  stopTimeout?: number;
  versionConsistency?: VersionConsistency;
  hostname?: string;
  user?: string;
  workingDirectory?: string;
  disableNetworking?: boolean;
  privileged?: boolean;
  readonlyRootFilesystem?: boolean;
  dnsServers?: string[];
  dnsSearchDomains?: string[];
  extraHosts?: HostEntry[];
  dockerSecurityOptions?: string[];
  interactive?: boolean;
  pseudoTerminal?: boolean;
  dockerLabels?: Record<string, string>;
  ulimits?: Ulimit[];
  logConfiguration?: LogConfiguration;
  healthCheck?: HealthCheck;
  systemControls?: SystemControl[];
  resourceRequirements?: ResourceRequirement[];
  firelensConfiguration?: FirelensConfiguration;
  credentialSpecs?: string[];
}

export interface ContainerDependency {
  containerName: string;
  condition: ContainerCondition;
}

export interface ContainerImage {
  containerName?: string;
  imageDigest?: string;
  image?: string;
}

export interface ContainerInstance {
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  capacityProviderName?: string;
  version?: number;
  versionInfo?: VersionInfo;
  remainingResources?: Resource[];
  registeredResources?: Resource[];
  status?: string;
  statusReason?: string;
  agentConnected?: boolean;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  agentUpdateStatus?: AgentUpdateStatus;
  attributes?: Attribute[];
  registeredAt?: number;
  attachments?: Attachment[];
  tags?: Tag[];
  healthStatus?: ContainerInstanceHealthStatus;
}

export type ContainerInstanceField = 'TAGS' | 'CONTAINER_INSTANCE_HEALTH';

export interface ContainerInstanceHealthStatus {
  overallStatus?: InstanceHealthCheckState;
  details?: InstanceHealthCheckResult[];
}

export type ContainerInstanceStatus = 'ACTIVE' | 'DRAINING' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED';

export interface ContainerOverride {
  name?: string;
  command?: string[];
  environment?: KeyValuePair[];
  environmentFiles?: EnvironmentFile[];
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  resourceRequirements?: ResourceRequirement[];
}

export interface ContainerRestartPolicy {
  enabled: boolean;
  ignoredExitCodes?: number[];
  restartAttemptPeriod?: number;
}

export interface ContainerStateChange {
  containerName?: string;
  imageDigest?: string;
  runtimeId?: string;
  exitCode?: number;
  networkBindings?: NetworkBinding[];
  reason?: string;
  status?: string;
}

export interface ContinueServiceDeploymentRequest {
  serviceDeploymentArn: string;
  hookId: string;
  action?: DeploymentLifecycleHookAction;
}

export interface ContinueServiceDeploymentResponse {
  serviceDeploymentArn?: string;
}

export type CpuManufacturer = 'intel' | 'amd' | 'amazon-web-services';

export interface CreateCapacityProviderRequest {
  name: string;
  cluster?: string;
  autoScalingGroupProvider?: AutoScalingGroupProvider;
  managedInstancesProvider?: CreateManagedInstancesProviderConfiguration;
  tags?: Tag[];
}

export interface CreateCapacityProviderResponse {
  capacityProvider?: CapacityProvider;
}

export interface CreateClusterRequest {
  clusterName?: string;
  tags?: Tag[];
  settings?: ClusterSetting[];
  configuration?: ClusterConfiguration;
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[];
  serviceConnectDefaults?: ClusterServiceConnectDefaultsRequest;
}

export interface CreateClusterResponse {
  cluster?: Cluster;
}

export interface CreateDaemonRequest {
  daemonName: string;
  clusterArn?: string;
  daemonTaskDefinitionArn: string;
  capacityProviderArns: string[];
  deploymentConfiguration?: DaemonDeploymentConfiguration;
  tags?: Tag[];
  propagateTags?: DaemonPropagateTags;
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
  clientToken?: string;
}

export interface CreateDaemonResponse {
  daemonArn?: string;
  status?: DaemonStatus;
  createdAt?: number;
  deploymentArn?: string;
}

export interface CreateExpressGatewayServiceRequest {
  executionRoleArn: string;
  infrastructureRoleArn: string;
  serviceName?: string;
  cluster?: string;
  healthCheckPath?: string;
  primaryContainer: ExpressGatewayContainer;
  taskRoleArn?: string;
  networkConfiguration?: ExpressGatewayServiceNetworkConfiguration;
  cpu?: string;
  memory?: string;
  scalingTarget?: ExpressGatewayScalingTarget;
  tags?: Tag[];
}

export interface CreateExpressGatewayServiceResponse {
  service?: ECSExpressGatewayService;
}

export interface CreateManagedInstancesProviderConfiguration {
  infrastructureRoleArn: string;
  instanceLaunchTemplate: InstanceLaunchTemplate;
  propagateTags?: PropagateMITags;
  infrastructureOptimization?: InfrastructureOptimization;
  autoRepairConfiguration?: AutoRepairConfiguration;
}

export interface CreateServiceRequest {
  cluster?: string;
  serviceName: string;
  taskDefinition?: string;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  desiredCount?: number;
  clientToken?: string;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  role?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  networkConfiguration?: NetworkConfiguration;
  healthCheckGracePeriodSeconds?: number;
  schedulingStrategy?: SchedulingStrategy;
  deploymentController?: DeploymentController;
  tags?: Tag[];
  enableECSManagedTags?: boolean;
  propagateTags?: PropagateTags;
  enableExecuteCommand?: boolean;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  volumeConfigurations?: ServiceVolumeConfiguration[];
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
}

export interface CreateServiceResponse {
  service?: Service;
}

export interface CreateTaskSetRequest {
  service: string;
  cluster: string;
  externalId?: string;
  taskDefinition: string;
  networkConfiguration?: NetworkConfiguration;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  scale?: Scale;
  clientToken?: string;
  tags?: Tag[];
}

export interface CreateTaskSetResponse {
  taskSet?: TaskSet;
}

export interface CreatedAt {
  before?: number;
  after?: number;
}

export interface DaemonAlarmConfiguration {
  alarmNames?: string[];
  enable?: boolean;
}

export interface DaemonCapacityProvider {
  arn?: string;
  runningCount?: number;
}

export interface DaemonCircuitBreaker {
  failureCount?: number;
  status?: DaemonDeploymentRollbackMonitorsStatus;
  threshold?: number;
}

export interface DaemonContainerDefinition {
  name?: string;
  image: string;
  memory?: number;
  memoryReservation?: number;
  repositoryCredentials?: RepositoryCredentials;
  healthCheck?: HealthCheck;
  cpu?: number;
  essential?: boolean;
  entryPoint?: string[];
  command?: string[];
  workingDirectory?: string;
  environmentFiles?: EnvironmentFile[];
  environment?: KeyValuePair[];
  secrets?: Secret[];
  readonlyRootFilesystem?: boolean;
  mountPoints?: MountPoint[];
  logConfiguration?: LogConfiguration;
  firelensConfiguration?: FirelensConfiguration;
  privileged?: boolean;
  user?: string;
  ulimits?: Ulimit[];
  linuxParameters?: DaemonLinuxParameters;
  dependsOn?: ContainerDependency[];
  startTimeout?: number;
  stopTimeout?: number;
  systemControls?: SystemControl[];
  interactive?: boolean;
  pseudoTerminal?: boolean;
  restartPolicy?: ContainerRestartPolicy;
}

export interface DaemonContainerImage {
  containerName?: string;
  imageDigest?: string;
  image?: string;
}

export interface DaemonDeployment {
  daemonDeploymentArn?: string;
  clusterArn?: string;
  status?: DaemonDeploymentStatus;
  statusReason?: string;
  targetDaemonRevision?: DaemonDeploymentRevisionDetail;
  sourceDaemonRevisions?: DaemonDeploymentRevisionDetail[];
  circuitBreaker?: DaemonCircuitBreaker;
  alarms?: DaemonDeploymentAlarms;
  rollback?: DaemonRollback;
  deploymentConfiguration?: DaemonDeploymentConfiguration;
  createdAt?: number;
  startedAt?: number;
  stoppedAt?: number;
  finishedAt?: number;
}

export interface DaemonDeploymentAlarms {
  status?: DaemonDeploymentRollbackMonitorsStatus;
  alarmNames?: string[];
  triggeredAlarmNames?: string[];
}

export interface DaemonDeploymentCapacityProvider {
  arn?: string;
  runningInstanceCount?: number;
  drainingInstanceCount?: number;
}

export interface DaemonDeploymentConfiguration {
  drainPercent?: number;
  alarms?: DaemonAlarmConfiguration;
  bakeTimeInMinutes?: number;
}

export interface DaemonDeploymentRevisionDetail {
  arn?: string;
  capacityProviders?: DaemonDeploymentCapacityProvider[];
  totalRunningInstanceCount?: number;
  totalDrainingInstanceCount?: number;
}

export type DaemonDeploymentRollbackMonitorsStatus = 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';

export type DaemonDeploymentStatus = 'PENDING' | 'SUCCESSFUL' | 'STOPPED' | 'STOP_REQUESTED' | 'IN_PROGRESS' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED';

export interface DaemonDeploymentSummary {
  daemonDeploymentArn?: string;
  daemonArn?: string;
  clusterArn?: string;
  status?: DaemonDeploymentStatus;
  statusReason?: string;
  targetDaemonRevisionArn?: string;
  createdAt?: number;
  startedAt?: number;
  stoppedAt?: number;
  finishedAt?: number;
}

export interface DaemonDetail {
  daemonArn?: string;
  clusterArn?: string;
  status?: DaemonStatus;
  currentRevisions?: DaemonRevisionDetail[];
  deploymentArn?: string;
  createdAt?: number;
  updatedAt?: number;
}

export interface DaemonLinuxParameters {
  capabilities?: KernelCapabilities;
  devices?: Device[];
  initProcessEnabled?: boolean;
  tmpfs?: Tmpfs[];
}

export interface DaemonNotActiveException {
  message?: string;
}

export interface DaemonNotFoundException {
  message?: string;
}

export type DaemonPropagateTags = 'DAEMON' | 'NONE';

export interface DaemonRevision {
  daemonRevisionArn?: string;
  clusterArn?: string;
  daemonArn?: string;
  daemonTaskDefinitionArn?: string;
  createdAt?: number;
  containerImages?: DaemonContainerImage[];
  propagateTags?: DaemonPropagateTags;
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
}

export interface DaemonRevisionDetail {
  arn?: string;
  capacityProviders?: DaemonCapacityProvider[];
  totalRunningCount?: number;
}

export interface DaemonRollback {
  reason?: string;
  startedAt?: number;
  rollbackTargetDaemonRevisionArn?: string;
  rollbackCapacityProviders?: string[];
}

export type DaemonStatus = 'ACTIVE' | 'DELETE_IN_PROGRESS';

export interface DaemonSummary {
  daemonArn?: string;
  status?: DaemonStatus;
  createdAt?: number;
  updatedAt?: number;
}

export interface DaemonTaskDefinition {
  daemonTaskDefinitionArn?: string;
  family?: string;
  revision?: number;
  taskRoleArn?: string;
  executionRoleArn?: string;
  containerDefinitions?: DaemonContainerDefinition[];
  volumes?: DaemonVolume[];
  cpu?: string;
  memory?: string;
  status?: DaemonTaskDefinitionStatus;
  registeredAt?: number;
  deleteRequestedAt?: number;
  registeredBy?: string;
}

export type DaemonTaskDefinitionRevisionFilter = 'LAST_REGISTERED';

export type DaemonTaskDefinitionStatus = 'ACTIVE' | 'DELETE_IN_PROGRESS' | 'DELETED';

export type DaemonTaskDefinitionStatusFilter = 'ACTIVE' | 'DELETE_IN_PROGRESS' | 'ALL';

export interface DaemonTaskDefinitionSummary {
  arn?: string;
  registeredAt?: number;
  registeredBy?: string;
  deleteRequestedAt?: number;
  status?: DaemonTaskDefinitionStatus;
}

export interface DaemonVolume {
  name?: string;
  host?: HostVolumeProperties;
}

export interface DeleteAccountSettingRequest {
  name: SettingName;
  principalArn?: string;
}

export interface DeleteAccountSettingResponse {
  setting?: Setting;
}

export interface DeleteAttributesRequest {
  cluster?: string;
  attributes: Attribute[];
}

export interface DeleteAttributesResponse {
  attributes?: Attribute[];
}

export interface DeleteCapacityProviderRequest {
  capacityProvider: string;
  cluster?: string;
}

export interface DeleteCapacityProviderResponse {
  capacityProvider?: CapacityProvider;
}

export interface DeleteClusterRequest {
  cluster: string;
}

export interface DeleteClusterResponse {
  cluster?: Cluster;
}

export interface DeleteDaemonRequest {
  daemonArn: string;
}

export interface DeleteDaemonResponse {
  daemonArn?: string;
  status?: DaemonStatus;
  createdAt?: number;
  updatedAt?: number;
  deploymentArn?: string;
}

export interface DeleteDaemonTaskDefinitionRequest {
  daemonTaskDefinition: string;
}

export interface DeleteDaemonTaskDefinitionResponse {
  daemonTaskDefinitionArn?: string;
}

export interface DeleteExpressGatewayServiceRequest {
  serviceArn: string;
}

export interface DeleteExpressGatewayServiceResponse {
  service?: ECSExpressGatewayService;
}

export interface DeleteServiceRequest {
  cluster?: string;
  service: string;
  force?: boolean;
}

export interface DeleteServiceResponse {
  service?: Service;
}

export interface DeleteTaskDefinitionsRequest {
  taskDefinitions: string[];
}

export interface DeleteTaskDefinitionsResponse {
  taskDefinitions?: TaskDefinition[];
  failures?: Failure[];
}

export interface DeleteTaskSetRequest {
  cluster: string;
  service: string;
  taskSet: string;
  force?: boolean;
}

export interface DeleteTaskSetResponse {
  taskSet?: TaskSet;
}

export interface Deployment {
  id?: string;
  status?: string;
  taskDefinition?: string;
  desiredCount?: number;
  pendingCount?: number;
  runningCount?: number;
  failedTasks?: number;
  createdAt?: number;
  updatedAt?: number;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  launchType?: LaunchType;
  platformVersion?: string;
  platformFamily?: string;
  networkConfiguration?: NetworkConfiguration;
  rolloutState?: DeploymentRolloutState;
  rolloutStateReason?: string;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  serviceConnectResources?: ServiceConnectServiceResource[];
  volumeConfigurations?: ServiceVolumeConfiguration[];
  fargateEphemeralStorage?: DeploymentEphemeralStorage;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
}

export interface DeploymentAlarms {
  alarmNames: string[];
  rollback: boolean;
  enable: boolean;
}

export interface DeploymentCircuitBreaker {
  enable: boolean;
  rollback: boolean;
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: DeploymentCircuitBreaker;
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  alarms?: DeploymentAlarms;
  strategy?: DeploymentStrategy;
  bakeTimeInMinutes?: number;
  lifecycleHooks?: DeploymentLifecycleHook[];
  linearConfiguration?: LinearConfiguration;
  canaryConfiguration?: CanaryConfiguration;
}

export interface DeploymentController {
  type: DeploymentControllerType;
}

export type DeploymentControllerType = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';

export interface DeploymentEphemeralStorage {
  kmsKeyId?: string;
}

export interface DeploymentLifecycleHook {
  targetType?: DeploymentLifecycleHookTargetType;
  hookTargetArn?: string;
  roleArn?: string;
  lifecycleStages?: DeploymentLifecycleHookStage[];
  hookDetails?: unknown;
  timeoutConfiguration?: DeploymentLifecycleHookTimeoutConfiguration;
}

export type DeploymentLifecycleHookAction = 'ROLLBACK' | 'CONTINUE';

export interface DeploymentLifecycleHookDetail {
  hookId?: string;
  targetType?: DeploymentLifecycleHookTargetType;
  targetArn?: string;
  status?: DeploymentLifecycleHookStatus;
  expiresAt?: number;
  timeoutAction?: DeploymentLifecycleHookAction;
}

export type DeploymentLifecycleHookStage = 'RECONCILE_SERVICE' | 'PRE_SCALE_UP' | 'POST_SCALE_UP' | 'TEST_TRAFFIC_SHIFT' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRE_PRODUCTION_TRAFFIC_SHIFT' | 'PRODUCTION_TRAFFIC_SHIFT' | 'POST_PRODUCTION_TRAFFIC_SHIFT';

export type DeploymentLifecycleHookStatus = 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export type DeploymentLifecycleHookTargetType = 'AWS_LAMBDA' | 'PAUSE';

export interface DeploymentLifecycleHookTimeoutConfiguration {
  timeoutInMinutes?: number;
  action?: DeploymentLifecycleHookAction;
}

export type DeploymentRolloutState = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

export interface DeregisterContainerInstanceRequest {
  cluster?: string;
  containerInstance: string;
  force?: boolean;
}

export interface DeregisterContainerInstanceResponse {
  containerInstance?: ContainerInstance;
}

export interface DeregisterTaskDefinitionRequest {
  taskDefinition: string;
}

export interface DeregisterTaskDefinitionResponse {
  taskDefinition?: TaskDefinition;
}

export interface DescribeCapacityProvidersRequest {
  capacityProviders?: string[];
  cluster?: string;
  include?: CapacityProviderField[];
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeCapacityProvidersResponse {
  capacityProviders?: CapacityProvider[];
  failures?: Failure[];
  nextToken?: string;
}

export interface DescribeClustersRequest {
  clusters?: string[];
  include?: ClusterField[];
}

export interface DescribeClustersResponse {
  clusters?: Cluster[];
  failures?: Failure[];
}

export interface DescribeContainerInstancesRequest {
  cluster?: string;
  containerInstances: string[];
  include?: ContainerInstanceField[];
}

export interface DescribeContainerInstancesResponse {
  containerInstances?: ContainerInstance[];
  failures?: Failure[];
}

export interface DescribeDaemonDeploymentsRequest {
  daemonDeploymentArns: string[];
}

export interface DescribeDaemonDeploymentsResponse {
  failures?: Failure[];
  daemonDeployments?: DaemonDeployment[];
}

export interface DescribeDaemonRequest {
  daemonArn: string;
}

export interface DescribeDaemonResponse {
  daemon?: DaemonDetail;
}

export interface DescribeDaemonRevisionsRequest {
  daemonRevisionArns: string[];
}

export interface DescribeDaemonRevisionsResponse {
  daemonRevisions?: DaemonRevision[];
  failures?: Failure[];
}

export interface DescribeDaemonTaskDefinitionRequest {
  daemonTaskDefinition: string;
}

export interface DescribeDaemonTaskDefinitionResponse {
  daemonTaskDefinition?: DaemonTaskDefinition;
}

export interface DescribeExpressGatewayServiceRequest {
  serviceArn: string;
  include?: ExpressGatewayServiceInclude[];
}

export interface DescribeExpressGatewayServiceResponse {
  service?: ECSExpressGatewayService;
}

export interface DescribeServiceDeploymentsRequest {
  serviceDeploymentArns: string[];
}

export interface DescribeServiceDeploymentsResponse {
  serviceDeployments?: ServiceDeployment[];
  failures?: Failure[];
}

export interface DescribeServiceRevisionsRequest {
  serviceRevisionArns: string[];
}

export interface DescribeServiceRevisionsResponse {
  serviceRevisions?: ServiceRevision[];
  failures?: Failure[];
}

export interface DescribeServicesRequest {
  cluster?: string;
  services: string[];
  include?: ServiceField[];
}

export interface DescribeServicesResponse {
  services?: Service[];
  failures?: Failure[];
}

export interface DescribeTaskDefinitionRequest {
  taskDefinition: string;
  include?: TaskDefinitionField[];
}

export interface DescribeTaskDefinitionResponse {
  taskDefinition?: TaskDefinition;
  tags?: Tag[];
}

export interface DescribeTaskSetsRequest {
  cluster: string;
  service: string;
  taskSets?: string[];
  include?: TaskSetField[];
}

export interface DescribeTaskSetsResponse {
  taskSets?: TaskSet[];
  failures?: Failure[];
}

export interface DescribeTasksRequest {
  cluster?: string;
  tasks: string[];
  include?: TaskField[];
}

export interface DescribeTasksResponse {
  tasks?: Task[];
  failures?: Failure[];
}

export type DesiredStatus = 'RUNNING' | 'PENDING' | 'STOPPED';

export interface Device {
  hostPath: string;
  containerPath?: string;
  permissions?: DeviceCgroupPermission[];
}

export type DeviceCgroupPermission = 'read' | 'write' | 'mknod';

export interface DiscoverPollEndpointRequest {
  containerInstance?: string;
  cluster?: string;
}

export interface DiscoverPollEndpointResponse {
  endpoint?: string;
  telemetryEndpoint?: string;
  serviceConnectEndpoint?: string;
}

export interface DockerVolumeConfiguration {
  scope?: Scope;
  autoprovision?: boolean;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
}

export type EBSResourceType = 'volume';

export interface EBSTagSpecification {
  resourceType: EBSResourceType;
  tags?: Tag[];
  propagateTags?: PropagateTags;
}

export interface ECSExpressGatewayService {
  cluster?: string;
  serviceName?: string;
  serviceArn?: string;
  infrastructureRoleArn?: string;
  status?: ExpressGatewayServiceStatus;
  currentDeployment?: string;
  activeConfigurations?: ExpressGatewayServiceConfiguration[];
  tags?: Tag[];
  createdAt?: number;
  updatedAt?: number;
}

export interface ECSManagedResources {
  ingressPaths?: ManagedIngressPath[];
  autoScaling?: ManagedAutoScaling;
  metricAlarms?: ManagedMetricAlarm[];
  serviceSecurityGroups?: ManagedSecurityGroup[];
  logGroups?: ManagedLogGroup[];
}

export interface EFSAuthorizationConfig {
  accessPointId?: string;
  iam?: EFSAuthorizationConfigIAM;
}

export type EFSAuthorizationConfigIAM = 'ENABLED' | 'DISABLED';

export type EFSTransitEncryption = 'ENABLED' | 'DISABLED';

export interface EFSVolumeConfiguration {
  fileSystemId: string;
  rootDirectory?: string;
  transitEncryption?: EFSTransitEncryption;
  transitEncryptionPort?: number;
  authorizationConfig?: EFSAuthorizationConfig;
}

export interface EnvironmentFile {
  value: string;
  type: EnvironmentFileType;
}

export type EnvironmentFileType = 's3';

export interface EphemeralStorage {
  sizeInGiB: number;
}

export interface ExecuteCommandConfiguration {
  kmsKeyId?: string;
  logging?: ExecuteCommandLogging;
  logConfiguration?: ExecuteCommandLogConfiguration;
}

export interface ExecuteCommandLogConfiguration {
  cloudWatchLogGroupName?: string;
  cloudWatchEncryptionEnabled?: boolean;
  s3BucketName?: string;
  s3EncryptionEnabled?: boolean;
  s3KeyPrefix?: string;
}

export type ExecuteCommandLogging = 'NONE' | 'DEFAULT' | 'OVERRIDE';

export interface ExecuteCommandRequest {
  cluster?: string;
  container?: string;
  command: string;
  interactive: boolean;
  task: string;
}

export interface ExecuteCommandResponse {
  clusterArn?: string;
  containerArn?: string;
  containerName?: string;
  interactive?: boolean;
  session?: Session;
  taskArn?: string;
}

export interface ExpressGatewayContainer {
  image: string;
  containerPort?: number;
  awsLogsConfiguration?: ExpressGatewayServiceAwsLogsConfiguration;
  repositoryCredentials?: ExpressGatewayRepositoryCredentials;
  command?: string[];
  environment?: KeyValuePair[];
  secrets?: Secret[];
}

export interface ExpressGatewayRepositoryCredentials {
  credentialsParameter?: string;
}

export interface ExpressGatewayScalingTarget {
  minTaskCount?: number;
  maxTaskCount?: number;
  autoScalingMetric?: ExpressGatewayServiceScalingMetric;
  autoScalingTargetValue?: number;
}

export interface ExpressGatewayServiceAwsLogsConfiguration {
  logGroup: string;
  logStreamPrefix: string;
}

export interface ExpressGatewayServiceConfiguration {
  serviceRevisionArn?: string;
  executionRoleArn?: string;
  taskRoleArn?: string;
  cpu?: string;
  memory?: string;
  networkConfiguration?: ExpressGatewayServiceNetworkConfiguration;
  healthCheckPath?: string;
  primaryContainer?: ExpressGatewayContainer;
  scalingTarget?: ExpressGatewayScalingTarget;
  ingressPaths?: IngressPathSummary[];
  createdAt?: number;
}

export type ExpressGatewayServiceInclude = 'TAGS';

export interface ExpressGatewayServiceNetworkConfiguration {
  securityGroups?: string[];
  subnets?: string[];
}

export type ExpressGatewayServiceScalingMetric = 'AVERAGE_CPU' | 'AVERAGE_MEMORY' | 'REQUEST_COUNT_PER_TARGET';

export interface ExpressGatewayServiceStatus {
  statusCode?: ExpressGatewayServiceStatusCode;
  statusReason?: string;
}

export type ExpressGatewayServiceStatusCode = 'ACTIVE' | 'DRAINING' | 'INACTIVE';

export interface FSxWindowsFileServerAuthorizationConfig {
  credentialsParameter: string;
  domain: string;
}

export interface FSxWindowsFileServerVolumeConfiguration {
  fileSystemId: string;
  rootDirectory: string;
  authorizationConfig: FSxWindowsFileServerAuthorizationConfig;
}

export interface Failure {
  arn?: string;
  reason?: string;
  detail?: string;
}

export interface FirelensConfiguration {
  type: FirelensConfigurationType;
  options?: Record<string, string>;
}

export type FirelensConfigurationType = 'fluentd' | 'fluentbit';

export interface GetTaskProtectionRequest {
  cluster: string;
  tasks?: string[];
}

export interface GetTaskProtectionResponse {
  protectedTasks?: ProtectedTask[];
  failures?: Failure[];
}

export interface HealthCheck {
  command: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

export interface HostEntry {
  hostname: string;
  ipAddress: string;
}

export interface HostVolumeProperties {
  sourcePath?: string;
}

export interface InferenceAccelerator {
  deviceName: string;
  deviceType: string;
}

export interface InferenceAcceleratorOverride {
  deviceName?: string;
  deviceType?: string;
}

export interface InfrastructureOptimization {
  scaleInAfter?: number;
}

export interface IngressPathSummary {
  accessType: AccessType;
  endpoint: string;
}

export type InstanceGeneration = 'current' | 'previous';

export interface InstanceHealthCheckResult {
  type?: InstanceHealthCheckType;
  status?: InstanceHealthCheckState;
  statusReason?: string;
  lastUpdated?: number;
  lastStatusChange?: number;
}

export type InstanceHealthCheckState = 'OK' | 'IMPAIRED' | 'INSUFFICIENT_DATA' | 'INITIALIZING';

export type InstanceHealthCheckType = 'CONTAINER_RUNTIME' | 'ACCELERATED_COMPUTE' | 'DAEMON';

export interface InstanceLaunchTemplate {
  ec2InstanceProfileArn: string;
  networkConfiguration: ManagedInstancesNetworkConfiguration;
  storageConfiguration?: ManagedInstancesStorageConfiguration;
  localStorageConfiguration?: ManagedInstancesLocalStorageConfiguration;
  monitoring?: ManagedInstancesMonitoringOptions;
  capacityOptionType?: CapacityOptionType;
  instanceMetadataTagsPropagation?: boolean;
  instanceRequirements?: InstanceRequirementsRequest;
  fipsEnabled?: boolean;
  capacityReservations?: CapacityReservationRequest;
}

export interface InstanceLaunchTemplateUpdate {
  ec2InstanceProfileArn?: string;
  networkConfiguration?: ManagedInstancesNetworkConfiguration;
  storageConfiguration?: ManagedInstancesStorageConfiguration;
  instanceMetadataTagsPropagation?: boolean;
  localStorageConfiguration?: ManagedInstancesLocalStorageConfiguration;
  monitoring?: ManagedInstancesMonitoringOptions;
  instanceRequirements?: InstanceRequirementsRequest;
  capacityReservations?: CapacityReservationRequest;
}

export interface InstanceRequirementsRequest {
  vCpuCount: VCpuCountRangeRequest;
  memoryMiB: MemoryMiBRequest;
  cpuManufacturers?: CpuManufacturer[];
  memoryGiBPerVCpu?: MemoryGiBPerVCpuRequest;
  excludedInstanceTypes?: string[];
  instanceGenerations?: InstanceGeneration[];
  spotMaxPricePercentageOverLowestPrice?: number;
  onDemandMaxPricePercentageOverLowestPrice?: number;
  bareMetal?: BareMetal;
  burstablePerformance?: BurstablePerformance;
  requireHibernateSupport?: boolean;
  networkInterfaceCount?: NetworkInterfaceCountRequest;
  localStorage?: LocalStorage;
  localStorageTypes?: LocalStorageType[];
  totalLocalStorageGB?: TotalLocalStorageGBRequest;
  baselineEbsBandwidthMbps?: BaselineEbsBandwidthMbpsRequest;
  acceleratorTypes?: AcceleratorType[];
  acceleratorCount?: AcceleratorCountRequest;
  acceleratorManufacturers?: AcceleratorManufacturer[];
  acceleratorNames?: AcceleratorName[];
  acceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiBRequest;
  networkBandwidthGbps?: NetworkBandwidthGbpsRequest;
  allowedInstanceTypes?: string[];
  maxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
}

export interface InvalidParameterException {
  message?: string;
}

export type IpcMode = 'host' | 'task' | 'none';

export interface KernelCapabilities {
  add?: string[];
  drop?: string[];
}

export interface KeyValuePair {
  name?: string;
  value?: string;
}

export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';

export interface LimitExceededException {
  message?: string;
}

export interface LinearConfiguration {
  stepPercent?: number;
  stepBakeTimeInMinutes?: number;
}

export interface LinuxParameters {
  capabilities?: KernelCapabilities;
  devices?: Device[];
  initProcessEnabled?: boolean;
  sharedMemorySize?: number;
  tmpfs?: Tmpfs[];
  maxSwap?: number;
  swappiness?: number;
}

export interface ListAccountSettingsRequest {
  name?: SettingName;
  value?: string;
  principalArn?: string;
  effectiveSettings?: boolean;
  nextToken?: string;
  maxResults?: number;
}

export interface ListAccountSettingsResponse {
  settings?: Setting[];
  nextToken?: string;
}

export interface ListAttributesRequest {
  cluster?: string;
  targetType: TargetType;
  attributeName?: string;
  attributeValue?: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListAttributesResponse {
  attributes?: Attribute[];
  nextToken?: string;
}

export interface ListClustersRequest {
  nextToken?: string;
  maxResults?: number;
}

export interface ListClustersResponse {
  clusterArns?: string[];
  nextToken?: string;
}

export interface ListContainerInstancesRequest {
  cluster?: string;
  filter?: string;
  nextToken?: string;
  maxResults?: number;
  status?: ContainerInstanceStatus;
}

export interface ListContainerInstancesResponse {
  containerInstanceArns?: string[];
  nextToken?: string;
}

export interface ListDaemonDeploymentsRequest {
  daemonArn: string;
  status?: DaemonDeploymentStatus[];
  createdAt?: CreatedAt;
  maxResults?: number;
  nextToken?: string;
}

export interface ListDaemonDeploymentsResponse {
  nextToken?: string;
  daemonDeployments?: DaemonDeploymentSummary[];
}

export interface ListDaemonTaskDefinitionsRequest {
  familyPrefix?: string;
  family?: string;
  revision?: DaemonTaskDefinitionRevisionFilter;
  status?: DaemonTaskDefinitionStatusFilter;
  sort?: SortOrder;
  nextToken?: string;
  maxResults?: number;
}

export interface ListDaemonTaskDefinitionsResponse {
  daemonTaskDefinitions?: DaemonTaskDefinitionSummary[];
  nextToken?: string;
}

export interface ListDaemonsRequest {
  clusterArn?: string;
  capacityProviderArns?: string[];
  maxResults?: number;
  nextToken?: string;
}

export interface ListDaemonsResponse {
  daemonSummariesList?: DaemonSummary[];
  nextToken?: string;
}

export interface ListServiceDeploymentsRequest {
  service: string;
  cluster?: string;
  status?: ServiceDeploymentStatus[];
  createdAt?: CreatedAt;
  nextToken?: string;
  maxResults?: number;
}

export interface ListServiceDeploymentsResponse {
  serviceDeployments?: ServiceDeploymentBrief[];
  nextToken?: string;
}

export interface ListServicesByNamespaceRequest {
  namespace: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListServicesByNamespaceResponse {
  serviceArns?: string[];
  nextToken?: string;
}

export interface ListServicesRequest {
  cluster?: string;
  nextToken?: string;
  maxResults?: number;
  launchType?: LaunchType;
  schedulingStrategy?: SchedulingStrategy;
  resourceManagementType?: ResourceManagementType;
}

export interface ListServicesResponse {
  serviceArns?: string[];
  nextToken?: string;
}

export interface ListTagsForResourceRequest {
  resourceArn: string;
}

export interface ListTagsForResourceResponse {
  tags?: Tag[];
}

export interface ListTaskDefinitionFamiliesRequest {
  familyPrefix?: string;
  status?: TaskDefinitionFamilyStatus;
  nextToken?: string;
  maxResults?: number;
}

export interface ListTaskDefinitionFamiliesResponse {
  families?: string[];
  nextToken?: string;
}

export interface ListTaskDefinitionsRequest {
  familyPrefix?: string;
  status?: TaskDefinitionStatus;
  sort?: SortOrder;
  nextToken?: string;
  maxResults?: number;
}

export interface ListTaskDefinitionsResponse {
  taskDefinitionArns?: string[];
  nextToken?: string;
}

export interface ListTasksRequest {
  cluster?: string;
  containerInstance?: string;
  family?: string;
  nextToken?: string;
  maxResults?: number;
  startedBy?: string;
  serviceName?: string;
  desiredStatus?: DesiredStatus;
  launchType?: LaunchType;
  daemonName?: string;
}

export interface ListTasksResponse {
  taskArns?: string[];
  nextToken?: string;
}

export interface LoadBalancer {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName?: string;
  containerPort?: number;
  advancedConfiguration?: AdvancedConfiguration;
}

export type LocalStorage = 'included' | 'required' | 'excluded';

export type LocalStorageType = 'hdd' | 'ssd';

export interface LogConfiguration {
  logDriver: LogDriver;
  options?: Record<string, string>;
  secretOptions?: Secret[];
}

export type LogDriver = 'json-file' | 'syslog' | 'journald' | 'gelf' | 'fluentd' | 'awslogs' | 'splunk' | 'awsfirelens';

export interface ManagedAgent {
  lastStartedAt?: number;
  name?: ManagedAgentName;
  reason?: string;
  lastStatus?: string;
}

export type ManagedAgentName = 'ExecuteCommandAgent';

export interface ManagedAgentStateChange {
  containerName: string;
  managedAgentName: ManagedAgentName;
  status: string;
  reason?: string;
}

export interface ManagedApplicationAutoScalingPolicy {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  policyType: string;
  targetValue: number;
  metric: string;
}

export interface ManagedAutoScaling {
  scalableTarget?: ManagedScalableTarget;
  applicationAutoScalingPolicies?: ManagedApplicationAutoScalingPolicy[];
}

export interface ManagedCertificate {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  domainName: string;
}

export type ManagedDraining = 'ENABLED' | 'DISABLED';

export interface ManagedIngressPath {
  accessType: AccessType;
  endpoint: string;
  loadBalancer?: ManagedLoadBalancer;
  loadBalancerSecurityGroups?: ManagedSecurityGroup[];
  certificate?: ManagedCertificate;
  listener?: ManagedListener;
  rule?: ManagedListenerRule;
  targetGroups?: ManagedTargetGroup[];
}

export interface ManagedInstancesLocalStorageConfiguration {
  useLocalStorage?: boolean;
}

export type ManagedInstancesMonitoringOptions = 'BASIC' | 'DETAILED';

export interface ManagedInstancesNetworkConfiguration {
  subnets?: string[];
  securityGroups?: string[];
}

export interface ManagedInstancesProvider {
  infrastructureRoleArn?: string;
  instanceLaunchTemplate?: InstanceLaunchTemplate;
  propagateTags?: PropagateMITags;
  infrastructureOptimization?: InfrastructureOptimization;
  autoRepairConfiguration?: AutoRepairConfiguration;
}

export interface ManagedInstancesStorageConfiguration {
  storageSizeGiB?: number;
}

export interface ManagedListener {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
}

export interface ManagedListenerRule {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
}

export interface ManagedLoadBalancer {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  scheme: string;
  subnetIds?: string[];
  securityGroupIds?: string[];
}

export interface ManagedLogGroup {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  logGroupName: string;
}

export interface ManagedMetricAlarm {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
}

export type ManagedResourceStatus = 'PROVISIONING' | 'ACTIVE' | 'DEPROVISIONING' | 'DELETED' | 'FAILED';

export interface ManagedScalableTarget {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  minCapacity: number;
  maxCapacity: number;
}

export interface ManagedScaling {
  status?: ManagedScalingStatus;
  targetCapacity?: number;
  minimumScalingStepSize?: number;
  maximumScalingStepSize?: number;
  instanceWarmupPeriod?: number;
}

export type ManagedScalingStatus = 'ENABLED' | 'DISABLED';

export interface ManagedSecurityGroup {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
}

export interface ManagedStorageConfiguration {
  kmsKeyId?: string;
  fargateEphemeralStorageKmsKeyId?: string;
}

export interface ManagedTargetGroup {
  arn?: string;
  status: ManagedResourceStatus;
  statusReason?: string;
  updatedAt: number;
  healthCheckPath: string;
  healthCheckPort: number;
  port: number;
}

export type ManagedTerminationProtection = 'ENABLED' | 'DISABLED';

export interface MemoryGiBPerVCpuRequest {
  min?: number;
  max?: number;
}

export interface MemoryMiBRequest {
  min: number;
  max?: number;
}

export interface MissingVersionException {
  message?: string;
}

export interface MountPoint {
  sourceVolume?: string;
  containerPath?: string;
  readOnly?: boolean;
}

export interface NamespaceNotFoundException {
  message?: string;
}

export interface NetworkBandwidthGbpsRequest {
  min?: number;
  max?: number;
}

export interface NetworkBinding {
  bindIP?: string;
  containerPort?: number;
  hostPort?: number;
  protocol?: TransportProtocol;
  containerPortRange?: string;
  hostPortRange?: string;
}

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

export interface NetworkInterface {
  attachmentId?: string;
  privateIpv4Address?: string;
  ipv6Address?: string;
}

export interface NetworkInterfaceCountRequest {
  min?: number;
  max?: number;
}

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

export interface NoUpdateAvailableException {
  message?: string;
}

export type OSFamily = 'WINDOWS_SERVER_2019_FULL' | 'WINDOWS_SERVER_2019_CORE' | 'WINDOWS_SERVER_2016_FULL' | 'WINDOWS_SERVER_2004_CORE' | 'WINDOWS_SERVER_2022_CORE' | 'WINDOWS_SERVER_2022_FULL' | 'WINDOWS_SERVER_2025_CORE' | 'WINDOWS_SERVER_2025_FULL' | 'WINDOWS_SERVER_20H2_CORE' | 'LINUX';

export type PidMode = 'host' | 'task';

export interface PlacementConstraint {
  type?: PlacementConstraintType;
  expression?: string;
}

export type PlacementConstraintType = 'distinctInstance' | 'memberOf';

export interface PlacementStrategy {
  type?: PlacementStrategyType;
  field?: string;
}

export type PlacementStrategyType = 'random' | 'spread' | 'binpack';

export interface PlatformDevice {
  id: string;
  type: PlatformDeviceType;
}

export type PlatformDeviceType = 'GPU';

export interface PlatformTaskDefinitionIncompatibilityException {
  message?: string;
}

export interface PlatformUnknownException {
  message?: string;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: TransportProtocol;
  name?: string;
  appProtocol?: ApplicationProtocol;
  containerPortRange?: string;
}

export type PropagateMITags = 'CAPACITY_PROVIDER' | 'NONE';

export type PropagateTags = 'TASK_DEFINITION' | 'SERVICE' | 'NONE';

export interface ProtectedTask {
  taskArn?: string;
  protectionEnabled?: boolean;
  expirationDate?: number;
}

export interface ProxyConfiguration {
  type?: ProxyConfigurationType;
  containerName: string;
  properties?: KeyValuePair[];
}

export type ProxyConfigurationType = 'APPMESH';

export interface PutAccountSettingDefaultRequest {
  name: SettingName;
  value: string;
}

export interface PutAccountSettingDefaultResponse {
  setting?: Setting;
}

export interface PutAccountSettingRequest {
  name: SettingName;
  value: string;
  principalArn?: string;
}

export interface PutAccountSettingResponse {
  setting?: Setting;
}

export interface PutAttributesRequest {
  cluster?: string;
  attributes: Attribute[];
}

export interface PutAttributesResponse {
  attributes?: Attribute[];
}

export interface PutClusterCapacityProvidersRequest {
  cluster: string;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
}

export interface PutClusterCapacityProvidersResponse {
  cluster?: Cluster;
}

export interface RegisterContainerInstanceRequest {
  cluster?: string;
  instanceIdentityDocument?: string;
  instanceIdentityDocumentSignature?: string;
  totalResources?: Resource[];
  versionInfo?: VersionInfo;
  containerInstanceArn?: string;
  attributes?: Attribute[];
  platformDevices?: PlatformDevice[];
  tags?: Tag[];
}

export interface RegisterContainerInstanceResponse {
  containerInstance?: ContainerInstance;
}

export interface RegisterDaemonTaskDefinitionRequest {
  family: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  containerDefinitions: DaemonContainerDefinition[];
  cpu?: string;
  memory?: string;
  volumes?: DaemonVolume[];
  tags?: Tag[];
}

export interface RegisterDaemonTaskDefinitionResponse {
  daemonTaskDefinitionArn?: string;
}

export interface RegisterTaskDefinitionRequest {
  family: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: NetworkMode;
  containerDefinitions: ContainerDefinition[];
  volumes?: Volume[];
  placementConstraints?: TaskDefinitionPlacementConstraint[];
  requiresCompatibilities?: Compatibility[];
  cpu?: string;
  memory?: string;
  tags?: Tag[];
  pidMode?: PidMode;
  ipcMode?: IpcMode;
  proxyConfiguration?: ProxyConfiguration;
  inferenceAccelerators?: InferenceAccelerator[];
  ephemeralStorage?: EphemeralStorage;
  runtimePlatform?: RuntimePlatform;
  enableFaultInjection?: boolean;
}

export interface RegisterTaskDefinitionResponse {
  taskDefinition?: TaskDefinition;
  tags?: Tag[];
}

export interface RepositoryCredentials {
  credentialsParameter: string;
}

export interface ResolvedConfiguration {
  loadBalancers?: ServiceRevisionLoadBalancer[];
}

export interface Resource {
  name?: string;
  type?: string;
  doubleValue?: number;
  longValue?: number;
  integerValue?: number;
  stringSetValue?: string[];
}

export interface ResourceInUseException {
  message?: string;
}

export type ResourceManagementType = 'CUSTOMER' | 'ECS';

export interface ResourceNotFoundException {
  message?: string;
}

export interface ResourceRequirement {
  value: string;
  type: ResourceType;
}

export type ResourceType = 'GPU' | 'InferenceAccelerator';

export interface Rollback {
  reason?: string;
  startedAt?: number;
  serviceRevisionArn?: string;
}

export interface RunTaskRequest {
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  cluster?: string;
  count?: number;
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
  group?: string;
  launchType?: LaunchType;
  networkConfiguration?: NetworkConfiguration;
  overrides?: TaskOverride;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  platformVersion?: string;
  propagateTags?: PropagateTags;
  referenceId?: string;
  startedBy?: string;
  tags?: Tag[];
  taskDefinition: string;
  clientToken?: string;
  volumeConfigurations?: TaskVolumeConfiguration[];
}

export interface RunTaskResponse {
  tasks?: Task[];
  failures?: Failure[];
}

export interface RuntimePlatform {
  cpuArchitecture?: CPUArchitecture;
  operatingSystemFamily?: OSFamily;
}

export interface S3FilesVolumeConfiguration {
  fileSystemArn: string;
  rootDirectory?: string;
  transitEncryptionPort?: number;
  accessPointArn?: string;
}

export interface Scale {
  value?: number;
  unit?: ScaleUnit;
}

export type ScaleUnit = 'PERCENT';

export type SchedulingStrategy = 'REPLICA' | 'DAEMON';

export type Scope = 'task' | 'shared';

export interface Secret {
  name: string;
  valueFrom: string;
}

export interface ServerException {
  message?: string;
}

export interface Service {
  serviceArn?: string;
  serviceName?: string;
  clusterArn?: string;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  status?: string;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  platformFamily?: string;
  taskDefinition?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  taskSets?: TaskSet[];
  deployments?: Deployment[];
  roleArn?: string;
  events?: ServiceEvent[];
  createdAt?: number;
  currentServiceDeployment?: string;
  currentServiceRevisions?: ServiceCurrentRevisionSummary[];
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  networkConfiguration?: NetworkConfiguration;
  healthCheckGracePeriodSeconds?: number;
  schedulingStrategy?: SchedulingStrategy;
  deploymentController?: DeploymentController;
  tags?: Tag[];
  createdBy?: string;
  enableECSManagedTags?: boolean;
  propagateTags?: PropagateTags;
  enableExecuteCommand?: boolean;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
  resourceManagementType?: ResourceManagementType;
}

export interface ServiceConnectAccessLogConfiguration {
  format: ServiceConnectAccessLoggingFormat;
  includeQueryParameters?: ServiceConnectIncludeQueryParameters;
}

export type ServiceConnectAccessLoggingFormat = 'TEXT' | 'JSON';

export interface ServiceConnectClientAlias {
  port: number;
  dnsName?: string;
  testTrafficRules?: ServiceConnectTestTrafficRules;
}

export interface ServiceConnectConfiguration {
  enabled: boolean;
  namespace?: string;
  services?: ServiceConnectService[];
  logConfiguration?: LogConfiguration;
  accessLogConfiguration?: ServiceConnectAccessLogConfiguration;
}

export type ServiceConnectIncludeQueryParameters = 'DISABLED' | 'ENABLED';

export interface ServiceConnectService {
  portName: string;
  discoveryName?: string;
  clientAliases?: ServiceConnectClientAlias[];
  ingressPortOverride?: number;
  timeout?: TimeoutConfiguration;
  tls?: ServiceConnectTlsConfiguration;
}

export interface ServiceConnectServiceResource {
  discoveryName?: string;
  discoveryArn?: string;
}

export interface ServiceConnectTestTrafficHeaderMatchRules {
  exact: string;
}

export interface ServiceConnectTestTrafficHeaderRules {
  name: string;
  value?: ServiceConnectTestTrafficHeaderMatchRules;
}

export interface ServiceConnectTestTrafficRules {
  header: ServiceConnectTestTrafficHeaderRules;
}

export interface ServiceConnectTlsCertificateAuthority {
  awsPcaAuthorityArn?: string;
}

export interface ServiceConnectTlsConfiguration {
  issuerCertificateAuthority: ServiceConnectTlsCertificateAuthority;
  kmsKey?: string;
  roleArn?: string;
}

export interface ServiceCurrentRevisionSummary {
  arn?: string;
  requestedTaskCount?: number;
  runningTaskCount?: number;
  pendingTaskCount?: number;
}

export interface ServiceDeployment {
  serviceDeploymentArn?: string;
  serviceArn?: string;
  clusterArn?: string;
  createdAt?: number;
  startedAt?: number;
  finishedAt?: number;
  stoppedAt?: number;
  updatedAt?: number;
  sourceServiceRevisions?: ServiceRevisionSummary[];
  targetServiceRevision?: ServiceRevisionSummary;
  status?: ServiceDeploymentStatus;
  statusReason?: string;
  lifecycleStage?: ServiceDeploymentLifecycleStage;
  lifecycleHookDetails?: DeploymentLifecycleHookDetail[];
  deploymentConfiguration?: DeploymentConfiguration;
  rollback?: Rollback;
  deploymentCircuitBreaker?: ServiceDeploymentCircuitBreaker;
  alarms?: ServiceDeploymentAlarms;
}

export interface ServiceDeploymentAlarms {
  status?: ServiceDeploymentRollbackMonitorsStatus;
  alarmNames?: string[];
  triggeredAlarmNames?: string[];
}

export interface ServiceDeploymentBrief {
  serviceDeploymentArn?: string;
  serviceArn?: string;
  clusterArn?: string;
  startedAt?: number;
  createdAt?: number;
  finishedAt?: number;
  targetServiceRevisionArn?: string;
  status?: ServiceDeploymentStatus;
  statusReason?: string;
}

export interface ServiceDeploymentCircuitBreaker {
  status?: ServiceDeploymentRollbackMonitorsStatus;
  failureCount?: number;
  threshold?: number;
}

export type ServiceDeploymentLifecycleStage = 'RECONCILE_SERVICE' | 'PRE_SCALE_UP' | 'SCALE_UP' | 'POST_SCALE_UP' | 'TEST_TRAFFIC_SHIFT' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRODUCTION_TRAFFIC_SHIFT' | 'POST_PRODUCTION_TRAFFIC_SHIFT' | 'BAKE_TIME' | 'CLEAN_UP';

export interface ServiceDeploymentNotFoundException {
  message?: string;
}

export type ServiceDeploymentRollbackMonitorsStatus = 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';

export type ServiceDeploymentStatus = 'PENDING' | 'SUCCESSFUL' | 'STOPPED' | 'STOP_REQUESTED' | 'IN_PROGRESS' | 'ROLLBACK_REQUESTED' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED';

export interface ServiceEvent {
  id?: string;
  createdAt?: number;
  message?: string;
}

export type ServiceField = 'TAGS';

export interface ServiceManagedEBSVolumeConfiguration {
  encrypted?: boolean;
  kmsKeyId?: string;
  volumeType?: string;
  sizeInGiB?: number;
  snapshotId?: string;
  volumeInitializationRate?: number;
  iops?: number;
  throughput?: number;
  tagSpecifications?: EBSTagSpecification[];
  roleArn: string;
  filesystemType?: TaskFilesystemType;
}

export interface ServiceNotActiveException {
  message?: string;
}

export interface ServiceNotFoundException {
  message?: string;
}

export interface ServiceRegistry {
  registryArn?: string;
  port?: number;
  containerName?: string;
  containerPort?: number;
}

export interface ServiceRevision {
  serviceRevisionArn?: string;
  serviceArn?: string;
  clusterArn?: string;
  taskDefinition?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  launchType?: LaunchType;
  platformVersion?: string;
  platformFamily?: string;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  networkConfiguration?: NetworkConfiguration;
  containerImages?: ContainerImage[];
  guardDutyEnabled?: boolean;
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  volumeConfigurations?: ServiceVolumeConfiguration[];
  fargateEphemeralStorage?: DeploymentEphemeralStorage;
  createdAt?: number;
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  resolvedConfiguration?: ResolvedConfiguration;
  ecsManagedResources?: ECSManagedResources;
}

export interface ServiceRevisionLoadBalancer {
  targetGroupArn?: string;
  productionListenerRule?: string;
}

export interface ServiceRevisionSummary {
  arn?: string;
  requestedTaskCount?: number;
  runningTaskCount?: number;
  pendingTaskCount?: number;
  requestedTestTrafficWeight?: number;
  requestedProductionTrafficWeight?: number;
}

export interface ServiceVolumeConfiguration {
  name: string;
  managedEBSVolume?: ServiceManagedEBSVolumeConfiguration;
}

export interface Session {
  sessionId?: string;
  streamUrl?: string;
  tokenValue?: string;
}

export interface Setting {
  name?: SettingName;
  value?: string;
  principalArn?: string;
  type?: SettingType;
}

export type SettingName = 'serviceLongArnFormat' | 'taskLongArnFormat' | 'containerInstanceLongArnFormat' | 'awsvpcTrunking' | 'containerInsights' | 'fargateFIPSMode' | 'tagResourceAuthorization' | 'fargateTaskRetirementWaitPeriod' | 'guardDutyActivate' | 'defaultLogDriverMode' | 'fargateEventWindows';

export type SettingType = 'user' | 'aws_managed';

export type SortOrder = 'ASC' | 'DESC';

export type StabilityStatus = 'STEADY_STATE' | 'STABILIZING';

export interface StartTaskRequest {
  cluster?: string;
  containerInstances: string[];
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
  group?: string;
  networkConfiguration?: NetworkConfiguration;
  overrides?: TaskOverride;
  propagateTags?: PropagateTags;
  referenceId?: string;
  startedBy?: string;
  tags?: Tag[];
  taskDefinition: string;
  volumeConfigurations?: TaskVolumeConfiguration[];
}

export interface StartTaskResponse {
  tasks?: Task[];
  failures?: Failure[];
}

export interface StopServiceDeploymentRequest {
  serviceDeploymentArn: string;
  stopType?: StopServiceDeploymentStopType;
}

export interface StopServiceDeploymentResponse {
  serviceDeploymentArn?: string;
}

export type StopServiceDeploymentStopType = 'ABORT' | 'ROLLBACK';

export interface StopTaskRequest {
  cluster?: string;
  task: string;
  reason?: string;
}

export interface StopTaskResponse {
  task?: Task;
}

export interface SubmitAttachmentStateChangesRequest {
  cluster?: string;
  attachments: AttachmentStateChange[];
}

export interface SubmitAttachmentStateChangesResponse {
  acknowledgment?: string;
}

export interface SubmitContainerStateChangeRequest {
  cluster?: string;
  task?: string;
  containerName?: string;
  runtimeId?: string;
  status?: string;
  exitCode?: number;
  reason?: string;
  networkBindings?: NetworkBinding[];
}

export interface SubmitContainerStateChangeResponse {
  acknowledgment?: string;
}

export interface SubmitTaskStateChangeRequest {
  cluster?: string;
  task?: string;
  status?: string;
  reason?: string;
  containers?: ContainerStateChange[];
  attachments?: AttachmentStateChange[];
  managedAgents?: ManagedAgentStateChange[];
  pullStartedAt?: number;
  pullStoppedAt?: number;
  executionStoppedAt?: number;
}

export interface SubmitTaskStateChangeResponse {
  acknowledgment?: string;
}

export interface SystemControl {
  namespace?: string;
  value?: string;
}

export interface Tag {
  key?: string;
  value?: string;
}

export interface TagResourceRequest {
  resourceArn: string;
  tags: Tag[];
}

export type TagResourceResponse = Empty;

export interface TargetNotConnectedException {
  message?: string;
}

export interface TargetNotFoundException {
  message?: string;
}

export type TargetType = 'container-instance';

export interface Task {
  attachments?: Attachment[];
  attributes?: Attribute[];
  availabilityZone?: string;
  capacityProviderName?: string;
  clusterArn?: string;
  connectivity?: Connectivity;
  connectivityAt?: number;
  containerInstanceArn?: string;
  containers?: Container[];
  cpu?: string;
  createdAt?: number;
  desiredStatus?: string;
  enableExecuteCommand?: boolean;
  executionStoppedAt?: number;
  group?: string;
  healthStatus?: HealthStatus;
  inferenceAccelerators?: InferenceAccelerator[];
  lastStatus?: string;
  launchType?: LaunchType;
  memory?: string;
  overrides?: TaskOverride;
  platformVersion?: string;
  platformFamily?: string;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  startedBy?: string;
  stopCode?: TaskStopCode;
  stoppedAt?: number;
  stoppedReason?: string;
  stoppingAt?: number;
  tags?: Tag[];
  taskArn?: string;
  taskDefinitionArn?: string;
  version?: number;
  ephemeralStorage?: EphemeralStorage;
  fargateEphemeralStorage?: TaskEphemeralStorage;
}

export interface TaskDefinition {
  taskDefinitionArn?: string;
  containerDefinitions?: ContainerDefinition[];
  family?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: NetworkMode;
  revision?: number;
  volumes?: Volume[];
  status?: TaskDefinitionStatus;
  requiresAttributes?: Attribute[];
  placementConstraints?: TaskDefinitionPlacementConstraint[];
  compatibilities?: Compatibility[];
  runtimePlatform?: RuntimePlatform;
  requiresCompatibilities?: Compatibility[];
  cpu?: string;
  memory?: string;
  inferenceAccelerators?: InferenceAccelerator[];
  pidMode?: PidMode;
  ipcMode?: IpcMode;
  proxyConfiguration?: ProxyConfiguration;
  registeredAt?: number;
  deregisteredAt?: number;
  deleteRequestedAt?: number;
  registeredBy?: string;
  ephemeralStorage?: EphemeralStorage;
  enableFaultInjection?: boolean;
}

export type TaskDefinitionFamilyStatus = 'ACTIVE' | 'INACTIVE' | 'ALL';

export type TaskDefinitionField = 'TAGS';

export interface TaskDefinitionPlacementConstraint {
  type?: TaskDefinitionPlacementConstraintType;
  expression?: string;
}

export type TaskDefinitionPlacementConstraintType = 'memberOf';

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

export interface TaskEphemeralStorage {
  sizeInGiB?: number;
  kmsKeyId?: string;
}

export type TaskField = 'TAGS';

export type TaskFilesystemType = 'ext3' | 'ext4' | 'xfs' | 'ntfs';

export interface TaskManagedEBSVolumeConfiguration {
  encrypted?: boolean;
  kmsKeyId?: string;
  volumeType?: string;
  sizeInGiB?: number;
  snapshotId?: string;
  volumeInitializationRate?: number;
  iops?: number;
  throughput?: number;
  tagSpecifications?: EBSTagSpecification[];
  roleArn: string;
  terminationPolicy?: TaskManagedEBSVolumeTerminationPolicy;
  filesystemType?: TaskFilesystemType;
}

export interface TaskManagedEBSVolumeTerminationPolicy {
  deleteOnTermination: boolean;
}

export interface TaskOverride {
  containerOverrides?: ContainerOverride[];
  cpu?: string;
  inferenceAcceleratorOverrides?: InferenceAcceleratorOverride[];
  executionRoleArn?: string;
  memory?: string;
  taskRoleArn?: string;
  ephemeralStorage?: EphemeralStorage;
}

export interface TaskSet {
  id?: string;
  taskSetArn?: string;
  serviceArn?: string;
  clusterArn?: string;
  startedBy?: string;
  externalId?: string;
  status?: string;
  taskDefinition?: string;
  computedDesiredCount?: number;
  pendingCount?: number;
  runningCount?: number;
  createdAt?: number;
  updatedAt?: number;
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  platformFamily?: string;
  networkConfiguration?: NetworkConfiguration;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  scale?: Scale;
  stabilityStatus?: StabilityStatus;
  stabilityStatusAt?: number;
  tags?: Tag[];
  fargateEphemeralStorage?: DeploymentEphemeralStorage;
}

export type TaskSetField = 'TAGS';

export interface TaskSetNotFoundException {
  message?: string;
}

export type TaskStopCode = 'TaskFailedToStart' | 'EssentialContainerExited' | 'UserInitiated' | 'ServiceSchedulerInitiated' | 'SpotInterruption' | 'TerminationNotice';

export interface TaskVolumeConfiguration {
  name: string;
  managedEBSVolume?: TaskManagedEBSVolumeConfiguration;
}

export interface TimeoutConfiguration {
  idleTimeoutSeconds?: number;
  perRequestTimeoutSeconds?: number;
}

export interface Tmpfs {
  containerPath: string;
  size: number;
  mountOptions?: string[];
}

export interface TotalLocalStorageGBRequest {
  min?: number;
  max?: number;
}

export type TransportProtocol = 'tcp' | 'udp';

export interface Ulimit {
  name: UlimitName;
  softLimit: number;
  hardLimit: number;
}

export type UlimitName = 'core' | 'cpu' | 'data' | 'fsize' | 'locks' | 'memlock' | 'msgqueue' | 'nice' | 'nofile' | 'nproc' | 'rss' | 'rtprio' | 'rttime' | 'sigpending' | 'stack';

export interface UnsupportedFeatureException {
  message?: string;
}

export interface UntagResourceRequest {
  resourceArn: string;
  tagKeys: string[];
}

export type UntagResourceResponse = Empty;

export interface UpdateCapacityProviderRequest {
  name: string;
  cluster?: string;
  autoScalingGroupProvider?: AutoScalingGroupProviderUpdate;
  managedInstancesProvider?: UpdateManagedInstancesProviderConfiguration;
}

export interface UpdateCapacityProviderResponse {
  capacityProvider?: CapacityProvider;
}

export interface UpdateClusterRequest {
  cluster: string;
  settings?: ClusterSetting[];
  configuration?: ClusterConfiguration;
  serviceConnectDefaults?: ClusterServiceConnectDefaultsRequest;
}

export interface UpdateClusterResponse {
  cluster?: Cluster;
}

export interface UpdateClusterSettingsRequest {
  cluster: string;
  settings: ClusterSetting[];
}

export interface UpdateClusterSettingsResponse {
  cluster?: Cluster;
}

export interface UpdateContainerAgentRequest {
  cluster?: string;
  containerInstance: string;
}

export interface UpdateContainerAgentResponse {
  containerInstance?: ContainerInstance;
}

export interface UpdateContainerInstancesStateRequest {
  cluster?: string;
  containerInstances: string[];
  status: ContainerInstanceStatus;
}

export interface UpdateContainerInstancesStateResponse {
  containerInstances?: ContainerInstance[];
  failures?: Failure[];
}

export interface UpdateDaemonRequest {
  daemonArn: string;
  daemonTaskDefinitionArn: string;
  capacityProviderArns: string[];
  deploymentConfiguration?: DaemonDeploymentConfiguration;
  propagateTags?: DaemonPropagateTags;
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
}

export interface UpdateDaemonResponse {
  daemonArn?: string;
  status?: DaemonStatus;
  createdAt?: number;
  updatedAt?: number;
  deploymentArn?: string;
}

export interface UpdateExpressGatewayServiceRequest {
  serviceArn: string;
  executionRoleArn?: string;
  healthCheckPath?: string;
  primaryContainer?: ExpressGatewayContainer;
  taskRoleArn?: string;
  networkConfiguration?: ExpressGatewayServiceNetworkConfiguration;
  cpu?: string;
  memory?: string;
  scalingTarget?: ExpressGatewayScalingTarget;
}

export interface UpdateExpressGatewayServiceResponse {
  service?: UpdatedExpressGatewayService;
}

export interface UpdateInProgressException {
  message?: string;
}

export interface UpdateManagedInstancesProviderConfiguration {
  infrastructureRoleArn: string;
  instanceLaunchTemplate: InstanceLaunchTemplateUpdate;
  propagateTags?: PropagateMITags;
  infrastructureOptimization?: InfrastructureOptimization;
  autoRepairConfiguration?: AutoRepairConfiguration;
}

export interface UpdateServicePrimaryTaskSetRequest {
  cluster: string;
  service: string;
  primaryTaskSet: string;
}

export interface UpdateServicePrimaryTaskSetResponse {
  taskSet?: TaskSet;
}

export interface UpdateServiceRequest {
  cluster?: string;
  service: string;
  desiredCount?: number;
  taskDefinition?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  deploymentConfiguration?: DeploymentConfiguration;
  availabilityZoneRebalancing?: AvailabilityZoneRebalancing;
  networkConfiguration?: NetworkConfiguration;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  platformVersion?: string;
  forceNewDeployment?: boolean;
  healthCheckGracePeriodSeconds?: number;
  deploymentController?: DeploymentController;
  enableExecuteCommand?: boolean;
  enableECSManagedTags?: boolean;
  loadBalancers?: LoadBalancer[];
  propagateTags?: PropagateTags;
  serviceRegistries?: ServiceRegistry[];
  serviceConnectConfiguration?: ServiceConnectConfiguration;
  volumeConfigurations?: ServiceVolumeConfiguration[];
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
}

export interface UpdateServiceResponse {
  service?: Service;
}

export interface UpdateTaskProtectionRequest {
  cluster: string;
  tasks: string[];
  protectionEnabled: boolean;
  expiresInMinutes?: number;
}

export interface UpdateTaskProtectionResponse {
  protectedTasks?: ProtectedTask[];
  failures?: Failure[];
}

export interface UpdateTaskSetRequest {
  cluster: string;
  service: string;
  taskSet: string;
  scale: Scale;
}

export interface UpdateTaskSetResponse {
  taskSet?: TaskSet;
}

export interface UpdatedExpressGatewayService {
  serviceArn?: string;
  cluster?: string;
  serviceName?: string;
  status?: ExpressGatewayServiceStatus;
  targetConfiguration?: ExpressGatewayServiceConfiguration;
  createdAt?: number;
  updatedAt?: number;
}

export interface VCpuCountRangeRequest {
  min: number;
  max?: number;
}

export type VersionConsistency = 'enabled' | 'disabled';

export interface VersionInfo {
  agentVersion?: string;
  agentHash?: string;
  dockerVersion?: string;
}

export interface Volume {
  name?: string;
  host?: HostVolumeProperties;
  dockerVolumeConfiguration?: DockerVolumeConfiguration;
  efsVolumeConfiguration?: EFSVolumeConfiguration;
  s3filesVolumeConfiguration?: S3FilesVolumeConfiguration;
  fsxWindowsFileServerVolumeConfiguration?: FSxWindowsFileServerVolumeConfiguration;
  configuredAtLaunch?: boolean;
}

export interface VolumeFrom {
  sourceContainer?: string;
  readOnly?: boolean;
}

export interface VpcLatticeConfiguration {
  roleArn: string;
  targetGroupArn: string;
  portName: string;
}

export interface EcsOperations {
  ContinueServiceDeployment: { input: ContinueServiceDeploymentRequest; output: ContinueServiceDeploymentResponse };
  CreateCapacityProvider: { input: CreateCapacityProviderRequest; output: CreateCapacityProviderResponse };
  CreateCluster: { input: CreateClusterRequest; output: CreateClusterResponse };
  CreateDaemon: { input: CreateDaemonRequest; output: CreateDaemonResponse };
  CreateExpressGatewayService: { input: CreateExpressGatewayServiceRequest; output: CreateExpressGatewayServiceResponse };
  CreateService: { input: CreateServiceRequest; output: CreateServiceResponse };
  CreateTaskSet: { input: CreateTaskSetRequest; output: CreateTaskSetResponse };
  DeleteAccountSetting: { input: DeleteAccountSettingRequest; output: DeleteAccountSettingResponse };
  DeleteAttributes: { input: DeleteAttributesRequest; output: DeleteAttributesResponse };
  DeleteCapacityProvider: { input: DeleteCapacityProviderRequest; output: DeleteCapacityProviderResponse };
  DeleteCluster: { input: DeleteClusterRequest; output: DeleteClusterResponse };
  DeleteDaemon: { input: DeleteDaemonRequest; output: DeleteDaemonResponse };
  DeleteDaemonTaskDefinition: { input: DeleteDaemonTaskDefinitionRequest; output: DeleteDaemonTaskDefinitionResponse };
  DeleteExpressGatewayService: { input: DeleteExpressGatewayServiceRequest; output: DeleteExpressGatewayServiceResponse };
  DeleteService: { input: DeleteServiceRequest; output: DeleteServiceResponse };
  DeleteTaskDefinitions: { input: DeleteTaskDefinitionsRequest; output: DeleteTaskDefinitionsResponse };
  DeleteTaskSet: { input: DeleteTaskSetRequest; output: DeleteTaskSetResponse };
  DeregisterContainerInstance: { input: DeregisterContainerInstanceRequest; output: DeregisterContainerInstanceResponse };
  DeregisterTaskDefinition: { input: DeregisterTaskDefinitionRequest; output: DeregisterTaskDefinitionResponse };
  DescribeCapacityProviders: { input: DescribeCapacityProvidersRequest; output: DescribeCapacityProvidersResponse };
  DescribeClusters: { input: DescribeClustersRequest; output: DescribeClustersResponse };
  DescribeContainerInstances: { input: DescribeContainerInstancesRequest; output: DescribeContainerInstancesResponse };
  DescribeDaemon: { input: DescribeDaemonRequest; output: DescribeDaemonResponse };
  DescribeDaemonDeployments: { input: DescribeDaemonDeploymentsRequest; output: DescribeDaemonDeploymentsResponse };
  DescribeDaemonRevisions: { input: DescribeDaemonRevisionsRequest; output: DescribeDaemonRevisionsResponse };
  DescribeDaemonTaskDefinition: { input: DescribeDaemonTaskDefinitionRequest; output: DescribeDaemonTaskDefinitionResponse };
  DescribeExpressGatewayService: { input: DescribeExpressGatewayServiceRequest; output: DescribeExpressGatewayServiceResponse };
  DescribeServiceDeployments: { input: DescribeServiceDeploymentsRequest; output: DescribeServiceDeploymentsResponse };
  DescribeServiceRevisions: { input: DescribeServiceRevisionsRequest; output: DescribeServiceRevisionsResponse };
  DescribeServices: { input: DescribeServicesRequest; output: DescribeServicesResponse };
  DescribeTaskDefinition: { input: DescribeTaskDefinitionRequest; output: DescribeTaskDefinitionResponse };
  DescribeTaskSets: { input: DescribeTaskSetsRequest; output: DescribeTaskSetsResponse };
  DescribeTasks: { input: DescribeTasksRequest; output: DescribeTasksResponse };
  DiscoverPollEndpoint: { input: DiscoverPollEndpointRequest; output: DiscoverPollEndpointResponse };
  ExecuteCommand: { input: ExecuteCommandRequest; output: ExecuteCommandResponse };
  GetTaskProtection: { input: GetTaskProtectionRequest; output: GetTaskProtectionResponse };
  ListAccountSettings: { input: ListAccountSettingsRequest; output: ListAccountSettingsResponse };
  ListAttributes: { input: ListAttributesRequest; output: ListAttributesResponse };
  ListClusters: { input: ListClustersRequest; output: ListClustersResponse };
  ListContainerInstances: { input: ListContainerInstancesRequest; output: ListContainerInstancesResponse };
  ListDaemonDeployments: { input: ListDaemonDeploymentsRequest; output: ListDaemonDeploymentsResponse };
  ListDaemonTaskDefinitions: { input: ListDaemonTaskDefinitionsRequest; output: ListDaemonTaskDefinitionsResponse };
  ListDaemons: { input: ListDaemonsRequest; output: ListDaemonsResponse };
  ListServiceDeployments: { input: ListServiceDeploymentsRequest; output: ListServiceDeploymentsResponse };
  ListServices: { input: ListServicesRequest; output: ListServicesResponse };
  ListServicesByNamespace: { input: ListServicesByNamespaceRequest; output: ListServicesByNamespaceResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
  ListTaskDefinitionFamilies: { input: ListTaskDefinitionFamiliesRequest; output: ListTaskDefinitionFamiliesResponse };
  ListTaskDefinitions: { input: ListTaskDefinitionsRequest; output: ListTaskDefinitionsResponse };
  ListTasks: { input: ListTasksRequest; output: ListTasksResponse };
  PutAccountSetting: { input: PutAccountSettingRequest; output: PutAccountSettingResponse };
  PutAccountSettingDefault: { input: PutAccountSettingDefaultRequest; output: PutAccountSettingDefaultResponse };
  PutAttributes: { input: PutAttributesRequest; output: PutAttributesResponse };
  PutClusterCapacityProviders: { input: PutClusterCapacityProvidersRequest; output: PutClusterCapacityProvidersResponse };
  RegisterContainerInstance: { input: RegisterContainerInstanceRequest; output: RegisterContainerInstanceResponse };
  RegisterDaemonTaskDefinition: { input: RegisterDaemonTaskDefinitionRequest; output: RegisterDaemonTaskDefinitionResponse };
  RegisterTaskDefinition: { input: RegisterTaskDefinitionRequest; output: RegisterTaskDefinitionResponse };
  RunTask: { input: RunTaskRequest; output: RunTaskResponse };
  StartTask: { input: StartTaskRequest; output: StartTaskResponse };
  StopServiceDeployment: { input: StopServiceDeploymentRequest; output: StopServiceDeploymentResponse };
  StopTask: { input: StopTaskRequest; output: StopTaskResponse };
  SubmitAttachmentStateChanges: { input: SubmitAttachmentStateChangesRequest; output: SubmitAttachmentStateChangesResponse };
  SubmitContainerStateChange: { input: SubmitContainerStateChangeRequest; output: SubmitContainerStateChangeResponse };
  SubmitTaskStateChange: { input: SubmitTaskStateChangeRequest; output: SubmitTaskStateChangeResponse };
  TagResource: { input: TagResourceRequest; output: TagResourceResponse };
  UntagResource: { input: UntagResourceRequest; output: UntagResourceResponse };
  UpdateCapacityProvider: { input: UpdateCapacityProviderRequest; output: UpdateCapacityProviderResponse };
  UpdateCluster: { input: UpdateClusterRequest; output: UpdateClusterResponse };
  UpdateClusterSettings: { input: UpdateClusterSettingsRequest; output: UpdateClusterSettingsResponse };
  UpdateContainerAgent: { input: UpdateContainerAgentRequest; output: UpdateContainerAgentResponse };
  UpdateContainerInstancesState: { input: UpdateContainerInstancesStateRequest; output: UpdateContainerInstancesStateResponse };
  UpdateDaemon: { input: UpdateDaemonRequest; output: UpdateDaemonResponse };
  UpdateExpressGatewayService: { input: UpdateExpressGatewayServiceRequest; output: UpdateExpressGatewayServiceResponse };
  UpdateService: { input: UpdateServiceRequest; output: UpdateServiceResponse };
  UpdateServicePrimaryTaskSet: { input: UpdateServicePrimaryTaskSetRequest; output: UpdateServicePrimaryTaskSetResponse };
  UpdateTaskProtection: { input: UpdateTaskProtectionRequest; output: UpdateTaskProtectionResponse };
  UpdateTaskSet: { input: UpdateTaskSetRequest; output: UpdateTaskSetResponse };
}

export type EcsErrorCode =
  | 'AccessDeniedException'
  | 'AttributeLimitExceededException'
  | 'BlockedException'
  | 'ClientException'
  | 'ClusterContainsCapacityProviderException'
  | 'ClusterContainsContainerInstancesException'
  | 'ClusterContainsServicesException'
  | 'ClusterContainsTasksException'
  | 'ClusterNotFoundException'
  | 'ConflictException'
  | 'DaemonNotActiveException'
  | 'DaemonNotFoundException'
  | 'InvalidParameterException'
  | 'LimitExceededException'
  | 'MissingVersionException'
  | 'NamespaceNotFoundException'
  | 'NoUpdateAvailableException'
  | 'PlatformTaskDefinitionIncompatibilityException'
  | 'PlatformUnknownException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'ServerException'
  | 'ServiceDeploymentNotFoundException'
  | 'ServiceNotActiveException'
  | 'ServiceNotFoundException'
  | 'TargetNotConnectedException'
  | 'TargetNotFoundException'
  | 'TaskSetNotFoundException'
  | 'UnsupportedFeatureException'
  | 'UpdateInProgressException';

export const ecsErrorCodes = [
  'AccessDeniedException',
  'AttributeLimitExceededException',
  'BlockedException',
  'ClientException',
  'ClusterContainsCapacityProviderException',
  'ClusterContainsContainerInstancesException',
  'ClusterContainsServicesException',
  'ClusterContainsTasksException',
  'ClusterNotFoundException',
  'ConflictException',
  'DaemonNotActiveException',
  'DaemonNotFoundException',
  'InvalidParameterException',
  'LimitExceededException',
  'MissingVersionException',
  'NamespaceNotFoundException',
  'NoUpdateAvailableException',
  'PlatformTaskDefinitionIncompatibilityException',
  'PlatformUnknownException',
  'ResourceInUseException',
  'ResourceNotFoundException',
  'ServerException',
  'ServiceDeploymentNotFoundException',
  'ServiceNotActiveException',
  'ServiceNotFoundException',
  'TargetNotConnectedException',
  'TargetNotFoundException',
  'TaskSetNotFoundException',
  'UnsupportedFeatureException',
  'UpdateInProgressException',
] as const;

export const ecsOperationNames = [
  'ContinueServiceDeployment',
  'CreateCapacityProvider',
  'CreateCluster',
  'CreateDaemon',
  'CreateExpressGatewayService',
  'CreateService',
  'CreateTaskSet',
  'DeleteAccountSetting',
  'DeleteAttributes',
  'DeleteCapacityProvider',
  'DeleteCluster',
  'DeleteDaemon',
  'DeleteDaemonTaskDefinition',
  'DeleteExpressGatewayService',
  'DeleteService',
  'DeleteTaskDefinitions',
  'DeleteTaskSet',
  'DeregisterContainerInstance',
  'DeregisterTaskDefinition',
  'DescribeCapacityProviders',
  'DescribeClusters',
  'DescribeContainerInstances',
  'DescribeDaemon',
  'DescribeDaemonDeployments',
  'DescribeDaemonRevisions',
  'DescribeDaemonTaskDefinition',
  'DescribeExpressGatewayService',
  'DescribeServiceDeployments',
  'DescribeServiceRevisions',
  'DescribeServices',
  'DescribeTaskDefinition',
  'DescribeTaskSets',
  'DescribeTasks',
  'DiscoverPollEndpoint',
  'ExecuteCommand',
  'GetTaskProtection',
  'ListAccountSettings',
  'ListAttributes',
  'ListClusters',
  'ListContainerInstances',
  'ListDaemonDeployments',
  'ListDaemonTaskDefinitions',
  'ListDaemons',
  'ListServiceDeployments',
  'ListServices',
  'ListServicesByNamespace',
  'ListTagsForResource',
  'ListTaskDefinitionFamilies',
  'ListTaskDefinitions',
  'ListTasks',
  'PutAccountSetting',
  'PutAccountSettingDefault',
  'PutAttributes',
  'PutClusterCapacityProviders',
  'RegisterContainerInstance',
  'RegisterDaemonTaskDefinition',
  'RegisterTaskDefinition',
  'RunTask',
  'StartTask',
  'StopServiceDeployment',
  'StopTask',
  'SubmitAttachmentStateChanges',
  'SubmitContainerStateChange',
  'SubmitTaskStateChange',
  'TagResource',
  'UntagResource',
  'UpdateCapacityProvider',
  'UpdateCluster',
  'UpdateClusterSettings',
  'UpdateContainerAgent',
  'UpdateContainerInstancesState',
  'UpdateDaemon',
  'UpdateExpressGatewayService',
  'UpdateService',
  'UpdateServicePrimaryTaskSet',
  'UpdateTaskProtection',
  'UpdateTaskSet',
] as const;
