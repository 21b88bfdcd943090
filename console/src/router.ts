// Minimal client-side routing on the History API, under the console's base path (/console/).
import { useSyncExternalStore } from 'react';
import type { Role } from './api';

export type Route =
  | { name: 'signIn' }
  | { name: 'queue' }
  | { name: 'task'; id: string }
  | { name: 'counts' }
  | { name: 'flags' }
  | { name: 'flag'; id: string }
  | { name: 'unmask' }
  | { name: 'audit' }
  | { name: 'staff' }
  | { name: 'retention' }
  | { name: 'notFound' };

export type PageName = Exclude<Route['name'], 'signIn' | 'notFound'>;

/** Which roles may open which page. The server decides for itself; this only shapes the UI. */
export const PAGE_ROLES: Record<PageName, readonly Role[]> = {
  queue: ['reviewer', 'lead'],
  task: ['reviewer', 'lead'],
  counts: ['lead', 'admin'],
  flags: ['trust_safety'],
  flag: ['trust_safety'],
  unmask: ['trust_safety', 'privacy_officer'],
  audit: ['privacy_officer'],
  staff: ['admin'],
  retention: ['admin'],
};

export const HOME: Record<Role, string> = {
  reviewer: '/queue',
  lead: '/queue',
  trust_safety: '/flags',
  privacy_officer: '/audit',
  admin: '/staff',
};

export function mayOpen(role: Role, page: PageName): boolean {
  return PAGE_ROLES[page].includes(role);
}

/** "/console" (no trailing slash), from Vite's base. */
export const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

const ID = '([A-Za-z0-9_-]{1,100})';

export function parseRoute(pathname: string): Route {
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  path = path.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'signIn' };
  const simple: Record<string, Route> = {
    '/queue': { name: 'queue' },
    '/counts': { name: 'counts' },
    '/flags': { name: 'flags' },
    '/unmask': { name: 'unmask' },
    '/audit': { name: 'audit' },
    '/staff': { name: 'staff' },
    '/retention': { name: 'retention' },
  };
  const found = simple[path];
  if (found) return found;
  const task = new RegExp(`^/tasks/${ID}$`).exec(path);
  if (task?.[1]) return { name: 'task', id: task[1] };
  const flag = new RegExp(`^/flags/${ID}$`).exec(path);
  if (flag?.[1]) return { name: 'flag', id: flag[1] };
  return { name: 'notFound' };
}

const NAVIGATE_EVENT = 'obhut:navigate';

let focusOnMount = false;
window.addEventListener('popstate', () => {
  focusOnMount = true;
});
export function shouldFocusHeading(): boolean {
  return focusOnMount;
}

/** The full address of a console path, keeping an explicit `?lang=`. */
export function href(path: string): string {
  const lang = new URLSearchParams(window.location.search).get('lang');
  const full = `${BASE}${path}`;
  if (!lang) return full;
  const sep = full.includes('?') ? '&' : '?';
  return `${full}${sep}lang=${encodeURIComponent(lang)}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  focusOnMount = true;
  if (options.replace) window.history.replaceState(null, '', href(path));
  else window.history.pushState(null, '', href(path));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

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

// ---- one-shot notices carried across a navigation -------------------------------------------

let pendingNotice: string | null = null;

/** A message for the next page to show (e.g. "the task was removed"). */
export function setFlash(message: string): void {
  pendingNotice = message;
}

export function takeFlash(): string | null {
  const message = pendingNotice;
  pendingNotice = null;
  return message;
}
