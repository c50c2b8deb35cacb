/**
 * @module services/codepipeline/errors
 * The CodePipeline errors Slipway answers, worded as CodePipeline words them, naming the field or
 * the resource at fault. Codes are the model's exception names, checked by type.
 */
import { AwsError } from '../../core/errors.ts';
import { describeActionType } from './actions/index.ts';
import type { CodepipelineErrorCode } from './shapes.ts';

/** Why CodePipeline refuses a role, at CreatePipeline or when an action or rule would act with it. */
export const notAssumable = (roleArn: string) => `CodePipeline is not authorized to perform AssumeRole on role ${roleArn}`;

const e = (code: CodepipelineErrorCode, message: string) => new AwsError(code, message);

export const codepipelineError = {
  validation: (message: string) => e('ValidationException', message),
  invalidStructure: (message: string) => e('InvalidStructureException', message),
  invalidStage: (message: string) => e('InvalidStageDeclarationException', message),
  invalidAction: (message: string) => e('InvalidActionDeclarationException', message),
  nameInUse: (name: string, account: string) =>
    e('PipelineNameInUseException', `A pipeline with the name '${name}' already exists in account '${account}'`),
  pipelineNotFound: (name: string, account: string) =>
    e('PipelineNotFoundException', `Account '${account}' does not have a pipeline with name '${name}'`),
  versionNotFound: (name: string, version: number) => e('PipelineVersionNotFoundException', `Pipeline '${name}' has no version ${version}`),
  executionNotFound: (id: string, pipeline: string) =>
    e('PipelineExecutionNotFoundException', `Pipeline execution with id '${id}' does not exist in pipeline with name '${pipeline}'`),
  stageNotFound: (stage: string, pipeline: string) =>
    e('StageNotFoundException', `Stage '${stage}' does not exist in pipeline '${pipeline}'`),
  actionNotFound: (action: string, stage: string) => e('ActionNotFoundException', `Action '${action}' does not exist in stage '${stage}'`),
  notStoppable: (id: string, status: string) =>
    e('PipelineExecutionNotStoppableException', `Pipeline execution '${id}' is ${status} and cannot be stopped`),
  duplicatedStop: (id: string) =>
    e('DuplicatedStopRequestException', `Pipeline execution '${id}' is already stopping; stop and abandon it to end it now`),
  stageNotRetryable: (message: string) => e('StageNotRetryableException', message),
  notLatest: (id: string, stage: string) =>
    e('NotLatestPipelineExecutionException', `Pipeline execution '${id}' is not the latest execution in stage '${stage}'`),
  invalidApprovalToken: (action: string) =>
    e(
      'InvalidApprovalTokenException',
      `The approval token is not valid for action '${action}': read the current one from GetPipelineState`,
    ),
  approvalCompleted: (action: string) =>
    e('ApprovalAlreadyCompletedException', `The approval action '${action}' has already completed or is not waiting for approval`),
  actionTypeNotFound: (t: Parameters<typeof describeActionType>[0]) =>
    e('ActionTypeNotFoundException', `${describeActionType(t)} is not available`),
  unableToRollback: (message: string) => e('UnableToRollbackStageException', message),
  outdated: (id: string) =>
    e(
      'PipelineExecutionOutdatedException',
      `The pipeline execution '${id}' is outdated and cannot be used as a target pipeline execution for rollback: the pipeline was updated after it ran`,
    ),
  conditionNotOverridable: (message: string) => e('ConditionNotOverridableException', message),
  conflict: (message: string) => e('ConflictException', message),
  jobNotFound: (id: string) => e('JobNotFoundException', `The job '${id}' was not found`),
  invalidNonce: (id: string) => e('InvalidNonceException', `The nonce is not the one PollForJobs returned with job '${id}'`),
  invalidJobState: (id: string, status: string) =>
    e('InvalidJobStateException', `The job '${id}' is ${status}: only a job a worker has taken (Dispatched or InProgress) takes a result`),
  outputVariablesTooLarge: (message: string) => e('OutputVariablesSizeExceededException', message),
  actionTypeExists: (t: Parameters<typeof describeActionType>[0]) =>
    e('ActionTypeAlreadyExistsException', `${describeActionType(t)} already exists`),
  invalidNextToken: () =>
    e('InvalidNextTokenException', 'The next token is not valid: it was not returned by an earlier call to this operation'),
  invalidArn: (arn: string) =>
    e('InvalidArnException', `The ARN '${arn}' is not a pipeline, webhook or custom action type of this account and region`),
  resourceNotFound: (arn: string) => e('ResourceNotFoundException', `The resource with ARN '${arn}' was not found`),
  invalidTags: (message: string) => e('InvalidTagsException', message),
  invalidFilterPattern: (message: string) => e('InvalidWebhookFilterPatternException', message),
  invalidWebhookAuthentication: (message: string) => e('InvalidWebhookAuthenticationParametersException', message),
  webhookNotFound: (name: string) => e('WebhookNotFoundException', `The webhook '${name}' was not found`),
  tooManyTags: (max: number) => e('TooManyTagsException', `A resource can have at most ${max} tags`),
};
