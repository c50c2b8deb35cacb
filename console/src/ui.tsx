/** The console's building blocks: tables, times, states, errors, empty states, bars and charts. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { href } from './router.ts';
import type { Live } from './live.ts';

export function Link(props: { to: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={href(props.to)} class={props.class}>
      {props.children}
    </a>
  );
}

/** AWS times arrive as epoch seconds (JSON), epoch milliseconds (Logs) or ISO text (XML). */
export function toDate(value: unknown): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return new Date(value < 1e11 ? value * 1000 : value);
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

let tick = 0;
const tickers = new Set<(n: number) => void>();
setInterval(() => {
  tick++;
  for (const t of tickers) t(tick);
}, 15_000);

export function relative(d: Date, now = Date.now()): string {
  const s = Math.round((now - d.getTime()) / 1000);
  const abs = Math.abs(s);
  const say = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const text =
    abs < 5
      ? 'just now'
      : abs < 60
        ? say(abs, 'second')
        : abs < 3600
          ? say(Math.floor(abs / 60), 'minute')
          : abs < 86400
            ? say(Math.floor(abs / 3600), 'hour')
            : say(Math.floor(abs / 86400), 'day');
  return abs < 5 ? text : s >= 0 ? `${text} ago` : `in ${text}`;
}

/** A time shown relative ("3 minutes ago"), exact on hover and for screen readers. */
export function Time({ at }: { at: unknown }) {
  const [, set] = useState(0);
  useEffect(() => {
    tickers.add(set);
    return () => void tickers.delete(set);
  }, []);
  const d = toDate(at);
  if (!d) return <span class="muted">—</span>;
  return (
    <time dateTime={d.toISOString()} title={d.toLocaleString()}>
      {relative(d)}
    </time>
  );
}

const TONE: Record<string, string> = {
  RUNNING: 'ok',
  ACTIVE: 'ok',
  HEALTHY: 'ok',
  healthy: 'ok',
  SUCCEEDED: 'ok',
  COMPLETED: 'ok',
  Succeeded: 'ok',
  active: 'ok',
  PRIMARY: 'ok',
  SUCCESSFUL: 'ok',
  AWAITING_ACTION: 'busy',
  ROLLBACK_IN_PROGRESS: 'busy',
  ROLLBACK_SUCCESSFUL: 'bad',
  ROLLBACK_FAILED: 'bad',
  PASSED: 'ok',
  STEADY_STATE: 'ok',
  Ready: 'ok',
  PENDING: 'busy',
  PROVISIONING: 'busy',
  IN_PROGRESS: 'busy',
  InProgress: 'busy',
  initial: 'busy',
  provisioning: 'busy',
  ACTIVATING: 'busy',
  Created: 'busy',
  Queued: 'busy',
  draining: 'busy',
  DRAINING: 'busy',
  STOPPING: 'busy',
  DEACTIVATING: 'busy',
  Pending: 'busy',
  STOPPED: 'off',
  INACTIVE: 'off',
  unused: 'off',
  Skipped: 'off',
  UNKNOWN: 'off',
  unavailable: 'off',
  FAILED: 'bad',
  FAULT: 'bad',
  Failed: 'bad',
  UNHEALTHY: 'bad',
  unhealthy: 'bad',
  STOPPED_BY_USER: 'bad',
  TIMED_OUT: 'bad',
  Stopped: 'bad',
};

export function State({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return <span class="muted">—</span>;
  const s = String(value);
  return <span class={`state ${TONE[s] ?? ''}`}>{s}</span>;
}

export function ErrorNote({ error }: { error?: Error }) {
  if (!error) return null;
  const code = (error as { code?: string }).code;
  return (
    <p class="error" role="alert">
      {code && code !== 'Error' ? <strong>{code}: </strong> : null}
      {error.message}
    </p>
  );
}

/** What a new user sees where there is nothing yet: the command that makes something. */
export function Empty({ what, command }: { what: string; command?: string }) {
  return (
    <div class="empty">
      <p>No {what} yet.</p>
      {command && (
        <p>
          Make one: <code>{command}</code>
        </p>
      )}
    </div>
  );
}

export interface Column<T = any> {
  title: string;
  cell(row: T): ComponentChildren;
  class?: string;
}

export function Table<T = any>(props: { rows: T[]; columns: Column<T>[]; rowKey(row: T): string; label: string }) {
  return (
    <div class="scroll">
      <table aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th class={c.class}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={props.rowKey(r)} data-key={props.rowKey(r)}>
              {props.columns.map((c) => (
                <td class={c.class}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A section of a page with what it loads: its error in words, a first-load note, then the content. */
export function Loaded<T>({
  live,
  title,
  children,
  actions,
}: {
  live: Live<T>;
  title?: string;
  children: (data: T) => ComponentChildren;
  actions?: JSX.Element;
}) {
  return (
    <section>
      {title && (
        <header class="section-head">
          <h2>{title}</h2>
          {actions}
        </header>
      )}
      <ErrorNote error={live.error} />
      {live.data === undefined ? live.loading ? <p class="muted">Loading…</p> : null : children(live.data)}
    </section>
  );
}

/** Shares of a whole as one bar, e.g. production and test traffic. */
export function Bar({ parts, label }: { parts: { name: string; value: number; tone: string }[]; label: string }) {
  const total = parts.reduce((n, p) => n + p.value, 0) || 1;
  return (
    <div
      class="bar"
      role="img"
      aria-label={`${label}: ${parts.map((p) => `${p.name} ${Math.round((100 * p.value) / total)}%`).join(', ')}`}
    >
      {parts.map((p) => (
        <span class={`bar-part ${p.tone}`} style={{ width: `${(100 * p.value) / total}%` }} data-name={p.name} data-value={p.value}>
          {p.value > 0 ? `${p.name} ${Math.round((100 * p.value) / total)}%` : ''}
        </span>
      ))}
    </div>
  );
}

export function bytes(n: unknown): string {
  const v = Number(n);
  if (!Number.isFinite(v)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let x = v;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${i === 0 ? x : x.toFixed(1)} ${units[i]}`;
}

/** The last part of an ARN, for display. */
export const short = (arn: string | undefined) => (arn ?? '').slice((arn ?? '').lastIndexOf('/') + 1) || (arn ?? '');

/** A button that runs an action, shows it running, and shows its error in words. */
export function Action(props: { label: string; run: () => Promise<unknown>; confirm?: string; tone?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <span class="action">
      <button
        type="button"
        class={props.tone}
        disabled={busy}
        onClick={async () => {
          if (props.confirm && !window.confirm(props.confirm)) return;
          setBusy(true);
          setError(undefined);
          try {
            await props.run();
          } catch (err) {
            setError(err as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? `${props.label}…` : props.label}
      </button>
      <ErrorNote error={error} />
    </span>
  );
}
