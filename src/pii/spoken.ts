import { findSpokenEmails, mightHaveSpokenEmail } from './spoken-emails.js';
import { findSpokenIbans } from './spoken-ibans.js';
import { findSpokenIps, mightHaveSpokenIp } from './spoken-ips.js';
import { findNumberRuns, worthALook } from './spoken-number-runs.js';
import { type Normalised, type Replacement, sortedSegments } from './spoken-replacements.js';
import { splitWords, type Word } from './words.js';

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
  if (mightHaveSpokenEmail(text)) findSpokenEmails(text, replacements);
  if (mightHaveSpokenIp(text)) findSpokenIps(text, words, replacements);
  // Before the number runs: an IBAN's digits are its own, not a phone number's.
  if (worthALook(text, words)) {
    findSpokenIbans(text, words, replacements);
    findNumberRuns(text, words, replacements);
  }
  if (replacements.length === 0) return undefined;
  return sortedSegments(text, replacements);
}
