// generated — do not edit; run npm run gen
// Source: models/ecr.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export type ArtifactStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';

export type ArtifactStatusFilter = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING' | 'ANY';

export interface Attribute {
  key: string;
  value?: string;
}

export interface AuthorizationData {
  authorizationToken?: string;
  expiresAt?: number;
  proxyEndpoint?: string;
}

export interface AwsEcrContainerImageDetails {
  architecture?: string;
  author?: string;
  imageHash?: string;
  imageTags?: string[];
  platform?: string;
  pushedAt?: number;
  lastInUseAt?: number;
  inUseCount?: number;
  registry?: string;
  repositoryName?: string;
}

export interface BatchCheckLayerAvailabilityRequest {
  registryId?: string;
  repositoryName: string;
  layerDigests: string[];
}

export interface BatchCheckLayerAvailabilityResponse {
  layers?: Layer[];
  failures?: LayerFailure[];
}

export interface BatchDeleteImageRequest {
  registryId?: string;
  repositoryName: string;
  imageIds: ImageIdentifier[];
}

export interface BatchDeleteImageResponse {
  imageIds?: ImageIdentifier[];
  failures?: ImageFailure[];
}

export interface BatchGetImageRequest {
  registryId?: string;
  repositoryName: string;
  imageIds: ImageIdentifier[];
  acceptedMediaTypes?: string[];
}

export interface BatchGetImageResponse {
  images?: Image[];
  failures?: ImageFailure[];
}

export interface BatchGetRepositoryScanningConfigurationRequest {
  repositoryNames: string[];
}

export interface BatchGetRepositoryScanningConfigurationResponse {
  scanningConfigurations?: RepositoryScanningConfiguration[];
  failures?: RepositoryScanningConfigurationFailure[];
}

export interface BlockedByOrganizationPolicyException {
  message?: string;
}

export interface CompleteLayerUploadRequest {
  registryId?: string;
  repositoryName: string;
  uploadId: string;
  layerDigests: string[];
}

export interface CompleteLayerUploadResponse {
  registryId?: string;
  repositoryName?: string;
  uploadId?: string;
  layerDigest?: string;
}

export interface CreatePullThroughCacheRuleRequest {
  ecrRepositoryPrefix: string;
  upstreamRegistryUrl: string;
  registryId?: string;
  upstreamRegistry?: UpstreamRegistry;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
}

export interface CreatePullThroughCacheRuleResponse {
  ecrRepositoryPrefix?: string;
  upstreamRegistryUrl?: string;
  createdAt?: number;
  registryId?: string;
  upstreamRegistry?: UpstreamRegistry;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
}

export interface CreateRepositoryCreationTemplateRequest {
  prefix: string;
  description?: string;
  encryptionConfiguration?: EncryptionConfigurationForRepositoryCreationTemplate;
  resourceTags?: Tag[];
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  repositoryPolicy?: string;
  lifecyclePolicy?: string;
  appliedFor: RCTAppliedFor[];
  customRoleArn?: string;
}

export interface CreateRepositoryCreationTemplateResponse {
  registryId?: string;
  repositoryCreationTemplate?: RepositoryCreationTemplate;
}

export interface CreateRepositoryRequest {
  registryId?: string;
  repositoryName: string;
  tags?: Tag[];
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration?: ImageScanningConfiguration;
  encryptionConfiguration?: EncryptionConfiguration;
}

export interface CreateRepositoryResponse {
  repository?: Repository;
}

export interface CvssScore {
  baseScore?: number;
  scoringVector?: string;
  source?: string;
  version?: string;
}

export interface CvssScoreAdjustment {
  metric?: string;
  reason?: string;
}

export interface CvssScoreDetails {
  adjustments?: CvssScoreAdjustment[];
  score?: number;
  scoreSource?: string;
  scoringVector?: string;
  version?: string;
}

export interface DeleteLifecyclePolicyRequest {
  registryId?: string;
  repositoryName: string;
}

export interface DeleteLifecyclePolicyResponse {
  registryId?: string;
  repositoryName?: string;
  lifecyclePolicyText?: string;
  lastEvaluatedAt?: number;
}

export interface DeletePullThroughCacheRuleRequest {
  ecrRepositoryPrefix: string;
  registryId?: string;
}

export interface DeletePullThroughCacheRuleResponse {
  ecrRepositoryPrefix?: string;
  upstreamRegistryUrl?: string;
  createdAt?: number;
  registryId?: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
}

export type DeleteRegistryPolicyRequest = Empty;

export interface DeleteRegistryPolicyResponse {
  registryId?: string;
  policyText?: string;
}

export interface DeleteRepositoryCreationTemplateRequest {
  prefix: string;
}

export interface DeleteRepositoryCreationTemplateResponse {
  registryId?: string;
  repositoryCreationTemplate?: RepositoryCreationTemplate;
}

export interface DeleteRepositoryPolicyRequest {
  registryId?: string;
  repositoryName: string;
}

export interface DeleteRepositoryPolicyResponse {
  registryId?: string;
  repositoryName?: string;
  policyText?: string;
}

export interface DeleteRepositoryRequest {
  registryId?: string;
  repositoryName: string;
  force?: boolean;
}

export interface DeleteRepositoryResponse {
  repository?: Repository;
}

export type DeleteSigningConfigurationRequest = Empty;

export interface DeleteSigningConfigurationResponse {
  registryId?: string;
  signingConfiguration?: SigningConfiguration;
}

export interface DeregisterPullTimeUpdateExclusionRequest {
  principalArn: string;
}

export interface DeregisterPullTimeUpdateExclusionResponse {
  principalArn?: string;
}

export interface DescribeImageReplicationStatusRequest {
  repositoryName: string;
  imageId: ImageIdentifier;
  registryId?: string;
}

export interface DescribeImageReplicationStatusResponse {
  repositoryName?: string;
  imageId?: ImageIdentifier;
  replicationStatuses?: ImageReplicationStatus[];
}

export interface DescribeImageScanFindingsRequest {
  registryId?: string;
  repositoryName: string;
  imageId: ImageIdentifier;
  nextToken?: string;
  maxResults?: number;
}

export interface DescribeImageScanFindingsResponse {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageScanStatus?: ImageScanStatus;
  imageScanFindings?: ImageScanFindings;
  nextToken?: string;
}

export interface DescribeImageSigningStatusRequest {
  repositoryName: string;
  imageId: ImageIdentifier;
  registryId?: string;
}

export interface DescribeImageSigningStatusResponse {
  repositoryName?: string;
  imageId?: ImageIdentifier;
  registryId?: string;
  signingStatuses?: ImageSigningStatus[];
}

export interface DescribeImagesFilter {
  tagStatus?: TagStatus;
  imageStatus?: ImageStatusFilter;
}

export interface DescribeImagesRequest {
  registryId?: string;
  repositoryName: string;
  imageIds?: ImageIdentifier[];
  nextToken?: string;
  maxResults?: number;
  filter?: DescribeImagesFilter;
}

export interface DescribeImagesResponse {
  imageDetails?: ImageDetail[];
  nextToken?: string;
}

export interface DescribePullThroughCacheRulesRequest {
  registryId?: string;
  ecrRepositoryPrefixes?: string[];
  nextToken?: string;
  maxResults?: number;
}

export interface DescribePullThroughCacheRulesResponse {
  pullThroughCacheRules?: PullThroughCacheRule[];
  nextToken?: string;
}

export type DescribeRegistryRequest = Empty;

export interface DescribeRegistryResponse {
  registryId?: string;
  replicationConfiguration?: ReplicationConfiguration;
}

export interface DescribeRepositoriesRequest {
  registryId?: string;
  repositoryNames?: string[];
  nextToken?: string;
  maxResults?: number;
}

export interface DescribeRepositoriesResponse {
  repositories?: Repository[];
  nextToken?: string;
}

export interface DescribeRepositoryCreationTemplatesRequest {
  prefixes?: string[];
  nextToken?: string;
  maxResults?: number;
}

export interface DescribeRepositoryCreationTemplatesResponse {
  registryId?: string;
  repositoryCreationTemplates?: RepositoryCreationTemplate[];
  nextToken?: string;
}

export interface EmptyUploadException {
  message?: string;
}

export interface EncryptionConfiguration {
  encryptionType: EncryptionType;
  kmsKey?: string;
}

export interface EncryptionConfigurationForRepositoryCreationTemplate {
  encryptionType: EncryptionType;
  kmsKey?: string;
}

export type EncryptionType = 'AES256' | 'KMS' | 'KMS_DSSE';

export interface EnhancedImageScanFinding {
  awsAccountId?: string;
  description?: string;
  findingArn?: string;
  firstObservedAt?: number;
  lastObservedAt?: number;
  packageVulnerabilityDetails?: PackageVulnerabilityDetails;
  remediation?: Remediation;
  resources?: Resource[];
  score?: number;
  scoreDetails?: ScoreDetails;
  severity?: string;
  status?: string;
  title?: string;
  type?: string;
  updatedAt?: number;
  fixAvailable?: string;
  exploitAvailable?: string;
}

export interface ExclusionAlreadyExistsException {
  message?: string;
}

export interface ExclusionNotFoundException {
  message?: string;
}

export type FindingSeverity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' | 'UNDEFINED';

export interface GetAccountSettingRequest {
  name: string;
}

export interface GetAccountSettingResponse {
  name?: string;
  value?: string;
}

export interface GetAuthorizationTokenRequest {
  registryIds?: string[];
}

export interface GetAuthorizationTokenResponse {
  authorizationData?: AuthorizationData[];
}

export interface GetDownloadUrlForLayerRequest {
  registryId?: string;
  repositoryName: string;
  layerDigest: string;
}

export interface GetDownloadUrlForLayerResponse {
  downloadUrl?: string;
  layerDigest?: string;
}

export interface GetLifecyclePolicyPreviewRequest {
  registryId?: string;
  repositoryName: string;
  imageIds?: ImageIdentifier[];
  nextToken?: string;
  maxResults?: number;
  filter?: LifecyclePolicyPreviewFilter;
}

export interface GetLifecyclePolicyPreviewResponse {
  registryId?: string;
  repositoryName?: string;
  lifecyclePolicyText?: string;
  status?: LifecyclePolicyPreviewStatus;
  nextToken?: string;
  previewResults?: LifecyclePolicyPreviewResult[];
  summary?: LifecyclePolicyPreviewSummary;
}

export interface GetLifecyclePolicyRequest {
  registryId?: string;
  repositoryName: string;
}

export interface GetLifecyclePolicyResponse {
  registryId?: string;
  repositoryName?: string;
  lifecyclePolicyText?: string;
  lastEvaluatedAt?: number;
}

export type GetRegistryPolicyRequest = Empty;

export interface GetRegistryPolicyResponse {
  registryId?: string;
  policyText?: string;
}

export type GetRegistryScanningConfigurationRequest = Empty;

export interface GetRegistryScanningConfigurationResponse {
  registryId?: string;
  scanningConfiguration?: RegistryScanningConfiguration;
}

export interface GetRepositoryPolicyRequest {
  registryId?: string;
  repositoryName: string;
}

export interface GetRepositoryPolicyResponse {
  registryId?: string;
  repositoryName?: string;
  policyText?: string;
}

export type GetSigningConfigurationRequest = Empty;

export interface GetSigningConfigurationResponse {
  registryId?: string;
  signingConfiguration?: SigningConfiguration;
}

export interface Image {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageManifest?: string;
  imageManifestMediaType?: string;
}

export type ImageActionType = 'EXPIRE' | 'TRANSITION';

export interface ImageAlreadyExistsException {
  message?: string;
}

export interface ImageArchivedException {
  message?: string;
}

export interface ImageDetail {
  registryId?: string;
  repositoryName?: string;
  imageDigest?: string;
  imageTags?: string[];
  imageSizeInBytes?: number;
  imagePushedAt?: number;
  imageScanStatus?: ImageScanStatus;
  imageScanFindingsSummary?: ImageScanFindingsSummary;
  imageManifestMediaType?: string;
  artifactMediaType?: string;
  lastRecordedPullTime?: number;
  subjectManifestDigest?: string;
  imageStatus?: ImageStatus;
  lastArchivedAt?: number;
  lastActivatedAt?: number;
}

export interface ImageDigestDoesNotMatchException {
  message?: string;
}

export interface ImageFailure {
  imageId?: ImageIdentifier;
  failureCode?: ImageFailureCode;
  failureReason?: string;
}

export type ImageFailureCode = 'InvalidImageDigest' | 'InvalidImageTag' | 'ImageTagDoesNotMatchDigest' | 'ImageNotFound' | 'MissingDigestAndTag' | 'ImageReferencedByManifestList' | 'KmsError' | 'UpstreamAccessDenied' | 'UpstreamTooManyRequests' | 'UpstreamUnavailable' | 'ImageInaccessible';

export interface ImageIdentifier {
  imageDigest?: string;
  imageTag?: string;
}

export interface ImageNotFoundException {
  message?: string;
}

export interface ImageReferrer {
  digest: string;
  mediaType: string;
  artifactType?: string;
  size: number;
  annotations?: Record<string, string>;
  artifactStatus?: ArtifactStatus;
}

export interface ImageReplicationStatus {
  region?: string;
  registryId?: string;
  status?: ReplicationStatus;
  failureCode?: string;
}

export interface ImageScanFinding {
  name?: string;
  description?: string;
  uri?: string;
  severity?: FindingSeverity;
  attributes?: Attribute[];
}

export interface ImageScanFindings {
  imageScanCompletedAt?: number;
  vulnerabilitySourceUpdatedAt?: number;
  findingSeverityCounts?: Record<string, number>;
  findings?: ImageScanFinding[];
  enhancedFindings?: EnhancedImageScanFinding[];
}

export interface ImageScanFindingsSummary {
  imageScanCompletedAt?: number;
  vulnerabilitySourceUpdatedAt?: number;
  findingSeverityCounts?: Record<string, number>;
}

export interface ImageScanStatus {
  status?: ScanStatus;
  description?: string;
}

export interface ImageScanningConfiguration {
  scanOnPush?: boolean;
}

export interface ImageSigningStatus {
  signingProfileArn?: string;
  failureCode?: string;
  failureReason?: string;
  status?: SigningStatus;
}

export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING';

export type ImageStatusFilter = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING' | 'ANY';

export interface ImageStorageClassUpdateNotSupportedException {
  message?: string;
}

export interface ImageTagAlreadyExistsException {
  message?: string;
}

export type ImageTagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';

export interface ImageTagMutabilityExclusionFilter {
  filterType: ImageTagMutabilityExclusionFilterType;
  filter: string;
}

export type ImageTagMutabilityExclusionFilterType = 'WILDCARD';

export interface InitiateLayerUploadRequest {
  registryId?: string;
  repositoryName: string;
}

export interface InitiateLayerUploadResponse {
  uploadId?: string;
  partSize?: number;
}

export interface InvalidLayerException {
  message?: string;
}

export interface InvalidLayerPartException {
  registryId?: string;
  repositoryName?: string;
  uploadId?: string;
  lastValidByteReceived?: number;
  message?: string;
}

export interface InvalidParameterException {
  message?: string;
}

export interface InvalidTagParameterException {
  message?: string;
}

export interface KmsException {
  message?: string;
  kmsError?: string;
}

export interface Layer {
  layerDigest?: string;
  layerAvailability?: LayerAvailability;
  layerSize?: number;
  mediaType?: string;
}

export interface LayerAlreadyExistsException {
  message?: string;
}

export type LayerAvailability = 'AVAILABLE' | 'UNAVAILABLE' | 'ARCHIVED';

export interface LayerFailure {
  layerDigest?: string;
  failureCode?: LayerFailureCode;
  failureReason?: string;
}

export type LayerFailureCode = 'InvalidLayerDigest' | 'MissingLayerDigest';

export interface LayerInaccessibleException {
  message?: string;
}

export interface LayerPartTooSmallException {
  message?: string;
}

export interface LayersNotFoundException {
  message?: string;
}

export interface LifecyclePolicyNotFoundException {
  message?: string;
}

export interface LifecyclePolicyPreviewFilter {
  tagStatus?: TagStatus;
}

export interface LifecyclePolicyPreviewInProgressException {
  message?: string;
}

export interface LifecyclePolicyPreviewNotFoundException {
  message?: string;
}

export interface LifecyclePolicyPreviewResult {
  imageTags?: string[];
  imageDigest?: string;
  imagePushedAt?: number;
  action?: LifecyclePolicyRuleAction;
  appliedRulePriority?: number;
  storageClass?: LifecyclePolicyStorageClass;
}

export type LifecyclePolicyPreviewStatus = 'IN_PROGRESS' | 'COMPLETE' | 'EXPIRED' | 'FAILED';

export interface LifecyclePolicyPreviewSummary {
  expiringImageTotalCount?: number;
  transitioningImageTotalCounts?: TransitioningImageTotalCount[];
}

export interface LifecyclePolicyRuleAction {
  type?: ImageActionType;
  targetStorageClass?: LifecyclePolicyTargetStorageClass;
}

export type LifecyclePolicyStorageClass = 'ARCHIVE' | 'STANDARD';

export type LifecyclePolicyTargetStorageClass = 'ARCHIVE';

export interface LimitExceededException {
  message?: string;
}

export interface ListImageReferrersFilter {
  artifactTypes?: string[];
  artifactStatus?: ArtifactStatusFilter;
}

export interface ListImageReferrersRequest {
  registryId?: string;
  repositoryName: string;
  subjectId: SubjectIdentifier;
  filter?: ListImageReferrersFilter;
  nextToken?: string;
  maxResults?: number;
}

export interface ListImageReferrersResponse {
  referrers?: ImageReferrer[];
  nextToken?: string;
}

export interface ListImagesFilter {
  tagStatus?: TagStatus;
  imageStatus?: ImageStatusFilter;
}

export interface ListImagesRequest {
  registryId?: string;
  repositoryName: string;
  nextToken?: string;
  maxResults?: number;
  filter?: ListImagesFilter;
}

export interface ListImagesResponse {
  imageIds?: ImageIdentifier[];
  nextToken?: string;
}

export interface ListPullTimeUpdateExclusionsRequest {
  maxResults?: number;
  nextToken?: string;
}

export interface ListPullTimeUpdateExclusionsResponse {
  pullTimeUpdateExclusions?: string[];
  nextToken?: string;
}

export interface ListTagsForResourceRequest {
  resourceArn: string;
}

export interface ListTagsForResourceResponse {
  tags?: Tag[];
}

export interface PackageVulnerabilityDetails {
  cvss?: CvssScore[];
  referenceUrls?: string[];
  relatedVulnerabilities?: string[];
  source?: string;
  sourceUrl?: string;
  vendorCreatedAt?: number;
  vendorSeverity?: string;
  vendorUpdatedAt?: number;
  vulnerabilityId?: string;
  vulnerablePackages?: VulnerablePackage[];
}

export interface PullThroughCacheRule {
  ecrRepositoryPrefix?: string;
  upstreamRegistryUrl?: string;
  createdAt?: number;
  registryId?: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
  upstreamRegistry?: UpstreamRegistry;
  updatedAt?: number;
}

export interface PullThroughCacheRuleAlreadyExistsException {
  message?: string;
}

export interface PullThroughCacheRuleNotFoundException {
  message?: string;
}

export interface PutAccountSettingRequest {
  name: string;
  value: string;
}

export interface PutAccountSettingResponse {
  name?: string;
  value?: string;
}

export interface PutImageRequest {
  registryId?: string;
  repositoryName: string;
  imageManifest: string;
  imageManifestMediaType?: string;
  imageTag?: string;
  imageDigest?: string;
}

export interface PutImageResponse {
  image?: Image;
}

export interface PutImageScanningConfigurationRequest {
  registryId?: string;
  repositoryName: string;
  imageScanningConfiguration: ImageScanningConfiguration;
}

export interface PutImageScanningConfigurationResponse {
  registryId?: string;
  repositoryName?: string;
  imageScanningConfiguration?: ImageScanningConfiguration;
}

export interface PutImageTagMutabilityRequest {
  registryId?: string;
  repositoryName: string;
  imageTagMutability: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
}

export interface PutImageTagMutabilityResponse {
  registryId?: string;
  repositoryName?: string;
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
}

export interface PutLifecyclePolicyRequest {
  registryId?: string;
  repositoryName: string;
  lifecyclePolicyText: string;
}

export interface PutLifecyclePolicyResponse {
  registryId?: string;
  repositoryName?: string;
  lifecyclePolicyText?: string;
}

export interface PutRegistryPolicyRequest {
  policyText: string;
}

export interface PutRegistryPolicyResponse {
  registryId?: string;
  policyText?: string;
}

export interface PutRegistryScanningConfigurationRequest {
  scanType?: ScanType;
  rules?: RegistryScanningRule[];
}

export interface PutRegistryScanningConfigurationResponse {
  registryScanningConfiguration?: RegistryScanningConfiguration;
}

export interface PutReplicationConfigurationRequest {
  replicationConfiguration: ReplicationConfiguration;
}

export interface PutReplicationConfigurationResponse {
  replicationConfiguration?: ReplicationConfiguration;
}

export interface PutSigningConfigurationRequest {
  signingConfiguration: SigningConfiguration;
}

export interface PutSigningConfigurationResponse {
  signingConfiguration?: SigningConfiguration;
}

export type RCTAppliedFor = 'REPLICATION' | 'PULL_THROUGH_CACHE' | 'CREATE_ON_PUSH';

export interface Recommendation {
  url?: string;
  text?: string;
}

export interface ReferencedImagesNotFoundException {
  message?: string;
}

export interface RegisterPullTimeUpdateExclusionRequest {
  principalArn: string;
}

export interface RegisterPullTimeUpdateExclusionResponse {
  principalArn?: string;
  createdAt?: number;
}

export interface RegistryPolicyNotFoundException {
  message?: string;
}

export interface RegistryScanningConfiguration {
  scanType?: ScanType;
  rules?: RegistryScanningRule[];
}

export interface RegistryScanningRule {
  scanFrequency: ScanFrequency;
  repositoryFilters: ScanningRepositoryFilter[];
}

export interface Remediation {
  recommendation?: Recommendation;
}

export interface ReplicationConfiguration {
  rules: ReplicationRule[];
}

export interface ReplicationDestination {
  region: string;
  registryId: string;
}

export interface ReplicationRule {
  destinations: ReplicationDestination[];
  repositoryFilters?: RepositoryFilter[];
}

export type ReplicationStatus = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export interface Repository {
  repositoryArn?: string;
  registryId?: string;
  repositoryName?: string;
  repositoryUri?: string;
  createdAt?: number;
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration?: ImageScanningConfiguration;
  encryptionConfiguration?: EncryptionConfiguration;
}

export interface RepositoryAlreadyExistsException {
  message?: string;
}

export interface RepositoryCreationTemplate {
  prefix?: string;
  description?: string;
  encryptionConfiguration?: EncryptionConfigurationForRepositoryCreationTemplate;
  resourceTags?: Tag[];
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  repositoryPolicy?: string;
  lifecyclePolicy?: string;
  appliedFor?: RCTAppliedFor[];
  customRoleArn?: string;
  createdAt?: number;
  updatedAt?: number;
}

export interface RepositoryFilter {
  filter: string;
  filterType: RepositoryFilterType;
}

export type RepositoryFilterType = 'PREFIX_MATCH';

export interface RepositoryNotEmptyException {
  message?: string;
}

export interface RepositoryNotFoundException {
  message?: string;
}

export interface RepositoryPolicyNotFoundException {
  message?: string;
}

export interface RepositoryScanningConfiguration {
  repositoryArn?: string;
  repositoryName?: string;
  scanOnPush?: boolean;
  scanFrequency?: ScanFrequency;
  appliedScanFilters?: ScanningRepositoryFilter[];
}

export interface RepositoryScanningConfigurationFailure {
  repositoryName?: string;
  failureCode?: ScanningConfigurationFailureCode;
  failureReason?: string;
}

export interface Resource {
  details?: ResourceDetails;
  id?: string;
  tags?: Record<string, string>;
  type?: string;
}

export interface ResourceDetails {
  awsEcrContainerImage?: AwsEcrContainerImageDetails;
}

export type ScanFrequency = 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL';

export interface ScanNotFoundException {
  message?: string;
}

export type ScanStatus = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'UNSUPPORTED_IMAGE' | 'ACTIVE' | 'PENDING' | 'SCAN_ELIGIBILITY_EXPIRED' | 'FINDINGS_UNAVAILABLE' | 'LIMIT_EXCEEDED' | 'IMAGE_ARCHIVED';

export type ScanType = 'BASIC' | 'ENHANCED';

export type ScanningConfigurationFailureCode = 'REPOSITORY_NOT_FOUND';

export interface ScanningRepositoryFilter {
  filter: string;
  filterType: ScanningRepositoryFilterType;
}

export type ScanningRepositoryFilterType = 'WILDCARD';

export interface ScoreDetails {
  cvss?: CvssScoreDetails;
}

export interface SecretNotFoundException {
  message?: string;
}

export interface ServerException {
  message?: string;
}

export interface SetRepositoryPolicyRequest {
  registryId?: string;
  repositoryName: string;
  policyText: string;
  force?: boolean;
}

export interface SetRepositoryPolicyResponse {
  registryId?: string;
  repositoryName?: string;
  policyText?: string;
}

export interface SigningConfiguration {
  rules: SigningRule[];
}

export interface SigningConfigurationNotFoundException {
  message?: string;
}

export interface SigningRepositoryFilter {
  filter: string;
  filterType: SigningRepositoryFilterType;
}

export type SigningRepositoryFilterType = 'WILDCARD_MATCH';

export interface SigningRule {
  signingProfileArn: string;
  repositoryFilters?: SigningRepositoryFilter[];
}

export type SigningStatus = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export interface StartImageScanRequest {
  registryId?: string;
  repositoryName: string;
  imageId: ImageIdentifier;
}

export interface StartImageScanResponse {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageScanStatus?: ImageScanStatus;
}

export interface StartLifecyclePolicyPreviewRequest {
  registryId?: string;
  repositoryName: string;
  lifecyclePolicyText?: string;
}

export interface StartLifecyclePolicyPreviewResponse {
  registryId?: string;
  repositoryName?: string;
  lifecyclePolicyText?: string;
  status?: LifecyclePolicyPreviewStatus;
}

export interface SubjectIdentifier {
  imageDigest: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface TagResourceRequest {
  resourceArn: string;
  tags: Tag[];
}

export type TagResourceResponse = Empty;

export type TagStatus = 'TAGGED' | 'UNTAGGED' | 'ANY';

export type TargetStorageClass = 'STANDARD' | 'ARCHIVE';

export interface TemplateAlreadyExistsException {
  message?: string;
}

export interface TemplateNotFoundException {
  message?: string;
}

export interface TooManyTagsException {
  message?: string;
}

export interface TransitioningImageTotalCount {
  targetStorageClass?: LifecyclePolicyTargetStorageClass;
  imageTotalCount?: number;
}

export interface UnableToAccessSecretException {
  message?: string;
}

export interface UnableToDecryptSecretValueException {
  message?: string;
}

export interface UnableToGetUpstreamImageException {
  message?: string;
}

export interface UnableToGetUpstreamLayerException {
  message?: string;
}

export interface UnableToListUpstreamImageReferrersException {
  message?: string;
}

export interface UnsupportedImageTypeException {
  message?: string;
}

export interface UnsupportedUpstreamRegistryException {
  message?: string;
}

export interface UntagResourceRequest {
  resourceArn: string;
  tagKeys: string[];
}

export type UntagResourceResponse = Empty;

export interface UpdateImageStorageClassRequest {
  registryId?: string;
  repositoryName: string;
  imageId: ImageIdentifier;
  targetStorageClass: TargetStorageClass;
}

export interface UpdateImageStorageClassResponse {
  registryId?: string;
  repositoryName?: string;
  imageId?: ImageIdentifier;
  imageStatus?: ImageStatus;
}

export interface UpdatePullThroughCacheRuleRequest {
  registryId?: string;
  ecrRepositoryPrefix: string;
  credentialArn?: string;
  customRoleArn?: string;
}

export interface UpdatePullThroughCacheRuleResponse {
  ecrRepositoryPrefix?: string;
  registryId?: string;
  updatedAt?: number;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
}

export interface UpdateRepositoryCreationTemplateRequest {
  prefix: string;
  description?: string;
  encryptionConfiguration?: EncryptionConfigurationForRepositoryCreationTemplate;
  resourceTags?: Tag[];
  imageTagMutability?: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  repositoryPolicy?: string;
  lifecyclePolicy?: string;
  appliedFor?: RCTAppliedFor[];
  customRoleArn?: string;
}

export interface UpdateRepositoryCreationTemplateResponse {
  registryId?: string;
  repositoryCreationTemplate?: RepositoryCreationTemplate;
}

export interface UploadLayerPartRequest {
  registryId?: string;
  repositoryName: string;
  uploadId: string;
  partFirstByte: number;
  partLastByte: number;
  layerPartBlob: string;
}

export interface UploadLayerPartResponse {
  registryId?: string;
  repositoryName?: string;
  uploadId?: string;
  lastByteReceived?: number;
}

export interface UploadNotFoundException {
  message?: string;
}

export type UpstreamRegistry = 'ecr' | 'ecr-public' | 'quay' | 'k8s' | 'docker-hub' | 'github-container-registry' | 'azure-container-registry' | 'gitlab-container-registry' | 'chainguard';

export interface ValidatePullThroughCacheRuleRequest {
  ecrRepositoryPrefix: string;
  registryId?: string;
}

export interface ValidatePullThroughCacheRuleResponse {
  ecrRepositoryPrefix?: string;
  registryId?: string;
  upstreamRegistryUrl?: string;
  credentialArn?: string;
  customRoleArn?: string;
  upstreamRepositoryPrefix?: string;
  isValid?: boolean;
  failure?: string;
}

export interface ValidationException {
  message?: string;
}

export interface VulnerablePackage {
  arch?: string;
  epoch?: number;
  filePath?: string;
  name?: string;
  packageManager?: string;
  release?: string;
  sourceLayerHash?: string;
  version?: string;
  fixedInVersion?: string;
}

export interface EcrOperations {
  BatchCheckLayerAvailability: { input: BatchCheckLayerAvailabilityRequest; output: BatchCheckLayerAvailabilityResponse };
  BatchDeleteImage: { input: BatchDeleteImageRequest; output: BatchDeleteImageResponse };
  BatchGetImage: { input: BatchGetImageRequest; output: BatchGetImageResponse };
  BatchGetRepositoryScanningConfiguration: { input: BatchGetRepositoryScanningConfigurationRequest; output: BatchGetRepositoryScanningConfigurationResponse };
  CompleteLayerUpload: { input: CompleteLayerUploadRequest; output: CompleteLayerUploadResponse };
  CreatePullThroughCacheRule: { input: CreatePullThroughCacheRuleRequest; output: CreatePullThroughCacheRuleResponse };
  CreateRepository: { input: CreateRepositoryRequest; output: CreateRepositoryResponse };
  CreateRepositoryCreationTemplate: { input: CreateRepositoryCreationTemplateRequest; output: CreateRepositoryCreationTemplateResponse };
  DeleteLifecyclePolicy: { input: DeleteLifecyclePolicyRequest; output: DeleteLifecyclePolicyResponse };
  DeletePullThroughCacheRule: { input: DeletePullThroughCacheRuleRequest; output: DeletePullThroughCacheRuleResponse };
  DeleteRegistryPolicy: { input: DeleteRegistryPolicyRequest; output: DeleteRegistryPolicyResponse };
  DeleteRepository: { input: DeleteRepositoryRequest; output: DeleteRepositoryResponse };
  DeleteRepositoryCreationTemplate: { input: DeleteRepositoryCreationTemplateRequest; output: DeleteRepositoryCreationTemplateResponse };
  DeleteRepositoryPolicy: { input: DeleteRepositoryPolicyRequest; output: DeleteRepositoryPolicyResponse };
  DeleteSigningConfiguration: { input: DeleteSigningConfigurationRequest; output: DeleteSigningConfigurationResponse };
  DeregisterPullTimeUpdateExclusion: { input: DeregisterPullTimeUpdateExclusionRequest; output: DeregisterPullTimeUpdateExclusionResponse };
  DescribeImageReplicationStatus: { input: DescribeImageReplicationStatusRequest; output: DescribeImageReplicationStatusResponse };
  DescribeImageScanFindings: { input: DescribeImageScanFindingsRequest; output: DescribeImageScanFindingsResponse };
  DescribeImageSigningStatus: { input: DescribeImageSigningStatusRequest; output: DescribeImageSigningStatusResponse };
  DescribeImages: { input: DescribeImagesRequest; output: DescribeImagesResponse };
  DescribePullThroughCacheRules: { input: DescribePullThroughCacheRulesRequest; output: DescribePullThroughCacheRulesResponse };
  DescribeRegistry: { input: DescribeRegistryRequest; output: DescribeRegistryResponse };
  DescribeRepositories: { input: DescribeRepositoriesRequest; output: DescribeRepositoriesResponse };
  DescribeRepositoryCreationTemplates: { input: DescribeRepositoryCreationTemplatesRequest; output: DescribeRepositoryCreationTemplatesResponse };
  GetAccountSetting: { input: GetAccountSettingRequest; output: GetAccountSettingResponse };
  GetAuthorizationToken: { input: GetAuthorizationTokenRequest; output: GetAuthorizationTokenResponse };
  GetDownloadUrlForLayer: { input: GetDownloadUrlForLayerRequest; output: GetDownloadUrlForLayerResponse };
  GetLifecyclePolicy: { input: GetLifecyclePolicyRequest; output: GetLifecyclePolicyResponse };
  GetLifecyclePolicyPreview: { input: GetLifecyclePolicyPreviewRequest; output: GetLifecyclePolicyPreviewResponse };
  GetRegistryPolicy: { input: GetRegistryPolicyRequest; output: GetRegistryPolicyResponse };
  GetRegistryScanningConfiguration: { input: GetRegistryScanningConfigurationRequest; output: GetRegistryScanningConfigurationResponse };
  GetRepositoryPolicy: { input: GetRepositoryPolicyRequest; output: GetRepositoryPolicyResponse };
  GetSigningConfiguration: { input: GetSigningConfigurationRequest; output: GetSigningConfigurationResponse };
  InitiateLayerUpload: { input: InitiateLayerUploadRequest; output: InitiateLayerUploadResponse };
  ListImageReferrers: { input: ListImageReferrersRequest; output: ListImageReferrersResponse };
  ListImages: { input: ListImagesRequest; output: ListImagesResponse };
  ListPullTimeUpdateExclusions: { input: ListPullTimeUpdateExclusionsRequest; output: ListPullTimeUpdateExclusionsResponse };
  ListTagsForResource: { input: ListTagsForResourceRequest; output: ListTagsForResourceResponse };
  PutAccountSetting: { input: PutAccountSettingRequest; output: PutAccountSettingResponse };
  PutImage: { input: PutImageRequest; output: PutImageResponse };
  PutImageScanningConfiguration: { input: PutImageScanningConfigurationRequest; output: PutImageScanningConfigurationResponse };
  PutImageTagMutability: { input: PutImageTagMutabilityRequest; output: PutImageTagMutabilityResponse };
  PutLifecyclePolicy: { input: PutLifecyclePolicyRequest; output: PutLifecyclePolicyResponse };
  PutRegistryPolicy: { input: PutRegistryPolicyRequest; output: PutRegistryPolicyResponse };
  PutRegistryScanningConfiguration: { input: PutRegistryScanningConfigurationRequest; output: PutRegistryScanningConfigurationResponse };
  PutReplicationConfiguration: { input: PutReplicationConfigurationRequest; output: PutReplicationConfigurationResponse };
  PutSigningConfiguration: { input: PutSigningConfigurationRequest; output: PutSigningConfigurationResponse };
  RegisterPullTimeUpdateExclusion: { input: RegisterPullTimeUpdateExclusionRequest; output: RegisterPullTimeUpdateExclusionResponse };
  SetRepositoryPolicy: { input: SetRepositoryPolicyRequest; output: SetRepositoryPolicyResponse };
  StartImageScan: { input: StartImageScanRequest; output: StartImageScanResponse };
  StartLifecyclePolicyPreview: { input: StartLifecyclePolicyPreviewRequest; output: StartLifecyclePolicyPreviewResponse };
  TagResource: { input: TagResourceRequest; output: TagResourceResponse };
  UntagResource: { input: UntagResourceRequest; output: UntagResourceResponse };
  UpdateImageStorageClass: { input: UpdateImageStorageClassRequest; output: UpdateImageStorageClassResponse };
  UpdatePullThroughCacheRule: { input: UpdatePullThroughCacheRuleRequest; output: UpdatePullThroughCacheRuleResponse };
  UpdateRepositoryCreationTemplate: { input: UpdateRepositoryCreationTemplateRequest; output: UpdateRepositoryCreationTemplateResponse };
  UploadLayerPart: { input: UploadLayerPartRequest; output: UploadLayerPartResponse };
  ValidatePullThroughCacheRule: { input: ValidatePullThroughCacheRuleRequest; output: ValidatePullThroughCacheRuleResponse };
}

export type EcrErrorCode =
  | 'BlockedByOrganizationPolicyException'
  | 'EmptyUploadException'
  | 'ExclusionAlreadyExistsException'
  | 'ExclusionNotFoundException'
  | 'ImageAlreadyExistsException'
  | 'ImageArchivedException'
  | 'ImageDigestDoesNotMatchException'
  | 'ImageNotFoundException'
  | 'ImageStorageClassUpdateNotSupportedException'
  | 'ImageTagAlreadyExistsException'
  | 'InvalidLayerException'
  | 'InvalidLayerPartException'
  | 'InvalidParameterException'
  | 'InvalidTagParameterException'
  | 'KmsException'
  | 'LayerAlreadyExistsException'
  | 'LayerInaccessibleException'
  | 'LayerPartTooSmallException'
  | 'LayersNotFoundException'
  | 'LifecyclePolicyNotFoundException'
  | 'LifecyclePolicyPreviewInProgressException'
  | 'LifecyclePolicyPreviewNotFoundException'
  | 'LimitExceededException'
  | 'PullThroughCacheRuleAlreadyExistsException'
  | 'PullThroughCacheRuleNotFoundException'
  | 'ReferencedImagesNotFoundException'
  | 'RegistryPolicyNotFoundException'
  | 'RepositoryAlreadyExistsException'
  | 'RepositoryNotEmptyException'
  | 'RepositoryNotFoundException'
  | 'RepositoryPolicyNotFoundException'
  | 'ScanNotFoundException'
  | 'SecretNotFoundException'
  | 'ServerException'
  | 'SigningConfigurationNotFoundException'
  | 'TemplateAlreadyExistsException'
  | 'TemplateNotFoundException'
  | 'TooManyTagsException'
  | 'UnableToAccessSecretException'
  | 'UnableToDecryptSecretValueException'
  | 'UnableToGetUpstreamImageException'
  | 'UnableToGetUpstreamLayerException'
  | 'UnableToListUpstreamImageReferrersException'
  | 'UnsupportedImageTypeException'
  | 'UnsupportedUpstreamRegistryException'
  | 'UploadNotFoundException'
  | 'ValidationException';

export const ecrErrorCodes = [
  'BlockedByOrganizationPolicyException',
  'EmptyUploadException',
  'ExclusionAlreadyExistsException',
  'ExclusionNotFoundException',
  'ImageAlreadyExistsException',
  'ImageArchivedException',
  'ImageDigestDoesNotMatchException',
  'ImageNotFoundException',
  'ImageStorageClassUpdateNotSupportedException',
  'ImageTagAlreadyExistsException',
  'InvalidLayerException',
  'InvalidLayerPartException',
  'InvalidParameterException',
  'InvalidTagParameterException',
  'KmsException',
  'LayerAlreadyExistsException',
  'LayerInaccessibleException',
  'LayerPartTooSmallException',
  'LayersNotFoundException',
  'LifecyclePolicyNotFoundException',
  'LifecyclePolicyPreviewInProgressException',
  'LifecyclePolicyPreviewNotFoundException',
  'LimitExceededException',
  'PullThroughCacheRuleAlreadyExistsException',
  'PullThroughCacheRuleNotFoundException',
  'ReferencedImagesNotFoundException',
  'RegistryPolicyNotFoundException',
  'RepositoryAlreadyExistsException',
  'RepositoryNotEmptyException',
  'RepositoryNotFoundException',
  'RepositoryPolicyNotFoundException',
  'ScanNotFoundException',
  'SecretNotFoundException',
  'ServerException',
  'SigningConfigurationNotFoundException',
  'TemplateAlreadyExistsException',
  'TemplateNotFoundException',
  'TooManyTagsException',
  'UnableToAccessSecretException',
  'UnableToDecryptSecretValueException',
  'UnableToGetUpstreamImageException',
  'UnableToGetUpstreamLayerException',
  'UnableToListUpstreamImageReferrersException',
  'UnsupportedImageTypeException',
  'UnsupportedUpstreamRegistryException',
  'UploadNotFoundException',
  'ValidationException',
] as const;

export const ecrOperationNames = [
  'BatchCheckLayerAvailability',
  'BatchDeleteImage',
  'BatchGetImage',
  'BatchGetRepositoryScanningConfiguration',
  'CompleteLayerUpload',
  'CreatePullThroughCacheRule',
  'CreateRepository',
  'CreateRepositoryCreationTemplate',
  'DeleteLifecyclePolicy',
  'DeletePullThroughCacheRule',
  'DeleteRegistryPolicy',
  'DeleteRepository',
  'DeleteRepositoryCreationTemplate',
  'DeleteRepositoryPolicy',
  'DeleteSigningConfiguration',
  'DeregisterPullTimeUpdateExclusion',
  'DescribeImageReplicationStatus',
  'DescribeImageScanFindings',
  'DescribeImageSigningStatus',
  'DescribeImages',
  'DescribePullThroughCacheRules',
  'DescribeRegistry',
  'DescribeRepositories',
  'DescribeRepositoryCreationTemplates',
  'GetAccountSetting',
  'GetAuthorizationToken',
  'GetDownloadUrlForLayer',
  'GetLifecyclePolicy',
  'GetLifecyclePolicyPreview',
  'GetRegistryPolicy',
  'GetRegistryScanningConfiguration',
  'GetRepositoryPolicy',
  'GetSigningConfiguration',
  'InitiateLayerUpload',
  'ListImageReferrers',
  'ListImages',
  'ListPullTimeUpdateExclusions',
  'ListTagsForResource',
  'PutAccountSetting',
  'PutImage',
  'PutImageScanningConfiguration',
  'PutImageTagMutability',
  'PutLifecyclePolicy',
  'PutRegistryPolicy',
  'PutRegistryScanningConfiguration',
  'PutReplicationConfiguration',
  'PutSigningConfiguration',
  'RegisterPullTimeUpdateExclusion',
  'SetRepositoryPolicy',
  'StartImageScan',
  'StartLifecyclePolicyPreview',
  'TagResource',
  'UntagResource',
  'UpdateImageStorageClass',
  'UpdatePullThroughCacheRule',
  'UpdateRepositoryCreationTemplate',
  'UploadLayerPart',
  'ValidatePullThroughCacheRule',
] as const;
