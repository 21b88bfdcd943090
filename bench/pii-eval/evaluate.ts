// Precision, recall and ordinary-word retention of detectPii on labelled texts, as printed by
// `npm run eval:pii` (run.ts) and `npm run train:pii -- --dev`.
import { SyncRedactor } from 'redact-pii';
import { table } from '../../src/cli/output.js';
import { detectPii, redactText } from '../../src/pii/index.js';
import type { Labelled } from './markup.js';

interface Tally {
  gold: number;
  tp: number;
  fp: number;
  masked: number;
  peerMasked: number;
}

const VALIDATED = new Set(['EMAIL', 'PHONE', 'IBAN', 'CREDIT_CARD', 'IP_ADDRESS', 'DE_TAX_ID']);

/** A prediction matches a gold span of the same type when they overlap by half their union. */
function matches(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
}

export function evaluate(items: readonly Labelled[]) {
  const peer = new SyncRedactor();
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    let t = tallies.get(key);
    if (!t) {
      t = { gold: 0, tp: 0, fp: 0, masked: 0, peerMasked: 0 };
      tallies.set(key, t);
    }
    return t;
  };
  let ours = 0;
  let theirs = 0;
  let chars = 0;
  // Ordinary words: words outside every gold span, and how many of them a prediction touched.
  let plainWords = 0;
  let plainTouched = 0;
  const misses: string[] = [];
  for (const item of items) {
    chars += item.text.length;
    let t0 = performance.now();
    const predicted = detectPii(item.text);
    const redacted = redactText(item.text, predicted).text;
    ours += performance.now() - t0;
    t0 = performance.now();
    const peerText = peer.redact(item.text);
    theirs += performance.now() - t0;
    for (const w of item.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const a = w.index;
      const b = a + w[0].length;
      if (item.spans.some((g) => g.start < b && a < g.end)) continue;
      plainWords++;
      if (predicted.some((p) => p.start < b && a < p.end)) plainTouched++;
    }
    const used = new Set<number>();
    for (const g of item.spans) {
      const value = item.text.slice(g.start, g.end);
      for (const key of [
        `${item.lang} ${g.type}`,
        `all ${g.type}`,
        `${item.lang} ALL`,
        'all ALL',
      ]) {
        const t = tally(key);
        t.gold++;
        if (!redacted.includes(value)) t.masked++;
        if (!peerText.includes(value)) t.peerMasked++;
      }
      const hit = predicted.findIndex((p, i) => !used.has(i) && p.type === g.type && matches(p, g));
      if (hit >= 0) {
        used.add(hit);
        for (const key of [
          `${item.lang} ${g.type}`,
          `all ${g.type}`,
          `${item.lang} ALL`,
          'all ALL',
        ])
          tally(key).tp++;
      } else if (misses.length < 40)
        misses.push(`miss ${g.type} ${JSON.stringify(value)} in ${JSON.stringify(item.text)}`);
    }
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      for (const key of [`${item.lang} ${p.type}`, `all ${p.type}`, `${item.lang} ALL`, 'all ALL'])
        tally(key).fp++;
      if (misses.length < 80)
        misses.push(`extra ${p.type} ${JSON.stringify(p.text)} in ${JSON.stringify(item.text)}`);
    });
  }
  return { tallies, ours, theirs, chars, misses, kept: 1 - plainTouched / plainWords };
}

export const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');

export function report(title: string, items: readonly Labelled[], verbose: boolean): void {
  const { tallies, ours, theirs, chars, misses, kept } = evaluate(items);
  const rows: (string | number)[][] = [
    ['lang', 'type', 'gold', 'found', 'P', 'R', 'F1', 'masked', 'redact-pii masked'],
  ];
  const keys = [...tallies.keys()].sort((a, b) => {
    const [la, ta] = a.split(' ');
    const [lb, tb] = b.split(' ');
    return la === lb
      ? ta === 'ALL'
        ? 1
        : tb === 'ALL'
          ? -1
          : ta!.localeCompare(tb!)
      : la!.localeCompare(lb!);
  });
  for (const key of keys) {
    const t = tallies.get(key)!;
    const [lang, type] = key.split(' ');
    const p = t.tp / (t.tp + t.fp);
    const r = t.tp / t.gold;
    rows.push([
      lang!,
      type!,
      t.gold,
      t.tp + t.fp,
      f(p),
      f(r),
      f((2 * p * r) / (p + r)),
      f(t.masked / t.gold),
      f(t.peerMasked / t.gold),
    ]);
  }
  let vg = 0;
  let vtp = 0;
  for (const [key, t] of tallies) {
    if (key.startsWith('all ') && VALIDATED.has(key.slice(4))) {
      vg += t.gold;
      vtp += t.tp;
    }
  }
  process.stdout.write(`\n${title}: ${items.length} texts, ${chars} characters\n${table(rows)}\n`);
  process.stdout.write(`ordinary words kept (outside every gold span): ${f(kept)}\n`);
  process.stdout.write(`validated types (${[...VALIDATED].join(', ')}): recall ${f(vtp / vg)}\n`);
  process.stdout.write(
    `time: obhut ${(chars / (ours / 1000) / 1e6).toFixed(2)} M chars/s (detect + redact), redact-pii ${(chars / (theirs / 1000) / 1e6).toFixed(2)} M chars/s\n`,
  );
  process.stdout.write(
    'P, R, F1: spans of the same type overlapping by ≥ 50% of their union. masked: share of gold values absent from the redacted text (any type).\n',
  );
  if (verbose) process.stdout.write(`${misses.join('\n')}\n`);
}
