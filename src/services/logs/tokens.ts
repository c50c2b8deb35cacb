/**
 * @module services/logs/tokens
 * The tokens readers page with. Each names a position in (timestamp, ingestion order), so a token
 * stays good while events keep arriving, and one taken at the end of a stream, handed back, finds
 * the events that came since — or returns itself when there are none, as CloudWatch Logs' do.
 *   GetLogEvents:    f/<20 digits ts><20 digits id> (forward) and b/… (backward)
 *   FilterLogEvents: base64url "filter:<ts>:<id>"
 */
import { logsError } from './errors.ts';
import type { Position } from './model.ts';

export type Direction = 'f' | 'b';

const digits = (n: number) => String(n).padStart(20, '0');

export function streamToken(direction: Direction, pos: Position): string {
  return `${direction}/${digits(pos.ts)}${digits(pos.id)}`;
}

export function parseStreamToken(token: string): { direction: Direction; pos: Position } {
  const m = /^([fb])\/(\d{20})(\d{20})$/.exec(token);
  if (!m) throw logsError.invalidToken('nextToken');
  return { direction: m[1] as Direction, pos: { ts: Number(m[2]), id: Number(m[3]) } };
}

export function filterToken(pos: Position): string {
  return Buffer.from(`filter:${pos.ts}:${pos.id}`).toString('base64url');
}

export function parseFilterToken(token: string): Position {
  const [kind, ts, id] = Buffer.from(token, 'base64url').toString().split(':');
  const pos = { ts: Number(ts), id: Number(id) };
  if (kind !== 'filter' || !Number.isSafeInteger(pos.ts) || !Number.isSafeInteger(pos.id)) throw logsError.invalidToken('nextToken');
  return pos;
}
