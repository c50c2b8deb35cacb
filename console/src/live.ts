/**
 * The live feed: one EventSource on /_slipway/console/events for the whole page. Views subscribe
 * with `useLive`, which loads their data through the API and loads it again when an event they care
 * about arrives (a `resync` — Slipway restarted, or events were missed — reloads every view).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export interface SlipwayEvent {
  type: string;
  resource: string;
  at: number;
  detail: Record<string, unknown>;
}

type Listener = (event: SlipwayEvent | 'resync') => void;
const listeners = new Set<Listener>();
const statusListeners = new Set<(live: boolean) => void>();
let live = false;

function setLive(value: boolean): void {
  if (live === value) return;
  live = value;
  for (const l of statusListeners) l(value);
}

/** Opens the feed; EventSource reconnects by itself, and a closed one (Slipway answered an error) is opened anew. */
export function connect(): void {
  const source = new EventSource('/_slipway/console/events');
  source.onopen = () => setLive(true);
  source.onmessage = (m) => {
    const event = JSON.parse(m.data) as SlipwayEvent;
    for (const l of listeners) l(event);
  };
  source.addEventListener('resync', () => {
    setLive(true);
    for (const l of listeners) l('resync');
  });
  source.onerror = () => {
    setLive(false);
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
  };
}

export function useConnected(): boolean {
  const [value, set] = useState(live);
  useEffect(() => {
    statusListeners.add(set);
    // The feed may have opened between the first render and this subscription.
    set(live);
    return () => void statusListeners.delete(set);
  }, []);
  return value;
}

/** Calls `onEvent` for every event of the feed while the component is shown. */
export function useEvents(onEvent: Listener): void {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => {
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
}

/** How long after an event a view reads again, so that the events of one change make one load. */
const COALESCE_MS = 50;

export interface Live<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/**
 * `load`'s result, loaded again (at most one load at a time, events arriving meanwhile folded into
 * one more) whenever `matches` says an event concerns it. Data stays on screen while a reload runs.
 */
export function useLive<T>(load: () => Promise<T>, deps: unknown[], matches: (e: SlipwayEvent) => boolean = () => true): Live<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const running = useRef(false);
  const again = useRef(false);
  const current = useRef(load);
  current.current = load;
  const generation = useRef(0);

  const run = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    const gen = generation.current;
    current
      .current()
      .then(
        (data) => gen === generation.current && setState({ data, loading: false }),
        (error: Error) => gen === generation.current && setState((s) => ({ data: s.data, error: asError(error), loading: false })),
      )
      .finally(() => {
        running.current = false;
        if (again.current) {
          again.current = false;
          run();
        }
      });
  }, []);

  useEffect(() => {
    generation.current++;
    running.current = false;
    again.current = false;
    setState({ loading: true });
    run();
  }, deps);

  const match = useRef(matches);
  match.current = matches;
  // A burst of events (a service starting many tasks) is folded into one load shortly after its first.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useEvents((e) => {
    if (pending.current !== undefined || (e !== 'resync' && !match.current(e))) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      run();
    }, COALESCE_MS);
  });
  return { ...state, reload: run };
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new ApiError('Error', String(err), 0);
}
