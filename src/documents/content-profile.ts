/**
 * What a build's admitted items say about themselves, counted from the items files: kinds,
 * text size, web domains, collection period, named datasets and their licences, legal bases.
 * The manifest counts decisions, not content, so the documents take these figures from here.
 */
export interface ContentProfile {
  readonly items: number;
  readonly by_kind: Readonly<Record<string, number>>;
  /** Unicode code points in the items' `text` fields (not tokens: those depend on a tokenizer). */
  readonly text_characters: number;
  /** Items per host of `source.url`; items with no URL are counted in `items_without_url`. */
  readonly domains: Readonly<Record<string, number>>;
  /** Distinct hosts beyond MAX_DOMAINS were not kept; their items are counted here. */
  readonly domains_overflow_items: number;
  readonly items_without_url: number;
  /** Earliest and latest `source.collected_at`, as written; null when no item has one. */
  readonly collected: { readonly from: string; readonly to: string } | null;
  readonly items_without_collected_at: number;
  /** Items per `source.dataset`, with the licences they name (sorted). */
  readonly datasets: Readonly<Record<string, { items: number; licenses: readonly string[] }>>;
  readonly licenses: Readonly<Record<string, number>>;
  readonly legal_basis: Readonly<Record<string, number>>;
}

/** An untrusted build could name millions of hosts; the profile keeps this many. */
export const MAX_DOMAINS = 1_000_000;
const MAX_DATASETS = 10_000;
const MAX_LICENSES = 10_000;

interface SourceFields {
  url?: unknown;
  collected_at?: unknown;
  dataset?: unknown;
  license?: unknown;
  legal_basis?: unknown;
}

export class ContentProfiler {
  #items = 0;
  #byKind = new Map<string, number>();
  #textCharacters = 0;
  #domains = new Map<string, number>();
  #domainsOverflow = 0;
  #withoutUrl = 0;
  #from: { text: string; ms: number } | undefined;
  #to: { text: string; ms: number } | undefined;
  #withoutCollected = 0;
  #datasets = new Map<string, { items: number; licenses: Set<string> }>();
  #licenses = new Map<string, number>();
  #legalBasis = new Map<string, number>();

  /** Adds one admitted item record (already validated by the build). */
  add(record: Record<string, unknown>): void {
    this.#items++;
    if (typeof record.kind === 'string') increment(this.#byKind, record.kind);
    if (typeof record.text === 'string') this.#textCharacters += codePoints(record.text);
    const source = (
      typeof record.source === 'object' && record.source !== null ? record.source : {}
    ) as SourceFields;
    const host = typeof source.url === 'string' ? hostOf(source.url) : undefined;
    if (host === undefined) this.#withoutUrl++;
    else if (this.#domains.has(host) || this.#domains.size < MAX_DOMAINS)
      increment(this.#domains, host);
    else this.#domainsOverflow++;
    const ms = typeof source.collected_at === 'string' ? Date.parse(source.collected_at) : NaN;
    if (Number.isNaN(ms)) this.#withoutCollected++;
    else {
      const at = { text: source.collected_at as string, ms };
      if (!this.#from || ms < this.#from.ms) this.#from = at;
      if (!this.#to || ms > this.#to.ms) this.#to = at;
    }
    const license = typeof source.license === 'string' ? source.license : undefined;
    if (
      license !== undefined &&
      (this.#licenses.has(license) || this.#licenses.size < MAX_LICENSES)
    )
      increment(this.#licenses, license);
    if (typeof source.dataset === 'string') {
      let dataset = this.#datasets.get(source.dataset);
      if (!dataset && this.#datasets.size < MAX_DATASETS) {
        dataset = { items: 0, licenses: new Set() };
        this.#datasets.set(source.dataset, dataset);
      }
      if (dataset) {
        dataset.items++;
        if (license !== undefined && dataset.licenses.size < 100) dataset.licenses.add(license);
      }
    }
    if (typeof source.legal_basis === 'string') increment(this.#legalBasis, source.legal_basis);
  }

  finish(): ContentProfile {
    return {
      items: this.#items,
      by_kind: sorted(this.#byKind),
      text_characters: this.#textCharacters,
      domains: sorted(this.#domains),
      domains_overflow_items: this.#domainsOverflow,
      items_without_url: this.#withoutUrl,
      collected: this.#from && this.#to ? { from: this.#from.text, to: this.#to.text } : null,
      items_without_collected_at: this.#withoutCollected,
      datasets: Object.fromEntries(
        [...this.#datasets]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, d]) => [name, { items: d.items, licenses: [...d.licenses].sort() }]),
      ),
      licenses: sorted(this.#licenses),
      legal_basis: sorted(this.#legalBasis),
    };
  }
}

/** Profiles of several builds, as if their items were one build's. */
export function mergeProfiles(profiles: readonly ContentProfile[]): ContentProfile {
  const sum = (pick: (p: ContentProfile) => Readonly<Record<string, number>>) => {
    const total = new Map<string, number>();
    for (const p of profiles) for (const [k, n] of Object.entries(pick(p))) increment(total, k, n);
    return sorted(total);
  };
  const datasets = new Map<string, { items: number; licenses: Set<string> }>();
  for (const p of profiles) {
    for (const [name, d] of Object.entries(p.datasets)) {
      const into = datasets.get(name) ?? { items: 0, licenses: new Set<string>() };
      into.items += d.items;
      for (const l of d.licenses) into.licenses.add(l);
      datasets.set(name, into);
    }
  }
  const periods = profiles.flatMap((p) => (p.collected ? [p.collected] : []));
  const total = (pick: (p: ContentProfile) => number) => profiles.reduce((n, p) => n + pick(p), 0);
  return {
    items: total((p) => p.items),
    by_kind: sum((p) => p.by_kind),
    text_characters: total((p) => p.text_characters),
    domains: sum((p) => p.domains),
    domains_overflow_items: total((p) => p.domains_overflow_items),
    items_without_url: total((p) => p.items_without_url),
    collected:
      periods.length === 0
        ? null
        : {
            from: periods.reduce((a, b) => (Date.parse(b.from) < Date.parse(a.from) ? b : a)).from,
            to: periods.reduce((a, b) => (Date.parse(b.to) > Date.parse(a.to) ? b : a)).to,
          },
    items_without_collected_at: total((p) => p.items_without_collected_at),
    datasets: Object.fromEntries(
      [...datasets]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, d]) => [name, { items: d.items, licenses: [...d.licenses].sort() }]),
    ),
    licenses: sum((p) => p.licenses),
    legal_basis: sum((p) => p.legal_basis),
  };
}

function hostOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    // `www.` names the same site for a reader of the summary.
    return hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function increment(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sorted(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
