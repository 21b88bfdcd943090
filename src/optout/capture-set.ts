import type { Capture } from './signal.js';

export const ROBOTS_PATH = '/robots.txt';
export const TDMREP_PATH = '/.well-known/tdmrep.json';

export type CaptureKind = 'robots' | 'tdmrep';

interface HostCaptures {
  robots?: Capture & { readonly date: string };
  tdmrep?: Capture & { readonly date: string };
}

/** A capture as kept and passed between threads: the capture plus when it was fetched. */
export type DatedCapture = Capture & { readonly date: string };

/**
 * The robots.txt and /.well-known/tdmrep.json captures of a crawl, per origin (scheme, host
 * and port: RFC 9309 2.3 scopes robots.txt to exactly that). When an origin was fetched more
 * than once, the latest capture counts (by WARC-Date; on equal dates, the later in the input).
 */
export class CaptureSet {
  private readonly byOrigin = new Map<string, HostCaptures>();

  /** Which capture a URL is, if any. */
  static kindOf(url: string): CaptureKind | undefined {
    const parsed = parseUrl(url);
    if (parsed?.search !== '') return undefined;
    if (parsed.pathname === ROBOTS_PATH) return 'robots';
    if (parsed.pathname === TDMREP_PATH) return 'tdmrep';
    return undefined;
  }

  add(kind: CaptureKind, capture: DatedCapture): void {
    const origin = parseUrl(capture.url)?.origin;
    if (!origin) return;
    const host = this.byOrigin.get(origin) ?? {};
    const current = host[kind];
    if (!current || Date.parse(capture.date) >= Date.parse(current.date)) host[kind] = capture;
    this.byOrigin.set(origin, host);
  }

  /** The captures that apply to an item fetched from `url`. */
  forUrl(url: string | undefined): { robots?: Capture; tdmrep?: Capture } {
    const origin = url === undefined ? undefined : parseUrl(url)?.origin;
    const host = origin ? this.byOrigin.get(origin) : undefined;
    return host ?? {};
  }

  get size(): number {
    let n = 0;
    for (const host of this.byOrigin.values()) n += (host.robots ? 1 : 0) + (host.tdmrep ? 1 : 0);
    return n;
  }

  /** Every capture kept, sorted by URL: for the manifest and for passing to worker threads. */
  list(): DatedCapture[] {
    const all: DatedCapture[] = [];
    for (const host of this.byOrigin.values()) {
      if (host.robots) all.push(host.robots);
      if (host.tdmrep) all.push(host.tdmrep);
    }
    return all.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }

  static of(captures: readonly DatedCapture[]): CaptureSet {
    const set = new CaptureSet();
    for (const c of captures) {
      const kind = CaptureSet.kindOf(c.url);
      if (kind) set.add(kind, c);
    }
    return set;
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
