// The console's routes and which roles may open them; navigation itself is shared with the
// portal (ui-shared/router.ts), under the console's base path (/console/).
import { BASE } from '../../ui-shared/router';
import type { Role } from './api';

export { navigate, usePathname } from '../../ui-shared/router';

export type Route =
  | { name: 'signIn' }
  | { name: 'queue' }
  | { name: 'task'; id: string }
  | { name: 'counts' }
  | { name: 'flags' }
  | { name: 'flag'; id: string }
  | { name: 'unmask' }
  | { name: 'audit' }
  | { name: 'holds' }
  | { name: 'requests' }
  | { name: 'staff' }
  | { name: 'retention' }
  | { name: 'notFound' };

export type PageName = Exclude<Route['name'], 'signIn' | 'notFound'>;

/** Which roles may open which page. The server decides for itself; this only shapes the UI. */
const PAGE_ROLES: Record<PageName, readonly Role[]> = {
  queue: ['reviewer', 'lead'],
  task: ['reviewer', 'lead'],
  counts: ['lead', 'admin'],
  flags: ['trust_safety'],
  flag: ['trust_safety'],
  unmask: ['trust_safety', 'privacy_officer'],
  audit: ['privacy_officer'],
  holds: ['privacy_officer', 'admin'],
  requests: ['privacy_officer'],
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
    '/holds': { name: 'holds' },
    '/requests': { name: 'requests' },
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
