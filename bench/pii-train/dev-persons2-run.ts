// `node --import tsx bench/pii-train/dev-persons2-run.ts [--verbose]`: detectPii on our own
// ninth-round persons development set (dev-persons2.ts), per language and kind.
import { report } from '../pii-eval/evaluate.js';
import { devPersons2 } from './dev-persons2.js';

const verbose = process.argv.includes('--verbose');
const items = devPersons2();
for (const lang of ['de', 'en'] as const)
  for (const kind of ['written', 'spoken'])
    report(
      `Own persons set 2 (dev-persons2.ts), ${lang} ${kind}`,
      items.filter((x) => x.lang === lang && x.kind === kind),
      verbose,
    );
