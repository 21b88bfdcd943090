// Minimal client-side routing on the History API, under the app's base path (Vite's `base`:
// '/' for the portal, '/console/' for the console). Each app parses its own routes.
import { useSyncExternalStore } from 'react';

/** The base path without a trailing slash: '' for the portal, '/console' for the console. */
export const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

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

/** The full address of an app path, keeping an explicit `?lang=` so a reload shows the same language. */
export function href(path: string): string {
  const lang = new URLSearchParams(window.location.search).get('lang');
  const full = `${BASE}${path}`;
  if (!lang) return full;
  const sep = full.includes('?') ? '&' : '?';
  return `${full}${sep}lang=${encodeURIComponent(lang)}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = href(path);
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
