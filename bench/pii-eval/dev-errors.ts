// Every miss and extra of the types named in TYPES (default PERSON,LOCATION) on the retired blind
// sets 7-10 (dev data), one a line, for reading while tuning rules:
// `TYPES=PERSON node --import tsx bench/pii-eval/dev-errors.ts`. Held-out sets are not read.
// (Sessions 12-13 had one script for persons and one for places; they differed only in this.)
import { detectPii } from '../../src/pii/index.js';
import type { PiiSpan } from '../../src/pii/types.js';
import { generateBlind7 } from './blind7.js';
import { generateBlind8 } from './blind8.js';
import { generateBlind9 } from './blind9.js';
import { generateBlind10 } from './blind10.js';
import type { Labelled } from './markup.js';

type Range = { start: number; end: number };
const overlapsHalf = (a: Range, b: Range) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
};
const quote = (text: string, r: Range) => JSON.stringify(text.slice(r.start, r.end));

const types = (process.env.TYPES ?? 'PERSON,LOCATION').split(',');
const sets: [string, Labelled[]][] = [
  ['7', generateBlind7(8, 151)],
  ['8', generateBlind8(8, 173)],
  ['9', generateBlind9(8, 197)],
  ['10', generateBlind10(8, 223)],
];
for (const [name, items] of sets)
  for (const item of items) {
    const part = `${name} ${item.lang} ${item.kind}`;
    const all = detectPii(item.text);
    const line = (what: string, note: string) =>
      process.stdout.write(`${part}\t${what}${note}\t${JSON.stringify(item.text)}\n`);
    for (const type of types) {
      const found = all.filter((p: PiiSpan) => p.type === type);
      const gold = item.spans.filter((g) => g.type === type);
      const used = new Set<number>();
      for (const g of gold) {
        const i = found.findIndex((p, k) => !used.has(k) && overlapsHalf(p, g));
        if (i >= 0) {
          used.add(i);
          continue;
        }
        // What covers part of it, of any type: half a name, or the name read as a place.
        const near = all.find((p) => p.start < g.end && g.start < p.end);
        line(
          `miss ${type}\t${quote(item.text, g)}`,
          near ? ` (found ${near.type} ${quote(item.text, near)})` : '',
        );
      }
      found.forEach((p, k) => {
        if (used.has(k)) return;
        const other = item.spans.find((g) => g.start < p.end && p.start < g.end);
        line(
          `extra ${type}\t${quote(item.text, p)}`,
          other ? ` (gold ${other.type} ${quote(item.text, other)})` : '',
        );
      });
    }
  }
