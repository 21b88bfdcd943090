import { findSpokenEmails, mightHaveSpokenEmail } from './spoken-emails.js';
import { findSpokenIbans } from './spoken-ibans.js';
import { findSpokenIps, mightHaveSpokenIp } from './spoken-ips.js';
import { findNumberRuns, worthALook } from './spoken-number-runs.js';
import { type Normalised, type Replacement, sortedSegments } from './spoken-replacements.js';
import { WordHint } from './word-hints.js';
import { splitWords, type Word } from './words.js';

/** Before the spoken e-mail and IP gates (`SPOKEN_DOT`, `SPOKEN_DOT_ANY`), by word. */
export const SPOKEN_DOT_WORD_HINT = new WordHint(/^(?:punkt|dot|point)$/i);

/**
 * Spoken-form normalisation for transcripts: "null eins sieben eins …" → "0171…",
 * "max punkt müller at gmx punkt de" → "max.müller@gmx.de", "double four seven" → "447".
 * The structured recognizers run on the normalised text; `toOriginal` maps their spans back.
 */

/** Returns undefined when nothing in the text is spoken-form (the common, written case). */
export function normaliseSpoken(
  text: string,
  words: readonly Word[] = splitWords(text),
): Normalised | undefined {
  const replacements: Replacement[] = [];
  // Both gates need "punkt", "dot" or "point" between white space: a word of its own.
  const dots = SPOKEN_DOT_WORD_HINT.mayHold(words);
  if (dots && mightHaveSpokenEmail(text)) findSpokenEmails(text, replacements);
  if (dots && mightHaveSpokenIp(text)) findSpokenIps(text, words, replacements);
  // Before the number runs: an IBAN's digits are its own, not a phone number's.
  if (worthALook(text, words)) {
    findSpokenIbans(text, words, replacements);
    findNumberRuns(text, words, replacements);
  }
  if (replacements.length === 0) return undefined;
  return sortedSegments(text, replacements);
}
