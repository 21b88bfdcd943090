import { ALL_DIGITS, digitsOf, REPEAT, TENS_EN, UNITS_DE, UNITS_EN } from './spoken-numbers.js';
import type { Replacement } from './spoken-replacements.js';
import type { Word } from './words.js';

/** Spoken IPv4 addresses: four octets said as number words, joined by "punkt"/"dot"/"point". */

const DOT_WORDS = new Set(['punkt', 'dot', 'point']);
const VERSION_WORDS = new Set(['version', 'versionsnummer', 'release', 'update', 'v']);
const SPOKEN_DOT_WORD = /\s(?:punkt|dot|point)\s/gi;
export const SPOKEN_DOT_ANY = /\s(?:punkt|dot|point)\s/i;

function spokenDots(text: string): number {
  return text.match(SPOKEN_DOT_WORD)?.length ?? 0;
}

/** Whether the text says "punkt"/"dot"/"point" at least three times: the gate of `findSpokenIps`. */
export function mightHaveSpokenIp(text: string): boolean {
  return SPOKEN_DOT_ANY.test(text) && spokenDots(text) >= 3;
}

/** "zehn punkt null punkt null punkt eins", "one ninety two dot one sixty eight dot …". */
export function findSpokenIps(
  text: string,
  words: readonly Word[],
  replacements: Replacement[],
): void {
  let i = 0;
  while (i < words.length) {
    const octets: number[] = [];
    let j = i;
    while (octets.length < 4) {
      let k = j;
      // Up to five words an octet: "one hundred and ninety two".
      while (k < words.length && k - j < 5 && octetWord(words[k]!.lower, words[k - 1]?.lower)) k++;
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
export function germanHundreds(w: string): number | undefined {
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
  // "hundert siebenundneunzig", "zweihundert dreizehn": German hundreds said apart from the rest.
  const h = germanHundreds(ws[0]!);
  if (h !== undefined && h % 100 === 0 && ws.length === 2) {
    const rest = digitsOf(ws[1]!);
    return rest === undefined || rest.length > 2 ? undefined : h + Number(rest);
  }
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
