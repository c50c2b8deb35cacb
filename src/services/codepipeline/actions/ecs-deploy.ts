/**
 * @module services/codepipeline/actions/ecs-deploy
 * Deploy/AWS/ECS/1: imagedefinitions.json ([{name, imageUri}], FileName, at most 100 KB) from the
 * input artifact → a new revision of the service's current task definition with those images →
 * UpdateService → waits for the rolling deployment to complete, fail (circuit breaker) or outlast
 * DeploymentTimeout (minutes, default 60, on the scaled clock). The deployment id is the external
 * execution id, so a restarted Slipway waits for the same deployment.
 */
import type { Clock } from '../../../core/clock.ts';
import type { EventBus } from '../../../core/events.ts';
import { AwsError } from '../../../core/errors.ts';
import type { EcsServicesFacade } from '../../ecs/index.ts';
import type { Deployment, Service } from '../../ecs/shapes.ts';
import type { S3Facade } from '../../s3/index.ts';
import { readArtifactFile } from './artifacts.ts';
import { failed, pollUntil } from './outcomes.ts';
import type { ActionExecutor, ActionJob, ActionOutcome, ActionStarted } from './types.ts';

const MAX_FILE_BYTES = 100 * 1024;
const POLL_MS = 15_000;
const DEFAULT_TIMEOUT_MINUTES = 60;

export interface ImageDefinition {
  name: string;
  imageUri: string;
}

/** The image definitions, or why the file cannot be used, in CodePipeline's words. */
export function parseImageDefinitions(text: string, fileName: string): ImageDefinition[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `The image definition file ${fileName} contains invalid JSON format`;
  }
  const shape = `The image definition file ${fileName} must be a JSON array of {"name": "<container name>", "imageUri": "<image>"} objects`;
  if (!Array.isArray(parsed) || parsed.length === 0) return shape;
  const definitions: ImageDefinition[] = [];
  for (const entry of parsed) {
    const { name, imageUri } = (entry ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !name || typeof imageUri !== 'string' || !imageUri) return shape;
    definitions.push({ name, imageUri });
  }
  return definitions;
}

function checkTimeout(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const minutes = Number(value);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 60
    ? undefined
    : 'DeploymentTimeout must be a whole number of minutes from 1 to 60';
}

export function ecsDeployAction(deps: { ecs: EcsServicesFacade; s3: S3Facade; clock: Clock; events?: EventBus }): ActionExecutor {
  /** Reads the file, registers the revision and updates the service; a string is why it could not. */
  async function start(job: ActionJob): Promise<{ service: Service; deployment: Deployment } | string> {
    const { ClusterName: cluster = 'default', ServiceName: serviceName } = job.configuration;
    const fileName = job.configuration.FileName || 'imagedefinitions.json';
    const input = job.inputArtifacts[0];
    if (!input) return 'The ECS deploy action needs an input artifact holding the image definition file';
    const file = await readArtifactFile(deps.s3, input, fileName, MAX_FILE_BYTES);
    if (file.kind === 'missing')
      return `Did not find the image definition file ${fileName} in the input artifacts ZIP file. Verify the file is stored in your pipeline's Amazon S3 artifact bucket.`;
    if (file.kind === 'too-large')
      return `The image definition file ${fileName} exceeds the maximum file size limit of 100 KB (it has ${file.size} bytes)`;
    const definitions = parseImageDefinitions(file.text, fileName);
    if (typeof definitions === 'string') return definitions;

    const service = await deps.ecs.getService(job.scope, cluster, serviceName);
    if (service?.status !== 'ACTIVE') return `The Amazon ECS service ${serviceName} does not exist in cluster ${cluster}`;
    if (service.deploymentController?.type && service.deploymentController.type !== 'ECS')
      return `The Amazon ECS service ${serviceName} uses the ${service.deploymentController.type} deployment controller; deploy it with a CodeDeployToECS action`;
    const current = await deps.ecs.describeTaskDefinition(job.scope, service.taskDefinition ?? '');
    const containers = current.containerDefinitions ?? [];
    for (const definition of definitions)
      if (!containers.some((c) => c.name === definition.name)) return `The AWS ECS container ${definition.name} does not exist`;
    const images = new Map(definitions.map((d) => [d.name, d.imageUri]));
    const revision = await deps.ecs.registerTaskDefinition(job.scope, {
      ...current,
      family: current.family ?? '',
      containerDefinitions: containers.map((c) => (images.has(c.name ?? '') ? { ...c, image: images.get(c.name ?? '') } : c)),
    });
    job.progress(`Registered ${revision.taskDefinitionArn}`);
    const updated = await deps.ecs.updateServiceTaskDefinition(job.scope, cluster, serviceName, revision.taskDefinitionArn ?? '');
    const deployment = updated.deployments?.find((d) => d.status === 'PRIMARY');
    if (!deployment?.id) return `UpdateService of ${serviceName} started no deployment`;
    return { service: updated, deployment };
  }

  /** What the deployment came to, once it did. */
  function settled(job: ActionJob, deploymentId: string, started: ActionStarted): () => Promise<ActionOutcome | undefined> {
    const { ClusterName: cluster = 'default', ServiceName: serviceName } = job.configuration;
    const minutes = Number(job.configuration.DeploymentTimeout || DEFAULT_TIMEOUT_MINUTES);
    const named = `ECS deployment ${deploymentId} of service ${serviceName} (cluster ${cluster})`;
    return async () => {
      const service = await deps.ecs.getService(job.scope, cluster, serviceName);
      if (service?.status !== 'ACTIVE') return failed('JobFailed', `${named}: the service no longer exists`, started);
      const deployment = service.deployments?.find((d) => d.id === deploymentId);
      if (!deployment) {
        // Gone from the list (rolled back, or replaced): the service's events say how it ended.
        const ended = service.events?.find((e) => e.message?.includes(`(deployment ${deploymentId}) deployment `))?.message;
        if (ended?.endsWith('deployment completed.')) return { status: 'Succeeded', summary: `${named} completed`, ...started };
        if (ended?.includes('deployment failed')) return failed('JobFailed', `${named} failed: ${ended}`, started);
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        return failed('JobFailed', `${named} was replaced by a newer deployment${primary?.id ? ` (${primary.id})` : ''}`, started);
      }
      if (deployment.rolloutState === 'COMPLETED') return { status: 'Succeeded', summary: `${named} completed`, ...started };
      if (deployment.rolloutState === 'FAILED')
        return failed('JobFailed', `${named} failed: ${deployment.rolloutStateReason ?? 'no reason given'}`, started);
      if (deployment.createdAt !== undefined && deps.clock.elapsed(deployment.createdAt, minutes * 60_000))
        return failed('JobFailed', `${named} did not complete within the deployment timeout of ${minutes} minutes`, started);
      return undefined;
    };
  }

  return {
    type: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    properties: [
      { name: 'ClusterName', required: true, key: true, secret: false },
      { name: 'ServiceName', required: true, key: true, secret: false },
      { name: 'FileName', required: false, key: false, secret: false },
      { name: 'DeploymentTimeout', required: false, key: false, secret: false, type: 'Number' },
    ],
    artifacts: { input: { min: 1, max: 1 }, output: { min: 0, max: 0 } },
    check: (configuration) => checkTimeout(configuration.DeploymentTimeout),

    async run(job, started, resumed) {
      const timeoutProblem = checkTimeout(job.configuration.DeploymentTimeout);
      if (timeoutProblem) return failed('ConfigurationError', timeoutProblem);
      let current = resumed;
      if (!current) {
        let begun: Awaited<ReturnType<typeof start>>;
        try {
          begun = await start(job);
        } catch (err) {
          if (err instanceof AwsError) return failed('JobFailed', `${err.code}: ${err.message}`);
          throw err;
        }
        if (typeof begun === 'string') return failed('JobFailed', begun);
        current = {
          externalExecutionId: begun.deployment.id ?? '',
          externalExecutionUrl: begun.service.serviceArn,
          summary: `Deployment ${begun.deployment.id}`,
        };
        started(current);
        job.progress(`Waiting for ${current.externalExecutionId} of ${begun.service.serviceName} to complete`);
      }
      const serviceArn = current.externalExecutionUrl;
      return pollUntil(
        deps.clock,
        job.signal,
        POLL_MS,
        `deployment ${current.externalExecutionId}`,
        settled(job, current.externalExecutionId, current),
        { events: deps.events, about: (e) => e.type.startsWith('ecs.') && e.resource === serviceArn },
      );
    },
  };
}
