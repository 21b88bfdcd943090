// `node --import tsx bench/pii-speed-check.ts`: one SHA-256 over every span detectPii returns
// on every text the evaluation and training generators make (the bench's corpus, the generated
// corpus, the hard cases, the held-out and blind sets, the spoken structured set, the tagger's
// training and dev sentences, PII-free demo text), each text alone, in groups of ten joined by
// newlines (longer texts take other paths through the gates) and with its language given.
// Throughput work must leave this digest unchanged: a faster detector that finds other spans
// is another detector. Prints digests and counts only, never a text or a span's value: the
// held-out sets are evaluation data.
import { createHash } from 'node:crypto';
import { Grammar, type GrammarSource } from '../src/demo/grammar.js';
import { Rng } from '../src/demo/random.js';
import { GERMAN } from '../src/demo/words-de.js';
import { ENGLISH } from '../src/demo/words-en.js';
import { ENGLISH_VOICE, GERMAN_VOICE } from '../src/demo/words-voice.js';
import { detectPii } from '../src/pii/index.js';
import { generateBlind } from './pii-eval/blind.js';
import { generateBlind2 } from './pii-eval/blind2.js';
import { generateBlind3 } from './pii-eval/blind3.js';
import { generateBlind4 } from './pii-eval/blind4.js';
import { generateCorpus } from './pii-eval/corpus.js';
import { HARD_CASES } from './pii-eval/hard-cases.js';
import { generateHeldOut } from './pii-eval/held-out.js';
import type { Labelled } from './pii-eval/markup.js';
import { spokenStructured } from './pii-eval/spoken-structured.js';
import { devSets } from './pii-train/dev-sets.js';
import { generateTraining } from './pii-train/generate.js';
import { namePools } from './pii-train/names.js';
import { DEV_ORIGINS, TRAIN_ORIGINS } from './pii-train/syllables.js';
import { TRAINING } from './pii-train/train.js';

const training = process.argv.includes('--no-training') ? 0 : TRAINING.sentences;

function demoTexts(): Labelled[] {
  const sources: readonly [GrammarSource, string, 'de' | 'en'][] = [
    [GERMAN, 'sentence', 'de'],
    [ENGLISH, 'sentence', 'en'],
    [GERMAN_VOICE, 'utterance', 'de'],
    [ENGLISH_VOICE, 'utterance', 'en'],
  ];
  return sources.flatMap(([source, rule, lang]) => {
    const grammar = new Grammar(source);
    const rng = new Rng(5);
    return Array.from({ length: 1000 }, () => ({
      text: grammar.render(rng, rule),
      lang,
      kind: 'demo',
      spans: [],
    }));
  });
}

const pools = namePools();
const dev = devSets();
const sets: [string, readonly Labelled[]][] = [
  ['bench corpus (100, seed 7)', generateCorpus(100, 7)],
  ['generated corpus (40, seed 1)', generateCorpus(40, 1)],
  ['hard cases', HARD_CASES],
  ['held-out (seed 11)', generateHeldOut(20, 11)],
  ['blind (seed 23)', generateBlind(10, 23)],
  ['blind2 (seed 47)', generateBlind2(10, 47)],
  ['blind3 (seed 71)', generateBlind3(8, 71)],
  ['blind4 (seed 89)', generateBlind4(8, 89)],
  ['spoken structured (seed 1729)', spokenStructured(100, 1729)],
  ['tagger dev, training origins', dev.trainOrigins],
  ['tagger dev, held-out origins', dev.heldOutOrigins],
  ['tagger dev, held-out frames', dev.heldOutFrames],
  ['demo grammars (seed 5)', demoTexts()],
  [
    `training sentences (${training}, seed ${TRAINING.seed})`,
    generateTraining({
      sentences: training,
      seed: TRAINING.seed,
      pool: pools.train,
      syllables: TRAIN_ORIGINS,
    }),
  ],
  [
    'training generator, held-out origins (2000, seed 99)',
    generateTraining({
      sentences: 2000,
      seed: 99,
      pool: pools.dev,
      gazetteerShare: 0,
      syllables: DEV_ORIGINS,
    }),
  ],
];

const all = createHash('sha256');
const withScores = createHash('sha256');
let texts = 0;
let spans = 0;
let chars = 0;
const cpu0 = process.cpuUsage();
for (const [name, items] of sets) {
  const set = createHash('sha256');
  let setSpans = 0;
  const run = (text: string, lang?: 'de' | 'en') => {
    const found = detectPii(text, lang ? { lang } : {});
    const line = `${found.map((s) => `${s.start},${s.end},${s.type}`).join(';')}\n`;
    all.update(line);
    set.update(line);
    withScores.update(
      `${found.map((s) => `${s.start},${s.end},${s.type},${s.score},${s.text.length}`).join(';')}\n`,
    );
    texts++;
    chars += text.length;
    spans += found.length;
    setSpans += found.length;
  };
  for (const item of items) run(item.text);
  for (const item of items) run(item.text, item.lang);
  for (let i = 0; i < items.length; i += 10)
    run(
      items
        .slice(i, i + 10)
        .map((x) => x.text)
        .join('\n'),
    );
  process.stdout.write(
    `${name}: ${items.length} texts, ${setSpans} spans, ${set.digest('hex').slice(0, 16)}\n`,
  );
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `all: ${texts} detector runs, ${chars} characters, ${spans} spans, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s\n` +
    `sha256 (start, end, type): ${all.digest('hex')}\n` +
    `sha256 (with score and length): ${withScores.digest('hex')}\n`,
);
