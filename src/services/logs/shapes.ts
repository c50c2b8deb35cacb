// generated — do not edit; run npm run gen
// Source: models/logs.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export type AccessDeniedException = Empty;

export interface AccountPolicy {
  policyName?: string;
  policyDocument?: string;
  lastUpdatedTime?: number;
  policyType?: PolicyType;
  scope?: Scope;
  selectionCriteria?: string;
  accountId?: string;
}

export type ActionStatus = 'IN_PROGRESS' | 'CLIENT_ERROR' | 'FAILED' | 'COMPLETE';

export interface AddKeyEntry {
  key: string;
  value: string;
  overwriteIfExists?: boolean;
}

export interface AddKeys {
  entries: AddKeyEntry[];
}

export interface AggregateLogGroupSummary {
  logGroupCount?: number;
  groupingIdentifiers?: GroupingIdentifier[];
}

export interface Anomaly {
  anomalyId: string;
  patternId: string;
  anomalyDetectorArn: string;
  patternString: string;
  patternRegex?: string;
  priority?: string;
  firstSeen: number;
  lastSeen: number;
  description: string;
  active: boolean;
  state: State;
  histogram: Record<string, number>;
  logSamples: LogEvent[];
  patternTokens: PatternToken[];
  logGroupArnList: string[];
  suppressed?: boolean;
  suppressedDate?: number;
  suppressedUntil?: number;
  isPatternLevelSuppression?: boolean;
}

export interface AnomalyDetector {
  anomalyDetectorArn?: string;
  detectorName?: string;
  logGroupArnList?: string[];
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: string;
  anomalyDetectorStatus?: AnomalyDetectorStatus;
  kmsKeyId?: string;
  creationTimeStamp?: number;
  lastModifiedTimeStamp?: number;
  anomalyVisibilityTime?: number;
}

export type AnomalyDetectorStatus = 'INITIALIZING' | 'TRAINING' | 'ANALYZING' | 'FAILED' | 'DELETED' | 'PAUSED';

export interface AssociateKmsKeyRequest {
  logGroupName?: string;
  kmsKeyId: string;
  resourceIdentifier?: string;
}

export interface AssociateSourceToS3TableIntegrationRequest {
  integrationArn: string;
  dataSource: DataSource;
}

export interface AssociateSourceToS3TableIntegrationResponse {
  identifier?: string;
}

export interface CSV {
  quoteCharacter?: string;
  delimiter?: string;
  columns?: string[];
  source?: string;
  destination?: string;
}

export interface CancelExportTaskRequest {
  taskId: string;
}

export interface CancelImportTaskRequest {
  importId: string;
}

export interface CancelImportTaskResponse {
  importId?: string;
  importStatistics?: ImportStatistics;
  importStatus?: ImportStatus;
  creationTime?: number;
  lastUpdatedTime?: number;
}

export interface ConfigurationTemplate {
  service?: string;
  logType?: string;
  resourceType?: string;
  deliveryDestinationType?: DeliveryDestinationType;
  defaultDeliveryConfigValues?: ConfigurationTemplateDeliveryConfigValues;
  allowedFields?: RecordField[];
  allowedOutputFormats?: OutputFormat[];
  allowedActionForAllowVendedLogsDeliveryForResource?: string;
  allowedFieldDelimiters?: string[];
  allowedSuffixPathFields?: string[];
  deliverySourceConfiguration?: DeliverySourceConfigurationSchema[];
  s3TablesIntegration?: S3TablesIntegration;
}

export interface ConfigurationTemplateDeliveryConfigValues {
  recordFields?: string[];
  fieldDelimiter?: string;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
}

export type ConflictException = Empty;

export interface CopyValue {
  entries: CopyValueEntry[];
}

export interface CopyValueEntry {
  source: string;
  target: string;
  overwriteIfExists?: boolean;
}

export interface CreateDeliveryRequest {
  deliverySourceName: string;
  deliveryDestinationArn: string;
  recordFields?: string[];
  fieldDelimiter?: string;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
  tags?: Record<string, string>;
}

export interface CreateDeliveryResponse {
  delivery?: Delivery;
}

export interface CreateExportTaskRequest {
  taskName?: string;
  logGroupName: string;
  logStreamNamePrefix?: string;
  from: number;
  to: number;
  destination: string;
  destinationPrefix?: string;
}

export interface CreateExportTaskResponse {
  taskId?: string;
}

export interface CreateImportTaskRequest {
  importSourceArn: string;
  importRoleArn: string;
  importFilter?: ImportFilter;
}

export interface CreateImportTaskResponse {
  importId?: string;
  importDestinationArn?: string;
  creationTime?: number;
}

export interface CreateLogAnomalyDetectorRequest {
  logGroupArnList: string[];
  detectorName?: string;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: string;
  kmsKeyId?: string;
  anomalyVisibilityTime?: number;
  tags?: Record<string, string>;
}

export interface CreateLogAnomalyDetectorResponse {
  anomalyDetectorArn?: string;
}

export interface CreateLogGroupRequest {
  logGroupName: string;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  logGroupClass?: LogGroupClass;
  deletionProtectionEnabled?: boolean;
}

export interface CreateLogStreamRequest {
  logGroupName: string;
  logStreamName: string;
}

export interface CreateLookupTableRequest {
  lookupTableName: string;
  description?: string;
  tableBody: string;
  kmsKeyId?: string;
  tags?: Record<string, string>;
}

export interface CreateLookupTableResponse {
  lookupTableArn?: string;
  createdAt?: number;
}

export interface CreateScheduledQueryRequest {
  name: string;
  description?: string;
  queryLanguage: QueryLanguage;
  queryString: string;
  logGroupIdentifiers?: string[];
  scheduleExpression: string;
  timezone?: string;
  startTimeOffset?: number;
  destinationConfiguration?: DestinationConfiguration;
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  executionRoleArn: string;
  state?: ScheduledQueryState;
  tags?: Record<string, string>;
}

export interface CreateScheduledQueryResponse {
  scheduledQueryArn?: string;
  state?: ScheduledQueryState;
}

export interface DataAlreadyAcceptedException {
  expectedSequenceToken?: string;
}

export type DataProtectionStatus = 'ACTIVATED' | 'DELETED' | 'ARCHIVED' | 'DISABLED';

export interface DataSource {
  name: string;
  type?: string;
}

export interface DataSourceFilter {
  name: string;
  type?: string;
}

export interface DateTimeConverter {
  source: string;
  target: string;
  targetFormat?: string;
  matchPatterns: string[];
  sourceTimezone?: string;
  targetTimezone?: string;
  locale?: string;
}

export interface DeleteAccountPolicyRequest {
  policyName: string;
  policyType: PolicyType;
}

export interface DeleteDataProtectionPolicyRequest {
  logGroupIdentifier: string;
}

export interface DeleteDeliveryDestinationPolicyRequest {
  deliveryDestinationName: string;
}

export interface DeleteDeliveryDestinationRequest {
  name: string;
}

export interface DeleteDeliveryRequest {
  id: string;
}

export interface DeleteDeliverySourceRequest {
  name: string;
}

export interface DeleteDestinationRequest {
  destinationName: string;
}

export interface DeleteIndexPolicyRequest {
  logGroupIdentifier: string;
}

export type DeleteIndexPolicyResponse = Empty;

export interface DeleteIntegrationRequest {
  integrationName: string;
  force?: boolean;
}

export type DeleteIntegrationResponse = Empty;

export interface DeleteKeys {
  withKeys: string[];
}

export interface DeleteLogAnomalyDetectorRequest {
  anomalyDetectorArn: string;
}

export interface DeleteLogGroupRequest {
  logGroupName: string;
}

export interface DeleteLogStreamRequest {
  logGroupName: string;
  logStreamName: string;
}

export interface DeleteLookupTableRequest {
  lookupTableArn: string;
}

export interface DeleteMetricFilterRequest {
  logGroupName: string;
  filterName: string;
}

export interface DeleteQueryDefinitionRequest {
  queryDefinitionId: string;
}

export interface DeleteQueryDefinitionResponse {
  success?: boolean;
}

export interface DeleteResourcePolicyRequest {
  policyName?: string;
  resourceArn?: string;
  expectedRevisionId?: string;
}

export interface DeleteRetentionPolicyRequest {
  logGroupName: string;
}

export interface DeleteScheduledQueryRequest {
  identifier: string;
}

export type DeleteScheduledQueryResponse = Empty;

export interface DeleteSubscriptionFilterRequest {
  logGroupName: string;
  filterName: string;
}

export interface DeleteTransformerRequest {
  logGroupIdentifier: string;
}

export interface Delivery {
  id?: string;
  arn?: string;
  deliverySourceName?: string;
  deliveryDestinationArn?: string;
  deliveryDestinationType?: DeliveryDestinationType;
  recordFields?: string[];
  fieldDelimiter?: string;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
  tags?: Record<string, string>;
}

export interface DeliveryDestination {
  name?: string;
  arn?: string;
  deliveryDestinationType?: DeliveryDestinationType;
  outputFormat?: OutputFormat;
  deliveryDestinationConfiguration?: DeliveryDestinationConfiguration;
  tags?: Record<string, string>;
}

export interface DeliveryDestinationConfiguration {
  destinationResourceArn: string;
}

export type DeliveryDestinationType = 'S3' | 'CWL' | 'FH' | 'XRAY';

export interface DeliverySource {
  name?: string;
  arn?: string;
  resourceArns?: string[];
  service?: string;
  logType?: string;
  tags?: Record<string, string>;
  deliverySourceConfiguration?: Record<string, string>;
  status?: DeliverySourceStatus;
  statusReason?: DeliverySourceStatusReason;
}

export interface DeliverySourceConfigurationSchema {
  keyName: string;
  valueType: DeliverySourceConfigurationSchemaValueType;
  defaultValue: string;
  supportedValues?: string[];
  minValue?: number;
  maxValue?: number;
}

export type DeliverySourceConfigurationSchemaValueType = 'string' | 'boolean' | 'int' | 'double' | 'long';

export type DeliverySourceStatus = 'ACTIVE' | 'INACTIVE';

export type DeliverySourceStatusReason = 'RESOURCE_DELETED';

export interface DescribeAccountPoliciesRequest {
  policyType: PolicyType;
  policyName?: string;
  accountIdentifiers?: string[];
  nextToken?: string;
}

export interface DescribeAccountPoliciesResponse {
  accountPolicies?: AccountPolicy[];
  nextToken?: string;
}

export interface DescribeConfigurationTemplatesRequest {
  service?: string;
  logTypes?: string[];
  resourceTypes?: string[];
  deliveryDestinationTypes?: DeliveryDestinationType[];
  nextToken?: string;
  limit?: number;
}

export interface DescribeConfigurationTemplatesResponse {
  configurationTemplates?: ConfigurationTemplate[];
  nextToken?: string;
}

export interface DescribeDeliveriesRequest {
  nextToken?: string;
  limit?: number;
}

export interface DescribeDeliveriesResponse {
  deliveries?: Delivery[];
  nextToken?: string;
}

export interface DescribeDeliveryDestinationsRequest {
  nextToken?: string;
  limit?: number;
}

export interface DescribeDeliveryDestinationsResponse {
  deliveryDestinations?: DeliveryDestination[];
  nextToken?: string;
}

export interface DescribeDeliverySourcesRequest {
  nextToken?: string;
  limit?: number;
}

export interface DescribeDeliverySourcesResponse {
  deliverySources?: DeliverySource[];
  nextToken?: string;
}

export interface DescribeDestinationsRequest {
  DestinationNamePrefix?: string;
  nextToken?: string;
  limit?: number;
}

export interface DescribeDestinationsResponse {
  destinations?: Destination[];
  nextToken?: string;
}

export interface DescribeExportTasksRequest {
  taskId?: string;
  statusCode?: ExportTaskStatusCode;
  nextToken?: string;
  limit?: number;
}

export interface DescribeExportTasksResponse {
  exportTasks?: ExportTask[];
  nextToken?: string;
}

export interface DescribeFieldIndexesRequest {
  logGroupIdentifiers: string[];
  nextToken?: string;
}

export interface DescribeFieldIndexesResponse {
  fieldIndexes?: FieldIndex[];
  nextToken?: string;
}

export interface DescribeImportTaskBatchesRequest {
  importId: string;
  batchImportStatus?: ImportStatus[];
  limit?: number;
  nextToken?: string;
}

export interface DescribeImportTaskBatchesResponse {
  importSourceArn?: string;
  importId?: string;
  importBatches?: ImportBatch[];
  nextToken?: string;
}

export interface DescribeImportTasksRequest {
  importId?: string;
  importStatus?: ImportStatus;
  importSourceArn?: string;
  limit?: number;
  nextToken?: string;
}

export interface DescribeImportTasksResponse {
  imports?: Import[];
  nextToken?: string;
}

export interface DescribeIndexPoliciesRequest {
  logGroupIdentifiers: string[];
  nextToken?: string;
}

export interface DescribeIndexPoliciesResponse {
  indexPolicies?: IndexPolicy[];
  nextToken?: string;
}

export interface DescribeLogGroupsRequest {
  accountIdentifiers?: string[];
  logGroupNamePrefix?: string;
  logGroupNamePattern?: string;
  nextToken?: string;
  limit?: number;
  includeLinkedAccounts?: boolean;
  logGroupClass?: LogGroupClass;
  logGroupIdentifiers?: string[];
}

export interface DescribeLogGroupsResponse {
  logGroups?: LogGroup[];
  nextToken?: string;
}

export interface DescribeLogStreamsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNamePrefix?: string;
  orderBy?: OrderBy;
  descending?: boolean;
  nextToken?: string;
  limit?: number;
}

export interface DescribeLogStreamsResponse {
  logStreams?: LogStream[];
  nextToken?: string;
}

export interface DescribeLookupTablesRequest {
  lookupTableNamePrefix?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeLookupTablesResponse {
  lookupTables?: LookupTable[];
  nextToken?: string;
}

export interface DescribeMetricFiltersRequest {
  logGroupName?: string;
  filterNamePrefix?: string;
  nextToken?: string;
  limit?: number;
  metricName?: string;
  metricNamespace?: string;
}

export interface DescribeMetricFiltersResponse {
  metricFilters?: MetricFilter[];
  nextToken?: string;
}

export interface DescribeQueriesRequest {
  logGroupName?: string;
  status?: QueryStatus;
  maxResults?: number;
  nextToken?: string;
  queryLanguage?: QueryLanguage;
}

export interface DescribeQueriesResponse {
  queries?: QueryInfo[];
  nextToken?: string;
}

export interface DescribeQueryDefinitionsRequest {
  queryLanguage?: QueryLanguage;
  queryDefinitionNamePrefix?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface DescribeQueryDefinitionsResponse {
  queryDefinitions?: QueryDefinition[];
  nextToken?: string;
}

export interface DescribeResourcePoliciesRequest {
  nextToken?: string;
  limit?: number;
  resourceArn?: string;
  policyScope?: PolicyScope;
}

export interface DescribeResourcePoliciesResponse {
  resourcePolicies?: ResourcePolicy[];
  nextToken?: string;
}

export interface DescribeSubscriptionFiltersRequest {
  logGroupName: string;
  filterNamePrefix?: string;
  nextToken?: string;
  limit?: number;
}

export interface DescribeSubscriptionFiltersResponse {
  subscriptionFilters?: SubscriptionFilter[];
  nextToken?: string;
}

export interface Destination {
  destinationName?: string;
  targetArn?: string;
  roleArn?: string;
  accessPolicy?: string;
  arn?: string;
  creationTime?: number;
}

export interface DestinationConfiguration {
  s3Configuration: S3Configuration;
}

export interface DisassociateKmsKeyRequest {
  logGroupName?: string;
  resourceIdentifier?: string;
}

export interface DisassociateSourceFromS3TableIntegrationRequest {
  identifier: string;
}

export interface DisassociateSourceFromS3TableIntegrationResponse {
  identifier?: string;
}

export type Distribution = 'Random' | 'ByLogStream';

export interface Entity {
  keyAttributes?: Record<string, string>;
  attributes?: Record<string, string>;
}

export type EntityRejectionErrorType = 'InvalidEntity' | 'InvalidTypeValue' | 'InvalidKeyAttributes' | 'InvalidAttributes' | 'EntitySizeTooLarge' | 'UnsupportedLogGroupType' | 'MissingRequiredFields';

export type EvaluationFrequency = 'ONE_MIN' | 'FIVE_MIN' | 'TEN_MIN' | 'FIFTEEN_MIN' | 'THIRTY_MIN' | 'ONE_HOUR';

export type EventSource = 'CloudTrail' | 'Route53Resolver' | 'VPCFlow' | 'EKSAudit' | 'AWSWAF';

export type ExecutionStatus = 'Running' | 'InvalidQuery' | 'Complete' | 'Failed' | 'Timeout';

export interface ExportTask {
  taskId?: string;
  taskName?: string;
  logGroupName?: string;
  from?: number;
  to?: number;
  destination?: string;
  destinationPrefix?: string;
  status?: ExportTaskStatus;
  executionInfo?: ExportTaskExecutionInfo;
}

export interface ExportTaskExecutionInfo {
  creationTime?: number;
  completionTime?: number;
}

export interface ExportTaskStatus {
  code?: ExportTaskStatusCode;
  message?: string;
}

export type ExportTaskStatusCode = 'CANCELLED' | 'COMPLETED' | 'FAILED' | 'PENDING' | 'PENDING_CANCEL' | 'RUNNING';

export interface FieldIndex {
  logGroupIdentifier?: string;
  fieldIndexName?: string;
  lastScanTime?: number;
  firstEventTime?: number;
  lastEventTime?: number;
  type?: IndexType;
}

export interface FieldsData {
  data?: string;
}

export interface FilterLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
  interleaved?: boolean;
  unmask?: boolean;
}

export interface FilterLogEventsResponse {
  events?: FilteredLogEvent[];
  searchedLogStreams?: SearchedLogStream[];
  nextToken?: string;
}

export interface FilteredLogEvent {
  logStreamName?: string;
  timestamp?: number;
  message?: string;
  ingestionTime?: number;
  eventId?: string;
}

export type FlattenedElement = 'first' | 'last';

export interface GetDataProtectionPolicyRequest {
  logGroupIdentifier: string;
}

export interface GetDataProtectionPolicyResponse {
  logGroupIdentifier?: string;
  policyDocument?: string;
  lastUpdatedTime?: number;
}

export interface GetDeliveryDestinationPolicyRequest {
  deliveryDestinationName: string;
}

export interface GetDeliveryDestinationPolicyResponse {
  policy?: Policy;
}

export interface GetDeliveryDestinationRequest {
  name: string;
}

export interface GetDeliveryDestinationResponse {
  deliveryDestination?: DeliveryDestination;
}

export interface GetDeliveryRequest {
  id: string;
}

export interface GetDeliveryResponse {
  delivery?: Delivery;
}

export interface GetDeliverySourceRequest {
  name: string;
}

export interface GetDeliverySourceResponse {
  deliverySource?: DeliverySource;
}

export interface GetIntegrationRequest {
  integrationName: string;
}

export interface GetIntegrationResponse {
  integrationName?: string;
  integrationType?: IntegrationType;
  integrationStatus?: IntegrationStatus;
  integrationDetails?: IntegrationDetails;
}

export interface GetLogAnomalyDetectorRequest {
  anomalyDetectorArn: string;
}

export interface GetLogAnomalyDetectorResponse {
  detectorName?: string;
  logGroupArnList?: string[];
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: string;
  anomalyDetectorStatus?: AnomalyDetectorStatus;
  kmsKeyId?: string;
  creationTimeStamp?: number;
  lastModifiedTimeStamp?: number;
  anomalyVisibilityTime?: number;
}

export interface GetLogEventsRequest {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamName: string;
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
  unmask?: boolean;
}

export interface GetLogEventsResponse {
  events?: OutputLogEvent[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}

export interface GetLogFieldsRequest {
  dataSourceName: string;
  dataSourceType: string;
}

export interface GetLogFieldsResponse {
  logFields?: LogFieldsListItem[];
}

export interface GetLogGroupFieldsRequest {
  logGroupName?: string;
  time?: number;
  logGroupIdentifier?: string;
}

export interface GetLogGroupFieldsResponse {
  logGroupFields?: LogGroupField[];
}

export interface GetLogObjectRequest {
  unmask?: boolean;
  logObjectPointer: string;
}

export interface GetLogObjectResponse {
  fieldStream?: GetLogObjectResponseStream;
}

export interface GetLogObjectResponseStream {
  fields?: FieldsData;
  InternalStreamingException?: InternalStreamingException;
}

export interface GetLogRecordRequest {
  logRecordPointer: string;
  unmask?: boolean;
}

export interface GetLogRecordResponse {
  logRecord?: Record<string, string>;
}

export interface GetLookupTableRequest {
  lookupTableArn: string;
}

export interface GetLookupTableResponse {
  lookupTableArn?: string;
  lookupTableName?: string;
  description?: string;
  tableBody?: string;
  sizeBytes?: number;
  lastUpdatedTime?: number;
  kmsKeyId?: string;
}

export interface GetQueryResultsRequest {
  queryId: string;
  nextToken?: string;
  maxItems?: number;
}

export interface GetQueryResultsResponse {
  queryLanguage?: QueryLanguage;
  results?: (ResultField[])[];
  statistics?: QueryStatistics;
  status?: QueryStatus;
  encryptionKey?: string;
  nextToken?: string;
}

export interface GetScheduledQueryHistoryRequest {
  identifier: string;
  startTime: number;
  endTime: number;
  executionStatuses?: ExecutionStatus[];
  maxResults?: number;
  nextToken?: string;
}

export interface GetScheduledQueryHistoryResponse {
  name?: string;
  scheduledQueryArn?: string;
  triggerHistory?: TriggerHistoryRecord[];
  nextToken?: string;
}

export interface GetScheduledQueryRequest {
  identifier: string;
}

export interface GetScheduledQueryResponse {
  scheduledQueryArn?: string;
  name?: string;
  description?: string;
  queryLanguage?: QueryLanguage;
  queryString?: string;
  logGroupIdentifiers?: string[];
  scheduleExpression?: string;
  timezone?: string;
  startTimeOffset?: number;
  destinationConfiguration?: DestinationConfiguration;
  state?: ScheduledQueryState;
  lastTriggeredTime?: number;
  lastExecutionStatus?: ExecutionStatus;
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  executionRoleArn?: string;
  creationTime?: number;
  lastUpdatedTime?: number;
}

export interface GetTransformerRequest {
  logGroupIdentifier: string;
}

export interface GetTransformerResponse {
  logGroupIdentifier?: string;
  creationTime?: number;
  lastModifiedTime?: number;
  transformerConfig?: Processor[];
}

export interface Grok {
  source?: string;
  match: string;
}

export interface GroupingIdentifier {
  key?: string;
  value?: string;
}

export interface Import {
  importId?: string;
  importSourceArn?: string;
  importStatus?: ImportStatus;
  importDestinationArn?: string;
  importStatistics?: ImportStatistics;
  importFilter?: ImportFilter;
  creationTime?: number;
  lastUpdatedTime?: number;
  errorMessage?: string;
}

export interface ImportBatch {
  batchId: string;
  status: ImportStatus;
  errorMessage?: string;
}

export interface ImportFilter {
  startEventTime?: number;
  endEventTime?: number;
}

export interface ImportStatistics {
  bytesImported?: number;
}

export type ImportStatus = 'IN_PROGRESS' | 'CANCELLED' | 'COMPLETED' | 'FAILED';

export interface IndexPolicy {
  logGroupIdentifier?: string;
  lastUpdateTime?: number;
  policyDocument?: string;
  policyName?: string;
  source?: IndexSource;
}

export type IndexSource = 'ACCOUNT' | 'LOG_GROUP';

export type IndexType = 'FACET' | 'FIELD_INDEX';

export type InheritedProperty = 'ACCOUNT_DATA_PROTECTION';

export interface InputLogEvent {
  timestamp: number;
  message: string;
}

export interface IntegrationDetails {
  openSearchIntegrationDetails?: OpenSearchIntegrationDetails;
}

export type IntegrationStatus = 'PROVISIONING' | 'ACTIVE' | 'FAILED';

export interface IntegrationSummary {
  integrationName?: string;
  integrationType?: IntegrationType;
  integrationStatus?: IntegrationStatus;
}

export type IntegrationType = 'OPENSEARCH';

export type InternalServerException = Empty;

export interface InternalStreamingException {
  message?: string;
}

export type InvalidOperationException = Empty;

export type InvalidParameterException = Empty;

export interface InvalidSequenceTokenException {
  expectedSequenceToken?: string;
}

export type LimitExceededException = Empty;

export type ListAggregateLogGroupSummariesGroupBy = 'DATA_SOURCE_NAME_TYPE_AND_FORMAT' | 'DATA_SOURCE_NAME_AND_TYPE';

export interface ListAggregateLogGroupSummariesRequest {
  accountIdentifiers?: string[];
  includeLinkedAccounts?: boolean;
  logGroupClass?: LogGroupClass;
  logGroupNamePattern?: string;
  dataSources?: DataSourceFilter[];
  groupBy: ListAggregateLogGroupSummariesGroupBy;
  nextToken?: string;
  limit?: number;
}

export interface ListAggregateLogGroupSummariesResponse {
  aggregateLogGroupSummaries?: AggregateLogGroupSummary[];
  nextToken?: string;
}

export interface ListAnomaliesRequest {
  anomalyDetectorArn?: string;
  suppressionState?: SuppressionState;
  limit?: number;
  nextToken?: string;
}

export interface ListAnomaliesResponse {
  anomalies?: Anomaly[];
  nextToken?: string;
}

export interface ListIntegrationsRequest {
  integrationNamePrefix?: string;
  integrationType?: IntegrationType;
  integrationStatus?: IntegrationStatus;
}

export interface ListIntegrationsResponse {
  integrationSummaries?: IntegrationSummary[];
}

export interface ListLogAnomalyDetectorsRequest {
  filterLogGroupArn?: string;
  limit?: number;
  nextToken?: string;
}

export interface ListLogAnomalyDetectorsResponse {
  anomalyDetectors?: AnomalyDetector[];
  nextToken?: string;
}

export interface ListLogGroupsForQueryRequest {
  queryId: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListLogGroupsForQueryResponse {
  logGroupIdentifiers?: string[];
  nextToken?: string;
}

export interface ListLogGroupsRequest {
  logGroupNamePattern?: string;
  logGroupClass?: LogGroupClass;
  includeLinkedAccounts?: boolean;
  accountIdentifiers?: string[];
  nextToken?: string;
  limit?: number;
  dataSources?: DataSourceFilter[];
  fieldIndexNames?: string[];
  logGroupTags?: TagFilter[];
}

export interface ListLogGroupsResponse {
  logGroups?: LogGroupSummary[];
  nextToken?: string;
}

export interface ListScheduledQueriesRequest {
  maxResults?: number;
  nextToken?: string;
  state?: ScheduledQueryState;
}

export interface ListScheduledQueriesResponse {
  nextToken?: string;
  scheduledQueries?: ScheduledQuerySummary[];
}

export interface ListSourcesForS3TableIntegrationRequest {
  integrationArn: string;
  maxResults?: number;
  nextToken?: string;
}

export interface ListSourcesForS3TableIntegrationResponse {
  sources?: S3TableIntegrationSource[];
  nextToken?: string;
}

export interface ListTagsForResourceRequest {
  resourceArn: string;
}

export interface ListTagsForResourceResponse {
  tags?: Record<string, string>;
}

export interface ListTagsLogGroupRequest {
  logGroupName: string;
}

export interface ListTagsLogGroupResponse {
  tags?: Record<string, string>;
}

export interface ListToMap {
  source: string;
  key: string;
  valueKey?: string;
  target?: string;
  flatten?: boolean;
  flattenedElement?: FlattenedElement;
}

export interface LiveTailSessionLogEvent {
  logStreamName?: string;
  logGroupIdentifier?: string;
  message?: string;
  timestamp?: number;
  ingestionTime?: number;
}

export interface LiveTailSessionMetadata {
  sampled?: boolean;
}

export interface LiveTailSessionStart {
  requestId?: string;
  sessionId?: string;
  logGroupIdentifiers?: string[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
}

export interface LiveTailSessionUpdate {
  sessionMetadata?: LiveTailSessionMetadata;
  sessionResults?: LiveTailSessionLogEvent[];
}

export interface LogEvent {
  timestamp?: number;
  message?: string;
}

export interface LogFieldType {
  type?: string;
  element?: LogFieldType;
  fields?: LogFieldsListItem[];
}

export interface LogFieldsListItem {
  logFieldName?: string;
  logFieldType?: LogFieldType;
}

export interface LogGroup {
  logGroupName?: string;
  creationTime?: number;
  retentionInDays?: number;
  metricFilterCount?: number;
  arn?: string;
  storedBytes?: number;
  kmsKeyId?: string;
  dataProtectionStatus?: DataProtectionStatus;
  inheritedProperties?: InheritedProperty[];
  logGroupClass?: LogGroupClass;
  logGroupArn?: string;
  deletionProtectionEnabled?: boolean;
  bearerTokenAuthenticationEnabled?: boolean;
}

export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

export interface LogGroupField {
  name?: string;
  percent?: number;
}

export interface LogGroupSummary {
  logGroupName?: string;
  logGroupArn?: string;
  logGroupClass?: LogGroupClass;
}

export interface LogStream {
  logStreamName?: string;
  creationTime?: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  uploadSequenceToken?: string;
  arn?: string;
  storedBytes?: number;
}

export interface LookupTable {
  lookupTableArn?: string;
  lookupTableName?: string;
  description?: string;
  tableFields?: string[];
  recordsCount?: number;
  sizeBytes?: number;
  lastUpdatedTime?: number;
  kmsKeyId?: string;
}

export interface LowerCaseString {
  withKeys: string[];
}

export interface MalformedQueryException {
  queryCompileError?: QueryCompileError;
}

export interface MetricFilter {
  filterName?: string;
  filterPattern?: string;
  metricTransformations?: MetricTransformation[];
  creationTime?: number;
  logGroupName?: string;
  applyOnTransformedLogs?: boolean;
  fieldSelectionCriteria?: string;
  emitSystemFieldDimensions?: string[];
}

export interface MetricFilterMatchRecord {
  eventNumber?: number;
  eventMessage?: string;
  extractedValues?: Record<string, string>;
}

export interface MetricTransformation {
  metricName: string;
  metricNamespace: string;
  metricValue: string;
  defaultValue?: number;
  dimensions?: Record<string, string>;
  unit?: StandardUnit;
}

export interface MoveKeyEntry {
  source: string;
  target: string;
  overwriteIfExists?: boolean;
}

export interface MoveKeys {
  entries: MoveKeyEntry[];
}

export type OCSFVersion = 'V1.1' | 'V1.5';

export interface OpenSearchApplication {
  applicationEndpoint?: string;
  applicationArn?: string;
  applicationId?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchCollection {
  collectionEndpoint?: string;
  collectionArn?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchDataAccessPolicy {
  policyName?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchDataSource {
  dataSourceName?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchEncryptionPolicy {
  policyName?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchIntegrationDetails {
  dataSource?: OpenSearchDataSource;
  application?: OpenSearchApplication;
  collection?: OpenSearchCollection;
  workspace?: OpenSearchWorkspace;
  encryptionPolicy?: OpenSearchEncryptionPolicy;
  networkPolicy?: OpenSearchNetworkPolicy;
  accessPolicy?: OpenSearchDataAccessPolicy;
  lifecyclePolicy?: OpenSearchLifecyclePolicy;
}

export interface OpenSearchLifecyclePolicy {
  policyName?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchNetworkPolicy {
  policyName?: string;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchResourceConfig {
  kmsKeyArn?: string;
  dataSourceRoleArn: string;
  dashboardViewerPrincipals: string[];
  applicationArn?: string;
  retentionDays: number;
}

export interface OpenSearchResourceStatus {
  status?: OpenSearchResourceStatusType;
  statusMessage?: string;
}

export type OpenSearchResourceStatusType = 'ACTIVE' | 'NOT_FOUND' | 'ERROR';

export interface OpenSearchWorkspace {
  workspaceId?: string;
  status?: OpenSearchResourceStatus;
}

export type OperationAbortedException = Empty;

export type OrderBy = 'LogStreamName' | 'LastEventTime';

export type OutputFormat = 'json' | 'plain' | 'w3c' | 'raw' | 'parquet';

export interface OutputLogEvent {
  timestamp?: number;
  message?: string;
  ingestionTime?: number;
}

export interface ParseCloudfront {
  source?: string;
}

export interface ParseJSON {
  source?: string;
  destination?: string;
}

export interface ParseKeyValue {
  source?: string;
  destination?: string;
  fieldDelimiter?: string;
  keyValueDelimiter?: string;
  keyPrefix?: string;
  nonMatchValue?: string;
  overwriteIfExists?: boolean;
}

export interface ParsePostgres {
  source?: string;
}

export interface ParseRoute53 {
  source?: string;
}

export interface ParseToOCSF {
  source?: string;
  eventSource: EventSource;
  ocsfVersion: OCSFVersion;
  mappingVersion?: string;
}

export interface ParseVPC {
  source?: string;
}

export interface ParseWAF {
  source?: string;
}

export interface PatternToken {
  dynamicTokenPosition?: number;
  isDynamic?: boolean;
  tokenString?: string;
  enumerations?: Record<string, number>;
  inferredTokenName?: string;
}

export interface Policy {
  deliveryDestinationPolicy?: string;
}

export type PolicyScope = 'ACCOUNT' | 'RESOURCE';

export type PolicyType = 'DATA_PROTECTION_POLICY' | 'SUBSCRIPTION_FILTER_POLICY' | 'FIELD_INDEX_POLICY' | 'TRANSFORMER_POLICY' | 'METRIC_EXTRACTION_POLICY';

export interface Processor {
  addKeys?: AddKeys;
  copyValue?: CopyValue;
  csv?: CSV;
  dateTimeConverter?: DateTimeConverter;
  deleteKeys?: DeleteKeys;
  grok?: Grok;
  listToMap?: ListToMap;
  lowerCaseString?: LowerCaseString;
  moveKeys?: MoveKeys;
  parseCloudfront?: ParseCloudfront;
  parseJSON?: ParseJSON;
  parseKeyValue?: ParseKeyValue;
  parseRoute53?: ParseRoute53;
  parseToOCSF?: ParseToOCSF;
  parsePostgres?: ParsePostgres;
  parseVPC?: ParseVPC;
  parseWAF?: ParseWAF;
  renameKeys?: RenameKeys;
  splitString?: SplitString;
  substituteString?: SubstituteString;
  trimString?: TrimString;
  typeConverter?: TypeConverter;
  upperCaseString?: UpperCaseString;
}

export interface PutAccountPolicyRequest {
  policyName: string;
  policyDocument: string;
  policyType: PolicyType;
  scope?: Scope;
  selectionCriteria?: string;
}

export interface PutAccountPolicyResponse {
  accountPolicy?: AccountPolicy;
}

export interface PutBearerTokenAuthenticationRequest {
  logGroupIdentifier: string;
  bearerTokenAuthenticationEnabled: boolean;
}

export interface PutDataProtectionPolicyRequest {
  logGroupIdentifier: string;
  policyDocument: string;
}

export interface PutDataProtectionPolicyResponse {
  logGroupIdentifier?: string;
  policyDocument?: string;
  lastUpdatedTime?: number;
}

export interface PutDeliveryDestinationPolicyRequest {
  deliveryDestinationName: string;
  deliveryDestinationPolicy: string;
}

export interface PutDeliveryDestinationPolicyResponse {
  policy?: Policy;
}

export interface PutDeliveryDestinationRequest {
  name: string;
  outputFormat?: OutputFormat;
  deliveryDestinationConfiguration?: DeliveryDestinationConfiguration;
  deliveryDestinationType?: DeliveryDestinationType;
  tags?: Record<string, string>;
}

export interface PutDeliveryDestinationResponse {
  deliveryDestination?: DeliveryDestination;
}

export interface PutDeliverySourceRequest {
  name: string;
  resourceArn: string;
  logType: string;
  tags?: Record<string, string>;
  deliverySourceConfiguration?: Record<string, string>;
}

export interface PutDeliverySourceResponse {
  deliverySource?: DeliverySource;
}

export interface PutDestinationPolicyRequest {
  destinationName: string;
  accessPolicy: string;
  forceUpdate?: boolean;
}

export interface PutDestinationRequest {
  destinationName: string;
  targetArn: string;
  roleArn: string;
  tags?: Record<string, string>;
}

export interface PutDestinationResponse {
  destination?: Destination;
}

export interface PutIndexPolicyRequest {
  logGroupIdentifier: string;
  policyDocument: string;
}

export interface PutIndexPolicyResponse {
  indexPolicy?: IndexPolicy;
}

export interface PutIntegrationRequest {
  integrationName: string;
  resourceConfig: ResourceConfig;
  integrationType: IntegrationType;
}

export interface PutIntegrationResponse {
  integrationName?: string;
  integrationStatus?: IntegrationStatus;
}

export interface PutLogEventsRequest {
  logGroupName: string;
  logStreamName: string;
  logEvents: InputLogEvent[];
  sequenceToken?: string;
  entity?: Entity;
}

export interface PutLogEventsResponse {
  nextSequenceToken?: string;
  rejectedLogEventsInfo?: RejectedLogEventsInfo;
  rejectedEntityInfo?: RejectedEntityInfo;
}

export interface PutLogGroupDeletionProtectionRequest {
  logGroupIdentifier: string;
  deletionProtectionEnabled: boolean;
}

export interface PutMetricFilterRequest {
  logGroupName: string;
  filterName: string;
  filterPattern: string;
  metricTransformations: MetricTransformation[];
  applyOnTransformedLogs?: boolean;
  fieldSelectionCriteria?: string;
  emitSystemFieldDimensions?: string[];
}

export interface PutQueryDefinitionRequest {
  queryLanguage?: QueryLanguage;
  name: string;
  queryDefinitionId?: string;
  logGroupNames?: string[];
  queryString: string;
  clientToken?: string;
  parameters?: QueryParameter[];
}

export interface PutQueryDefinitionResponse {
  queryDefinitionId?: string;
}

export interface PutResourcePolicyRequest {
  policyName?: string;
  policyDocument?: string;
  resourceArn?: string;
  expectedRevisionId?: string;
}

export interface PutResourcePolicyResponse {
  resourcePolicy?: ResourcePolicy;
  revisionId?: string;
}

export interface PutRetentionPolicyRequest {
  logGroupName: string;
  retentionInDays: number;
}

export interface PutSubscriptionFilterRequest {
  logGroupName: string;
  filterName: string;
  filterPattern: string;
  destinationArn: string;
  roleArn?: string;
  distribution?: Distribution;
  applyOnTransformedLogs?: boolean;
  fieldSelectionCriteria?: string;
  emitSystemFields?: string[];
}

export interface PutTransformerRequest {
  logGroupIdentifier: string;
  transformerConfig: Processor[];
}

export interface QueryCompileError {
  location?: QueryCompileErrorLocation;
  message?: string;
}

export interface QueryCompileErrorLocation {
  startCharOffset?: number;
  endCharOffset?: number;
}

export interface QueryDefinition {
  queryLanguage?: QueryLanguage;
  queryDefinitionId?: string;
  name?: string;
  queryString?: string;
  lastModified?: number;
  logGroupNames?: string[];
  parameters?: QueryParameter[];
}

export interface QueryInfo {
  queryLanguage?: QueryLanguage;
  queryId?: string;
  queryString?: string;
  status?: QueryStatus;
  createTime?: number;
  logGroupName?: string;
  queryDuration?: number;
  bytesScanned?: number;
  userIdentity?: string;
}

export type QueryLanguage = 'CWLI' | 'SQL' | 'PPL';

export interface QueryParameter {
  name: string;
  defaultValue?: string;
  description?: string;
}

export interface QueryStatistics {
  recordsMatched?: number;
  recordsScanned?: number;
  estimatedRecordsSkipped?: number;
  bytesScanned?: number;
  estimatedBytesSkipped?: number;
  logGroupsScanned?: number;
}

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

export interface RecordField {
  name?: string;
  mandatory?: boolean;
}

export interface RejectedEntityInfo {
  errorType: EntityRejectionErrorType;
}

export interface RejectedLogEventsInfo {
  tooNewLogEventStartIndex?: number;
  tooOldLogEventEndIndex?: number;
  expiredLogEventEndIndex?: number;
}

export interface RenameKeyEntry {
  key: string;
  renameTo: string;
  overwriteIfExists?: boolean;
}

export interface RenameKeys {
  entries: RenameKeyEntry[];
}

export type ResourceAlreadyExistsException = Empty;

export interface ResourceConfig {
  openSearchResourceConfig?: OpenSearchResourceConfig;
}

export type ResourceNotFoundException = Empty;

export interface ResourcePolicy {
  policyName?: string;
  policyDocument?: string;
  lastUpdatedTime?: number;
  policyScope?: PolicyScope;
  resourceArn?: string;
  revisionId?: string;
}

export interface ResultField {
  field?: string;
  value?: string;
}

export interface S3Configuration {
  destinationIdentifier: string;
  roleArn: string;
  ownerAccountId?: string;
  kmsKeyId?: string;
}

export interface S3DeliveryConfiguration {
  suffixPath?: string;
  enableHiveCompatiblePath?: boolean;
}

export interface S3TableIntegrationSource {
  identifier?: string;
  dataSource?: DataSource;
  status?: S3TableIntegrationSourceStatus;
  statusReason?: string;
  createdTimeStamp?: number;
  parentSourceIdentifier?: string;
}

export type S3TableIntegrationSourceStatus = 'ACTIVE' | 'UNHEALTHY' | 'FAILED' | 'DATA_SOURCE_DELETE_IN_PROGRESS';

export interface S3TablesIntegration {
  datasourceName?: string;
  datasourceType?: string;
}

export interface ScheduledQueryDestination {
  destinationType?: ScheduledQueryDestinationType;
  destinationIdentifier?: string;
  status?: ActionStatus;
  processedIdentifier?: string;
  errorMessage?: string;
}

export type ScheduledQueryDestinationType = 'S3';

export type ScheduledQueryState = 'ENABLED' | 'DISABLED';

export interface ScheduledQuerySummary {
  scheduledQueryArn?: string;
  name?: string;
  state?: ScheduledQueryState;
  lastTriggeredTime?: number;
  lastExecutionStatus?: ExecutionStatus;
  scheduleExpression?: string;
  timezone?: string;
  destinationConfiguration?: DestinationConfiguration;
  creationTime?: number;
  lastUpdatedTime?: number;
}

export type Scope = 'ALL';

export interface SearchedLogStream {
  logStreamName?: string;
  searchedCompletely?: boolean;
}

export type ServiceQuotaExceededException = Empty;

export type ServiceUnavailableException = Empty;

export interface SessionStreamingException {
  message?: string;
}

export interface SessionTimeoutException {
  message?: string;
}

export interface SplitString {
  entries: SplitStringEntry[];
}

export interface SplitStringEntry {
  source: string;
  delimiter: string;
}

export type StandardUnit = 'Seconds' | 'Microseconds' | 'Milliseconds' | 'Bytes' | 'Kilobytes' | 'Megabytes' | 'Gigabytes' | 'Terabytes' | 'Bits' | 'Kilobits' | 'Megabits' | 'Gigabits' | 'Terabits' | 'Percent' | 'Count' | 'Bytes/Second' | 'Kilobytes/Second' | 'Megabytes/Second' | 'Gigabytes/Second' | 'Terabytes/Second' | 'Bits/Second' | 'Kilobits/Second' | 'Megabits/Second' | 'Gigabits/Second' | 'Terabits/Second' | 'Count/Second' | 'None';

export interface StartLiveTailRequest {
  logGroupIdentifiers: string[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
}

export interface StartLiveTailResponse {
  responseStream?: StartLiveTailResponseStream;
}

export interface StartLiveTailResponseStream {
  sessionStart?: LiveTailSessionStart;
  sessionUpdate?: LiveTailSessionUpdate;
  SessionTimeoutException?: SessionTimeoutException;
  SessionStreamingException?: SessionStreamingException;
}

export interface StartQueryRequest {
  queryLanguage?: QueryLanguage;
  logGroupName?: string;
  logGroupNames?: string[];
  logGroupIdentifiers?: string[];
  startTime: number;
  endTime: number;
  queryString: string;
  limit?: number;
}

export interface StartQueryResponse {
  queryId?: string;
}

export type State = 'Active' | 'Suppressed' | 'Baseline';

export interface StopQueryRequest {
  queryId: string;
}

export interface StopQueryResponse {
  success?: boolean;
}

export interface SubscriptionFilter {
  filterName?: string;
  logGroupName?: string;
  filterPattern?: string;
  destinationArn?: string;
  roleArn?: string;
  distribution?: Distribution;
  applyOnTransformedLogs?: boolean;
  creationTime?: number;
  fieldSelectionCriteria?: string;
  emitSystemFields?: string[];
}

export interface SubstituteString {
  entries: SubstituteStringEntry[];
}

export interface SubstituteStringEntry {
  source: string;
  from: string;
  to: string;
}

export interface SuppressionPeriod {
  value?: number;
  suppressionUnit?: SuppressionUnit;
}

export type SuppressionState = 'SUPPRESSED' | 'UNSUPPRESSED';

export type SuppressionType = 'LIMITED' | 'INFINITE';

export type SuppressionUnit = 'SECONDS' | 'MINUTES' | 'HOURS';

export interface TagFilter {
  key: string;
  values?: string[];
}

export interface TagLogGroupRequest {
  logGroupName: string;
  tags: Record<string, string>;
}

export interface TagResourceRequest {
  resourceArn: string;
  tags: Record<string, string>;
}

export interface TestMetricFilterRequest {
  filterPattern: string;
  logEventMessages: string[];
}

export interface TestMetricFilterResponse {
  matches?: MetricFilterMatchRecord[];
}

export interface TestTransformerRequest {
  transformerConfig: Processor[];
  logEventMessages: string[];
}

export interface TestTransformerResponse {
  transformedLogs?: TransformedLogRecord[];
}

export type ThrottlingException = Empty;

export interface TooManyTagsException {
  message?: string;
  resourceName?: string;
}

export interface TransformedLogRecord {
  eventNumber?: number;
  eventMessage?: string;
  transformedEventMessage?: string;
}

export interface TriggerHistoryRecord {
  queryId?: string;
  executionStatus?: ExecutionStatus;
  triggeredTimestamp?: number;
  errorMessage?: string;
  destinations?: ScheduledQueryDestination[];
}

export interface TrimString {
  withKeys: string[];
}

export type Type = 'boolean' | 'integer' | 'double' | 'string';

export interface TypeConverter {
  entries: TypeConverterEntry[];
}

export interface TypeConverterEntry {
  key: string;
  type: Type;
}

export type UnrecognizedClientException = Empty;

export interface UntagLogGroupRequest {
  logGroupName: string;
  tags: string[];
}

export interface UntagResourceRequest {
  resourceArn: string;
  tagKeys: string[];
}

export interface UpdateAnomalyRequest {
  anomalyId?: string;
  patternId?: string;
  anomalyDetectorArn: string;
  suppressionType?: SuppressionType;
  suppressionPeriod?: SuppressionPeriod;
  baseline?: boolean;
}

export interface UpdateDeliveryConfigurationRequest {
  id: string;
  recordFields?: string[];
  fieldDelimiter?: string;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
}

export type UpdateDeliveryConfigurationResponse = Empty;

export interface UpdateLogAnomalyDetectorRequest {
  anomalyDetectorArn: string;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: string;
  anomalyVisibilityTime?: number;
  enabled: boolean;
}

export interface UpdateLookupTableRequest {
  lookupTableArn: string;
  description?: string;
  tableBody: string;
  kmsKeyId?: string;
}

export interface UpdateLookupTableResponse {
  lookupTableArn?: string;
  lastUpdatedTime?: number;
}

export interface UpdateScheduledQueryRequest {
  identifier: string;
  description?: string;
  queryLanguage: QueryLanguage;
  queryString: string;
  logGroupIdentifiers?: string[];
  scheduleExpression: string;
  timezone?: string;
  startTimeOffset?: number;
  destinationConfiguration?: DestinationConfiguration;
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  executionRoleArn: string;
  state?: ScheduledQueryState;
}

export interface UpdateScheduledQueryResponse {
  scheduledQueryArn?: string;
  name?: string;
  description?: string;
  queryLanguage?: QueryLanguage;
  queryString?: string;
  logGroupIdentifiers?: string[];
  scheduleExpression?: string;
  timezone?: string;
  startTimeOffset?: number;
  destinationConfiguration?: DestinationConfiguration;
  state?: ScheduledQueryState;
  lastTriggeredTime?: number;
  lastExecutionStatus?: ExecutionStatus;
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  executionRoleArn?: string;
  creationTime?: number;
  lastUpdatedTime?: number;
}

export interface UpperCaseString {
  withKeys: string[];
}

export type ValidationException = Empty;

export interface LogsOperations {
  AssociateKmsKey: { input: AssociateKmsKeyRequest; output: Empty };
  AssociateSourceToS3TableIntegration: { input: AssociateSourceToS3TableIntegrationRequest; output: AssociateSourceToS3TableIntegrationResponse };
  CancelExportTask: { input: CancelExportTaskRequest; output: Empty };
  CancelImportTask: { input: CancelImportTaskRequest; output: CancelImportTaskResponse };
  CreateDelivery: { input: CreateDeliveryRequest; output: CreateDeliveryResponse };
  CreateExportTask: { input: CreateExportTaskRequest; output: CreateExportTaskResponse };
  CreateImportTask: { input: CreateImportTaskRequest; output: CreateImportTaskResponse };
  CreateLogAnomalyDetector: { input: CreateLogAnomalyDetectorRequest; output: CreateLogAnomalyDetectorResponse };
  CreateLogGroup: { input: CreateLogGroupRequest; output: Empty };
  CreateLogStream: { input: CreateLogStreamRequest; output: Empty };
  CreateLookupTable: { input: CreateLookupTableRequest; output: CreateLookupTableResponse };
  CreateScheduledQuery: { input: CreateScheduledQueryRequest; output: CreateScheduledQueryResponse };
  DeleteAccountPolicy: { input: DeleteAccountPolicyRequest; output: Empty };
  DeleteDataProtectionPolicy: { input: DeleteDataProtectionPolicyRequest; output: Empty };
  DeleteDelivery: { input: DeleteDeliveryRequest; output: Empty };
  DeleteDeliveryDestination: { input: DeleteDeliveryDestinationRequest; output: Empty };
  DeleteDeliveryDestinationPolicy: { input: DeleteDeliveryDestinationPolicyRequest; output: Empty };
  DeleteDeliverySource: { input: DeleteDeliverySourceRequest; output: Empty };
  DeleteDestination: { input: DeleteDestinationRequest; output: Empty };
  DeleteIndexPolicy: { input: DeleteIndexPolicyRequest; output: DeleteIndexPolicyResponse };
  DeleteIntegration: { input: DeleteIntegrationRequest; output: DeleteIntegrationResponse };
  DeleteLogAnomalyDetector: { input: DeleteLogAnomalyDetectorRequest; output: Empty };
  DeleteLogGroup: { input: DeleteLogGroupRequest; output: Empty };
  DeleteLogStream: { input: DeleteLogStreamRequest; output: Empty };
  DeleteLookupTable: { input: DeleteLookupTableRequest; output: Empty };
  DeleteMetricFilter: { input: DeleteMetricFilterRequest; output: Empty };
  DeleteQueryDefinition: { input: DeleteQueryDefinitionRequest; output: DeleteQueryDefinitionResponse };
  DeleteResourcePolicy: { input: DeleteResourcePolicyRequest; output: Empty };
  DeleteRetentionPolicy: { input: DeleteRetentionPolicyRequest; output: Empty };
  DeleteScheduledQuery: { input: DeleteScheduledQueryRequest; output: DeleteScheduledQueryResponse };
  DeleteSubscriptionFilter: { input: DeleteSubscriptionFilterRequest; output: Empty };
  DeleteTransformer: { input: DeleteTransformerRequest; output: Empty };
  DescribeAccountPolicies: { input: DescribeAccountPoliciesRequest; output: DescribeAccountPoliciesResponse };
  DescribeConfigurationTemplates: { input: DescribeConfigurationTemplatesRequest; output: DescribeConfigurationTemplatesResponse };
  DescribeDeliveries: { input: DescribeDeliveriesRequest; output: DescribeDeliveriesResponse };
  DescribeDeliveryDestinations: { input: DescribeDeliveryDestinationsRequest; output: DescribeDeliveryDestinationsResponse };
  DescribeDeliverySources: { input: DescribeDeliverySourcesRequest; output: DescribeDeliverySourcesResponse };
  DescribeDestinations: { input: DescribeDestinationsRequest; output: DescribeDestinationsResponse };
  DescribeExportTasks: { input: DescribeExportTasksRequest; output: DescribeExportTasksResponse };
  DescribeFieldIndexes: { input: DescribeFieldIndexesRequest; output: DescribeFieldIndexesResponse };
  DescribeImportTaskBatches: { input: DescribeImportTaskBatchesRequest; output: DescribeImportTaskBatchesResponse };
  DescribeImportTasks: { input: DescribeImportTasksRequest; output: DescribeImportTasksResponse };
  DescribeIndexPolicies: { input: DescribeIndexPoliciesRequest; output: DescribeIndexPoliciesResponse };
  DescribeLogGroups: { input: DescribeLogGroupsRequest; output: DescribeLogGroupsResponse };
  DescribeLogStreams: { input: DescribeLogStreamsRequest; output: DescribeLogStreamsResponse };
  DescribeLookupTables: { input: DescribeLookupTablesRequest; output: DescribeLookupTablesResponse };
  DescribeMetricFilters: { input: DescribeMetricFiltersRequest; output: DescribeMetricFiltersResponse };
  DescribeQueries: { input: DescribeQueriesRequest; output: DescribeQueriesResponse };
  DescribeQueryDefinitions: { input: DescribeQueryDefinitionsRequest; output: DescribeQueryDefinitionsResponse };
  DescribeResourcePolicies: { input: DescribeResourcePoliciesRequest; output: DescribeResourcePoliciesResponse };
  DescribeSubscriptionFilters: { input: DescribeSubscriptionFiltersRequest; output: DescribeSubscriptionFiltersResponse };
  DisassociateKmsKey: { input: DisassociateKmsKeyRequest; output: Empty };
  DisassociateSourceFromS3TableIntegration: { input: DisassociateSourceFromS3TableIntegrationRequest; output: DisassociateSourceFromS3TableIntegrationResponse };
  FilterLogEvents: { input: FilterLogEventsRequest; output: FilterLogEventsResponse };
  GetDataProtectionPolicy: { input: GetDataProtectionPolicyRequest; output: GetDataProtectionPolicyResponse };
  GetDelivery: { input: GetDeliveryRequest; output: GetDeliveryResponse };
  GetDeliveryDestination: { input: GetDeliveryDestinationRequest; output: GetDeliveryDestinationResponse };
  GetDeliveryDestinationPolicy: { input: GetDeliveryDestinationPolicyRequest; output: GetDeliveryDestinationPolicyResponse };
  GetDeliverySource: { input: GetDeliverySourceRequest; output: GetDeliverySourceResponse };
  GetIntegration: { input: GetIntegrationRequest; output: GetIntegrationResponse };
  GetLogAnomalyDetector: { input: GetLogAnomalyDetectorRequest; output: GetLogAnomalyDetectorResponse };
  GetLogEvents: { input: GetLogEventsRequest; output: GetLogEventsResponse };
  GetLogFields: { input: GetLogFieldsRequest; output: GetLogFieldsResponse };
  GetLogGroupFields: { input: GetLogGroupFieldsRequest; output: GetLogGroupFieldsResponse };
  GetLogObject: { input: GetLogObjectRequest; output: GetLogObjectResponse };
  GetLogRecord: { input: GetLogRecordRequest; output: GetLogRecordResponse };
  GetLookupTable: { input: GetLookupTableRequest; output: GetLookupTableResponse };
  GetQueryResults: { input: GetQueryResultsRequest; output: GetQueryResultsResponse };
  GetScheduledQuery: { input: GetScheduledQueryRequest; output: GetScheduledQueryResponse };
  GetScheduledQueryHistory: { input: GetScheduledQueryHistoryRequest; output: GetScheduledQueryHistoryResponse };
  GetTransformer: { input: GetTransformerRequest; output: GetTransformerResponse };
  ListAggregateLogGroupSummaries: { input: ListAggregateLogGroupSummariesRequest; output: ListAggregateLogGroupSummariesResponse };
  ListAnomalies: { input: ListAnomaliesRequest; output: ListAnomaliesResponse };
  ListIntegrations: { input: ListIntegrationsRequest; output: ListIntegrationsResponse };
  ListLogAnomalyDetectors: { input: ListLogAnomalyDetectorsRequest; output: ListLogAnomalyDetectorsResponse };
  ListLogGroups: { input: ListLogGroupsRequest; output: ListLogGroupsResponse };
  ListLogGroupsForQuery: { input: ListLogGroupsForQueryRequest; output: ListLogGroupsForQueryResponse };
  ListScheduledQueries: { input: ListScheduledQueriesRequest; output: ListScheduledQueriesResponse };
  ListSourcesForS3TableIntegration: { input: ListSourcesForS3TableIntegrationRequest; output: ListSourcesForS3TableIntegrationResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
  ListTagsLogGroup: { input: ListTagsLogGroupRequest; output: ListTagsLogGroupResponse };
  PutAccountPolicy: { input: PutAccountPolicyRequest; output: PutAccountPolicyResponse };
  PutBearerTokenAuthentication: { input: PutBearerTokenAuthenticationRequest; output: Empty };
  PutDataProtectionPolicy: { input: PutDataProtectionPolicyRequest; output: PutDataProtectionPolicyResponse };
  PutDeliveryDestination: { input: PutDeliveryDestinationRequest; output: PutDeliveryDestinationResponse };
  PutDeliveryDestinationPolicy: { input: PutDeliveryDestinationPolicyRequest; output: PutDeliveryDestinationPolicyResponse };
  PutDeliverySource: { input: PutDeliverySourceRequest; output: PutDeliverySourceResponse };
  PutDestination: { input: PutDestinationRequest; output: PutDestinationResponse };
  PutDestinationPolicy: { input: PutDestinationPolicyRequest; output: Empty };
  PutIndexPolicy: { input: PutIndexPolicyRequest; output: PutIndexPolicyResponse };
  PutIntegration: { input: PutIntegrationRequest; output: PutIntegrationResponse };
  PutLogEvents: { input: PutLogEventsRequest; output: PutLogEventsResponse };
  PutLogGroupDeletionProtection: { input: PutLogGroupDeletionProtectionRequest; output: Empty };
  PutMetricFilter: { input: PutMetricFilterRequest; output: Empty };
  PutQueryDefinition: { input: PutQueryDefinitionRequest; output: PutQueryDefinitionResponse };
  PutResourcePolicy: { input: PutResourcePolicyRequest; output: PutResourcePolicyResponse };
  PutRetentionPolicy: { input: PutRetentionPolicyRequest; output: Empty };
  PutSubscriptionFilter: { input: PutSubscriptionFilterRequest; output: Empty };
  PutTransformer: { input: PutTransformerRequest; output: Empty };
  StartLiveTail: { input: StartLiveTailRequest; output: StartLiveTailResponse };
  StartQuery: { input: StartQueryRequest; output: StartQueryResponse };
  StopQuery: { input: StopQueryRequest; output: StopQueryResponse };
  TagLogGroup: { input: TagLogGroupRequest; output: Empty };
  TagResource: { input: TagResourceRequest; output: Empty };
  TestMetricFilter: { input: TestMetricFilterRequest; output: TestMetricFilterResponse };
  TestTransformer: { input: TestTransformerRequest; output: TestTransformerResponse };
  UntagLogGroup: { input: UntagLogGroupRequest; output: Empty };
  UntagResource: { input: UntagResourceRequest; output: Empty };
  UpdateAnomaly: { input: UpdateAnomalyRequest; output: Empty };
  UpdateDeliveryConfiguration: { input: UpdateDeliveryConfigurationRequest; output: UpdateDeliveryConfigurationResponse };
  UpdateLogAnomalyDetector: { input: UpdateLogAnomalyDetectorRequest; output: Empty };
  UpdateLookupTable: { input: UpdateLookupTableRequest; output: UpdateLookupTableResponse };
  UpdateScheduledQuery: { input: UpdateScheduledQueryRequest; output: UpdateScheduledQueryResponse };
}

export type LogsErrorCode =
  | 'AccessDeniedException'
  | 'ConflictException'
  | 'DataAlreadyAcceptedException'
  | 'InternalServerException'
  | 'InternalStreamingException'
  | 'InvalidOperationException'
  | 'InvalidParameterException'
  | 'InvalidSequenceTokenException'
  | 'LimitExceededException'
  | 'MalformedQueryException'
  | 'OperationAbortedException'
  | 'ResourceAlreadyExistsException'
  | 'ResourceNotFoundException'
  | 'ServiceQuotaExceededException'
  | 'ServiceUnavailableException'
  | 'SessionStreamingException'
  | 'SessionTimeoutException'
  | 'ThrottlingException'
  | 'TooManyTagsException'
  | 'UnrecognizedClientException'
  | 'ValidationException';

export const logsErrorCodes = [
  'AccessDeniedException',
  'ConflictException',
  'DataAlreadyAcceptedException',
  'InternalServerException',
  'InternalStreamingException',
  'InvalidOperationException',
  'InvalidParameterException',
  'InvalidSequenceTokenException',
  'LimitExceededException',
  'MalformedQueryException',
  'OperationAbortedException',
  'ResourceAlreadyExistsException',
  'ResourceNotFoundException',
  'ServiceQuotaExceededException',
  'ServiceUnavailableException',
  'SessionStreamingException',
  'SessionTimeoutException',
  'ThrottlingException',
  'TooManyTagsException',
  'UnrecognizedClientException',
  'ValidationException',
] as const;

export const logsOperationNames = [
  'AssociateKmsKey',
  'AssociateSourceToS3TableIntegration',
  'CancelExportTask',
  'CancelImportTask',
  'CreateDelivery',
  'CreateExportTask',
  'CreateImportTask',
  'CreateLogAnomalyDetector',
  'CreateLogGroup',
  'CreateLogStream',
  'CreateLookupTable',
  'CreateScheduledQuery',
  'DeleteAccountPolicy',
  'DeleteDataProtectionPolicy',
  'DeleteDelivery',
  'DeleteDeliveryDestination',
  'DeleteDeliveryDestinationPolicy',
  'DeleteDeliverySource',
  'DeleteDestination',
  'DeleteIndexPolicy',
  'DeleteIntegration',
  'DeleteLogAnomalyDetector',
  'DeleteLogGroup',
  'DeleteLogStream',
  'DeleteLookupTable',
  'DeleteMetricFilter',
  'DeleteQueryDefinition',
  'DeleteResourcePolicy',
  'DeleteRetentionPolicy',
  'DeleteScheduledQuery',
  'DeleteSubscriptionFilter',
  'DeleteTransformer',
  'DescribeAccountPolicies',
  'DescribeConfigurationTemplates',
  'DescribeDeliveries',
  'DescribeDeliveryDestinations',
  'DescribeDeliverySources',
  'DescribeDestinations',
  'DescribeExportTasks',
  'DescribeFieldIndexes',
  'DescribeImportTaskBatches',
  'DescribeImportTasks',
  'DescribeIndexPolicies',
  'DescribeLogGroups',
  'DescribeLogStreams',
  'DescribeLookupTables',
  'DescribeMetricFilters',
  'DescribeQueries',
  'DescribeQueryDefinitions',
  'DescribeResourcePolicies',
  'DescribeSubscriptionFilters',
  'DisassociateKmsKey',
  'DisassociateSourceFromS3TableIntegration',
  'FilterLogEvents',
  'GetDataProtectionPolicy',
  'GetDelivery',
  'GetDeliveryDestination',
  'GetDeliveryDestinationPolicy',
  'GetDeliverySource',
  'GetIntegration',
  'GetLogAnomalyDetector',
  'GetLogEvents',
  'GetLogFields',
  'GetLogGroupFields',
  'GetLogObject',
  'GetLogRecord',
  'GetLookupTable',
  'GetQueryResults',
  'GetScheduledQuery',
  'GetScheduledQueryHistory',
  'GetTransformer',
  'ListAggregateLogGroupSummaries',
  'ListAnomalies',
  'ListIntegrations',
  'ListLogAnomalyDetectors',
  'ListLogGroups',
  'ListLogGroupsForQuery',
  'ListScheduledQueries',
  'ListSourcesForS3TableIntegration',
  'ListTagsForResource',
  'ListTagsLogGroup',
  'PutAccountPolicy',
  'PutBearerTokenAuthentication',
  'PutDataProtectionPolicy',
  'PutDeliveryDestination',
  'PutDeliveryDestinationPolicy',
  'PutDeliverySource',
  'PutDestination',
  'PutDestinationPolicy',
  'PutIndexPolicy',
  'PutIntegration',
  'PutLogEvents',
  'PutLogGroupDeletionProtection',
  'PutMetricFilter',
  'PutQueryDefinition',
  'PutResourcePolicy',
  'PutRetentionPolicy',
  'PutSubscriptionFilter',
  'PutTransformer',
  'StartLiveTail',
  'StartQuery',
  'StopQuery',
  'TagLogGroup',
  'TagResource',
  'TestMetricFilter',
  'TestTransformer',
  'UntagLogGroup',
  'UntagResource',
  'UpdateAnomaly',
  'UpdateDeliveryConfiguration',
  'UpdateLogAnomalyDetector',
  'UpdateLookupTable',
  'UpdateScheduledQuery',
] as const;
