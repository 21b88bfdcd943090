// Every PERSON miss and extra on the retired blind sets 7, 8, 9 and 10 (dev data), one a line, for
// reading while tuning the person rules: `node --import tsx bench/pii-eval/dev-person-errors.ts`.
// eval:pii --verbose stops at 80 lines a part; this lists them all. Held-out sets are not read.
import { detectPii } from '../../src/pii/index.js';
import { generateBlind7 } from './blind7.js';
import { generateBlind8 } from './blind8.js';
import { generateBlind9 } from './blind9.js';
import { generateBlind10 } from './blind10.js';
import type { Labelled } from './markup.js';

const overlapsHalf = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
};

const sets: [string, Labelled[]][] = [
  ['7', generateBlind7(8, 151)],
  ['8', generateBlind8(8, 173)],
  ['9', generateBlind9(8, 197)],
  ['10', generateBlind10(8, 223)],
];
for (const [name, items] of sets)
  for (const item of items) {
    const part = `${name} ${item.lang} ${item.kind}`;
    const found = detectPii(item.text).filter((p) => p.type === 'PERSON');
    const gold = item.spans.filter((g) => g.type === 'PERSON');
    const used = new Set<number>();
    for (const g of gold) {
      const i = found.findIndex((p, k) => !used.has(k) && overlapsHalf(p, g));
      if (i >= 0) used.add(i);
      else {
        const near = found.find((p) => p.start < g.end && g.start < p.end);
        const got = near ? ` (found ${JSON.stringify(near.text)})` : '';
        process.stdout.write(
          `${part}\tmiss\t${JSON.stringify(item.text.slice(g.start, g.end))}${got}\t${JSON.stringify(item.text)}\n`,
        );
      }
    }
    found.forEach((p, k) => {
      if (used.has(k)) return;
      const other = item.spans.find((g) => g.start < p.end && p.start < g.end);
      const tag = other
        ? ` (gold ${other.type} ${JSON.stringify(item.text.slice(other.start, other.end))})`
        : '';
      process.stdout.write(
        `${part}\textra\t${JSON.stringify(p.text)}${tag}\t${JSON.stringify(item.text)}\n`,
      );
    });
  }
