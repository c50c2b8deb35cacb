// generated — do not edit; run npm run gen
// Source: models/secretsmanager.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface APIErrorType {
  SecretId?: string;
  ErrorCode?: string;
  Message?: string;
}

export interface BatchGetSecretValueRequest {
  SecretIdList?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface BatchGetSecretValueResponse {
  SecretValues?: SecretValueEntry[];
  NextToken?: string;
  Errors?: APIErrorType[];
}

export interface CancelRotateSecretRequest {
  SecretId: string;
}

export interface CancelRotateSecretResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
}

export interface CreateSecretRequest {
  Name: string;
  ClientRequestToken?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretBinary?: string;
  SecretString?: string;
  Tags?: Tag[];
  AddReplicaRegions?: ReplicaRegionType[];
  ForceOverwriteReplicaSecret?: boolean;
  Type?: string;
}

export interface CreateSecretResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  ReplicationStatus?: ReplicationStatusType[];
}

export interface DecryptionFailure {
  Message?: string;
}

export interface DeleteResourcePolicyRequest {
  SecretId: string;
}

export interface DeleteResourcePolicyResponse {
  ARN?: string;
  Name?: string;
}

export interface DeleteSecretRequest {
  SecretId: string;
  RecoveryWindowInDays?: number;
  ForceDeleteWithoutRecovery?: boolean;
}

export interface DeleteSecretResponse {
  ARN?: string;
  Name?: string;
  DeletionDate?: number;
}

export interface DescribeSecretRequest {
  SecretId: string;
}

export interface DescribeSecretResponse {
  ARN?: string;
  Name?: string;
  Type?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationLambdaARN?: string;
  RotationRules?: RotationRulesType;
  ExternalSecretRotationMetadata?: ExternalSecretRotationMetadataItem[];
  ExternalSecretRotationRoleArn?: string;
  LastRotatedDate?: number;
  LastChangedDate?: number;
  LastAccessedDate?: number;
  DeletedDate?: number;
  NextRotationDate?: number;
  Tags?: Tag[];
  VersionIdsToStages?: Record<string, string[]>;
  OwningService?: string;
  CreatedDate?: number;
  PrimaryRegion?: string;
  ReplicationStatus?: ReplicationStatusType[];
}

export interface EncryptionFailure {
  Message?: string;
}

export interface ExternalSecretRotationMetadataItem {
  Key?: string;
  Value?: string;
}

export interface Filter {
  Key?: FilterNameStringType;
  Values?: string[];
}

export type FilterNameStringType = 'description' | 'name' | 'tag-key' | 'tag-value' | 'primary-region' | 'owning-service' | 'all';

export interface GetRandomPasswordRequest {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
}

export interface GetRandomPasswordResponse {
  RandomPassword?: string;
}

export interface GetResourcePolicyRequest {
  SecretId: string;
}

export interface GetResourcePolicyResponse {
  ARN?: string;
  Name?: string;
  ResourcePolicy?: string;
}

export interface GetSecretValueRequest {
  SecretId: string;
  VersionId?: string;
  VersionStage?: string;
}

export interface GetSecretValueResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  SecretBinary?: string;
  SecretString?: string;
  VersionStages?: string[];
  CreatedDate?: number;
}

export interface InternalServiceError {
  Message?: string;
}

export interface InvalidNextTokenException {
  Message?: string;
}

export interface InvalidParameterException {
  Message?: string;
}

export interface InvalidRequestException {
  Message?: string;
}

export interface LimitExceededException {
  Message?: string;
}

export interface ListSecretVersionIdsRequest {
  SecretId: string;
  MaxResults?: number;
  NextToken?: string;
  IncludeDeprecated?: boolean;
}

export interface ListSecretVersionIdsResponse {
  Versions?: SecretVersionsListEntry[];
  NextToken?: string;
  ARN?: string;
  Name?: string;
}

export interface ListSecretsRequest {
  IncludePlannedDeletion?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  SortOrder?: SortOrderType;
  SortBy?: SortByType;
}

export interface ListSecretsResponse {
  SecretList?: SecretListEntry[];
  NextToken?: string;
}

export interface MalformedPolicyDocumentException {
  Message?: string;
}

export interface PreconditionNotMetException {
  Message?: string;
}

export interface PublicPolicyException {
  Message?: string;
}

export interface PutResourcePolicyRequest {
  SecretId: string;
  ResourcePolicy: string;
  BlockPublicPolicy?: boolean;
}

export interface PutResourcePolicyResponse {
  ARN?: string;
  Name?: string;
}

export interface PutSecretValueRequest {
  SecretId: string;
  ClientRequestToken?: string;
  SecretBinary?: string;
  SecretString?: string;
  VersionStages?: string[];
  RotationToken?: string;
}

export interface PutSecretValueResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  VersionStages?: string[];
}

export interface RemoveRegionsFromReplicationRequest {
  SecretId: string;
  RemoveReplicaRegions: string[];
}

export interface RemoveRegionsFromReplicationResponse {
  ARN?: string;
  ReplicationStatus?: ReplicationStatusType[];
}

export interface ReplicaRegionType {
  Region?: string;
  KmsKeyId?: string;
}

export interface ReplicateSecretToRegionsRequest {
  SecretId: string;
  AddReplicaRegions: ReplicaRegionType[];
  ForceOverwriteReplicaSecret?: boolean;
}

export interface ReplicateSecretToRegionsResponse {
  ARN?: string;
  ReplicationStatus?: ReplicationStatusType[];
}

export interface ReplicationStatusType {
  Region?: string;
  KmsKeyId?: string;
  Status?: StatusType;
  StatusMessage?: string;
  LastAccessedDate?: number;
}

export interface ResourceExistsException {
  Message?: string;
}

export interface ResourceNotFoundException {
  Message?: string;
}

export interface RestoreSecretRequest {
  SecretId: string;
}

export interface RestoreSecretResponse {
  ARN?: string;
  Name?: string;
}

export interface RotateSecretRequest {
  SecretId: string;
  ClientRequestToken?: string;
  RotationLambdaARN?: string;
  RotationRules?: RotationRulesType;
  ExternalSecretRotationMetadata?: ExternalSecretRotationMetadataItem[];
  ExternalSecretRotationRoleArn?: string;
  RotateImmediately?: boolean;
}

export interface RotateSecretResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
}

export interface RotationRulesType {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}

export interface SecretListEntry {
  ARN?: string;
  Name?: string;
  Type?: string;
  Description?: string;
  KmsKeyId?: string;
  RotationEnabled?: boolean;
  RotationLambdaARN?: string;
  RotationRules?: RotationRulesType;
  ExternalSecretRotationMetadata?: ExternalSecretRotationMetadataItem[];
  ExternalSecretRotationRoleArn?: string;
  LastRotatedDate?: number;
  LastChangedDate?: number;
  LastAccessedDate?: number;
  DeletedDate?: number;
  NextRotationDate?: number;
  Tags?: Tag[];
  SecretVersionsToStages?: Record<string, string[]>;
  OwningService?: string;
  CreatedDate?: number;
  PrimaryRegion?: string;
}

export interface SecretValueEntry {
  ARN?: string;
  Name?: string;
  VersionId?: string;
  SecretBinary?: string;
  SecretString?: string;
  VersionStages?: string[];
  CreatedDate?: number;
}

export interface SecretVersionsListEntry {
  VersionId?: string;
  VersionStages?: string[];
  LastAccessedDate?: number;
  CreatedDate?: number;
  KmsKeyIds?: string[];
}

export type SortByType = 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name';

export type SortOrderType = 'asc' | 'desc';

export type StatusType = 'InSync' | 'Failed' | 'InProgress';

export interface StopReplicationToReplicaRequest {
  SecretId: string;
}

export interface StopReplicationToReplicaResponse {
  ARN?: string;
}

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface TagResourceRequest {
  SecretId: string;
  Tags: Tag[];
}

export interface UntagResourceRequest {
  SecretId: string;
  TagKeys: string[];
}

export interface UpdateSecretRequest {
  SecretId: string;
  ClientRequestToken?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretBinary?: string;
  SecretString?: string;
  Type?: string;
}

export interface UpdateSecretResponse {
  ARN?: string;
  Name?: string;
  VersionId?: string;
}

export interface UpdateSecretVersionStageRequest {
  SecretId: string;
  VersionStage: string;
  RemoveFromVersionId?: string;
  MoveToVersionId?: string;
}

export interface UpdateSecretVersionStageResponse {
  ARN?: string;
  Name?: string;
}

export interface ValidateResourcePolicyRequest {
  SecretId?: string;
  ResourcePolicy: string;
}

export interface ValidateResourcePolicyResponse {
  PolicyValidationPassed?: boolean;
  ValidationErrors?: ValidationErrorsEntry[];
}

export interface ValidationErrorsEntry {
  CheckName?: string;
  ErrorMessage?: string;
}

export interface SecretsmanagerOperations {
  BatchGetSecretValue: { input: BatchGetSecretValueRequest; output: BatchGetSecretValueResponse };
  CancelRotateSecret: { input: CancelRotateSecretRequest; output: CancelRotateSecretResponse };
  CreateSecret: { input: CreateSecretRequest; output: CreateSecretResponse };
  DeleteResourcePolicy: { input: DeleteResourcePolicyRequest; output: DeleteResourcePolicyResponse };
  DeleteSecret: { input: DeleteSecretRequest; output: DeleteSecretResponse };
  DescribeSecret: { input: DescribeSecretRequest; output: DescribeSecretResponse };
  GetRandomPassword: { input: GetRandomPasswordRequest; output: GetRandomPasswordResponse };
  GetResourcePolicy: { input: GetResourcePolicyRequest; output: GetResourcePolicyResponse };
  GetSecretValue: { input: GetSecretValueRequest; output: GetSecretValueResponse };
  ListSecretVersionIds: { input: ListSecretVersionIdsRequest; output: ListSecretVersionIdsResponse };
  ListSecrets: { input: ListSecretsRequest; output: ListSecretsResponse };
  PutResourcePolicy: { input: PutResourcePolicyRequest; output: PutResourcePolicyResponse };
  PutSecretValue: { input: PutSecretValueRequest; output: PutSecretValueResponse };
  RemoveRegionsFromReplication: { input: RemoveRegionsFromReplicationRequest; output: RemoveRegionsFromReplicationResponse };
  ReplicateSecretToRegions: { input: ReplicateSecretToRegionsRequest; output: ReplicateSecretToRegionsResponse };
  RestoreSecret: { input: RestoreSecretRequest; output: RestoreSecretResponse };
  RotateSecret: { input: RotateSecretRequest; output: RotateSecretResponse };
  StopReplicationToReplica: { input: StopReplicationToReplicaRequest; output: StopReplicationToReplicaResponse };
  TagResource: { input: TagResourceRequest; output: Empty };
  UntagResource: { input: UntagResourceRequest; output: Empty };
  UpdateSecret: { input: UpdateSecretRequest; output: UpdateSecretResponse };
  UpdateSecretVersionStage: { input: UpdateSecretVersionStageRequest; output: UpdateSecretVersionStageResponse };
  ValidateResourcePolicy: { input: ValidateResourcePolicyRequest; output: ValidateResourcePolicyResponse };
}

export type SecretsmanagerErrorCode =
  | 'DecryptionFailure'
  | 'EncryptionFailure'
  | 'InternalServiceError'
  | 'InvalidNextTokenException'
  | 'InvalidParameterException'
  | 'InvalidRequestException'
  | 'LimitExceededException'
  | 'MalformedPolicyDocumentException'
  | 'PreconditionNotMetException'
  | 'PublicPolicyException'
  | 'ResourceExistsException'
  | 'ResourceNotFoundException';

export const secretsmanagerErrorCodes = [
  'DecryptionFailure',
  'EncryptionFailure',
  'InternalServiceError',
  'InvalidNextTokenException',
  'InvalidParameterException',
  'InvalidRequestException',
  'LimitExceededException',
  'MalformedPolicyDocumentException',
  'PreconditionNotMetException',
  'PublicPolicyException',
  'ResourceExistsException',
  'ResourceNotFoundException',
] as const;

export const secretsmanagerOperationNames = [
  'BatchGetSecretValue',
  'CancelRotateSecret',
  'CreateSecret',
  'DeleteResourcePolicy',
  'DeleteSecret',
  'DescribeSecret',
  'GetRandomPassword',
  'GetResourcePolicy',
  'GetSecretValue',
  'ListSecretVersionIds',
  'ListSecrets',
  'PutResourcePolicy',
  'PutSecretValue',
  'RemoveRegionsFromReplication',
  'ReplicateSecretToRegions',
  'RestoreSecret',
  'RotateSecret',
  'StopReplicationToReplica',
  'TagResource',
  'UntagResource',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'ValidateResourcePolicy',
] as const;
