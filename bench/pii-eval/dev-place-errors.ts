// Every LOCATION miss and extra (or, with TYPES=LOCATION,ADDRESS, of each type named) on the
// retired blind sets 7-10 (dev data), one a line, for reading while tuning the place rules:
// `node --import tsx bench/pii-eval/dev-place-errors.ts`. Held-out sets are not read.
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

const types = (process.env.TYPES ?? 'LOCATION').split(',');
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
    for (const type of types) {
      const found = all.filter((p: PiiSpan) => p.type === type);
      const gold = item.spans.filter((g) => g.type === type);
      const used = new Set<number>();
      for (const g of gold) {
        const i = found.findIndex((p, k) => !used.has(k) && overlapsHalf(p, g));
        if (i >= 0) used.add(i);
        else
          process.stdout.write(
            `${part}\tmiss ${type}\t${JSON.stringify(item.text.slice(g.start, g.end))}\t${JSON.stringify(item.text)}\n`,
          );
      }
      found.forEach((p, k) => {
        if (used.has(k)) return;
        const other = item.spans.find((g) => g.start < p.end && p.start < g.end);
        const note = other ? ` (gold ${other.type})` : '';
        process.stdout.write(
          `${part}\textra ${type}\t${JSON.stringify(p.text)}${note}\t${JSON.stringify(item.text)}\n`,
        );
      });
    }
  }
