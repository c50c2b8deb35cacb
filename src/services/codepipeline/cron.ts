/**
 * @module services/codepipeline/cron
 * The cron expressions of the DeploymentWindow rule: six fields and an optional seventh (seconds,
 * minutes, hours, day-of-month, month, day-of-week, year), read in a time zone. A window is open
 * during each minute the expression matches. Supported: `*`, `?`, lists, ranges, `/` steps, month
 * and day names, `L` (last day of the month); a field Slipway cannot read is refused by name.
 */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTE_MS = 60_000;
/** How far ahead the next opening is looked for before the engine simply looks again later. */
const LOOKAHEAD_MINUTES = 2 * 24 * 60;

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: Field[] = [
  { name: 'seconds', min: 0, max: 59 },
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS },
  { name: 'year', min: 1970, max: 2199 },
];

/** Each field as the set of values it allows; `lastDay` when day-of-month is `L`. */
export interface Cron {
  sets: (Set<number> | undefined)[];
  lastDay: boolean;
}

export class CronError extends Error {}

function value(raw: string, f: Field): number {
  const named = f.names?.indexOf(raw.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + 1 : Number(raw);
  if (!Number.isInteger(n) || n < f.min || n > f.max) throw new CronError(`'${raw}' is not a valid ${f.name} value (${f.min}-${f.max})`);
  return n;
}

function parseField(raw: string, f: Field): Set<number> | undefined {
  if (raw === '?' && f.name !== 'day-of-month' && f.name !== 'day-of-week')
    throw new CronError(`'?' is allowed only in the day-of-month and day-of-week fields, not ${f.name}`);
  if (raw === '*' || raw === '?') return undefined;
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const [range, stepRaw] = part.split('/');
    const step = stepRaw === undefined ? 1 : Number(stepRaw);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`'${part}' has an invalid increment in the ${f.name} field`);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [f.min, f.max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map((x) => value(x, f)) as [number, number];
    else [lo, hi] = [value(range, f), stepRaw === undefined ? value(range, f) : f.max];
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** Parses `expression`; throws CronError naming the field at fault. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) {
    throw new CronError(`'${expression}' has ${parts.length} fields; a cron expression has 6 required fields and an optional year`);
  }
  let lastDay = false;
  const sets = parts.map((raw, i) => {
    const f = FIELDS[i];
    if (i === 3 && raw.toUpperCase() === 'L') {
      lastDay = true;
      return undefined;
    }
    if (/[LW#]/.test(raw.toUpperCase().replace(/[A-Z]{3}/g, ''))) {
      throw new CronError(`'${raw}' in the ${f.name} field uses L, W or #, which Slipway reads only as day-of-month 'L'`);
    }
    return parseField(raw, f);
  });
  return { sets, lastDay };
}

// Making a formatter costs far more than using one, and a look-ahead asks for thousands of minutes.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    // Only names the runtime knows get here (it throws RangeError for others); spellings differing
    // in case are all valid, so the map is bounded rather than trusted to stay small.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar fields of `at` in `timeZone` (an IANA name; throws RangeError when unknown). */
function fieldsIn(at: number, timeZone: string): number[] {
  const parts = formatterIn(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = DAYS.indexOf(get('weekday').toUpperCase()) + 1;
  return [
    Number(get('second')),
    Number(get('minute')),
    Number(get('hour')),
    Number(get('day')),
    Number(get('month')),
    weekday,
    Number(get('year')),
  ];
}

export function validTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether the window is open at `at` (the expression matches its minute; seconds are not weighed). */
export function cronMatches(cron: Cron, at: number, timeZone: string): boolean {
  const f = fieldsIn(at, timeZone);
  for (let i = 1; i < 7; i++) {
    const set = cron.sets[i];
    if (set && !set.has(f[i])) return false;
  }
  if (cron.lastDay) {
    const lastOfMonth = new Date(Date.UTC(f[6], f[4], 0)).getUTCDate();
    if (f[3] !== lastOfMonth) return false;
  }
  return true;
}

/** Real ms from `now` until the window next opens, or the look-ahead span when it does not open within it. */
export function untilOpen(cron: Cron, now: number, timeZone: string): number {
  const start = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  for (let i = 1; i <= LOOKAHEAD_MINUTES; i++) {
    const at = start + i * MINUTE_MS;
    if (cronMatches(cron, at, timeZone)) return at - now;
  }
  return LOOKAHEAD_MINUTES * MINUTE_MS;
}
