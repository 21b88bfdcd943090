// `node --import tsx bench/pii-train/structured-variants-run.ts [--misses] [--type T] [--seed N]`:
// detectPii on the structured robustness set (structured-variants.ts); precision and recall per
// type × language × kind, then the misses grouped by reading style.
import { detectPii } from '../../src/pii/index.js';
import { structuredVariants } from './structured-variants.js';

const STRUCTURED = new Set([
  'IBAN',
  'CREDIT_CARD',
  'US_SSN',
  'DE_TAX_ID',
  'IP_ADDRESS',
  'EMAIL',
  'PHONE',
  'VEHICLE_PLATE',
  'DATE_OF_BIRTH',
]);
const showMisses = process.argv.includes('--misses');
const only = process.argv.includes('--type')
  ? process.argv[process.argv.indexOf('--type') + 1]
  : undefined;
const seed = process.argv.includes('--seed')
  ? Number(process.argv[process.argv.indexOf('--seed') + 1])
  : undefined;

interface Tally {
  gold: number;
  tp: number;
  fp: number;
}
const tallies = new Map<string, Tally>();
const tally = (k: string) => {
  let t = tallies.get(k);
  if (!t) {
    t = { gold: 0, tp: 0, fp: 0 };
    tallies.set(k, t);
  }
  return t;
};
const byStyle = new Map<string, { n: number; miss: number }>();
const misses: string[] = [];
const extras: string[] = [];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
};

for (const item of structuredVariants(seed)) {
  const predicted = detectPii(item.text, { lang: item.lang }).filter((p) => STRUCTURED.has(p.type));
  const used = new Set<number>();
  for (const g of item.spans) {
    const key = `${g.type} ${item.lang} ${item.kind}`;
    tally(key).gold++;
    const s = `${g.type} ${item.lang} ${item.kind} ${item.style}`;
    const st = byStyle.get(s) ?? { n: 0, miss: 0 };
    byStyle.set(s, st);
    st.n++;
    const hit = predicted.findIndex((p, i) => !used.has(i) && p.type === g.type && overlaps(p, g));
    if (hit >= 0) {
      used.add(hit);
      tally(key).tp++;
    } else {
      st.miss++;
      const got = predicted.map((p) => `${p.type}:${JSON.stringify(p.text)}`).join(' ');
      misses.push(
        `${s}: ${JSON.stringify(item.text.slice(g.start, g.end))} in ${JSON.stringify(item.text)} got ${got || '-'}`,
      );
    }
  }
  predicted.forEach((p, i) => {
    if (used.has(i)) return;
    tally(`${p.type} ${item.lang} ${item.kind}`).fp++;
    extras.push(
      `${item.type} ${item.lang} ${item.kind} ${item.style}: extra ${p.type} ${JSON.stringify(p.text)} in ${JSON.stringify(item.text)}`,
    );
  });
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log('type           lang kind     gold   tp   fp   P      R');
let gold = 0;
let tp = 0;
let fp = 0;
for (const key of [...tallies.keys()].sort()) {
  const t = tallies.get(key)!;
  const [type, lang, kind] = key.split(' ');
  gold += t.gold;
  tp += t.tp;
  fp += t.fp;
  console.log(
    `${type!.padEnd(14)} ${lang}   ${kind!.padEnd(8)} ${String(t.gold).padStart(4)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)}   ${f(t.tp / (t.tp + t.fp))}  ${f(t.tp / t.gold)}`,
  );
}
console.log(`all: gold ${gold} tp ${tp} fp ${fp} P ${f(tp / (tp + fp))} R ${f(tp / gold)}`);
console.log('\nstyles with misses:');
for (const [s, st] of [...byStyle].sort())
  if (st.miss > 0) console.log(`  ${s}: ${st.miss}/${st.n}`);
if (showMisses) {
  console.log('\nmisses:');
  for (const m of misses) if (!only || m.startsWith(only)) console.log(`  ${m}`);
  console.log('\nextras:');
  for (const m of extras) if (!only || m.includes(only)) console.log(`  ${m}`);
}
