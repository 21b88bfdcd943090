// Minimal client-side routing on the History API.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'start' }
  | { name: 'status' }
  | { name: 'receipt'; index: number }
  | { name: 'builds' }
  | { name: 'requests' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  if (path === '/status') return { name: 'status' };
  if (path === '/builds') return { name: 'builds' };
  if (path === '/requests') return { name: 'requests' };
  const receipt = /^\/receipt\/(\d{1,15})$/.exec(path);
  if (receipt?.[1]) return { name: 'receipt', index: Number(receipt[1]) };
  return { name: 'notFound' };
}

const NAVIGATE_EVENT = 'obhut:navigate';

/**
 * Whether headings should take focus when a view mounts. False for the very first view
 * (the browser starts at the top of the page), true after any navigation.
 */
let focusOnMount = false;
window.addEventListener('popstate', () => {
  focusOnMount = true;
});
export function shouldFocusHeading(): boolean {
  return focusOnMount;
}

/** Keeps an explicit `?lang=` in internal links so a reload shows the same language. */
export function withLang(path: string): string {
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (!lang) return path;
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}lang=${encodeURIComponent(lang)}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = withLang(path);
  focusOnMount = true;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Changes the query string in place (no new history entry, no view change). */
export function replaceSearchParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Reads a `?token=` from the address and removes it at once (before any request is made). */
export function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  return token.trim() || null;
}
