/**
 * @module services/codebuild/markers
 * Reads the build container's output as it arrives: the runner's marker lines (see
 * runner-lib.sh) become phase events, everything else is the build's log. Output may be cut
 * anywhere between chunks; a line is only judged once it is whole.
 */
import { PHASES, type Buildspec } from './buildspec.ts';
import { PHASE_TYPES } from './runner.ts';
import type { PhaseContext } from './shapes.ts';

type RunnerPhase = 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD';

export type Marker =
  | { kind: 'BEGIN'; phase: RunnerPhase }
  | { kind: 'END'; phase: RunnerPhase; status: 'SUCCEEDED' }
  | { kind: 'END'; phase: RunnerPhase; status: 'FAILED'; list: 'c' | 'f'; index: number; exitCode: number }
  | { kind: 'DONE'; upload: boolean };

const RUNNER_PHASES = new Set<string>(Object.values(PHASE_TYPES));

export function parseMarker(line: string, nonce: string): Marker | undefined {
  const prefix = `##slipway## ${nonce} `;
  if (!line.startsWith(prefix)) return undefined;
  const [word, phase, status, where, code] = line.slice(prefix.length).trim().split(' ');
  if (word === 'DONE') return { kind: 'DONE', upload: phase === '1' };
  if (!RUNNER_PHASES.has(phase)) return undefined;
  const p = phase as RunnerPhase;
  if (word === 'BEGIN') return { kind: 'BEGIN', phase: p };
  if (word === 'END' && status === 'SUCCEEDED') return { kind: 'END', phase: p, status };
  if (word === 'END' && status === 'FAILED' && /^[cf]\d+$/.test(where ?? '')) {
    return { kind: 'END', phase: p, status, list: where[0] as 'c' | 'f', index: Number(where.slice(1)), exitCode: Number(code) };
  }
  return undefined;
}

export class MarkerReader {
  private partial = '';

  constructor(
    private readonly nonce: string,
    private readonly onLine: (line: string) => void,
    private readonly onMarker: (m: Marker) => void,
  ) {}

  push(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.take(line);
  }

  end(): void {
    if (this.partial) this.take(this.partial);
    this.partial = '';
  }

  private take(line: string): void {
    const marker = parseMarker(line.replace(/\r$/, ''), this.nonce);
    if (marker) this.onMarker(marker);
    else this.onLine(line);
  }
}

/** The command a FAILED marker points at, and CodeBuild's phase context for it. */
export function phaseFailure(spec: Buildspec, m: Extract<Marker, { status: 'FAILED' }>): { command: string; context: PhaseContext } {
  const key = PHASES.find((k) => PHASE_TYPES[k] === m.phase);
  const phase = key && spec.phases[key];
  const command = (m.list === 'c' ? phase?.commands : phase?.finally)?.[m.index] ?? '(unknown command)';
  return {
    command,
    context: {
      statusCode: 'COMMAND_EXECUTION_ERROR',
      message: `Error while executing command: ${command.trim()}. Reason: exit status ${m.exitCode}`,
    },
  };
}
