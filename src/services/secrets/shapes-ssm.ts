// generated — do not edit; run npm run gen
// Source: models/ssm.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AccessDeniedException {
  Message: string;
}

export type AccessRequestStatus = 'Approved' | 'Rejected' | 'Revoked' | 'Expired' | 'Pending';

export type AccessType = 'Standard' | 'JustInTime';

export interface AccountSharingInfo {
  AccountId?: string;
  SharedDocumentVersion?: string;
}

export interface Activation {
  ActivationId?: string;
  Description?: string;
  DefaultInstanceName?: string;
  IamRole?: string;
  RegistrationLimit?: number;
  RegistrationsCount?: number;
  ExpirationDate?: number;
  Expired?: boolean;
  CreatedDate?: number;
  Tags?: Tag[];
}

export interface AddTagsToResourceRequest {
  ResourceType: ResourceTypeForTagging;
  ResourceId: string;
  Tags: Tag[];
}

export type AddTagsToResourceResult = Empty;

export interface Alarm {
  Name: string;
}

export interface AlarmConfiguration {
  IgnorePollAlarmFailure?: boolean;
  Alarms: Alarm[];
}

export interface AlarmStateInformation {
  Name: string;
  State: ExternalAlarmState;
}

export interface AlreadyExistsException {
  Message?: string;
}

export interface AssociateOpsItemRelatedItemRequest {
  OpsItemId: string;
  AssociationType: string;
  ResourceType: string;
  ResourceUri: string;
}

export interface AssociateOpsItemRelatedItemResponse {
  AssociationId?: string;
}

export type AssociatedInstances = Empty;

export interface Association {
  Name?: string;
  InstanceId?: string;
  AssociationId?: string;
  AssociationVersion?: string;
  DocumentVersion?: string;
  Targets?: Target[];
  LastExecutionDate?: number;
  Overview?: AssociationOverview;
  ScheduleExpression?: string;
  AssociationName?: string;
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
}

export type AssociationAlreadyExists = Empty;

export type AssociationComplianceSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNSPECIFIED';

export interface AssociationDescription {
  Name?: string;
  InstanceId?: string;
  AssociationVersion?: string;
  Date?: number;
  LastUpdateAssociationDate?: number;
  Status?: AssociationStatus;
  Overview?: AssociationOverview;
  DocumentVersion?: string;
  AutomationTargetParameterName?: string;
  Parameters?: Record<string, string[]>;
  AssociationId?: string;
  Targets?: Target[];
  ScheduleExpression?: string;
  OutputLocation?: InstanceAssociationOutputLocation;
  LastExecutionDate?: number;
  LastSuccessfulExecutionDate?: number;
  AssociationName?: string;
  MaxErrors?: string;
  MaxConcurrency?: string;
  ComplianceSeverity?: AssociationComplianceSeverity;
  SyncCompliance?: AssociationSyncCompliance;
  ApplyOnlyAtCronInterval?: boolean;
  CalendarNames?: string[];
  TargetLocations?: TargetLocation[];
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
  AssociationDispatchAssumeRole?: string;
}

export interface AssociationDoesNotExist {
  Message?: string;
}

export interface AssociationExecution {
  AssociationId?: string;
  AssociationVersion?: string;
  ExecutionId?: string;
  Status?: string;
  DetailedStatus?: string;
  CreatedTime?: number;
  LastExecutionDate?: number;
  ResourceCountByStatus?: string;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
}

export interface AssociationExecutionDoesNotExist {
  Message?: string;
}

export interface AssociationExecutionFilter {
  Key: AssociationExecutionFilterKey;
  Value: string;
  Type: AssociationFilterOperatorType;
}

export type AssociationExecutionFilterKey = 'ExecutionId' | 'Status' | 'CreatedTime';

export interface AssociationExecutionTarget {
  AssociationId?: string;
  AssociationVersion?: string;
  ExecutionId?: string;
  ResourceId?: string;
  ResourceType?: string;
  Status?: string;
  DetailedStatus?: string;
  LastExecutionDate?: number;
  OutputSource?: OutputSource;
}

export interface AssociationExecutionTargetsFilter {
  Key: AssociationExecutionTargetsFilterKey;
  Value: string;
}

export type AssociationExecutionTargetsFilterKey = 'Status' | 'ResourceId' | 'ResourceType';

export interface AssociationFilter {
  key: AssociationFilterKey;
  value: string;
}

export type AssociationFilterKey = 'InstanceId' | 'Name' | 'AssociationId' | 'AssociationStatusName' | 'LastExecutedBefore' | 'LastExecutedAfter' | 'AssociationName' | 'ResourceGroupName';

export type AssociationFilterOperatorType = 'EQUAL' | 'LESS_THAN' | 'GREATER_THAN';

export type AssociationLimitExceeded = Empty;

export interface AssociationOverview {
  Status?: string;
  DetailedStatus?: string;
  AssociationStatusAggregatedCount?: Record<string, number>;
}

export interface AssociationStatus {
  Date: number;
  Name: AssociationStatusName;
  Message: string;
  AdditionalInfo?: string;
}

export type AssociationStatusName = 'Pending' | 'Success' | 'Failed';

export type AssociationSyncCompliance = 'AUTO' | 'MANUAL';

export interface AssociationVersionInfo {
  AssociationId?: string;
  AssociationVersion?: string;
  CreatedDate?: number;
  Name?: string;
  DocumentVersion?: string;
  Parameters?: Record<string, string[]>;
  Targets?: Target[];
  ScheduleExpression?: string;
  OutputLocation?: InstanceAssociationOutputLocation;
  AssociationName?: string;
  MaxErrors?: string;
  MaxConcurrency?: string;
  ComplianceSeverity?: AssociationComplianceSeverity;
  SyncCompliance?: AssociationSyncCompliance;
  ApplyOnlyAtCronInterval?: boolean;
  CalendarNames?: string[];
  TargetLocations?: TargetLocation[];
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
  AssociationDispatchAssumeRole?: string;
}

export interface AssociationVersionLimitExceeded {
  Message?: string;
}

export interface AttachmentContent {
  Name?: string;
  Size?: number;
  Hash?: string;
  HashType?: AttachmentHashType;
  Url?: string;
}

export type AttachmentHashType = 'Sha256';

export interface AttachmentInformation {
  Name?: string;
}

export interface AttachmentsSource {
  Key?: AttachmentsSourceKey;
  Values?: string[];
  Name?: string;
}

export type AttachmentsSourceKey = 'SourceUrl' | 'S3FileUrl' | 'AttachmentReference';

export interface AutomationDefinitionNotApprovedException {
  Message?: string;
}

export interface AutomationDefinitionNotFoundException {
  Message?: string;
}

export interface AutomationDefinitionVersionNotFoundException {
  Message?: string;
}

export interface AutomationExecution {
  AutomationExecutionId?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  ExecutionStartTime?: number;
  ExecutionEndTime?: number;
  AutomationExecutionStatus?: AutomationExecutionStatus;
  StepExecutions?: StepExecution[];
  StepExecutionsTruncated?: boolean;
  Parameters?: Record<string, string[]>;
  Outputs?: Record<string, string[]>;
  FailureMessage?: string;
  Mode?: ExecutionMode;
  ParentAutomationExecutionId?: string;
  ExecutedBy?: string;
  CurrentStepName?: string;
  CurrentAction?: string;
  TargetParameterName?: string;
  Targets?: Target[];
  TargetMaps?: (Record<string, string[]>)[];
  ResolvedTargets?: ResolvedTargets;
  MaxConcurrency?: string;
  MaxErrors?: string;
  Target?: string;
  TargetLocations?: TargetLocation[];
  ProgressCounters?: ProgressCounters;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
  TargetLocationsURL?: string;
  AutomationSubtype?: AutomationSubtype;
  ScheduledTime?: number;
  Runbooks?: Runbook[];
  OpsItemId?: string;
  AssociationId?: string;
  ChangeRequestName?: string;
  Variables?: Record<string, string[]>;
}

export interface AutomationExecutionFilter {
  Key: AutomationExecutionFilterKey;
  Values: string[];
}

export type AutomationExecutionFilterKey = 'DocumentNamePrefix' | 'ExecutionStatus' | 'ExecutionId' | 'ParentExecutionId' | 'CurrentAction' | 'StartTimeBefore' | 'StartTimeAfter' | 'AutomationType' | 'TagKey' | 'TargetResourceGroup' | 'AutomationSubtype' | 'OpsItemId';

export interface AutomationExecutionInputs {
  Parameters?: Record<string, string[]>;
  TargetParameterName?: string;
  Targets?: Target[];
  TargetMaps?: (Record<string, string[]>)[];
  TargetLocations?: TargetLocation[];
  TargetLocationsURL?: string;
}

export interface AutomationExecutionLimitExceededException {
  Message?: string;
}

export interface AutomationExecutionMetadata {
  AutomationExecutionId?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  AutomationExecutionStatus?: AutomationExecutionStatus;
  ExecutionStartTime?: number;
  ExecutionEndTime?: number;
  ExecutedBy?: string;
  LogFile?: string;
  Outputs?: Record<string, string[]>;
  Mode?: ExecutionMode;
  ParentAutomationExecutionId?: string;
  CurrentStepName?: string;
  CurrentAction?: string;
  FailureMessage?: string;
  TargetParameterName?: string;
  Targets?: Target[];
  TargetMaps?: (Record<string, string[]>)[];
  ResolvedTargets?: ResolvedTargets;
  MaxConcurrency?: string;
  MaxErrors?: string;
  Target?: string;
  AutomationType?: AutomationType;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
  TargetLocationsURL?: string;
  AutomationSubtype?: AutomationSubtype;
  ScheduledTime?: number;
  Runbooks?: Runbook[];
  OpsItemId?: string;
  AssociationId?: string;
  ChangeRequestName?: string;
}

export interface AutomationExecutionNotFoundException {
  Message?: string;
}

export interface AutomationExecutionPreview {
  StepPreviews?: Record<string, number>;
  Regions?: string[];
  TargetPreviews?: TargetPreview[];
  TotalAccounts?: number;
}

export type AutomationExecutionStatus = 'Pending' | 'InProgress' | 'Waiting' | 'Success' | 'TimedOut' | 'Cancelling' | 'Cancelled' | 'Failed' | 'PendingApproval' | 'Approved' | 'Rejected' | 'Scheduled' | 'RunbookInProgress' | 'PendingChangeCalendarOverride' | 'ChangeCalendarOverrideApproved' | 'ChangeCalendarOverrideRejected' | 'CompletedWithSuccess' | 'CompletedWithFailure' | 'Exited';

export interface AutomationStepNotFoundException {
  Message?: string;
}

export type AutomationSubtype = 'ChangeRequest' | 'AccessRequest';

export type AutomationType = 'CrossAccount' | 'Local';

export interface BaselineOverride {
  OperatingSystem?: OperatingSystem;
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  ApprovedPatchesComplianceLevel?: PatchComplianceLevel;
  RejectedPatches?: string[];
  RejectedPatchesAction?: PatchAction;
  ApprovedPatchesEnableNonSecurity?: boolean;
  Sources?: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
}

export type CalendarState = 'OPEN' | 'CLOSED';

export interface CancelCommandRequest {
  CommandId: string;
  InstanceIds?: string[];
}

export type CancelCommandResult = Empty;

export interface CancelMaintenanceWindowExecutionRequest {
  WindowExecutionId: string;
}

export interface CancelMaintenanceWindowExecutionResult {
  WindowExecutionId?: string;
}

export interface CloudWatchOutputConfig {
  CloudWatchLogGroupName?: string;
  CloudWatchOutputEnabled?: boolean;
}

export interface Command {
  CommandId?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  Comment?: string;
  ExpiresAfter?: number;
  Parameters?: Record<string, string[]>;
  InstanceIds?: string[];
  Targets?: Target[];
  RequestedDateTime?: number;
  Status?: CommandStatus;
  StatusDetails?: string;
  OutputS3Region?: string;
  OutputS3BucketName?: string;
  OutputS3KeyPrefix?: string;
  MaxConcurrency?: string;
  MaxErrors?: string;
  TargetCount?: number;
  CompletedCount?: number;
  ErrorCount?: number;
  DeliveryTimedOutCount?: number;
  ServiceRole?: string;
  NotificationConfig?: NotificationConfig;
  CloudWatchOutputConfig?: CloudWatchOutputConfig;
  TimeoutSeconds?: number;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
}

export interface CommandFilter {
  key: CommandFilterKey;
  value: string;
}

export type CommandFilterKey = 'InvokedAfter' | 'InvokedBefore' | 'Status' | 'ExecutionStage' | 'DocumentName';

export interface CommandInvocation {
  CommandId?: string;
  InstanceId?: string;
  InstanceName?: string;
  Comment?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  RequestedDateTime?: number;
  Status?: CommandInvocationStatus;
  StatusDetails?: string;
  TraceOutput?: string;
  StandardOutputUrl?: string;
  StandardErrorUrl?: string;
  CommandPlugins?: CommandPlugin[];
  ServiceRole?: string;
  NotificationConfig?: NotificationConfig;
  CloudWatchOutputConfig?: CloudWatchOutputConfig;
}

export type CommandInvocationStatus = 'Pending' | 'InProgress' | 'Delayed' | 'Success' | 'Cancelled' | 'TimedOut' | 'Failed' | 'Cancelling';

export interface CommandPlugin {
  Name?: string;
  Status?: CommandPluginStatus;
  StatusDetails?: string;
  ResponseCode?: number;
  ResponseStartDateTime?: number;
  ResponseFinishDateTime?: number;
  Output?: string;
  StandardOutputUrl?: string;
  StandardErrorUrl?: string;
  OutputS3Region?: string;
  OutputS3BucketName?: string;
  OutputS3KeyPrefix?: string;
}

export type CommandPluginStatus = 'Pending' | 'InProgress' | 'Success' | 'TimedOut' | 'Cancelled' | 'Failed';

export type CommandStatus = 'Pending' | 'InProgress' | 'Success' | 'Cancelled' | 'Failed' | 'TimedOut' | 'Cancelling';

export interface ComplianceExecutionSummary {
  ExecutionTime: number;
  ExecutionId?: string;
  ExecutionType?: string;
}

export interface ComplianceItem {
  ComplianceType?: string;
  ResourceType?: string;
  ResourceId?: string;
  Id?: string;
  Title?: string;
  Status?: ComplianceStatus;
  Severity?: ComplianceSeverity;
  ExecutionSummary?: ComplianceExecutionSummary;
  Details?: Record<string, string>;
}

export interface ComplianceItemEntry {
  Id?: string;
  Title?: string;
  Severity: ComplianceSeverity;
  Status: ComplianceStatus;
  Details?: Record<string, string>;
}

export type ComplianceQueryOperatorType = 'EQUAL' | 'NOT_EQUAL' | 'BEGIN_WITH' | 'LESS_THAN' | 'GREATER_THAN';

export type ComplianceSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNSPECIFIED';

export type ComplianceStatus = 'COMPLIANT' | 'NON_COMPLIANT';

export interface ComplianceStringFilter {
  Key?: string;
  Values?: string[];
  Type?: ComplianceQueryOperatorType;
}

export interface ComplianceSummaryItem {
  ComplianceType?: string;
  CompliantSummary?: CompliantSummary;
  NonCompliantSummary?: NonCompliantSummary;
}

export interface ComplianceTypeCountLimitExceededException {
  Message?: string;
}

export type ComplianceUploadType = 'COMPLETE' | 'PARTIAL';

export interface CompliantSummary {
  CompliantCount?: number;
  SeveritySummary?: SeveritySummary;
}

export type ConnectionStatus = 'connected' | 'notconnected';

export interface CreateActivationRequest {
  Description?: string;
  DefaultInstanceName?: string;
  IamRole: string;
  RegistrationLimit?: number;
  ExpirationDate?: number;
  Tags?: Tag[];
  RegistrationMetadata?: RegistrationMetadataItem[];
}

export interface CreateActivationResult {
  ActivationId?: string;
  ActivationCode?: string;
}

export interface CreateAssociationBatchRequest {
  Entries: CreateAssociationBatchRequestEntry[];
  AssociationDispatchAssumeRole?: string;
}

export interface CreateAssociationBatchRequestEntry {
  Name: string;
  InstanceId?: string;
  Parameters?: Record<string, string[]>;
  AutomationTargetParameterName?: string;
  DocumentVersion?: string;
  Targets?: Target[];
  ScheduleExpression?: string;
  OutputLocation?: InstanceAssociationOutputLocation;
  AssociationName?: string;
  MaxErrors?: string;
  MaxConcurrency?: string;
  ComplianceSeverity?: AssociationComplianceSeverity;
  SyncCompliance?: AssociationSyncCompliance;
  ApplyOnlyAtCronInterval?: boolean;
  CalendarNames?: string[];
  TargetLocations?: TargetLocation[];
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
  AlarmConfiguration?: AlarmConfiguration;
}

export interface CreateAssociationBatchResult {
  Successful?: AssociationDescription[];
  Failed?: FailedCreateAssociation[];
}

export interface CreateAssociationRequest {
  Name: string;
  DocumentVersion?: string;
  InstanceId?: string;
  Parameters?: Record<string, string[]>;
  Targets?: Target[];
  ScheduleExpression?: string;
  OutputLocation?: InstanceAssociationOutputLocation;
  AssociationName?: string;
  AutomationTargetParameterName?: string;
  MaxErrors?: string;
  MaxConcurrency?: string;
  ComplianceSeverity?: AssociationComplianceSeverity;
  SyncCompliance?: AssociationSyncCompliance;
  ApplyOnlyAtCronInterval?: boolean;
  CalendarNames?: string[];
  TargetLocations?: TargetLocation[];
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
  Tags?: Tag[];
  AlarmConfiguration?: AlarmConfiguration;
  AssociationDispatchAssumeRole?: string;
}

export interface CreateAssociationResult {
  AssociationDescription?: AssociationDescription;
}

export interface CreateDocumentRequest {
  Content: string;
  Requires?: DocumentRequires[];
  Attachments?: AttachmentsSource[];
  Name: string;
  DisplayName?: string;
  VersionName?: string;
  DocumentType?: DocumentType;
  DocumentFormat?: DocumentFormat;
  TargetType?: string;
  Tags?: Tag[];
}

export interface CreateDocumentResult {
  DocumentDescription?: DocumentDescription;
}

export interface CreateMaintenanceWindowRequest {
  Name: string;
  Description?: string;
  StartDate?: string;
  EndDate?: string;
  Schedule: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  Duration: number;
  Cutoff: number;
  AllowUnassociatedTargets: boolean;
  ClientToken?: string;
  Tags?: Tag[];
}

export interface CreateMaintenanceWindowResult {
  WindowId?: string;
}

export interface CreateOpsItemRequest {
  Description: string;
  OpsItemType?: string;
  OperationalData?: Record<string, OpsItemDataValue>;
  Notifications?: OpsItemNotification[];
  Priority?: number;
  RelatedOpsItems?: RelatedOpsItem[];
  Source: string;
  Title: string;
  Tags?: Tag[];
  Category?: string;
  Severity?: string;
  ActualStartTime?: number;
  ActualEndTime?: number;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
  AccountId?: string;
}

export interface CreateOpsItemResponse {
  OpsItemId?: string;
  OpsItemArn?: string;
}

export interface CreateOpsMetadataRequest {
  ResourceId: string;
  Metadata?: Record<string, MetadataValue>;
  Tags?: Tag[];
}

export interface CreateOpsMetadataResult {
  OpsMetadataArn?: string;
}

export interface CreatePatchBaselineRequest {
  OperatingSystem?: OperatingSystem;
  Name: string;
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  ApprovedPatchesComplianceLevel?: PatchComplianceLevel;
  ApprovedPatchesEnableNonSecurity?: boolean;
  RejectedPatches?: string[];
  RejectedPatchesAction?: PatchAction;
  Description?: string;
  Sources?: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
  ClientToken?: string;
  Tags?: Tag[];
}

export interface CreatePatchBaselineResult {
  BaselineId?: string;
}

export interface CreateResourceDataSyncRequest {
  SyncName: string;
  S3Destination?: ResourceDataSyncS3Destination;
  SyncType?: string;
  SyncSource?: ResourceDataSyncSource;
}

export type CreateResourceDataSyncResult = Empty;

export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  ExpirationTime: number;
}

export interface CustomSchemaCountLimitExceededException {
  Message?: string;
}

export interface DeleteActivationRequest {
  ActivationId: string;
}

export type DeleteActivationResult = Empty;

export interface DeleteAssociationRequest {
  Name?: string;
  InstanceId?: string;
  AssociationId?: string;
}

export type DeleteAssociationResult = Empty;

export interface DeleteDocumentRequest {
  Name: string;
  DocumentVersion?: string;
  VersionName?: string;
  Force?: boolean;
}

export type DeleteDocumentResult = Empty;

export interface DeleteInventoryRequest {
  TypeName: string;
  SchemaDeleteOption?: InventorySchemaDeleteOption;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface DeleteInventoryResult {
  DeletionId?: string;
  TypeName?: string;
  DeletionSummary?: InventoryDeletionSummary;
}

export interface DeleteMaintenanceWindowRequest {
  WindowId: string;
}

export interface DeleteMaintenanceWindowResult {
  WindowId?: string;
}

export interface DeleteOpsItemRequest {
  OpsItemId: string;
}

export type DeleteOpsItemResponse = Empty;

export interface DeleteOpsMetadataRequest {
  OpsMetadataArn: string;
}

export type DeleteOpsMetadataResult = Empty;

export interface DeleteParameterRequest {
  Name: string;
}

export type DeleteParameterResult = Empty;

export interface DeleteParametersRequest {
  Names: string[];
}

export interface DeleteParametersResult {
  DeletedParameters?: string[];
  InvalidParameters?: string[];
}

export interface DeletePatchBaselineRequest {
  BaselineId: string;
}

export interface DeletePatchBaselineResult {
  BaselineId?: string;
}

export interface DeleteResourceDataSyncRequest {
  SyncName: string;
  SyncType?: string;
}

export type DeleteResourceDataSyncResult = Empty;

export interface DeleteResourcePolicyRequest {
  ResourceArn: string;
  PolicyId: string;
  PolicyHash: string;
}

export type DeleteResourcePolicyResponse = Empty;

export interface DeregisterManagedInstanceRequest {
  InstanceId: string;
}

export type DeregisterManagedInstanceResult = Empty;

export interface DeregisterPatchBaselineForPatchGroupRequest {
  BaselineId: string;
  PatchGroup: string;
}

export interface DeregisterPatchBaselineForPatchGroupResult {
  BaselineId?: string;
  PatchGroup?: string;
}

export interface DeregisterTargetFromMaintenanceWindowRequest {
  WindowId: string;
  WindowTargetId: string;
  Safe?: boolean;
}

export interface DeregisterTargetFromMaintenanceWindowResult {
  WindowId?: string;
  WindowTargetId?: string;
}

export interface DeregisterTaskFromMaintenanceWindowRequest {
  WindowId: string;
  WindowTaskId: string;
}

export interface DeregisterTaskFromMaintenanceWindowResult {
  WindowId?: string;
  WindowTaskId?: string;
}

export interface DescribeActivationsFilter {
  FilterKey?: DescribeActivationsFilterKeys;
  FilterValues?: string[];
}

export type DescribeActivationsFilterKeys = 'ActivationIds' | 'DefaultInstanceName' | 'IamRole';

export interface DescribeActivationsRequest {
  Filters?: DescribeActivationsFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeActivationsResult {
  ActivationList?: Activation[];
  NextToken?: string;
}

export interface DescribeAssociationExecutionTargetsRequest {
  AssociationId: string;
  ExecutionId: string;
  Filters?: AssociationExecutionTargetsFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeAssociationExecutionTargetsResult {
  AssociationExecutionTargets?: AssociationExecutionTarget[];
  NextToken?: string;
}

export interface DescribeAssociationExecutionsRequest {
  AssociationId: string;
  Filters?: AssociationExecutionFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeAssociationExecutionsResult {
  AssociationExecutions?: AssociationExecution[];
  NextToken?: string;
}

export interface DescribeAssociationRequest {
  Name?: string;
  InstanceId?: string;
  AssociationId?: string;
  AssociationVersion?: string;
}

export interface DescribeAssociationResult {
  AssociationDescription?: AssociationDescription;
}

export interface DescribeAutomationExecutionsRequest {
  Filters?: AutomationExecutionFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeAutomationExecutionsResult {
  AutomationExecutionMetadataList?: AutomationExecutionMetadata[];
  NextToken?: string;
}

export interface DescribeAutomationStepExecutionsRequest {
  AutomationExecutionId: string;
  Filters?: StepExecutionFilter[];
  NextToken?: string;
  MaxResults?: number;
  ReverseOrder?: boolean;
}

export interface DescribeAutomationStepExecutionsResult {
  StepExecutions?: StepExecution[];
  NextToken?: string;
}

export interface DescribeAvailablePatchesRequest {
  Filters?: PatchOrchestratorFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeAvailablePatchesResult {
  Patches?: Patch[];
  NextToken?: string;
}

export interface DescribeDocumentPermissionRequest {
  Name: string;
  PermissionType: DocumentPermissionType;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeDocumentPermissionResponse {
  AccountIds?: string[];
  AccountSharingInfoList?: AccountSharingInfo[];
  NextToken?: string;
}

export interface DescribeDocumentRequest {
  Name: string;
  DocumentVersion?: string;
  VersionName?: string;
}

export interface DescribeDocumentResult {
  Document?: DocumentDescription;
}

export interface DescribeEffectiveInstanceAssociationsRequest {
  InstanceId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeEffectiveInstanceAssociationsResult {
  Associations?: InstanceAssociation[];
  NextToken?: string;
}

export interface DescribeEffectivePatchesForPatchBaselineRequest {
  BaselineId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeEffectivePatchesForPatchBaselineResult {
  EffectivePatches?: EffectivePatch[];
  NextToken?: string;
}

export interface DescribeInstanceAssociationsStatusRequest {
  InstanceId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstanceAssociationsStatusResult {
  InstanceAssociationStatusInfos?: InstanceAssociationStatusInfo[];
  NextToken?: string;
}

export interface DescribeInstanceInformationRequest {
  InstanceInformationFilterList?: InstanceInformationFilter[];
  Filters?: InstanceInformationStringFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstanceInformationResult {
  InstanceInformationList?: InstanceInformation[];
  NextToken?: string;
}

export interface DescribeInstancePatchStatesForPatchGroupRequest {
  PatchGroup: string;
  Filters?: InstancePatchStateFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInstancePatchStatesForPatchGroupResult {
  InstancePatchStates?: InstancePatchState[];
  NextToken?: string;
}

export interface DescribeInstancePatchStatesRequest {
  InstanceIds: string[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInstancePatchStatesResult {
  InstancePatchStates?: InstancePatchState[];
  NextToken?: string;
}

export interface DescribeInstancePatchesRequest {
  InstanceId: string;
  Filters?: PatchOrchestratorFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInstancePatchesResult {
  Patches?: PatchComplianceData[];
  NextToken?: string;
}

export interface DescribeInstancePropertiesRequest {
  InstancePropertyFilterList?: InstancePropertyFilter[];
  FiltersWithOperator?: InstancePropertyStringFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstancePropertiesResult {
  InstanceProperties?: InstanceProperty[];
  NextToken?: string;
}

export interface DescribeInventoryDeletionsRequest {
  DeletionId?: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInventoryDeletionsResult {
  InventoryDeletions?: InventoryDeletionStatusItem[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionTaskInvocationsRequest {
  WindowExecutionId: string;
  TaskId: string;
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionTaskInvocationsResult {
  WindowExecutionTaskInvocationIdentities?: MaintenanceWindowExecutionTaskInvocationIdentity[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionTasksRequest {
  WindowExecutionId: string;
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionTasksResult {
  WindowExecutionTaskIdentities?: MaintenanceWindowExecutionTaskIdentity[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionsRequest {
  WindowId: string;
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowExecutionsResult {
  WindowExecutions?: MaintenanceWindowExecution[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowScheduleRequest {
  WindowId?: string;
  Targets?: Target[];
  ResourceType?: MaintenanceWindowResourceType;
  Filters?: PatchOrchestratorFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowScheduleResult {
  ScheduledWindowExecutions?: ScheduledWindowExecution[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowTargetsRequest {
  WindowId: string;
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowTargetsResult {
  Targets?: MaintenanceWindowTarget[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowTasksRequest {
  WindowId: string;
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowTasksResult {
  Tasks?: MaintenanceWindowTask[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowsForTargetRequest {
  Targets: Target[];
  ResourceType: MaintenanceWindowResourceType;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowsForTargetResult {
  WindowIdentities?: MaintenanceWindowIdentityForTarget[];
  NextToken?: string;
}

export interface DescribeMaintenanceWindowsRequest {
  Filters?: MaintenanceWindowFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMaintenanceWindowsResult {
  WindowIdentities?: MaintenanceWindowIdentity[];
  NextToken?: string;
}

export interface DescribeOpsItemsRequest {
  OpsItemFilters?: OpsItemFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeOpsItemsResponse {
  NextToken?: string;
  OpsItemSummaries?: OpsItemSummary[];
}

export interface DescribeParametersRequest {
  Filters?: ParametersFilter[];
  ParameterFilters?: ParameterStringFilter[];
  MaxResults?: number;
  NextToken?: string;
  Shared?: boolean;
}

export interface DescribeParametersResult {
  Parameters?: ParameterMetadata[];
  NextToken?: string;
}

export interface DescribePatchBaselinesRequest {
  Filters?: PatchOrchestratorFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribePatchBaselinesResult {
  BaselineIdentities?: PatchBaselineIdentity[];
  NextToken?: string;
}

export interface DescribePatchGroupStateRequest {
  PatchGroup: string;
}

export interface DescribePatchGroupStateResult {
  Instances?: number;
  InstancesWithInstalledPatches?: number;
  InstancesWithInstalledOtherPatches?: number;
  InstancesWithInstalledPendingRebootPatches?: number;
  InstancesWithInstalledRejectedPatches?: number;
  InstancesWithMissingPatches?: number;
  InstancesWithFailedPatches?: number;
  InstancesWithNotApplicablePatches?: number;
  InstancesWithUnreportedNotApplicablePatches?: number;
  InstancesWithCriticalNonCompliantPatches?: number;
  InstancesWithSecurityNonCompliantPatches?: number;
  InstancesWithOtherNonCompliantPatches?: number;
  InstancesWithAvailableSecurityUpdates?: number;
}

export interface DescribePatchGroupsRequest {
  MaxResults?: number;
  Filters?: PatchOrchestratorFilter[];
  NextToken?: string;
}

export interface DescribePatchGroupsResult {
  Mappings?: PatchGroupPatchBaselineMapping[];
  NextToken?: string;
}

export interface DescribePatchPropertiesRequest {
  OperatingSystem: OperatingSystem;
  Property: PatchProperty;
  PatchSet?: PatchSet;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribePatchPropertiesResult {
  Properties?: (Record<string, string>)[];
  NextToken?: string;
}

export interface DescribeSessionsRequest {
  State: SessionState;
  MaxResults?: number;
  NextToken?: string;
  Filters?: SessionFilter[];
}

export interface DescribeSessionsResponse {
  Sessions?: Session[];
  NextToken?: string;
}

export interface DisassociateOpsItemRelatedItemRequest {
  OpsItemId: string;
  AssociationId: string;
}

export type DisassociateOpsItemRelatedItemResponse = Empty;

export interface DocumentAlreadyExists {
  Message?: string;
}

export interface DocumentDefaultVersionDescription {
  Name?: string;
  DefaultVersion?: string;
  DefaultVersionName?: string;
}

export interface DocumentDescription {
  Sha1?: string;
  Hash?: string;
  HashType?: DocumentHashType;
  Name?: string;
  DisplayName?: string;
  VersionName?: string;
  Owner?: string;
  CreatedDate?: number;
  Status?: DocumentStatus;
  StatusInformation?: string;
  DocumentVersion?: string;
  Description?: string;
  Parameters?: DocumentParameter[];
  PlatformTypes?: PlatformType[];
  DocumentType?: DocumentType;
  SchemaVersion?: string;
  LatestVersion?: string;
  DefaultVersion?: string;
  DocumentFormat?: DocumentFormat;
  TargetType?: string;
  Tags?: Tag[];
  AttachmentsInformation?: AttachmentInformation[];
  Requires?: DocumentRequires[];
  Author?: string;
  ReviewInformation?: ReviewInformation[];
  ApprovedVersion?: string;
  PendingReviewVersion?: string;
  ReviewStatus?: ReviewStatus;
  Category?: string[];
  CategoryEnum?: string[];
}

export interface DocumentFilter {
  key: DocumentFilterKey;
  value: string;
}

export type DocumentFilterKey = 'Name' | 'Owner' | 'PlatformTypes' | 'DocumentType';

export type DocumentFormat = 'YAML' | 'JSON' | 'TEXT';

export type DocumentHashType = 'Sha256' | 'Sha1';

export interface DocumentIdentifier {
  Name?: string;
  CreatedDate?: number;
  DisplayName?: string;
  Owner?: string;
  VersionName?: string;
  PlatformTypes?: PlatformType[];
  DocumentVersion?: string;
  DocumentType?: DocumentType;
  SchemaVersion?: string;
  DocumentFormat?: DocumentFormat;
  TargetType?: string;
  Tags?: Tag[];
  Requires?: DocumentRequires[];
  ReviewStatus?: ReviewStatus;
  Author?: string;
}

export interface DocumentKeyValuesFilter {
  Key?: string;
  Values?: string[];
}

export interface DocumentLimitExceeded {
  Message?: string;
}

export type DocumentMetadataEnum = 'DocumentReviews';

export interface DocumentMetadataResponseInfo {
  ReviewerResponse?: DocumentReviewerResponseSource[];
}

export interface DocumentParameter {
  Name?: string;
  Type?: DocumentParameterType;
  Description?: string;
  DefaultValue?: string;
}

export type DocumentParameterType = 'String' | 'StringList';

export interface DocumentPermissionLimit {
  Message?: string;
}

export type DocumentPermissionType = 'Share';

export interface DocumentRequires {
  Name: string;
  Version?: string;
  RequireType?: string;
  VersionName?: string;
}

export type DocumentReviewAction = 'SendForReview' | 'UpdateReview' | 'Approve' | 'Reject';

export interface DocumentReviewCommentSource {
  Type?: DocumentReviewCommentType;
  Content?: string;
}

export type DocumentReviewCommentType = 'Comment';

export interface DocumentReviewerResponseSource {
  CreateTime?: number;
  UpdatedTime?: number;
  ReviewStatus?: ReviewStatus;
  Comment?: DocumentReviewCommentSource[];
  Reviewer?: string;
}

export interface DocumentReviews {
  Action: DocumentReviewAction;
  Comment?: DocumentReviewCommentSource[];
}

export type DocumentStatus = 'Creating' | 'Active' | 'Updating' | 'Deleting' | 'Failed';

export type DocumentType = 'Command' | 'Policy' | 'Automation' | 'Session' | 'Package' | 'ApplicationConfiguration' | 'ApplicationConfigurationSchema' | 'DeploymentStrategy' | 'ChangeCalendar' | 'Automation.ChangeTemplate' | 'ProblemAnalysis' | 'ProblemAnalysisTemplate' | 'CloudFormation' | 'ConformancePackTemplate' | 'QuickSetup' | 'ManualApprovalPolicy' | 'AutoApprovalPolicy';

export interface DocumentVersionInfo {
  Name?: string;
  DisplayName?: string;
  DocumentVersion?: string;
  VersionName?: string;
  CreatedDate?: number;
  IsDefaultVersion?: boolean;
  DocumentFormat?: DocumentFormat;
  Status?: DocumentStatus;
  StatusInformation?: string;
  ReviewStatus?: ReviewStatus;
}

export interface DocumentVersionLimitExceeded {
  Message?: string;
}

export interface DoesNotExistException {
  Message?: string;
}

export interface DuplicateDocumentContent {
  Message?: string;
}

export interface DuplicateDocumentVersionName {
  Message?: string;
}

export type DuplicateInstanceId = Empty;

export interface EffectivePatch {
  Patch?: Patch;
  PatchStatus?: PatchStatus;
}

export interface ExecutionInputs {
  Automation?: AutomationExecutionInputs;
}

export type ExecutionMode = 'Auto' | 'Interactive';

export interface ExecutionPreview {
  Automation?: AutomationExecutionPreview;
}

export type ExecutionPreviewStatus = 'Pending' | 'InProgress' | 'Success' | 'Failed';

export type ExternalAlarmState = 'UNKNOWN' | 'ALARM';

export interface FailedCreateAssociation {
  Entry?: CreateAssociationBatchRequestEntry;
  Message?: string;
  Fault?: Fault;
}

export interface FailureDetails {
  FailureStage?: string;
  FailureType?: string;
  Details?: Record<string, string[]>;
}

export type Fault = 'Client' | 'Server' | 'Unknown';

export interface FeatureNotAvailableException {
  Message?: string;
}

export interface GetAccessTokenRequest {
  AccessRequestId: string;
}

export interface GetAccessTokenResponse {
  Credentials?: Credentials;
  AccessRequestStatus?: AccessRequestStatus;
}

export interface GetAutomationExecutionRequest {
  AutomationExecutionId: string;
}

export interface GetAutomationExecutionResult {
  AutomationExecution?: AutomationExecution;
}

export interface GetCalendarStateRequest {
  CalendarNames: string[];
  AtTime?: string;
}

export interface GetCalendarStateResponse {
  State?: CalendarState;
  AtTime?: string;
  NextTransitionTime?: string;
}

export interface GetCommandInvocationRequest {
  CommandId: string;
  InstanceId: string;
  PluginName?: string;
}

export interface GetCommandInvocationResult {
  CommandId?: string;
  InstanceId?: string;
  Comment?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  PluginName?: string;
  ResponseCode?: number;
  ExecutionStartDateTime?: string;
  ExecutionElapsedTime?: string;
  ExecutionEndDateTime?: string;
  Status?: CommandInvocationStatus;
  StatusDetails?: string;
  StandardOutputContent?: string;
  StandardOutputUrl?: string;
  StandardErrorContent?: string;
  StandardErrorUrl?: string;
  CloudWatchOutputConfig?: CloudWatchOutputConfig;
}

export interface GetConnectionStatusRequest {
  Target: string;
}

export interface GetConnectionStatusResponse {
  Target?: string;
  Status?: ConnectionStatus;
}

export interface GetDefaultPatchBaselineRequest {
  OperatingSystem?: OperatingSystem;
}

export interface GetDefaultPatchBaselineResult {
  BaselineId?: string;
  OperatingSystem?: OperatingSystem;
}

export interface GetDeployablePatchSnapshotForInstanceRequest {
  InstanceId: string;
  SnapshotId: string;
  BaselineOverride?: BaselineOverride;
  UseS3DualStackEndpoint?: boolean;
}

export interface GetDeployablePatchSnapshotForInstanceResult {
  InstanceId?: string;
  SnapshotId?: string;
  SnapshotDownloadUrl?: string;
  Product?: string;
}

export interface GetDocumentRequest {
  Name: string;
  VersionName?: string;
  DocumentVersion?: string;
  DocumentFormat?: DocumentFormat;
}

export interface GetDocumentResult {
  Name?: string;
  CreatedDate?: number;
  DisplayName?: string;
  VersionName?: string;
  DocumentVersion?: string;
  Status?: DocumentStatus;
  StatusInformation?: string;
  Content?: string;
  DocumentType?: DocumentType;
  DocumentFormat?: DocumentFormat;
  Requires?: DocumentRequires[];
  AttachmentsContent?: AttachmentContent[];
  ReviewStatus?: ReviewStatus;
}

export interface GetExecutionPreviewRequest {
  ExecutionPreviewId: string;
}

export interface GetExecutionPreviewResponse {
  ExecutionPreviewId?: string;
  EndedAt?: number;
  Status?: ExecutionPreviewStatus;
  StatusMessage?: string;
  ExecutionPreview?: ExecutionPreview;
}

export interface GetInventoryRequest {
  Filters?: InventoryFilter[];
  Aggregators?: InventoryAggregator[];
  ResultAttributes?: ResultAttribute[];
  NextToken?: string;
  MaxResults?: number;
}

export interface GetInventoryResult {
  Entities?: InventoryResultEntity[];
  NextToken?: string;
}

export interface GetInventorySchemaRequest {
  TypeName?: string;
  NextToken?: string;
  MaxResults?: number;
  Aggregator?: boolean;
  SubType?: boolean;
}

export interface GetInventorySchemaResult {
  Schemas?: InventoryItemSchema[];
  NextToken?: string;
}

export interface GetMaintenanceWindowExecutionRequest {
  WindowExecutionId: string;
}

export interface GetMaintenanceWindowExecutionResult {
  WindowExecutionId?: string;
  TaskIds?: string[];
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
}

export interface GetMaintenanceWindowExecutionTaskInvocationRequest {
  WindowExecutionId: string;
  TaskId: string;
  InvocationId: string;
}

export interface GetMaintenanceWindowExecutionTaskInvocationResult {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  InvocationId?: string;
  ExecutionId?: string;
  TaskType?: MaintenanceWindowTaskType;
  Parameters?: string;
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
  OwnerInformation?: string;
  WindowTargetId?: string;
}

export interface GetMaintenanceWindowExecutionTaskRequest {
  WindowExecutionId: string;
  TaskId: string;
}

export interface GetMaintenanceWindowExecutionTaskResult {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  TaskArn?: string;
  ServiceRole?: string;
  Type?: MaintenanceWindowTaskType;
  TaskParameters?: (Record<string, MaintenanceWindowTaskParameterValueExpression>)[];
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
}

export interface GetMaintenanceWindowRequest {
  WindowId: string;
}

export interface GetMaintenanceWindowResult {
  WindowId?: string;
  Name?: string;
  Description?: string;
  StartDate?: string;
  EndDate?: string;
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  NextExecutionTime?: string;
  Duration?: number;
  Cutoff?: number;
  AllowUnassociatedTargets?: boolean;
  Enabled?: boolean;
  CreatedDate?: number;
  ModifiedDate?: number;
}

export interface GetMaintenanceWindowTaskRequest {
  WindowId: string;
  WindowTaskId: string;
}

export interface GetMaintenanceWindowTaskResult {
  WindowId?: string;
  WindowTaskId?: string;
  Targets?: Target[];
  TaskArn?: string;
  ServiceRoleArn?: string;
  TaskType?: MaintenanceWindowTaskType;
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  TaskInvocationParameters?: MaintenanceWindowTaskInvocationParameters;
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  LoggingInfo?: LoggingInfo;
  Name?: string;
  Description?: string;
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

export interface GetOpsItemRequest {
  OpsItemId: string;
  OpsItemArn?: string;
}

export interface GetOpsItemResponse {
  OpsItem?: OpsItem;
}

export interface GetOpsMetadataRequest {
  OpsMetadataArn: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetOpsMetadataResult {
  ResourceId?: string;
  Metadata?: Record<string, MetadataValue>;
  NextToken?: string;
}

export interface GetOpsSummaryRequest {
  SyncName?: string;
  Filters?: OpsFilter[];
  Aggregators?: OpsAggregator[];
  ResultAttributes?: OpsResultAttribute[];
  NextToken?: string;
  MaxResults?: number;
}

export interface GetOpsSummaryResult {
  Entities?: OpsEntity[];
  NextToken?: string;
}

export interface GetParameterHistoryRequest {
  Name: string;
  WithDecryption?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetParameterHistoryResult {
  Parameters?: ParameterHistory[];
  NextToken?: string;
}

export interface GetParameterRequest {
  Name: string;
  WithDecryption?: boolean;
}

export interface GetParameterResult {
  Parameter?: Parameter;
}

export interface GetParametersByPathRequest {
  Path: string;
  Recursive?: boolean;
  ParameterFilters?: ParameterStringFilter[];
  WithDecryption?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetParametersByPathResult {
  Parameters?: Parameter[];
  NextToken?: string;
}

export interface GetParametersRequest {
  Names: string[];
  WithDecryption?: boolean;
}

export interface GetParametersResult {
  Parameters?: Parameter[];
  InvalidParameters?: string[];
}

export interface GetPatchBaselineForPatchGroupRequest {
  PatchGroup: string;
  OperatingSystem?: OperatingSystem;
}

export interface GetPatchBaselineForPatchGroupResult {
  BaselineId?: string;
  PatchGroup?: string;
  OperatingSystem?: OperatingSystem;
}

export interface GetPatchBaselineRequest {
  BaselineId: string;
}

export interface GetPatchBaselineResult {
  BaselineId?: string;
  Name?: string;
  OperatingSystem?: OperatingSystem;
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  ApprovedPatchesComplianceLevel?: PatchComplianceLevel;
  ApprovedPatchesEnableNonSecurity?: boolean;
  RejectedPatches?: string[];
  RejectedPatchesAction?: PatchAction;
  PatchGroups?: string[];
  CreatedDate?: number;
  ModifiedDate?: number;
  Description?: string;
  Sources?: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
}

export interface GetResourcePoliciesRequest {
  ResourceArn: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface GetResourcePoliciesResponse {
  NextToken?: string;
  Policies?: GetResourcePoliciesResponseEntry[];
}

export interface GetResourcePoliciesResponseEntry {
  PolicyId?: string;
  PolicyHash?: string;
  Policy?: string;
}

export interface GetServiceSettingRequest {
  SettingId: string;
}

export interface GetServiceSettingResult {
  ServiceSetting?: ServiceSetting;
}

export interface HierarchyLevelLimitExceededException {
  message?: string;
}

export interface HierarchyTypeMismatchException {
  message?: string;
}

export interface IdempotentParameterMismatch {
  Message?: string;
}

export type ImpactType = 'Mutating' | 'NonMutating' | 'Undetermined';

export interface IncompatiblePolicyException {
  message?: string;
}

export interface InstanceAggregatedAssociationOverview {
  DetailedStatus?: string;
  InstanceAssociationStatusAggregatedCount?: Record<string, number>;
}

export interface InstanceAssociation {
  AssociationId?: string;
  InstanceId?: string;
  Content?: string;
  AssociationVersion?: string;
}

export interface InstanceAssociationOutputLocation {
  S3Location?: S3OutputLocation;
}

export interface InstanceAssociationOutputUrl {
  S3OutputUrl?: S3OutputUrl;
}

export interface InstanceAssociationStatusInfo {
  AssociationId?: string;
  Name?: string;
  DocumentVersion?: string;
  AssociationVersion?: string;
  InstanceId?: string;
  ExecutionDate?: number;
  Status?: string;
  DetailedStatus?: string;
  ExecutionSummary?: string;
  ErrorCode?: string;
  OutputUrl?: InstanceAssociationOutputUrl;
  AssociationName?: string;
}

export interface InstanceInfo {
  AgentType?: string;
  AgentVersion?: string;
  ComputerName?: string;
  InstanceStatus?: string;
  IpAddress?: string;
  ManagedStatus?: ManagedStatus;
  PlatformType?: PlatformType;
  PlatformName?: string;
  PlatformVersion?: string;
  ResourceType?: ResourceType;
}

export interface InstanceInformation {
  InstanceId?: string;
  PingStatus?: PingStatus;
  LastPingDateTime?: number;
  AgentVersion?: string;
  IsLatestVersion?: boolean;
  PlatformType?: PlatformType;
  PlatformName?: string;
  PlatformVersion?: string;
  ActivationId?: string;
  IamRole?: string;
  RegistrationDate?: number;
  ResourceType?: ResourceType;
  Name?: string;
  IPAddress?: string;
  ComputerName?: string;
  AssociationStatus?: string;
  LastAssociationExecutionDate?: number;
  LastSuccessfulAssociationExecutionDate?: number;
  AssociationOverview?: InstanceAggregatedAssociationOverview;
  SourceId?: string;
  SourceType?: SourceType;
}

export interface InstanceInformationFilter {
  key: InstanceInformationFilterKey;
  valueSet: string[];
}

export type InstanceInformationFilterKey = 'InstanceIds' | 'AgentVersion' | 'PingStatus' | 'PlatformTypes' | 'ActivationIds' | 'IamRole' | 'ResourceType' | 'AssociationStatus';

export interface InstanceInformationStringFilter {
  Key: string;
  Values: string[];
}

export interface InstancePatchState {
  InstanceId: string;
  PatchGroup: string;
  BaselineId: string;
  SnapshotId?: string;
  InstallOverrideList?: string;
  OwnerInformation?: string;
  InstalledCount?: number;
  InstalledOtherCount?: number;
  InstalledPendingRebootCount?: number;
  InstalledRejectedCount?: number;
  MissingCount?: number;
  FailedCount?: number;
  UnreportedNotApplicableCount?: number;
  NotApplicableCount?: number;
  AvailableSecurityUpdateCount?: number;
  OperationStartTime: number;
  OperationEndTime: number;
  Operation: PatchOperationType;
  LastNoRebootInstallOperationTime?: number;
  RebootOption?: RebootOption;
  CriticalNonCompliantCount?: number;
  SecurityNonCompliantCount?: number;
  OtherNonCompliantCount?: number;
}

export interface InstancePatchStateFilter {
  Key: string;
  Values: string[];
  Type: InstancePatchStateOperatorType;
}

export type InstancePatchStateOperatorType = 'Equal' | 'NotEqual' | 'LessThan' | 'GreaterThan';

export interface InstanceProperty {
  Name?: string;
  InstanceId?: string;
  InstanceType?: string;
  InstanceRole?: string;
  KeyName?: string;
  InstanceState?: string;
  Architecture?: string;
  IPAddress?: string;
  LaunchTime?: number;
  PingStatus?: PingStatus;
  LastPingDateTime?: number;
  AgentVersion?: string;
  PlatformType?: PlatformType;
  PlatformName?: string;
  PlatformVersion?: string;
  ActivationId?: string;
  IamRole?: string;
  RegistrationDate?: number;
  ResourceType?: string;
  ComputerName?: string;
  AssociationStatus?: string;
  LastAssociationExecutionDate?: number;
  LastSuccessfulAssociationExecutionDate?: number;
  AssociationOverview?: InstanceAggregatedAssociationOverview;
  SourceId?: string;
  SourceType?: SourceType;
}

export interface InstancePropertyFilter {
  key: InstancePropertyFilterKey;
  valueSet: string[];
}

export type InstancePropertyFilterKey = 'InstanceIds' | 'AgentVersion' | 'PingStatus' | 'PlatformTypes' | 'DocumentName' | 'ActivationIds' | 'IamRole' | 'ResourceType' | 'AssociationStatus';

export type InstancePropertyFilterOperator = 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan';

export interface InstancePropertyStringFilter {
  Key: string;
  Values: string[];
  Operator?: InstancePropertyFilterOperator;
}

export interface InternalServerError {
  Message?: string;
}

export interface InvalidActivation {
  Message?: string;
}

export interface InvalidActivationId {
  Message?: string;
}

export interface InvalidAggregatorException {
  Message?: string;
}

export interface InvalidAllowedPatternException {
  message?: string;
}

export interface InvalidAssociation {
  Message?: string;
}

export interface InvalidAssociationVersion {
  Message?: string;
}

export interface InvalidAutomationExecutionParametersException {
  Message?: string;
}

export interface InvalidAutomationSignalException {
  Message?: string;
}

export interface InvalidAutomationStatusUpdateException {
  Message?: string;
}

export type InvalidCommandId = Empty;

export interface InvalidDeleteInventoryParametersException {
  Message?: string;
}

export interface InvalidDeletionIdException {
  Message?: string;
}

export interface InvalidDocument {
  Message?: string;
}

export interface InvalidDocumentContent {
  Message?: string;
}

export interface InvalidDocumentOperation {
  Message?: string;
}

export interface InvalidDocumentSchemaVersion {
  Message?: string;
}

export interface InvalidDocumentType {
  Message?: string;
}

export interface InvalidDocumentVersion {
  Message?: string;
}

export interface InvalidFilter {
  Message?: string;
}

export type InvalidFilterKey = Empty;

export interface InvalidFilterOption {
  message?: string;
}

export interface InvalidFilterValue {
  Message?: string;
}

export interface InvalidInstanceId {
  Message?: string;
}

export interface InvalidInstanceInformationFilterValue {
  message?: string;
}

export interface InvalidInstancePropertyFilterValue {
  message?: string;
}

export interface InvalidInventoryGroupException {
  Message?: string;
}

export interface InvalidInventoryItemContextException {
  Message?: string;
}

export interface InvalidInventoryRequestException {
  Message?: string;
}

export interface InvalidItemContentException {
  TypeName?: string;
  Message?: string;
}

export interface InvalidKeyId {
  message?: string;
}

export interface InvalidNextToken {
  Message?: string;
}

export interface InvalidNotificationConfig {
  Message?: string;
}

export interface InvalidOptionException {
  Message?: string;
}

export type InvalidOutputFolder = Empty;

export type InvalidOutputLocation = Empty;

export interface InvalidParameters {
  Message?: string;
}

export interface InvalidPermissionType {
  Message?: string;
}

export type InvalidPluginName = Empty;

export interface InvalidPolicyAttributeException {
  message?: string;
}

export interface InvalidPolicyTypeException {
  message?: string;
}

export type InvalidResourceId = Empty;

export type InvalidResourceType = Empty;

export interface InvalidResultAttributeException {
  Message?: string;
}

export interface InvalidRole {
  Message?: string;
}

export interface InvalidSchedule {
  Message?: string;
}

export interface InvalidTag {
  Message?: string;
}

export interface InvalidTarget {
  Message?: string;
}

export interface InvalidTargetMaps {
  Message?: string;
}

export interface InvalidTypeNameException {
  Message?: string;
}

export interface InvalidUpdate {
  Message?: string;
}

export interface InventoryAggregator {
  Expression?: string;
  Aggregators?: InventoryAggregator[];
  Groups?: InventoryGroup[];
}

export type InventoryAttributeDataType = 'string' | 'number';

export type InventoryDeletionStatus = 'InProgress' | 'Complete';

export interface InventoryDeletionStatusItem {
  DeletionId?: string;
  TypeName?: string;
  DeletionStartTime?: number;
  LastStatus?: InventoryDeletionStatus;
  LastStatusMessage?: string;
  DeletionSummary?: InventoryDeletionSummary;
  LastStatusUpdateTime?: number;
}

export interface InventoryDeletionSummary {
  TotalCount?: number;
  RemainingCount?: number;
  SummaryItems?: InventoryDeletionSummaryItem[];
}

export interface InventoryDeletionSummaryItem {
  Version?: string;
  Count?: number;
  RemainingCount?: number;
}

export interface InventoryFilter {
  Key: string;
  Values: string[];
  Type?: InventoryQueryOperatorType;
}

export interface InventoryGroup {
  Name: string;
  Filters: InventoryFilter[];
}

export interface InventoryItem {
  TypeName: string;
  SchemaVersion: string;
  CaptureTime: string;
  ContentHash?: string;
  Content?: (Record<string, string>)[];
  Context?: Record<string, string>;
}

export interface InventoryItemAttribute {
  Name: string;
  DataType: InventoryAttributeDataType;
}

export interface InventoryItemSchema {
  TypeName: string;
  Version?: string;
  Attributes: InventoryItemAttribute[];
  DisplayName?: string;
}

export type InventoryQueryOperatorType = 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan' | 'Exists';

export interface InventoryResultEntity {
  Id?: string;
  Data?: Record<string, InventoryResultItem>;
}

export interface InventoryResultItem {
  TypeName: string;
  SchemaVersion: string;
  CaptureTime?: string;
  ContentHash?: string;
  Content: (Record<string, string>)[];
}

export type InventorySchemaDeleteOption = 'DisableSchema' | 'DeleteSchema';

export type InvocationDoesNotExist = Empty;

export interface ItemContentMismatchException {
  TypeName?: string;
  Message?: string;
}

export interface ItemSizeLimitExceededException {
  TypeName?: string;
  Message?: string;
}

export interface LabelParameterVersionRequest {
  Name: string;
  ParameterVersion?: number;
  Labels: string[];
}

export interface LabelParameterVersionResult {
  InvalidLabels?: string[];
  ParameterVersion?: number;
}

export type LastResourceDataSyncStatus = 'Successful' | 'Failed' | 'InProgress';

export interface ListAssociationVersionsRequest {
  AssociationId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface ListAssociationVersionsResult {
  AssociationVersions?: AssociationVersionInfo[];
  NextToken?: string;
}

export interface ListAssociationsRequest {
  AssociationFilterList?: AssociationFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface ListAssociationsResult {
  Associations?: Association[];
  NextToken?: string;
}

export interface ListCommandInvocationsRequest {
  CommandId?: string;
  InstanceId?: string;
  MaxResults?: number;
  NextToken?: string;
  Filters?: CommandFilter[];
  Details?: boolean;
}

export interface ListCommandInvocationsResult {
  CommandInvocations?: CommandInvocation[];
  NextToken?: string;
}

export interface ListCommandsRequest {
  CommandId?: string;
  InstanceId?: string;
  MaxResults?: number;
  NextToken?: string;
  Filters?: CommandFilter[];
}

export interface ListCommandsResult {
  Commands?: Command[];
  NextToken?: string;
}

export interface ListComplianceItemsRequest {
  Filters?: ComplianceStringFilter[];
  ResourceIds?: string[];
  ResourceTypes?: string[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListComplianceItemsResult {
  ComplianceItems?: ComplianceItem[];
  NextToken?: string;
}

export interface ListComplianceSummariesRequest {
  Filters?: ComplianceStringFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListComplianceSummariesResult {
  ComplianceSummaryItems?: ComplianceSummaryItem[];
  NextToken?: string;
}

export interface ListDocumentMetadataHistoryRequest {
  Name: string;
  DocumentVersion?: string;
  Metadata: DocumentMetadataEnum;
  NextToken?: string;
  MaxResults?: number;
}

export interface ListDocumentMetadataHistoryResponse {
  Name?: string;
  DocumentVersion?: string;
  Author?: string;
  Metadata?: DocumentMetadataResponseInfo;
  NextToken?: string;
}

export interface ListDocumentVersionsRequest {
  Name: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface ListDocumentVersionsResult {
  DocumentVersions?: DocumentVersionInfo[];
  NextToken?: string;
}

export interface ListDocumentsRequest {
  DocumentFilterList?: DocumentFilter[];
  Filters?: DocumentKeyValuesFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface ListDocumentsResult {
  DocumentIdentifiers?: DocumentIdentifier[];
  NextToken?: string;
}

export interface ListInventoryEntriesRequest {
  InstanceId: string;
  TypeName: string;
  Filters?: InventoryFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListInventoryEntriesResult {
  TypeName?: string;
  InstanceId?: string;
  SchemaVersion?: string;
  CaptureTime?: string;
  Entries?: (Record<string, string>)[];
  NextToken?: string;
}

export interface ListNodesRequest {
  SyncName?: string;
  Filters?: NodeFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListNodesResult {
  Nodes?: Node_[];
  NextToken?: string;
}

export interface ListNodesSummaryRequest {
  SyncName?: string;
  Filters?: NodeFilter[];
  Aggregators: NodeAggregator[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListNodesSummaryResult {
  Summary?: (Record<string, string>)[];
  NextToken?: string;
}

export interface ListOpsItemEventsRequest {
  Filters?: OpsItemEventFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface ListOpsItemEventsResponse {
  NextToken?: string;
  Summaries?: OpsItemEventSummary[];
}

export interface ListOpsItemRelatedItemsRequest {
  OpsItemId?: string;
  Filters?: OpsItemRelatedItemsFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface ListOpsItemRelatedItemsResponse {
  NextToken?: string;
  Summaries?: OpsItemRelatedItemSummary[];
}

export interface ListOpsMetadataRequest {
  Filters?: OpsMetadataFilter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface ListOpsMetadataResult {
  OpsMetadataList?: OpsMetadata[];
  NextToken?: string;
}

export interface ListResourceComplianceSummariesRequest {
  Filters?: ComplianceStringFilter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface ListResourceComplianceSummariesResult {
  ResourceComplianceSummaryItems?: ResourceComplianceSummaryItem[];
  NextToken?: string;
}

export interface ListResourceDataSyncRequest {
  SyncType?: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface ListResourceDataSyncResult {
  ResourceDataSyncItems?: ResourceDataSyncItem[];
  NextToken?: string;
}

export interface ListTagsForResourceRequest {
  ResourceType: ResourceTypeForTagging;
  ResourceId: string;
}

export interface ListTagsForResourceResult {
  TagList?: Tag[];
}

export interface LoggingInfo {
  S3BucketName: string;
  S3KeyPrefix?: string;
  S3Region: string;
}

export interface MaintenanceWindowAutomationParameters {
  DocumentVersion?: string;
  Parameters?: Record<string, string[]>;
}

export interface MaintenanceWindowExecution {
  WindowId?: string;
  WindowExecutionId?: string;
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
}

export type MaintenanceWindowExecutionStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED' | 'TIMED_OUT' | 'CANCELLING' | 'CANCELLED' | 'SKIPPED_OVERLAPPING';

export interface MaintenanceWindowExecutionTaskIdentity {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
  TaskArn?: string;
  TaskType?: MaintenanceWindowTaskType;
  AlarmConfiguration?: AlarmConfiguration;
  TriggeredAlarms?: AlarmStateInformation[];
}

export interface MaintenanceWindowExecutionTaskInvocationIdentity {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  InvocationId?: string;
  ExecutionId?: string;
  TaskType?: MaintenanceWindowTaskType;
  Parameters?: string;
  Status?: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime?: number;
  EndTime?: number;
  OwnerInformation?: string;
  WindowTargetId?: string;
}

export interface MaintenanceWindowFilter {
  Key?: string;
  Values?: string[];
}

export interface MaintenanceWindowIdentity {
  WindowId?: string;
  Name?: string;
  Description?: string;
  Enabled?: boolean;
  Duration?: number;
  Cutoff?: number;
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  EndDate?: string;
  StartDate?: string;
  NextExecutionTime?: string;
}

export interface MaintenanceWindowIdentityForTarget {
  WindowId?: string;
  Name?: string;
}

export interface MaintenanceWindowLambdaParameters {
  ClientContext?: string;
  Qualifier?: string;
  Payload?: string;
}

export type MaintenanceWindowResourceType = 'INSTANCE' | 'RESOURCE_GROUP';

export interface MaintenanceWindowRunCommandParameters {
  Comment?: string;
  CloudWatchOutputConfig?: CloudWatchOutputConfig;
  DocumentHash?: string;
  DocumentHashType?: DocumentHashType;
  DocumentVersion?: string;
  NotificationConfig?: NotificationConfig;
  OutputS3BucketName?: string;
  OutputS3KeyPrefix?: string;
  Parameters?: Record<string, string[]>;
  ServiceRoleArn?: string;
  TimeoutSeconds?: number;
}

export interface MaintenanceWindowStepFunctionsParameters {
  Input?: string;
  Name?: string;
}

export interface MaintenanceWindowTarget {
  WindowId?: string;
  WindowTargetId?: string;
  ResourceType?: MaintenanceWindowResourceType;
  Targets?: Target[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
}

export interface MaintenanceWindowTask {
  WindowId?: string;
  WindowTaskId?: string;
  TaskArn?: string;
  Type?: MaintenanceWindowTaskType;
  Targets?: Target[];
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  Priority?: number;
  LoggingInfo?: LoggingInfo;
  ServiceRoleArn?: string;
  MaxConcurrency?: string;
  MaxErrors?: string;
  Name?: string;
  Description?: string;
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

export type MaintenanceWindowTaskCutoffBehavior = 'CONTINUE_TASK' | 'CANCEL_TASK';

export interface MaintenanceWindowTaskInvocationParameters {
  RunCommand?: MaintenanceWindowRunCommandParameters;
  Automation?: MaintenanceWindowAutomationParameters;
  StepFunctions?: MaintenanceWindowStepFunctionsParameters;
  Lambda?: MaintenanceWindowLambdaParameters;
}

export interface MaintenanceWindowTaskParameterValueExpression {
  Values?: string[];
}

export type MaintenanceWindowTaskType = 'RUN_COMMAND' | 'AUTOMATION' | 'STEP_FUNCTIONS' | 'LAMBDA';

export interface MalformedResourcePolicyDocumentException {
  Message?: string;
}

export type ManagedStatus = 'All' | 'Managed' | 'Unmanaged';

export interface MaxDocumentSizeExceeded {
  Message?: string;
}

export interface MetadataValue {
  Value?: string;
}

export interface ModifyDocumentPermissionRequest {
  Name: string;
  PermissionType: DocumentPermissionType;
  AccountIdsToAdd?: string[];
  AccountIdsToRemove?: string[];
  SharedDocumentVersion?: string;
}

export type ModifyDocumentPermissionResponse = Empty;

export interface NoLongerSupportedException {
  Message?: string;
}

export interface Node_ {
  CaptureTime?: number;
  Id?: string;
  Owner?: NodeOwnerInfo;
  Region?: string;
  NodeType?: NodeType;
}

export interface NodeAggregator {
  AggregatorType: NodeAggregatorType;
  TypeName: NodeTypeName;
  AttributeName: NodeAttributeName;
  Aggregators?: NodeAggregator[];
}

export type NodeAggregatorType = 'Count';

export type NodeAttributeName = 'AgentVersion' | 'PlatformName' | 'PlatformType' | 'PlatformVersion' | 'Region' | 'ResourceType';

export interface NodeFilter {
  Key: NodeFilterKey;
  Values: string[];
  Type?: NodeFilterOperatorType;
}

export type NodeFilterKey = 'AgentType' | 'AgentVersion' | 'ComputerName' | 'InstanceId' | 'InstanceStatus' | 'IpAddress' | 'ManagedStatus' | 'PlatformName' | 'PlatformType' | 'PlatformVersion' | 'ResourceType' | 'OrganizationalUnitId' | 'OrganizationalUnitPath' | 'Region' | 'AccountId';

export type NodeFilterOperatorType = 'Equal' | 'NotEqual' | 'BeginWith';

export interface NodeOwnerInfo {
  AccountId?: string;
  OrganizationalUnitId?: string;
  OrganizationalUnitPath?: string;
}

export interface NodeType {
  Instance?: InstanceInfo;
}

export type NodeTypeName = 'Instance';

export interface NonCompliantSummary {
  NonCompliantCount?: number;
  SeveritySummary?: SeveritySummary;
}

export interface NotificationConfig {
  NotificationArn?: string;
  NotificationEvents?: NotificationEvent[];
  NotificationType?: NotificationType;
}

export type NotificationEvent = 'All' | 'InProgress' | 'Success' | 'TimedOut' | 'Cancelled' | 'Failed';

export type NotificationType = 'Command' | 'Invocation';

export type OperatingSystem = 'WINDOWS' | 'AMAZON_LINUX' | 'AMAZON_LINUX_2' | 'AMAZON_LINUX_2022' | 'UBUNTU' | 'REDHAT_ENTERPRISE_LINUX' | 'SUSE' | 'CENTOS' | 'ORACLE_LINUX' | 'DEBIAN' | 'MACOS' | 'RASPBIAN' | 'ROCKY_LINUX' | 'ALMA_LINUX' | 'AMAZON_LINUX_2023';

export interface OpsAggregator {
  AggregatorType?: string;
  TypeName?: string;
  AttributeName?: string;
  Values?: Record<string, string>;
  Filters?: OpsFilter[];
  Aggregators?: OpsAggregator[];
}

export interface OpsEntity {
  Id?: string;
  Data?: Record<string, OpsEntityItem>;
}

export interface OpsEntityItem {
  CaptureTime?: string;
  Content?: (Record<string, string>)[];
}

export interface OpsFilter {
  Key: string;
  Values: string[];
  Type?: OpsFilterOperatorType;
}

export type OpsFilterOperatorType = 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan' | 'Exists';

export interface OpsItem {
  CreatedBy?: string;
  OpsItemType?: string;
  CreatedTime?: number;
  Description?: string;
  LastModifiedBy?: string;
  LastModifiedTime?: number;
  Notifications?: OpsItemNotification[];
  Priority?: number;
  RelatedOpsItems?: RelatedOpsItem[];
  Status?: OpsItemStatus;
  OpsItemId?: string;
  Version?: string;
  Title?: string;
  Source?: string;
  OperationalData?: Record<string, OpsItemDataValue>;
  Category?: string;
  Severity?: string;
  ActualStartTime?: number;
  ActualEndTime?: number;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
  OpsItemArn?: string;
}

export interface OpsItemAccessDeniedException {
  Message?: string;
}

export interface OpsItemAlreadyExistsException {
  Message?: string;
  OpsItemId?: string;
}

export interface OpsItemConflictException {
  Message?: string;
}

export type OpsItemDataType = 'SearchableString' | 'String';

export interface OpsItemDataValue {
  Value?: string;
  Type?: OpsItemDataType;
}

export interface OpsItemEventFilter {
  Key: OpsItemEventFilterKey;
  Values: string[];
  Operator: OpsItemEventFilterOperator;
}

export type OpsItemEventFilterKey = 'OpsItemId';

export type OpsItemEventFilterOperator = 'Equal';

export interface OpsItemEventSummary {
  OpsItemId?: string;
  EventId?: string;
  Source?: string;
  DetailType?: string;
  Detail?: string;
  CreatedBy?: OpsItemIdentity;
  CreatedTime?: number;
}

export interface OpsItemFilter {
  Key: OpsItemFilterKey;
  Values: string[];
  Operator: OpsItemFilterOperator;
}

export type OpsItemFilterKey = 'Status' | 'CreatedBy' | 'Source' | 'Priority' | 'Title' | 'OpsItemId' | 'CreatedTime' | 'LastModifiedTime' | 'ActualStartTime' | 'ActualEndTime' | 'PlannedStartTime' | 'PlannedEndTime' | 'OperationalData' | 'OperationalDataKey' | 'OperationalDataValue' | 'ResourceId' | 'AutomationId' | 'Category' | 'Severity' | 'OpsItemType' | 'AccessRequestByRequesterArn' | 'AccessRequestByRequesterId' | 'AccessRequestByApproverArn' | 'AccessRequestByApproverId' | 'AccessRequestBySourceAccountId' | 'AccessRequestBySourceOpsItemId' | 'AccessRequestBySourceRegion' | 'AccessRequestByIsReplica' | 'AccessRequestByTargetResourceId' | 'ChangeRequestByRequesterArn' | 'ChangeRequestByRequesterName' | 'ChangeRequestByApproverArn' | 'ChangeRequestByApproverName' | 'ChangeRequestByTemplate' | 'ChangeRequestByTargetsResourceGroup' | 'InsightByType' | 'AccountId';

export type OpsItemFilterOperator = 'Equal' | 'Contains' | 'GreaterThan' | 'LessThan';

export interface OpsItemIdentity {
  Arn?: string;
}

export interface OpsItemInvalidParameterException {
  ParameterNames?: string[];
  Message?: string;
}

export interface OpsItemLimitExceededException {
  ResourceTypes?: string[];
  Limit?: number;
  LimitType?: string;
  Message?: string;
}

export interface OpsItemNotFoundException {
  Message?: string;
}

export interface OpsItemNotification {
  Arn?: string;
}

export interface OpsItemRelatedItemAlreadyExistsException {
  Message?: string;
  ResourceUri?: string;
  OpsItemId?: string;
}

export interface OpsItemRelatedItemAssociationNotFoundException {
  Message?: string;
}

export interface OpsItemRelatedItemSummary {
  OpsItemId?: string;
  AssociationId?: string;
  ResourceType?: string;
  AssociationType?: string;
  ResourceUri?: string;
  CreatedBy?: OpsItemIdentity;
  CreatedTime?: number;
  LastModifiedBy?: OpsItemIdentity;
  LastModifiedTime?: number;
}

export interface OpsItemRelatedItemsFilter {
  Key: OpsItemRelatedItemsFilterKey;
  Values: string[];
  Operator: OpsItemRelatedItemsFilterOperator;
}

export type OpsItemRelatedItemsFilterKey = 'ResourceType' | 'AssociationId' | 'ResourceUri';

export type OpsItemRelatedItemsFilterOperator = 'Equal';

export type OpsItemStatus = 'Open' | 'InProgress' | 'Resolved' | 'Pending' | 'TimedOut' | 'Cancelling' | 'Cancelled' | 'Failed' | 'CompletedWithSuccess' | 'CompletedWithFailure' | 'Scheduled' | 'RunbookInProgress' | 'PendingChangeCalendarOverride' | 'ChangeCalendarOverrideApproved' | 'ChangeCalendarOverrideRejected' | 'PendingApproval' | 'Approved' | 'Revoked' | 'Rejected' | 'Closed';

export interface OpsItemSummary {
  CreatedBy?: string;
  CreatedTime?: number;
  LastModifiedBy?: string;
  LastModifiedTime?: number;
  Priority?: number;
  Source?: string;
  Status?: OpsItemStatus;
  OpsItemId?: string;
  Title?: string;
  OperationalData?: Record<string, OpsItemDataValue>;
  Category?: string;
  Severity?: string;
  OpsItemType?: string;
  ActualStartTime?: number;
  ActualEndTime?: number;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
}

export interface OpsMetadata {
  ResourceId?: string;
  OpsMetadataArn?: string;
  LastModifiedDate?: number;
  LastModifiedUser?: string;
  CreationDate?: number;
}

export interface OpsMetadataAlreadyExistsException {
  message?: string;
}

export interface OpsMetadataFilter {
  Key: string;
  Values: string[];
}

export interface OpsMetadataInvalidArgumentException {
  message?: string;
}

export interface OpsMetadataKeyLimitExceededException {
  message?: string;
}

export interface OpsMetadataLimitExceededException {
  message?: string;
}

export interface OpsMetadataNotFoundException {
  message?: string;
}

export interface OpsMetadataTooManyUpdatesException {
  message?: string;
}

export interface OpsResultAttribute {
  TypeName: string;
}

export interface OutputSource {
  OutputSourceId?: string;
  OutputSourceType?: string;
}

export interface Parameter {
  Name?: string;
  Type?: ParameterType;
  Value?: string;
  Version?: number;
  Selector?: string;
  SourceResult?: string;
  LastModifiedDate?: number;
  ARN?: string;
  DataType?: string;
}

export interface ParameterAlreadyExists {
  message?: string;
}

export interface ParameterHistory {
  Name?: string;
  Type?: ParameterType;
  KeyId?: string;
  LastModifiedDate?: number;
  LastModifiedUser?: string;
  Description?: string;
  Value?: string;
  AllowedPattern?: string;
  Version?: number;
  Labels?: string[];
  Tier?: ParameterTier;
  Policies?: ParameterInlinePolicy[];
  DataType?: string;
}

export interface ParameterInlinePolicy {
  PolicyText?: string;
  PolicyType?: string;
  PolicyStatus?: string;
}

export interface ParameterLimitExceeded {
  message?: string;
}

export interface ParameterMaxVersionLimitExceeded {
  message?: string;
}

export interface ParameterMetadata {
  Name?: string;
  ARN?: string;
  Type?: ParameterType;
  KeyId?: string;
  LastModifiedDate?: number;
  LastModifiedUser?: string;
  Description?: string;
  AllowedPattern?: string;
  Version?: number;
  Tier?: ParameterTier;
  Policies?: ParameterInlinePolicy[];
  DataType?: string;
}

export interface ParameterNotFound {
  message?: string;
}

export interface ParameterPatternMismatchException {
  message?: string;
}

export interface ParameterStringFilter {
  Key: string;
  Option?: string;
  Values?: string[];
}

export type ParameterTier = 'Standard' | 'Advanced' | 'Intelligent-Tiering';

export type ParameterType = 'String' | 'StringList' | 'SecureString';

export interface ParameterVersionLabelLimitExceeded {
  message?: string;
}

export interface ParameterVersionNotFound {
  message?: string;
}

export interface ParametersFilter {
  Key: ParametersFilterKey;
  Values: string[];
}

export type ParametersFilterKey = 'Name' | 'Type' | 'KeyId';

export interface ParentStepDetails {
  StepExecutionId?: string;
  StepName?: string;
  Action?: string;
  Iteration?: number;
  IteratorValue?: string;
}

export interface Patch {
  Id?: string;
  ReleaseDate?: number;
  Title?: string;
  Description?: string;
  ContentUrl?: string;
  Vendor?: string;
  ProductFamily?: string;
  Product?: string;
  Classification?: string;
  MsrcSeverity?: string;
  KbNumber?: string;
  MsrcNumber?: string;
  Language?: string;
  AdvisoryIds?: string[];
  BugzillaIds?: string[];
  CVEIds?: string[];
  Name?: string;
  Epoch?: number;
  Version?: string;
  Release?: string;
  Arch?: string;
  Severity?: string;
  Repository?: string;
}

export type PatchAction = 'ALLOW_AS_DEPENDENCY' | 'BLOCK';

export interface PatchBaselineIdentity {
  BaselineId?: string;
  BaselineName?: string;
  OperatingSystem?: OperatingSystem;
  BaselineDescription?: string;
  DefaultBaseline?: boolean;
}

export interface PatchComplianceData {
  Title: string;
  KBId: string;
  Classification: string;
  Severity: string;
  State: PatchComplianceDataState;
  InstalledTime: number;
  CVEIds?: string;
}

export type PatchComplianceDataState = 'INSTALLED' | 'INSTALLED_OTHER' | 'INSTALLED_PENDING_REBOOT' | 'INSTALLED_REJECTED' | 'MISSING' | 'NOT_APPLICABLE' | 'FAILED' | 'AVAILABLE_SECURITY_UPDATE';

export type PatchComplianceLevel = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNSPECIFIED';

export type PatchComplianceStatus = 'COMPLIANT' | 'NON_COMPLIANT';

export type PatchDeploymentStatus = 'APPROVED' | 'PENDING_APPROVAL' | 'EXPLICIT_APPROVED' | 'EXPLICIT_REJECTED';

export interface PatchFilter {
  Key: PatchFilterKey;
  Values: string[];
}

export interface PatchFilterGroup {
  PatchFilters: PatchFilter[];
}

export type PatchFilterKey = 'ARCH' | 'ADVISORY_ID' | 'BUGZILLA_ID' | 'PATCH_SET' | 'PRODUCT' | 'PRODUCT_FAMILY' | 'CLASSIFICATION' | 'CVE_ID' | 'EPOCH' | 'MSRC_SEVERITY' | 'NAME' | 'PATCH_ID' | 'SECTION' | 'PRIORITY' | 'REPOSITORY' | 'RELEASE' | 'SEVERITY' | 'SECURITY' | 'VERSION';

export interface PatchGroupPatchBaselineMapping {
  PatchGroup?: string;
  BaselineIdentity?: PatchBaselineIdentity;
}

export type PatchOperationType = 'Scan' | 'Install';

export interface PatchOrchestratorFilter {
  Key?: string;
  Values?: string[];
}

export type PatchProperty = 'PRODUCT' | 'PRODUCT_FAMILY' | 'CLASSIFICATION' | 'MSRC_SEVERITY' | 'PRIORITY' | 'SEVERITY';

export interface PatchRule {
  PatchFilterGroup: PatchFilterGroup;
  ComplianceLevel?: PatchComplianceLevel;
  ApproveAfterDays?: number;
  ApproveUntilDate?: string;
  EnableNonSecurity?: boolean;
}

export interface PatchRuleGroup {
  PatchRules: PatchRule[];
}

export type PatchSet = 'OS' | 'APPLICATION';

export interface PatchSource {
  Name: string;
  Products: string[];
  Configuration: string;
}

export interface PatchStatus {
  DeploymentStatus?: PatchDeploymentStatus;
  ComplianceLevel?: PatchComplianceLevel;
  ApprovalDate?: number;
}

export type PingStatus = 'Online' | 'ConnectionLost' | 'Inactive';

export type PlatformType = 'Windows' | 'Linux' | 'MacOS';

export interface PoliciesLimitExceededException {
  message?: string;
}

export interface ProgressCounters {
  TotalSteps?: number;
  SuccessSteps?: number;
  FailedSteps?: number;
  CancelledSteps?: number;
  TimedOutSteps?: number;
}

export interface PutComplianceItemsRequest {
  ResourceId: string;
  ResourceType: string;
  ComplianceType: string;
  ExecutionSummary: ComplianceExecutionSummary;
  Items: ComplianceItemEntry[];
  ItemContentHash?: string;
  UploadType?: ComplianceUploadType;
}

export type PutComplianceItemsResult = Empty;

export interface PutInventoryRequest {
  InstanceId: string;
  Items: InventoryItem[];
}

export interface PutInventoryResult {
  Message?: string;
}

export interface PutParameterRequest {
  Name: string;
  Description?: string;
  Value: string;
  Type?: ParameterType;
  KeyId?: string;
  Overwrite?: boolean;
  AllowedPattern?: string;
  Tags?: Tag[];
  Tier?: ParameterTier;
  Policies?: string;
  DataType?: string;
}

export interface PutParameterResult {
  Version?: number;
  Tier?: ParameterTier;
}

export interface PutResourcePolicyRequest {
  ResourceArn: string;
  Policy: string;
  PolicyId?: string;
  PolicyHash?: string;
}

export interface PutResourcePolicyResponse {
  PolicyId?: string;
  PolicyHash?: string;
}

export type RebootOption = 'RebootIfNeeded' | 'NoReboot';

export interface RegisterDefaultPatchBaselineRequest {
  BaselineId: string;
}

export interface RegisterDefaultPatchBaselineResult {
  BaselineId?: string;
}

export interface RegisterPatchBaselineForPatchGroupRequest {
  BaselineId: string;
  PatchGroup: string;
}

export interface RegisterPatchBaselineForPatchGroupResult {
  BaselineId?: string;
  PatchGroup?: string;
}

export interface RegisterTargetWithMaintenanceWindowRequest {
  WindowId: string;
  ResourceType: MaintenanceWindowResourceType;
  Targets: Target[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
  ClientToken?: string;
}

export interface RegisterTargetWithMaintenanceWindowResult {
  WindowTargetId?: string;
}

export interface RegisterTaskWithMaintenanceWindowRequest {
  WindowId: string;
  Targets?: Target[];
  TaskArn: string;
  ServiceRoleArn?: string;
  TaskType: MaintenanceWindowTaskType;
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  TaskInvocationParameters?: MaintenanceWindowTaskInvocationParameters;
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  LoggingInfo?: LoggingInfo;
  Name?: string;
  Description?: string;
  ClientToken?: string;
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

export interface RegisterTaskWithMaintenanceWindowResult {
  WindowTaskId?: string;
}

export interface RegistrationMetadataItem {
  Key: string;
  Value: string;
}

export interface RelatedOpsItem {
  OpsItemId: string;
}

export interface RemoveTagsFromResourceRequest {
  ResourceType: ResourceTypeForTagging;
  ResourceId: string;
  TagKeys: string[];
}

export type RemoveTagsFromResourceResult = Empty;

export interface ResetServiceSettingRequest {
  SettingId: string;
}

export interface ResetServiceSettingResult {
  ServiceSetting?: ServiceSetting;
}

export interface ResolvedTargets {
  ParameterValues?: string[];
  Truncated?: boolean;
}

export interface ResourceComplianceSummaryItem {
  ComplianceType?: string;
  ResourceType?: string;
  ResourceId?: string;
  Status?: ComplianceStatus;
  OverallSeverity?: ComplianceSeverity;
  ExecutionSummary?: ComplianceExecutionSummary;
  CompliantSummary?: CompliantSummary;
  NonCompliantSummary?: NonCompliantSummary;
}

export interface ResourceDataSyncAlreadyExistsException {
  SyncName?: string;
}

export interface ResourceDataSyncAwsOrganizationsSource {
  OrganizationSourceType: string;
  OrganizationalUnits?: ResourceDataSyncOrganizationalUnit[];
}

export interface ResourceDataSyncConflictException {
  Message?: string;
}

export interface ResourceDataSyncCountExceededException {
  Message?: string;
}

export interface ResourceDataSyncDestinationDataSharing {
  DestinationDataSharingType?: string;
}

export interface ResourceDataSyncInvalidConfigurationException {
  Message?: string;
}

export interface ResourceDataSyncItem {
  SyncName?: string;
  SyncType?: string;
  SyncSource?: ResourceDataSyncSourceWithState;
  S3Destination?: ResourceDataSyncS3Destination;
  LastSyncTime?: number;
  LastSuccessfulSyncTime?: number;
  SyncLastModifiedTime?: number;
  LastStatus?: LastResourceDataSyncStatus;
  SyncCreatedTime?: number;
  LastSyncStatusMessage?: string;
}

export interface ResourceDataSyncNotFoundException {
  SyncName?: string;
  SyncType?: string;
  Message?: string;
}

export interface ResourceDataSyncOrganizationalUnit {
  OrganizationalUnitId?: string;
}

export interface ResourceDataSyncS3Destination {
  BucketName: string;
  Prefix?: string;
  SyncFormat: ResourceDataSyncS3Format;
  Region: string;
  AWSKMSKeyARN?: string;
  DestinationDataSharing?: ResourceDataSyncDestinationDataSharing;
}

export type ResourceDataSyncS3Format = 'JsonSerDe';

export interface ResourceDataSyncSource {
  SourceType: string;
  AwsOrganizationsSource?: ResourceDataSyncAwsOrganizationsSource;
  SourceRegions: string[];
  IncludeFutureRegions?: boolean;
  EnableAllOpsDataSources?: boolean;
}

export interface ResourceDataSyncSourceWithState {
  SourceType?: string;
  AwsOrganizationsSource?: ResourceDataSyncAwsOrganizationsSource;
  SourceRegions?: string[];
  IncludeFutureRegions?: boolean;
  State?: string;
  EnableAllOpsDataSources?: boolean;
}

export interface ResourceInUseException {
  Message?: string;
}

export interface ResourceLimitExceededException {
  Message?: string;
}

export interface ResourceNotFoundException {
  Message?: string;
}

export interface ResourcePolicyConflictException {
  Message?: string;
}

export interface ResourcePolicyInvalidParameterException {
  ParameterNames?: string[];
  Message?: string;
}

export interface ResourcePolicyLimitExceededException {
  Limit?: number;
  LimitType?: string;
  Message?: string;
}

export interface ResourcePolicyNotFoundException {
  Message?: string;
}

export type ResourceType = 'ManagedInstance' | 'EC2Instance';

export type ResourceTypeForTagging = 'Document' | 'ManagedInstance' | 'MaintenanceWindow' | 'Parameter' | 'PatchBaseline' | 'OpsItem' | 'OpsMetadata' | 'Automation' | 'Association';

export interface ResultAttribute {
  TypeName: string;
}

export interface ResumeSessionRequest {
  SessionId: string;
}

export interface ResumeSessionResponse {
  SessionId?: string;
  TokenValue?: string;
  StreamUrl?: string;
}

export interface ReviewInformation {
  ReviewedTime?: number;
  Status?: ReviewStatus;
  Reviewer?: string;
}

export type ReviewStatus = 'APPROVED' | 'NOT_REVIEWED' | 'PENDING' | 'REJECTED';

export interface Runbook {
  DocumentName: string;
  DocumentVersion?: string;
  Parameters?: Record<string, string[]>;
  TargetParameterName?: string;
  Targets?: Target[];
  TargetMaps?: (Record<string, string[]>)[];
  MaxConcurrency?: string;
  MaxErrors?: string;
  TargetLocations?: TargetLocation[];
}

export interface S3OutputLocation {
  OutputS3Region?: string;
  OutputS3BucketName?: string;
  OutputS3KeyPrefix?: string;
}

export interface S3OutputUrl {
  OutputUrl?: string;
}

export interface ScheduledWindowExecution {
  WindowId?: string;
  Name?: string;
  ExecutionTime?: string;
}

export interface SendAutomationSignalRequest {
  AutomationExecutionId: string;
  SignalType: SignalType;
  Payload?: Record<string, string[]>;
}

export type SendAutomationSignalResult = Empty;

export interface SendCommandRequest {
  InstanceIds?: string[];
  Targets?: Target[];
  DocumentName: string;
  DocumentVersion?: string;
  DocumentHash?: string;
  DocumentHashType?: DocumentHashType;
  TimeoutSeconds?: number;
  Comment?: string;
  Parameters?: Record<string, string[]>;
  OutputS3Region?: string;
  OutputS3BucketName?: string;
  OutputS3KeyPrefix?: string;
  MaxConcurrency?: string;
  MaxErrors?: string;
  ServiceRoleArn?: string;
  NotificationConfig?: NotificationConfig;
  CloudWatchOutputConfig?: CloudWatchOutputConfig;
  AlarmConfiguration?: AlarmConfiguration;
}

export interface SendCommandResult {
  Command?: Command;
}

export interface ServiceQuotaExceededException {
  Message: string;
  ResourceId?: string;
  ResourceType?: string;
  QuotaCode: string;
  ServiceCode: string;
}

export interface ServiceSetting {
  SettingId?: string;
  SettingValue?: string;
  LastModifiedDate?: number;
  LastModifiedUser?: string;
  ARN?: string;
  Status?: string;
}

export interface ServiceSettingNotFound {
  Message?: string;
}

export interface Session {
  SessionId?: string;
  Target?: string;
  Status?: SessionStatus;
  StartDate?: number;
  EndDate?: number;
  DocumentName?: string;
  Owner?: string;
  Reason?: string;
  Details?: string;
  OutputUrl?: SessionManagerOutputUrl;
  MaxSessionDuration?: string;
  AccessType?: AccessType;
}

export interface SessionFilter {
  key: SessionFilterKey;
  value: string;
}

export type SessionFilterKey = 'InvokedAfter' | 'InvokedBefore' | 'Target' | 'Owner' | 'Status' | 'SessionId' | 'AccessType';

export interface SessionManagerOutputUrl {
  S3OutputUrl?: string;
  CloudWatchOutputUrl?: string;
}

export type SessionState = 'Active' | 'History';

export type SessionStatus = 'Connected' | 'Connecting' | 'Disconnected' | 'Terminated' | 'Terminating' | 'Failed';

export interface SeveritySummary {
  CriticalCount?: number;
  HighCount?: number;
  MediumCount?: number;
  LowCount?: number;
  InformationalCount?: number;
  UnspecifiedCount?: number;
}

export type SignalType = 'Approve' | 'Reject' | 'StartStep' | 'StopStep' | 'Resume' | 'Revoke';

export type SourceType = 'AWS::EC2::Instance' | 'AWS::IoT::Thing' | 'AWS::SSM::ManagedInstance';

export interface StartAccessRequestRequest {
  Reason: string;
  Targets: Target[];
  Tags?: Tag[];
}

export interface StartAccessRequestResponse {
  AccessRequestId?: string;
}

export interface StartAssociationsOnceRequest {
  AssociationIds: string[];
}

export type StartAssociationsOnceResult = Empty;

export interface StartAutomationExecutionRequest {
  DocumentName: string;
  DocumentVersion?: string;
  Parameters?: Record<string, string[]>;
  ClientToken?: string;
  Mode?: ExecutionMode;
  TargetParameterName?: string;
  Targets?: Target[];
  TargetMaps?: (Record<string, string[]>)[];
  MaxConcurrency?: string;
  MaxErrors?: string;
  TargetLocations?: TargetLocation[];
  Tags?: Tag[];
  AlarmConfiguration?: AlarmConfiguration;
  TargetLocationsURL?: string;
}

export interface StartAutomationExecutionResult {
  AutomationExecutionId?: string;
}

export interface StartChangeRequestExecutionRequest {
  ScheduledTime?: number;
  DocumentName: string;
  DocumentVersion?: string;
  Parameters?: Record<string, string[]>;
  ChangeRequestName?: string;
  ClientToken?: string;
  AutoApprove?: boolean;
  Runbooks: Runbook[];
  Tags?: Tag[];
  ScheduledEndTime?: number;
  ChangeDetails?: string;
}

export interface StartChangeRequestExecutionResult {
  AutomationExecutionId?: string;
}

export interface StartExecutionPreviewRequest {
  DocumentName: string;
  DocumentVersion?: string;
  ExecutionInputs?: ExecutionInputs;
}

export interface StartExecutionPreviewResponse {
  ExecutionPreviewId?: string;
}

export interface StartSessionRequest {
  Target: string;
  DocumentName?: string;
  Reason?: string;
  Parameters?: Record<string, string[]>;
}

export interface StartSessionResponse {
  SessionId?: string;
  TokenValue?: string;
  StreamUrl?: string;
}

export type StatusUnchanged = Empty;

export interface StepExecution {
  StepName?: string;
  Action?: string;
  TimeoutSeconds?: number;
  OnFailure?: string;
  MaxAttempts?: number;
  ExecutionStartTime?: number;
  ExecutionEndTime?: number;
  StepStatus?: AutomationExecutionStatus;
  ResponseCode?: string;
  Inputs?: Record<string, string>;
  Outputs?: Record<string, string[]>;
  Response?: string;
  FailureMessage?: string;
  FailureDetails?: FailureDetails;
  StepExecutionId?: string;
  OverriddenParameters?: Record<string, string[]>;
  IsEnd?: boolean;
  NextStep?: string;
  IsCritical?: boolean;
  ValidNextSteps?: string[];
  Targets?: Target[];
  TargetLocation?: TargetLocation;
  TriggeredAlarms?: AlarmStateInformation[];
  ParentStepDetails?: ParentStepDetails;
}

export interface StepExecutionFilter {
  Key: StepExecutionFilterKey;
  Values: string[];
}

export type StepExecutionFilterKey = 'StartTimeBefore' | 'StartTimeAfter' | 'StepExecutionStatus' | 'StepExecutionId' | 'StepName' | 'Action' | 'ParentStepExecutionId' | 'ParentStepIteration' | 'ParentStepIteratorValue';

export interface StopAutomationExecutionRequest {
  AutomationExecutionId: string;
  Type?: StopType;
}

export type StopAutomationExecutionResult = Empty;

export type StopType = 'Complete' | 'Cancel';

export interface SubTypeCountLimitExceededException {
  Message?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface Target {
  Key?: string;
  Values?: string[];
}

export interface TargetInUseException {
  Message?: string;
}

export interface TargetLocation {
  Accounts?: string[];
  Regions?: string[];
  TargetLocationMaxConcurrency?: string;
  TargetLocationMaxErrors?: string;
  ExecutionRoleName?: string;
  TargetLocationAlarmConfiguration?: AlarmConfiguration;
  IncludeChildOrganizationUnits?: boolean;
  ExcludeAccounts?: string[];
  Targets?: Target[];
  TargetsMaxConcurrency?: string;
  TargetsMaxErrors?: string;
}

export interface TargetNotConnected {
  Message?: string;
}

export interface TargetPreview {
  Count?: number;
  TargetType?: string;
}

export interface TerminateSessionRequest {
  SessionId: string;
}

export interface TerminateSessionResponse {
  SessionId?: string;
}

export interface ThrottlingException {
  Message: string;
  QuotaCode?: string;
  ServiceCode?: string;
}

export type TooManyTagsError = Empty;

export interface TooManyUpdates {
  Message?: string;
}

export interface TotalSizeLimitExceededException {
  Message?: string;
}

export interface UnlabelParameterVersionRequest {
  Name: string;
  ParameterVersion: number;
  Labels: string[];
}

export interface UnlabelParameterVersionResult {
  RemovedLabels?: string[];
  InvalidLabels?: string[];
}

export interface UnsupportedCalendarException {
  Message?: string;
}

export interface UnsupportedFeatureRequiredException {
  Message?: string;
}

export interface UnsupportedInventoryItemContextException {
  TypeName?: string;
  Message?: string;
}

export interface UnsupportedInventorySchemaVersionException {
  Message?: string;
}

export interface UnsupportedOperatingSystem {
  Message?: string;
}

export interface UnsupportedOperationException {
  Message?: string;
}

export interface UnsupportedParameterType {
  message?: string;
}

export interface UnsupportedPlatformType {
  Message?: string;
}

export interface UpdateAssociationRequest {
  AssociationId: string;
  Parameters?: Record<string, string[]>;
  DocumentVersion?: string;
  ScheduleExpression?: string;
  OutputLocation?: InstanceAssociationOutputLocation;
  Name?: string;
  Targets?: Target[];
  AssociationName?: string;
  AssociationVersion?: string;
  AutomationTargetParameterName?: string;
  MaxErrors?: string;
  MaxConcurrency?: string;
  ComplianceSeverity?: AssociationComplianceSeverity;
  SyncCompliance?: AssociationSyncCompliance;
  ApplyOnlyAtCronInterval?: boolean;
  CalendarNames?: string[];
  TargetLocations?: TargetLocation[];
  ScheduleOffset?: number;
  Duration?: number;
  TargetMaps?: (Record<string, string[]>)[];
  AlarmConfiguration?: AlarmConfiguration;
  AssociationDispatchAssumeRole?: string;
}

export interface UpdateAssociationResult {
  AssociationDescription?: AssociationDescription;
}

export interface UpdateAssociationStatusRequest {
  Name: string;
  InstanceId: string;
  AssociationStatus: AssociationStatus;
}

export interface UpdateAssociationStatusResult {
  AssociationDescription?: AssociationDescription;
}

export interface UpdateDocumentDefaultVersionRequest {
  Name: string;
  DocumentVersion: string;
}

export interface UpdateDocumentDefaultVersionResult {
  Description?: DocumentDefaultVersionDescription;
}

export interface UpdateDocumentMetadataRequest {
  Name: string;
  DocumentVersion?: string;
  DocumentReviews: DocumentReviews;
}

export type UpdateDocumentMetadataResponse = Empty;

export interface UpdateDocumentRequest {
  Content: string;
  Attachments?: AttachmentsSource[];
  Name: string;
  DisplayName?: string;
  VersionName?: string;
  DocumentVersion?: string;
  DocumentFormat?: DocumentFormat;
  TargetType?: string;
}

export interface UpdateDocumentResult {
  DocumentDescription?: DocumentDescription;
}

export interface UpdateMaintenanceWindowRequest {
  WindowId: string;
  Name?: string;
  Description?: string;
  StartDate?: string;
  EndDate?: string;
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  Duration?: number;
  Cutoff?: number;
  AllowUnassociatedTargets?: boolean;
  Enabled?: boolean;
  Replace?: boolean;
}

export interface UpdateMaintenanceWindowResult {
  WindowId?: string;
  Name?: string;
  Description?: string;
  StartDate?: string;
  EndDate?: string;
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  Duration?: number;
  Cutoff?: number;
  AllowUnassociatedTargets?: boolean;
  Enabled?: boolean;
}

export interface UpdateMaintenanceWindowTargetRequest {
  WindowId: string;
  WindowTargetId: string;
  Targets?: Target[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
  Replace?: boolean;
}

export interface UpdateMaintenanceWindowTargetResult {
  WindowId?: string;
  WindowTargetId?: string;
  Targets?: Target[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
}

export interface UpdateMaintenanceWindowTaskRequest {
  WindowId: string;
  WindowTaskId: string;
  Targets?: Target[];
  TaskArn?: string;
  ServiceRoleArn?: string;
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  TaskInvocationParameters?: MaintenanceWindowTaskInvocationParameters;
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  LoggingInfo?: LoggingInfo;
  Name?: string;
  Description?: string;
  Replace?: boolean;
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

export interface UpdateMaintenanceWindowTaskResult {
  WindowId?: string;
  WindowTaskId?: string;
  Targets?: Target[];
  TaskArn?: string;
  ServiceRoleArn?: string;
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  TaskInvocationParameters?: MaintenanceWindowTaskInvocationParameters;
  Priority?: number;
  MaxConcurrency?: string;
  MaxErrors?: string;
  LoggingInfo?: LoggingInfo;
  Name?: string;
  Description?: string;
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

export interface UpdateManagedInstanceRoleRequest {
  InstanceId: string;
  IamRole: string;
}

export type UpdateManagedInstanceRoleResult = Empty;

export interface UpdateOpsItemRequest {
  Description?: string;
  OperationalData?: Record<string, OpsItemDataValue>;
  OperationalDataToDelete?: string[];
  Notifications?: OpsItemNotification[];
  Priority?: number;
  RelatedOpsItems?: RelatedOpsItem[];
  Status?: OpsItemStatus;
  OpsItemId: string;
  Title?: string;
  Category?: string;
  Severity?: string;
  ActualStartTime?: number;
  ActualEndTime?: number;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
  OpsItemArn?: string;
}

export type UpdateOpsItemResponse = Empty;

export interface UpdateOpsMetadataRequest {
  OpsMetadataArn: string;
  MetadataToUpdate?: Record<string, MetadataValue>;
  KeysToDelete?: string[];
}

export interface UpdateOpsMetadataResult {
  OpsMetadataArn?: string;
}

export interface UpdatePatchBaselineRequest {
  BaselineId: string;
  Name?: string;
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  ApprovedPatchesComplianceLevel?: PatchComplianceLevel;
  ApprovedPatchesEnableNonSecurity?: boolean;
  RejectedPatches?: string[];
  RejectedPatchesAction?: PatchAction;
  Description?: string;
  Sources?: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
  Replace?: boolean;
}

export interface UpdatePatchBaselineResult {
  BaselineId?: string;
  Name?: string;
  OperatingSystem?: OperatingSystem;
  GlobalFilters?: PatchFilterGroup;
  ApprovalRules?: PatchRuleGroup;
  ApprovedPatches?: string[];
  ApprovedPatchesComplianceLevel?: PatchComplianceLevel;
  ApprovedPatchesEnableNonSecurity?: boolean;
  RejectedPatches?: string[];
  RejectedPatchesAction?: PatchAction;
  CreatedDate?: number;
  ModifiedDate?: number;
  Description?: string;
  Sources?: PatchSource[];
  AvailableSecurityUpdatesComplianceStatus?: PatchComplianceStatus;
}

export interface UpdateResourceDataSyncRequest {
  SyncName: string;
  SyncType: string;
  SyncSource: ResourceDataSyncSource;
}

export type UpdateResourceDataSyncResult = Empty;

export interface UpdateServiceSettingRequest {
  SettingId: string;
  SettingValue: string;
}

export type UpdateServiceSettingResult = Empty;

export interface ValidationException {
  Message?: string;
  ReasonCode?: string;
}

export interface SsmOperations {
  AddTagsToResource: { input: AddTagsToResourceRequest; output: AddTagsToResourceResult };
  AssociateOpsItemRelatedItem: { input: AssociateOpsItemRelatedItemRequest; output: AssociateOpsItemRelatedItemResponse };
  CancelCommand: { input: CancelCommandRequest; output: CancelCommandResult };
  CancelMaintenanceWindowExecution: { input: CancelMaintenanceWindowExecutionRequest; output: CancelMaintenanceWindowExecutionResult };
  CreateActivation: { input: CreateActivationRequest; output: CreateActivationResult };
  CreateAssociation: { input: CreateAssociationRequest; output: CreateAssociationResult };
  CreateAssociationBatch: { input: CreateAssociationBatchRequest; output: CreateAssociationBatchResult };
  CreateDocument: { input: CreateDocumentRequest; output: CreateDocumentResult };
  CreateMaintenanceWindow: { input: CreateMaintenanceWindowRequest; output: CreateMaintenanceWindowResult };
  CreateOpsItem: { input: CreateOpsItemRequest; output: CreateOpsItemResponse };
  CreateOpsMetadata: { input: CreateOpsMetadataRequest; output: CreateOpsMetadataResult };
  CreatePatchBaseline: { input: CreatePatchBaselineRequest; output: CreatePatchBaselineResult };
  CreateResourceDataSync: { input: CreateResourceDataSyncRequest; output: CreateResourceDataSyncResult };
  DeleteActivation: { input: DeleteActivationRequest; output: DeleteActivationResult };
  DeleteAssociation: { input: DeleteAssociationRequest; output: DeleteAssociationResult };
  DeleteDocument: { input: DeleteDocumentRequest; output: DeleteDocumentResult };
  DeleteInventory: { input: DeleteInventoryRequest; output: DeleteInventoryResult };
  DeleteMaintenanceWindow: { input: DeleteMaintenanceWindowRequest; output: DeleteMaintenanceWindowResult };
  DeleteOpsItem: { input: DeleteOpsItemRequest; output: DeleteOpsItemResponse };
  DeleteOpsMetadata: { input: DeleteOpsMetadataRequest; output: DeleteOpsMetadataResult };
  DeleteParameter: { input: DeleteParameterRequest; output: DeleteParameterResult };
  DeleteParameters: { input: DeleteParametersRequest; output: DeleteParametersResult };
  DeletePatchBaseline: { input: DeletePatchBaselineRequest; output: DeletePatchBaselineResult };
  DeleteResourceDataSync: { input: DeleteResourceDataSyncRequest; output: DeleteResourceDataSyncResult };
  DeleteResourcePolicy: { input: DeleteResourcePolicyRequest; output: DeleteResourcePolicyResponse };
  DeregisterManagedInstance: { input: DeregisterManagedInstanceRequest; output: DeregisterManagedInstanceResult };
  DeregisterPatchBaselineForPatchGroup: { input: DeregisterPatchBaselineForPatchGroupRequest; output: DeregisterPatchBaselineForPatchGroupResult };
  DeregisterTargetFromMaintenanceWindow: { input: DeregisterTargetFromMaintenanceWindowRequest; output: DeregisterTargetFromMaintenanceWindowResult };
  DeregisterTaskFromMaintenanceWindow: { input: DeregisterTaskFromMaintenanceWindowRequest; output: DeregisterTaskFromMaintenanceWindowResult };
  DescribeActivations: { input: DescribeActivationsRequest; output: DescribeActivationsResult };
  DescribeAssociation: { input: DescribeAssociationRequest; output: DescribeAssociationResult };
  DescribeAssociationExecutionTargets: { input: DescribeAssociationExecutionTargetsRequest; output: DescribeAssociationExecutionTargetsResult };
  DescribeAssociationExecutions: { input: DescribeAssociationExecutionsRequest; output: DescribeAssociationExecutionsResult };
  DescribeAutomationExecutions: { input: DescribeAutomationExecutionsRequest; output: DescribeAutomationExecutionsResult };
  DescribeAutomationStepExecutions: { input: DescribeAutomationStepExecutionsRequest; output: DescribeAutomationStepExecutionsResult };
  DescribeAvailablePatches: { input: DescribeAvailablePatchesRequest; output: DescribeAvailablePatchesResult };
  DescribeDocument: { input: DescribeDocumentRequest; output: DescribeDocumentResult };
  DescribeDocumentPermission: { input: DescribeDocumentPermissionRequest; output: DescribeDocumentPermissionResponse };
  DescribeEffectiveInstanceAssociations: { input: DescribeEffectiveInstanceAssociationsRequest; output: DescribeEffectiveInstanceAssociationsResult };
  DescribeEffectivePatchesForPatchBaseline: { input: DescribeEffectivePatchesForPatchBaselineRequest; output: DescribeEffectivePatchesForPatchBaselineResult };
  DescribeInstanceAssociationsStatus: { input: DescribeInstanceAssociationsStatusRequest; output: DescribeInstanceAssociationsStatusResult };
  DescribeInstanceInformation: { input: DescribeInstanceInformationRequest; output: DescribeInstanceInformationResult };
  DescribeInstancePatchStates: { input: DescribeInstancePatchStatesRequest; output: DescribeInstancePatchStatesResult };
  DescribeInstancePatchStatesForPatchGroup: { input: DescribeInstancePatchStatesForPatchGroupRequest; output: DescribeInstancePatchStatesForPatchGroupResult };
  DescribeInstancePatches: { input: DescribeInstancePatchesRequest; output: DescribeInstancePatchesResult };
  DescribeInstanceProperties: { input: DescribeInstancePropertiesRequest; output: DescribeInstancePropertiesResult };
  DescribeInventoryDeletions: { input: DescribeInventoryDeletionsRequest; output: DescribeInventoryDeletionsResult };
  DescribeMaintenanceWindowExecutionTaskInvocations: { input: DescribeMaintenanceWindowExecutionTaskInvocationsRequest; output: DescribeMaintenanceWindowExecutionTaskInvocationsResult };
  DescribeMaintenanceWindowExecutionTasks: { input: DescribeMaintenanceWindowExecutionTasksRequest; output: DescribeMaintenanceWindowExecutionTasksResult };
  DescribeMaintenanceWindowExecutions: { input: DescribeMaintenanceWindowExecutionsRequest; output: DescribeMaintenanceWindowExecutionsResult };
  DescribeMaintenanceWindowSchedule: { input: DescribeMaintenanceWindowScheduleRequest; output: DescribeMaintenanceWindowScheduleResult };
  DescribeMaintenanceWindowTargets: { input: DescribeMaintenanceWindowTargetsRequest; output: DescribeMaintenanceWindowTargetsResult };
  DescribeMaintenanceWindowTasks: { input: DescribeMaintenanceWindowTasksRequest; output: DescribeMaintenanceWindowTasksResult };
  DescribeMaintenanceWindows: { input: DescribeMaintenanceWindowsRequest; output: DescribeMaintenanceWindowsResult };
  DescribeMaintenanceWindowsForTarget: { input: DescribeMaintenanceWindowsForTargetRequest; output: DescribeMaintenanceWindowsForTargetResult };
  DescribeOpsItems: { input: DescribeOpsItemsRequest; output: DescribeOpsItemsResponse };
  DescribeParameters: { input: DescribeParametersRequest; output: DescribeParametersResult };
  DescribePatchBaselines: { input: DescribePatchBaselinesRequest; output: DescribePatchBaselinesResult };
  DescribePatchGroupState: { input: DescribePatchGroupStateRequest; output: DescribePatchGroupStateResult };
  DescribePatchGroups: { input: DescribePatchGroupsRequest; output: DescribePatchGroupsResult };
  DescribePatchProperties: { input: DescribePatchPropertiesRequest; output: DescribePatchPropertiesResult };
  DescribeSessions: { input: DescribeSessionsRequest; output: DescribeSessionsResponse };
  DisassociateOpsItemRelatedItem: { input: DisassociateOpsItemRelatedItemRequest; output: DisassociateOpsItemRelatedItemResponse };
  GetAccessToken: { input: GetAccessTokenRequest; output: GetAccessTokenResponse };
  GetAutomationExecution: { input: GetAutomationExecutionRequest; output: GetAutomationExecutionResult };
  GetCalendarState: { input: GetCalendarStateRequest; output: GetCalendarStateResponse };
  GetCommandInvocation: { input: GetCommandInvocationRequest; output: GetCommandInvocationResult };
  GetConnectionStatus: { input: GetConnectionStatusRequest; output: GetConnectionStatusResponse };
  GetDefaultPatchBaseline: { input: GetDefaultPatchBaselineRequest; output: GetDefaultPatchBaselineResult };
  GetDeployablePatchSnapshotForInstance: { input: GetDeployablePatchSnapshotForInstanceRequest; output: GetDeployablePatchSnapshotForInstanceResult };
  GetDocument: { input: GetDocumentRequest; output: GetDocumentResult };
  GetExecutionPreview: { input: GetExecutionPreviewRequest; output: GetExecutionPreviewResponse };
  GetInventory: { input: GetInventoryRequest; output: GetInventoryResult };
  GetInventorySchema: { input: GetInventorySchemaRequest; output: GetInventorySchemaResult };
  GetMaintenanceWindow: { input: GetMaintenanceWindowRequest; output: GetMaintenanceWindowResult };
  GetMaintenanceWindowExecution: { input: GetMaintenanceWindowExecutionRequest; output: GetMaintenanceWindowExecutionResult };
  GetMaintenanceWindowExecutionTask: { input: GetMaintenanceWindowExecutionTaskRequest; output: GetMaintenanceWindowExecutionTaskResult };
  GetMaintenanceWindowExecutionTaskInvocation: { input: GetMaintenanceWindowExecutionTaskInvocationRequest; output: GetMaintenanceWindowExecutionTaskInvocationResult };
  GetMaintenanceWindowTask: { input: GetMaintenanceWindowTaskRequest; output: GetMaintenanceWindowTaskResult };
  GetOpsItem: { input: GetOpsItemRequest; output: GetOpsItemResponse };
  GetOpsMetadata: { input: GetOpsMetadataRequest; output: GetOpsMetadataResult };
  GetOpsSummary: { input: GetOpsSummaryRequest; output: GetOpsSummaryResult };
  GetParameter: { input: GetParameterRequest; output: GetParameterResult };
  GetParameterHistory: { input: GetParameterHistoryRequest; output: GetParameterHistoryResult };
  GetParameters: { input: GetParametersRequest; output: GetParametersResult };
  GetParametersByPath: { input: GetParametersByPathRequest; output: GetParametersByPathResult };
  GetPatchBaseline: { input: GetPatchBaselineRequest; output: GetPatchBaselineResult };
  GetPatchBaselineForPatchGroup: { input: GetPatchBaselineForPatchGroupRequest; output: GetPatchBaselineForPatchGroupResult };
  GetResourcePolicies: { input: GetResourcePoliciesRequest; output: GetResourcePoliciesResponse };
  GetServiceSetting: { input: GetServiceSettingRequest; output: GetServiceSettingResult };
  LabelParameterVersion: { input: LabelParameterVersionRequest; output: LabelParameterVersionResult };
  ListAssociationVersions: { input: ListAssociationVersionsRequest; output: ListAssociationVersionsResult };
  ListAssociations: { input: ListAssociationsRequest; output: ListAssociationsResult };
  ListCommandInvocations: { input: ListCommandInvocationsRequest; output: ListCommandInvocationsResult };
  ListCommands: { input: ListCommandsRequest; output: ListCommandsResult };
  ListComplianceItems: { input: ListComplianceItemsRequest; output: ListComplianceItemsResult };
  ListComplianceSummaries: { input: ListComplianceSummariesRequest; output: ListComplianceSummariesResult };
  ListDocumentMetadataHistory: { input: ListDocumentMetadataHistoryRequest; output: ListDocumentMetadataHistoryResponse };
  ListDocumentVersions: { input: ListDocumentVersionsRequest; output: ListDocumentVersionsResult };
  ListDocuments: { input: ListDocumentsRequest; output: ListDocumentsResult };
  ListInventoryEntries: { input: ListInventoryEntriesRequest; output: ListInventoryEntriesResult };
  ListNodes: { input: ListNodesRequest; output: ListNodesResult };
  ListNodesSummary: { input: ListNodesSummaryRequest; output: ListNodesSummaryResult };
  ListOpsItemEvents: { input: ListOpsItemEventsRequest; output: ListOpsItemEventsResponse };
  ListOpsItemRelatedItems: { input: ListOpsItemRelatedItemsRequest; output: ListOpsItemRelatedItemsResponse };
  ListOpsMetadata: { input: ListOpsMetadataRequest; output: ListOpsMetadataResult };
  ListResourceComplianceSummaries: { input: ListResourceComplianceSummariesRequest; output: ListResourceComplianceSummariesResult };
  ListResourceDataSync: { input: ListResourceDataSyncRequest; output: ListResourceDataSyncResult };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResult };
  ModifyDocumentPermission: { input: ModifyDocumentPermissionRequest; output: ModifyDocumentPermissionResponse };
  PutComplianceItems: { input: PutComplianceItemsRequest; output: PutComplianceItemsResult };
  PutInventory: { input: PutInventoryRequest; output: PutInventoryResult };
  PutParameter: { input: PutParameterRequest; output: PutParameterResult };
  PutResourcePolicy: { input: PutResourcePolicyRequest; output: PutResourcePolicyResponse };
  RegisterDefaultPatchBaseline: { input: RegisterDefaultPatchBaselineRequest; output: RegisterDefaultPatchBaselineResult };
  RegisterPatchBaselineForPatchGroup: { input: RegisterPatchBaselineForPatchGroupRequest; output: RegisterPatchBaselineForPatchGroupResult };
  RegisterTargetWithMaintenanceWindow: { input: RegisterTargetWithMaintenanceWindowRequest; output: RegisterTargetWithMaintenanceWindowResult };
  RegisterTaskWithMaintenanceWindow: { input: RegisterTaskWithMaintenanceWindowRequest; output: RegisterTaskWithMaintenanceWindowResult };
  RemoveTagsFromResource: { input: RemoveTagsFromResourceRequest; output: RemoveTagsFromResourceResult };
  ResetServiceSetting: { input: ResetServiceSettingRequest; output: ResetServiceSettingResult };
  ResumeSession: { input: ResumeSessionRequest; output: ResumeSessionResponse };
  SendAutomationSignal: { input: SendAutomationSignalRequest; output: SendAutomationSignalResult };
  SendCommand: { input: SendCommandRequest; output: SendCommandResult };
  StartAccessRequest: { input: StartAccessRequestRequest; output: StartAccessRequestResponse };
  StartAssociationsOnce: { input: StartAssociationsOnceRequest; output: StartAssociationsOnceResult };
  StartAutomationExecution: { input: StartAutomationExecutionRequest; output: StartAutomationExecutionResult };
  StartChangeRequestExecution: { input: StartChangeRequestExecutionRequest; output: StartChangeRequestExecutionResult };
  StartExecutionPreview: { input: StartExecutionPreviewRequest; output: StartExecutionPreviewResponse };
  StartSession: { input: StartSessionRequest; output: StartSessionResponse };
  StopAutomationExecution: { input: StopAutomationExecutionRequest; output: StopAutomationExecutionResult };
  TerminateSession: { input: TerminateSessionRequest; output: TerminateSessionResponse };
  UnlabelParameterVersion: { input: UnlabelParameterVersionRequest; output: UnlabelParameterVersionResult };
  UpdateAssociation: { input: UpdateAssociationRequest; output: UpdateAssociationResult };
  UpdateAssociationStatus: { input: UpdateAssociationStatusRequest; output: UpdateAssociationStatusResult };
  UpdateDocument: { input: UpdateDocumentRequest; output: UpdateDocumentResult };
  UpdateDocumentDefaultVersion: { input: UpdateDocumentDefaultVersionRequest; output: UpdateDocumentDefaultVersionResult };
  UpdateDocumentMetadata: { input: UpdateDocumentMetadataRequest; output: UpdateDocumentMetadataResponse };
  UpdateMaintenanceWindow: { input: UpdateMaintenanceWindowRequest; output: UpdateMaintenanceWindowResult };
  UpdateMaintenanceWindowTarget: { input: UpdateMaintenanceWindowTargetRequest; output: UpdateMaintenanceWindowTargetResult };
  UpdateMaintenanceWindowTask: { input: UpdateMaintenanceWindowTaskRequest; output: UpdateMaintenanceWindowTaskResult };
  UpdateManagedInstanceRole: { input: UpdateManagedInstanceRoleRequest; output: UpdateManagedInstanceRoleResult };
  UpdateOpsItem: { input: UpdateOpsItemRequest; output: UpdateOpsItemResponse };
  UpdateOpsMetadata: { input: UpdateOpsMetadataRequest; output: UpdateOpsMetadataResult };
  UpdatePatchBaseline: { input: UpdatePatchBaselineRequest; output: UpdatePatchBaselineResult };
  UpdateResourceDataSync: { input: UpdateResourceDataSyncRequest; output: UpdateResourceDataSyncResult };
  UpdateServiceSetting: { input: UpdateServiceSettingRequest; output: UpdateServiceSettingResult };
}

export type SsmErrorCode =
  | 'AccessDeniedException'
  | 'AlreadyExistsException'
  | 'AssociatedInstances'
  | 'AssociationAlreadyExists'
  | 'AssociationDoesNotExist'
  | 'AssociationExecutionDoesNotExist'
  | 'AssociationLimitExceeded'
  | 'AssociationVersionLimitExceeded'
  | 'AutomationDefinitionNotApprovedException'
  | 'AutomationDefinitionNotFoundException'
  | 'AutomationDefinitionVersionNotFoundException'
  | 'AutomationExecutionLimitExceededException'
  | 'AutomationExecutionNotFoundException'
  | 'AutomationStepNotFoundException'
  | 'ComplianceTypeCountLimitExceededException'
  | 'CustomSchemaCountLimitExceededException'
  | 'DocumentAlreadyExists'
  | 'DocumentLimitExceeded'
  | 'DocumentPermissionLimit'
  | 'DocumentVersionLimitExceeded'
  | 'DoesNotExistException'
  | 'DuplicateDocumentContent'
  | 'DuplicateDocumentVersionName'
  | 'DuplicateInstanceId'
  | 'FeatureNotAvailableException'
  | 'HierarchyLevelLimitExceededException'
  | 'HierarchyTypeMismatchException'
  | 'IdempotentParameterMismatch'
  | 'IncompatiblePolicyException'
  | 'InternalServerError'
  | 'InvalidActivation'
  | 'InvalidActivationId'
  | 'InvalidAggregatorException'
  | 'InvalidAllowedPatternException'
  | 'InvalidAssociation'
  | 'InvalidAssociationVersion'
  | 'InvalidAutomationExecutionParametersException'
  | 'InvalidAutomationSignalException'
  | 'InvalidAutomationStatusUpdateException'
  | 'InvalidCommandId'
  | 'InvalidDeleteInventoryParametersException'
  | 'InvalidDeletionIdException'
  | 'InvalidDocument'
  | 'InvalidDocumentContent'
  | 'InvalidDocumentOperation'
  | 'InvalidDocumentSchemaVersion'
  | 'InvalidDocumentType'
  | 'InvalidDocumentVersion'
  | 'InvalidFilter'
  | 'InvalidFilterKey'
  | 'InvalidFilterOption'
  | 'InvalidFilterValue'
  | 'InvalidInstanceId'
  | 'InvalidInstanceInformationFilterValue'
  | 'InvalidInstancePropertyFilterValue'
  | 'InvalidInventoryGroupException'
  | 'InvalidInventoryItemContextException'
  | 'InvalidInventoryRequestException'
  | 'InvalidItemContentException'
  | 'InvalidKeyId'
  | 'InvalidNextToken'
  | 'InvalidNotificationConfig'
  | 'InvalidOptionException'
  | 'InvalidOutputFolder'
  | 'InvalidOutputLocation'
  | 'InvalidParameters'
  | 'InvalidPermissionType'
  | 'InvalidPluginName'
  | 'InvalidPolicyAttributeException'
  | 'InvalidPolicyTypeException'
  | 'InvalidResourceId'
  | 'InvalidResourceType'
  | 'InvalidResultAttributeException'
  | 'InvalidRole'
  | 'InvalidSchedule'
  | 'InvalidTag'
  | 'InvalidTarget'
  | 'InvalidTargetMaps'
  | 'InvalidTypeNameException'
  | 'InvalidUpdate'
  | 'InvocationDoesNotExist'
  | 'ItemContentMismatchException'
  | 'ItemSizeLimitExceededException'
  | 'MalformedResourcePolicyDocumentException'
  | 'MaxDocumentSizeExceeded'
  | 'NoLongerSupportedException'
  | 'OpsItemAccessDeniedException'
  | 'OpsItemAlreadyExistsException'
  | 'OpsItemConflictException'
  | 'OpsItemInvalidParameterException'
  | 'OpsItemLimitExceededException'
  | 'OpsItemNotFoundException'
  | 'OpsItemRelatedItemAlreadyExistsException'
  | 'OpsItemRelatedItemAssociationNotFoundException'
  | 'OpsMetadataAlreadyExistsException'
  | 'OpsMetadataInvalidArgumentException'
  | 'OpsMetadataKeyLimitExceededException'
  | 'OpsMetadataLimitExceededException'
  | 'OpsMetadataNotFoundException'
  | 'OpsMetadataTooManyUpdatesException'
  | 'ParameterAlreadyExists'
  | 'ParameterLimitExceeded'
  | 'ParameterMaxVersionLimitExceeded'
  | 'ParameterNotFound'
  | 'ParameterPatternMismatchException'
  | 'ParameterVersionLabelLimitExceeded'
  | 'ParameterVersionNotFound'
  | 'PoliciesLimitExceededException'
  | 'ResourceDataSyncAlreadyExistsException'
  | 'ResourceDataSyncConflictException'
  | 'ResourceDataSyncCountExceededException'
  | 'ResourceDataSyncInvalidConfigurationException'
  | 'ResourceDataSyncNotFoundException'
  | 'ResourceInUseException'
  | 'ResourceLimitExceededException'
  | 'ResourceNotFoundException'
  | 'ResourcePolicyConflictException'
  | 'ResourcePolicyInvalidParameterException'
  | 'ResourcePolicyLimitExceededException'
  | 'ResourcePolicyNotFoundException'
  | 'ServiceQuotaExceededException'
  | 'ServiceSettingNotFound'
  | 'StatusUnchanged'
  | 'SubTypeCountLimitExceededException'
  | 'TargetInUseException'
  | 'TargetNotConnected'
  | 'ThrottlingException'
  | 'TooManyTagsError'
  | 'TooManyUpdates'
  | 'TotalSizeLimitExceededException'
  | 'UnsupportedCalendarException'
  | 'UnsupportedFeatureRequiredException'
  | 'UnsupportedInventoryItemContextException'
  | 'UnsupportedInventorySchemaVersionException'
  | 'UnsupportedOperatingSystem'
  | 'UnsupportedOperationException'
  | 'UnsupportedParameterType'
  | 'UnsupportedPlatformType'
  | 'ValidationException';

export const ssmErrorCodes = [
  'AccessDeniedException',
  'AlreadyExistsException',
  'AssociatedInstances',
  'AssociationAlreadyExists',
  'AssociationDoesNotExist',
  'AssociationExecutionDoesNotExist',
  'AssociationLimitExceeded',
  'AssociationVersionLimitExceeded',
  'AutomationDefinitionNotApprovedException',
  'AutomationDefinitionNotFoundException',
  'AutomationDefinitionVersionNotFoundException',
  'AutomationExecutionLimitExceededException',
  'AutomationExecutionNotFoundException',
  'AutomationStepNotFoundException',
  'ComplianceTypeCountLimitExceededException',
  'CustomSchemaCountLimitExceededException',
  'DocumentAlreadyExists',
  'DocumentLimitExceeded',
  'DocumentPermissionLimit',
  'DocumentVersionLimitExceeded',
  'DoesNotExistException',
  'DuplicateDocumentContent',
  'DuplicateDocumentVersionName',
  'DuplicateInstanceId',
  'FeatureNotAvailableException',
  'HierarchyLevelLimitExceededException',
  'HierarchyTypeMismatchException',
  'IdempotentParameterMismatch',
  'IncompatiblePolicyException',
  'InternalServerError',
  'InvalidActivation',
  'InvalidActivationId',
  'InvalidAggregatorException',
  'InvalidAllowedPatternException',
  'InvalidAssociation',
  'InvalidAssociationVersion',
  'InvalidAutomationExecutionParametersException',
  'InvalidAutomationSignalException',
  'InvalidAutomationStatusUpdateException',
  'InvalidCommandId',
  'InvalidDeleteInventoryParametersException',
  'InvalidDeletionIdException',
  'InvalidDocument',
  'InvalidDocumentContent',
  'InvalidDocumentOperation',
  'InvalidDocumentSchemaVersion',
  'InvalidDocumentType',
  'InvalidDocumentVersion',
  'InvalidFilter',
  'InvalidFilterKey',
  'InvalidFilterOption',
  'InvalidFilterValue',
  'InvalidInstanceId',
  'InvalidInstanceInformationFilterValue',
  'InvalidInstancePropertyFilterValue',
  'InvalidInventoryGroupException',
  'InvalidInventoryItemContextException',
  'InvalidInventoryRequestException',
  'InvalidItemContentException',
  'InvalidKeyId',
  'InvalidNextToken',
  'InvalidNotificationConfig',
  'InvalidOptionException',
  'InvalidOutputFolder',
  'InvalidOutputLocation',
  'InvalidParameters',
  'InvalidPermissionType',
  'InvalidPluginName',
  'InvalidPolicyAttributeException',
  'InvalidPolicyTypeException',
  'InvalidResourceId',
  'InvalidResourceType',
  'InvalidResultAttributeException',
  'InvalidRole',
  'InvalidSchedule',
  'InvalidTag',
  'InvalidTarget',
  'InvalidTargetMaps',
  'InvalidTypeNameException',
  'InvalidUpdate',
  'InvocationDoesNotExist',
  'ItemContentMismatchException',
  'ItemSizeLimitExceededException',
  'MalformedResourcePolicyDocumentException',
  'MaxDocumentSizeExceeded',
  'NoLongerSupportedException',
  'OpsItemAccessDeniedException',
  'OpsItemAlreadyExistsException',
  'OpsItemConflictException',
  'OpsItemInvalidParameterException',
  'OpsItemLimitExceededException',
  'OpsItemNotFoundException',
  'OpsItemRelatedItemAlreadyExistsException',
  'OpsItemRelatedItemAssociationNotFoundException',
  'OpsMetadataAlreadyExistsException',
  'OpsMetadataInvalidArgumentException',
  'OpsMetadataKeyLimitExceededException',
  'OpsMetadataLimitExceededException',
  'OpsMetadataNotFoundException',
  'OpsMetadataTooManyUpdatesException',
  'ParameterAlreadyExists',
  'ParameterLimitExceeded',
  'ParameterMaxVersionLimitExceeded',
  'ParameterNotFound',
  'ParameterPatternMismatchException',
  'ParameterVersionLabelLimitExceeded',
  'ParameterVersionNotFound',
  'PoliciesLimitExceededException',
  'ResourceDataSyncAlreadyExistsException',
  'ResourceDataSyncConflictException',
  'ResourceDataSyncCountExceededException',
  'ResourceDataSyncInvalidConfigurationException',
  'ResourceDataSyncNotFoundException',
  'ResourceInUseException',
  'ResourceLimitExceededException',
  'ResourceNotFoundException',
  'ResourcePolicyConflictException',
  'ResourcePolicyInvalidParameterException',
  'ResourcePolicyLimitExceededException',
  'ResourcePolicyNotFoundException',
  'ServiceQuotaExceededException',
  'ServiceSettingNotFound',
  'StatusUnchanged',
  'SubTypeCountLimitExceededException',
  'TargetInUseException',
  'TargetNotConnected',
  'ThrottlingException',
  'TooManyTagsError',
  'TooManyUpdates',
  'TotalSizeLimitExceededException',
  'UnsupportedCalendarException',
  'UnsupportedFeatureRequiredException',
  'UnsupportedInventoryItemContextException',
  'UnsupportedInventorySchemaVersionException',
  'UnsupportedOperatingSystem',
  'UnsupportedOperationException',
  'UnsupportedParameterType',
  'UnsupportedPlatformType',
  'ValidationException',
] as const;

export const ssmOperationNames = [
  'AddTagsToResource',
  'AssociateOpsItemRelatedItem',
  'CancelCommand',
  'CancelMaintenanceWindowExecution',
  'CreateActivation',
  'CreateAssociation',
  'CreateAssociationBatch',
  'CreateDocument',
  'CreateMaintenanceWindow',
  'CreateOpsItem',
  'CreateOpsMetadata',
  'CreatePatchBaseline',
  'CreateResourceDataSync',
  'DeleteActivation',
  'DeleteAssociation',
  'DeleteDocument',
  'DeleteInventory',
  'DeleteMaintenanceWindow',
  'DeleteOpsItem',
  'DeleteOpsMetadata',
  'DeleteParameter',
  'DeleteParameters',
  'DeletePatchBaseline',
  'DeleteResourceDataSync',
  'DeleteResourcePolicy',
  'DeregisterManagedInstance',
  'DeregisterPatchBaselineForPatchGroup',
  'DeregisterTargetFromMaintenanceWindow',
  'DeregisterTaskFromMaintenanceWindow',
  'DescribeActivations',
  'DescribeAssociation',
  'DescribeAssociationExecutionTargets',
  'DescribeAssociationExecutions',
  'DescribeAutomationExecutions',
  'DescribeAutomationStepExecutions',
  'DescribeAvailablePatches',
  'DescribeDocument',
  'DescribeDocumentPermission',
  'DescribeEffectiveInstanceAssociations',
  'DescribeEffectivePatchesForPatchBaseline',
  'DescribeInstanceAssociationsStatus',
  'DescribeInstanceInformation',
  'DescribeInstancePatchStates',
  'DescribeInstancePatchStatesForPatchGroup',
  'DescribeInstancePatches',
  'DescribeInstanceProperties',
  'DescribeInventoryDeletions',
  'DescribeMaintenanceWindowExecutionTaskInvocations',
  'DescribeMaintenanceWindowExecutionTasks',
  'DescribeMaintenanceWindowExecutions',
  'DescribeMaintenanceWindowSchedule',
  'DescribeMaintenanceWindowTargets',
  'DescribeMaintenanceWindowTasks',
  'DescribeMaintenanceWindows',
  'DescribeMaintenanceWindowsForTarget',
  'DescribeOpsItems',
  'DescribeParameters',
  'DescribePatchBaselines',
  'DescribePatchGroupState',
  'DescribePatchGroups',
  'DescribePatchProperties',
  'DescribeSessions',
  'DisassociateOpsItemRelatedItem',
  'GetAccessToken',
  'GetAutomationExecution',
  'GetCalendarState',
  'GetCommandInvocation',
  'GetConnectionStatus',
  'GetDefaultPatchBaseline',
  'GetDeployablePatchSnapshotForInstance',
  'GetDocument',
  'GetExecutionPreview',
  'GetInventory',
  'GetInventorySchema',
  'GetMaintenanceWindow',
  'GetMaintenanceWindowExecution',
  'GetMaintenanceWindowExecutionTask',
  'GetMaintenanceWindowExecutionTaskInvocation',
  'GetMaintenanceWindowTask',
  'GetOpsItem',
  'GetOpsMetadata',
  'GetOpsSummary',
  'GetParameter',
  'GetParameterHistory',
  'GetParameters',
  'GetParametersByPath',
  'GetPatchBaseline',
  'GetPatchBaselineForPatchGroup',
  'GetResourcePolicies',
  'GetServiceSetting',
  'LabelParameterVersion',
  'ListAssociationVersions',
  'ListAssociations',
  'ListCommandInvocations',
  'ListCommands',
  'ListComplianceItems',
  'ListComplianceSummaries',
  'ListDocumentMetadataHistory',
  'ListDocumentVersions',
  'ListDocuments',
  'ListInventoryEntries',
  'ListNodes',
  'ListNodesSummary',
  'ListOpsItemEvents',
  'ListOpsItemRelatedItems',
  'ListOpsMetadata',
  'ListResourceComplianceSummaries',
  'ListResourceDataSync',
  'ListTagsForResource',
  'ModifyDocumentPermission',
  'PutComplianceItems',
  'PutInventory',
  'PutParameter',
  'PutResourcePolicy',
  'RegisterDefaultPatchBaseline',
  'RegisterPatchBaselineForPatchGroup',
  'RegisterTargetWithMaintenanceWindow',
  'RegisterTaskWithMaintenanceWindow',
  'RemoveTagsFromResource',
  'ResetServiceSetting',
  'ResumeSession',
  'SendAutomationSignal',
  'SendCommand',
  'StartAccessRequest',
  'StartAssociationsOnce',
  'StartAutomationExecution',
  'StartChangeRequestExecution',
  'StartExecutionPreview',
  'StartSession',
  'StopAutomationExecution',
  'TerminateSession',
  'UnlabelParameterVersion',
  'UpdateAssociation',
  'UpdateAssociationStatus',
  'UpdateDocument',
  'UpdateDocumentDefaultVersion',
  'UpdateDocumentMetadata',
  'UpdateMaintenanceWindow',
  'UpdateMaintenanceWindowTarget',
  'UpdateMaintenanceWindowTask',
  'UpdateManagedInstanceRole',
  'UpdateOpsItem',
  'UpdateOpsMetadata',
  'UpdatePatchBaseline',
  'UpdateResourceDataSync',
  'UpdateServiceSetting',
] as const;
