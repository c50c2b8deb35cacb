/** A log followed as it is written: a streamed response shown as it arrives, kept scrolled to the end unless the reader scrolled up. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { follow } from '../api.ts';
import { ErrorNote } from '../ui.tsx';

const LIMIT = 512 * 1024;

export function LogFollow({ url, label }: { url: string; label: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const box = useRef<HTMLPreElement>(null);
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
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [text]);
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
