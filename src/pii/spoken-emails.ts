import { digitsOf, TENS_EN, UNITS_EN } from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';

/** Spoken e-mail addresses: "max punkt müller at gmx punkt de" → "max.müller@gmx.de". */

// Words that start no local part: the cue and the words around it ("meine e-mail ist …",
// "email me at …", "schreib mir an …"). A local part is otherwise any run of words, spelt letters
// and number words, with said separators between them: "k i t unterstrich n g", "sam pike
// neunzehn", "anna punkt hase zweiundvierzig".
const STOP =
  'at|ät|klammeraffe|ist|is|lautet|an|to|me|mir|my|mein|meine|meiner|email|mail|mails|adresse|address|die|der|das|the|and|und|oder|or|it|es|send|schick|schreib|schreiben|write|geht|goes|unter|under|von|from|für|for|per|via|bitte|please|okay|ok|also|so|ja|yes|nein|no|er|sie|he|she|his|her|ihre|seine|ich|du|you|your|deine|wir|we|our|unsere|its|heißt|reads|was|war|neue|new|alte|old|private|privat|work|arbeit';
const LOCAL_WORD = `(?!(?:${STOP})(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}]+`;
const LOCAL_SEPARATOR =
  '(?:punkt|dot|point|unterstrich|tiefstrich|underscore|minus|bindestrich|strich|dash|hyphen)';
const DOMAIN_LABEL =
  '[\\p{L}\\p{N}]+(?:\\s+(?:minus|bindestrich|strich|dash|hyphen)\\s+[\\p{L}\\p{N}]+|\\s+[\\p{L}\\p{N}](?=\\s))*';
// The "@" as said: "at", "ät", "at zeichen" (written "at-zeichen" too), "at sign", "at symbol",
// "klammeraffe". The longer forms first, so that "zeichen"/"sign" is never read as the domain.
const SPOKEN_AT_WORD = '(?:at(?:\\s+|-)zeichen|at\\s+(?:sign|symbol)|at|ät|@|klammeraffe)';
const SPOKEN_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}])(${LOCAL_WORD}(?:\\s+(?:${LOCAL_SEPARATOR}\\s+)?${LOCAL_WORD}){0,15})\\s+${SPOKEN_AT_WORD}\\s+(${DOMAIN_LABEL}(?:\\s+(?:punkt|dot)\\s+${DOMAIN_LABEL})+)(?![\\p{L}\\p{N}])`,
  'giu',
);
// Top-level domains a spoken address ends in; any other two-letter one (a country) counts too.
// Two-letter words a sentence ends a "dot" with more often than a country's domain.
const NOT_A_TLD = new Set(
  'on in to is of or an am um zu da so ab ob es er du we my no go do be by he up if oh ok'.split(
    ' ',
  ),
);
const TLDS = new Set(
  'com net org info biz edu gov mail email online shop app dev name mobi eu asia io ai tv me co uk'.split(
    ' ',
  ),
);

const SEPARATORS: Record<string, string> = {
  punkt: '.',
  dot: '.',
  point: '.',
  unterstrich: '_',
  tiefstrich: '_',
  underscore: '_',
  strich: '-',
  minus: '-',
  bindestrich: '-',
  dash: '-',
  hyphen: '-',
};

// Cheap tests that gate the spoken e-mail pattern.
const SPOKEN_AT = /\s(?:at|ät|@|klammeraffe)[\s-]/i;
export const SPOKEN_DOT = /\s(?:punkt|dot)\s/i;

/** Whether the text says "at" and "punkt"/"dot" between spaces: the gate of `findSpokenEmails`. */
export function mightHaveSpokenEmail(text: string): boolean {
  return SPOKEN_AT.test(text) && SPOKEN_DOT.test(text);
}

export function findSpokenEmails(text: string, replacements: Replacement[]): void {
  const re = new RegExp(SPOKEN_EMAIL);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const local = m[1]!;
    const domain = m[2]!
      .replace(/\s+(?:punkt|dot)\s+/giu, '.')
      .replace(/\s+(?:minus|bindestrich|strich|dash|hyphen)\s+/giu, '-')
      .replace(/\s+/g, '');
    const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
    if (tld.length === 2 ? NOT_A_TLD.has(tld) : !TLDS.has(tld)) {
      // "email me at ilse dot marek at example dot com": the first "at" was no e-mail's; look
      // again from the word after it.
      re.lastIndex = m.index + local.length + 1;
      continue;
    }
    const value = `${joinLocal(local)}@${domain}`;
    replacements.push({ start: m.index, end: m.index + m[0].length, value });
  }
}

/** "anna punkt hase zwei und vierzig" → "anna.hase42": separators become characters, numbers digits, spelt letters and words are joined. */
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
