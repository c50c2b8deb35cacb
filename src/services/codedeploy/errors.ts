/**
 * @module services/codedeploy/errors
 * The CodeDeploy errors Slipway answers, worded as CodeDeploy words them, naming the field or the
 * resource at fault. Codes are the model's exception names, checked by type.
 */
import { AwsError } from '../../core/errors.ts';
import type { CodedeployErrorCode } from './shapes.ts';

const e = (code: CodedeployErrorCode, message: string) => new AwsError(code, message);

export const codedeployError = {
  invalidInput: (message: string) => e('InvalidInputException', message),
  invalidApplicationName: (name: string) =>
    e('InvalidApplicationNameException', `Application name '${name}' is not valid: use 1 to 100 letters, digits and +=,.@_-`),
  applicationExists: (name: string) => e('ApplicationAlreadyExistsException', `Application '${name}' already exists`),
  applicationNotFound: (name: string) => e('ApplicationDoesNotExistException', `No application found for name: ${name}`),
  invalidComputePlatform: (message: string) => e('InvalidComputePlatformException', message),
  invalidGroupName: (name: string) =>
    e('InvalidDeploymentGroupNameException', `Deployment group name '${name}' is not valid: use 1 to 100 letters, digits and +=,.@_-`),
  groupNameRequired: () => e('DeploymentGroupNameRequiredException', 'Deployment Group name is missing'),
  groupExists: (name: string) => e('DeploymentGroupAlreadyExistsException', `Deployment Group already exists with name ${name}`),
  groupNotFound: (name: string) => e('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`),
  invalidRole: (message: string) => e('InvalidRoleException', message),
  invalidConfigName: (name: string) =>
    e('InvalidDeploymentConfigNameException', `Deployment config name '${name}' is not valid: use 1 to 100 letters, digits and +=,.@_-`),
  configExists: (name: string) => e('DeploymentConfigAlreadyExistsException', `Deployment Configuration already exists with name ${name}`),
  configNotFound: (name: string) => e('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`),
  configInUse: (name: string) =>
    e('DeploymentConfigInUseException', `Deployment configuration ${name} is in use by a deployment group or an active deployment`),
  predefinedConfig: (name: string) => e('InvalidOperationException', `The default deployment configuration ${name} cannot be deleted`),
  invalidMinimumHealthyHosts: (message: string) => e('InvalidMinimumHealthyHostValueException', message),
  invalidTrafficRouting: (message: string) => e('InvalidTrafficRoutingConfigurationException', message),
  invalidDeploymentStyle: (message: string) => e('InvalidDeploymentStyleException', message),
  invalidBlueGreen: (message: string) => e('InvalidBlueGreenDeploymentConfigurationException', message),
  invalidEcsService: (message: string) => e('InvalidECSServiceException', message),
  ecsServiceMapped: (service: string, group: string) =>
    e('ECSServiceMappingLimitExceededException', `The ECS service ${service} is already associated with deployment group ${group}`),
  invalidLoadBalancerInfo: (message: string) => e('InvalidLoadBalancerInfoException', message),
  invalidTargetGroupPair: (message: string) => e('InvalidTargetGroupPairException', message),
  invalidAutoRollback: (message: string) => e('InvalidAutoRollbackConfigException', message),
  invalidAlarmConfig: (message: string) => e('InvalidAlarmConfigException', message),
  alarmsLimit: () => e('AlarmsLimitExceededException', 'The maximum number of alarms for a deployment group (10) was exceeded'),
  revisionRequired: () => e('RevisionRequiredException', 'Revision is missing'),
  invalidRevision: (message: string) => e('InvalidRevisionException', message),
  revisionDoesNotExist: (what: string) => e('RevisionDoesNotExistException', `The revision does not exist: ${what}`),
  descriptionTooLong: () => e('DescriptionTooLongException', 'The description is too long: at most 512 characters'),
  deploymentLimit: (group: string, active: string) =>
    e('DeploymentLimitExceededException', `The Deployment Group '${group}' already has an active Deployment '${active}'`),
  deploymentIdRequired: () => e('DeploymentIdRequiredException', 'At least one deployment ID must be specified'),
  invalidDeploymentId: (id: string) => e('InvalidDeploymentIdException', `Deployment id '${id}' is not valid: it looks like d-XXXXXXXXX`),
  deploymentNotFound: (id: string) => e('DeploymentDoesNotExistException', `Deployment ${id} does not exist`),
  deploymentCompleted: (id: string) => e('DeploymentAlreadyCompletedException', `Deployment ${id} has already completed`),
  notReady: (id: string) => e('DeploymentIsNotInReadyStateException', `Deployment ${id} is not in a ready state`),
  notWaitingTermination: (id: string) =>
    e('DeploymentIsNotInReadyStateException', `Deployment ${id} is not waiting to terminate its original task set`),
  notStarted: (id: string) => e('DeploymentNotStartedException', `Deployment ${id} has not started yet`),
  targetNotFound: (id: string) => e('DeploymentTargetDoesNotExistException', `Deployment target ${id} does not exist`),
  targetListSize: () => e('DeploymentTargetListSizeExceededException', 'At most 25 target ids may be asked for at once'),
  invalidTargetFilter: (name: string) =>
    e('InvalidTargetFilterNameException', `Target filter name '${name}' is not valid: use TargetStatus or ServerInstanceLabel`),
  invalidHookExecutionId: (id: string) =>
    e('InvalidLifecycleEventHookExecutionIdException', `Lifecycle event hook execution id '${id}' is not one of this deployment's`),
  invalidHookStatus: (status: string) =>
    e(
      'InvalidLifecycleEventHookExecutionStatusException',
      `Lifecycle event hook execution status '${status}' is not valid: use Succeeded or Failed`,
    ),
  hookCompleted: (id: string) =>
    e('LifecycleEventAlreadyCompletedException', `The lifecycle event of hook execution ${id} has already completed`),
  batchLimit: (max: number) => e('BatchLimitExceededException', `At most ${max} items may be asked for at once`),
  invalidNextToken: () =>
    e('InvalidNextTokenException', 'The next token is not valid: it was not returned by an earlier call to this operation'),
  invalidTimeRange: () => e('InvalidTimeRangeException', 'The time range is not valid: its start is after its end'),
  invalidArn: (arn: string) => e('InvalidArnException', `The ARN ${arn} is not valid`),
  arnNotSupported: (arn: string) =>
    e('ArnNotSupportedException', `The ARN ${arn} is not a CodeDeploy application, deployment group or deployment configuration`),
  invalidTags: (message: string) => e('InvalidTagsToAddException', message),
};
