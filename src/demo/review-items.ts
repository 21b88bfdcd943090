import { Grammar } from './grammar.js';
import { iso } from './items.js';
import { demoCorpusOptions, resolveOptions } from './options.js';
import { hash3, Rng } from './random.js';
import { type Subject, subjectAt } from './subjects.js';
import { type Language, transcript } from './text.js';
import { synthesise, synthVoice, type TimedUtterance, wordTimings } from './voice-synth.js';
import { ENGLISH_VOICE, GERMAN_VOICE } from './words-voice.js';

// The voice recordings of `obhut demo --review`: voice-assistant utterances by the demo corpus's
// own voice-assistant subjects, most with a planted name, phone number or street address, each
// with word timings and a synthetic recording (src/demo/voice-synth.ts). The planted values are
// returned with each item, so a test or a curious reader can check that the reviewer's view and
// audio hide them. Everything is a pure function of (seed, corpus items, count).

export type PlantedType = 'PERSON' | 'PHONE' | 'ADDRESS';

/** A value put into a transcript on purpose, with its position in the transcript's words. */
export interface PlantedValue {
  readonly type: PlantedType;
  readonly text: string;
  /** Index of its first word in the transcript's `words`, and how many words it spans. */
  readonly word: number;
  readonly words: number;
}

export interface ReviewDemoItem {
  readonly id: string;
  /** The item record (v1): kind audio, `text`, `media`, `transcript.words`, subject, source. */
  readonly record: Record<string, unknown>;
  /** Where the record's `media` points, relative to the items file. */
  readonly media: string;
  readonly samples: Float32Array;
  readonly sampleRate: number;
  readonly planted: readonly PlantedValue[];
  /** The speaker's number among the demo's speakers (several items share one voice). */
  readonly speaker: number;
}

export interface ReviewDemo {
  readonly items: readonly ReviewDemoItem[];
  /** Consent events (v1 lines): `human_review` objections of some of the speakers. */
  readonly events: readonly string[];
  readonly speakers: number;
  /** The speakers who objected to human review (their items are left out of the queue). */
  readonly objectors: number;
}

export interface ReviewDemoOptions {
  /** The demo's seed and corpus size: the speakers are that corpus's voice-assistant subjects. */
  readonly seed: number;
  readonly corpusItems: number;
  /** Number of recordings. */
  readonly count: number;
}

const SALT_REVIEW = 0x7e1e0001;
const ITEMS_PER_SPEAKER = 3;
// One planted-PII utterance in six is left plain: not every recording names someone.
const PLAIN_SHARE = 1 / 6;
const RECORDED_START = Date.UTC(2025, 3, 1);
const OBJECTION_AT = '2025-12-31T18:00:00Z';

const VOICE: Record<Language, Grammar> = {
  de: new Grammar(GERMAN_VOICE),
  en: new Grammar(ENGLISH_VOICE),
};

// Templates: {NAME}, {FIRST}, {PHONE} and {STREET} are planted; lower-case slots are rules of the
// demo's voice grammar (src/demo/words-voice.ts).
const TEMPLATES: Record<Language, readonly string[]> = {
  de: [
    '{wake} ruf {NAME} an',
    '{wake} ruf {NAME} an unter {PHONE}',
    '{wake} speichere {NAME} mit der nummer {PHONE}',
    '{wake} mein name ist {NAME} und meine nummer ist {PHONE}',
    '{wake} navigiere zur {STREET}',
    '{wake} bestell ein taxi in die {STREET}',
    '{wake} schick {FIRST} eine nachricht dass ich {wann} später komme',
    '{wake} erinnere mich {wann} an den geburtstag von {NAME}',
    '{wake} ich wohne in der {STREET} in {stadt}',
  ],
  en: [
    '{wake} call {NAME}',
    '{wake} call {NAME} on {PHONE}',
    '{wake} save {NAME} with the number {PHONE}',
    '{wake} my name is {NAME} and my number is {PHONE}',
    '{wake} navigate to {STREET}',
    '{wake} book a taxi to {STREET}',
    '{wake} send a message to {FIRST} saying i will be late',
    '{wake} remind me {when} to call {NAME}',
    '{wake} i live at {STREET} in {city}',
  ],
};

const FIRST_NAMES: Record<Language, readonly string[]> = {
  de: ['anna', 'lena', 'marie', 'sophie', 'laura', 'jonas', 'lukas', 'felix', 'paul', 'tobias'],
  en: ['emily', 'olivia', 'charlotte', 'amelia', 'jessica', 'james', 'oliver', 'harry', 'george'],
};
const SURNAMES: Record<Language, readonly string[]> = {
  de: ['schmidt', 'becker', 'hoffmann', 'wagner', 'schulz', 'neumann', 'krüger', 'lehmann'],
  en: ['clarke', 'wilson', 'thompson', 'robinson', 'hughes', 'edwards', 'walker', 'jackson'],
};
const STREETS: Record<Language, readonly string[]> = {
  de: ['goethestraße', 'schillerstraße', 'lindenstraße', 'bahnhofstraße', 'hauptstraße'],
  en: ['baker street', 'station road', 'church lane', 'victoria road', 'mill lane'],
};
const HOUSE_NUMBERS: Record<Language, readonly string[]> = {
  de: ['drei', 'fünf', 'sieben', 'zwölf', 'siebzehn', 'dreiundzwanzig', 'vierzig', 'elf'],
  // Two-word numbers: the detector does not read "twelve baker street", a spoken one-word house
  // number, as an address (a known gap); the demo plants what it is meant to catch.
  en: [
    'twenty one',
    'forty two',
    'thirty five',
    'sixty eight',
    'twenty seven',
    'fifty three',
    'ninety one',
    'thirty two',
  ],
};
// Numbers from the ranges set aside for films and fiction (Germany: 030 23125, 069 90009,
// 040 66969, 089 99998, 0221 4710; UK: 07700 900, 020 7946 0, 0161 496 0), so no real line.
const PHONE_PREFIXES: Record<Language, readonly string[]> = {
  de: ['03023125', '06990009', '04066969', '08999998', '02214710'],
  en: ['07700900', '02079460', '01614960'],
};
const DIGITS: Record<Language, readonly string[]> = {
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  en: ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
};

/** The recordings, their records and the objections of `obhut demo --review`. */
export function reviewDemo(options: ReviewDemoOptions): ReviewDemo {
  if (!Number.isSafeInteger(options.count) || options.count < 1)
    throw new RangeError(`count must be a positive integer, got ${options.count}`);
  const corpus = resolveOptions(demoCorpusOptions(options.seed, options.corpusItems));
  const { key, layout } = corpus;
  const rng = new Rng(hash3(key, SALT_REVIEW, options.count));
  // The speakers: distinct voice-assistant subjects of the demo corpus, a few items each.
  const pool = layout.size - layout.social;
  if (pool < 1) throw new RangeError('the demo corpus has no voice-assistant subjects');
  const speakerCount = Math.min(pool, Math.max(2, Math.ceil(options.count / ITEMS_PER_SPEAKER)));
  const chosen = new Set<number>();
  while (chosen.size < speakerCount) chosen.add(layout.social + rng.int(pool));
  const speakers = [...chosen].map((index) => ({
    index,
    subject: subjectAt(key, layout, index),
  }));
  // About one speaker in four objected to human review; at least one, so the demo shows it.
  const objectors = Math.max(1, Math.round(speakerCount / 4));
  const events = speakers.slice(speakerCount - objectors).map(({ subject }, n) =>
    JSON.stringify({
      platform: subject.platform,
      account: subject.account,
      purpose: 'human_review',
      action: 'object',
      at: OBJECTION_AT,
      channel: 'portal',
      reference: `DSR-2025-${String(900_100 + n)}`,
    }),
  );

  const items: ReviewDemoItem[] = [];
  for (let i = 0; i < options.count; i++) {
    const speaker = i % speakerCount;
    const { index, subject } = speakers[speaker]!;
    const lang: Language = rng.chance(0.9) ? subject.lang : subject.lang === 'de' ? 'en' : 'de';
    const utterance = rng.chance(PLAIN_SHARE)
      ? { words: words(transcript(rng, lang)), planted: [] }
      : plantedUtterance(rng, lang);
    const voice = synthVoice(hash3(key, SALT_REVIEW, index));
    const itemSeed = hash3(key, SALT_REVIEW + 1, i);
    const timed = wordTimings(utterance.words, voice, itemSeed);
    const samples = synthesise(timed, voice, itemSeed);
    const id = `va-rec-${String(i + 1).padStart(4, '0')}`;
    const media = `audio/${id}.wav`;
    items.push({
      id,
      record: record(id, media, lang, subject, timed, rng),
      media,
      samples,
      sampleRate: 16_000,
      planted: utterance.planted,
      speaker,
    });
  }
  return { items, events, speakers: speakerCount, objectors };
}

/** A transcript with planted values, as words, and where the planted values sit. */
export function plantedUtterance(
  rng: Rng,
  lang: Language,
): { words: string[]; planted: PlantedValue[] } {
  const out: string[] = [];
  const planted: PlantedValue[] = [];
  const plant = (type: PlantedType, text: string) => {
    const parts = words(text);
    planted.push({ type, text: parts.join(' '), word: out.length, words: parts.length });
    out.push(...parts);
  };
  const first = rng.pick(FIRST_NAMES[lang]);
  for (const part of rng.pick(TEMPLATES[lang]).split(' ')) {
    switch (part) {
      case '{NAME}':
        plant('PERSON', `${first} ${rng.pick(SURNAMES[lang])}`);
        break;
      case '{FIRST}':
        plant('PERSON', first);
        break;
      case '{PHONE}':
        plant('PHONE', spokenPhone(rng, lang));
        break;
      case '{STREET}':
        plant(
          'ADDRESS',
          lang === 'de'
            ? `${rng.pick(STREETS.de)} ${rng.pick(HOUSE_NUMBERS.de)}`
            : `${rng.pick(HOUSE_NUMBERS.en)} ${rng.pick(STREETS.en)}`,
        );
        break;
      default: {
        const slot = /^\{([a-z_]+)\}$/.exec(part);
        out.push(...words(slot ? VOICE[lang].render(rng, slot[1]!) : part));
      }
    }
  }
  return { words: out, planted };
}

/** A phone number from a fictional range, said digit by digit. */
function spokenPhone(rng: Rng, lang: Language): string {
  let digits = rng.pick(PHONE_PREFIXES[lang]);
  while (digits.length < 11) digits += String(rng.int(10));
  return [...digits].map((d) => DIGITS[lang][Number(d)]!).join(' ');
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function record(
  id: string,
  media: string,
  lang: Language,
  subject: Subject,
  timed: TimedUtterance,
  rng: Rng,
): Record<string, unknown> {
  const recordedMs = RECORDED_START + rng.int(30 * 86_400) * 1000;
  const subjectJson: Record<string, string> = {
    platform: subject.platform,
    account: subject.account,
  };
  if (subject.age !== undefined) subjectJson.age = subject.age;
  subjectJson.region = subject.region;
  return {
    id,
    kind: 'audio',
    text: timed.words.map((w) => w.text).join(' '),
    media,
    subject: subjectJson,
    created_at: iso(recordedMs),
    source: {
      url: `https://assistant.example.net/history/${subject.account}/${id}`,
      collected_at: iso(recordedMs + 86_400_000),
      collector: 'va-export@1.8',
      dataset: 'assistant-recordings@2025.04',
      license: 'proprietary',
      legal_basis: 'consent',
    },
    lang,
    duration_ms: Math.round(timed.duration * 1000),
    transcript: { words: timed.words },
  };
}
