// Spoken structured types as a speech recogniser writes them (issue 17: "every structured type
// ≥ 0.99 written and spoken"): IBANs spelt letter by letter and said digit by digit or in
// groups, German plates spelt with or without "minus"/"strich", phone numbers a validator
// rejects but given after a cue, English phone numbers with "double" and "oh". Frames and
// values written for this set (not taken from any evaluation set); seeded, so reproducible.
//   node --import tsx bench/pii-eval/spoken-structured.ts   # recall and precision per kind
import { Rng } from '../../src/demo/random.js';
import { detectPii } from '../../src/pii/index.js';
import { DIGITS_DE, DIGITS_EN, TEENS_DE, TEENS_EN, TENS_DE, TENS_EN } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

// Said one by one, 0 is "zero" here; "oh" in pairs and after "double" (below).
const EN_DIGITS = ['zero', ...DIGITS_EN.slice(1)];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const digits = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => String(rng.int(10))).join('');

/** Mod 97 of a string of digits and letters (A = 10 … Z = 35). */
function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

/** A valid IBAN: the country, computed check digits, the account part. */
export function makeIban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** A two-digit group said as one German or English number ("neunundachtzig", "eighty nine"). */
function pair(d: string, lang: 'de' | 'en'): string {
  const [a, b] = [Number(d[0]), Number(d[1])];
  // A leading zero is said as a digit: "null sieben".
  if (a === 0) return lang === 'de' ? `null ${DIGITS_DE[b]}` : `oh ${EN_DIGITS[b]}`;
  if (a === 1) return (lang === 'de' ? TEENS_DE : TEENS_EN)[b]!;
  if (lang === 'de')
    return b === 0 ? TENS_DE[a]! : `${b === 1 ? 'ein' : DIGITS_DE[b]}und${TENS_DE[a]}`;
  return b === 0 ? TENS_EN[a]! : `${TENS_EN[a]} ${EN_DIGITS[b]}`;
}

/** A string of digits and letters as an ASR writes it, one by one or in pairs and groups. */
export function speak(value: string, lang: 'de' | 'en', rng: Rng, style: number): string {
  const words = lang === 'de' ? DIGITS_DE : EN_DIGITS;
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (/[A-Z]/.test(ch)) {
      out.push(ch.toLowerCase());
      i++;
    } else if (style === 2 && /^\d\d$/.test(value.slice(i, i + 2))) {
      out.push(pair(value.slice(i, i + 2), lang));
      i += 2;
    } else if (lang === 'en' && value[i + 1] === ch && rng.int(3) === 0) {
      out.push(`double ${ch === '0' ? 'oh' : words[Number(ch)]}`);
      i += 2;
    } else {
      out.push(lang === 'en' && ch === '0' && rng.int(2) === 0 ? 'oh' : words[Number(ch)]!);
      i++;
    }
    // Grouped by fours with a comma, as some recognisers mark a pause.
    if (style === 1 && i % 4 === 0 && i < value.length) out[out.length - 1] += ',';
  }
  return out.join(' ');
}

const IBAN_FRAMES = {
  de: [
    'meine iban ist {}',
    'die iban lautet {} danke',
    'überweis das bitte auf {}',
    'kontonummer {} bei der sparkasse',
    'ja also {} das ist mein konto',
  ],
  en: [
    'my iban is {}',
    'please send it to {} thanks',
    'the account is {}',
    'pay into {} by friday',
    'okay so {} that is my bank account',
  ],
};
const PLATE_FRAMES = {
  de: [
    'mein kennzeichen ist {}',
    'das auto mit dem kennzeichen {} parkt falsch',
    'notier dir {} das ist das kennzeichen',
    'der wagen hat {} vorne drauf',
  ],
  en: ['my plate is {}', 'the car with registration {} is blocking us'],
};
const PHONE_FRAMES = {
  de: [
    'ruf mich an unter {}',
    'meine nummer ist {}',
    'du erreichst mich unter {} ab acht',
    'meine handynummer lautet {}',
  ],
  en: ['call me on {}', 'my number is {}', 'you can reach me at {} after six', "my mobile's {}"],
};
const DISTRICTS = ['b', 'm', 'k', 'hh', 'hb', 'wi', 'gap', 'rv', 'mos', 'dd', 'f', 'ol'];
const SEPARATORS = { de: ['', 'minus ', 'strich ', 'bindestrich '], en: ['', 'dash '] };

function fill(frame: string, value: string, type: string): string {
  return frame.replace('{}', `[[${value}|${type}]]`);
}

/** `n` texts per kind and language, seeded. */
export function spokenStructured(n = 100, seed = 1729): Labelled[] {
  const rng = new Rng(seed);
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (let k = 0; k < n; k++) {
      // IBAN: German, Austrian, British (letters in the account part), Dutch.
      const kind = rng.int(4);
      const iban =
        kind === 0
          ? makeIban('DE', digits(rng, 18))
          : kind === 1
            ? makeIban('AT', digits(rng, 16))
            : kind === 2
              ? makeIban('GB', `${pick(rng, ['NWBK', 'BARC', 'LOYD', 'MIDL'])}${digits(rng, 14)}`)
              : makeIban('NL', `${pick(rng, ['ABNA', 'RABO', 'INGB'])}${digits(rng, 10)}`);
      const style = rng.int(3);
      const spokenIban = `${iban[0]!.toLowerCase()} ${iban[1]!.toLowerCase()} ${speak(iban.slice(2), lang, rng, style)}`;
      out.push(parseMarkup(fill(pick(rng, IBAN_FRAMES[lang]), spokenIban, 'IBAN'), lang, 'iban'));

      const district = pick(rng, DISTRICTS).split('').join(' ');
      const letters = Array.from({ length: 1 + rng.int(2) }, () =>
        String.fromCharCode(97 + rng.int(26)),
      ).join(' ');
      const number = String(1 + rng.int(9999));
      const plate = `${district} ${pick(rng, SEPARATORS[lang])}${letters} ${speak(number, lang, rng, 0)}`;
      out.push(
        parseMarkup(fill(pick(rng, PLATE_FRAMES[lang]), plate, 'VEHICLE_PLATE'), lang, 'plate'),
      );

      // Numbers a validator rejects: a leading 1 or 5, "0123 …", US 555 numbers.
      const raw = pick(rng, [
        `0123${digits(rng, 6)}`,
        `555${digits(rng, 4)}`,
        `1${digits(rng, 8)}`,
        `5${digits(rng, 9)}`,
      ]);
      const spokenPhone = rng.int(3) === 0 ? raw : speak(raw, lang, rng, rng.int(2));
      out.push(
        parseMarkup(fill(pick(rng, PHONE_FRAMES[lang]), spokenPhone, 'PHONE'), lang, 'phone'),
      );
    }
  }
  return out;
}

/** Recall and precision per kind: exact type, at least half of the union overlapping. */
export function measure(
  set: readonly Labelled[],
): Map<string, { gold: number; hit: number; found: number; right: number }> {
  const by = new Map<string, { gold: number; hit: number; found: number; right: number }>();
  for (const item of set) {
    const key = `${item.kind} ${item.lang}`;
    const m = by.get(key) ?? { gold: 0, hit: 0, found: 0, right: 0 };
    by.set(key, m);
    const type = item.spans[0]!.type;
    const found = detectPii(item.text, { lang: item.lang }).filter((s) => s.type === type);
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) /
        (Math.max(a.end, b.end) - Math.min(a.start, b.start)) >=
      0.5;
    for (const g of item.spans) {
      m.gold++;
      if (found.some((f) => overlap(f, g))) m.hit++;
    }
    for (const f of found) {
      m.found++;
      if (item.spans.some((g) => overlap(f, g))) m.right++;
    }
  }
  return by;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [key, m] of measure(spokenStructured(200))) {
    process.stdout.write(
      `${key.padEnd(10)} gold ${m.gold}  R ${(m.hit / m.gold).toFixed(3)}  P ${(m.right / Math.max(1, m.found)).toFixed(3)}\n`,
    );
  }
}
