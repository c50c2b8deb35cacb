// generated — do not edit; run npm run gen
// Source: models/codecommit.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export type ActorDoesNotExistException = Empty;

export interface Approval {
  userArn?: string;
  approvalState?: ApprovalState;
}

export interface ApprovalRule {
  approvalRuleId?: string;
  approvalRuleName?: string;
  approvalRuleContent?: string;
  ruleContentSha256?: string;
  lastModifiedDate?: number;
  creationDate?: number;
  lastModifiedUser?: string;
  originApprovalRuleTemplate?: OriginApprovalRuleTemplate;
}

export type ApprovalRuleContentRequiredException = Empty;

export type ApprovalRuleDoesNotExistException = Empty;

export interface ApprovalRuleEventMetadata {
  approvalRuleName?: string;
  approvalRuleId?: string;
  approvalRuleContent?: string;
}

export type ApprovalRuleNameAlreadyExistsException = Empty;

export type ApprovalRuleNameRequiredException = Empty;

export interface ApprovalRuleOverriddenEventMetadata {
  revisionId?: string;
  overrideStatus?: OverrideStatus;
}

export interface ApprovalRuleTemplate {
  approvalRuleTemplateId?: string;
  approvalRuleTemplateName?: string;
  approvalRuleTemplateDescription?: string;
  approvalRuleTemplateContent?: string;
  ruleContentSha256?: string;
  lastModifiedDate?: number;
  creationDate?: number;
  lastModifiedUser?: string;
}

export type ApprovalRuleTemplateContentRequiredException = Empty;

export type ApprovalRuleTemplateDoesNotExistException = Empty;

export type ApprovalRuleTemplateInUseException = Empty;

export type ApprovalRuleTemplateNameAlreadyExistsException = Empty;

export type ApprovalRuleTemplateNameRequiredException = Empty;

export type ApprovalState = 'APPROVE' | 'REVOKE';

export interface ApprovalStateChangedEventMetadata {
  revisionId?: string;
  approvalStatus?: ApprovalState;
}

export type ApprovalStateRequiredException = Empty;

export interface AssociateApprovalRuleTemplateWithRepositoryInput {
  approvalRuleTemplateName: string;
  repositoryName: string;
}

export type AuthorDoesNotExistException = Empty;

export interface BatchAssociateApprovalRuleTemplateWithRepositoriesError {
  repositoryName?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface BatchAssociateApprovalRuleTemplateWithRepositoriesInput {
  approvalRuleTemplateName: string;
  repositoryNames: string[];
}

export interface BatchAssociateApprovalRuleTemplateWithRepositoriesOutput {
  associatedRepositoryNames: string[];
  errors: BatchAssociateApprovalRuleTemplateWithRepositoriesError[];
}

export interface BatchDescribeMergeConflictsError {
  filePath: string;
  exceptionName: string;
  message: string;
}

export interface BatchDescribeMergeConflictsInput {
  repositoryName: string;
  destinationCommitSpecifier: string;
  sourceCommitSpecifier: string;
  mergeOption: MergeOptionTypeEnum;
  maxMergeHunks?: number;
  maxConflictFiles?: number;
  filePaths?: string[];
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  nextToken?: string;
}

export interface BatchDescribeMergeConflictsOutput {
  conflicts: Conflict[];
  nextToken?: string;
  errors?: BatchDescribeMergeConflictsError[];
  destinationCommitId: string;
  sourceCommitId: string;
  baseCommitId?: string;
}

export interface BatchDisassociateApprovalRuleTemplateFromRepositoriesError {
  repositoryName?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface BatchDisassociateApprovalRuleTemplateFromRepositoriesInput {
  approvalRuleTemplateName: string;
  repositoryNames: string[];
}

export interface BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput {
  disassociatedRepositoryNames: string[];
  errors: BatchDisassociateApprovalRuleTemplateFromRepositoriesError[];
}

export interface BatchGetCommitsError {
  commitId?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface BatchGetCommitsInput {
  commitIds: string[];
  repositoryName: string;
}

export interface BatchGetCommitsOutput {
  commits?: Commit[];
  errors?: BatchGetCommitsError[];
}

export interface BatchGetRepositoriesError {
  repositoryId?: string;
  repositoryName?: string;
  errorCode?: BatchGetRepositoriesErrorCodeEnum;
  errorMessage?: string;
}

export type BatchGetRepositoriesErrorCodeEnum = 'EncryptionIntegrityChecksFailedException' | 'EncryptionKeyAccessDeniedException' | 'EncryptionKeyDisabledException' | 'EncryptionKeyNotFoundException' | 'EncryptionKeyUnavailableException' | 'RepositoryDoesNotExistException';

export interface BatchGetRepositoriesInput {
  repositoryNames: string[];
}

export interface BatchGetRepositoriesOutput {
  repositories?: RepositoryMetadata[];
  repositoriesNotFound?: string[];
  errors?: BatchGetRepositoriesError[];
}

export type BeforeCommitIdAndAfterCommitIdAreSameException = Empty;

export type BlobIdDoesNotExistException = Empty;

export type BlobIdRequiredException = Empty;

export interface BlobMetadata {
  blobId?: string;
  path?: string;
  mode?: string;
}

export type BranchDoesNotExistException = Empty;

export interface BranchInfo {
  branchName?: string;
  commitId?: string;
}

export type BranchNameExistsException = Empty;

export type BranchNameIsTagNameException = Empty;

export type BranchNameRequiredException = Empty;

export type CannotDeleteApprovalRuleFromTemplateException = Empty;

export type CannotModifyApprovalRuleFromTemplateException = Empty;

export type ChangeTypeEnum = 'A' | 'M' | 'D';

export type ClientRequestTokenRequiredException = Empty;

export interface Comment {
  commentId?: string;
  content?: string;
  inReplyTo?: string;
  creationDate?: number;
  lastModifiedDate?: number;
  authorArn?: string;
  deleted?: boolean;
  clientRequestToken?: string;
  callerReactions?: string[];
  reactionCounts?: Record<string, number>;
}

export type CommentContentRequiredException = Empty;

export type CommentContentSizeLimitExceededException = Empty;

export type CommentDeletedException = Empty;

export type CommentDoesNotExistException = Empty;

export type CommentIdRequiredException = Empty;

export type CommentNotCreatedByCallerException = Empty;

export interface CommentsForComparedCommit {
  repositoryName?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  beforeBlobId?: string;
  afterBlobId?: string;
  location?: Location;
  comments?: Comment[];
}

export interface CommentsForPullRequest {
  pullRequestId?: string;
  repositoryName?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  beforeBlobId?: string;
  afterBlobId?: string;
  location?: Location;
  comments?: Comment[];
}

export interface Commit {
  commitId?: string;
  treeId?: string;
  parents?: string[];
  message?: string;
  author?: UserInfo;
  committer?: UserInfo;
  additionalData?: string;
}

export type CommitDoesNotExistException = Empty;

export type CommitIdDoesNotExistException = Empty;

export type CommitIdRequiredException = Empty;

export type CommitIdsLimitExceededException = Empty;

export type CommitIdsListRequiredException = Empty;

export type CommitMessageLengthExceededException = Empty;

export type CommitRequiredException = Empty;

export type ConcurrentReferenceUpdateException = Empty;

export interface Conflict {
  conflictMetadata?: ConflictMetadata;
  mergeHunks?: MergeHunk[];
}

export type ConflictDetailLevelTypeEnum = 'FILE_LEVEL' | 'LINE_LEVEL';

export interface ConflictMetadata {
  filePath?: string;
  fileSizes?: FileSizes;
  fileModes?: FileModes;
  objectTypes?: ObjectTypes;
  numberOfConflicts?: number;
  isBinaryFile?: IsBinaryFile;
  contentConflict?: boolean;
  fileModeConflict?: boolean;
  objectTypeConflict?: boolean;
  mergeOperations?: MergeOperations;
}

export interface ConflictResolution {
  replaceContents?: ReplaceContentEntry[];
  deleteFiles?: DeleteFileEntry[];
  setFileModes?: SetFileModeEntry[];
}

export type ConflictResolutionStrategyTypeEnum = 'NONE' | 'ACCEPT_SOURCE' | 'ACCEPT_DESTINATION' | 'AUTOMERGE';

export interface CreateApprovalRuleTemplateInput {
  approvalRuleTemplateName: string;
  approvalRuleTemplateContent: string;
  approvalRuleTemplateDescription?: string;
}

export interface CreateApprovalRuleTemplateOutput {
  approvalRuleTemplate: ApprovalRuleTemplate;
}

export interface CreateBranchInput {
  repositoryName: string;
  branchName: string;
  commitId: string;
}

export interface CreateCommitInput {
  repositoryName: string;
  branchName: string;
  parentCommitId?: string;
  authorName?: string;
  email?: string;
  commitMessage?: string;
  keepEmptyFolders?: boolean;
  putFiles?: PutFileEntry[];
  deleteFiles?: DeleteFileEntry[];
  setFileModes?: SetFileModeEntry[];
}

export interface CreateCommitOutput {
  commitId?: string;
  treeId?: string;
  filesAdded?: FileMetadata[];
  filesUpdated?: FileMetadata[];
  filesDeleted?: FileMetadata[];
}

export interface CreatePullRequestApprovalRuleInput {
  pullRequestId: string;
  approvalRuleName: string;
  approvalRuleContent: string;
}

export interface CreatePullRequestApprovalRuleOutput {
  approvalRule: ApprovalRule;
}

export interface CreatePullRequestInput {
  title: string;
  description?: string;
  targets: Target[];
  clientRequestToken?: string;
}

export interface CreatePullRequestOutput {
  pullRequest: PullRequest;
}

export interface CreateRepositoryInput {
  repositoryName: string;
  repositoryDescription?: string;
  tags?: Record<string, string>;
  kmsKeyId?: string;
}

export interface CreateRepositoryOutput {
  repositoryMetadata?: RepositoryMetadata;
}

export interface CreateUnreferencedMergeCommitInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  mergeOption: MergeOptionTypeEnum;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  authorName?: string;
  email?: string;
  commitMessage?: string;
  keepEmptyFolders?: boolean;
  conflictResolution?: ConflictResolution;
}

export interface CreateUnreferencedMergeCommitOutput {
  commitId?: string;
  treeId?: string;
}

export type DefaultBranchCannotBeDeletedException = Empty;

export interface DeleteApprovalRuleTemplateInput {
  approvalRuleTemplateName: string;
}

export interface DeleteApprovalRuleTemplateOutput {
  approvalRuleTemplateId: string;
}

export interface DeleteBranchInput {
  repositoryName: string;
  branchName: string;
}

export interface DeleteBranchOutput {
  deletedBranch?: BranchInfo;
}

export interface DeleteCommentContentInput {
  commentId: string;
}

export interface DeleteCommentContentOutput {
  comment?: Comment;
}

export interface DeleteFileEntry {
  filePath: string;
}

export interface DeleteFileInput {
  repositoryName: string;
  branchName: string;
  filePath: string;
  parentCommitId: string;
  keepEmptyFolders?: boolean;
  commitMessage?: string;
  name?: string;
  email?: string;
}

export interface DeleteFileOutput {
  commitId: string;
  blobId: string;
  treeId: string;
  filePath: string;
}

export interface DeletePullRequestApprovalRuleInput {
  pullRequestId: string;
  approvalRuleName: string;
}

export interface DeletePullRequestApprovalRuleOutput {
  approvalRuleId: string;
}

export interface DeleteRepositoryInput {
  repositoryName: string;
}

export interface DeleteRepositoryOutput {
  repositoryId?: string;
}

export interface DescribeMergeConflictsInput {
  repositoryName: string;
  destinationCommitSpecifier: string;
  sourceCommitSpecifier: string;
  mergeOption: MergeOptionTypeEnum;
  maxMergeHunks?: number;
  filePath: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  nextToken?: string;
}

export interface DescribeMergeConflictsOutput {
  conflictMetadata: ConflictMetadata;
  mergeHunks: MergeHunk[];
  nextToken?: string;
  destinationCommitId: string;
  sourceCommitId: string;
  baseCommitId?: string;
}

export interface DescribePullRequestEventsInput {
  pullRequestId: string;
  pullRequestEventType?: PullRequestEventType;
  actorArn?: string;
  nextToken?: string;
  maxResults?: number;
}

export interface DescribePullRequestEventsOutput {
  pullRequestEvents: PullRequestEvent[];
  nextToken?: string;
}

export interface Difference {
  beforeBlob?: BlobMetadata;
  afterBlob?: BlobMetadata;
  changeType?: ChangeTypeEnum;
}

export type DirectoryNameConflictsWithFileNameException = Empty;

export interface DisassociateApprovalRuleTemplateFromRepositoryInput {
  approvalRuleTemplateName: string;
  repositoryName: string;
}

export type EncryptionIntegrityChecksFailedException = Empty;

export type EncryptionKeyAccessDeniedException = Empty;

export type EncryptionKeyDisabledException = Empty;

export type EncryptionKeyInvalidIdException = Empty;

export type EncryptionKeyInvalidUsageException = Empty;

export type EncryptionKeyNotFoundException = Empty;

export type EncryptionKeyRequiredException = Empty;

export type EncryptionKeyUnavailableException = Empty;

export interface EvaluatePullRequestApprovalRulesInput {
  pullRequestId: string;
  revisionId: string;
}

export interface EvaluatePullRequestApprovalRulesOutput {
  evaluation: Evaluation;
}

export interface Evaluation {
  approved?: boolean;
  overridden?: boolean;
  approvalRulesSatisfied?: string[];
  approvalRulesNotSatisfied?: string[];
}

export interface File {
  blobId?: string;
  absolutePath?: string;
  relativePath?: string;
  fileMode?: FileModeTypeEnum;
}

export type FileContentAndSourceFileSpecifiedException = Empty;

export type FileContentRequiredException = Empty;

export type FileContentSizeLimitExceededException = Empty;

export type FileDoesNotExistException = Empty;

export type FileEntryRequiredException = Empty;

export interface FileMetadata {
  absolutePath?: string;
  blobId?: string;
  fileMode?: FileModeTypeEnum;
}

export type FileModeRequiredException = Empty;

export type FileModeTypeEnum = 'EXECUTABLE' | 'NORMAL' | 'SYMLINK';

export interface FileModes {
  source?: FileModeTypeEnum;
  destination?: FileModeTypeEnum;
  base?: FileModeTypeEnum;
}

export type FileNameConflictsWithDirectoryNameException = Empty;

export type FilePathConflictsWithSubmodulePathException = Empty;

export interface FileSizes {
  source?: number;
  destination?: number;
  base?: number;
}

export type FileTooLargeException = Empty;

export interface FileVersion {
  commit?: Commit;
  blobId?: string;
  path?: string;
  revisionChildren?: string[];
}

export interface Folder {
  treeId?: string;
  absolutePath?: string;
  relativePath?: string;
}

export type FolderContentSizeLimitExceededException = Empty;

export type FolderDoesNotExistException = Empty;

export interface GetApprovalRuleTemplateInput {
  approvalRuleTemplateName: string;
}

export interface GetApprovalRuleTemplateOutput {
  approvalRuleTemplate: ApprovalRuleTemplate;
}

export interface GetBlobInput {
  repositoryName: string;
  blobId: string;
}

export interface GetBlobOutput {
  content: string;
}

export interface GetBranchInput {
  repositoryName?: string;
  branchName?: string;
}

export interface GetBranchOutput {
  branch?: BranchInfo;
}

export interface GetCommentInput {
  commentId: string;
}

export interface GetCommentOutput {
  comment?: Comment;
}

export interface GetCommentReactionsInput {
  commentId: string;
  reactionUserArn?: string;
  nextToken?: string;
  maxResults?: number;
}

export interface GetCommentReactionsOutput {
  reactionsForComment: ReactionForComment[];
  nextToken?: string;
}

export interface GetCommentsForComparedCommitInput {
  repositoryName: string;
  beforeCommitId?: string;
  afterCommitId: string;
  nextToken?: string;
  maxResults?: number;
}

export interface GetCommentsForComparedCommitOutput {
  commentsForComparedCommitData?: CommentsForComparedCommit[];
  nextToken?: string;
}

export interface GetCommentsForPullRequestInput {
  pullRequestId: string;
  repositoryName?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  nextToken?: string;
  maxResults?: number;
}

export interface GetCommentsForPullRequestOutput {
  commentsForPullRequestData?: CommentsForPullRequest[];
  nextToken?: string;
}

export interface GetCommitInput {
  repositoryName: string;
  commitId: string;
}

export interface GetCommitOutput {
  commit: Commit;
}

export interface GetDifferencesInput {
  repositoryName: string;
  beforeCommitSpecifier?: string;
  afterCommitSpecifier: string;
  beforePath?: string;
  afterPath?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetDifferencesOutput {
  differences?: Difference[];
  NextToken?: string;
}

export interface GetFileInput {
  repositoryName: string;
  commitSpecifier?: string;
  filePath: string;
}

export interface GetFileOutput {
  commitId: string;
  blobId: string;
  filePath: string;
  fileMode: FileModeTypeEnum;
  fileSize: number;
  fileContent: string;
}

export interface GetFolderInput {
  repositoryName: string;
  commitSpecifier?: string;
  folderPath: string;
}

export interface GetFolderOutput {
  commitId: string;
  folderPath: string;
  treeId?: string;
  subFolders?: Folder[];
  files?: File[];
  symbolicLinks?: SymbolicLink[];
  subModules?: SubModule[];
}

export interface GetMergeCommitInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
}

export interface GetMergeCommitOutput {
  sourceCommitId?: string;
  destinationCommitId?: string;
  baseCommitId?: string;
  mergedCommitId?: string;
}

export interface GetMergeConflictsInput {
  repositoryName: string;
  destinationCommitSpecifier: string;
  sourceCommitSpecifier: string;
  mergeOption: MergeOptionTypeEnum;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  maxConflictFiles?: number;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  nextToken?: string;
}

export interface GetMergeConflictsOutput {
  mergeable: boolean;
  destinationCommitId: string;
  sourceCommitId: string;
  baseCommitId?: string;
  conflictMetadataList: ConflictMetadata[];
  nextToken?: string;
}

export interface GetMergeOptionsInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
}

export interface GetMergeOptionsOutput {
  mergeOptions: MergeOptionTypeEnum[];
  sourceCommitId: string;
  destinationCommitId: string;
  baseCommitId: string;
}

export interface GetPullRequestApprovalStatesInput {
  pullRequestId: string;
  revisionId: string;
}

export interface GetPullRequestApprovalStatesOutput {
  approvals?: Approval[];
}

export interface GetPullRequestInput {
  pullRequestId: string;
}

export interface GetPullRequestOutput {
  pullRequest: PullRequest;
}

export interface GetPullRequestOverrideStateInput {
  pullRequestId: string;
  revisionId: string;
}

export interface GetPullRequestOverrideStateOutput {
  overridden?: boolean;
  overrider?: string;
}

export interface GetRepositoryInput {
  repositoryName: string;
}

export interface GetRepositoryOutput {
  repositoryMetadata?: RepositoryMetadata;
}

export interface GetRepositoryTriggersInput {
  repositoryName: string;
}

export interface GetRepositoryTriggersOutput {
  configurationId?: string;
  triggers?: RepositoryTrigger[];
}

export type IdempotencyParameterMismatchException = Empty;

export type InvalidActorArnException = Empty;

export type InvalidApprovalRuleContentException = Empty;

export type InvalidApprovalRuleNameException = Empty;

export type InvalidApprovalRuleTemplateContentException = Empty;

export type InvalidApprovalRuleTemplateDescriptionException = Empty;

export type InvalidApprovalRuleTemplateNameException = Empty;

export type InvalidApprovalStateException = Empty;

export type InvalidAuthorArnException = Empty;

export type InvalidBlobIdException = Empty;

export type InvalidBranchNameException = Empty;

export type InvalidClientRequestTokenException = Empty;

export type InvalidCommentIdException = Empty;

export type InvalidCommitException = Empty;

export type InvalidCommitIdException = Empty;

export type InvalidConflictDetailLevelException = Empty;

export type InvalidConflictResolutionException = Empty;

export type InvalidConflictResolutionStrategyException = Empty;

export type InvalidContinuationTokenException = Empty;

export type InvalidDeletionParameterException = Empty;

export type InvalidDescriptionException = Empty;

export type InvalidDestinationCommitSpecifierException = Empty;

export type InvalidEmailException = Empty;

export type InvalidFileLocationException = Empty;

export type InvalidFileModeException = Empty;

export type InvalidFilePositionException = Empty;

export type InvalidMaxConflictFilesException = Empty;

export type InvalidMaxMergeHunksException = Empty;

export type InvalidMaxResultsException = Empty;

export type InvalidMergeOptionException = Empty;

export type InvalidOrderException = Empty;

export type InvalidOverrideStatusException = Empty;

export type InvalidParentCommitIdException = Empty;

export type InvalidPathException = Empty;

export type InvalidPullRequestEventTypeException = Empty;

export type InvalidPullRequestIdException = Empty;

export type InvalidPullRequestStatusException = Empty;

export type InvalidPullRequestStatusUpdateException = Empty;

export type InvalidReactionUserArnException = Empty;

export type InvalidReactionValueException = Empty;

export type InvalidReferenceNameException = Empty;

export type InvalidRelativeFileVersionEnumException = Empty;

export type InvalidReplacementContentException = Empty;

export type InvalidReplacementTypeException = Empty;

export type InvalidRepositoryDescriptionException = Empty;

export type InvalidRepositoryNameException = Empty;

export type InvalidRepositoryTriggerBranchNameException = Empty;

export type InvalidRepositoryTriggerCustomDataException = Empty;

export type InvalidRepositoryTriggerDestinationArnException = Empty;

export type InvalidRepositoryTriggerEventsException = Empty;

export type InvalidRepositoryTriggerNameException = Empty;

export type InvalidRepositoryTriggerRegionException = Empty;

export type InvalidResourceArnException = Empty;

export type InvalidRevisionIdException = Empty;

export type InvalidRuleContentSha256Exception = Empty;

export type InvalidSortByException = Empty;

export type InvalidSourceCommitSpecifierException = Empty;

export type InvalidSystemTagUsageException = Empty;

export type InvalidTagKeysListException = Empty;

export type InvalidTagsMapException = Empty;

export type InvalidTargetBranchException = Empty;

export type InvalidTargetException = Empty;

export type InvalidTargetsException = Empty;

export type InvalidTitleException = Empty;

export interface IsBinaryFile {
  source?: boolean;
  destination?: boolean;
  base?: boolean;
}

export interface ListApprovalRuleTemplatesInput {
  nextToken?: string;
  maxResults?: number;
}

export interface ListApprovalRuleTemplatesOutput {
  approvalRuleTemplateNames?: string[];
  nextToken?: string;
}

export interface ListAssociatedApprovalRuleTemplatesForRepositoryInput {
  repositoryName: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListAssociatedApprovalRuleTemplatesForRepositoryOutput {
  approvalRuleTemplateNames?: string[];
  nextToken?: string;
}

export interface ListBranchesInput {
  repositoryName: string;
  nextToken?: string;
}

export interface ListBranchesOutput {
  branches?: string[];
  nextToken?: string;
}

export interface ListFileCommitHistoryRequest {
  repositoryName: string;
  commitSpecifier?: string;
  filePath: string;
  maxResults?: number;
  nextToken?: string;
}

export interface ListFileCommitHistoryResponse {
  revisionDag: FileVersion[];
  nextToken?: string;
}

export interface ListPullRequestsInput {
  repositoryName: string;
  authorArn?: string;
  pullRequestStatus?: PullRequestStatusEnum;
  nextToken?: string;
  maxResults?: number;
}

export interface ListPullRequestsOutput {
  pullRequestIds: string[];
  nextToken?: string;
}

export interface ListRepositoriesForApprovalRuleTemplateInput {
  approvalRuleTemplateName: string;
  nextToken?: string;
  maxResults?: number;
}

export interface ListRepositoriesForApprovalRuleTemplateOutput {
  repositoryNames?: string[];
  nextToken?: string;
}

export interface ListRepositoriesInput {
  nextToken?: string;
  sortBy?: SortByEnum;
  order?: OrderEnum;
}

export interface ListRepositoriesOutput {
  repositories?: RepositoryNameIdPair[];
  nextToken?: string;
}

export interface ListTagsForResourceInput {
  resourceArn: string;
  nextToken?: string;
}

export interface ListTagsForResourceOutput {
  tags?: Record<string, string>;
  nextToken?: string;
}

export interface Location {
  filePath?: string;
  filePosition?: number;
  relativeFileVersion?: RelativeFileVersionEnum;
}

export type ManualMergeRequiredException = Empty;

export type MaximumBranchesExceededException = Empty;

export type MaximumConflictResolutionEntriesExceededException = Empty;

export type MaximumFileContentToLoadExceededException = Empty;

export type MaximumFileEntriesExceededException = Empty;

export type MaximumItemsToCompareExceededException = Empty;

export type MaximumNumberOfApprovalsExceededException = Empty;

export type MaximumOpenPullRequestsExceededException = Empty;

export type MaximumRepositoryNamesExceededException = Empty;

export type MaximumRepositoryTriggersExceededException = Empty;

export type MaximumRuleTemplatesAssociatedWithRepositoryException = Empty;

export interface MergeBranchesByFastForwardInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  targetBranch?: string;
}

export interface MergeBranchesByFastForwardOutput {
  commitId?: string;
  treeId?: string;
}

export interface MergeBranchesBySquashInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  targetBranch?: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  authorName?: string;
  email?: string;
  commitMessage?: string;
  keepEmptyFolders?: boolean;
  conflictResolution?: ConflictResolution;
}

export interface MergeBranchesBySquashOutput {
  commitId?: string;
  treeId?: string;
}

export interface MergeBranchesByThreeWayInput {
  repositoryName: string;
  sourceCommitSpecifier: string;
  destinationCommitSpecifier: string;
  targetBranch?: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  authorName?: string;
  email?: string;
  commitMessage?: string;
  keepEmptyFolders?: boolean;
  conflictResolution?: ConflictResolution;
}

export interface MergeBranchesByThreeWayOutput {
  commitId?: string;
  treeId?: string;
}

export interface MergeHunk {
  isConflict?: boolean;
  source?: MergeHunkDetail;
  destination?: MergeHunkDetail;
  base?: MergeHunkDetail;
}

export interface MergeHunkDetail {
  startLine?: number;
  endLine?: number;
  hunkContent?: string;
}

export interface MergeMetadata {
  isMerged?: boolean;
  mergedBy?: string;
  mergeCommitId?: string;
  mergeOption?: MergeOptionTypeEnum;
}

export interface MergeOperations {
  source?: ChangeTypeEnum;
  destination?: ChangeTypeEnum;
}

export type MergeOptionRequiredException = Empty;

export type MergeOptionTypeEnum = 'FAST_FORWARD_MERGE' | 'SQUASH_MERGE' | 'THREE_WAY_MERGE';

export interface MergePullRequestByFastForwardInput {
  pullRequestId: string;
  repositoryName: string;
  sourceCommitId?: string;
}

export interface MergePullRequestByFastForwardOutput {
  pullRequest?: PullRequest;
}

export interface MergePullRequestBySquashInput {
  pullRequestId: string;
  repositoryName: string;
  sourceCommitId?: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  commitMessage?: string;
  authorName?: string;
  email?: string;
  keepEmptyFolders?: boolean;
  conflictResolution?: ConflictResolution;
}

export interface MergePullRequestBySquashOutput {
  pullRequest?: PullRequest;
}

export interface MergePullRequestByThreeWayInput {
  pullRequestId: string;
  repositoryName: string;
  sourceCommitId?: string;
  conflictDetailLevel?: ConflictDetailLevelTypeEnum;
  conflictResolutionStrategy?: ConflictResolutionStrategyTypeEnum;
  commitMessage?: string;
  authorName?: string;
  email?: string;
  keepEmptyFolders?: boolean;
  conflictResolution?: ConflictResolution;
}

export interface MergePullRequestByThreeWayOutput {
  pullRequest?: PullRequest;
}

export type MultipleConflictResolutionEntriesException = Empty;

export type MultipleRepositoriesInPullRequestException = Empty;

export type NameLengthExceededException = Empty;

export type NoChangeException = Empty;

export type NumberOfRuleTemplatesExceededException = Empty;

export type NumberOfRulesExceededException = Empty;

export type ObjectTypeEnum = 'FILE' | 'DIRECTORY' | 'GIT_LINK' | 'SYMBOLIC_LINK';

export interface ObjectTypes {
  source?: ObjectTypeEnum;
  destination?: ObjectTypeEnum;
  base?: ObjectTypeEnum;
}

export type OperationNotAllowedException = Empty;

export type OrderEnum = 'ascending' | 'descending';

export interface OriginApprovalRuleTemplate {
  approvalRuleTemplateId?: string;
  approvalRuleTemplateName?: string;
}

export type OverrideAlreadySetException = Empty;

export interface OverridePullRequestApprovalRulesInput {
  pullRequestId: string;
  revisionId: string;
  overrideStatus: OverrideStatus;
}

export type OverrideStatus = 'OVERRIDE' | 'REVOKE';

export type OverrideStatusRequiredException = Empty;

export type ParentCommitDoesNotExistException = Empty;

export type ParentCommitIdOutdatedException = Empty;

export type ParentCommitIdRequiredException = Empty;

export type PathDoesNotExistException = Empty;

export type PathRequiredException = Empty;

export interface PostCommentForComparedCommitInput {
  repositoryName: string;
  beforeCommitId?: string;
  afterCommitId: string;
  location?: Location;
  content: string;
  clientRequestToken?: string;
}

export interface PostCommentForComparedCommitOutput {
  repositoryName?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  beforeBlobId?: string;
  afterBlobId?: string;
  location?: Location;
  comment?: Comment;
}

export interface PostCommentForPullRequestInput {
  pullRequestId: string;
  repositoryName: string;
  beforeCommitId: string;
  afterCommitId: string;
  location?: Location;
  content: string;
  clientRequestToken?: string;
}

export interface PostCommentForPullRequestOutput {
  repositoryName?: string;
  pullRequestId?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  beforeBlobId?: string;
  afterBlobId?: string;
  location?: Location;
  comment?: Comment;
}

export interface PostCommentReplyInput {
  inReplyTo: string;
  clientRequestToken?: string;
  content: string;
}

export interface PostCommentReplyOutput {
  comment?: Comment;
}

export interface PullRequest {
  pullRequestId?: string;
  title?: string;
  description?: string;
  lastActivityDate?: number;
  creationDate?: number;
  pullRequestStatus?: PullRequestStatusEnum;
  authorArn?: string;
  pullRequestTargets?: PullRequestTarget[];
  clientRequestToken?: string;
  revisionId?: string;
  approvalRules?: ApprovalRule[];
}

export type PullRequestAlreadyClosedException = Empty;

export type PullRequestApprovalRulesNotSatisfiedException = Empty;

export type PullRequestCannotBeApprovedByAuthorException = Empty;

export interface PullRequestCreatedEventMetadata {
  repositoryName?: string;
  sourceCommitId?: string;
  destinationCommitId?: string;
  mergeBase?: string;
}

export type PullRequestDoesNotExistException = Empty;

export interface PullRequestEvent {
  pullRequestId?: string;
  eventDate?: number;
  pullRequestEventType?: PullRequestEventType;
  actorArn?: string;
  pullRequestCreatedEventMetadata?: PullRequestCreatedEventMetadata;
  pullRequestStatusChangedEventMetadata?: PullRequestStatusChangedEventMetadata;
  pullRequestSourceReferenceUpdatedEventMetadata?: PullRequestSourceReferenceUpdatedEventMetadata;
  pullRequestMergedStateChangedEventMetadata?: PullRequestMergedStateChangedEventMetadata;
  approvalRuleEventMetadata?: ApprovalRuleEventMetadata;
  approvalStateChangedEventMetadata?: ApprovalStateChangedEventMetadata;
  approvalRuleOverriddenEventMetadata?: ApprovalRuleOverriddenEventMetadata;
}

export type PullRequestEventType = 'PULL_REQUEST_CREATED' | 'PULL_REQUEST_STATUS_CHANGED' | 'PULL_REQUEST_SOURCE_REFERENCE_UPDATED' | 'PULL_REQUEST_MERGE_STATE_CHANGED' | 'PULL_REQUEST_APPROVAL_RULE_CREATED' | 'PULL_REQUEST_APPROVAL_RULE_UPDATED' | 'PULL_REQUEST_APPROVAL_RULE_DELETED' | 'PULL_REQUEST_APPROVAL_RULE_OVERRIDDEN' | 'PULL_REQUEST_APPROVAL_STATE_CHANGED';

export type PullRequestIdRequiredException = Empty;

export interface PullRequestMergedStateChangedEventMetadata {
  repositoryName?: string;
  destinationReference?: string;
  mergeMetadata?: MergeMetadata;
}

export interface PullRequestSourceReferenceUpdatedEventMetadata {
  repositoryName?: string;
  beforeCommitId?: string;
  afterCommitId?: string;
  mergeBase?: string;
}

export interface PullRequestStatusChangedEventMetadata {
  pullRequestStatus?: PullRequestStatusEnum;
}

export type PullRequestStatusEnum = 'OPEN' | 'CLOSED';

export type PullRequestStatusRequiredException = Empty;

export interface PullRequestTarget {
  repositoryName?: string;
  sourceReference?: string;
  destinationReference?: string;
  destinationCommit?: string;
  sourceCommit?: string;
  mergeBase?: string;
  mergeMetadata?: MergeMetadata;
}

export interface PutCommentReactionInput {
  commentId: string;
  reactionValue: string;
}

export interface PutFileEntry {
  filePath: string;
  fileMode?: FileModeTypeEnum;
  fileContent?: string;
  sourceFile?: SourceFileSpecifier;
}

export type PutFileEntryConflictException = Empty;

export interface PutFileInput {
  repositoryName: string;
  branchName: string;
  fileContent: string;
  filePath: string;
  fileMode?: FileModeTypeEnum;
  parentCommitId?: string;
  commitMessage?: string;
  name?: string;
  email?: string;
}

export interface PutFileOutput {
  commitId: string;
  blobId: string;
  treeId: string;
}

export interface PutRepositoryTriggersInput {
  repositoryName: string;
  triggers: RepositoryTrigger[];
}

export interface PutRepositoryTriggersOutput {
  configurationId?: string;
}

export interface ReactionForComment {
  reaction?: ReactionValueFormats;
  reactionUsers?: string[];
  reactionsFromDeletedUsersCount?: number;
}

export type ReactionLimitExceededException = Empty;

export interface ReactionValueFormats {
  emoji?: string;
  shortCode?: string;
  unicode?: string;
}

export type ReactionValueRequiredException = Empty;

export type ReferenceDoesNotExistException = Empty;

export type ReferenceNameRequiredException = Empty;

export type ReferenceTypeNotSupportedException = Empty;

export type RelativeFileVersionEnum = 'BEFORE' | 'AFTER';

export interface ReplaceContentEntry {
  filePath: string;
  replacementType: ReplacementTypeEnum;
  content?: string;
  fileMode?: FileModeTypeEnum;
}

export type ReplacementContentRequiredException = Empty;

export type ReplacementTypeEnum = 'KEEP_BASE' | 'KEEP_SOURCE' | 'KEEP_DESTINATION' | 'USE_NEW_CONTENT';

export type ReplacementTypeRequiredException = Empty;

export type RepositoryDoesNotExistException = Empty;

export type RepositoryLimitExceededException = Empty;

export interface RepositoryMetadata {
  accountId?: string;
  repositoryId?: string;
  repositoryName?: string;
  repositoryDescription?: string;
  defaultBranch?: string;
  lastModifiedDate?: number;
  creationDate?: number;
  cloneUrlHttp?: string;
  cloneUrlSsh?: string;
  Arn?: string;
  kmsKeyId?: string;
}

export type RepositoryNameExistsException = Empty;

export interface RepositoryNameIdPair {
  repositoryName?: string;
  repositoryId?: string;
}

export type RepositoryNameRequiredException = Empty;

export type RepositoryNamesRequiredException = Empty;

export type RepositoryNotAssociatedWithPullRequestException = Empty;

export interface RepositoryTrigger {
  name: string;
  destinationArn: string;
  customData?: string;
  branches?: string[];
  events: RepositoryTriggerEventEnum[];
}

export type RepositoryTriggerBranchNameListRequiredException = Empty;

export type RepositoryTriggerDestinationArnRequiredException = Empty;

export type RepositoryTriggerEventEnum = 'all' | 'updateReference' | 'createReference' | 'deleteReference';

export type RepositoryTriggerEventsListRequiredException = Empty;

export interface RepositoryTriggerExecutionFailure {
  trigger?: string;
  failureMessage?: string;
}

export type RepositoryTriggerNameRequiredException = Empty;

export type RepositoryTriggersListRequiredException = Empty;

export type ResourceArnRequiredException = Empty;

export type RestrictedSourceFileException = Empty;

export type RevisionIdRequiredException = Empty;

export type RevisionNotCurrentException = Empty;

export type SameFileContentException = Empty;

export type SamePathRequestException = Empty;

export interface SetFileModeEntry {
  filePath: string;
  fileMode: FileModeTypeEnum;
}

export type SortByEnum = 'repositoryName' | 'lastModifiedDate';

export type SourceAndDestinationAreSameException = Empty;

export type SourceFileOrContentRequiredException = Empty;

export interface SourceFileSpecifier {
  filePath: string;
  isMove?: boolean;
}

export interface SubModule {
  commitId?: string;
  absolutePath?: string;
  relativePath?: string;
}

export interface SymbolicLink {
  blobId?: string;
  absolutePath?: string;
  relativePath?: string;
  fileMode?: FileModeTypeEnum;
}

export type TagKeysListRequiredException = Empty;

export type TagPolicyException = Empty;

export interface TagResourceInput {
  resourceArn: string;
  tags: Record<string, string>;
}

export type TagsMapRequiredException = Empty;

export interface Target {
  repositoryName: string;
  sourceReference: string;
  destinationReference?: string;
}

export type TargetRequiredException = Empty;

export type TargetsRequiredException = Empty;

export interface TestRepositoryTriggersInput {
  repositoryName: string;
  triggers: RepositoryTrigger[];
}

export interface TestRepositoryTriggersOutput {
  successfulExecutions?: string[];
  failedExecutions?: RepositoryTriggerExecutionFailure[];
}

export type TipOfSourceReferenceIsDifferentException = Empty;

export type TipsDivergenceExceededException = Empty;

export type TitleRequiredException = Empty;

export type TooManyTagsException = Empty;

export interface UntagResourceInput {
  resourceArn: string;
  tagKeys: string[];
}

export interface UpdateApprovalRuleTemplateContentInput {
  approvalRuleTemplateName: string;
  newRuleContent: string;
  existingRuleContentSha256?: string;
}

export interface UpdateApprovalRuleTemplateContentOutput {
  approvalRuleTemplate: ApprovalRuleTemplate;
}

export interface UpdateApprovalRuleTemplateDescriptionInput {
  approvalRuleTemplateName: string;
  approvalRuleTemplateDescription: string;
}

export interface UpdateApprovalRuleTemplateDescriptionOutput {
  approvalRuleTemplate: ApprovalRuleTemplate;
}

export interface UpdateApprovalRuleTemplateNameInput {
  oldApprovalRuleTemplateName: string;
  newApprovalRuleTemplateName: string;
}

export interface UpdateApprovalRuleTemplateNameOutput {
  approvalRuleTemplate: ApprovalRuleTemplate;
}

export interface UpdateCommentInput {
  commentId: string;
  content: string;
}

export interface UpdateCommentOutput {
  comment?: Comment;
}

export interface UpdateDefaultBranchInput {
  repositoryName: string;
  defaultBranchName: string;
}

export interface UpdatePullRequestApprovalRuleContentInput {
  pullRequestId: string;
  approvalRuleName: string;
  existingRuleContentSha256?: string;
  newRuleContent: string;
}

export interface UpdatePullRequestApprovalRuleContentOutput {
  approvalRule: ApprovalRule;
}

export interface UpdatePullRequestApprovalStateInput {
  pullRequestId: string;
  revisionId: string;
  approvalState: ApprovalState;
}

export interface UpdatePullRequestDescriptionInput {
  pullRequestId: string;
  description: string;
}

export interface UpdatePullRequestDescriptionOutput {
  pullRequest: PullRequest;
}

export interface UpdatePullRequestStatusInput {
  pullRequestId: string;
  pullRequestStatus: PullRequestStatusEnum;
}

export interface UpdatePullRequestStatusOutput {
  pullRequest: PullRequest;
}

export interface UpdatePullRequestTitleInput {
  pullRequestId: string;
  title: string;
}

export interface UpdatePullRequestTitleOutput {
  pullRequest: PullRequest;
}

export interface UpdateRepositoryDescriptionInput {
  repositoryName: string;
  repositoryDescription?: string;
}

export interface UpdateRepositoryEncryptionKeyInput {
  repositoryName: string;
  kmsKeyId: string;
}

export interface UpdateRepositoryEncryptionKeyOutput {
  repositoryId?: string;
  kmsKeyId?: string;
  originalKmsKeyId?: string;
}

export interface UpdateRepositoryNameInput {
  oldName: string;
  newName: string;
}

export interface UserInfo {
  name?: string;
  email?: string;
  date?: string;
}

export interface CodecommitOperations {
  AssociateApprovalRuleTemplateWithRepository: { input: AssociateApprovalRuleTemplateWithRepositoryInput; output: Empty };
  BatchAssociateApprovalRuleTemplateWithRepositories: { input: BatchAssociateApprovalRuleTemplateWithRepositoriesInput; output: BatchAssociateApprovalRuleTemplateWithRepositoriesOutput };
  BatchDescribeMergeConflicts: { input: BatchDescribeMergeConflictsInput; output: BatchDescribeMergeConflictsOutput };
  BatchDisassociateApprovalRuleTemplateFromRepositories: { input: BatchDisassociateApprovalRuleTemplateFromRepositoriesInput; output: BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput };
  BatchGetCommits: { input: BatchGetCommitsInput; output: BatchGetCommitsOutput };
  BatchGetRepositories: { input: BatchGetRepositoriesInput; output: BatchGetRepositoriesOutput };
  CreateApprovalRuleTemplate: { input: CreateApprovalRuleTemplateInput; output: CreateApprovalRuleTemplateOutput };
  CreateBranch: { input: CreateBranchInput; output: Empty };
  CreateCommit: { input: CreateCommitInput; output: CreateCommitOutput };
  CreatePullRequest: { input: CreatePullRequestInput; output: CreatePullRequestOutput };
  CreatePullRequestApprovalRule: { input: CreatePullRequestApprovalRuleInput; output: CreatePullRequestApprovalRuleOutput };
  CreateRepository: { input: CreateRepositoryInput; output: CreateRepositoryOutput };
  CreateUnreferencedMergeCommit: { input: CreateUnreferencedMergeCommitInput; output: CreateUnreferencedMergeCommitOutput };
  DeleteApprovalRuleTemplate: { input: DeleteApprovalRuleTemplateInput; output: DeleteApprovalRuleTemplateOutput };
  DeleteBranch: { input: DeleteBranchInput; output: DeleteBranchOutput };
  DeleteCommentContent: { input: DeleteCommentContentInput; output: DeleteCommentContentOutput };
  DeleteFile: { input: DeleteFileInput; output: DeleteFileOutput };
  DeletePullRequestApprovalRule: { input: DeletePullRequestApprovalRuleInput; output: DeletePullRequestApprovalRuleOutput };
  DeleteRepository: { input: DeleteRepositoryInput; output: DeleteRepositoryOutput };
  DescribeMergeConflicts: { input: DescribeMergeConflictsInput; output: DescribeMergeConflictsOutput };
  DescribePullRequestEvents: { input: DescribePullRequestEventsInput; output: DescribePullRequestEventsOutput };
  DisassociateApprovalRuleTemplateFromRepository: { input: DisassociateApprovalRuleTemplateFromRepositoryInput; output: Empty };
  EvaluatePullRequestApprovalRules: { input: EvaluatePullRequestApprovalRulesInput; output: EvaluatePullRequestApprovalRulesOutput };
  GetApprovalRuleTemplate: { input: GetApprovalRuleTemplateInput; output: GetApprovalRuleTemplateOutput };
  GetBlob: { input: GetBlobInput; output: GetBlobOutput };
  GetBranch: { input: GetBranchInput; output: GetBranchOutput };
  GetComment: { input: GetCommentInput; output: GetCommentOutput };
  GetCommentReactions: { input: GetCommentReactionsInput; output: GetCommentReactionsOutput };
  GetCommentsForComparedCommit: { input: GetCommentsForComparedCommitInput; output: GetCommentsForComparedCommitOutput };
  GetCommentsForPullRequest: { input: GetCommentsForPullRequestInput; output: GetCommentsForPullRequestOutput };
  GetCommit: { input: GetCommitInput; output: GetCommitOutput };
  GetDifferences: { input: GetDifferencesInput; output: GetDifferencesOutput };
  GetFile: { input: GetFileInput; output: GetFileOutput };
  GetFolder: { input: GetFolderInput; output: GetFolderOutput };
  GetMergeCommit: { input: GetMergeCommitInput; output: GetMergeCommitOutput };
  GetMergeConflicts: { input: GetMergeConflictsInput; output: GetMergeConflictsOutput };
  GetMergeOptions: { input: GetMergeOptionsInput; output: GetMergeOptionsOutput };
  GetPullRequest: { input: GetPullRequestInput; output: GetPullRequestOutput };
  GetPullRequestApprovalStates: { input: GetPullRequestApprovalStatesInput; output: GetPullRequestApprovalStatesOutput };
  GetPullRequestOverrideState: { input: GetPullRequestOverrideStateInput; output: GetPullRequestOverrideStateOutput };
  GetRepository: { input: GetRepositoryInput; output: GetRepositoryOutput };
  GetRepositoryTriggers: { input: GetRepositoryTriggersInput; output: GetRepositoryTriggersOutput };
  ListApprovalRuleTemplates: { input: ListApprovalRuleTemplatesInput; output: ListApprovalRuleTemplatesOutput };
  ListAssociatedApprovalRuleTemplatesForRepository: { input: ListAssociatedApprovalRuleTemplatesForRepositoryInput; output: ListAssociatedApprovalRuleTemplatesForRepositoryOutput };
  ListBranches: { input: ListBranchesInput; output: ListBranchesOutput };
  ListFileCommitHistory: { input: ListFileCommitHistoryRequest; output: ListFileCommitHistoryResponse };
  ListPullRequests: { input: ListPullRequestsInput; output: ListPullRequestsOutput };
  ListRepositories: { input: ListRepositoriesInput; output: ListRepositoriesOutput };
  ListRepositoriesForApprovalRuleTemplate: { input: ListRepositoriesForApprovalRuleTemplateInput; output: ListRepositoriesForApprovalRuleTemplateOutput };
  ListTagsForResource: { input: ListTagsForResourceInput; output: ListTagsForResourceOutput };
  MergeBranchesByFastForward: { input: MergeBranchesByFastForwardInput; output: MergeBranchesByFastForwardOutput };
  MergeBranchesBySquash: { input: MergeBranchesBySquashInput; output: MergeBranchesBySquashOutput };
  MergeBranchesByThreeWay: { input: MergeBranchesByThreeWayInput; output: MergeBranchesByThreeWayOutput };
  MergePullRequestByFastForward: { input: MergePullRequestByFastForwardInput; output: MergePullRequestByFastForwardOutput };
  MergePullRequestBySquash: { input: MergePullRequestBySquashInput; output: MergePullRequestBySquashOutput };
  MergePullRequestByThreeWay: { input: MergePullRequestByThreeWayInput; output: MergePullRequestByThreeWayOutput };
  OverridePullRequestApprovalRules: { input: OverridePullRequestApprovalRulesInput; output: Empty };
  PostCommentForComparedCommit: { input: PostCommentForComparedCommitInput; output: PostCommentForComparedCommitOutput };
  PostCommentForPullRequest: { input: PostCommentForPullRequestInput; output: PostCommentForPullRequestOutput };
  PostCommentReply: { input: PostCommentReplyInput; output: PostCommentReplyOutput };
  PutCommentReaction: { input: PutCommentReactionInput; output: Empty };
  PutFile: { input: PutFileInput; output: PutFileOutput };
  PutRepositoryTriggers: { input: PutRepositoryTriggersInput; output: PutRepositoryTriggersOutput };
  TagResource: { input: TagResourceInput; output: Empty };
  TestRepositoryTriggers: { input: TestRepositoryTriggersInput; output: TestRepositoryTriggersOutput };
  UntagResource: { input: UntagResourceInput; output: Empty };
  UpdateApprovalRuleTemplateContent: { input: UpdateApprovalRuleTemplateContentInput; output: UpdateApprovalRuleTemplateContentOutput };
  UpdateApprovalRuleTemplateDescription: { input: UpdateApprovalRuleTemplateDescriptionInput; output: UpdateApprovalRuleTemplateDescriptionOutput };
  UpdateApprovalRuleTemplateName: { input: UpdateApprovalRuleTemplateNameInput; output: UpdateApprovalRuleTemplateNameOutput };
  UpdateComment: { input: UpdateCommentInput; output: UpdateCommentOutput };
  UpdateDefaultBranch: { input: UpdateDefaultBranchInput; output: Empty };
  UpdatePullRequestApprovalRuleContent: { input: UpdatePullRequestApprovalRuleContentInput; output: UpdatePullRequestApprovalRuleContentOutput };
  UpdatePullRequestApprovalState: { input: UpdatePullRequestApprovalStateInput; output: Empty };
  UpdatePullRequestDescription: { input: UpdatePullRequestDescriptionInput; output: UpdatePullRequestDescriptionOutput };
  UpdatePullRequestStatus: { input: UpdatePullRequestStatusInput; output: UpdatePullRequestStatusOutput };
  UpdatePullRequestTitle: { input: UpdatePullRequestTitleInput; output: UpdatePullRequestTitleOutput };
  UpdateRepositoryDescription: { input: UpdateRepositoryDescriptionInput; output: Empty };
  UpdateRepositoryEncryptionKey: { input: UpdateRepositoryEncryptionKeyInput; output: UpdateRepositoryEncryptionKeyOutput };
  UpdateRepositoryName: { input: UpdateRepositoryNameInput; output: Empty };
}

export type CodecommitErrorCode =
  | 'ActorDoesNotExistException'
  | 'ApprovalRuleContentRequiredException'
  | 'ApprovalRuleDoesNotExistException'
  | 'ApprovalRuleNameAlreadyExistsException'
  | 'ApprovalRuleNameRequiredException'
  | 'ApprovalRuleTemplateContentRequiredException'
  | 'ApprovalRuleTemplateDoesNotExistException'
  | 'ApprovalRuleTemplateInUseException'
  | 'ApprovalRuleTemplateNameAlreadyExistsException'
  | 'ApprovalRuleTemplateNameRequiredException'
  | 'ApprovalStateRequiredException'
  | 'AuthorDoesNotExistException'
  | 'BeforeCommitIdAndAfterCommitIdAreSameException'
  | 'BlobIdDoesNotExistException'
  | 'BlobIdRequiredException'
  | 'BranchDoesNotExistException'
  | 'BranchNameExistsException'
  | 'BranchNameIsTagNameException'
  | 'BranchNameRequiredException'
  | 'CannotDeleteApprovalRuleFromTemplateException'
  | 'CannotModifyApprovalRuleFromTemplateException'
  | 'ClientRequestTokenRequiredException'
  | 'CommentContentRequiredException'
  | 'CommentContentSizeLimitExceededException'
  | 'CommentDeletedException'
  | 'CommentDoesNotExistException'
  | 'CommentIdRequiredException'
  | 'CommentNotCreatedByCallerException'
  | 'CommitDoesNotExistException'
  | 'CommitIdDoesNotExistException'
  | 'CommitIdRequiredException'
  | 'CommitIdsLimitExceededException'
  | 'CommitIdsListRequiredException'
  | 'CommitMessageLengthExceededException'
  | 'CommitRequiredException'
  | 'ConcurrentReferenceUpdateException'
  | 'DefaultBranchCannotBeDeletedException'
  | 'DirectoryNameConflictsWithFileNameException'
  | 'EncryptionIntegrityChecksFailedException'
  | 'EncryptionKeyAccessDeniedException'
  | 'EncryptionKeyDisabledException'
  | 'EncryptionKeyInvalidIdException'
  | 'EncryptionKeyInvalidUsageException'
  | 'EncryptionKeyNotFoundException'
  | 'EncryptionKeyRequiredException'
  | 'EncryptionKeyUnavailableException'
  | 'FileContentAndSourceFileSpecifiedException'
  | 'FileContentRequiredException'
  | 'FileContentSizeLimitExceededException'
  | 'FileDoesNotExistException'
  | 'FileEntryRequiredException'
  | 'FileModeRequiredException'
  | 'FileNameConflictsWithDirectoryNameException'
  | 'FilePathConflictsWithSubmodulePathException'
  | 'FileTooLargeException'
  | 'FolderContentSizeLimitExceededException'
  | 'FolderDoesNotExistException'
  | 'IdempotencyParameterMismatchException'
  | 'InvalidActorArnException'
  | 'InvalidApprovalRuleContentException'
  | 'InvalidApprovalRuleNameException'
  | 'InvalidApprovalRuleTemplateContentException'
  | 'InvalidApprovalRuleTemplateDescriptionException'
  | 'InvalidApprovalRuleTemplateNameException'
  | 'InvalidApprovalStateException'
  | 'InvalidAuthorArnException'
  | 'InvalidBlobIdException'
  | 'InvalidBranchNameException'
  | 'InvalidClientRequestTokenException'
  | 'InvalidCommentIdException'
  | 'InvalidCommitException'
  | 'InvalidCommitIdException'
  | 'InvalidConflictDetailLevelException'
  | 'InvalidConflictResolutionException'
  | 'InvalidConflictResolutionStrategyException'
  | 'InvalidContinuationTokenException'
  | 'InvalidDeletionParameterException'
  | 'InvalidDescriptionException'
  | 'InvalidDestinationCommitSpecifierException'
  | 'InvalidEmailException'
  | 'InvalidFileLocationException'
  | 'InvalidFileModeException'
  | 'InvalidFilePositionException'
  | 'InvalidMaxConflictFilesException'
  | 'InvalidMaxMergeHunksException'
  | 'InvalidMaxResultsException'
  | 'InvalidMergeOptionException'
  | 'InvalidOrderException'
  | 'InvalidOverrideStatusException'
  | 'InvalidParentCommitIdException'
  | 'InvalidPathException'
  | 'InvalidPullRequestEventTypeException'
  | 'InvalidPullRequestIdException'
  | 'InvalidPullRequestStatusException'
  | 'InvalidPullRequestStatusUpdateException'
  | 'InvalidReactionUserArnException'
  | 'InvalidReactionValueException'
  | 'InvalidReferenceNameException'
  | 'InvalidRelativeFileVersionEnumException'
  | 'InvalidReplacementContentException'
  | 'InvalidReplacementTypeException'
  | 'InvalidRepositoryDescriptionException'
  | 'InvalidRepositoryNameException'
  | 'InvalidRepositoryTriggerBranchNameException'
  | 'InvalidRepositoryTriggerCustomDataException'
  | 'InvalidRepositoryTriggerDestinationArnException'
  | 'InvalidRepositoryTriggerEventsException'
  | 'InvalidRepositoryTriggerNameException'
  | 'InvalidRepositoryTriggerRegionException'
  | 'InvalidResourceArnException'
  | 'InvalidRevisionIdException'
  | 'InvalidRuleContentSha256Exception'
  | 'InvalidSortByException'
  | 'InvalidSourceCommitSpecifierException'
  | 'InvalidSystemTagUsageException'
  | 'InvalidTagKeysListException'
  | 'InvalidTagsMapException'
  | 'InvalidTargetBranchException'
  | 'InvalidTargetException'
  | 'InvalidTargetsException'
  | 'InvalidTitleException'
  | 'ManualMergeRequiredException'
  | 'MaximumBranchesExceededException'
  | 'MaximumConflictResolutionEntriesExceededException'
  | 'MaximumFileContentToLoadExceededException'
  | 'MaximumFileEntriesExceededException'
  | 'MaximumItemsToCompareExceededException'
  | 'MaximumNumberOfApprovalsExceededException'
  | 'MaximumOpenPullRequestsExceededException'
  | 'MaximumRepositoryNamesExceededException'
  | 'MaximumRepositoryTriggersExceededException'
  | 'MaximumRuleTemplatesAssociatedWithRepositoryException'
  | 'MergeOptionRequiredException'
  | 'MultipleConflictResolutionEntriesException'
  | 'MultipleRepositoriesInPullRequestException'
  | 'NameLengthExceededException'
  | 'NoChangeException'
  | 'NumberOfRuleTemplatesExceededException'
  | 'NumberOfRulesExceededException'
  | 'OperationNotAllowedException'
  | 'OverrideAlreadySetException'
  | 'OverrideStatusRequiredException'
  | 'ParentCommitDoesNotExistException'
  | 'ParentCommitIdOutdatedException'
  | 'ParentCommitIdRequiredException'
  | 'PathDoesNotExistException'
  | 'PathRequiredException'
  | 'PullRequestAlreadyClosedException'
  | 'PullRequestApprovalRulesNotSatisfiedException'
  | 'PullRequestCannotBeApprovedByAuthorException'
  | 'PullRequestDoesNotExistException'
  | 'PullRequestIdRequiredException'
  | 'PullRequestStatusRequiredException'
  | 'PutFileEntryConflictException'
  | 'ReactionLimitExceededException'
  | 'ReactionValueRequiredException'
  | 'ReferenceDoesNotExistException'
  | 'ReferenceNameRequiredException'
  | 'ReferenceTypeNotSupportedException'
  | 'ReplacementContentRequiredException'
  | 'ReplacementTypeRequiredException'
  | 'RepositoryDoesNotExistException'
  | 'RepositoryLimitExceededException'
  | 'RepositoryNameExistsException'
  | 'RepositoryNameRequiredException'
  | 'RepositoryNamesRequiredException'
  | 'RepositoryNotAssociatedWithPullRequestException'
  | 'RepositoryTriggerBranchNameListRequiredException'
  | 'RepositoryTriggerDestinationArnRequiredException'
  | 'RepositoryTriggerEventsListRequiredException'
  | 'RepositoryTriggerNameRequiredException'
  | 'RepositoryTriggersListRequiredException'
  | 'ResourceArnRequiredException'
  | 'RestrictedSourceFileException'
  | 'RevisionIdRequiredException'
  | 'RevisionNotCurrentException'
  | 'SameFileContentException'
  | 'SamePathRequestException'
  | 'SourceAndDestinationAreSameException'
  | 'SourceFileOrContentRequiredException'
  | 'TagKeysListRequiredException'
  | 'TagPolicyException'
  | 'TagsMapRequiredException'
  | 'TargetRequiredException'
  | 'TargetsRequiredException'
  | 'TipOfSourceReferenceIsDifferentException'
  | 'TipsDivergenceExceededException'
  | 'TitleRequiredException'
  | 'TooManyTagsException';

export const codecommitErrorCodes = [
  'ActorDoesNotExistException',
  'ApprovalRuleContentRequiredException',
  'ApprovalRuleDoesNotExistException',
  'ApprovalRuleNameAlreadyExistsException',
  'ApprovalRuleNameRequiredException',
  'ApprovalRuleTemplateContentRequiredException',
  'ApprovalRuleTemplateDoesNotExistException',
  'ApprovalRuleTemplateInUseException',
  'ApprovalRuleTemplateNameAlreadyExistsException',
  'ApprovalRuleTemplateNameRequiredException',
  'ApprovalStateRequiredException',
  'AuthorDoesNotExistException',
  'BeforeCommitIdAndAfterCommitIdAreSameException',
  'BlobIdDoesNotExistException',
  'BlobIdRequiredException',
  'BranchDoesNotExistException',
  'BranchNameExistsException',
  'BranchNameIsTagNameException',
  'BranchNameRequiredException',
  'CannotDeleteApprovalRuleFromTemplateException',
  'CannotModifyApprovalRuleFromTemplateException',
  'ClientRequestTokenRequiredException',
  'CommentContentRequiredException',
  'CommentContentSizeLimitExceededException',
  'CommentDeletedException',
  'CommentDoesNotExistException',
  'CommentIdRequiredException',
  'CommentNotCreatedByCallerException',
  'CommitDoesNotExistException',
  'CommitIdDoesNotExistException',
  'CommitIdRequiredException',
  'CommitIdsLimitExceededException',
  'CommitIdsListRequiredException',
  'CommitMessageLengthExceededException',
  'CommitRequiredException',
  'ConcurrentReferenceUpdateException',
  'DefaultBranchCannotBeDeletedException',
  'DirectoryNameConflictsWithFileNameException',
  'EncryptionIntegrityChecksFailedException',
  'EncryptionKeyAccessDeniedException',
  'EncryptionKeyDisabledException',
  'EncryptionKeyInvalidIdException',
  'EncryptionKeyInvalidUsageException',
  'EncryptionKeyNotFoundException',
  'EncryptionKeyRequiredException',
  'EncryptionKeyUnavailableException',
  'FileContentAndSourceFileSpecifiedException',
  'FileContentRequiredException',
  'FileContentSizeLimitExceededException',
  'FileDoesNotExistException',
  'FileEntryRequiredException',
  'FileModeRequiredException',
  'FileNameConflictsWithDirectoryNameException',
  'FilePathConflictsWithSubmodulePathException',
  'FileTooLargeException',
  'FolderContentSizeLimitExceededException',
  'FolderDoesNotExistException',
  'IdempotencyParameterMismatchException',
  'InvalidActorArnException',
  'InvalidApprovalRuleContentException',
  'InvalidApprovalRuleNameException',
  'InvalidApprovalRuleTemplateContentException',
  'InvalidApprovalRuleTemplateDescriptionException',
  'InvalidApprovalRuleTemplateNameException',
  'InvalidApprovalStateException',
  'InvalidAuthorArnException',
  'InvalidBlobIdException',
  'InvalidBranchNameException',
  'InvalidClientRequestTokenException',
  'InvalidCommentIdException',
  'InvalidCommitException',
  'InvalidCommitIdException',
  'InvalidConflictDetailLevelException',
  'InvalidConflictResolutionException',
  'InvalidConflictResolutionStrategyException',
  'InvalidContinuationTokenException',
  'InvalidDeletionParameterException',
  'InvalidDescriptionException',
  'InvalidDestinationCommitSpecifierException',
  'InvalidEmailException',
  'InvalidFileLocationException',
  'InvalidFileModeException',
  'InvalidFilePositionException',
  'InvalidMaxConflictFilesException',
  'InvalidMaxMergeHunksException',
  'InvalidMaxResultsException',
  'InvalidMergeOptionException',
  'InvalidOrderException',
  'InvalidOverrideStatusException',
  'InvalidParentCommitIdException',
  'InvalidPathException',
  'InvalidPullRequestEventTypeException',
  'InvalidPullRequestIdException',
  'InvalidPullRequestStatusException',
  'InvalidPullRequestStatusUpdateException',
  'InvalidReactionUserArnException',
  'InvalidReactionValueException',
  'InvalidReferenceNameException',
  'InvalidRelativeFileVersionEnumException',
  'InvalidReplacementContentException',
  'InvalidReplacementTypeException',
  'InvalidRepositoryDescriptionException',
  'InvalidRepositoryNameException',
  'InvalidRepositoryTriggerBranchNameException',
  'InvalidRepositoryTriggerCustomDataException',
  'InvalidRepositoryTriggerDestinationArnException',
  'InvalidRepositoryTriggerEventsException',
  'InvalidRepositoryTriggerNameException',
  'InvalidRepositoryTriggerRegionException',
  'InvalidResourceArnException',
  'InvalidRevisionIdException',
  'InvalidRuleContentSha256Exception',
  'InvalidSortByException',
  'InvalidSourceCommitSpecifierException',
  'InvalidSystemTagUsageException',
  'InvalidTagKeysListException',
  'InvalidTagsMapException',
  'InvalidTargetBranchException',
  'InvalidTargetException',
  'InvalidTargetsException',
  'InvalidTitleException',
  'ManualMergeRequiredException',
  'MaximumBranchesExceededException',
  'MaximumConflictResolutionEntriesExceededException',
  'MaximumFileContentToLoadExceededException',
  'MaximumFileEntriesExceededException',
  'MaximumItemsToCompareExceededException',
  'MaximumNumberOfApprovalsExceededException',
  'MaximumOpenPullRequestsExceededException',
  'MaximumRepositoryNamesExceededException',
  'MaximumRepositoryTriggersExceededException',
  'MaximumRuleTemplatesAssociatedWithRepositoryException',
  'MergeOptionRequiredException',
  'MultipleConflictResolutionEntriesException',
  'MultipleRepositoriesInPullRequestException',
  'NameLengthExceededException',
  'NoChangeException',
  'NumberOfRuleTemplatesExceededException',
  'NumberOfRulesExceededException',
  'OperationNotAllowedException',
  'OverrideAlreadySetException',
  'OverrideStatusRequiredException',
  'ParentCommitDoesNotExistException',
  'ParentCommitIdOutdatedException',
  'ParentCommitIdRequiredException',
  'PathDoesNotExistException',
  'PathRequiredException',
  'PullRequestAlreadyClosedException',
  'PullRequestApprovalRulesNotSatisfiedException',
  'PullRequestCannotBeApprovedByAuthorException',
  'PullRequestDoesNotExistException',
  'PullRequestIdRequiredException',
  'PullRequestStatusRequiredException',
  'PutFileEntryConflictException',
  'ReactionLimitExceededException',
  'ReactionValueRequiredException',
  'ReferenceDoesNotExistException',
  'ReferenceNameRequiredException',
  'ReferenceTypeNotSupportedException',
  'ReplacementContentRequiredException',
  'ReplacementTypeRequiredException',
  'RepositoryDoesNotExistException',
  'RepositoryLimitExceededException',
  'RepositoryNameExistsException',
  'RepositoryNameRequiredException',
  'RepositoryNamesRequiredException',
  'RepositoryNotAssociatedWithPullRequestException',
  'RepositoryTriggerBranchNameListRequiredException',
  'RepositoryTriggerDestinationArnRequiredException',
  'RepositoryTriggerEventsListRequiredException',
  'RepositoryTriggerNameRequiredException',
  'RepositoryTriggersListRequiredException',
  'ResourceArnRequiredException',
  'RestrictedSourceFileException',
  'RevisionIdRequiredException',
  'RevisionNotCurrentException',
  'SameFileContentException',
  'SamePathRequestException',
  'SourceAndDestinationAreSameException',
  'SourceFileOrContentRequiredException',
  'TagKeysListRequiredException',
  'TagPolicyException',
  'TagsMapRequiredException',
  'TargetRequiredException',
  'TargetsRequiredException',
  'TipOfSourceReferenceIsDifferentException',
  'TipsDivergenceExceededException',
  'TitleRequiredException',
  'TooManyTagsException',
] as const;

export const codecommitOperationNames = [
  'AssociateApprovalRuleTemplateWithRepository',
  'BatchAssociateApprovalRuleTemplateWithRepositories',
  'BatchDescribeMergeConflicts',
  'BatchDisassociateApprovalRuleTemplateFromRepositories',
  'BatchGetCommits',
  'BatchGetRepositories',
  'CreateApprovalRuleTemplate',
  'CreateBranch',
  'CreateCommit',
  'CreatePullRequest',
  'CreatePullRequestApprovalRule',
  'CreateRepository',
  'CreateUnreferencedMergeCommit',
  'DeleteApprovalRuleTemplate',
  'DeleteBranch',
  'DeleteCommentContent',
  'DeleteFile',
  'DeletePullRequestApprovalRule',
  'DeleteRepository',
  'DescribeMergeConflicts',
  'DescribePullRequestEvents',
  'DisassociateApprovalRuleTemplateFromRepository',
  'EvaluatePullRequestApprovalRules',
  'GetApprovalRuleTemplate',
  'GetBlob',
  'GetBranch',
  'GetComment',
  'GetCommentReactions',
  'GetCommentsForComparedCommit',
  'GetCommentsForPullRequest',
  'GetCommit',
  'GetDifferences',
  'GetFile',
  'GetFolder',
  'GetMergeCommit',
  'GetMergeConflicts',
  'GetMergeOptions',
  'GetPullRequest',
  'GetPullRequestApprovalStates',
  'GetPullRequestOverrideState',
  'GetRepository',
  'GetRepositoryTriggers',
  'ListApprovalRuleTemplates',
  'ListAssociatedApprovalRuleTemplatesForRepository',
  'ListBranches',
  'ListFileCommitHistory',
  'ListPullRequests',
  'ListRepositories',
  'ListRepositoriesForApprovalRuleTemplate',
  'ListTagsForResource',
  'MergeBranchesByFastForward',
  'MergeBranchesBySquash',
  'MergeBranchesByThreeWay',
  'MergePullRequestByFastForward',
  'MergePullRequestBySquash',
  'MergePullRequestByThreeWay',
  'OverridePullRequestApprovalRules',
  'PostCommentForComparedCommit',
  'PostCommentForPullRequest',
  'PostCommentReply',
  'PutCommentReaction',
  'PutFile',
  'PutRepositoryTriggers',
  'TagResource',
  'TestRepositoryTriggers',
  'UntagResource',
  'UpdateApprovalRuleTemplateContent',
  'UpdateApprovalRuleTemplateDescription',
  'UpdateApprovalRuleTemplateName',
  'UpdateComment',
  'UpdateDefaultBranch',
  'UpdatePullRequestApprovalRuleContent',
  'UpdatePullRequestApprovalState',
  'UpdatePullRequestDescription',
  'UpdatePullRequestStatus',
  'UpdatePullRequestTitle',
  'UpdateRepositoryDescription',
  'UpdateRepositoryEncryptionKey',
  'UpdateRepositoryName',
] as const;
