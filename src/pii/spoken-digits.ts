import { germanHundreds } from './spoken-ips.js';
import { gapOk } from './spoken-letters.js';
import { digitsOf, REPEAT, TENS_EN, UNITS_EN } from './spoken-numbers.js';
import type { Word } from './words.js';

/**
 * Reads the digits said from word k on, as a transcript writes a house number, a plate's
 * number or a year: digits, number words one by one or in groups ("zwölf vierunddreißig",
 * "forty two"), "double"/"doppel", German hundreds in one word ("hundertneununddreißig"),
 * English "one hundred and five". Stops at the first word that is none of these, or after
 * `maxWords` words. Undefined when word k starts no number.
 */
export function readDigits(
  text: string,
  words: readonly Word[],
  k: number,
  maxWords = 8,
): { digits: string; next: number } | undefined {
  let digits = '';
  let repeat = 1;
  let j = k;
  let prev = '';
  // The value of the current English "X hundred …" group, as digits, once "hundred" is said.
  let hundredAt = -1;
  while (j < words.length && j - k < maxWords) {
    const w = words[j]!;
    if (j > k && !gapOk(text, words[j - 1]!, w)) break;
    const lower = w.lower;
    const r = REPEAT[lower];
    if (r !== undefined) {
      const d = words[j + 1] ? digitsOf(words[j + 1]!.lower) : undefined;
      if (d === undefined || d.length !== 1) break;
      repeat = r;
      j++;
      continue;
    }
    if (lower === 'hundred' && digits.length > 0 && UNITS_EN[prev] !== undefined) {
      digits += '00';
      hundredAt = digits.length - 3;
      prev = lower;
      j++;
      continue;
    }
    if (lower === 'and' && prev === 'hundred') {
      j++;
      continue;
    }
    let d = digitsOf(lower);
    if (d === undefined) {
      const h = germanHundreds(lower) ?? germanThousands(lower);
      if (h !== undefined) d = String(h);
    }
    if (d === undefined || lower === 'ein') break;
    if (hundredAt >= 0 && d.length <= 2 && (prev === 'hundred' || prev === 'and')) {
      // "one hundred and five": the group's last two digits.
      digits = digits.slice(0, hundredAt + 1) + d.padStart(2, '0');
      hundredAt = -1;
    } else if (repeat === 1 && TENS_EN[prev] !== undefined && (UNITS_EN[lower] ?? 0) > 0) {
      // "twenty one" is 21.
      digits = digits.slice(0, -1) + d;
    } else {
      digits += d.repeat(repeat);
      hundredAt = -1;
    }
    repeat = 1;
    prev = lower;
    j++;
  }
  return digits.length > 0 ? { digits, next: j } : undefined;
}

/** "achttausendneunhundertdreizehn" → 8913, "zweitausendfünf" → 2005. */
function germanThousands(w: string): number | undefined {
  const m = /^(ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?tausend(.*)$/u.exec(w);
  if (!m) return undefined;
  const t = m[1] ? Number(digitsOf(m[1] === 'ein' ? 'eins' : m[1])) : 1;
  if (!m[2]) return t * 1000;
  const rest = digitsOf(m[2]) ?? germanHundreds(m[2]);
  return rest === undefined || Number(rest) > 999 ? undefined : t * 1000 + Number(rest);
}
