import { devSets } from './bench/pii-train/dev-sets.js';
const root = process.argv[2];
const { detectPii } = await import(`${root}/src/pii/index.ts`);
const sets = devSets();
const matches = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
};
for (const [name, items] of Object.entries(sets))
  for (const kind of ['written', 'spoken'])
    for (const type of ['PERSON', 'LOCATION']) {
      let gold = 0, tp = 0, found = 0;
      for (const it of items.filter((x) => x.kind === kind)) {
        const p = detectPii(it.text).filter((s: { type: string }) => s.type === type);
        const g = it.spans.filter((s) => s.type === type);
        gold += g.length; found += p.length;
        const used = new Set<number>();
        for (const s of g) { const i = p.findIndex((q: { start: number; end: number }, k: number) => !used.has(k) && matches(q, s)); if (i >= 0) { used.add(i); tp++; } }
      }
      console.log(`${name} ${kind} ${type}: R ${(tp / gold).toFixed(3)} (P ${(tp / found).toFixed(3)})`);
    }
