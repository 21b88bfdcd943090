import type { SignalType } from '../policy/index.js';
import type { ItemKind } from '../records/index.js';

/** Where a signal was found. */
export const SIGNAL_PLACES = ['header', 'meta', 'robots.txt', 'tdmrep.json', 'record'] as const;
export type SignalPlace = (typeof SIGNAL_PLACES)[number];

/** One piece of evidence: a signal that reserved the item, or a note about one that did not. */
export interface Signal {
  readonly type: SignalType;
  readonly where: SignalPlace;
  readonly detail: string;
}

/** A source the evaluator read, so an audit can show what was checked. */
export interface Consulted {
  readonly type: SignalType;
  readonly where: SignalPlace;
  /** For a capture (robots.txt, tdmrep.json): its URL, HTTP status and the SHA-256 of its body. */
  readonly url?: string;
  readonly status?: number;
  readonly sha256?: string;
}

/** A host-wide file the crawler fetched: robots.txt or /.well-known/tdmrep.json. */
export interface Capture {
  readonly url: string;
  readonly status: number;
  /** The body decoded as UTF-8 (both files are UTF-8 by their specifications). */
  readonly text: string;
  /** SHA-256 of the body bytes, hex. */
  readonly sha256: string;
}

export type HttpHeader = readonly [name: string, value: string];

/** A `<meta name content>` element of an HTML page, name as written. */
export interface MetaTag {
  readonly name: string;
  readonly content: string;
}

/** Everything the evaluator may look at for one item. All optional parts may be absent. */
export interface OptoutInput {
  readonly kind: ItemKind;
  /** The URL the item was fetched from (`source.url`); without it no web signal applies. */
  readonly url?: string;
  /** The HTTP response headers of the item's capture, in order, names in any case. */
  readonly headers?: readonly HttpHeader[];
  /** The page's meta elements (HTML items only). */
  readonly meta?: readonly MetaTag[];
  /** The host's robots.txt capture; absent when the crawl has none. */
  readonly robots?: Capture;
  /** The host's /.well-known/tdmrep.json capture. */
  readonly tdmrep?: Capture;
  /** The record's own `signals.tdm_reserved`. */
  readonly recordReserved?: boolean;
}

/** What one signal type found. */
export interface SignalOutcome {
  /** The signals that reserve the item; empty when this type permits it. */
  readonly reserving: readonly Signal[];
  /** Evidence that did not reserve: unknown vocabulary, an explicit "y", an unparseable part let through. */
  readonly notes: readonly Signal[];
  readonly consulted: readonly Consulted[];
}

export function headerValues(headers: readonly HttpHeader[] | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) values.push(v);
  return values;
}

export function captureConsulted(type: SignalType, where: SignalPlace, c: Capture): Consulted {
  return { type, where, url: c.url, status: c.status, sha256: c.sha256 };
}

/** The path and query of a URL, as robots.txt and tdmrep.json rules match them. */
export function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return undefined;
  }
}
