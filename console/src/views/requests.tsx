/**
 * Requests per second per target group, from HAProxy's own counters (GET /_slipway/console/requests),
 * sampled every two seconds while a page shows them and drawn as a small chart. Counters restart
 * when the data plane's workers do (a reload); a sample that went backwards is left out.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';

const POLL_MS = 2000;
const KEEP = 60;

export function useRequestRates(): { rates: Map<string, number[]>; error?: Error } {
  const [state, setState] = useState<{ rates: Map<string, number[]>; error?: Error }>({ rates: new Map() });
  useEffect(() => {
    let last: { at: number; totals: Record<string, number> } | undefined;
    let stopped = false;
    const sample = async () => {
      try {
        const res = await fetch('/_slipway/console/requests');
        const body = await res.json();
        if (!res.ok) throw new ApiError('DataPlaneUnavailable', body.message ?? `HTTP ${res.status}`, res.status);
        const previous = last;
        last = body;
        if (!previous || stopped) return;
        const seconds = Math.max((body.at - previous.at) / 1000, 0.001);
        setState((s) => {
          const rates = new Map(s.rates);
          for (const [arn, total] of Object.entries(body.totals as Record<string, number>)) {
            const before = previous.totals[arn];
            if (before === undefined || total < before) continue;
            rates.set(arn, [...(rates.get(arn) ?? []), (total - before) / seconds].slice(-KEEP));
          }
          return { rates };
        });
      } catch (err) {
        if (!stopped) setState((s) => ({ rates: s.rates, error: err as Error }));
      }
    };
    void sample();
    const timer = setInterval(sample, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return state;
}

/** A small line chart of recent rates with the latest one in words. */
export function RateChart({
  values,
  label,
  width = 140,
  height = 28,
}: {
  values: number[] | undefined;
  label: string;
  width?: number;
  height?: number;
}) {
  if (!values?.length) return <span class="muted">measuring…</span>;
  const top = Math.max(1, ...values);
  const step = width / Math.max(KEEP - 1, 1);
  const offset = width - (values.length - 1) * step;
  const y = (v: number) => (height - 2 - (v / top) * (height - 4)).toFixed(1);
  // One sample is drawn as a short level line, so the chart shows from the first rate on.
  const drawn = values.length === 1 ? [values[0], values[0]] : values;
  const start = values.length === 1 ? width - step : offset;
  const points = drawn.map((v, i) => `${(start + i * step).toFixed(1)},${y(v)}`).join(' ');
  const latest = values[values.length - 1];
  return (
    <span class="rate" data-rate={latest.toFixed(2)}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: ${latest.toFixed(1)} requests per second now, at most ${top.toFixed(1)} in the last two minutes`}
      >
        <line x1="0" x2={width} y1={height - 1} y2={height - 1} stroke="currentColor" stroke-opacity="0.25" />
        <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
      </svg>{' '}
      {latest.toFixed(1)} req/s
    </span>
  );
}
