import type { ItemKind } from '../records/index.js';
import type { CaptureSet } from './capture-set.js';
import type { HttpHeader, MetaTag, OptoutInput } from './signal.js';

/**
 * The evaluator's input for an item record: `source.url`, the response headers and meta tags
 * the WARC reader keeps under `web` (see docs/optout.md), the captures of the URL's origin, and
 * `signals.tdm_reserved`. Entries of `web.headers` or `web.meta` that are not of the documented
 * shape are skipped: they are the record writer's, not a web page's, and say nothing.
 */
export function optoutInputOf(
  record: Readonly<Record<string, unknown>>,
  kind: ItemKind,
  recordReserved: boolean,
  captures: CaptureSet | undefined,
): OptoutInput {
  const source = record.source as { url?: unknown } | undefined;
  const url = typeof source?.url === 'string' ? source.url : undefined;
  const web = record.web as { headers?: unknown; meta?: unknown } | undefined;
  const headers = Array.isArray(web?.headers) ? web.headers.filter(isHeader) : undefined;
  const meta = Array.isArray(web?.meta) ? web.meta.filter(isMeta) : undefined;
  const found = captures?.forUrl(url) ?? {};
  return {
    kind,
    ...(url === undefined ? {} : { url }),
    ...(headers === undefined ? {} : { headers }),
    ...(meta === undefined ? {} : { meta }),
    ...(found.robots ? { robots: found.robots } : {}),
    ...(found.tdmrep ? { tdmrep: found.tdmrep } : {}),
    recordReserved,
  };
}

function isHeader(value: unknown): value is HttpHeader {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

function isMeta(value: unknown): value is MetaTag {
  const v = value as { name?: unknown; content?: unknown } | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.content === 'string'
  );
}
