// `node --import tsx bench/pii-train/dev-structured-run.ts [--verbose] [--sample]`: detectPii
// on our own structured-type development set (dev-structured.ts), per language and form.
import { report } from '../pii-eval/evaluate.js';
import { devStructured } from './dev-structured.js';

const verbose = process.argv.includes('--verbose');
const items = devStructured();
if (process.argv.includes('--sample'))
  for (const x of items.filter((_, i) => i % 9 === 0))
    process.stdout.write(`${x.kind} ${x.text}\n`);
for (const lang of ['de', 'en'] as const)
  for (const kind of ['written', 'spoken'] as const)
    report(
      `Own structured set (dev-structured.ts), ${kind}, ${lang}`,
      items.filter((x) => x.lang === lang && x.kind === kind),
      verbose,
    );
