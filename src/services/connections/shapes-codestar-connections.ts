// generated — do not edit; run npm run gen
// Source: models/codestar-connections.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AccessDeniedException {
  Message?: string;
}

export type BlockerStatus = 'ACTIVE' | 'RESOLVED';

export type BlockerType = 'AUTOMATED';

export interface ConcurrentModificationException {
  Message?: string;
}

export interface ConditionalCheckFailedException {
  Message?: string;
}

export interface ConflictException {
  Message?: string;
}

export interface Connection {
  ConnectionName?: string;
  ConnectionArn?: string;
  ProviderType?: ProviderType;
  OwnerAccountId?: string;
  ConnectionStatus?: ConnectionStatus;
  HostArn?: string;
}

export type ConnectionStatus = 'PENDING' | 'AVAILABLE' | 'ERROR';

export interface CreateConnectionInput {
  ProviderType?: ProviderType;
  ConnectionName: string;
  Tags?: Tag[];
  HostArn?: string;
}

export interface CreateConnectionOutput {
  ConnectionArn: string;
  Tags?: Tag[];
}

export interface CreateHostInput {
  Name: string;
  ProviderType: ProviderType;
  ProviderEndpoint: string;
  VpcConfiguration?: VpcConfiguration;
  Tags?: Tag[];
}

export interface CreateHostOutput {
  HostArn?: string;
  Tags?: Tag[];
}

export interface CreateRepositoryLinkInput {
  ConnectionArn: string;
  OwnerId: string;
  RepositoryName: string;
  EncryptionKeyArn?: string;
  Tags?: Tag[];
}

export interface CreateRepositoryLinkOutput {
  RepositoryLinkInfo: RepositoryLinkInfo;
}

export interface CreateSyncConfigurationInput {
  Branch: string;
  ConfigFile: string;
  RepositoryLinkId: string;
  ResourceName: string;
  RoleArn: string;
  SyncType: SyncConfigurationType;
  PublishDeploymentStatus?: PublishDeploymentStatus;
  TriggerResourceUpdateOn?: TriggerResourceUpdateOn;
}

export interface CreateSyncConfigurationOutput {
  SyncConfiguration: SyncConfiguration;
}

export interface DeleteConnectionInput {
  ConnectionArn: string;
}

export type DeleteConnectionOutput = Empty;

export interface DeleteHostInput {
  HostArn: string;
}

export type DeleteHostOutput = Empty;

export interface DeleteRepositoryLinkInput {
  RepositoryLinkId: string;
}

export type DeleteRepositoryLinkOutput = Empty;

export interface DeleteSyncConfigurationInput {
  SyncType: SyncConfigurationType;
  ResourceName: string;
}

export type DeleteSyncConfigurationOutput = Empty;

export interface GetConnectionInput {
  ConnectionArn: string;
}

export interface GetConnectionOutput {
  Connection?: Connection;
}

export interface GetHostInput {
  HostArn: string;
}

export interface GetHostOutput {
  Name?: string;
  Status?: string;
  ProviderType?: ProviderType;
  ProviderEndpoint?: string;
  VpcConfiguration?: VpcConfiguration;
}

export interface GetRepositoryLinkInput {
  RepositoryLinkId: string;
}

export interface GetRepositoryLinkOutput {
  RepositoryLinkInfo: RepositoryLinkInfo;
}

export interface GetRepositorySyncStatusInput {
  Branch: string;
  RepositoryLinkId: string;
  SyncType: SyncConfigurationType;
}

export interface GetRepositorySyncStatusOutput {
  LatestSync: RepositorySyncAttempt;
}

export interface GetResourceSyncStatusInput {
  ResourceName: string;
  SyncType: SyncConfigurationType;
}

export interface GetResourceSyncStatusOutput {
  DesiredState?: Revision;
  LatestSuccessfulSync?: ResourceSyncAttempt;
  LatestSync: ResourceSyncAttempt;
}

export interface GetSyncBlockerSummaryInput {
  SyncType: SyncConfigurationType;
  ResourceName: string;
}

export interface GetSyncBlockerSummaryOutput {
  SyncBlockerSummary: SyncBlockerSummary;
}

export interface GetSyncConfigurationInput {
  SyncType: SyncConfigurationType;
  ResourceName: string;
}

export interface GetSyncConfigurationOutput {
  SyncConfiguration: SyncConfiguration;
}

export interface Host {
  Name?: string;
  HostArn?: string;
  ProviderType?: ProviderType;
  ProviderEndpoint?: string;
  VpcConfiguration?: VpcConfiguration;
  Status?: string;
  StatusMessage?: string;
}

export interface InternalServerException {
  Message?: string;
}

export interface InvalidInputException {
  Message?: string;
}

export interface LimitExceededException {
  Message?: string;
}

export interface ListConnectionsInput {
  ProviderTypeFilter?: ProviderType;
  HostArnFilter?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface ListConnectionsOutput {
  Connections?: Connection[];
  NextToken?: string;
}

export interface ListHostsInput {
  MaxResults?: number;
  NextToken?: string;
}

export interface ListHostsOutput {
  Hosts?: Host[];
  NextToken?: string;
}

export interface ListRepositoryLinksInput {
  MaxResults?: number;
  NextToken?: string;
}

export interface ListRepositoryLinksOutput {
  RepositoryLinks: RepositoryLinkInfo[];
  NextToken?: string;
}

export interface ListRepositorySyncDefinitionsInput {
  RepositoryLinkId: string;
  SyncType: SyncConfigurationType;
}

export interface ListRepositorySyncDefinitionsOutput {
  RepositorySyncDefinitions: RepositorySyncDefinition[];
  NextToken?: string;
}

export interface ListSyncConfigurationsInput {
  MaxResults?: number;
  NextToken?: string;
  RepositoryLinkId: string;
  SyncType: SyncConfigurationType;
}

export interface ListSyncConfigurationsOutput {
  SyncConfigurations: SyncConfiguration[];
  NextToken?: string;
}

export interface ListTagsForResourceInput {
  ResourceArn: string;
}

export interface ListTagsForResourceOutput {
  Tags?: Tag[];
}

export type ProviderType = 'Bitbucket' | 'GitHub' | 'GitHubEnterpriseServer' | 'GitLab' | 'GitLabSelfManaged';

export type PublishDeploymentStatus = 'ENABLED' | 'DISABLED';

export interface RepositoryLinkInfo {
  ConnectionArn: string;
  EncryptionKeyArn?: string;
  OwnerId: string;
  ProviderType: ProviderType;
  RepositoryLinkArn: string;
  RepositoryLinkId: string;
  RepositoryName: string;
}

export interface RepositorySyncAttempt {
  StartedAt: number;
  Status: RepositorySyncStatus;
  Events: RepositorySyncEvent[];
}

export interface RepositorySyncDefinition {
  Branch: string;
  Directory: string;
  Parent: string;
  Target: string;
}

export interface RepositorySyncEvent {
  Event: string;
  ExternalId?: string;
  Time: number;
  Type: string;
}

export type RepositorySyncStatus = 'FAILED' | 'INITIATED' | 'IN_PROGRESS' | 'SUCCEEDED' | 'QUEUED';

export interface ResourceAlreadyExistsException {
  Message?: string;
}

export interface ResourceNotFoundException {
  Message?: string;
}

export interface ResourceSyncAttempt {
  Events: ResourceSyncEvent[];
  InitialRevision: Revision;
  StartedAt: number;
  Status: ResourceSyncStatus;
  TargetRevision: Revision;
  Target: string;
}

export interface ResourceSyncEvent {
  Event: string;
  ExternalId?: string;
  Time: number;
  Type: string;
}

export type ResourceSyncStatus = 'FAILED' | 'INITIATED' | 'IN_PROGRESS' | 'SUCCEEDED';

export interface ResourceUnavailableException {
  Message?: string;
}

export interface RetryLatestCommitFailedException {
  Message?: string;
}

export interface Revision {
  Branch: string;
  Directory: string;
  OwnerId: string;
  RepositoryName: string;
  ProviderType: ProviderType;
  Sha: string;
}

export interface SyncBlocker {
  Id: string;
  Type: BlockerType;
  Status: BlockerStatus;
  CreatedReason: string;
  CreatedAt: number;
  Contexts?: SyncBlockerContext[];
  ResolvedReason?: string;
  ResolvedAt?: number;
}

export interface SyncBlockerContext {
  Key: string;
  Value: string;
}

export interface SyncBlockerDoesNotExistException {
  Message?: string;
}

export interface SyncBlockerSummary {
  ResourceName: string;
  ParentResourceName?: string;
  LatestBlockers?: SyncBlocker[];
}

export interface SyncConfiguration {
  Branch: string;
  ConfigFile?: string;
  OwnerId: string;
  ProviderType: ProviderType;
  RepositoryLinkId: string;
  RepositoryName: string;
  ResourceName: string;
  RoleArn: string;
  SyncType: SyncConfigurationType;
  PublishDeploymentStatus?: PublishDeploymentStatus;
  TriggerResourceUpdateOn?: TriggerResourceUpdateOn;
}

export interface SyncConfigurationStillExistsException {
  Message?: string;
}

export type SyncConfigurationType = 'CFN_STACK_SYNC';

export interface Tag {
  Key: string;
  Value: string;
}

export interface TagResourceInput {
  ResourceArn: string;
  Tags: Tag[];
}

export type TagResourceOutput = Empty;

export interface ThrottlingException {
  Message?: string;
}

export type TriggerResourceUpdateOn = 'ANY_CHANGE' | 'FILE_CHANGE';

export interface UnsupportedOperationException {
  Message?: string;
}

export interface UnsupportedProviderTypeException {
  Message?: string;
}

export interface UntagResourceInput {
  ResourceArn: string;
  TagKeys: string[];
}

export type UntagResourceOutput = Empty;

export interface UpdateHostInput {
  HostArn: string;
  ProviderEndpoint?: string;
  VpcConfiguration?: VpcConfiguration;
}

export type UpdateHostOutput = Empty;

export interface UpdateOutOfSyncException {
  Message?: string;
}

export interface UpdateRepositoryLinkInput {
  ConnectionArn?: string;
  EncryptionKeyArn?: string;
  RepositoryLinkId: string;
}

export interface UpdateRepositoryLinkOutput {
  RepositoryLinkInfo: RepositoryLinkInfo;
}

export interface UpdateSyncBlockerInput {
  Id: string;
  SyncType: SyncConfigurationType;
  ResourceName: string;
  ResolvedReason: string;
}

export interface UpdateSyncBlockerOutput {
  ResourceName: string;
  ParentResourceName?: string;
  SyncBlocker: SyncBlocker;
}

export interface UpdateSyncConfigurationInput {
  Branch?: string;
  ConfigFile?: string;
  RepositoryLinkId?: string;
  ResourceName: string;
  RoleArn?: string;
  SyncType: SyncConfigurationType;
  PublishDeploymentStatus?: PublishDeploymentStatus;
  TriggerResourceUpdateOn?: TriggerResourceUpdateOn;
}

export interface UpdateSyncConfigurationOutput {
  SyncConfiguration: SyncConfiguration;
}

export interface VpcConfiguration {
  VpcId: string;
  SubnetIds: string[];
  SecurityGroupIds: string[];
  TlsCertificate?: string;
}

export interface CodestarConnectionsOperations {
  CreateConnection: { input: CreateConnectionInput; output: CreateConnectionOutput };
  CreateHost: { input: CreateHostInput; output: CreateHostOutput };
  CreateRepositoryLink: { input: CreateRepositoryLinkInput; output: CreateRepositoryLinkOutput };
  CreateSyncConfiguration: { input: CreateSyncConfigurationInput; output: CreateSyncConfigurationOutput };
  DeleteConnection: { input: DeleteConnectionInput; output: DeleteConnectionOutput };
  DeleteHost: { input: DeleteHostInput; output: DeleteHostOutput };
  DeleteRepositoryLink: { input: DeleteRepositoryLinkInput; output: DeleteRepositoryLinkOutput };
  DeleteSyncConfiguration: { input: DeleteSyncConfigurationInput; output: DeleteSyncConfigurationOutput };
  GetConnection: { input: GetConnectionInput; output: GetConnectionOutput };
  GetHost: { input: GetHostInput; output: GetHostOutput };
  GetRepositoryLink: { input: GetRepositoryLinkInput; output: GetRepositoryLinkOutput };
  GetRepositorySyncStatus: { input: GetRepositorySyncStatusInput; output: GetRepositorySyncStatusOutput };
  GetResourceSyncStatus: { input: GetResourceSyncStatusInput; output: GetResourceSyncStatusOutput };
  GetSyncBlockerSummary: { input: GetSyncBlockerSummaryInput; output: GetSyncBlockerSummaryOutput };
  GetSyncConfiguration: { input: GetSyncConfigurationInput; output: GetSyncConfigurationOutput };
  ListConnections: { input: ListConnectionsInput; output: ListConnectionsOutput };
  ListHosts: { input: ListHostsInput; output: ListHostsOutput };
  ListRepositoryLinks: { input: ListRepositoryLinksInput; output: ListRepositoryLinksOutput };
  ListRepositorySyncDefinitions: { input: ListRepositorySyncDefinitionsInput; output: ListRepositorySyncDefinitionsOutput };
  ListSyncConfigurations: { input: ListSyncConfigurationsInput; output: ListSyncConfigurationsOutput };
  ListTagsForResource: { input: ListTagsForResourceInput; output: ListTagsForResourceOutput };
  TagResource: { input: TagResourceInput; output: TagResourceOutput };
  UntagResource: { input: UntagResourceInput; output: UntagResourceOutput };
  UpdateHost: { input: UpdateHostInput; output: UpdateHostOutput };
  UpdateRepositoryLink: { input: UpdateRepositoryLinkInput; output: UpdateRepositoryLinkOutput };
  UpdateSyncBlocker: { input: UpdateSyncBlockerInput; output: UpdateSyncBlockerOutput };
  UpdateSyncConfiguration: { input: UpdateSyncConfigurationInput; output: UpdateSyncConfigurationOutput };
}

export type CodestarConnectionsErrorCode =
  | 'AccessDeniedException'
  | 'ConcurrentModificationException'
  | 'ConditionalCheckFailedException'
  | 'ConflictException'
  | 'InternalServerException'
  | 'InvalidInputException'
  | 'LimitExceededException'
  | 'ResourceAlreadyExistsException'
  | 'ResourceNotFoundException'
  | 'ResourceUnavailableException'
  | 'RetryLatestCommitFailedException'
  | 'SyncBlockerDoesNotExistException'
  | 'SyncConfigurationStillExistsException'
  | 'ThrottlingException'
  | 'UnsupportedOperationException'
  | 'UnsupportedProviderTypeException'
  | 'UpdateOutOfSyncException';

export const codestarConnectionsErrorCodes = [
  'AccessDeniedException',
  'ConcurrentModificationException',
  'ConditionalCheckFailedException',
  'ConflictException',
  'InternalServerException',
  'InvalidInputException',
  'LimitExceededException',
  'ResourceAlreadyExistsException',
  'ResourceNotFoundException',
  'ResourceUnavailableException',
  'RetryLatestCommitFailedException',
  'SyncBlockerDoesNotExistException',
  'SyncConfigurationStillExistsException',
  'ThrottlingException',
  'UnsupportedOperationException',
  'UnsupportedProviderTypeException',
  'UpdateOutOfSyncException',
] as const;

export const codestarConnectionsOperationNames = [
  'CreateConnection',
  'CreateHost',
  'CreateRepositoryLink',
  'CreateSyncConfiguration',
  'DeleteConnection',
  'DeleteHost',
  'DeleteRepositoryLink',
  'DeleteSyncConfiguration',
  'GetConnection',
  'GetHost',
  'GetRepositoryLink',
  'GetRepositorySyncStatus',
  'GetResourceSyncStatus',
  'GetSyncBlockerSummary',
  'GetSyncConfiguration',
  'ListConnections',
  'ListHosts',
  'ListRepositoryLinks',
  'ListRepositorySyncDefinitions',
  'ListSyncConfigurations',
  'ListTagsForResource',
  'TagResource',
  'UntagResource',
  'UpdateHost',
  'UpdateRepositoryLink',
  'UpdateSyncBlocker',
  'UpdateSyncConfiguration',
] as const;
