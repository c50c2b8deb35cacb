/**
 * @module services/ecs/taskdefs
 * ECS task definition rules as pure functions: RegisterTaskDefinition validation and defaults
 * (the record DescribeTaskDefinition returns) and RunTask container overrides. Task sizes and
 * what a task reserves are task-size.ts's. No store, no clock, no Docker.
 * An absent networkMode is echoed as absent and behaves as `bridge`.
 */
import { checkEnvironmentSources } from './env-file.ts';
import { ecsError } from './errors.ts';
import type { StoredContainer, StoredTaskDefinition } from './model.ts';
import { checkTaskSize, isFargateSize, MAX_INTEGER, parseTaskSize, type TaskSize } from './task-size.ts';
import type {
  Attribute,
  Compatibility,
  ContainerDefinition,
  ContainerOverride,
  HealthCheck,
  KeyValuePair,
  NetworkMode,
  PortMapping,
  RegisterTaskDefinitionRequest,
  TaskDefinition,
  TaskOverride,
} from './shapes.ts';

export interface RegistrationContext {
  arn: string;
  revision: number;
  registeredAt: number;
  registeredBy?: string;
}

/** Keys DescribeTaskDefinition adds; ignored when a client sends them back (the deploy action strips them too). */
const OUTPUT_ONLY = new Set<string>([
  'compatibilities',
  'taskDefinitionArn',
  'requiresAttributes',
  'revision',
  'status',
  'registeredAt',
  'deregisteredAt',
  'registeredBy',
  'deleteRequestedAt',
  'tags',
]);

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** ECS's quota of containers per task definition. */
const MAX_CONTAINERS = 10;
/** stopTimeout (and Fargate's startTimeout), seconds: the most ECS waits. */
const CONTAINER_TIMEOUT = [2, 120] as const;
const CONDITIONS = new Set(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']);

function fail(message: string): never {
  throw ecsError.client(message);
}

/** A ClientException about one container, in ECS's "Invalid setting for container" form. */
function bad(container: string, message: string): never {
  return fail(`Invalid setting for container '${container}'. ${message}`);
}

/** Validates a RegisterTaskDefinition request like ECS and returns the stored/described record. */
export function normalizeTaskDefinition(input: RegisterTaskDefinitionRequest, ctx: RegistrationContext): StoredTaskDefinition {
  const family = input.family;
  if (typeof family !== 'string' || !NAME.test(family)) {
    fail(
      `Invalid 'family' value '${family ?? ''}': up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.`,
    );
  }
  const defs = input.containerDefinitions ?? [];
  if (defs.length === 0) fail(`'containerDefinitions' must contain at least one container definition.`);
  if (defs.length > MAX_CONTAINERS) fail(`'containerDefinitions' can have at most ${MAX_CONTAINERS} containers (got ${defs.length}).`);

  const mode: NetworkMode = input.networkMode ?? 'bridge';
  const size = parseTaskSize(input.cpu, input.memory);
  checkTaskSize(size);
  const requires = input.requiresCompatibilities ?? [];
  const fargate = requires.includes('FARGATE');
  if (fargate) checkFargate(input, mode, size);

  const containers = defs.map((c) => normalizeContainer(c, mode, size, fargate));
  checkContainerSet(containers, mode);

  const compatibilities: Compatibility[] = ['EC2'];
  if (mode === 'awsvpc' && size.cpu !== undefined && size.memory !== undefined && isFargateSize(size.cpu, size.memory)) {
    compatibilities.push('FARGATE');
  }
  for (const c of requires) if (!compatibilities.includes(c)) compatibilities.push(c);

  // What the request gave, in its order, less what only ECS writes; built by adding rather than
  // by deleting from a copy, which would leave a slow dictionary-mode object behind.
  const dropped = (k: string) =>
    OUTPUT_ONLY.has(k) || (k === 'cpu' && size.cpu === undefined) || (k === 'memory' && size.memory === undefined);
  const td: Record<string, unknown> = {};
  for (const k of Object.keys(input)) {
    const v = input[k as keyof RegisterTaskDefinitionRequest];
    if (v !== undefined && !dropped(k)) td[k] = v;
  }
  td.taskDefinitionArn = ctx.arn;
  td.family = family;
  td.revision = ctx.revision;
  td.containerDefinitions = containers;
  td.volumes = input.volumes ?? [];
  td.placementConstraints = input.placementConstraints ?? [];
  td.status = 'ACTIVE';
  td.compatibilities = compatibilities;
  td.registeredAt = ctx.registeredAt;
  if (size.cpu !== undefined) td.cpu = String(size.cpu);
  if (size.memory !== undefined) td.memory = String(size.memory);
  if (ctx.registeredBy !== undefined) td.registeredBy = ctx.registeredBy;
  const stored = td as StoredTaskDefinition;
  stored.requiresAttributes = requiredAttributes(stored);
  return stored;
}

function checkFargate(input: RegisterTaskDefinitionRequest, mode: NetworkMode, size: TaskSize): void {
  if (mode !== 'awsvpc') fail(`Fargate only supports network mode 'awsvpc'.`);
  if (size.cpu === undefined) fail(`Fargate requires that 'cpu' be defined at the task level.`);
  if (size.memory === undefined) fail(`Fargate requires that 'memory' be defined at the task level.`);
  if (!isFargateSize(size.cpu, size.memory)) {
    fail(
      `No Fargate configuration exists for given values: ${size.cpu} CPU, ${size.memory} memory. See the Amazon ECS documentation for the valid values.`,
    );
  }
  const awslogs = input.containerDefinitions.some((c) => c.logConfiguration?.logDriver === 'awslogs');
  if (awslogs && !input.executionRoleArn)
    fail('Fargate requires task definition to have execution role ARN to support log driver awslogs.');
}

/** A container's numbers and ECS's ranges for them (the Integer type's, where ECS states none), on EC2 and on Fargate. */
type NumberRange = [keyof ContainerDefinition, number, number, string];
const CONTAINER_NUMBERS = (fargate: boolean): NumberRange[] => [
  ['cpu', 0, MAX_INTEGER, 'CPU units'],
  ['memory', 6, MAX_INTEGER, 'MiB'],
  ['memoryReservation', 1, MAX_INTEGER, 'MiB'],
  ['stopTimeout', ...CONTAINER_TIMEOUT, 'seconds'],
  ['startTimeout', CONTAINER_TIMEOUT[0], fargate ? CONTAINER_TIMEOUT[1] : MAX_INTEGER, 'seconds'],
];
const CONTAINER_RANGES = { ec2: CONTAINER_NUMBERS(false), fargate: CONTAINER_NUMBERS(true) };

function checkContainerNumbers(n: string, input: ContainerDefinition, fargate: boolean): void {
  for (const [field, min, max, unit] of fargate ? CONTAINER_RANGES.fargate : CONTAINER_RANGES.ec2) {
    const v = input[field] as number | undefined;
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max))
      bad(n, `The '${field}' setting must be at least ${min} ${unit} and at most ${max} ${unit} (got ${v}).`);
  }
}

function normalizeContainer(input: ContainerDefinition, mode: NetworkMode, size: TaskSize, fargate: boolean): StoredContainer {
  const n = input.name;
  if (typeof n !== 'string' || n === '') fail('Container.name should not be null or empty.');
  const image = input.image;
  if (!NAME.test(n))
    bad(n, `Container name '${n}' is invalid: up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.`);
  if (typeof image !== 'string' || image.trim() === '') bad(n, 'Container.image should not be null or empty.');

  const { memory, memoryReservation } = input;
  if (size.memory === undefined && memory === undefined && memoryReservation === undefined) {
    bad(n, `At least one of 'memory' or 'memoryReservation' must be specified.`);
  }
  checkContainerNumbers(n, input, fargate);
  if (memory !== undefined && memoryReservation !== undefined && memoryReservation > memory) {
    bad(n, `The 'memoryReservation' setting (${memoryReservation} MiB) must not be greater than the 'memory' setting (${memory} MiB).`);
  }
  if (input.links?.length && mode !== 'bridge') bad(n, `Links are not supported when networkMode=${mode}.`);
  checkEnvironmentSources(input);

  // The defaulted members are made before the request's are copied in: added to a copy of it,
  // each one the request lacks took V8's slow path.
  const out: StoredContainer = {
    name: n,
    image,
    cpu: undefined,
    essential: undefined,
    portMappings: undefined,
    environment: undefined,
    mountPoints: undefined,
    volumesFrom: undefined,
    ...input,
  };
  out.name = n;
  out.image = image;
  out.cpu = input.cpu ?? 0;
  out.essential = input.essential ?? true;
  out.portMappings = (input.portMappings ?? []).map((p) => normalizePort(n, p, mode));
  out.environment = input.environment ?? [];
  out.mountPoints = input.mountPoints ?? [];
  out.volumesFrom = input.volumesFrom ?? [];
  if (input.healthCheck) out.healthCheck = normalizeHealthCheck(n, input.healthCheck);
  return out;
}

function normalizePort(container: string, p: PortMapping, mode: NetworkMode): PortMapping {
  if (mode === 'none') bad(container, 'Port mappings are not supported when networkMode=none.');
  const { containerPort, hostPort } = p;
  if (containerPort === undefined && !p.containerPortRange)
    bad(container, `portMappings entries need a 'containerPort' or a 'containerPortRange'.`);
  if (containerPort !== undefined && (containerPort < 1 || containerPort > 65535))
    bad(container, `portMappings.containerPort ${containerPort} must be between 1 and 65535.`);
  if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535))
    bad(container, `portMappings.hostPort ${hostPort} must be between 0 and 65535.`);
  const out: PortMapping = { protocol: undefined, ...p };
  out.protocol = p.protocol ?? 'tcp';
  if (mode === 'awsvpc' || mode === 'host') {
    if (hostPort !== undefined && containerPort !== undefined && hostPort !== containerPort) {
      bad(
        container,
        `When networkMode=${mode}, the host ports and container ports in port mappings must match (hostPort ${hostPort}, containerPort ${containerPort}).`,
      );
    }
    if (containerPort !== undefined) out.hostPort = containerPort;
  }
  return out;
}

const HEALTH_RANGES: [keyof HealthCheck, number, number][] = [
  ['interval', 5, 300],
  ['timeout', 2, 60],
  ['retries', 1, 10],
  ['startPeriod', 0, 300],
];

function normalizeHealthCheck(container: string, hc: HealthCheck): HealthCheck {
  const first = hc.command?.[0];
  if (first !== 'CMD' && first !== 'CMD-SHELL' && first !== 'NONE') {
    bad(container, `healthCheck.command must start with 'CMD', 'CMD-SHELL' or 'NONE'.`);
  }
  if (first !== 'NONE' && hc.command.length < 2) bad(container, `healthCheck.command needs a command after '${first}'.`);
  for (const [field, min, max] of HEALTH_RANGES) {
    const v = hc[field] as number | undefined;
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) {
      bad(container, `healthCheck.${field} must be between ${min} and ${max} (got ${v}).`);
    }
  }
  const out: HealthCheck = { interval: undefined, timeout: undefined, retries: undefined, ...hc };
  out.interval = hc.interval ?? 30;
  out.timeout = hc.timeout ?? 5;
  out.retries = hc.retries ?? 3;
  return out;
}

/** Rules across containers: duplicate names, an essential container, links and dependsOn targets. */
function checkContainerSet(containers: StoredContainer[], mode: NetworkMode): void {
  const byName = new Map<string, StoredContainer>();
  for (const c of containers) {
    if (byName.has(c.name)) bad(c.name, `Duplicate container name '${c.name}'; container names must be unique within a task definition.`);
    byName.set(c.name, c);
  }
  if (!containers.some((c) => c.essential)) fail('Task definition does not have any essential containers.');
  for (const c of containers) {
    const n = c.name;
    for (const link of mode === 'bridge' ? (c.links ?? []) : []) {
      const target = link.split(':')[0];
      if (!byName.has(target) || target === n) bad(n, `links entry '${link}' does not name another container in this task definition.`);
    }
    for (const dep of c.dependsOn ?? []) {
      const target = byName.get(dep.containerName);
      if (!target || dep.containerName === n) {
        return bad(n, `dependsOn containerName '${dep.containerName}' does not name another container in this task definition.`);
      }
      if (!CONDITIONS.has(dep.condition))
        bad(
          n,
          `dependsOn condition '${dep.condition}' for container '${dep.containerName}' must be one of START, COMPLETE, SUCCESS, HEALTHY.`,
        );
      if ((dep.condition === 'COMPLETE' || dep.condition === 'SUCCESS') && target.essential) {
        bad(n, `dependsOn condition '${dep.condition}' cannot target essential container '${dep.containerName}'.`);
      }
      if (dep.condition === 'HEALTHY' && !target.healthCheck) {
        bad(n, `dependsOn condition 'HEALTHY' requires container '${dep.containerName}' to have a healthCheck.`);
      }
    }
  }
  // Only dependsOn can form a cycle; most definitions have none.
  if (containers.some((c) => c.dependsOn?.length)) checkNoCycle(containers);
}

function checkNoCycle(containers: StoredContainer[]): void {
  const deps = new Map(containers.map((c) => [c.name, (c.dependsOn ?? []).map((d) => d.containerName)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string, path: string[]): void => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') bad(n, `dependsOn forms a cycle: ${[...path, n].join(' -> ')}.`);
    state.set(n, 'visiting');
    for (const d of deps.get(n) ?? []) visit(d, [...path, n]);
    state.set(n, 'done');
  };
  for (const c of containers) visit(c.name, []);
}

/** The agent capabilities a definition needs, as ECS lists them in `requiresAttributes`. */
function requiredAttributes(td: TaskDefinition): Attribute[] {
  const names = new Set(['com.amazonaws.ecs.capability.docker-remote-api.1.18']);
  const containers = td.containerDefinitions ?? [];
  if (td.networkMode === 'awsvpc') names.add('ecs.capability.task-eni');
  if (td.taskRoleArn) names.add('com.amazonaws.ecs.capability.task-iam-role');
  for (const c of containers) {
    const driver = c.logConfiguration?.logDriver;
    if (driver) names.add(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
    if (driver === 'awslogs' && td.executionRoleArn) names.add('ecs.capability.execution-role-awslogs');
    if (c.healthCheck) names.add('ecs.capability.container-health-check');
    if (c.dependsOn?.length) names.add('ecs.capability.container-ordering');
    if (/\.dkr\.ecr\./.test(c.image ?? '')) {
      names.add('com.amazonaws.ecs.capability.ecr-auth');
      if (td.executionRoleArn) names.add('ecs.capability.execution-role-ecr-pull');
    }
  }
  return [...names].sort().map((name) => ({ name }));
}

/** RunTask/StartTask: every containerOverrides[].name must name a container of `td`. */
export function validateContainerOverrides(td: StoredTaskDefinition, overrides?: TaskOverride): void {
  const names = new Set(td.containerDefinitions.map((c) => c.name));
  for (const o of overrides?.containerOverrides ?? []) {
    if (!o.name) throw ecsError.invalidParameter('Container override is missing the container name.');
    if (!names.has(o.name)) {
      throw ecsError.invalidParameter(`Override for container named ${o.name} is not a container in the TaskDefinition.`);
    }
  }
  // What the overrides make of each container is held to the same rules as a registered one.
  for (const c of applyOverrides(td, overrides)) checkEnvironmentSources(c);
}

/** The effective container definitions of a task after its container overrides. `td` is not modified. */
export function applyOverrides(td: StoredTaskDefinition, overrides?: TaskOverride): StoredContainer[] {
  const byName = new Map<string, ContainerOverride>();
  for (const o of overrides?.containerOverrides ?? []) if (o.name) byName.set(o.name, o);
  return td.containerDefinitions.map((c) => {
    const o = byName.get(c.name);
    if (!o) return { ...c };
    const out: StoredContainer = { ...c };
    if (o.command !== undefined) out.command = [...o.command];
    if (o.environment?.length) out.environment = mergeEnvironment(c.environment ?? [], o.environment);
    if (o.environmentFiles?.length) out.environmentFiles = [...o.environmentFiles];
    if (o.cpu !== undefined) out.cpu = o.cpu;
    if (o.memory !== undefined) out.memory = o.memory;
    if (o.memoryReservation !== undefined) out.memoryReservation = o.memoryReservation;
    return out;
  });
}

function mergeEnvironment(base: KeyValuePair[], extra: KeyValuePair[]): KeyValuePair[] {
  const merged = new Map<string | undefined, KeyValuePair>();
  for (const kv of base) merged.set(kv.name, { ...kv });
  for (const kv of extra) merged.set(kv.name, { ...kv });
  return [...merged.values()];
}
