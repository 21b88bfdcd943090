// The portal's routes; navigation itself is shared with the console (ui-shared/router.ts).
export { navigate, usePathname } from '../../ui-shared/router';

export type Route =
  | { name: 'start' }
  | { name: 'status' }
  | { name: 'receipt'; index: number }
  | { name: 'builds' }
  | { name: 'requests' }
  | { name: 'verify' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  if (path === '/status') return { name: 'status' };
  if (path === '/builds') return { name: 'builds' };
  if (path === '/requests') return { name: 'requests' };
  if (path === '/verify') return { name: 'verify' };
  const receipt = /^\/receipt\/(\d{1,15})$/.exec(path);
  if (receipt?.[1]) return { name: 'receipt', index: Number(receipt[1]) };
  return { name: 'notFound' };
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
