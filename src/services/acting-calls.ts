/**
 * @module services/acting-calls
 * Which API operation each facade call stands for, with that operation's input, so a room acting
 * with a role (services/acting.ts) is authorized by the called room's own IAM map
 * (<room>/iam-actions.ts) exactly as a signed request would be. A call not listed here is
 * Slipway's own bookkeeping (a registry's host name, whether a bucket exists) and is not asked.
 */
import type { ActedService, FacadeCalls } from './acting.ts';
import type { CodebuildFacade } from './codebuild/index.ts';
import type { CodecommitFacade, RepositoryLocator } from './codecommit/index.ts';
import type { CodeDeployFacade } from './codedeploy/index.ts';
import type { ConnectionsFacade } from './connections/index.ts';
import type { EcrFacade } from './ecr/index.ts';
import type { EcsFacade } from './ecs/index.ts';
import type { ElbTrafficFacade } from './elb/traffic-types.ts';
import type { S3Facade } from './s3/index.ts';

export const SERVICES = {
  codebuild: { signingName: 'codebuild', sdkName: 'AWSCodeBuild' },
  codecommit: { signingName: 'codecommit', sdkName: 'AWSCodeCommit' },
  codedeploy: { signingName: 'codedeploy', sdkName: 'AmazonCodeDeploy' },
  connections: { signingName: 'codestar-connections', sdkName: 'AWSCodeStarconnections' },
  ecr: { signingName: 'ecr', sdkName: 'AmazonECR' },
  ecs: { signingName: 'ecs', sdkName: 'AmazonECS' },
  elb: { signingName: 'elasticloadbalancing', sdkName: 'AmazonElasticLoadBalancing' },
  s3: { signingName: 's3', sdkName: 'Amazon S3', rest: true },
} satisfies Record<string, ActedService>;

const call = (operation: string, input: Record<string, unknown>) => ({ operation, input });
/** A call whose method returns a promise. */
const later = (operation: string, input: Record<string, unknown>) => ({ operation, input, async: true as const });

export const codebuildCalls: FacadeCalls<CodebuildFacade> = {
  startPipelineBuild: (_scope, request) => call('StartBuild', { projectName: request.projectName }),
  getBuild: (_scope, id) => call('BatchGetBuilds', { ids: [id] }),
  stopBuild: (_scope, id) => call('StopBuild', { id }),
};

const nameOf = (repo: RepositoryLocator) => ('repositoryName' in repo ? repo.repositoryName : repo.fullRepositoryId);

/** What a CodeCommit source action asks, as AWS's policy for a pipeline's role lists it. */
export const codecommitCalls: FacadeCalls<CodecommitFacade> = {
  resolveCommit: (repo, branchName) => later('GetBranch', { repositoryName: nameOf(repo), branchName }),
  commit: (repo, commitId) => later('GetCommit', { repositoryName: nameOf(repo), commitId }),
  writeZip: (repo) => later('UploadArchive', { repositoryName: nameOf(repo) }),
};

/** A connection is used (codestar-connections:UseConnection) to read the repository it reaches. */
export const connectionsCalls: FacadeCalls<ConnectionsFacade> = {
  open: (ConnectionArn) => call('UseConnection', { ConnectionArn }),
};

export const codedeployCalls: FacadeCalls<CodeDeployFacade> = {
  createDeployment: (_scope, request) =>
    later('CreateDeployment', { applicationName: request.applicationName, deploymentGroupName: request.deploymentGroupName }),
  getDeployment: (_scope, deploymentId) => later('GetDeployment', { deploymentId }),
  stopDeployment: (_scope, deploymentId) => later('StopDeployment', { deploymentId }),
};

export const ecrCalls: FacadeCalls<EcrFacade> = {
  describeImage: (_scope, repositoryName, reference) =>
    call('DescribeImages', {
      repositoryName,
      imageIds: [reference.startsWith('sha256:') ? { imageDigest: reference } : { imageTag: reference }],
    }),
};

const taskSetOf = (cluster: string, service: string, taskSet: string) => ({ cluster, service, taskSet });

export const ecsCalls: FacadeCalls<EcsFacade> = {
  describeService: (_scope, cluster, service) => call('DescribeServices', { cluster, services: [service] }),
  getService: (_scope, cluster, service) => later('DescribeServices', { cluster, services: [service] }),
  listTaskSets: (_scope, cluster, service) => call('DescribeTaskSets', { cluster, service }),
  createTaskSet: (_scope, request) =>
    call('CreateTaskSet', { cluster: request.cluster, service: request.service, taskDefinition: request.taskDefinition }),
  updateTaskSetScale: (_scope, cluster, service, taskSet) => call('UpdateTaskSet', taskSetOf(cluster, service, taskSet)),
  setPrimaryTaskSet: (_scope, cluster, service, taskSet) =>
    call('UpdateServicePrimaryTaskSet', { cluster, service, primaryTaskSet: taskSet }),
  deleteTaskSet: (_scope, cluster, service, taskSet) => call('DeleteTaskSet', taskSetOf(cluster, service, taskSet)),
  describeTaskDefinition: (_scope, taskDefinition) => later('DescribeTaskDefinition', { taskDefinition }),
  registerTaskDefinition: (_scope, input) => later('RegisterTaskDefinition', { ...input }),
  updateServiceTaskDefinition: (_scope, cluster, service, taskDefinition) => later('UpdateService', { cluster, service, taskDefinition }),
};

export const elbCalls: FacadeCalls<ElbTrafficFacade> = {
  setForwardWeights: (arn) => call(arn.includes(':listener-rule/') ? 'ModifyRule' : 'ModifyListener', { ListenerArn: arn, RuleArn: arn }),
  targetHealth: (TargetGroupArn) => call('DescribeTargetHealth', { TargetGroupArn }),
};

export const s3Calls: FacadeCalls<S3Facade> = {
  headObject: (Bucket, Key) => call('HeadObject', { Bucket, Key }),
  getObject: (Bucket, Key) => call('GetObject', { Bucket, Key }),
  readText: (Bucket, Key) => later('GetObject', { Bucket, Key }),
  putObject: (Bucket, Key) => later('PutObject', { Bucket, Key }),
};
