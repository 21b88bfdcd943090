// `npm run eval:pii`: precision, recall and F1 per entity type and language on the generated
// (in-distribution) corpus, the hand-written hard cases and the held-out corpus (names, places
// and frames the detector was not built from; written and spoken), the blind sets still held out
// (1-6 and 11), the four retired to dev data (7, 8, 9 and 10), and the
// share of ordinary words kept on PII-free demo text, with the npm package redact-pii side by
// side.

import { devSets } from '../pii-train/dev-sets.js';
import { generateBlind } from './blind.js';
import { generateBlind2 } from './blind2.js';
import { generateBlind3 } from './blind3.js';
import { generateBlind4 } from './blind4.js';
import { generateBlind5 } from './blind5.js';
import { generateBlind6 } from './blind6.js';
import { generateBlind7 } from './blind7.js';
import { generateBlind8 } from './blind8.js';
import { generateBlind9 } from './blind9.js';
import { generateBlind10 } from './blind10.js';
import { generateBlind11 } from './blind11.js';
import { generateCorpus } from './corpus.js';
import { f, report } from './evaluate.js';
import { HARD_CASES } from './hard-cases.js';
import { generateHeldOut } from './held-out.js';
import type { Labelled } from './markup.js';
import { ordinaryRetention } from './ordinary.js';

const verbose = process.argv.includes('--verbose');
// `--dev` prints only what may be read while tuning (the generated corpus, the hard cases, the
// retired sets 7-10, the tagger's sentences, ordinary words): the held-out sets stay unseen.
const devOnly = process.argv.includes('--dev');
const heldOut = (title: string, items: readonly Labelled[], v: boolean): void => {
  if (!devOnly) report(title, items, v);
};
/** A set's four parts (language × kind), each shown by `show` under its own title. */
const byPart = (
  show: typeof report,
  items: readonly Labelled[],
  title: (kind: string, lang: string) => string,
): void => {
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const)
      show(
        title(kind, lang),
        items.filter((x) => x.lang === lang && x.kind === kind),
        verbose,
      );
};
report('Generated corpus (seed 1)', generateCorpus(40, 1), verbose);
report('Hard cases (hand-written)', HARD_CASES, verbose);
const heldOutCorpus = generateHeldOut(20, 11);
heldOut(
  'Held-out corpus, written (seed 11)',
  heldOutCorpus.filter((x) => x.kind === 'written'),
  verbose,
);
heldOut(
  'Held-out corpus, spoken: lower case, no punctuation (seed 11)',
  heldOutCorpus.filter((x) => x.kind === 'spoken'),
  verbose,
);
const blind = generateBlind(10, 23);
heldOut(
  'Held-out, blind frames (written after the frame rules; first-run figures in BENCHMARKS.md), written',
  blind.filter((x) => x.kind === 'written'),
  verbose,
);
heldOut(
  'Held-out, blind frames, spoken',
  blind.filter((x) => x.kind === 'spoken'),
  verbose,
);
const blind2 = generateBlind2(10, 47);
heldOut(
  'Held-out, second blind set (seed 47; measured only before and after one change), written',
  blind2.filter((x) => x.kind === 'written'),
  verbose,
);
heldOut(
  'Held-out, second blind set, spoken',
  blind2.filter((x) => x.kind === 'spoken'),
  verbose,
);
byPart(
  heldOut,
  generateBlind3(8, 71),
  (kind, lang) =>
    `Held-out, third blind set (seed 71; written without reading the detector), ${kind}, ${lang}`,
);
byPart(
  heldOut,
  generateBlind4(8, 89),
  (kind, lang) =>
    `Held-out, fourth blind set (seed 89; written without reading the detector or the other sets), ${kind}, ${lang}`,
);
byPart(
  heldOut,
  generateBlind5(8, 113),
  (kind, lang) =>
    `Held-out, fifth blind set (seed 113; written without reading the detector or the other sets' lists), ${kind}, ${lang}`,
);
byPart(
  heldOut,
  generateBlind6(8, 137),
  (kind, lang) =>
    `Held-out, sixth blind set (seed 137; written without reading the detector, no name or place shared with the other sets), ${kind}, ${lang}`,
);
byPart(
  report,
  generateBlind7(8, 151),
  (kind, lang) =>
    `Dev (formerly the seventh blind set, seed 151; its errors read from session 11 on), ${kind}, ${lang}`,
);
byPart(
  report,
  generateBlind8(8, 173),
  (kind, lang) =>
    `Dev (formerly the eighth blind set, seed 173; its errors read from session 11 on), ${kind}, ${lang}`,
);
byPart(
  report,
  generateBlind9(8, 197),
  (kind, lang) =>
    `Dev (formerly the ninth blind set, seed 197; its errors read from session 12 on), ${kind}, ${lang}`,
);
byPart(
  report,
  generateBlind10(8, 223),
  (kind, lang) =>
    `Dev (formerly the tenth blind set, seed 223; its errors read from session 13 on), ${kind}, ${lang}`,
);
byPart(
  heldOut,
  generateBlind11(8, 241),
  (kind, lang) =>
    `Held-out, eleventh blind set (seed 241; written blind, no name or place shared with the other sets), ${kind}, ${lang}`,
);
const tagger = devSets();
for (const kind of ['written', 'spoken'])
  for (const [label, items] of [
    ['training origins (another seed)', tagger.trainOrigins],
    ['origins held out of training', tagger.heldOutOrigins],
    ['origins and frames held out of training', tagger.heldOutFrames],
  ] as const)
    report(
      `Tagger's own generated sentences (bench/pii-train), ${label}, ${kind}`,
      items.filter((x) => x.kind === kind),
      verbose,
    );
process.stdout.write(
  '\nOrdinary words kept on text with no personal data (src/demo grammars, towns replaced; PERSON and LOCATION findings):\n',
);
for (const r of ordinaryRetention())
  process.stdout.write(
    `${r.name}: ${r.words} words, kept ${f(r.kept)}; most taken: ${r.taken.join(', ') || '-'}\n`,
  );
