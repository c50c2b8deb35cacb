/**
 * @module services/codepipeline/cron
 * The cron expressions of the DeploymentWindow rule: six fields and an optional seventh (seconds,
 * minutes, hours, day-of-month, month, day-of-week, year), read in a time zone. A window is open
 * during each minute the expression matches. Supported: `*`, `?`, lists, ranges, `/` steps, month
 * and day names, and as EventBridge reads them the day terms `L` (day-of-month: the month's last
 * day; day-of-week: Saturday), `LW` (the month's last weekday), `15W` (the weekday nearest the
 * 15th, within the month), `6#3` (the third Friday) and `5L` (the month's last Thursday), each as a
 * whole field. Each is decided from the date alone, so matching stays one look at one minute.
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

/** A day-of-month or day-of-week term that depends on the month: L, LW, nW, n#k, nL. */
type DayTerm =
  | { kind: 'last-day' }
  | { kind: 'last-weekday' }
  | { kind: 'nearest-weekday'; day: number }
  | { kind: 'nth'; weekday: number; nth: number }
  | { kind: 'last-of'; weekday: number };

/** Each field as the set of values it allows (undefined: any), and the month-dependent day terms. */
export interface Cron {
  sets: (Set<number> | undefined)[];
  dayOfMonth?: DayTerm;
  dayOfWeek?: DayTerm;
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

/** A day-of-month term (`L`, `LW`, `15W`), or undefined when the field is a plain one. */
function dayOfMonthTerm(raw: string): DayTerm | undefined {
  const upper = raw.toUpperCase();
  if (upper === 'L') return { kind: 'last-day' };
  if (upper === 'LW') return { kind: 'last-weekday' };
  const near = /^(\d{1,2})W$/.exec(upper);
  if (near) return { kind: 'nearest-weekday', day: value(near[1], FIELDS[3]) };
  if (/[LW#]/.test(upper)) throw new CronError(`'${raw}' in the day-of-month field must be L, LW or a single day followed by W (15W)`);
  return undefined;
}

/** A day-of-week term (`6#3`, `5L`, `FRI#3`, `THUL`), `L` alone being Saturday; undefined for a plain field. */
function dayOfWeekTerm(raw: string): DayTerm | Set<number> | undefined {
  const upper = raw.toUpperCase();
  if (upper === 'L') return new Set([7]);
  const nth = /^(\d|[A-Z]{3})#(\d+)$/.exec(upper);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) throw new CronError(`'${raw}' in the day-of-week field asks for week ${nth[2]} of the month; use 1-5`);
    return { kind: 'nth', weekday: value(nth[1], FIELDS[5]), nth: n };
  }
  const last = /^(\d|[A-Z]{3})L$/.exec(upper);
  if (last) return { kind: 'last-of', weekday: value(last[1], FIELDS[5]) };
  if (/[LW#]/.test(upper.replace(/[A-Z]{3}/g, '')))
    throw new CronError(`'${raw}' in the day-of-week field must be L, a day followed by L (5L) or day#week (6#3)`);
  return undefined;
}

/** Parses `expression`; throws CronError naming the field at fault. */
export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) {
    throw new CronError(`'${expression}' has ${parts.length} fields; a cron expression has 6 required fields and an optional year`);
  }
  const cron: Cron = { sets: [] };
  cron.sets = parts.map((raw, i) => {
    const f = FIELDS[i];
    if (i === 3) {
      cron.dayOfMonth = dayOfMonthTerm(raw);
      if (cron.dayOfMonth) return undefined;
    } else if (i === 5) {
      const term = dayOfWeekTerm(raw);
      if (term instanceof Set) return term;
      cron.dayOfWeek = term;
      if (term) return undefined;
    } else if (/[LW#]/.test(raw.toUpperCase().replace(/[A-Z]{3}/g, ''))) {
      throw new CronError(`'${raw}' in the ${f.name} field uses L, W or #, which only the day-of-month and day-of-week fields take`);
    }
    return parseField(raw, f);
  });
  return cron;
}

/** Day of the week (1 = Sunday … 7 = Saturday) of a calendar date. */
function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** The weekday nearest `day` (Saturday: the Friday before, Sunday: the Monday after), never leaving the month. */
function nearestWeekday(year: number, month: number, day: number, last: number): number {
  const weekday = weekdayOf(year, month, day);
  if (weekday === 7) return day === 1 ? 3 : day - 1;
  if (weekday === 1) return day === last ? day - 2 : day + 1;
  return day;
}

/** Whether the date `year-month-day` (whose weekday is `weekday`) is the day `term` names. */
function dayMatches(term: DayTerm, year: number, month: number, day: number, weekday: number): boolean {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (term.kind) {
    case 'last-day':
      return day === last;
    case 'last-weekday':
      return day === nearestWeekday(year, month, last, last);
    case 'nearest-weekday':
      return term.day <= last && day === nearestWeekday(year, month, term.day, last);
    case 'nth':
      return weekday === term.weekday && Math.ceil(day / 7) === term.nth;
    case 'last-of':
      return weekday === term.weekday && day + 7 > last;
  }
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
  for (const term of [cron.dayOfMonth, cron.dayOfWeek]) if (term && !dayMatches(term, f[6], f[4], f[3], f[5])) return false;
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
