// `node --import tsx bench/pii-train/dev.ts`: what the tagger's thresholds and training material
// were tuned on: detectPii on the in-distribution corpus, on fresh generated sentences from the
// training origins and from the held-out origins (DEV_LOCALES), and ordinary-word retention on
// PII-free demo text. Never the held-out or blind sets of bench/pii-eval.
import { generateCorpus } from '../pii-eval/corpus.js';
import { f, report } from '../pii-eval/evaluate.js';
import { ordinaryRetention } from '../pii-eval/ordinary.js';
import { devSets } from './dev-sets.js';

const verbose = process.argv.includes('--verbose');
report('Generated corpus (seed 1)', generateCorpus(40, 1), verbose);
const dev = devSets();
for (const kind of ['written', 'spoken']) {
  report(
    `Tagger's training origins, new sentences, ${kind}`,
    dev.trainOrigins.filter((x) => x.kind === kind),
    verbose,
  );
  report(
    `Tagger's held-out origins, ${kind}`,
    dev.heldOutOrigins.filter((x) => x.kind === kind),
    verbose,
  );
  report(
    `Held-out origins in held-out frames (dev-frames.ts), ${kind}`,
    dev.heldOutFrames.filter((x) => x.kind === kind),
    verbose,
  );
}
for (const r of ordinaryRetention())
  process.stdout.write(
    `${r.name}: ${r.words} words, kept ${f(r.kept)}; most taken: ${r.taken.join(', ') || '-'}\n`,
  );
