/**
 * @module runtime/docker-mapping
 * Pure translation between Slipway's runtime types and the Docker Engine API's JSON: a
 * ContainerSpec becomes a create body, an inspect reply becomes a ContainerState. No I/O here.
 */
import type Dockerode from 'dockerode';
import type { ContainerSpec, ContainerState, ContainerStatus } from './types.ts';

const NS_PER_MS = 1_000_000;

/** Body for POST /containers/create. Absent spec fields stay absent so engine defaults apply. */
export function createOptions(spec: ContainerSpec): Dockerode.ContainerCreateOptions {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: Record<string, { HostIp?: string; HostPort: string }[]> = {};
  for (const p of spec.ports ?? []) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    // HostPort '' (not '0') is what asks the engine for an ephemeral port.
    const binding = { HostPort: p.hostPort ? String(p.hostPort) : '', ...(p.hostIp ? { HostIp: p.hostIp } : {}) };
    (bindings[key] ??= []).push(binding);
  }
  const network = spec.network.mode === 'container' ? `container:${spec.network.containerId}` : spec.network.mode;
  const hc = spec.healthCheck;
  return {
    name: spec.name,
    Image: spec.image,
    Labels: spec.labels,
    Cmd: spec.command,
    Entrypoint: spec.entryPoint,
    Env: spec.env ? Object.entries(spec.env).map(([k, v]) => `${k}=${v}`) : undefined,
    WorkingDir: spec.workingDir,
    User: spec.user,
    Hostname: spec.hostname,
    ExposedPorts: spec.ports?.length ? exposed : undefined,
    StopTimeout: spec.stopTimeoutSec,
    Healthcheck: hc && {
      Test: hc.test,
      Interval: hc.intervalMs * NS_PER_MS,
      Timeout: hc.timeoutMs * NS_PER_MS,
      Retries: hc.retries,
      StartPeriod: hc.startPeriodMs * NS_PER_MS,
    },
    Tty: false,
    HostConfig: {
      NetworkMode: network,
      PortBindings: spec.ports?.length ? bindings : undefined,
      Links: spec.links,
      ExtraHosts: spec.extraHosts,
      Dns: spec.dns,
      Memory: spec.memoryBytes,
      MemoryReservation: spec.memoryReservationBytes,
      CpuShares: spec.cpuShares,
      Privileged: spec.privileged,
      ReadonlyRootfs: spec.readonlyRootfs,
      Ulimits: spec.ulimits?.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
      Binds: spec.binds,
      Init: spec.init,
    },
  };
}

/** Docker writes "0001-01-01T00:00:00Z" for a time that never happened. */
export function engineTime(value: string | undefined): number | undefined {
  if (!value || value.startsWith('0001-')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

type PortMap = Record<string, { HostIp: string; HostPort: string }[] | null> | null | undefined;

/** Published ports, one entry per (container port, protocol, host port): the IPv4 and IPv6
 * bindings of the same port are one port to a caller. Exposed-but-unpublished ports are skipped. */
export function publishedPorts(ports: PortMap): ContainerState['ports'] {
  const out: ContainerState['ports'] = [];
  const seen = new Set<string>();
  for (const [key, list] of Object.entries(ports ?? {})) {
    const [port, proto] = key.split('/');
    for (const b of list ?? []) {
      const hostPort = Number(b.HostPort);
      const id = `${port}/${proto}/${hostPort}`;
      if (!hostPort || seen.has(id)) continue;
      seen.add(id);
      out.push({ containerPort: Number(port), hostPort, hostIp: b.HostIp || '0.0.0.0', protocol: proto === 'udp' ? 'udp' : 'tcp' });
    }
  }
  return out;
}

export function containerState(info: Dockerode.ContainerInspectInfo): ContainerState {
  const s = info.State;
  const net = info.NetworkSettings;
  const ip = net?.IPAddress || net?.Networks?.bridge?.IPAddress || undefined;
  const health = s.Health?.Status;
  const started = engineTime(s.StartedAt);
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config.Image,
    imageId: info.Image,
    labels: info.Config.Labels ?? {},
    status: s.Status as ContainerStatus,
    running: s.Running,
    // The engine says ExitCode 0 while running and before any start: only report real exits
    // (and the 128 of a failed start, which comes with an error).
    exitCode: !s.Running && (started !== undefined || s.Error) ? s.ExitCode : undefined,
    oomKilled: s.OOMKilled,
    error: s.Error || undefined,
    startedAt: started,
    finishedAt: engineTime(s.FinishedAt),
    health: health === 'starting' || health === 'healthy' || health === 'unhealthy' ? health : undefined,
    ports: publishedPorts(net?.Ports as PortMap),
    ipAddress: ip,
  };
}
