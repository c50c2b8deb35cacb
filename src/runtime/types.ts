/**
 * @module runtime/types
 * The one interface every container engine driver implements. A container instance in ECS terms is
 * one engine behind this interface. Drivers stay dumb: they translate, they do not decide.
 */
import type { Readable } from 'node:stream';

export interface PortBinding {
  containerPort: number;
  /** Absent or 0: the engine picks an ephemeral host port. */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
  hostIp?: string;
}

export interface HealthCheckSpec {
  /** Docker form: ['CMD', ...] or ['CMD-SHELL', '...']. */
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

export interface ContainerSpec {
  /** Deterministic name, so a rerun finds the container it created before. */
  name: string;
  image: string;
  labels: Record<string, string>;
  command?: string[];
  entryPoint?: string[];
  env?: Record<string, string>;
  workingDir?: string;
  user?: string;
  hostname?: string;
  /** Hard limit. */
  memoryBytes?: number;
  /** Soft limit. */
  memoryReservationBytes?: number;
  cpuShares?: number;
  ports?: PortBinding[];
  /** bridge (the engine's default bridge), host, none, or join another container's network namespace. */
  network: { mode: 'bridge' | 'host' | 'none' } | { mode: 'container'; containerId: string };
  /** Legacy bridge links: 'otherContainerName:alias' where the name is the engine's container name. */
  links?: string[];
  extraHosts?: string[];
  dns?: string[];
  healthCheck?: HealthCheckSpec;
  stopTimeoutSec?: number;
  privileged?: boolean;
  readonlyRootfs?: boolean;
  ulimits?: { name: string; soft: number; hard: number }[];
  binds?: string[];
  /** Run an init process (tini) as PID 1, as initProcessEnabled asks. */
  init?: boolean;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerState {
  id: string;
  name: string;
  image: string;
  /** Image id (sha256:...) the container was created from. */
  imageId: string;
  labels: Record<string, string>;
  status: ContainerStatus;
  running: boolean;
  exitCode?: number;
  oomKilled: boolean;
  /** Engine error text, e.g. why a start failed. */
  error?: string;
  /** epoch ms; absent when never started. */
  startedAt?: number;
  finishedAt?: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
  /** Published ports with the host port the engine chose. */
  ports: { containerPort: number; hostPort: number; hostIp: string; protocol: 'tcp' | 'udp' }[];
  /** Address on the engine's bridge network, when it has one. */
  ipAddress?: string;
}

export interface EngineInfo {
  id: string;
  name: string;
  version: string;
  cpus: number;
  memoryBytes: number;
  os: string;
  arch: string;
}

export interface RuntimeEvent {
  containerId: string;
  /** Engine action: start, die, health_status, oom, destroy, ... */
  action: string;
  labels: Record<string, string>;
}

export interface LogOptions {
  follow?: boolean;
  /** epoch ms */
  since?: number;
  tail?: number;
  timestamps?: boolean;
}

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface PullProgress {
  status: string;
  id?: string;
  current?: number;
  total?: number;
}

/** Output of an image build, one line at a time (the engine's `stream` text). */
export type BuildOutput = (line: string) => void;

/** The engine's default bridge network, as containers on it reach the host. */
export interface BridgeNetwork {
  /** The host's address on the bridge (e.g. 172.17.0.1). */
  gateway: string;
  /** CIDR of the bridge (e.g. 172.17.0.0/16). */
  subnet: string;
}

export interface ContainerRuntime {
  readonly name: string;
  ping(): Promise<void>;
  info(): Promise<EngineInfo>;
  /** Pulls the image if the engine lacks it. Throws PullError with the engine's message. */
  ensureImage(image: string, opts?: { auth?: RegistryAuth; onProgress?: (p: PullProgress) => void }): Promise<void>;
  /** Throws ConflictError when a container with that name exists. */
  create(spec: ContainerSpec): Promise<string>;
  start(id: string): Promise<void>;
  /** Sends SIGTERM, then SIGKILL after timeoutSec. Stopping a stopped container is fine. */
  stop(id: string, timeoutSec: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** Gives a container, running or not, another name (`docker rename`). Throws NotFoundError, or ConflictError when the name is taken. */
  rename(id: string, name: string): Promise<void>;
  /** Throws NotFoundError. */
  inspect(idOrName: string): Promise<ContainerState>;
  /** All containers (running or not) carrying every given label (value '' = any value). */
  list(labels: Record<string, string>): Promise<ContainerState[]>;
  logs(id: string, opts?: LogOptions): Promise<Readable>;
  /** Engine events for containers carrying the label; ends when the signal aborts. */
  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void, signal: AbortSignal): Promise<void>;
  /** An image with an endless idle process, for holding a task's shared network namespace. */
  ensurePauseImage(): Promise<string>;
  /** The labels of a local image, or undefined when the engine does not have it (never pulls). */
  imageLabels(image: string): Promise<Record<string, string> | undefined>;
  /** Builds an image from a tar build context (Dockerfile at its root). Throws RuntimeError with the build's own error. */
  buildImage(context: Buffer, opts: { tag: string; labels?: Record<string, string>; onOutput?: BuildOutput }): Promise<void>;
  /** Creates an image from a root filesystem tarball (`docker import`), with Dockerfile-style changes (CMD, ENV, LABEL). */
  importImage(rootfs: Readable, opts: { tag: string; changes?: string[] }): Promise<void>;
  /** Gives a local image another name (`docker tag`). Throws NotFoundError when the source is absent. */
  tagImage(source: string, target: string): Promise<void>;
  /** The default bridge network, or undefined when the engine has none. */
  bridgeNetwork(): Promise<BridgeNetwork | undefined>;
  /**
   * Makes sure the engine has a bridge network of this name whose gateway (the host's own address on
   * it) is `gateway`; a network of that name already there is kept as it is.
   */
  ensureHostNetwork(name: string, subnet: string, gateway: string): Promise<void>;
}
