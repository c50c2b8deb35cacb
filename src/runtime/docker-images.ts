/**
 * @module runtime/docker-images
 * The Docker driver's image and network calls beyond pulling: inspect an image's labels, build from
 * a tar context, import a root filesystem, tag, and read the default bridge. DockerRuntime
 * delegates to these; they translate engine errors the same way its own calls do.
 */
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { NotFoundError, RuntimeError } from './errors.ts';
import { readJsonLines } from './streams.ts';
import type { BridgeNetwork, BuildOutput } from './types.ts';

interface EngineError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  message?: string;
}

function classify(err: unknown): RuntimeError {
  if (err instanceof RuntimeError) return err;
  const e = err as EngineError;
  const json = e?.json;
  const message =
    json && typeof json === 'object' && json.message
      ? json.message
      : (e?.message ?? String(err)).replace(/^\(HTTP code \d+\) .*? - /, '').trim();
  if (e?.statusCode === 404) return new NotFoundError(message, { status: 404, cause: err });
  return new RuntimeError(message, { status: e?.statusCode, cause: err });
}

export async function imageLabels(docker: Docker, image: string): Promise<Record<string, string> | undefined> {
  try {
    const info = await docker.getImage(image).inspect();
    return info.Config?.Labels ?? {};
  } catch (err) {
    if ((err as EngineError)?.statusCode === 404) return undefined;
    throw classify(err);
  }
}

/** Reads an engine build/import stream to its end; the first error message in it fails the call. */
async function follow(stream: NodeJS.ReadableStream, onOutput?: BuildOutput): Promise<void> {
  let partial = '';
  await readJsonLines(stream, (msg) => {
    if (msg.error || msg.errorDetail) throw new RuntimeError(String(msg.errorDetail?.message ?? msg.error).trim());
    const text = typeof msg.stream === 'string' ? msg.stream : typeof msg.status === 'string' ? `${msg.status}\n` : '';
    if (!onOutput || !text) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onOutput(line);
  });
  if (partial && onOutput) onOutput(partial);
}

export async function buildImage(
  docker: Docker,
  context: Buffer,
  opts: { tag: string; labels?: Record<string, string>; onOutput?: BuildOutput },
): Promise<void> {
  try {
    const stream = await docker.buildImage(Readable.from([context]), { t: opts.tag, rm: true, forcerm: true, labels: opts.labels });
    await follow(stream, opts.onOutput);
  } catch (err) {
    throw classify(err);
  }
  if (!(await imageLabels(docker, opts.tag))) throw new RuntimeError(`the build of ${opts.tag} ended but the engine does not have it`);
}

export async function importImage(docker: Docker, rootfs: Readable, opts: { tag: string; changes?: string[] }): Promise<void> {
  const colon = opts.tag.lastIndexOf(':');
  const [repo, tag] = colon > opts.tag.lastIndexOf('/') ? [opts.tag.slice(0, colon), opts.tag.slice(colon + 1)] : [opts.tag, 'latest'];
  try {
    const stream = (await docker.importImage(rootfs, { repo, tag, changes: opts.changes } as never)) as unknown as NodeJS.ReadableStream;
    await follow(stream);
  } catch (err) {
    throw classify(err);
  }
}

export async function tagImage(docker: Docker, source: string, target: string): Promise<void> {
  const colon = target.lastIndexOf(':');
  const [repo, tag] = colon > target.lastIndexOf('/') ? [target.slice(0, colon), target.slice(colon + 1)] : [target, 'latest'];
  try {
    await docker.getImage(source).tag({ repo, tag });
  } catch (err) {
    throw classify(err);
  }
}

/** The gateway is the first address of the subnet when the engine leaves it out of IPAM. */
export async function bridgeNetwork(docker: Docker): Promise<BridgeNetwork | undefined> {
  let info: { IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] } };
  try {
    info = await docker.getNetwork('bridge').inspect();
  } catch (err) {
    if ((err as EngineError)?.statusCode === 404) return undefined;
    throw classify(err);
  }
  const config = info.IPAM?.Config?.find((c) => c.Subnet && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c.Subnet));
  if (!config?.Subnet) return undefined;
  const gateway = config.Gateway || firstHost(config.Subnet);
  return { gateway, subnet: config.Subnet };
}

export async function ensureHostNetwork(docker: Docker, name: string, subnet: string, gateway: string): Promise<void> {
  try {
    await docker.getNetwork(name).inspect();
    return;
  } catch (err) {
    if ((err as EngineError)?.statusCode !== 404) throw classify(err);
  }
  try {
    await docker.createNetwork({ Name: name, Driver: 'bridge', IPAM: { Config: [{ Subnet: subnet, Gateway: gateway }] } });
  } catch (err) {
    // Another process made it at the same moment.
    if ((err as EngineError)?.statusCode !== 409) throw classify(err);
  }
}

function firstHost(cidr: string): string {
  const [base, bits] = cidr.split('/');
  const n = base.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  const first = ((n & mask) + 1) >>> 0;
  return [24, 16, 8, 0].map((s) => (first >>> s) & 255).join('.');
}
