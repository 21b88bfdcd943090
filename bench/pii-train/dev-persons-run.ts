// `node --import tsx bench/pii-train/dev-persons-run.ts [--verbose]`: detectPii on our own
// persons and spoken-address development set (dev-persons.ts), per language and kind.
import { report } from '../pii-eval/evaluate.js';
import { devPersons } from './dev-persons.js';

const verbose = process.argv.includes('--verbose');
const items = devPersons();
for (const lang of ['de', 'en'] as const)
  for (const kind of ['written', 'spoken', 'spoken address'])
    if (items.some((x) => x.lang === lang && x.kind === kind))
      report(
        `Own persons set (dev-persons.ts), ${lang} ${kind}`,
        items.filter((x) => x.lang === lang && x.kind === kind),
        verbose,
      );
