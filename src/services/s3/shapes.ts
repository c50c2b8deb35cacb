// generated — do not edit; run npm run gen
// Source: models/s3.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AbacStatus {
  Status?: BucketAbacStatus;
}

export interface AbortIncompleteMultipartUpload {
  DaysAfterInitiation?: number;
}

export interface AbortMultipartUploadOutput {
  RequestCharged?: RequestCharged;
}

export interface AbortMultipartUploadRequest {
  Bucket: string;
  Key: string;
  UploadId: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  IfMatchInitiatedTime?: number;
}

export interface AccelerateConfiguration {
  Status?: BucketAccelerateStatus;
}

export interface AccessControlPolicy {
  Grants?: Grant[];
  Owner?: Owner;
}

export interface AccessControlTranslation {
  Owner: OwnerOverride;
}

export type AccessDenied = Empty;

export interface AnalyticsAndOperator {
  Prefix?: string;
  Tags?: Tag[];
}

export interface AnalyticsConfiguration {
  Id: string;
  Filter?: AnalyticsFilter;
  StorageClassAnalysis: StorageClassAnalysis;
}

export interface AnalyticsExportDestination {
  S3BucketDestination: AnalyticsS3BucketDestination;
}

export interface AnalyticsFilter {
  Prefix?: string;
  Tag?: Tag;
  And?: AnalyticsAndOperator;
}

export interface AnalyticsS3BucketDestination {
  Format: AnalyticsS3ExportFileFormat;
  BucketAccountId?: string;
  Bucket: string;
  Prefix?: string;
}

export type AnalyticsS3ExportFileFormat = 'CSV';

export type ArchiveStatus = 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';

export interface BlockedEncryptionTypes {
  EncryptionType?: EncryptionType[];
}

export interface Bucket {
  Name?: string;
  CreationDate?: number;
  BucketRegion?: string;
  BucketArn?: string;
}

export type BucketAbacStatus = 'Enabled' | 'Disabled';

export type BucketAccelerateStatus = 'Enabled' | 'Suspended';

export type BucketAlreadyExists = Empty;

export type BucketAlreadyOwnedByYou = Empty;

export type BucketCannedACL = 'private' | 'public-read' | 'public-read-write' | 'authenticated-read';

export interface BucketInfo {
  DataRedundancy?: DataRedundancy;
  Type?: BucketType;
}

export interface BucketLifecycleConfiguration {
  Rules: LifecycleRule[];
}

export type BucketLocationConstraint = 'af-south-1' | 'ap-east-1' | 'ap-east-2' | 'ap-northeast-1' | 'ap-northeast-2' | 'ap-northeast-3' | 'ap-south-1' | 'ap-south-2' | 'ap-southeast-1' | 'ap-southeast-2' | 'ap-southeast-3' | 'ap-southeast-4' | 'ap-southeast-5' | 'ap-southeast-6' | 'ap-southeast-7' | 'ca-central-1' | 'ca-west-1' | 'cn-north-1' | 'cn-northwest-1' | 'EU' | 'eu-central-1' | 'eu-central-2' | 'eu-north-1' | 'eu-south-1' | 'eu-south-2' | 'eu-west-1' | 'eu-west-2' | 'eu-west-3' | 'il-central-1' | 'me-central-1' | 'me-south-1' | 'mx-central-1' | 'sa-east-1' | 'us-east-2' | 'us-gov-east-1' | 'us-gov-west-1' | 'us-west-1' | 'us-west-2';

export interface BucketLoggingStatus {
  LoggingEnabled?: LoggingEnabled;
}

export type BucketLogsPermission = 'FULL_CONTROL' | 'READ' | 'WRITE';

export type BucketNamespace = 'account-regional' | 'global';

export type BucketType = 'Directory';

export type BucketVersioningStatus = 'Enabled' | 'Suspended';

export interface CORSConfiguration {
  CORSRules: CORSRule[];
}

export interface CORSRule {
  ID?: string;
  AllowedHeaders?: string[];
  AllowedMethods: string[];
  AllowedOrigins: string[];
  ExposeHeaders?: string[];
  MaxAgeSeconds?: number;
}

export interface CSVInput {
  FileHeaderInfo?: FileHeaderInfo;
  Comments?: string;
  QuoteEscapeCharacter?: string;
  RecordDelimiter?: string;
  FieldDelimiter?: string;
  QuoteCharacter?: string;
  AllowQuotedRecordDelimiter?: boolean;
}

export interface CSVOutput {
  QuoteFields?: QuoteFields;
  QuoteEscapeCharacter?: string;
  RecordDelimiter?: string;
  FieldDelimiter?: string;
  QuoteCharacter?: string;
}

export interface Checksum {
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
}

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME' | 'SHA512' | 'MD5' | 'XXHASH64' | 'XXHASH3' | 'XXHASH128';

export type ChecksumMode = 'ENABLED';

export type ChecksumType = 'COMPOSITE' | 'FULL_OBJECT';

export interface CloudFunctionConfiguration {
  Id?: string;
  Event?: Event_;
  Events?: Event_[];
  CloudFunction?: string;
  InvocationRole?: string;
}

export interface CommonPrefix {
  Prefix?: string;
}

export interface CompleteMultipartUploadOutput {
  Location?: string;
  Bucket?: string;
  Key?: string;
  Expiration?: string;
  ETag?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
  ServerSideEncryption?: ServerSideEncryption;
  VersionId?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  RequestCharged?: RequestCharged;
}

export interface CompleteMultipartUploadRequest {
  Bucket: string;
  Key: string;
  MultipartUpload?: CompletedMultipartUpload;
  UploadId: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
  MpuObjectSize?: number;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  IfMatch?: string;
  IfNoneMatch?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
}

export interface CompletedMultipartUpload {
  Parts?: CompletedPart[];
}

export interface CompletedPart {
  ETag?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  PartNumber?: number;
}

export type CompressionType = 'NONE' | 'GZIP' | 'BZIP2';

export interface Condition {
  HttpErrorCodeReturnedEquals?: string;
  KeyPrefixEquals?: string;
}

export type ContinuationEvent = Empty;

export interface CopyObjectOutput {
  CopyObjectResult?: CopyObjectResult;
  Expiration?: string;
  CopySourceVersionId?: string;
  VersionId?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  RequestCharged?: RequestCharged;
}

export interface CopyObjectRequest {
  ACL?: ObjectCannedACL;
  Bucket: string;
  CacheControl?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentType?: string;
  CopySource: string;
  CopySourceIfMatch?: string;
  CopySourceIfModifiedSince?: number;
  CopySourceIfNoneMatch?: string;
  CopySourceIfUnmodifiedSince?: number;
  Expires?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
  IfMatch?: string;
  IfNoneMatch?: string;
  Key: string;
  Metadata?: Record<string, string>;
  MetadataDirective?: MetadataDirective;
  TaggingDirective?: TaggingDirective;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  WebsiteRedirectLocation?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  CopySourceSSECustomerAlgorithm?: string;
  CopySourceSSECustomerKey?: string;
  CopySourceSSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  Tagging?: string;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: number;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ExpectedBucketOwner?: string;
  ExpectedSourceBucketOwner?: string;
}

export interface CopyObjectResult {
  ETag?: string;
  LastModified?: number;
  ChecksumType?: ChecksumType;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
}

export interface CopyPartResult {
  ETag?: string;
  LastModified?: number;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
}

export interface CreateBucketConfiguration {
  LocationConstraint?: BucketLocationConstraint;
  Location?: LocationInfo;
  Bucket?: BucketInfo;
  Tags?: Tag[];
}

export interface CreateBucketMetadataConfigurationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  MetadataConfiguration: MetadataConfiguration;
  ExpectedBucketOwner?: string;
}

export interface CreateBucketMetadataTableConfigurationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  MetadataTableConfiguration: MetadataTableConfiguration;
  ExpectedBucketOwner?: string;
}

export interface CreateBucketOutput {
  Location?: string;
  BucketArn?: string;
}

export interface CreateBucketRequest {
  ACL?: BucketCannedACL;
  Bucket: string;
  CreateBucketConfiguration?: CreateBucketConfiguration;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  ObjectLockEnabledForBucket?: boolean;
  ObjectOwnership?: ObjectOwnership;
  BucketNamespace?: BucketNamespace;
}

export interface CreateMultipartUploadOutput {
  AbortDate?: number;
  AbortRuleId?: string;
  Bucket?: string;
  Key?: string;
  UploadId?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  RequestCharged?: RequestCharged;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
}

export interface CreateMultipartUploadRequest {
  ACL?: ObjectCannedACL;
  Bucket: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentType?: string;
  Expires?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
  Key: string;
  Metadata?: Record<string, string>;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  WebsiteRedirectLocation?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  RequestPayer?: RequestPayer;
  Tagging?: string;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: number;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ExpectedBucketOwner?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
}

export interface CreateSessionOutput {
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  Credentials: SessionCredentials;
}

export interface CreateSessionRequest {
  SessionMode?: SessionMode;
  Bucket: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
}

export type DataRedundancy = 'SingleAvailabilityZone' | 'SingleLocalZone';

export interface DefaultRetention {
  Mode?: ObjectLockRetentionMode;
  Days?: number;
  Years?: number;
}

export interface Delete {
  Objects: ObjectIdentifier[];
  Quiet?: boolean;
}

export interface DeleteBucketAnalyticsConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketCorsRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketEncryptionRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketIntelligentTieringConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketInventoryConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketLifecycleRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketMetadataConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketMetadataTableConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketMetricsConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketOwnershipControlsRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketPolicyRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketReplicationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketTaggingRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteBucketWebsiteRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteMarkerEntry {
  Owner?: Owner;
  Key?: string;
  VersionId?: string;
  IsLatest?: boolean;
  LastModified?: number;
}

export interface DeleteMarkerReplication {
  Status?: DeleteMarkerReplicationStatus;
}

export type DeleteMarkerReplicationStatus = 'Enabled' | 'Disabled';

export interface DeleteObjectOutput {
  DeleteMarker?: boolean;
  VersionId?: string;
  RequestCharged?: RequestCharged;
}

export interface DeleteObjectRequest {
  Bucket: string;
  Key: string;
  MFA?: string;
  VersionId?: string;
  RequestPayer?: RequestPayer;
  BypassGovernanceRetention?: boolean;
  ExpectedBucketOwner?: string;
  IfMatch?: string;
  IfMatchLastModifiedTime?: number;
  IfMatchSize?: number;
}

export interface DeleteObjectTaggingOutput {
  VersionId?: string;
}

export interface DeleteObjectTaggingRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ExpectedBucketOwner?: string;
}

export interface DeleteObjectsOutput {
  Deleted?: DeletedObject[];
  RequestCharged?: RequestCharged;
  Errors?: Error_[];
}

export interface DeleteObjectsRequest {
  Bucket: string;
  Delete: Delete;
  MFA?: string;
  RequestPayer?: RequestPayer;
  BypassGovernanceRetention?: boolean;
  ExpectedBucketOwner?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
}

export interface DeletePublicAccessBlockRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface DeletedObject {
  Key?: string;
  VersionId?: string;
  DeleteMarker?: boolean;
  DeleteMarkerVersionId?: string;
}

export interface Destination {
  Bucket: string;
  Account?: string;
  StorageClass?: StorageClass;
  AccessControlTranslation?: AccessControlTranslation;
  EncryptionConfiguration?: EncryptionConfiguration;
  ReplicationTime?: ReplicationTime;
  Metrics?: Metrics;
}

export interface DestinationResult {
  TableBucketType?: S3TablesBucketType;
  TableBucketArn?: string;
  TableNamespace?: string;
}

export type EncodingType = 'url';

export interface Encryption {
  EncryptionType: ServerSideEncryption;
  KMSKeyId?: string;
  KMSContext?: string;
}

export interface EncryptionConfiguration {
  ReplicaKmsKeyID?: string;
}

export type EncryptionType = 'NONE' | 'SSE-C';

export type EncryptionTypeMismatch = Empty;

export type EndEvent = Empty;

export interface Error_ {
  Key?: string;
  VersionId?: string;
  Code?: string;
  Message?: string;
}

export interface ErrorDetails {
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface ErrorDocument {
  Key: string;
}

export type Event_ = 's3:ReducedRedundancyLostObject' | 's3:ObjectCreated:*' | 's3:ObjectCreated:Put' | 's3:ObjectCreated:Post' | 's3:ObjectCreated:Copy' | 's3:ObjectCreated:CompleteMultipartUpload' | 's3:ObjectRemoved:*' | 's3:ObjectRemoved:Delete' | 's3:ObjectRemoved:DeleteMarkerCreated' | 's3:ObjectRestore:*' | 's3:ObjectRestore:Post' | 's3:ObjectRestore:Completed' | 's3:Replication:*' | 's3:Replication:OperationFailedReplication' | 's3:Replication:OperationNotTracked' | 's3:Replication:OperationMissedThreshold' | 's3:Replication:OperationReplicatedAfterThreshold' | 's3:ObjectRestore:Delete' | 's3:LifecycleTransition' | 's3:IntelligentTiering' | 's3:ObjectAcl:Put' | 's3:LifecycleExpiration:*' | 's3:LifecycleExpiration:Delete' | 's3:LifecycleExpiration:DeleteMarkerCreated' | 's3:ObjectTagging:*' | 's3:ObjectTagging:Put' | 's3:ObjectTagging:Delete';

export type EventBridgeConfiguration = Empty;

export interface ExistingObjectReplication {
  Status: ExistingObjectReplicationStatus;
}

export type ExistingObjectReplicationStatus = 'Enabled' | 'Disabled';

export type ExpirationState = 'ENABLED' | 'DISABLED';

export type ExpirationStatus = 'Enabled' | 'Disabled';

export type ExpressionType = 'SQL';

export type FileHeaderInfo = 'USE' | 'IGNORE' | 'NONE';

export interface FilterRule {
  Name?: FilterRuleName;
  Value?: string;
}

export type FilterRuleName = 'prefix' | 'suffix';

export interface GetBucketAbacOutput {
  AbacStatus?: AbacStatus;
}

export interface GetBucketAbacRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketAccelerateConfigurationOutput {
  Status?: BucketAccelerateStatus;
  RequestCharged?: RequestCharged;
}

export interface GetBucketAccelerateConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
  RequestPayer?: RequestPayer;
}

export interface GetBucketAclOutput {
  Owner?: Owner;
  Grants?: Grant[];
}

export interface GetBucketAclRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketAnalyticsConfigurationOutput {
  AnalyticsConfiguration?: AnalyticsConfiguration;
}

export interface GetBucketAnalyticsConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketCorsOutput {
  CORSRules?: CORSRule[];
}

export interface GetBucketCorsRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketEncryptionOutput {
  ServerSideEncryptionConfiguration?: ServerSideEncryptionConfiguration;
}

export interface GetBucketEncryptionRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketIntelligentTieringConfigurationOutput {
  IntelligentTieringConfiguration?: IntelligentTieringConfiguration;
}

export interface GetBucketIntelligentTieringConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketInventoryConfigurationOutput {
  InventoryConfiguration?: InventoryConfiguration;
}

export interface GetBucketInventoryConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketLifecycleConfigurationOutput {
  Rules?: LifecycleRule[];
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface GetBucketLifecycleConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketLifecycleOutput {
  Rules?: Rule[];
}

export interface GetBucketLifecycleRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketLocationOutput {
  LocationConstraint?: BucketLocationConstraint;
}

export interface GetBucketLocationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketLoggingOutput {
  LoggingEnabled?: LoggingEnabled;
}

export interface GetBucketLoggingRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketMetadataConfigurationOutput {
  GetBucketMetadataConfigurationResult?: GetBucketMetadataConfigurationResult;
}

export interface GetBucketMetadataConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketMetadataConfigurationResult {
  MetadataConfigurationResult: MetadataConfigurationResult;
}

export interface GetBucketMetadataTableConfigurationOutput {
  GetBucketMetadataTableConfigurationResult?: GetBucketMetadataTableConfigurationResult;
}

export interface GetBucketMetadataTableConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketMetadataTableConfigurationResult {
  MetadataTableConfigurationResult: MetadataTableConfigurationResult;
  Status: string;
  Error?: ErrorDetails;
}

export interface GetBucketMetricsConfigurationOutput {
  MetricsConfiguration?: MetricsConfiguration;
}

export interface GetBucketMetricsConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketNotificationConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketOwnershipControlsOutput {
  OwnershipControls?: OwnershipControls;
}

export interface GetBucketOwnershipControlsRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketPolicyOutput {
  Policy?: string;
}

export interface GetBucketPolicyRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketPolicyStatusOutput {
  PolicyStatus?: PolicyStatus;
}

export interface GetBucketPolicyStatusRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketReplicationOutput {
  ReplicationConfiguration?: ReplicationConfiguration;
}

export interface GetBucketReplicationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketRequestPaymentOutput {
  Payer?: Payer;
}

export interface GetBucketRequestPaymentRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketTaggingOutput {
  TagSet: Tag[];
}

export interface GetBucketTaggingRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketVersioningOutput {
  Status?: BucketVersioningStatus;
  MFADelete?: MFADeleteStatus;
}

export interface GetBucketVersioningRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetBucketWebsiteOutput {
  RedirectAllRequestsTo?: RedirectAllRequestsTo;
  IndexDocument?: IndexDocument;
  ErrorDocument?: ErrorDocument;
  RoutingRules?: RoutingRule[];
}

export interface GetBucketWebsiteRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetObjectAclOutput {
  Owner?: Owner;
  Grants?: Grant[];
  RequestCharged?: RequestCharged;
}

export interface GetObjectAclRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
}

export interface GetObjectAttributesOutput {
  DeleteMarker?: boolean;
  LastModified?: number;
  VersionId?: string;
  RequestCharged?: RequestCharged;
  ETag?: string;
  Checksum?: Checksum;
  ObjectParts?: GetObjectAttributesParts;
  StorageClass?: StorageClass;
  ObjectSize?: number;
}

export interface GetObjectAttributesParts {
  TotalPartsCount?: number;
  PartNumberMarker?: number;
  NextPartNumberMarker?: number;
  MaxParts?: number;
  IsTruncated?: boolean;
  Parts?: ObjectPart[];
}

export interface GetObjectAttributesRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  MaxParts?: number;
  PartNumberMarker?: number;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  ObjectAttributes: ObjectAttributes[];
}

export interface GetObjectLegalHoldOutput {
  LegalHold?: ObjectLockLegalHold;
}

export interface GetObjectLegalHoldRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
}

export interface GetObjectLockConfigurationOutput {
  ObjectLockConfiguration?: ObjectLockConfiguration;
}

export interface GetObjectLockConfigurationRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GetObjectOutput {
  Body?: string;
  DeleteMarker?: boolean;
  AcceptRanges?: string;
  Expiration?: string;
  Restore?: string;
  LastModified?: number;
  ContentLength?: number;
  ETag?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
  MissingMeta?: number;
  VersionId?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentRange?: string;
  ContentType?: string;
  Expires?: string;
  WebsiteRedirectLocation?: string;
  ServerSideEncryption?: ServerSideEncryption;
  Metadata?: Record<string, string>;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  StorageClass?: StorageClass;
  RequestCharged?: RequestCharged;
  ReplicationStatus?: ReplicationStatus;
  PartsCount?: number;
  TagCount?: number;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: number;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
}

export interface GetObjectRequest {
  Bucket: string;
  IfMatch?: string;
  IfModifiedSince?: number;
  IfNoneMatch?: string;
  IfUnmodifiedSince?: number;
  Key: string;
  Range?: string;
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: number;
  VersionId?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  PartNumber?: number;
  ExpectedBucketOwner?: string;
  ChecksumMode?: ChecksumMode;
}

export interface GetObjectRetentionOutput {
  Retention?: ObjectLockRetention;
}

export interface GetObjectRetentionRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
}

export interface GetObjectTaggingOutput {
  VersionId?: string;
  TagSet: Tag[];
}

export interface GetObjectTaggingRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ExpectedBucketOwner?: string;
  RequestPayer?: RequestPayer;
}

export interface GetObjectTorrentOutput {
  Body?: string;
  RequestCharged?: RequestCharged;
}

export interface GetObjectTorrentRequest {
  Bucket: string;
  Key: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
}

export interface GetPublicAccessBlockOutput {
  PublicAccessBlockConfiguration?: PublicAccessBlockConfiguration;
}

export interface GetPublicAccessBlockRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface GlacierJobParameters {
  Tier: Tier;
}

export interface Grant {
  Grantee?: Grantee;
  Permission?: Permission;
}

export interface Grantee {
  DisplayName?: string;
  EmailAddress?: string;
  ID?: string;
  Type: Type;
  URI?: string;
}

export interface HeadBucketOutput {
  BucketArn?: string;
  BucketLocationType?: LocationType;
  BucketLocationName?: string;
  BucketRegion?: string;
  AccessPointAlias?: boolean;
}

export interface HeadBucketRequest {
  Bucket: string;
  ExpectedBucketOwner?: string;
}

export interface HeadObjectOutput {
  DeleteMarker?: boolean;
  AcceptRanges?: string;
  Expiration?: string;
  Restore?: string;
  ArchiveStatus?: ArchiveStatus;
  LastModified?: number;
  ContentLength?: number;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
  ETag?: string;
  MissingMeta?: number;
  VersionId?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentType?: string;
  ContentRange?: string;
  Expires?: string;
  WebsiteRedirectLocation?: string;
  ServerSideEncryption?: ServerSideEncryption;
  Metadata?: Record<string, string>;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  StorageClass?: StorageClass;
  RequestCharged?: RequestCharged;
  ReplicationStatus?: ReplicationStatus;
  PartsCount?: number;
  TagCount?: number;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: number;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
}

export interface HeadObjectRequest {
  Bucket: string;
  IfMatch?: string;
  IfModifiedSince?: number;
  IfNoneMatch?: string;
  IfUnmodifiedSince?: number;
  Key: string;
  Range?: string;
  ResponseCacheControl?: string;
  ResponseContentDisposition?: string;
  ResponseContentEncoding?: string;
  ResponseContentLanguage?: string;
  ResponseContentType?: string;
  ResponseExpires?: number;
  VersionId?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  PartNumber?: number;
  ExpectedBucketOwner?: string;
  ChecksumMode?: ChecksumMode;
}

export type IdempotencyParameterMismatch = Empty;

export interface IndexDocument {
  Suffix: string;
}

export interface Initiator {
  ID?: string;
  DisplayName?: string;
}

export interface InputSerialization {
  CSV?: CSVInput;
  CompressionType?: CompressionType;
  JSON?: JSONInput;
  Parquet?: ParquetInput;
}

export type IntelligentTieringAccessTier = 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';

export interface IntelligentTieringAndOperator {
  Prefix?: string;
  Tags?: Tag[];
}

export interface IntelligentTieringConfiguration {
  Id: string;
  Filter?: IntelligentTieringFilter;
  Status: IntelligentTieringStatus;
  Tierings: Tiering[];
}

export interface IntelligentTieringFilter {
  Prefix?: string;
  Tag?: Tag;
  And?: IntelligentTieringAndOperator;
}

export type IntelligentTieringStatus = 'Enabled' | 'Disabled';

export interface InvalidObjectState {
  StorageClass?: StorageClass;
  AccessTier?: IntelligentTieringAccessTier;
}

export type InvalidRequest = Empty;

export type InvalidWriteOffset = Empty;

export interface InventoryConfiguration {
  Destination: InventoryDestination;
  IsEnabled: boolean;
  Filter?: InventoryFilter;
  Id: string;
  IncludedObjectVersions: InventoryIncludedObjectVersions;
  OptionalFields?: InventoryOptionalField[];
  Schedule: InventorySchedule;
}

export type InventoryConfigurationState = 'ENABLED' | 'DISABLED';

export interface InventoryDestination {
  S3BucketDestination: InventoryS3BucketDestination;
}

export interface InventoryEncryption {
  SSES3?: SSES3;
  SSEKMS?: SSEKMS;
}

export interface InventoryFilter {
  Prefix: string;
}

export type InventoryFormat = 'CSV' | 'ORC' | 'Parquet';

export type InventoryFrequency = 'Daily' | 'Weekly';

export type InventoryIncludedObjectVersions = 'All' | 'Current';

export type InventoryOptionalField = 'Size' | 'LastModifiedDate' | 'StorageClass' | 'ETag' | 'IsMultipartUploaded' | 'ReplicationStatus' | 'EncryptionStatus' | 'ObjectLockRetainUntilDate' | 'ObjectLockMode' | 'ObjectLockLegalHoldStatus' | 'IntelligentTieringAccessTier' | 'BucketKeyStatus' | 'ChecksumAlgorithm' | 'ObjectAccessControlList' | 'ObjectOwner' | 'LifecycleExpirationDate';

export interface InventoryS3BucketDestination {
  AccountId?: string;
  Bucket: string;
  Format: InventoryFormat;
  Prefix?: string;
  Encryption?: InventoryEncryption;
}

export interface InventorySchedule {
  Frequency: InventoryFrequency;
}

export interface InventoryTableConfiguration {
  ConfigurationState: InventoryConfigurationState;
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
}

export interface InventoryTableConfigurationResult {
  ConfigurationState: InventoryConfigurationState;
  TableStatus?: string;
  Error?: ErrorDetails;
  TableName?: string;
  TableArn?: string;
}

export interface InventoryTableConfigurationUpdates {
  ConfigurationState: InventoryConfigurationState;
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
}

export interface JSONInput {
  Type?: JSONType;
}

export interface JSONOutput {
  RecordDelimiter?: string;
}

export type JSONType = 'DOCUMENT' | 'LINES';

export interface JournalTableConfiguration {
  RecordExpiration: RecordExpiration;
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
}

export interface JournalTableConfigurationResult {
  TableStatus: string;
  Error?: ErrorDetails;
  TableName: string;
  TableArn?: string;
  RecordExpiration: RecordExpiration;
}

export interface JournalTableConfigurationUpdates {
  RecordExpiration: RecordExpiration;
}

export interface LambdaFunctionConfiguration {
  Id?: string;
  LambdaFunctionArn: string;
  Events: Event_[];
  Filter?: NotificationConfigurationFilter;
}

export interface LifecycleConfiguration {
  Rules: Rule[];
}

export interface LifecycleExpiration {
  Date?: number;
  Days?: number;
  ExpiredObjectDeleteMarker?: boolean;
}

export interface LifecycleRule {
  Expiration?: LifecycleExpiration;
  ID?: string;
  Prefix?: string;
  Filter?: LifecycleRuleFilter;
  Status: ExpirationStatus;
  Transitions?: Transition[];
  NoncurrentVersionTransitions?: NoncurrentVersionTransition[];
  NoncurrentVersionExpiration?: NoncurrentVersionExpiration;
  AbortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
}

export interface LifecycleRuleAndOperator {
  Prefix?: string;
  Tags?: Tag[];
  ObjectSizeGreaterThan?: number;
  ObjectSizeLessThan?: number;
}

export interface LifecycleRuleFilter {
  Prefix?: string;
  Tag?: Tag;
  ObjectSizeGreaterThan?: number;
  ObjectSizeLessThan?: number;
  And?: LifecycleRuleAndOperator;
}

export interface ListBucketAnalyticsConfigurationsOutput {
  IsTruncated?: boolean;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  AnalyticsConfigurationList?: AnalyticsConfiguration[];
}

export interface ListBucketAnalyticsConfigurationsRequest {
  Bucket: string;
  ContinuationToken?: string;
  ExpectedBucketOwner?: string;
}

export interface ListBucketIntelligentTieringConfigurationsOutput {
  IsTruncated?: boolean;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  IntelligentTieringConfigurationList?: IntelligentTieringConfiguration[];
}

export interface ListBucketIntelligentTieringConfigurationsRequest {
  Bucket: string;
  ContinuationToken?: string;
  ExpectedBucketOwner?: string;
}

export interface ListBucketInventoryConfigurationsOutput {
  ContinuationToken?: string;
  InventoryConfigurationList?: InventoryConfiguration[];
  IsTruncated?: boolean;
  NextContinuationToken?: string;
}

export interface ListBucketInventoryConfigurationsRequest {
  Bucket: string;
  ContinuationToken?: string;
  ExpectedBucketOwner?: string;
}

export interface ListBucketMetricsConfigurationsOutput {
  IsTruncated?: boolean;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  MetricsConfigurationList?: MetricsConfiguration[];
}

export interface ListBucketMetricsConfigurationsRequest {
  Bucket: string;
  ContinuationToken?: string;
  ExpectedBucketOwner?: string;
}

export interface ListBucketsOutput {
  Buckets?: Bucket[];
  Owner?: Owner;
  ContinuationToken?: string;
  Prefix?: string;
}

export interface ListBucketsRequest {
  MaxBuckets?: number;
  ContinuationToken?: string;
  Prefix?: string;
  BucketRegion?: string;
}

export interface ListDirectoryBucketsOutput {
  Buckets?: Bucket[];
  ContinuationToken?: string;
}

export interface ListDirectoryBucketsRequest {
  ContinuationToken?: string;
  MaxDirectoryBuckets?: number;
}

export interface ListMultipartUploadsOutput {
  Bucket?: string;
  KeyMarker?: string;
  UploadIdMarker?: string;
  NextKeyMarker?: string;
  Prefix?: string;
  Delimiter?: string;
  NextUploadIdMarker?: string;
  MaxUploads?: number;
  IsTruncated?: boolean;
  Uploads?: MultipartUpload[];
  CommonPrefixes?: CommonPrefix[];
  EncodingType?: EncodingType;
  RequestCharged?: RequestCharged;
}

export interface ListMultipartUploadsRequest {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: EncodingType;
  KeyMarker?: string;
  MaxUploads?: number;
  Prefix?: string;
  UploadIdMarker?: string;
  ExpectedBucketOwner?: string;
  RequestPayer?: RequestPayer;
}

export interface ListObjectVersionsOutput {
  IsTruncated?: boolean;
  KeyMarker?: string;
  VersionIdMarker?: string;
  NextKeyMarker?: string;
  NextVersionIdMarker?: string;
  Versions?: ObjectVersion[];
  DeleteMarkers?: DeleteMarkerEntry[];
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  CommonPrefixes?: CommonPrefix[];
  EncodingType?: EncodingType;
  RequestCharged?: RequestCharged;
}

export interface ListObjectVersionsRequest {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: EncodingType;
  KeyMarker?: string;
  MaxKeys?: number;
  Prefix?: string;
  VersionIdMarker?: string;
  ExpectedBucketOwner?: string;
  RequestPayer?: RequestPayer;
  OptionalObjectAttributes?: OptionalObjectAttributes[];
}

export interface ListObjectsOutput {
  IsTruncated?: boolean;
  Marker?: string;
  NextMarker?: string;
  Contents?: Object_[];
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  CommonPrefixes?: CommonPrefix[];
  EncodingType?: EncodingType;
  RequestCharged?: RequestCharged;
}

export interface ListObjectsRequest {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: EncodingType;
  Marker?: string;
  MaxKeys?: number;
  Prefix?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  OptionalObjectAttributes?: OptionalObjectAttributes[];
}

export interface ListObjectsV2Output {
  IsTruncated?: boolean;
  Contents?: Object_[];
  Name?: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  CommonPrefixes?: CommonPrefix[];
  EncodingType?: EncodingType;
  KeyCount?: number;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  StartAfter?: string;
  RequestCharged?: RequestCharged;
}

export interface ListObjectsV2Request {
  Bucket: string;
  Delimiter?: string;
  EncodingType?: EncodingType;
  MaxKeys?: number;
  Prefix?: string;
  ContinuationToken?: string;
  FetchOwner?: boolean;
  StartAfter?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  OptionalObjectAttributes?: OptionalObjectAttributes[];
}

export interface ListPartsOutput {
  AbortDate?: number;
  AbortRuleId?: string;
  Bucket?: string;
  Key?: string;
  UploadId?: string;
  PartNumberMarker?: number;
  NextPartNumberMarker?: number;
  MaxParts?: number;
  IsTruncated?: boolean;
  Parts?: Part[];
  Initiator?: Initiator;
  Owner?: Owner;
  StorageClass?: StorageClass;
  RequestCharged?: RequestCharged;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
}

export interface ListPartsRequest {
  Bucket: string;
  Key: string;
  MaxParts?: number;
  PartNumberMarker?: number;
  UploadId: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
}

export interface LocationInfo {
  Type?: LocationType;
  Name?: string;
}

export type LocationType = 'AvailabilityZone' | 'LocalZone';

export interface LoggingEnabled {
  TargetBucket: string;
  TargetGrants?: TargetGrant[];
  TargetPrefix: string;
  TargetObjectKeyFormat?: TargetObjectKeyFormat;
}

export type MFADelete = 'Enabled' | 'Disabled';

export type MFADeleteStatus = 'Enabled' | 'Disabled';

export interface MetadataConfiguration {
  JournalTableConfiguration: JournalTableConfiguration;
  InventoryTableConfiguration?: InventoryTableConfiguration;
}

export interface MetadataConfigurationResult {
  DestinationResult: DestinationResult;
  JournalTableConfigurationResult?: JournalTableConfigurationResult;
  InventoryTableConfigurationResult?: InventoryTableConfigurationResult;
}

export type MetadataDirective = 'COPY' | 'REPLACE';

export interface MetadataEntry {
  Name?: string;
  Value?: string;
}

export interface MetadataTableConfiguration {
  S3TablesDestination: S3TablesDestination;
}

export interface MetadataTableConfigurationResult {
  S3TablesDestinationResult: S3TablesDestinationResult;
}

export interface MetadataTableEncryptionConfiguration {
  SseAlgorithm: TableSseAlgorithm;
  KmsKeyArn?: string;
}

export interface Metrics {
  Status: MetricsStatus;
  EventThreshold?: ReplicationTimeValue;
}

export interface MetricsAndOperator {
  Prefix?: string;
  Tags?: Tag[];
  AccessPointArn?: string;
}

export interface MetricsConfiguration {
  Id: string;
  Filter?: MetricsFilter;
}

export interface MetricsFilter {
  Prefix?: string;
  Tag?: Tag;
  AccessPointArn?: string;
  And?: MetricsAndOperator;
}

export type MetricsStatus = 'Enabled' | 'Disabled';

export interface MultipartUpload {
  UploadId?: string;
  Key?: string;
  Initiated?: number;
  StorageClass?: StorageClass;
  Owner?: Owner;
  Initiator?: Initiator;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
}

export type NoSuchBucket = Empty;

export type NoSuchKey = Empty;

export type NoSuchUpload = Empty;

export interface NoncurrentVersionExpiration {
  NoncurrentDays?: number;
  NewerNoncurrentVersions?: number;
}

export interface NoncurrentVersionTransition {
  NoncurrentDays?: number;
  StorageClass?: TransitionStorageClass;
  NewerNoncurrentVersions?: number;
}

export interface NotificationConfiguration {
  TopicConfigurations?: TopicConfiguration[];
  QueueConfigurations?: QueueConfiguration[];
  LambdaFunctionConfigurations?: LambdaFunctionConfiguration[];
  EventBridgeConfiguration?: EventBridgeConfiguration;
}

export interface NotificationConfigurationDeprecated {
  TopicConfiguration?: TopicConfigurationDeprecated;
  QueueConfiguration?: QueueConfigurationDeprecated;
  CloudFunctionConfiguration?: CloudFunctionConfiguration;
}

export interface NotificationConfigurationFilter {
  Key?: S3KeyFilter;
}

export interface Object_ {
  Key?: string;
  LastModified?: number;
  ETag?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm[];
  ChecksumType?: ChecksumType;
  Size?: number;
  StorageClass?: ObjectStorageClass;
  Owner?: Owner;
  RestoreStatus?: RestoreStatus;
}

export type ObjectAlreadyInActiveTierError = Empty;

export type ObjectAttributes = 'ETag' | 'Checksum' | 'ObjectParts' | 'StorageClass' | 'ObjectSize';

export type ObjectCannedACL = 'private' | 'public-read' | 'public-read-write' | 'authenticated-read' | 'aws-exec-read' | 'bucket-owner-read' | 'bucket-owner-full-control';

export interface ObjectEncryption {
  SSEKMS?: SSEKMSEncryption;
}

export interface ObjectIdentifier {
  Key: string;
  VersionId?: string;
  ETag?: string;
  LastModifiedTime?: number;
  Size?: number;
}

export interface ObjectLockConfiguration {
  ObjectLockEnabled?: ObjectLockEnabled;
  Rule?: ObjectLockRule;
}

export type ObjectLockEnabled = 'Enabled';

export interface ObjectLockLegalHold {
  Status?: ObjectLockLegalHoldStatus;
}

export type ObjectLockLegalHoldStatus = 'ON' | 'OFF';

export type ObjectLockMode = 'GOVERNANCE' | 'COMPLIANCE';

export interface ObjectLockRetention {
  Mode?: ObjectLockRetentionMode;
  RetainUntilDate?: number;
}

export type ObjectLockRetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

export interface ObjectLockRule {
  DefaultRetention?: DefaultRetention;
}

export type ObjectNotInActiveTierError = Empty;

export type ObjectOwnership = 'BucketOwnerPreferred' | 'ObjectWriter' | 'BucketOwnerEnforced';

export interface ObjectPart {
  PartNumber?: number;
  Size?: number;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
}

export type ObjectStorageClass = 'STANDARD' | 'REDUCED_REDUNDANCY' | 'GLACIER' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'DEEP_ARCHIVE' | 'OUTPOSTS' | 'GLACIER_IR' | 'SNOW' | 'EXPRESS_ONEZONE' | 'FSX_OPENZFS' | 'FSX_ONTAP';

export interface ObjectVersion {
  ETag?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm[];
  ChecksumType?: ChecksumType;
  Size?: number;
  StorageClass?: ObjectVersionStorageClass;
  Key?: string;
  VersionId?: string;
  IsLatest?: boolean;
  LastModified?: number;
  Owner?: Owner;
  RestoreStatus?: RestoreStatus;
}

export type ObjectVersionStorageClass = 'STANDARD';

export type OptionalObjectAttributes = 'RestoreStatus';

export interface OutputLocation {
  S3?: S3Location;
}

export interface OutputSerialization {
  CSV?: CSVOutput;
  JSON?: JSONOutput;
}

export interface Owner {
  DisplayName?: string;
  ID?: string;
}

export type OwnerOverride = 'Destination';

export interface OwnershipControls {
  Rules: OwnershipControlsRule[];
}

export interface OwnershipControlsRule {
  ObjectOwnership: ObjectOwnership;
}

export type ParquetInput = Empty;

export interface Part {
  PartNumber?: number;
  LastModified?: number;
  ETag?: string;
  Size?: number;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
}

export type PartitionDateSource = 'EventTime' | 'DeliveryTime';

export interface PartitionedPrefix {
  PartitionDateSource?: PartitionDateSource;
}

export type Payer = 'Requester' | 'BucketOwner';

export type Permission = 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';

export interface PolicyStatus {
  IsPublic?: boolean;
}

export interface Progress {
  BytesScanned?: number;
  BytesProcessed?: number;
  BytesReturned?: number;
}

export interface ProgressEvent {
  Details?: Progress;
}

export type Protocol = 'http' | 'https';

export interface PublicAccessBlockConfiguration {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

export interface PutBucketAbacRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
  AbacStatus: AbacStatus;
}

export interface PutBucketAccelerateConfigurationRequest {
  Bucket: string;
  AccelerateConfiguration: AccelerateConfiguration;
  ExpectedBucketOwner?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
}

export interface PutBucketAclRequest {
  ACL?: BucketCannedACL;
  AccessControlPolicy?: AccessControlPolicy;
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  ExpectedBucketOwner?: string;
}

export interface PutBucketAnalyticsConfigurationRequest {
  Bucket: string;
  Id: string;
  AnalyticsConfiguration: AnalyticsConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketCorsRequest {
  Bucket: string;
  CORSConfiguration: CORSConfiguration;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface PutBucketEncryptionRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ServerSideEncryptionConfiguration: ServerSideEncryptionConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketIntelligentTieringConfigurationRequest {
  Bucket: string;
  Id: string;
  ExpectedBucketOwner?: string;
  IntelligentTieringConfiguration: IntelligentTieringConfiguration;
}

export interface PutBucketInventoryConfigurationRequest {
  Bucket: string;
  Id: string;
  InventoryConfiguration: InventoryConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketLifecycleConfigurationOutput {
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface PutBucketLifecycleConfigurationRequest {
  Bucket: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  LifecycleConfiguration?: BucketLifecycleConfiguration;
  ExpectedBucketOwner?: string;
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface PutBucketLifecycleRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  LifecycleConfiguration?: LifecycleConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketLoggingRequest {
  Bucket: string;
  BucketLoggingStatus: BucketLoggingStatus;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface PutBucketMetricsConfigurationRequest {
  Bucket: string;
  Id: string;
  MetricsConfiguration: MetricsConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketNotificationConfigurationRequest {
  Bucket: string;
  NotificationConfiguration: NotificationConfiguration;
  ExpectedBucketOwner?: string;
  SkipDestinationValidation?: boolean;
}

export interface PutBucketNotificationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  NotificationConfiguration: NotificationConfigurationDeprecated;
  ExpectedBucketOwner?: string;
}

export interface PutBucketOwnershipControlsRequest {
  Bucket: string;
  ContentMD5?: string;
  ExpectedBucketOwner?: string;
  OwnershipControls: OwnershipControls;
  ChecksumAlgorithm?: ChecksumAlgorithm;
}

export interface PutBucketPolicyRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ConfirmRemoveSelfBucketAccess?: boolean;
  Policy: string;
  ExpectedBucketOwner?: string;
}

export interface PutBucketReplicationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ReplicationConfiguration: ReplicationConfiguration;
  Token?: string;
  ExpectedBucketOwner?: string;
}

export interface PutBucketRequestPaymentRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  RequestPaymentConfiguration: RequestPaymentConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketTaggingRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  Tagging: Tagging;
  ExpectedBucketOwner?: string;
}

export interface PutBucketVersioningRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  MFA?: string;
  VersioningConfiguration: VersioningConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutBucketWebsiteRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  WebsiteConfiguration: WebsiteConfiguration;
  ExpectedBucketOwner?: string;
}

export interface PutObjectAclOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectAclRequest {
  ACL?: ObjectCannedACL;
  AccessControlPolicy?: AccessControlPolicy;
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
  Key: string;
  RequestPayer?: RequestPayer;
  VersionId?: string;
  ExpectedBucketOwner?: string;
}

export interface PutObjectLegalHoldOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectLegalHoldRequest {
  Bucket: string;
  Key: string;
  LegalHold?: ObjectLockLegalHold;
  RequestPayer?: RequestPayer;
  VersionId?: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface PutObjectLockConfigurationOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectLockConfigurationRequest {
  Bucket: string;
  ObjectLockConfiguration?: ObjectLockConfiguration;
  RequestPayer?: RequestPayer;
  Token?: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface PutObjectOutput {
  Expiration?: string;
  ETag?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  ChecksumType?: ChecksumType;
  ServerSideEncryption?: ServerSideEncryption;
  VersionId?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  Size?: number;
  RequestCharged?: RequestCharged;
}

export interface PutObjectRequest {
  ACL?: ObjectCannedACL;
  Body?: string;
  Bucket: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentLength?: number;
  ContentMD5?: string;
  ContentType?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  Expires?: string;
  IfMatch?: string;
  IfNoneMatch?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWriteACP?: string;
  Key: string;
  WriteOffsetBytes?: number;
  Metadata?: Record<string, string>;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  WebsiteRedirectLocation?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  RequestPayer?: RequestPayer;
  Tagging?: string;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: number;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ExpectedBucketOwner?: string;
}

export interface PutObjectRetentionOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectRetentionRequest {
  Bucket: string;
  Key: string;
  Retention?: ObjectLockRetention;
  RequestPayer?: RequestPayer;
  VersionId?: string;
  BypassGovernanceRetention?: boolean;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface PutObjectTaggingOutput {
  VersionId?: string;
}

export interface PutObjectTaggingRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  Tagging: Tagging;
  ExpectedBucketOwner?: string;
  RequestPayer?: RequestPayer;
}

export interface PutPublicAccessBlockRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  PublicAccessBlockConfiguration: PublicAccessBlockConfiguration;
  ExpectedBucketOwner?: string;
}

export interface QueueConfiguration {
  Id?: string;
  QueueArn: string;
  Events: Event_[];
  Filter?: NotificationConfigurationFilter;
}

export interface QueueConfigurationDeprecated {
  Id?: string;
  Event?: Event_;
  Events?: Event_[];
  Queue?: string;
}

export type QuoteFields = 'ALWAYS' | 'ASNEEDED';

export interface RecordExpiration {
  Expiration: ExpirationState;
  Days?: number;
}

export interface RecordsEvent {
  Payload?: string;
}

export interface Redirect {
  HostName?: string;
  HttpRedirectCode?: string;
  Protocol?: Protocol;
  ReplaceKeyPrefixWith?: string;
  ReplaceKeyWith?: string;
}

export interface RedirectAllRequestsTo {
  HostName: string;
  Protocol?: Protocol;
}

export type RenameObjectOutput = Empty;

export interface RenameObjectRequest {
  Bucket: string;
  Key: string;
  RenameSource: string;
  DestinationIfMatch?: string;
  DestinationIfNoneMatch?: string;
  DestinationIfModifiedSince?: number;
  DestinationIfUnmodifiedSince?: number;
  SourceIfMatch?: string;
  SourceIfNoneMatch?: string;
  SourceIfModifiedSince?: number;
  SourceIfUnmodifiedSince?: number;
  ClientToken?: string;
}

export interface ReplicaModifications {
  Status: ReplicaModificationsStatus;
}

export type ReplicaModificationsStatus = 'Enabled' | 'Disabled';

export interface ReplicationConfiguration {
  Role: string;
  Rules: ReplicationRule[];
}

export interface ReplicationRule {
  ID?: string;
  Priority?: number;
  Prefix?: string;
  Filter?: ReplicationRuleFilter;
  Status: ReplicationRuleStatus;
  SourceSelectionCriteria?: SourceSelectionCriteria;
  ExistingObjectReplication?: ExistingObjectReplication;
  Destination: Destination;
  DeleteMarkerReplication?: DeleteMarkerReplication;
}

export interface ReplicationRuleAndOperator {
  Prefix?: string;
  Tags?: Tag[];
}

export interface ReplicationRuleFilter {
  Prefix?: string;
  Tag?: Tag;
  And?: ReplicationRuleAndOperator;
}

export type ReplicationRuleStatus = 'Enabled' | 'Disabled';

export type ReplicationStatus = 'COMPLETE' | 'PENDING' | 'FAILED' | 'REPLICA' | 'COMPLETED';

export interface ReplicationTime {
  Status: ReplicationTimeStatus;
  Time: ReplicationTimeValue;
}

export type ReplicationTimeStatus = 'Enabled' | 'Disabled';

export interface ReplicationTimeValue {
  Minutes?: number;
}

export type RequestCharged = 'requester';

export type RequestPayer = 'requester';

export interface RequestPaymentConfiguration {
  Payer: Payer;
}

export interface RequestProgress {
  Enabled?: boolean;
}

export interface RestoreObjectOutput {
  RequestCharged?: RequestCharged;
  RestoreOutputPath?: string;
}

export interface RestoreObjectRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  RestoreRequest?: RestoreRequest;
  RequestPayer?: RequestPayer;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: string;
}

export interface RestoreRequest {
  Days?: number;
  GlacierJobParameters?: GlacierJobParameters;
  Type?: RestoreRequestType;
  Tier?: Tier;
  Description?: string;
  SelectParameters?: SelectParameters;
  OutputLocation?: OutputLocation;
}

export type RestoreRequestType = 'SELECT';

export interface RestoreStatus {
  IsRestoreInProgress?: boolean;
  RestoreExpiryDate?: number;
}

export interface RoutingRule {
  Condition?: Condition;
  Redirect: Redirect;
}

export interface Rule {
  Expiration?: LifecycleExpiration;
  ID?: string;
  Prefix: string;
  Status: ExpirationStatus;
  Transition?: Transition;
  NoncurrentVersionTransition?: NoncurrentVersionTransition;
  NoncurrentVersionExpiration?: NoncurrentVersionExpiration;
  AbortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
}

export interface S3KeyFilter {
  FilterRules?: FilterRule[];
}

export interface S3Location {
  BucketName: string;
  Prefix: string;
  Encryption?: Encryption;
  CannedACL?: ObjectCannedACL;
  AccessControlList?: Grant[];
  Tagging?: Tagging;
  UserMetadata?: MetadataEntry[];
  StorageClass?: StorageClass;
}

export type S3TablesBucketType = 'aws' | 'customer';

export interface S3TablesDestination {
  TableBucketArn: string;
  TableName: string;
}

export interface S3TablesDestinationResult {
  TableBucketArn: string;
  TableName: string;
  TableArn: string;
  TableNamespace: string;
}

export interface SSEKMS {
  KeyId: string;
}

export interface SSEKMSEncryption {
  KMSKeyArn: string;
  BucketKeyEnabled?: boolean;
}

export type SSES3 = Empty;

export interface ScanRange {
  Start?: number;
  End?: number;
}

export interface SelectObjectContentEventStream {
  Records?: RecordsEvent;
  Stats?: StatsEvent;
  Progress?: ProgressEvent;
  Cont?: ContinuationEvent;
  End?: EndEvent;
}

export interface SelectObjectContentOutput {
  Payload?: SelectObjectContentEventStream;
}

export interface SelectObjectContentRequest {
  Bucket: string;
  Key: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  Expression: string;
  ExpressionType: ExpressionType;
  RequestProgress?: RequestProgress;
  InputSerialization: InputSerialization;
  OutputSerialization: OutputSerialization;
  ScanRange?: ScanRange;
  ExpectedBucketOwner?: string;
}

export interface SelectParameters {
  InputSerialization: InputSerialization;
  ExpressionType: ExpressionType;
  Expression: string;
  OutputSerialization: OutputSerialization;
}

export type ServerSideEncryption = 'AES256' | 'aws:fsx' | 'aws:kms' | 'aws:kms:dsse';

export interface ServerSideEncryptionByDefault {
  SSEAlgorithm: ServerSideEncryption;
  KMSMasterKeyID?: string;
}

export interface ServerSideEncryptionConfiguration {
  Rules: ServerSideEncryptionRule[];
}

export interface ServerSideEncryptionRule {
  ApplyServerSideEncryptionByDefault?: ServerSideEncryptionByDefault;
  BucketKeyEnabled?: boolean;
  BlockedEncryptionTypes?: BlockedEncryptionTypes;
}

export interface SessionCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: number;
}

export type SessionMode = 'ReadOnly' | 'ReadWrite';

export type SimplePrefix = Empty;

export interface SourceSelectionCriteria {
  SseKmsEncryptedObjects?: SseKmsEncryptedObjects;
  ReplicaModifications?: ReplicaModifications;
}

export interface SseKmsEncryptedObjects {
  Status: SseKmsEncryptedObjectsStatus;
}

export type SseKmsEncryptedObjectsStatus = 'Enabled' | 'Disabled';

export interface Stats {
  BytesScanned?: number;
  BytesProcessed?: number;
  BytesReturned?: number;
}

export interface StatsEvent {
  Details?: Stats;
}

export type StorageClass = 'STANDARD' | 'REDUCED_REDUNDANCY' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'GLACIER' | 'DEEP_ARCHIVE' | 'OUTPOSTS' | 'GLACIER_IR' | 'SNOW' | 'EXPRESS_ONEZONE' | 'FSX_OPENZFS' | 'FSX_ONTAP';

export interface StorageClassAnalysis {
  DataExport?: StorageClassAnalysisDataExport;
}

export interface StorageClassAnalysisDataExport {
  OutputSchemaVersion: StorageClassAnalysisSchemaVersion;
  Destination: AnalyticsExportDestination;
}

export type StorageClassAnalysisSchemaVersion = 'V_1';

export type TableSseAlgorithm = 'aws:kms' | 'AES256';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Tagging {
  TagSet: Tag[];
}

export type TaggingDirective = 'COPY' | 'REPLACE';

export interface TargetGrant {
  Grantee?: Grantee;
  Permission?: BucketLogsPermission;
}

export interface TargetObjectKeyFormat {
  SimplePrefix?: SimplePrefix;
  PartitionedPrefix?: PartitionedPrefix;
}

export type Tier = 'Standard' | 'Bulk' | 'Expedited';

export interface Tiering {
  Days: number;
  AccessTier: IntelligentTieringAccessTier;
}

export type TooManyParts = Empty;

export interface TopicConfiguration {
  Id?: string;
  TopicArn: string;
  Events: Event_[];
  Filter?: NotificationConfigurationFilter;
}

export interface TopicConfigurationDeprecated {
  Id?: string;
  Events?: Event_[];
  Event?: Event_;
  Topic?: string;
}

export interface Transition {
  Date?: number;
  Days?: number;
  StorageClass?: TransitionStorageClass;
}

export type TransitionDefaultMinimumObjectSize = 'varies_by_storage_class' | 'all_storage_classes_128K';

export type TransitionStorageClass = 'GLACIER' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'DEEP_ARCHIVE' | 'GLACIER_IR';

export type Type = 'CanonicalUser' | 'AmazonCustomerByEmail' | 'Group';

export interface UpdateBucketMetadataInventoryTableConfigurationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  InventoryTableConfiguration: InventoryTableConfigurationUpdates;
  ExpectedBucketOwner?: string;
}

export interface UpdateBucketMetadataJournalTableConfigurationRequest {
  Bucket: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  JournalTableConfiguration: JournalTableConfigurationUpdates;
  ExpectedBucketOwner?: string;
}

export interface UpdateObjectEncryptionRequest {
  Bucket: string;
  Key: string;
  VersionId?: string;
  ObjectEncryption: ObjectEncryption;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
}

export interface UpdateObjectEncryptionResponse {
  RequestCharged?: RequestCharged;
}

export interface UploadPartCopyOutput {
  CopySourceVersionId?: string;
  CopyPartResult?: CopyPartResult;
  ServerSideEncryption?: ServerSideEncryption;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  RequestCharged?: RequestCharged;
}

export interface UploadPartCopyRequest {
  Bucket: string;
  CopySource: string;
  CopySourceIfMatch?: string;
  CopySourceIfModifiedSince?: number;
  CopySourceIfNoneMatch?: string;
  CopySourceIfUnmodifiedSince?: number;
  CopySourceRange?: string;
  Key: string;
  PartNumber: number;
  UploadId: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  CopySourceSSECustomerAlgorithm?: string;
  CopySourceSSECustomerKey?: string;
  CopySourceSSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
  ExpectedSourceBucketOwner?: string;
}

export interface UploadPartOutput {
  ServerSideEncryption?: ServerSideEncryption;
  ETag?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  RequestCharged?: RequestCharged;
}

export interface UploadPartRequest {
  Body?: string;
  Bucket: string;
  ContentLength?: number;
  ContentMD5?: string;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  Key: string;
  PartNumber: number;
  UploadId: string;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  RequestPayer?: RequestPayer;
  ExpectedBucketOwner?: string;
}

export interface VersioningConfiguration {
  MFADelete?: MFADelete;
  Status?: BucketVersioningStatus;
}

export interface WebsiteConfiguration {
  ErrorDocument?: ErrorDocument;
  IndexDocument?: IndexDocument;
  RedirectAllRequestsTo?: RedirectAllRequestsTo;
  RoutingRules?: RoutingRule[];
}

export interface WriteGetObjectResponseRequest {
  RequestRoute: string;
  RequestToken: string;
  Body?: string;
  StatusCode?: number;
  ErrorCode?: string;
  ErrorMessage?: string;
  AcceptRanges?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  ContentLength?: number;
  ContentRange?: string;
  ContentType?: string;
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumSHA512?: string;
  ChecksumMD5?: string;
  ChecksumXXHASH64?: string;
  ChecksumXXHASH3?: string;
  ChecksumXXHASH128?: string;
  DeleteMarker?: boolean;
  ETag?: string;
  Expires?: string;
  Expiration?: string;
  LastModified?: number;
  MissingMeta?: number;
  Metadata?: Record<string, string>;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockRetainUntilDate?: number;
  PartsCount?: number;
  ReplicationStatus?: ReplicationStatus;
  RequestCharged?: RequestCharged;
  Restore?: string;
  ServerSideEncryption?: ServerSideEncryption;
  SSECustomerAlgorithm?: string;
  SSEKMSKeyId?: string;
  SSECustomerKeyMD5?: string;
  StorageClass?: StorageClass;
  TagCount?: number;
  VersionId?: string;
  BucketKeyEnabled?: boolean;
}

export interface S3Operations {
  AbortMultipartUpload: { input: AbortMultipartUploadRequest; output: AbortMultipartUploadOutput };
  CompleteMultipartUpload: { input: CompleteMultipartUploadRequest; output: CompleteMultipartUploadOutput };
  CopyObject: { input: CopyObjectRequest; output: CopyObjectOutput };
  CreateBucket: { input: CreateBucketRequest; output: CreateBucketOutput };
  CreateBucketMetadataConfiguration: { input: CreateBucketMetadataConfigurationRequest; output: Empty };
  CreateBucketMetadataTableConfiguration: { input: CreateBucketMetadataTableConfigurationRequest; output: Empty };
  CreateMultipartUpload: { input: CreateMultipartUploadRequest; output: CreateMultipartUploadOutput };
  CreateSession: { input: CreateSessionRequest; output: CreateSessionOutput };
  DeleteBucket: { input: DeleteBucketRequest; output: Empty };
  DeleteBucketAnalyticsConfiguration: { input: DeleteBucketAnalyticsConfigurationRequest; output: Empty };
  DeleteBucketCors: { input: DeleteBucketCorsRequest; output: Empty };
  DeleteBucketEncryption: { input: DeleteBucketEncryptionRequest; output: Empty };
  DeleteBucketIntelligentTieringConfiguration: { input: DeleteBucketIntelligentTieringConfigurationRequest; output: Empty };
  DeleteBucketInventoryConfiguration: { input: DeleteBucketInventoryConfigurationRequest; output: Empty };
  DeleteBucketLifecycle: { input: DeleteBucketLifecycleRequest; output: Empty };
  DeleteBucketMetadataConfiguration: { input: DeleteBucketMetadataConfigurationRequest; output: Empty };
  DeleteBucketMetadataTableConfiguration: { input: DeleteBucketMetadataTableConfigurationRequest; output: Empty };
  DeleteBucketMetricsConfiguration: { input: DeleteBucketMetricsConfigurationRequest; output: Empty };
  DeleteBucketOwnershipControls: { input: DeleteBucketOwnershipControlsRequest; output: Empty };
  DeleteBucketPolicy: { input: DeleteBucketPolicyRequest; output: Empty };
  DeleteBucketReplication: { input: DeleteBucketReplicationRequest; output: Empty };
  DeleteBucketTagging: { input: DeleteBucketTaggingRequest; output: Empty };
  DeleteBucketWebsite: { input: DeleteBucketWebsiteRequest; output: Empty };
  DeleteObject: { input: DeleteObjectRequest; output: DeleteObjectOutput };
  DeleteObjectTagging: { input: DeleteObjectTaggingRequest; output: DeleteObjectTaggingOutput };
  DeleteObjects: { input: DeleteObjectsRequest; output: DeleteObjectsOutput };
  DeletePublicAccessBlock: { input: DeletePublicAccessBlockRequest; output: Empty };
  GetBucketAbac: { input: GetBucketAbacRequest; output: GetBucketAbacOutput };
  GetBucketAccelerateConfiguration: { input: GetBucketAccelerateConfigurationRequest; output: GetBucketAccelerateConfigurationOutput };
  GetBucketAcl: { input: GetBucketAclRequest; output: GetBucketAclOutput };
  GetBucketAnalyticsConfiguration: { input: GetBucketAnalyticsConfigurationRequest; output: GetBucketAnalyticsConfigurationOutput };
  GetBucketCors: { input: GetBucketCorsRequest; output: GetBucketCorsOutput };
  GetBucketEncryption: { input: GetBucketEncryptionRequest; output: GetBucketEncryptionOutput };
  GetBucketIntelligentTieringConfiguration: { input: GetBucketIntelligentTieringConfigurationRequest; output: GetBucketIntelligentTieringConfigurationOutput };
  GetBucketInventoryConfiguration: { input: GetBucketInventoryConfigurationRequest; output: GetBucketInventoryConfigurationOutput };
  GetBucketLifecycle: { input: GetBucketLifecycleRequest; output: GetBucketLifecycleOutput };
  GetBucketLifecycleConfiguration: { input: GetBucketLifecycleConfigurationRequest; output: GetBucketLifecycleConfigurationOutput };
  GetBucketLocation: { input: GetBucketLocationRequest; output: GetBucketLocationOutput };
  GetBucketLogging: { input: GetBucketLoggingRequest; output: GetBucketLoggingOutput };
  GetBucketMetadataConfiguration: { input: GetBucketMetadataConfigurationRequest; output: GetBucketMetadataConfigurationOutput };
  GetBucketMetadataTableConfiguration: { input: GetBucketMetadataTableConfigurationRequest; output: GetBucketMetadataTableConfigurationOutput };
  GetBucketMetricsConfiguration: { input: GetBucketMetricsConfigurationRequest; output: GetBucketMetricsConfigurationOutput };
  GetBucketNotification: { input: GetBucketNotificationConfigurationRequest; output: NotificationConfigurationDeprecated };
  GetBucketNotificationConfiguration: { input: GetBucketNotificationConfigurationRequest; output: NotificationConfiguration };
  GetBucketOwnershipControls: { input: GetBucketOwnershipControlsRequest; output: GetBucketOwnershipControlsOutput };
  GetBucketPolicy: { input: GetBucketPolicyRequest; output: GetBucketPolicyOutput };
  GetBucketPolicyStatus: { input: GetBucketPolicyStatusRequest; output: GetBucketPolicyStatusOutput };
  GetBucketReplication: { input: GetBucketReplicationRequest; output: GetBucketReplicationOutput };
  GetBucketRequestPayment: { input: GetBucketRequestPaymentRequest; output: GetBucketRequestPaymentOutput };
  GetBucketTagging: { input: GetBucketTaggingRequest; output: GetBucketTaggingOutput };
  GetBucketVersioning: { input: GetBucketVersioningRequest; output: GetBucketVersioningOutput };
  GetBucketWebsite: { input: GetBucketWebsiteRequest; output: GetBucketWebsiteOutput };
  GetObject: { input: GetObjectRequest; output: GetObjectOutput };
  GetObjectAcl: { input: GetObjectAclRequest; output: GetObjectAclOutput };
  GetObjectAttributes: { input: GetObjectAttributesRequest; output: GetObjectAttributesOutput };
  GetObjectLegalHold: { input: GetObjectLegalHoldRequest; output: GetObjectLegalHoldOutput };
  GetObjectLockConfiguration: { input: GetObjectLockConfigurationRequest; output: GetObjectLockConfigurationOutput };
  GetObjectRetention: { input: GetObjectRetentionRequest; output: GetObjectRetentionOutput };
  GetObjectTagging: { input: GetObjectTaggingRequest; output: GetObjectTaggingOutput };
  GetObjectTorrent: { input: GetObjectTorrentRequest; output: GetObjectTorrentOutput };
  GetPublicAccessBlock: { input: GetPublicAccessBlockRequest; output: GetPublicAccessBlockOutput };
  HeadBucket: { input: HeadBucketRequest; output: HeadBucketOutput };
  HeadObject: { input: HeadObjectRequest; output: HeadObjectOutput };
  ListBucketAnalyticsConfigurations: { input: ListBucketAnalyticsConfigurationsRequest; output: ListBucketAnalyticsConfigurationsOutput };
  ListBucketIntelligentTieringConfigurations: { input: ListBucketIntelligentTieringConfigurationsRequest; output: ListBucketIntelligentTieringConfigurationsOutput };
  ListBucketInventoryConfigurations: { input: ListBucketInventoryConfigurationsRequest; output: ListBucketInventoryConfigurationsOutput };
  ListBucketMetricsConfigurations: { input: ListBucketMetricsConfigurationsRequest; output: ListBucketMetricsConfigurationsOutput };
  ListBuckets: { input: ListBucketsRequest; output: ListBucketsOutput };
  ListDirectoryBuckets: { input: ListDirectoryBucketsRequest; output: ListDirectoryBucketsOutput };
  ListMultipartUploads: { input: ListMultipartUploadsRequest; output: ListMultipartUploadsOutput };
  ListObjectVersions: { input: ListObjectVersionsRequest; output: ListObjectVersionsOutput };
  ListObjects: { input: ListObjectsRequest; output: ListObjectsOutput };
  ListObjectsV2: { input: ListObjectsV2Request; output: ListObjectsV2Output };
  ListParts: { input: ListPartsRequest; output: ListPartsOutput };
  PutBucketAbac: { input: PutBucketAbacRequest; output: Empty };
  PutBucketAccelerateConfiguration: { input: PutBucketAccelerateConfigurationRequest; output: Empty };
  PutBucketAcl: { input: PutBucketAclRequest; output: Empty };
  PutBucketAnalyticsConfiguration: { input: PutBucketAnalyticsConfigurationRequest; output: Empty };
  PutBucketCors: { input: PutBucketCorsRequest; output: Empty };
  PutBucketEncryption: { input: PutBucketEncryptionRequest; output: Empty };
  PutBucketIntelligentTieringConfiguration: { input: PutBucketIntelligentTieringConfigurationRequest; output: Empty };
  PutBucketInventoryConfiguration: { input: PutBucketInventoryConfigurationRequest; output: Empty };
  PutBucketLifecycle: { input: PutBucketLifecycleRequest; output: Empty };
  PutBucketLifecycleConfiguration: { input: PutBucketLifecycleConfigurationRequest; output: PutBucketLifecycleConfigurationOutput };
  PutBucketLogging: { input: PutBucketLoggingRequest; output: Empty };
  PutBucketMetricsConfiguration: { input: PutBucketMetricsConfigurationRequest; output: Empty };
  PutBucketNotification: { input: PutBucketNotificationRequest; output: Empty };
  PutBucketNotificationConfiguration: { input: PutBucketNotificationConfigurationRequest; output: Empty };
  PutBucketOwnershipControls: { input: PutBucketOwnershipControlsRequest; output: Empty };
  PutBucketPolicy: { input: PutBucketPolicyRequest; output: Empty };
  PutBucketReplication: { input: PutBucketReplicationRequest; output: Empty };
  PutBucketRequestPayment: { input: PutBucketRequestPaymentRequest; output: Empty };
  PutBucketTagging: { input: PutBucketTaggingRequest; output: Empty };
  PutBucketVersioning: { input: PutBucketVersioningRequest; output: Empty };
  PutBucketWebsite: { input: PutBucketWebsiteRequest; output: Empty };
  PutObject: { input: PutObjectRequest; output: PutObjectOutput };
  PutObjectAcl: { input: PutObjectAclRequest; output: PutObjectAclOutput };
  PutObjectLegalHold: { input: PutObjectLegalHoldRequest; output: PutObjectLegalHoldOutput };
  PutObjectLockConfiguration: { input: PutObjectLockConfigurationRequest; output: PutObjectLockConfigurationOutput };
  PutObjectRetention: { input: PutObjectRetentionRequest; output: PutObjectRetentionOutput };
  PutObjectTagging: { input: PutObjectTaggingRequest; output: PutObjectTaggingOutput };
  PutPublicAccessBlock: { input: PutPublicAccessBlockRequest; output: Empty };
  RenameObject: { input: RenameObjectRequest; output: RenameObjectOutput };
  RestoreObject: { input: RestoreObjectRequest; output: RestoreObjectOutput };
  SelectObjectContent: { input: SelectObjectContentRequest; output: SelectObjectContentOutput };
  UpdateBucketMetadataInventoryTableConfiguration: { input: UpdateBucketMetadataInventoryTableConfigurationRequest; output: Empty };
  UpdateBucketMetadataJournalTableConfiguration: { input: UpdateBucketMetadataJournalTableConfigurationRequest; output: Empty };
  UpdateObjectEncryption: { input: UpdateObjectEncryptionRequest; output: UpdateObjectEncryptionResponse };
  UploadPart: { input: UploadPartRequest; output: UploadPartOutput };
  UploadPartCopy: { input: UploadPartCopyRequest; output: UploadPartCopyOutput };
  WriteGetObjectResponse: { input: WriteGetObjectResponseRequest; output: Empty };
}

export type S3ErrorCode =
  | 'AccessDenied'
  | 'BucketAlreadyExists'
  | 'BucketAlreadyOwnedByYou'
  | 'EncryptionTypeMismatch'
  | 'IdempotencyParameterMismatch'
  | 'InvalidObjectState'
  | 'InvalidRequest'
  | 'InvalidWriteOffset'
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'NoSuchUpload'
  | 'ObjectAlreadyInActiveTierError'
  | 'ObjectNotInActiveTierError'
  | 'TooManyParts';

export const s3ErrorCodes = [
  'AccessDenied',
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'EncryptionTypeMismatch',
  'IdempotencyParameterMismatch',
  'InvalidObjectState',
  'InvalidRequest',
  'InvalidWriteOffset',
  'NoSuchBucket',
  'NoSuchKey',
  'NoSuchUpload',
  'ObjectAlreadyInActiveTierError',
  'ObjectNotInActiveTierError',
  'TooManyParts',
] as const;

export const s3OperationNames = [
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CopyObject',
  'CreateBucket',
  'CreateBucketMetadataConfiguration',
  'CreateBucketMetadataTableConfiguration',
  'CreateMultipartUpload',
  'CreateSession',
  'DeleteBucket',
  'DeleteBucketAnalyticsConfiguration',
  'DeleteBucketCors',
  'DeleteBucketEncryption',
  'DeleteBucketIntelligentTieringConfiguration',
  'DeleteBucketInventoryConfiguration',
  'DeleteBucketLifecycle',
  'DeleteBucketMetadataConfiguration',
  'DeleteBucketMetadataTableConfiguration',
  'DeleteBucketMetricsConfiguration',
  'DeleteBucketOwnershipControls',
  'DeleteBucketPolicy',
  'DeleteBucketReplication',
  'DeleteBucketTagging',
  'DeleteBucketWebsite',
  'DeleteObject',
  'DeleteObjectTagging',
  'DeleteObjects',
  'DeletePublicAccessBlock',
  'GetBucketAbac',
  'GetBucketAccelerateConfiguration',
  'GetBucketAcl',
  'GetBucketAnalyticsConfiguration',
  'GetBucketCors',
  'GetBucketEncryption',
  'GetBucketIntelligentTieringConfiguration',
  'GetBucketInventoryConfiguration',
  'GetBucketLifecycle',
  'GetBucketLifecycleConfiguration',
  'GetBucketLocation',
  'GetBucketLogging',
  'GetBucketMetadataConfiguration',
  'GetBucketMetadataTableConfiguration',
  'GetBucketMetricsConfiguration',
  'GetBucketNotification',
  'GetBucketNotificationConfiguration',
  'GetBucketOwnershipControls',
  'GetBucketPolicy',
  'GetBucketPolicyStatus',
  'GetBucketReplication',
  'GetBucketRequestPayment',
  'GetBucketTagging',
  'GetBucketVersioning',
  'GetBucketWebsite',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectLockConfiguration',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'GetPublicAccessBlock',
  'HeadBucket',
  'HeadObject',
  'ListBucketAnalyticsConfigurations',
  'ListBucketIntelligentTieringConfigurations',
  'ListBucketInventoryConfigurations',
  'ListBucketMetricsConfigurations',
  'ListBuckets',
  'ListDirectoryBuckets',
  'ListMultipartUploads',
  'ListObjectVersions',
  'ListObjects',
  'ListObjectsV2',
  'ListParts',
  'PutBucketAbac',
  'PutBucketAccelerateConfiguration',
  'PutBucketAcl',
  'PutBucketAnalyticsConfiguration',
  'PutBucketCors',
  'PutBucketEncryption',
  'PutBucketIntelligentTieringConfiguration',
  'PutBucketInventoryConfiguration',
  'PutBucketLifecycle',
  'PutBucketLifecycleConfiguration',
  'PutBucketLogging',
  'PutBucketMetricsConfiguration',
  'PutBucketNotification',
  'PutBucketNotificationConfiguration',
  'PutBucketOwnershipControls',
  'PutBucketPolicy',
  'PutBucketReplication',
  'PutBucketRequestPayment',
  'PutBucketTagging',
  'PutBucketVersioning',
  'PutBucketWebsite',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectLockConfiguration',
  'PutObjectRetention',
  'PutObjectTagging',
  'PutPublicAccessBlock',
  'RenameObject',
  'RestoreObject',
  'SelectObjectContent',
  'UpdateBucketMetadataInventoryTableConfiguration',
  'UpdateBucketMetadataJournalTableConfiguration',
  'UpdateObjectEncryption',
  'UploadPart',
  'UploadPartCopy',
  'WriteGetObjectResponse',
] as const;
