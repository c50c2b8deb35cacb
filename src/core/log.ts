/**
 * @module core/log
 * Plain line logging to stderr with a component tag; SLIPWAY_LOG=debug shows debug lines.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const threshold = order[(process.env.SLIPWAY_LOG as Level) ?? 'info'] ?? 1;

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

export function logger(component: string): Logger {
  const write = (level: Level) => (msg: string, extra?: unknown) => {
    if (order[level] < threshold) return;
    const tail = extra === undefined ? '' : ` ${extra instanceof Error ? (extra.stack ?? extra.message) : JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} [${component}] ${msg}${tail}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
