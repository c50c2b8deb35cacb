/**
 * @module cli/pipeline
 * `slipway pipeline follow <name> [--execution-id ID] [--region R]`: prints a pipeline execution as
 * it happens — stages and actions going InProgress, Succeeded or Failed with their errorDetails, and
 * the lines actions report (a build's log, a deployment's traffic shift) — the way `slipway logs
 * --follow` follows a task. Exits 0 when the execution succeeds, 1 otherwise.
 */
import { parseArgs } from './args.ts';

/** A request to one of the edge's endpoints: its body is text, so that the signature covers it. */
export interface EdgeRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Edge {
  endpointOf(flags: Record<string, string>): string;
  reach(url: string, init?: EdgeRequest): Promise<Response>;
}

export const pipelineUsage = `  pipeline follow <name>  Follow a pipeline execution (the newest unless --execution-id ID).  [--region R] [--endpoint URL]`;

export async function pipeline(argv: string[], edge: Edge): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [verb, name] = positional;
  if (verb !== 'follow' || !name) {
    console.error('slipway pipeline: use slipway pipeline follow <pipeline name> [--execution-id ID]');
    return 2;
  }
  const query = new URLSearchParams();
  if (flags['execution-id']) query.set('execution', flags['execution-id']);
  if (flags.region) query.set('region', flags.region);
  const res = await edge.reach(`${edge.endpointOf(flags)}/_slipway/codepipeline/${encodeURIComponent(name)}/follow?${query}`);
  if (!res.ok) {
    console.error(`slipway pipeline follow: ${((await res.json()) as { message: string }).message}`);
    return 1;
  }
  // The stream ends with `result: <status>`; keep the last lines to read it.
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    process.stdout.write(chunk);
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
  }
  const result = tail.match(/^result: (\w+)\s*$/m)?.[1];
  return result === 'Succeeded' ? 0 : 1;
}
