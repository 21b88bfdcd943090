import { digitsOf, NUMBER_WORD_SOURCE, TENS_EN, UNITS_EN } from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';

/** Spoken e-mail addresses: "max punkt müller at gmx punkt de" → "max.müller@gmx.de". */

// A local part may end in a number said as words: "anna punkt hase zweiundvierzig at …".
const SPOKEN_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}]+(?:\\s+(?:punkt|dot|point|unterstrich|underscore|minus|bindestrich|dash|hyphen)\\s+[\\p{L}\\p{N}]+)*(?:\\s+${NUMBER_WORD_SOURCE}(?![\\p{L}])){0,3})\\s+(?:at|ät|@|klammeraffe)\\s+([\\p{L}\\p{N}]+(?:\\s+(?:punkt|dot)\\s+[\\p{L}\\p{N}]+)+)(?![\\p{L}\\p{N}])`,
  'giu',
);
const SEPARATORS: Record<string, string> = {
  punkt: '.',
  dot: '.',
  point: '.',
  unterstrich: '_',
  underscore: '_',
  minus: '-',
  bindestrich: '-',
  dash: '-',
  hyphen: '-',
};

// Cheap tests that gate the spoken e-mail pattern.
const SPOKEN_AT = /\s(?:at|ät|@|klammeraffe)\s/i;
const SPOKEN_DOT = /\s(?:punkt|dot)\s/i;

/** Whether the text says "at" and "punkt"/"dot" between spaces: the gate of `findSpokenEmails`. */
export function mightHaveSpokenEmail(text: string): boolean {
  return SPOKEN_AT.test(text) && SPOKEN_DOT.test(text);
}

export function findSpokenEmails(text: string, replacements: Replacement[]): void {
  for (const m of text.matchAll(SPOKEN_EMAIL)) {
    const parts = /^([\s\S]*)\s+(?:at|ät|@|klammeraffe)\s+([\s\S]*)$/iu.exec(m[0]);
    if (!parts) continue;
    const local = parts[1]!;
    const domain = parts[2]!;
    const value = `${joinLocal(local)}@${domain.replace(/\s+(?:punkt|dot)\s+/giu, '.')}`;
    replacements.push({ start: m.index, end: m.index + m[0].length, value });
  }
}

/** "anna punkt hase zwei und vierzig" → "anna.hase42": separators become characters, numbers digits. */
function joinLocal(local: string): string {
  const words = local.split(/\s+/);
  let out = '';
  let prevTens = false;
  for (const w of words) {
    const lower = w.toLowerCase();
    const separator = SEPARATORS[lower];
    if (separator !== undefined) {
      out += separator;
      prevTens = false;
      continue;
    }
    const d = out.length > 0 && !/[._-]$/.test(out) ? digitsOf(lower) : undefined;
    if (d !== undefined) {
      // "forty one" is 41.
      if (prevTens && (UNITS_EN[lower] ?? 0) > 0) out = out.slice(0, -1) + d;
      else out += d;
      prevTens = TENS_EN[lower] !== undefined;
    } else {
      out += w;
      prevTens = false;
    }
  }
  return out;
}
