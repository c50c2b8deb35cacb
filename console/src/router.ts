/**
 * Routing by real URLs under /_slipway/console/, so every resource has a link that can be shared
 * (the edge answers any of them with the app). Links are plain anchors: keyboard, middle-click
 * and "copy link" work as on any page.
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/_slipway/console';

export function href(path: string): string {
  return `${BASE}${path}`;
}

function current(): { path: string; query: URLSearchParams } {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) || '/' : '/';
  return { path, query: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  history.pushState(null, '', href(path));
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

export function useRoute(): { path: string; query: URLSearchParams } {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Clicks on same-page links navigate without a reload; modified clicks (new tab) are the browser's. */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest('a');
    if (!a || a.target || a.hasAttribute('download') || !a.pathname.startsWith(`${BASE}/`) || a.origin !== location.origin) return;
    e.preventDefault();
    navigate(a.pathname.slice(BASE.length) + a.search);
  });
}

/** An ARN or id as one path segment. */
export const seg = (value: string) => encodeURIComponent(value);
