/**
 * @module services/codepipeline/actions/codedeploy-ecs
 * Deploy/AWS/CodeDeployToECS/1, "Amazon ECS (Blue/Green)": the task definition template
 * (TaskDefinitionTemplatePath, default taskdef.json) has each <ImageNContainerName> placeholder
 * replaced by the ImageURI of imageDetail.json in ImageNArtifactName, and is registered; the AppSpec
 * template (AppSpecTemplatePath, default appspec.yaml) has <TASK_DEFINITION> replaced by the new
 * revision's ARN and becomes a CodeDeploy deployment's AppSpecContent. The action waits for the
 * deployment by id (so a restarted Slipway waits for the same one) and stops it when abandoned.
 */
import type { Clock } from '../../../core/clock.ts';
import type { EventBus } from '../../../core/events.ts';
import { AwsError } from '../../../core/errors.ts';
import { DEPLOYMENT_STATUS, type CodeDeployFacade } from '../../codedeploy/index.ts';
import type { EcsServicesFacade } from '../../ecs/index.ts';
import type { RegisterTaskDefinitionRequest } from '../../ecs/shapes.ts';
import type { S3Facade } from '../../s3/index.ts';
import { readArtifactFile } from './artifacts.ts';
import { ActionAborted, failed, pollUntil } from './outcomes.ts';
import type { ActionExecutor, ActionJob, ActionOutcome, ActionStarted, ConfigurationProperty } from './types.ts';

const MAX_FILE_BYTES = 1024 * 1024;
const POLL_MS = 15_000;
const IMAGES = [1, 2, 3, 4];

const property = (name: string, required = false): ConfigurationProperty => ({ name, required, key: false, secret: false });

/** A step that cannot go on, with the message errorDetails gives. */
class Refused extends Error {}

export function codedeployEcsAction(deps: {
  ecs: EcsServicesFacade;
  codedeploy: CodeDeployFacade;
  s3: S3Facade;
  clock: Clock;
  events?: EventBus;
}): ActionExecutor {
  /** A file of the input artifact the configuration names, as text. */
  async function fileOf(job: ActionJob, artifactKey: string, path: string, what: string): Promise<string> {
    const name = job.configuration[artifactKey];
    const artifact = job.inputArtifacts.find((a) => a.name === name);
    if (!artifact)
      throw new Refused(
        `${artifactKey} ${name ?? '(not set)'} is not one of the action's input artifacts (${job.inputArtifacts.map((a) => a.name).join(', ')})`,
      );
    const file = await readArtifactFile(deps.s3, artifact, path, MAX_FILE_BYTES);
    if (file.kind === 'missing') throw new Refused(`Did not find the ${what} file ${path} in the input artifact ${name}`);
    if (file.kind === 'too-large')
      throw new Refused(`The ${what} file ${path} in ${name} is ${file.size} bytes; at most ${MAX_FILE_BYTES} are read`);
    return file.text;
  }

  /** taskdef.json with every image placeholder replaced, registered; its ARN. */
  async function registerTaskDefinition(job: ActionJob): Promise<string> {
    const path = job.configuration.TaskDefinitionTemplatePath || 'taskdef.json';
    let text = await fileOf(job, 'TaskDefinitionTemplateArtifact', path, 'task definition');
    for (const n of IMAGES) {
      const artifact = job.configuration[`Image${n}ArtifactName`];
      if (!artifact) continue;
      const placeholder = `<${job.configuration[`Image${n}ContainerName`] || `IMAGE${n}_NAME`}>`;
      const detail = await fileOf(job, `Image${n}ArtifactName`, 'imageDetail.json', 'image detail');
      let uri: unknown;
      try {
        uri = (JSON.parse(detail) as { ImageURI?: unknown }).ImageURI;
      } catch {
        throw new Refused(`imageDetail.json in ${artifact} is not valid JSON`);
      }
      if (typeof uri !== 'string' || !uri) throw new Refused(`imageDetail.json in ${artifact} has no ImageURI`);
      if (!text.includes(placeholder)) throw new Refused(`The placeholder ${placeholder} (Image${n}ContainerName) is not in ${path}`);
      text = text.replaceAll(placeholder, uri);
    }
    let input: RegisterTaskDefinitionRequest;
    try {
      input = JSON.parse(text) as RegisterTaskDefinitionRequest;
    } catch (err) {
      throw new Refused(`The task definition file ${path} is not valid JSON: ${(err as Error).message}`);
    }
    const registered = await deps.ecs.registerTaskDefinition(job.scope, input);
    job.progress(`Registered ${registered.taskDefinitionArn}`);
    return registered.taskDefinitionArn ?? '';
  }

  async function start(job: ActionJob): Promise<string> {
    const taskDefinitionArn = await registerTaskDefinition(job);
    const path = job.configuration.AppSpecTemplatePath || 'appspec.yaml';
    const template = await fileOf(job, 'AppSpecTemplateArtifact', path, 'AppSpec');
    if (!template.includes('<TASK_DEFINITION>'))
      job.progress(`${path} has no <TASK_DEFINITION> placeholder; its TaskDefinition is used as written`);
    return deps.codedeploy.createDeployment(job.scope, {
      applicationName: job.configuration.ApplicationName,
      deploymentGroupName: job.configuration.DeploymentGroupName,
      appSpec: template.replaceAll('<TASK_DEFINITION>', taskDefinitionArn),
      description: `Deployed by pipeline ${job.pipeline.name}, execution ${job.executionId}`,
    });
  }

  async function settled(job: ActionJob, started: ActionStarted): Promise<ActionOutcome | undefined> {
    const id = started.externalExecutionId;
    const info = await deps.codedeploy.getDeployment(job.scope, id);
    if (info.status === 'Succeeded') return { status: 'Succeeded', summary: `Deployment ${id} succeeded`, ...started };
    if (info.status === 'Failed' || info.status === 'Stopped') {
      const why = info.errorInformation?.message ? `: ${info.errorInformation.message}` : '';
      return failed('JobFailed', `CodeDeploy deployment ${id} ${info.status === 'Failed' ? 'failed' : 'was stopped'}${why}`, started);
    }
    return undefined;
  }

  return {
    type: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
    properties: [
      property('ApplicationName', true),
      property('DeploymentGroupName', true),
      property('TaskDefinitionTemplateArtifact', true),
      property('TaskDefinitionTemplatePath'),
      property('AppSpecTemplateArtifact', true),
      property('AppSpecTemplatePath'),
      ...IMAGES.flatMap((n) => [property(`Image${n}ArtifactName`), property(`Image${n}ContainerName`)]),
    ],
    artifacts: { input: { min: 1, max: 5 }, output: { min: 0, max: 0 } },

    async run(job, started, resumed) {
      let current = resumed;
      if (!current) {
        let id: string;
        try {
          id = await start(job);
        } catch (err) {
          if (err instanceof Refused) return failed('JobFailed', err.message);
          if (err instanceof AwsError) return failed('JobFailed', `${err.code}: ${err.message}`);
          throw err;
        }
        current = { externalExecutionId: id, summary: `Deployment ${id}` };
        started(current);
        job.progress(`Waiting for CodeDeploy deployment ${id}`);
      }
      const waiting = current;
      try {
        return await pollUntil(deps.clock, job.signal, POLL_MS, `deployment ${waiting.externalExecutionId}`, () => settled(job, waiting), {
          events: deps.events,
          about: (e) => e.type === DEPLOYMENT_STATUS && e.resource === waiting.externalExecutionId,
        });
      } catch (err) {
        if (err instanceof ActionAborted)
          await deps.codedeploy.stopDeployment(job.scope, waiting.externalExecutionId).catch(() => undefined);
        throw err;
      }
    },
  };
}
