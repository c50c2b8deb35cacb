/**
 * @module services/ecs/task-size
 * Task sizes as ECS reads them: task-level `cpu` and `memory` (units or vCPU, MiB or GB), the
 * ranges ECS supports, Fargate's valid pairs, and what one task reserves on a container instance.
 */
import { ecsError } from './errors.ts';
import type { TaskDefinition } from './shapes.ts';

export interface TaskSize {
  cpu?: number;
  memory?: number;
}
export interface Reservation {
  cpu: number;
  memoryMiB: number;
  ports: { port: number; protocol: 'tcp' | 'udp' }[];
}

/** The largest value of the model's Integer members (Java's int). */
export const MAX_INTEGER = 2147483647;
/** Task-level CPU units ECS supports on EC2. */
const TASK_CPU = [128, 196608] as const;

/** Valid Fargate sizes: task cpu units → allowed task memory MiB. */
const FARGATE: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += by) out.push(v);
  return out;
}

function fail(message: string): never {
  throw ecsError.client(message);
}

export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE[cpu]?.includes(memory) ?? false;
}

/** Parses task-level `cpu` ("1024" | "1 vCPU") and `memory` ("2048" | "2 GB") into units and MiB. */
export function parseTaskSize(cpu?: string, memory?: string): TaskSize {
  const size: TaskSize = {};
  if (cpu !== undefined && cpu !== '') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(cpu);
    const units = m ? Number(m[1]) * (m[2] ? 1024 : 1) : NaN;
    if (!Number.isInteger(units) || units <= 0)
      fail(`Invalid 'cpu' setting for task: '${cpu}'. Specify CPU units (e.g. 1024) or vCPUs (e.g. 1 vCPU).`);
    size.cpu = units;
  }
  if (memory !== undefined && memory !== '') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(memory);
    const mib = m ? Number(m[1]) * (m[2]?.toLowerCase().startsWith('g') ? 1024 : 1) : NaN;
    if (!Number.isInteger(mib) || mib <= 0)
      fail(`Invalid 'memory' setting for task: '${memory}'. Specify MiB (e.g. 2048) or GB (e.g. 2 GB).`);
    size.memory = mib;
  }
  return size;
}

/** Task-level cpu for EC2 (and Fargate's, a subset): 128 to 196608 units; memory an Integer's worth of MiB. */
export function checkTaskSize(size: TaskSize): void {
  if (size.cpu !== undefined && (size.cpu < TASK_CPU[0] || size.cpu > TASK_CPU[1])) {
    fail(
      `Invalid 'cpu' setting for task: ${size.cpu} CPU units. Supported values are between ${TASK_CPU[0]} and ${TASK_CPU[1]} CPU units.`,
    );
  }
  if (size.memory !== undefined && size.memory > MAX_INTEGER)
    fail(`Invalid 'memory' setting for task: ${size.memory} MiB is more than ${MAX_INTEGER} MiB.`);
}

/** What one task of `td` reserves on a container instance: CPU units, MiB and static host ports. */
export function containerReservation(td: TaskDefinition): Reservation {
  const size = parseTaskSize(td.cpu, td.memory);
  const containers = td.containerDefinitions ?? [];
  const cpu = size.cpu ?? containers.reduce((s, c) => s + (c.cpu ?? 0), 0);
  const memoryMiB = size.memory ?? containers.reduce((s, c) => s + (c.memoryReservation ?? c.memory ?? 0), 0);
  const mode = td.networkMode ?? 'bridge';
  const ports: Reservation['ports'] = [];
  if (mode === 'bridge' || mode === 'host') {
    for (const c of containers) {
      for (const p of c.portMappings ?? []) {
        const port = mode === 'host' ? (p.hostPort ?? p.containerPort) : p.hostPort;
        if (port) ports.push({ port, protocol: p.protocol ?? 'tcp' });
      }
    }
  }
  return { cpu, memoryMiB, ports };
}
