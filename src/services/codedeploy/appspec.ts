/**
 * @module services/codedeploy/appspec
 * The AppSpec of an ECS deployment, read from YAML or JSON (the deploy action sends it as JSON,
 * `"version": 0`): one `AWS::ECS::Service` resource with its task definition and the container and
 * port the load balancer reaches, and hooks naming the functions each lifecycle event waits on.
 * Keys are matched in any case, as CodeDeploy does. A bad AppSpec is an InvalidRevisionException
 * naming what is wrong.
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { codedeployError } from './errors.ts';

/** The lifecycle events an ECS AppSpec may hook. */
export const HOOK_EVENTS = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'] as const;

export interface AppSpec {
  taskDefinition: string;
  containerName: string;
  containerPort: number;
  platformVersion?: string;
  networkConfiguration?: unknown;
  /** Lifecycle event → function name. */
  hooks: Record<string, string>;
}

type Doc = Record<string, unknown>;

/** ECS's limits on an awsvpc configuration. */
const MAX_SUBNETS = 16;
const MAX_SECURITY_GROUPS = 5;

const invalid = (message: string) => codedeployError.invalidRevision(`The AppSpec file is not valid: ${message}`);

/** The member of `doc` named `key` in any case. */
function member(doc: Doc, key: string): unknown {
  const found = Object.keys(doc).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : doc[found];
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `content` against its sha256 (hex of the exact string), when one is given. */
export function checkSha256(content: string, sha256: string | undefined): void {
  if (sha256 === undefined) return;
  const actual = createHash('sha256').update(content).digest('hex');
  if (actual !== sha256.toLowerCase()) {
    throw codedeployError.invalidRevision(
      `The sha256 '${sha256}' of revision.appSpecContent does not match its content (sha256 ${actual})`,
    );
  }
}

export function parseAppSpec(content: string): AppSpec {
  let doc: unknown;
  try {
    doc = parse(content);
  } catch (err) {
    throw invalid(`it is neither YAML nor JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (!isDoc(doc)) throw invalid('it must be a map with version, Resources and Hooks');
  const version = member(doc, 'version');
  if (version === undefined || Number(version) !== 0) throw invalid("'version' must be 0.0");
  const resources = member(doc, 'Resources');
  if (!Array.isArray(resources) || resources.length !== 1) throw invalid("'Resources' must list exactly one AWS::ECS::Service resource");
  const [resource] = resources;
  if (!isDoc(resource) || Object.keys(resource).length !== 1)
    throw invalid("each item of 'Resources' must be a map with one resource name");
  const [name] = Object.keys(resource);
  const body = resource[name];
  if (!isDoc(body) || member(body, 'Type') !== 'AWS::ECS::Service') throw invalid(`resource '${name}' must have Type AWS::ECS::Service`);
  const props = member(body, 'Properties');
  if (!isDoc(props)) throw invalid(`resource '${name}' must have Properties`);
  const taskDefinition = member(props, 'TaskDefinition');
  if (typeof taskDefinition !== 'string' || !taskDefinition)
    throw invalid(`'${name}.Properties.TaskDefinition' must be a task definition ARN`);
  const lb = member(props, 'LoadBalancerInfo');
  if (!isDoc(lb)) throw invalid(`'${name}.Properties.LoadBalancerInfo' with ContainerName and ContainerPort is required`);
  const containerName = member(lb, 'ContainerName');
  const containerPort = Number(member(lb, 'ContainerPort'));
  if (typeof containerName !== 'string' || !containerName)
    throw invalid(`'${name}.Properties.LoadBalancerInfo.ContainerName' must be a container name`);
  if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) {
    throw invalid(`'${name}.Properties.LoadBalancerInfo.ContainerPort' must be a port number (1-65535)`);
  }
  const platformVersion = member(props, 'PlatformVersion');
  return {
    taskDefinition,
    containerName,
    containerPort,
    platformVersion: platformVersion === undefined ? undefined : String(platformVersion),
    networkConfiguration: networkConfiguration(member(props, 'NetworkConfiguration'), name),
    hooks: hooks(member(doc, 'Hooks')),
  };
}

/** AwsvpcConfiguration as ECS's networkConfiguration; Subnets, SecurityGroups and AssignPublicIp all or none. */
function networkConfiguration(value: unknown, resource: string): unknown {
  if (value === undefined || value === null) return undefined;
  const vpc = isDoc(value) ? member(value, 'AwsvpcConfiguration') : undefined;
  if (!isDoc(vpc)) throw invalid(`'${resource}.Properties.NetworkConfiguration' must hold AwsvpcConfiguration`);
  const subnets = member(vpc, 'Subnets');
  const securityGroups = member(vpc, 'SecurityGroups');
  const assignPublicIp = member(vpc, 'AssignPublicIp');
  if (subnets === undefined || securityGroups === undefined || assignPublicIp === undefined) {
    throw invalid(
      `'${resource}.Properties.NetworkConfiguration.AwsvpcConfiguration' needs Subnets, SecurityGroups and AssignPublicIp together`,
    );
  }
  const where = `'${resource}.Properties.NetworkConfiguration.AwsvpcConfiguration`;
  if (assignPublicIp !== 'ENABLED' && assignPublicIp !== 'DISABLED') throw invalid(`${where}.AssignPublicIp' must be ENABLED or DISABLED`);
  return {
    awsvpcConfiguration: {
      subnets: idList(subnets, `${where}.Subnets'`, 1, MAX_SUBNETS),
      securityGroups: idList(securityGroups, `${where}.SecurityGroups'`, 0, MAX_SECURITY_GROUPS),
      assignPublicIp,
    },
  };
}

/** A list of ids (subnets, security groups), as ECS's awsvpcConfiguration takes them. */
function idList(value: unknown, where: string, min: number, max: number): string[] {
  if (!Array.isArray(value) || value.length < min || value.length > max || !value.every((v) => typeof v === 'string' && v)) {
    throw invalid(`${where} must be a list of ${min} to ${max} ids`);
  }
  return value;
}

function hooks(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalid("'Hooks' must be a list of single-entry maps (event: function)");
  const out: Record<string, string> = {};
  for (const item of value) {
    if (!isDoc(item) || Object.keys(item).length !== 1) throw invalid("each item of 'Hooks' must be one event and its function");
    const [key] = Object.keys(item);
    const event = HOOK_EVENTS.find((h) => h.toLowerCase() === key.toLowerCase());
    if (!event) throw invalid(`'${key}' is not a hook of an ECS deployment (use ${HOOK_EVENTS.join(', ')})`);
    if (out[event]) throw invalid(`the hook '${event}' is named twice`);
    const fn = item[key];
    if (typeof fn !== 'string' || !fn) throw invalid(`the hook '${event}' must name a function`);
    out[event] = fn;
  }
  return out;
}
