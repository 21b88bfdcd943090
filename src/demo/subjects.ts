import { hash3, Rng, Weighted } from './random.js';
import type { Language } from './text.js';

// The pool of people the corpus is about. A subject's attributes are a pure function of
// (seed, index), so items and consent events agree on who someone is without sharing state, and
// a million-item corpus never holds its 200,000 subjects in memory.

export const DEMO_PLATFORMS = ['instagram', 'facebook', 'x', 'voice-assistant'] as const;
export type Platform = (typeof DEMO_PLATFORMS)[number];
export type Age = 'adult' | 'minor' | 'unknown';

export interface Subject {
  readonly platform: Platform;
  readonly account: string;
  /** Absent for the ~2% of subjects whose platform export has no age field at all. */
  readonly age: Age | undefined;
  /** Usually upper-case ISO 3166-1 alpha-2; about 1% are written in lower case, as some exports do. */
  readonly region: string;
  /** The language this subject usually posts in. */
  readonly lang: Language;
}

/** Where the voice-assistant subjects sit in the pool; everyone else is on a social platform. */
export interface PoolLayout {
  readonly size: number;
  /** Subjects [0, social) are on instagram/facebook/x, [social, size) on the voice assistant. */
  readonly social: number;
}

const SALT_SUBJECT = 0x51b1ec75;
// One in five subjects uses a voice assistant; audio items are drawn from those only.
const VOICE_SHARE = 0.2;

const SOCIAL_PLATFORMS = new Weighted<Platform>([
  ['instagram', 45],
  ['facebook', 30],
  ['x', 25],
]);

// Mostly German-speaking and other EU users (the demo is about GDPR), then the EEA-only
// countries and a sizeable non-EU share so that region rules have something to decide.
const REGIONS = new Weighted<string>([
  ['DE', 32],
  ['AT', 6],
  ['FR', 5],
  ['NL', 5],
  ['IT', 4],
  ['ES', 4],
  ['PL', 4],
  ['SE', 2],
  ['BE', 2],
  ['IE', 2],
  ['DK', 1],
  ['FI', 1],
  ['PT', 1],
  ['CZ', 1],
  ['NO', 2],
  ['IS', 0.5],
  ['LI', 0.3],
  ['CH', 4],
  ['US', 10],
  ['GB', 6],
  ['BR', 2],
  ['IN', 2],
  ['JP', 1.5],
  ['CA', 1.5],
  ['AU', 1],
  ['TR', 1],
]);
const GERMAN_SPEAKING = new Set(['DE', 'AT', 'CH', 'LI']);

const AGES = new Weighted<Age | undefined>([
  ['adult', 92],
  ['minor', 3],
  ['unknown', 3],
  [undefined, 2],
]);

export function poolLayout(size: number): PoolLayout {
  return { size, social: size - Math.floor(size * VOICE_SHARE) };
}

// One instance, reseeded per call: subjectAt runs once per item and should not allocate.
const subjectRng = new Rng(0);

export function subjectAt(key: number, layout: PoolLayout, index: number): Subject {
  const rng = subjectRng.reseed(hash3(key, SALT_SUBJECT, index));
  const platform = index >= layout.social ? 'voice-assistant' : SOCIAL_PLATFORMS.pick(rng);
  const code = REGIONS.pick(rng);
  const age = AGES.pick(rng);
  const native: Language = GERMAN_SPEAKING.has(code) ? 'de' : 'en';
  const other: Language = native === 'de' ? 'en' : 'de';
  // Outside the German-speaking countries some people still post in German (expats, learners).
  const lang = rng.chance(GERMAN_SPEAKING.has(code) ? 0.92 : 0.85) ? native : other;
  const region = rng.chance(0.01) ? code.toLowerCase() : code;
  return { platform, account: accountOf(key, platform, index), age, region, lang };
}

/**
 * Picks the subject an item is about from the part of the pool that can produce it (audio only
 * from voice-assistant users). A few "power users" post far more than others, like on real
 * platforms; returns -1 when that part of the pool is empty.
 */
export function pickSubjectIndex(rng: Rng, layout: PoolLayout, voice: boolean): number {
  const start = voice ? layout.social : 0;
  const count = voice ? layout.size - layout.social : layout.social;
  if (count <= 0) return -1;
  const heavy = Math.max(1, Math.floor(count * 0.02));
  return start + (rng.chance(0.15) ? rng.int(heavy) : rng.int(count));
}

/**
 * Platform account ids. The index is scrambled by a bijection on [0, 2^31) (xor, then multiply
 * by an odd constant modulo 2^31), so ids look random yet never collide within a pool.
 */
function accountOf(key: number, platform: Platform, index: number): string {
  const scrambled = Math.imul((index ^ key) & 0x7fffffff, 0x2c1b3c6d) & 0x7fffffff;
  switch (platform) {
    case 'instagram':
      return String(17_841_000_000_000 + scrambled);
    case 'facebook':
      return `1000${String(scrambled).padStart(11, '0')}`;
    case 'x':
      return String(1_200_000_000 + scrambled);
    case 'voice-assistant':
      return `va-${scrambled.toString(16).padStart(8, '0')}`;
  }
}
