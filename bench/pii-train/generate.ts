// Labelled sentences for training (and our own held-out check of) the name and place tagger:
// the frames of frames.ts filled from one name pool of names.ts, written as typed or as an ASR
// transcript (lower case, no punctuation). Deterministic: same seed, same sentences.

import {
  DE_NOUNS,
  DE_WORDS,
  EN_WORDS,
  FIRST_NAMES,
  PLACES,
  SURNAMES,
} from '../../src/pii/data/gazetteer.js';
import { FUNCTION_WORDS } from '../../src/pii/function-words.js';
import { rng } from '../pii-eval/corpus.js';
import type { Labelled } from '../pii-eval/markup.js';
import { commonWords } from './common-words.js';
import { DE_DEV_FRAMES, EN_DEV_FRAMES } from './dev-frames.js';
import { DE_FRAMES, EN_FRAMES, ID_NOUNS, ROLE_NOUNS } from './frames.js';
import { evaluationWords, type NamePool } from './names.js';
import { type SyllableModel, syllableGiven, syllableSurname } from './syllables.js';

/** The evaluation sets' seeded generator (mulberry32): a seed fixes the whole corpus. */
export const seededRandom = rng;

interface Segment {
  readonly text: string;
  readonly type?: 'PERSON' | 'LOCATION';
}

// Surnames that are also everyday words ("Fuchs", "Baker"): names a list cannot settle.
const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const WORD_SURNAMES = (() => {
  const words = new Set([...lowerSet(DE_NOUNS), ...lowerSet(EN_WORDS)]);
  return SURNAMES.filter((s) => words.has(s.toLowerCase()));
})();

export interface GenerateOptions {
  readonly sentences: number;
  readonly seed: number;
  readonly pool: NamePool;
  /** Share of names and places taken from the gazetteer's own lists (in-distribution). */
  readonly gazetteerShare?: number;
  /** Share of texts that are strings of listed words without a frame; a tenth hold a name. */
  readonly saladShare?: number;
  /** Frames to fill (default: frames.ts, the training frames). */
  readonly frames?: { readonly de: readonly string[]; readonly en: readonly string[] };
  /** Origins whose names are made from syllables (syllables.ts), and their share of names. */
  readonly syllables?: Readonly<Record<string, SyllableModel>>;
  readonly syllableShare?: number;
}

let excluded: Set<string> | undefined;
/** Whether a made-up name shares a word with an evaluation set's names (then made anew). */
function clashes(name: string): boolean {
  excluded ??= evaluationWords();
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .some((w) => excluded!.has(w));
}

export function generateTraining(options: GenerateOptions): Labelled[] {
  const rnd = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const share = options.gazetteerShare ?? 0.2;
  const { pool } = options;
  const deNouns = DE_NOUNS.filter((w) => w.length > 2);
  const enWords = EN_WORDS.filter((w) => w.length > 2);
  const origins = Object.values(options.syllables ?? {});
  const syllableShare = origins.length > 0 ? (options.syllableShare ?? 0.35) : 0;
  // A made-up name that shares a word with an evaluation set is made anew; after 20 tries
  // (an origin whose few syllables the sets use, "bui", "le") a pool name stands in.
  const made = (make: (m: SyllableModel) => string, fallback: readonly string[]): string => {
    const model = pick(origins);
    for (let k = 0; k < 20; k++) {
      const n = make(model);
      if (!clashes(n)) return n;
    }
    return pick(fallback);
  };
  const first = () => {
    const r = rnd();
    if (r < share) return pick(FIRST_NAMES);
    if (r < share + syllableShare) return made((m) => syllableGiven(rnd, m), pool.first);
    return pick(pool.first);
  };
  const last = () => {
    const r = rnd();
    if (r < share / 2) return pick(WORD_SURNAMES);
    if (r < share) return pick(SURNAMES);
    if (r < share + syllableShare) return made((m) => syllableSurname(rnd, m), pool.last);
    return pick(pool.last);
  };
  // Name shapes beyond "given surname": two given names, a double surname, an initial.
  const fullName = (): string => {
    const r = rnd();
    if (r < 0.08) return `${first()} ${first()} ${last()}`;
    if (r < 0.14) return `${first()} ${last()}-${last()}`;
    if (r < 0.18) return `${first()[0]}. ${last()}`;
    return `${first()} ${last()}`;
  };
  const frames = options.frames ?? { de: DE_FRAMES, en: EN_FRAMES };
  const fill = (slot: string, lang: 'de' | 'en'): Segment => {
    switch (slot) {
      case 'F':
        return { text: first(), type: 'PERSON' };
      case 'S':
        return { text: last(), type: 'PERSON' };
      case 'FL':
        return { text: fullName(), type: 'PERSON' };
      case 'P':
        return rnd() < 0.6 ? fill('FL', lang) : fill('F', lang);
      case 'L':
        return { text: rnd() < share ? pick(PLACES) : pick(pool.places), type: 'LOCATION' };
      case 'Y':
        return { text: pick(ROLE_NOUNS[lang]) };
      case 'I':
        return { text: pick(ID_NOUNS[lang]) };
      case 'N':
        return { text: String(1 + Math.floor(rnd() * (rnd() < 0.5 ? 12 : 2000))) };
      default: {
        const w = lang === 'de' ? pick(deNouns) : pick(enWords);
        return { text: lang === 'de' ? w[0]!.toUpperCase() + w.slice(1) : w };
      }
    }
  };
  const frame = (lang: 'de' | 'en'): Segment[] => {
    const f = pick(lang === 'de' ? frames.de : frames.en);
    const out: Segment[] = [];
    let at = 0;
    for (const m of f.matchAll(/\{([A-Z]+)\}/g)) {
      out.push({ text: f.slice(at, m.index) });
      out.push(fill(m[1]!, lang));
      at = m.index + m[0].length;
    }
    out.push({ text: f.slice(at) });
    return out;
  };
  const deFunction = FUNCTION_WORDS;
  const common = commonWords([...DE_DEV_FRAMES, ...EN_DEV_FRAMES]);
  // Word strings: no grammar, but every word an ordinary one, capitalised as German writes
  // nouns, so the tagger meets many ordinary words it cannot know by spelling.
  const salad = (lang: 'de' | 'en'): Segment[] => {
    const n = 3 + Math.floor(rnd() * 8);
    const words: string[] = [];
    for (let k = 0; k < n; k++) {
      const r = rnd();
      if (r < 0.05) words.push(String(Math.floor(rnd() * 500)));
      else if (r < 0.35) words.push(pick(deFunction));
      else if (r < 0.55) words.push(pick(lang === 'de' ? common.de : common.en));
      else if (lang === 'de' && r < 0.7) {
        const w = pick(deNouns);
        words.push(w[0]!.toUpperCase() + w.slice(1));
      } else words.push(lang === 'de' ? pick(DE_WORDS) : pick(enWords));
    }
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    const out: Segment[] = [];
    const at = rnd() < 0.1 ? Math.floor(rnd() * n) : -1;
    words.forEach((w, k) => {
      if (k === at) out.push(fill(rnd() < 0.5 ? 'P' : 'L', lang), { text: ' ' });
      out.push({ text: k === n - 1 ? `${w}.` : `${w} ` });
    });
    return out;
  };
  const saladShare = options.saladShare ?? 0.4;
  const items: Labelled[] = [];
  for (let n = 0; n < options.sentences; n++) {
    const lang = rnd() < 0.5 ? 'de' : 'en';
    const spoken = rnd() < 0.5;
    const segments = rnd() < saladShare ? salad(lang) : frame(lang);
    if (rnd() < 0.3) segments.push({ text: ' ' }, ...frame(lang));
    items.push(render(segments, lang, spoken));
  }
  return items;
}

/** Joins segments into a text with exact spans; spoken: lower case, punctuation dropped. */
function render(segments: readonly Segment[], lang: 'de' | 'en', spoken: boolean): Labelled {
  let text = '';
  const spans: { start: number; end: number; type: string }[] = [];
  for (const s of segments) {
    let t = s.text;
    if (spoken) {
      t = t.toLowerCase();
      if (s.type === undefined) t = t.replace(/[.,!?;:"„“”]/g, '');
      else t = t.replace(/[.,]/g, '');
    }
    if (spoken && s.type === undefined) t = t.replace(/\s+/g, ' ');
    if (text.endsWith(' ') && t.startsWith(' ')) t = t.slice(1);
    if (s.type) spans.push({ start: text.length, end: text.length + t.length, type: s.type });
    text += t;
  }
  const trimmed = text.trimEnd();
  const lead = trimmed.length - trimmed.trimStart().length;
  return {
    text: trimmed.slice(lead),
    lang,
    kind: spoken ? 'spoken' : 'written',
    spans: spans.map((s) => ({ ...s, start: s.start - lead, end: s.end - lead })),
  };
}
