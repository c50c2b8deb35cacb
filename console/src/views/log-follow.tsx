/** A log followed as it is written: a streamed response shown as it arrives, kept scrolled to the end unless the reader scrolled up. */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { follow } from '../api.ts';
import { ErrorNote } from '../ui.tsx';

const LIMIT = 512 * 1024;

export function LogFollow({ url, label }: { url: string; label: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const box = useRef<HTMLPreElement>(null);
  useStickToEnd(box, text);
  useEffect(() => {
    const abort = new AbortController();
    setText('');
    setError(undefined);
    setDone(false);
    follow(url, (chunk) => setText((t) => (t.length + chunk.length > LIMIT ? (t + chunk).slice(-LIMIT) : t + chunk)), abort.signal).then(
      () => setDone(true),
      (err: Error) => !abort.signal.aborted && setError(err),
    );
    return () => abort.abort();
  }, [url]);
  return (
    <>
      <ErrorNote error={error} />
      <pre class="log" ref={box} role="log" aria-label={label}>
        {text || <span class="muted">{done ? '(empty)' : 'Waiting for output…'}</span>}
      </pre>
      {done && <p class="muted">End of log.</p>}
    </>
  );
}

/** Keeps a log box scrolled to its end as `content` grows, unless the reader scrolled up to read. */
export function useStickToEnd(box: RefObject<HTMLElement | null>, content: unknown): void {
  const atEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onScroll = () => (atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80);
    el.addEventListener('scroll', onScroll);
    return () => el.removeEventListener('scroll', onScroll);
  }, [box.current]);
  useEffect(() => {
    const el = box.current;
    if (el && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [content]);
}
