/**
 * Spoken-form normalisation for transcripts: "null eins sieben eins …" → "0171…",
 * "max punkt müller at gmx punkt de" → "max.müller@gmx.de", "double four seven" → "447".
 * The structured recognizers run on the normalised text; `toOriginal` maps their spans back.
 */
export interface Normalised {
  readonly text: string;
  /** Maps a [start, end) range of the normalised text to the original text. */
  toOriginal(start: number, end: number): [number, number];
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const UNITS_DE: Record<string, number> = {
  null: 0,
  eins: 1,
  ein: 1,
  zwei: 2,
  zwo: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};
const TEENS_DE: Record<string, number> = {
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};
const TENS_DE: Record<string, number> = {
  zwanzig: 20,
  dreißig: 30,
  dreissig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};
const UNITS_EN: Record<string, number> = {
  zero: 0,
  oh: 0,
  o: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS_EN: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS_EN: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const REPEAT: Record<string, number> = { double: 2, doppel: 2, triple: 3 };
const COMPOUND_DE = new RegExp(
  `^(${Object.keys(UNITS_DE)
    .filter((k) => k !== 'null')
    .join('|')})und(${Object.keys(TENS_DE).join('|')})$`,
);

const WORD = /[\p{L}\p{N}]+/gu;
const STREET_WORD_SOURCE =
  '(?:straße|strasse|weg|gasse|platz|allee|ring|damm|street|road|avenue|lane)';
const STREET_WORD = new RegExp(`${STREET_WORD_SOURCE}$`, 'i');
const NUMBER_WORDS = new Map<string, number>(
  [UNITS_DE, TEENS_DE, TENS_DE, UNITS_EN, TEENS_EN, TENS_EN].flatMap((t) => Object.entries(t)),
);
const REPEAT_OR_PLUS = new Set(['double', 'doppel', 'triple', 'plus']);
const COMPOUND_ANY = /^\p{L}+und\p{L}+(?:zig|ßig|ssig)$/u;
const ALL_DIGITS = /^\d+$/;
const SEPARATOR_ONLY = /^[\s,-]+$/;

/** A word of a text, lower-cased; the one word-splitting pass shared by the detector's stages. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

/** Splits a text into runs of letters and digits. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD))
    words.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return words;
}

function numberish(w: string): boolean {
  if (NUMBER_WORDS.has(w) || REPEAT_OR_PLUS.has(w)) return true;
  const c = w.charCodeAt(0);
  // Cheap character tests first: this runs on every word of every text.
  if (c >= 48 && c <= 57) return ALL_DIGITS.test(w);
  const last = w.charCodeAt(w.length - 1);
  return last === 103 /* g */ && COMPOUND_ANY.test(w);
}

/** Two number words in a row, or one after a street name: the only texts worth a closer look. */
function worthALook(text: string, words: readonly Word[]): boolean {
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k]!;
    const b = words[k + 1]!;
    if (!numberish(b.lower) || !(numberish(a.lower) || STREET_WORD.test(a.lower))) continue;
    if (SEPARATOR_ONLY.test(text.slice(a.end, b.start))) return true;
  }
  return false;
}

/** The digits a single spoken token stands for, or undefined. */
function digitsOf(word: string): string | undefined {
  const c0 = word.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return /^\d+$/.test(word) ? word : undefined;
  const w = word.toLowerCase();
  const n = NUMBER_WORDS.get(w);
  if (n !== undefined) return String(n);
  if (!w.endsWith('zig') && !w.endsWith('ßig') && !w.endsWith('ssig')) return undefined;
  const c = COMPOUND_DE.exec(w);
  return c ? String(TENS_DE[c[2]!]! + UNITS_DE[c[1]!]!) : undefined;
}

const NUMBER_WORD_SOURCE = `(?:${[
  ...[UNITS_DE, TEENS_DE, TENS_DE, UNITS_EN, TEENS_EN, TENS_EN].flatMap((t) => Object.keys(t)),
]
  .filter((w) => w.length > 1)
  .join('|')}|\\p{L}+und\\p{L}+(?:zig|ßig|ssig))`;
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

/** Returns undefined when nothing in the text is spoken-form (the common, written case). */
export function normaliseSpoken(
  text: string,
  words: readonly Word[] = splitWords(text),
): Normalised | undefined {
  const replacements: Replacement[] = [];
  if (SPOKEN_AT.test(text) && SPOKEN_DOT.test(text)) findSpokenEmails(text, replacements);
  if (SPOKEN_DOT_ANY.test(text) && spokenDots(text) >= 3) findSpokenIps(text, words, replacements);
  if (worthALook(text, words)) findNumberRuns(text, words, replacements);
  if (replacements.length === 0) return undefined;
  return sortedSegments(text, replacements);
}

function sortedSegments(text: string, replacements: Replacement[]): Normalised {
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  // Segments: [normStart, origStart, origEnd, replaced]
  const segments: [number, number, number, boolean][] = [];
  for (const r of replacements) {
    if (r.start < at) continue;
    segments.push([out.length, at, r.start, false]);
    out += text.slice(at, r.start);
    segments.push([out.length, r.start, r.end, true]);
    out += r.value;
    at = r.end;
  }
  segments.push([out.length, at, text.length, false]);
  out += text.slice(at);
  const find = (p: number, isEnd: boolean): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = segments[mid]![0];
      if (isEnd ? start < p : start <= p) lo = mid;
      else hi = mid - 1;
    }
    const [normStart, origStart, origEnd, replaced] = segments[lo]!;
    if (replaced) return isEnd ? origEnd : origStart;
    return Math.min(origEnd, origStart + (p - normStart));
  };
  return { text: out, toOriginal: (start, end) => [find(start, false), find(end, true)] };
}

// Cheap tests that gate the spoken e-mail pattern.
const SPOKEN_AT = /\s(?:at|ät|@|klammeraffe)\s/i;
const SPOKEN_DOT = /\s(?:punkt|dot)\s/i;

function findSpokenEmails(text: string, replacements: Replacement[]): void {
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

const DOT_WORDS = new Set(['punkt', 'dot', 'point']);
const VERSION_WORDS = new Set(['version', 'versionsnummer', 'release', 'update', 'v']);
const SPOKEN_DOT_WORD = /\s(?:punkt|dot|point)\s/gi;
const SPOKEN_DOT_ANY = /\s(?:punkt|dot|point)\s/i;

function spokenDots(text: string): number {
  return text.match(SPOKEN_DOT_WORD)?.length ?? 0;
}

/** "zehn punkt null punkt null punkt eins", "one ninety two dot one sixty eight dot …". */
function findSpokenIps(text: string, words: readonly Word[], replacements: Replacement[]): void {
  let i = 0;
  while (i < words.length) {
    const octets: number[] = [];
    let j = i;
    while (octets.length < 4) {
      let k = j;
      while (k < words.length && k - j < 4 && octetWord(words[k]!.lower, words[k - 1]?.lower)) k++;
      const value = k > j ? octetValue(words.slice(j, k).map((w) => w.lower)) : undefined;
      if (value === undefined || value > 255 || !spaced(text, words, j, k)) break;
      octets.push(value);
      if (octets.length === 4) {
        j = k;
        break;
      }
      if (!DOT_WORDS.has(words[k]?.lower ?? '') || !spaced(text, words, k - 1, k + 2)) break;
      j = k + 1;
    }
    const version = i > 0 && VERSION_WORDS.has(words[i - 1]!.lower);
    if (
      octets.length === 4 &&
      !version &&
      words.slice(i, j).some((w) => !ALL_DIGITS.test(w.lower))
    ) {
      replacements.push({
        start: words[i]!.start,
        end: words[j - 1]!.end,
        value: octets.join('.'),
      });
      i = j;
    } else i++;
  }
}

function spaced(text: string, words: readonly Word[], from: number, to: number): boolean {
  for (let k = from + 1; k < to && k < words.length; k++)
    if (!/^\s+$/.test(text.slice(words[k - 1]!.end, words[k]!.start))) return false;
  return true;
}

function octetWord(w: string, prev: string | undefined): boolean {
  return (
    digitsOf(w) !== undefined ||
    w === 'hundred' ||
    REPEAT[w] !== undefined ||
    (w === 'and' && prev === 'hundred') ||
    germanHundreds(w) !== undefined
  );
}

/** "hundertzweiundneunzig" → 192, "zweihundertfünf" → 205. */
function germanHundreds(w: string): number | undefined {
  const m = /^(ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert(.*)$/u.exec(w);
  if (!m) return undefined;
  const h = m[1] ? UNITS_DE[m[1] === 'ein' ? 'eins' : m[1]]! : 1;
  const rest = m[2] ? digitsOf(m[2]) : '0';
  return rest === undefined ? undefined : h * 100 + Number(rest);
}

/** The value of one spoken octet, or undefined when the words do not read as one number. */
function octetValue(ws: readonly string[]): number | undefined {
  const single = (w: string) => {
    const d = digitsOf(w);
    return d !== undefined ? Number(d) : germanHundreds(w);
  };
  if (ws.length === 1) return single(ws[0]!);
  const hundred = ws.indexOf('hundred');
  if (hundred === 1) {
    const h = UNITS_EN[ws[0]!];
    const rest = ws.slice(2).filter((w) => w !== 'and');
    const r = rest.length ? octetValue(rest) : 0;
    return h === undefined || r === undefined || r > 99 ? undefined : h * 100 + r;
  }
  const digits = ws.map((w) => digitsOf(w));
  if (digits.every((d) => d !== undefined && d.length === 1))
    return ws.length <= 3 ? Number(digits.join('')) : undefined;
  if (ws.length === 2 && TENS_EN[ws[0]!] !== undefined && (UNITS_EN[ws[1]!] ?? 0) > 0)
    return TENS_EN[ws[0]!]! + UNITS_EN[ws[1]!]!;
  const u = UNITS_EN[ws[0]!];
  if (u !== undefined && u > 0 && TENS_EN[ws[1]!] !== undefined) {
    const rest = octetValue(ws.slice(1));
    if (rest !== undefined && rest >= 10 && rest < 100) return u * 100 + rest;
  }
  // Digits in groups as read out: "achtzehn vier" (184), "eins zweiundsiebzig", "doppel sechs".
  let joined = '';
  let repeat = 1;
  let prev = '';
  for (const w of ws) {
    if (REPEAT[w] !== undefined) {
      repeat = REPEAT[w]!;
      continue;
    }
    const d = digitsOf(w);
    if (d === undefined) return undefined;
    // "twenty two zero" is 220: a unit after a tens word fills its zero.
    if (TENS_EN[prev] !== undefined && (UNITS_EN[w] ?? 0) > 0) joined = joined.slice(0, -1) + d;
    else joined += d.repeat(repeat);
    repeat = 1;
    prev = w;
  }
  return joined.length >= 1 && joined.length <= 3 && repeat === 1 ? Number(joined) : undefined;
}

/** Runs of number words (with "double", "triple", a leading "plus") long enough to matter. */
function findNumberRuns(text: string, tokens: readonly Word[], replacements: Replacement[]): void {
  const taken = (pos: number) => replacements.some((r) => pos >= r.start && pos < r.end);
  const isDigitWord = (k: number) =>
    tokens[k] !== undefined && digitsOf(tokens[k]!.lower) !== undefined;
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    const startsRun =
      isDigitWord(i) ||
      ((REPEAT[first.lower] !== undefined || first.lower === 'plus') && isDigitWord(i + 1));
    if (!startsRun || taken(first.start)) {
      i++;
      continue;
    }
    let digits = '';
    let repeat = 1;
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (j > i && !/^[\s,-]*$/.test(text.slice(tokens[j - 1]!.end, t.start))) break;
      if (taken(t.start)) break;
      if (j === i && t.lower === 'plus') digits = '+';
      else if (REPEAT[t.lower] !== undefined && isDigitWord(j + 1)) repeat = REPEAT[t.lower]!;
      else {
        const d = digitsOf(t.lower);
        if (d === undefined) break;
        const prev = j > i ? tokens[j - 1]!.lower : '';
        // "twenty one" is 21; German says units first ("einundzwanzig"), one word.
        if (TENS_EN[prev] !== undefined && (UNITS_EN[t.lower] ?? 0) > 0)
          digits = digits.slice(0, -1) + d;
        else digits += d.repeat(repeat);
        repeat = 1;
      }
      j++;
    }
    const last = tokens[j - 1]!;
    const spoken = tokens.slice(i, j).some((t) => !/^\d+$/.test(t.lower));
    const street =
      (i > 0 && STREET_WORD.test(tokens[i - 1]!.lower)) ||
      [tokens[j], tokens[j + 1], tokens[j + 2]].some(
        (t) => t !== undefined && STREET_WORD.test(t.lower),
      );
    if (spoken && digits.replace('+', '').length >= (street ? 1 : 5)) {
      replacements.push({ start: first.start, end: last.end, value: digits });
      i = j;
    } else i++;
  }
}
