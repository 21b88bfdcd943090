import { Grammar } from './grammar.js';
import { type Rng, Weighted } from './random.js';
import { GERMAN } from './words-de.js';
import { ENGLISH } from './words-en.js';
import { ENGLISH_VOICE, GERMAN_VOICE } from './words-voice.js';

// Turns the grammars into the three kinds of text an item carries. The length distributions
// are tuned so that a benchmark-shaped corpus averages roughly 500 bytes per JSON line.

export type Language = 'de' | 'en';

const POSTS: Record<Language, Grammar> = { de: new Grammar(GERMAN), en: new Grammar(ENGLISH) };
const VOICE: Record<Language, Grammar> = {
  de: new Grammar(GERMAN_VOICE),
  en: new Grammar(ENGLISH_VOICE),
};

const SENTENCES = new Weighted([
  [1, 45],
  [2, 35],
  [3, 15],
  [4, 5],
] as const);
const HASHTAGS = new Weighted([
  [0, 45],
  [1, 25],
  [2, 20],
  [3, 10],
] as const);

/** A social-media post of one to four sentences, sometimes with an emoji and hashtags. */
export function socialPost(rng: Rng, lang: Language): string {
  const grammar = POSTS[lang];
  let text = grammar.render(rng, 'sentence');
  for (let n = SENTENCES.pick(rng); n > 1; n--) text += ` ${grammar.render(rng, 'sentence')}`;
  if (rng.chance(0.3)) text += ` ${grammar.render(rng, 'emoji')}`;
  return text + hashtags(rng, grammar);
}

/** An image caption: short, sometimes followed by a sentence and hashtags, like real uploads. */
export function imageCaption(rng: Rng, lang: Language): string {
  const grammar = POSTS[lang];
  let text = grammar.render(rng, 'caption');
  if (rng.chance(0.35)) text += ` ${grammar.render(rng, 'sentence')}`;
  return text + hashtags(rng, grammar);
}

/** A voice-assistant utterance: lower case and unpunctuated, as recognisers emit them. */
export function transcript(rng: Rng, lang: Language): string {
  return VOICE[lang].render(rng, 'utterance');
}

function hashtags(rng: Rng, grammar: Grammar): string {
  let text = '';
  for (let n = HASHTAGS.pick(rng); n > 0; n--) {
    const tag = grammar.render(rng, 'hashtag');
    // A repeated tag looks machine-made; skipping it just makes the post one tag shorter.
    if (!text.includes(tag)) text += ` ${tag}`;
  }
  return text;
}
