// Our own development set for the structured types, written and spoken (lower case, no
// punctuation, numbers as words): addresses, postcodes, German and UK plates (letters, the
// German spelling alphabets, NATO), e-mail addresses (spelt, with "punkt"/"dot"/"unterstrich"/
// "minus"/"dash"), dates of birth (ordinals, two-digit years, cue before or after), IBANs with
// spelt bank codes, phone numbers, IP addresses; and PII-free sentences with number words,
// prices, times, order numbers and ordinary dates that must stay. A street, postcode and town
// said in one piece are one ADDRESS. Frames, streets, towns and
// names are written for this file; nothing is taken from an evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-structured-run.ts` prints its figures.
import { ibanValid } from '../../src/pii/checksums.js';
import { rng } from '../pii-eval/corpus.js';
import type { Labelled } from '../pii-eval/markup.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const DE_UNITS = 'null eins zwei drei vier fünf sechs sieben acht neun'.split(' ');
const DE_TEENS = 'zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn';
const DE_TENS = ',,zwanzig,dreißig,vierzig,fünfzig,sechzig,siebzig,achtzig,neunzig'.split(',');
const EN_UNITS = 'zero one two three four five six seven eight nine'.split(' ');
const EN_TEENS = 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const EN_TENS = ',,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(',');

/** German number words as one word, 0..9999 ("dreiundzwanzig", "hundertfünf"). */
export function deNumber(n: number): string {
  if (n < 10) return DE_UNITS[n]!;
  if (n < 20) return DE_TEENS.split(' ')[n - 10]!;
  if (n < 100) {
    const u = n % 10;
    const t = DE_TENS[Math.floor(n / 10)]!;
    return u === 0 ? t : `${u === 1 ? 'ein' : DE_UNITS[u]}und${t}`;
  }
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const rest = n % 100;
    return `${h === 1 ? '' : DE_UNITS[h]}hundert${rest ? deNumber(rest) : ''}`;
  }
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  return `${th === 1 ? 'ein' : DE_UNITS[th]}tausend${rest ? deNumber(rest) : ''}`;
}

/** English number words, 0..999 ("forty two", "one hundred and five"). */
export function enNumber(n: number): string {
  if (n < 10) return EN_UNITS[n]!;
  if (n < 20) return EN_TEENS.split(' ')[n - 10]!;
  if (n < 100) {
    const u = n % 10;
    return u === 0 ? EN_TENS[Math.floor(n / 10)]! : `${EN_TENS[Math.floor(n / 10)]} ${EN_UNITS[u]}`;
  }
  const rest = n % 100;
  return `${EN_UNITS[Math.floor(n / 100)]} hundred${rest ? ` and ${enNumber(rest)}` : ''}`;
}

const deYear = (y: number) =>
  y < 2000 ? `neunzehnhundert${y % 100 ? deNumber(y % 100) : ''}` : deNumber(y);
const enYear = (y: number) =>
  y < 2000
    ? `nineteen ${y % 100 < 10 ? `oh ${EN_UNITS[y % 100]}` : enNumber(y % 100)}`
    : `two thousand${y % 100 ? ` and ${enNumber(y % 100)}` : ''}`;

const DE_ORD = [
  '',
  'erste',
  'zweite',
  'dritte',
  'vierte',
  'fünfte',
  'sechste',
  'siebte',
  'achte',
  'neunte',
  'zehnte',
  'elfte',
  'zwölfte',
  'dreizehnte',
  'vierzehnte',
  'fünfzehnte',
  'sechzehnte',
  'siebzehnte',
  'achtzehnte',
  'neunzehnte',
  'zwanzigste',
  'einundzwanzigste',
  'zweiundzwanzigste',
  'dreiundzwanzigste',
  'vierundzwanzigste',
  'fünfundzwanzigste',
  'sechsundzwanzigste',
  'siebenundzwanzigste',
  'achtundzwanzigste',
];
const EN_ORD = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty first',
  'twenty second',
  'twenty third',
  'twenty fourth',
  'twenty fifth',
  'twenty sixth',
  'twenty seventh',
  'twenty eighth',
];
const DE_MONTHS =
  'januar februar märz april mai juni juli august september oktober november dezember'.split(' ');
const EN_MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const GERMAN_ALPHABET: Record<string, string> = {
  a: 'anton',
  b: 'berta',
  c: 'cäsar',
  d: 'dora',
  e: 'emil',
  f: 'friedrich',
  g: 'gustav',
  h: 'heinrich',
  i: 'ida',
  j: 'julius',
  k: 'kaufmann',
  l: 'ludwig',
  m: 'martha',
  n: 'nordpol',
  o: 'otto',
  p: 'paula',
  r: 'richard',
  s: 'samuel',
  t: 'theodor',
  u: 'ulrich',
  v: 'viktor',
  w: 'wilhelm',
  x: 'xanthippe',
  y: 'ypsilon',
  z: 'zacharias',
};
const CITY_ALPHABET: Record<string, string> = {
  a: 'aachen',
  b: 'berlin',
  d: 'düsseldorf',
  e: 'essen',
  f: 'frankfurt',
  g: 'goslar',
  h: 'hamburg',
  k: 'köln',
  l: 'leipzig',
  m: 'münchen',
  n: 'nürnberg',
  p: 'potsdam',
  r: 'rostock',
  s: 'salzwedel',
  t: 'tübingen',
  w: 'wuppertal',
  z: 'zwickau',
};
const NATO: Record<string, string> = {
  a: 'alpha',
  b: 'bravo',
  c: 'charlie',
  d: 'delta',
  e: 'echo',
  f: 'foxtrot',
  g: 'golf',
  h: 'hotel',
  k: 'kilo',
  l: 'lima',
  m: 'mike',
  n: 'november',
  p: 'papa',
  r: 'romeo',
  s: 'sierra',
  t: 'tango',
  v: 'victor',
  w: 'whiskey',
  x: 'x-ray',
  y: 'yankee',
  z: 'zulu',
};

const spellWith = (s: string, alphabet: Record<string, string>) =>
  [...s.toLowerCase()].map((c) => alphabet[c] ?? c).join(' ');
const spellLetters = (s: string) => [...s.toLowerCase()].join(' ');

// Own values.
const DE_STREETS = [
  'Lindenstraße',
  'Mühlweg',
  'Birkenallee',
  'Gartenstraße',
  'Kastanienweg',
  'Schulgasse',
  'Eichendorffstraße',
  'Rosenstraße',
  'Am Kirchberg',
  'Am Sonnenhang',
  'Hofäckerstraße',
  'Bahnhofstraße',
  'Ringstraße',
  'Schillerplatz',
  'Kirchgasse',
  'Weidenring',
  'Fliederweg',
  'Hauptstraße',
];
const DE_TOWNS = [
  'Zwiesel',
  'Marktredwitz',
  'Bad Kötzting',
  'Hornberg',
  'Lauterbach',
  'Plön',
  'Eutin',
  'Wittmund',
  'Sonthofen',
  'Vilshofen',
  'Rinteln',
  'Alfeld',
];
const EN_STREETS = [
  'Elm Road',
  'Station Road',
  'Mill Lane',
  'High Street',
  'Church Close',
  'Orchard Way',
  'Kingsley Avenue',
  'Ferndale Crescent',
  'Wren Gardens',
  'Hawthorn Drive',
  'Quarry Hill',
  'Abbey Terrace',
];
const UK_POSTCODES = [
  'LS6 2AB',
  'YO10 5DD',
  'EH3 9QT',
  'BS8 1TH',
  'CF10 3AT',
  'NR2 4PL',
  'M14 6GX',
];
const DE_DISTRICTS = ['M', 'HH', 'KA', 'B', 'WUN', 'F', 'HB', 'S', 'DO', 'PA', 'REG', 'K'];
const PLATE_LETTERS = 'ABDEFGHKLMNPRSTVWXZ';
const EMAIL_PEOPLE = [
  ['jonas', 'brandt'],
  ['mira', 'koenig'],
  ['tilde', 'okonkwo'],
  ['sam', 'pike'],
  ['kit', 'ng'],
  ['ben', 'ross'],
  ['lena', 'vogt'],
  ['ilse', 'marek'],
  ['ruth', 'ashby'],
  ['pete', 'lowry'],
];
const DOMAINS_DE = [
  ['posteo', 'de'],
  ['web', 'de'],
  ['gmx', 'net'],
  ['mailbox', 'org'],
  ['t-online', 'de'],
  ['firma', 'com'],
];
const DOMAINS_EN = [
  ['outlook', 'com'],
  ['proton', 'me'],
  ['example', 'co.uk'],
  ['fastmail', 'com'],
  ['btinternet', 'com'],
  ['my-isp', 'net'],
];
const BANKS_GB = ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'];

const digits = (r: R, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');
const letters = (r: R, n: number) =>
  Array.from({ length: n }, () => pick(r, [...PLATE_LETTERS])).join('');

function makeIban(r: R, country: 'DE' | 'GB'): string {
  const bban = country === 'DE' ? digits(r, 18) : pick(r, BANKS_GB) + digits(r, 14);
  for (let c = 2; c < 99; c++) {
    const iban = `${country}${String(c).padStart(2, '0')}${bban}`;
    if (ibanValid(iban)) return iban;
  }
  throw new Error('no check digits');
}

/** Spoken digits one by one ("oh"/"zero" or "null"), sometimes with "double"/"doppel". */
function sayDigits(r: R, ds: string, lang: Lang): string {
  const out: string[] = [];
  for (let i = 0; i < ds.length; i++) {
    const d = Number(ds[i]);
    const word = lang === 'de' ? DE_UNITS[d]! : d === 0 ? pick(r, ['oh', 'zero']) : EN_UNITS[d]!;
    if (ds[i + 1] === ds[i] && r() < 0.5) {
      out.push(`${lang === 'de' ? 'doppel' : 'double'} ${word}`);
      i++;
    } else out.push(word);
  }
  return out.join(' ');
}

/** Digits read in pairs where they allow it ("siebenundzwanzig", "forty two"). */
function sayPairs(ds: string, lang: Lang): string {
  const out: string[] = [];
  for (let i = 0; i < ds.length; i += 2) {
    const pair = ds.slice(i, i + 2);
    if (pair.length === 2 && pair[0] !== '0')
      out.push(lang === 'de' ? deNumber(Number(pair)) : enNumber(Number(pair)));
    else
      out.push(
        [...pair]
          .map((c) => (lang === 'de' ? DE_UNITS[+c] : c === '0' ? 'oh' : EN_UNITS[+c]))
          .join(' '),
      );
  }
  return out.join(' ');
}

interface Slot {
  readonly type: string;
  readonly value: (r: R) => string;
}
type SlotSet = Record<string, Slot>;

function slots(lang: Lang, spoken: boolean): SlotSet {
  const de = lang === 'de';
  const S = (type: string, value: (r: R) => string): Slot => ({ type, value });
  return {
    STREET: S('ADDRESS', (r) => {
      if (de) {
        const street = pick(r, DE_STREETS);
        const n = int(r, 1, 140);
        const suffix = r() < 0.15 ? 'a' : '';
        if (!spoken) return `${street} ${n}${suffix}`;
        let s = street.toLowerCase();
        // Speech recognisers often split a compound street name.
        if (r() < 0.2) s = s.replace(/(straße|weg|allee|gasse|platz|ring)$/, ' $1');
        return `${s} ${deNumber(n)}${suffix ? ' a' : ''}`;
      }
      const street = pick(r, EN_STREETS);
      const n = int(r, 1, 240);
      if (!spoken) return `${n} ${street}`;
      const said = n >= 100 && r() < 0.5 ? sayDigits(r, String(n), 'en') : enNumber(n);
      return `${said} ${street.toLowerCase()}`;
    }),
    POSTTOWN: S('ADDRESS', (r) => {
      if (de) {
        const code = String(int(r, 10000, 99999));
        const town = pick(r, DE_TOWNS);
        if (!spoken) return `${code} ${town}`;
        const said = r() < 0.6 ? sayDigits(r, code, 'de') : sayPairs(code, 'de');
        return `${said} ${town.toLowerCase()}`;
      }
      const pc = pick(r, UK_POSTCODES);
      if (!spoken) return r() < 0.2 ? pc.replace(' ', '') : pc;
      return [...pc.replace(' ', '').toLowerCase()]
        .map((c) => (/\d/.test(c) ? EN_UNITS[+c] : c))
        .join(' ');
    }),
    // A street, postcode and town said in one piece are one address (as written in one piece).
    FULLADDRESS: S('ADDRESS', (r) => {
      const street = slots(lang, spoken).STREET!.value(r);
      return `${street} ${slots(lang, spoken).POSTTOWN!.value(r)}`;
    }),
    PLATE: S('VEHICLE_PLATE', (r) => {
      const gb = !de && r() < 0.6;
      if (gb) {
        const area = letters(r, 2);
        const age = String(pick(r, [12, 15, 19, 21, 23, 61, 66, 70, 73]));
        const tail = letters(r, 3);
        if (!spoken) return r() < 0.4 ? `${area}${age}${tail}` : `${area}${age} ${tail}`;
        const ageSaid = r() < 0.5 ? sayDigits(r, age, 'en') : enNumber(Number(age));
        const alphabet = r() < 0.4 ? NATO : undefined;
        const sp = (s: string) => (alphabet ? spellWith(s, alphabet) : spellLetters(s));
        return `${sp(area)} ${ageSaid} ${sp(tail)}`;
      }
      const district = pick(r, DE_DISTRICTS);
      const ls = letters(r, int(r, 1, 2));
      const n = int(r, 1, 9999);
      if (!spoken)
        return pick(r, [
          `${district}-${ls} ${n}`,
          `${district}-${ls} ${n}`,
          `${district}-${ls}${n}`,
          `${district} ${ls} ${n}`,
          `${district}-${ls}-${n}`,
        ]);
      const l = de ? 'de' : 'en';
      const num = r() < 0.5 ? sayDigits(r, String(n), l) : sayPairs(String(n), l);
      const way = r();
      if (way < 0.35) return `${spellLetters(district)} ${spellLetters(ls)} ${num}`;
      if (way < 0.5)
        return `${spellLetters(district)} ${de ? 'minus' : 'dash'} ${spellLetters(ls)} ${num}`;
      if (way < 0.75) {
        const alphabet = de ? GERMAN_ALPHABET : NATO;
        return `${spellWith(district, alphabet)} ${spellWith(ls, alphabet)} ${num}`;
      }
      if (de && [...(district + ls)].every((c) => CITY_ALPHABET[c.toLowerCase()]))
        return `${spellWith(district, CITY_ALPHABET)} ${spellWith(ls, CITY_ALPHABET)} ${num}`;
      return `${spellWith(district, de ? GERMAN_ALPHABET : NATO)} ${spellWith(ls, de ? GERMAN_ALPHABET : NATO)} ${num}`;
    }),
    EMAIL: S('EMAIL', (r) => {
      const [a, b] = pick(r, EMAIL_PEOPLE);
      const [host, tld] = pick(r, de ? DOMAINS_DE : DOMAINS_EN);
      const sepChar = pick(r, ['.', '_', '-', '']);
      const num = r() < 0.3 ? String(int(r, 1, 99)) : '';
      if (!spoken) return `${a}${sepChar}${b}${num}@${host}.${tld}`;
      const dot = de ? 'punkt' : 'dot';
      const sepWord: Record<string, string> = de
        ? { '.': 'punkt', _: 'unterstrich', '-': pick(r, ['minus', 'bindestrich']), '': '' }
        : { '.': 'dot', _: 'underscore', '-': pick(r, ['dash', 'hyphen']), '': '' };
      const spelt = r() < 0.3;
      const sayName = (s: string) => (spelt ? spellLetters(s) : s);
      const local = [sayName(a!), sepWord[sepChar], sayName(b!)].filter(Boolean).join(' ');
      const numSaid = num
        ? ` ${r() < 0.5 ? sayDigits(r, num, lang) : de ? deNumber(Number(num)) : enNumber(Number(num))}`
        : '';
      const at = de ? pick(r, ['at', 'ät', 'at']) : 'at';
      const domain = `${host!.replace('-', de ? ' minus ' : ' dash ')} ${dot} ${tld!.replace('.', ` ${dot} `)}`;
      return `${local}${numSaid} ${at} ${domain}`;
    }),
    DOB: S('DATE_OF_BIRTH', (r) => {
      const d = int(r, 1, 28);
      const m = int(r, 1, 12);
      const y = int(r, 1941, 2008);
      if (!spoken) {
        if (de)
          return pick(r, [
            `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
            `${d}. ${cap(DE_MONTHS[m - 1]!)} ${y}`,
            `${d}.${m}.${y}`,
          ]);
        return pick(r, [
          `${cap(EN_MONTHS[m - 1]!)} ${d}, ${y}`,
          `${d} ${cap(EN_MONTHS[m - 1]!)} ${y}`,
          `${d}/${m}/${y}`,
        ]);
      }
      const short = r() < 0.3;
      if (de) {
        const year = short
          ? `${y % 100 < 10 ? 'null ' : ''}${deNumber(y % 100)}`
          : r() < 0.15
            ? `neunzehn hundert ${deNumber(y % 100)}`
            : deYear(y);
        if (y >= 2000 && year.startsWith('neunzehn'))
          return `${DE_ORD[d]}n ${DE_MONTHS[m - 1]} ${deYear(y)}`;
        return r() < 0.7
          ? `${DE_ORD[d]}n ${DE_MONTHS[m - 1]} ${year}`
          : `${DE_ORD[d]}n ${DE_ORD[m]}n ${year}`;
      }
      const year = short
        ? enNumber(y % 100).replace(/^(\w+)$/, (w) => (y % 100 < 10 ? `oh ${w}` : w))
        : enYear(y);
      return pick(r, [
        `the ${EN_ORD[d]} of ${EN_MONTHS[m - 1]} ${year}`,
        `${EN_MONTHS[m - 1]} ${EN_ORD[d]} ${year}`,
        `${EN_MONTHS[m - 1]} the ${EN_ORD[d]} ${year}`,
        `${EN_ORD[d]} ${EN_MONTHS[m - 1]} ${year}`,
      ]);
    }),
    IBAN: S('IBAN', (r) => {
      const iban = makeIban(r, de ? 'DE' : pick(r, ['GB', 'DE'] as const));
      if (!spoken) return iban.replace(/(.{4})/g, '$1 ').trim();
      const out: string[] = [];
      const nato = r() < 0.5;
      for (const c of iban.toLowerCase()) {
        if (/\d/.test(c))
          out.push(de ? DE_UNITS[+c]! : EN_UNITS[+c]!.replace('zero', pick(r, ['zero', 'oh'])));
        else out.push(nato && !de && NATO[c] ? NATO[c] : c);
      }
      return out.join(' ');
    }),
    PHONE: S('PHONE', (r) => {
      if (de) {
        const n = pick(r, [
          `0171${digits(r, 7)}`,
          `030${digits(r, 8)}`,
          `+4989${digits(r, 7)}`,
          `0${int(r, 2, 9)}${digits(r, 3)}${digits(r, 6)}`,
        ]);
        if (!spoken)
          return n.startsWith('+')
            ? `+49 89 ${n.slice(5)}`
            : n.startsWith('030')
              ? `030 ${n.slice(3)}`
              : `${n.slice(0, 4)} ${n.slice(4)}`;
        return n.startsWith('+')
          ? `plus ${sayDigits(r, n.slice(1), 'de')}`
          : r() < 0.5
            ? sayDigits(r, n, 'de')
            : `${sayDigits(r, n.slice(0, 4), 'de')} ${sayPairs(n.slice(4), 'de')}`;
      }
      const kind = pick(r, ['mobile', 'london', 'manchester', 'intl', 'us']);
      const n =
        kind === 'mobile'
          ? `07${pick(r, ['700', '911', '458', '832'])}${digits(r, 6)}`
          : kind === 'london'
            ? `020${pick(r, ['7', '8'])}${digits(r, 7)}`
            : kind === 'manchester'
              ? `0161${digits(r, 7)}`
              : kind === 'intl'
                ? `+447${digits(r, 9)}`
                : `${pick(r, ['212', '415', '312'])}${int(r, 2, 9)}${digits(r, 6)}`;
      if (!spoken) {
        if (kind === 'mobile')
          return pick(r, [
            `${n.slice(0, 5)} ${n.slice(5)}`,
            `${n.slice(0, 5)} ${n.slice(5, 8)} ${n.slice(8)}`,
            n,
          ]);
        if (kind === 'london') return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
        if (kind === 'manchester')
          return pick(r, [
            `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
            `(${n.slice(0, 4)}) ${n.slice(4, 7)} ${n.slice(7)}`,
          ]);
        if (kind === 'intl')
          return pick(r, [
            `+44 ${n.slice(3, 7)} ${n.slice(7)}`,
            `+44 (0)${n.slice(3, 7)} ${n.slice(7)}`,
          ]);
        return pick(r, [
          `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
          `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
          `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
        ]);
      }
      if (kind === 'intl') return `plus ${sayDigits(r, n.slice(1), 'en')}`;
      return sayDigits(r, n, 'en');
    }),
    IP: S('IP_ADDRESS', (r) => {
      const o = [pick(r, [10, 172, 192, 85]), int(r, 0, 255), int(r, 0, 255), int(r, 1, 254)];
      if (!spoken) return o.join('.');
      return o
        .map((x) =>
          de
            ? deNumber(x)
            : enNumber(x).replace(' hundred and ', ' ').replace(' hundred', ' hundred'),
        )
        .join(de ? ' punkt ' : ' dot ');
    }),
  };
}

// Frames: {SLOT} is a value; the rest is ordinary text.
const DE_WRITTEN = [
  'Meine neue Adresse: {STREET}, {POSTTOWN}.',
  'Bitte schicken Sie die Unterlagen an {STREET} in {POSTTOWN}.',
  'Die Lieferung geht an {STREET}.',
  'Wir sind umgezogen, jetzt {STREET}, {POSTTOWN}.',
  'Der Wagen mit dem Kennzeichen {PLATE} stand im Halteverbot.',
  'Mein Auto: {PLATE}, ein grauer Kombi.',
  'Falschparker {PLATE} blockiert die Einfahrt.',
  'Schreib mir an {EMAIL}, danke!',
  'Die Rechnung ging an {EMAIL}.',
  'Geburtsdatum: {DOB}',
  'Ich bin am {DOB} geboren.',
  'Er wurde am {DOB} in einer kleinen Stadt geboren.',
  'Kontoinhaberin bestätigt IBAN {IBAN}.',
  'Bitte überweisen auf {IBAN}.',
  'Ruf mich an unter {PHONE}.',
  'Telefon: {PHONE}',
  'Der Server {IP} antwortet nicht.',
];
const DE_SPOKEN = [
  'ich wohne in der {STREET} in {POSTTOWN}',
  'meine adresse ist {FULLADDRESS}',
  'die lieferadresse lautet {STREET}',
  'bitte an {STREET} schicken',
  'wir sind jetzt in der {STREET}',
  'mein kennzeichen ist {PLATE}',
  'das auto hat das kennzeichen {PLATE} glaube ich',
  'der wagen {PLATE} parkt vor der garage',
  'nummernschild {PLATE} ist geblitzt worden',
  'meine email adresse ist {EMAIL}',
  'schreib mir an {EMAIL}',
  'die mail geht an {EMAIL} okay',
  'ich bin am {DOB} geboren',
  'geboren am {DOB}',
  'mein geburtstag ist am {DOB}',
  'geburtstag hab ich am {DOB}',
  'meine iban ist {IBAN}',
  'überweis es bitte auf {IBAN}',
  'ruf mich an unter {PHONE}',
  'meine nummer ist {PHONE}',
  'die ip ist {IP}',
];
const EN_WRITTEN = [
  'My new address is {STREET}, {POSTTOWN}.',
  'Please send the forms to {STREET}.',
  'Deliver it to {STREET}, postcode {POSTTOWN}.',
  'We moved to {STREET} last spring.',
  'The car with registration {PLATE} was parked across the drive.',
  'My car is {PLATE}, a blue hatchback.',
  'A van, reg {PLATE}, blocked the lane.',
  'Email me at {EMAIL} please.',
  'The invoice went to {EMAIL}.',
  'Date of birth: {DOB}',
  'I was born on {DOB}.',
  'She was born {DOB} in a small town.',
  'Please pay into {IBAN}.',
  'Account IBAN {IBAN}, thanks.',
  'Call me on {PHONE}.',
  'My mobile is {PHONE}.',
  'You can reach the office on {PHONE} any time.',
  'Her number is {PHONE}.',
  'Phone: {PHONE}',
  'The server at {IP} is down.',
];
const EN_SPOKEN = [
  'i live at {FULLADDRESS}',
  'my address is {STREET}',
  'send it to {STREET} please',
  'we are at {STREET} now',
  'the postcode is {POSTTOWN}',
  'my registration is {PLATE}',
  'the car is {PLATE} i think',
  'number plate {PLATE} was speeding',
  'my email is {EMAIL}',
  'email me at {EMAIL}',
  'send it to {EMAIL} thanks',
  'i was born on {DOB}',
  'date of birth {DOB}',
  'my birthday is {DOB}',
  'born {DOB}',
  'my iban is {IBAN}',
  'pay it into {IBAN}',
  'call me on {PHONE}',
  'my number is {PHONE}',
  'you can reach her on {PHONE}',
  'the ip is {IP}',
];

// PII-free sentences with number words, letters, dates and e-mail-like words: nothing to find.
const DE_PLAIN = [
  'das kostet neunzehn euro neunundneunzig',
  'wir treffen uns um halb acht am bahnhof',
  'die bestellnummer ist vier fünf sechs sieben acht neun',
  'der zug fährt um sieben uhr zwölf von gleis drei',
  'am vierten juli fahren wir in den urlaub',
  'ich brauche zwei kilo mehl und sechs eier',
  'das meeting ist am zwölften märz um zehn',
  'die version drei punkt zwei ist fertig',
  'wir waren zu acht beim essen',
  'nimm die a sieben richtung norden',
  'das paket wiegt drei komma fünf kilo',
  'zimmer zweihundertzwölf ist frei',
  'der bus nummer vierundfünfzig kommt gleich',
  'wir haben um neunzehnhundert uhr einen tisch',
  'das spiel endete zwei zu eins',
  'bei aldi gibt es heute milch',
  'ich habe das b und das c vergessen',
  'mein auto ist in der werkstatt seit drei tagen',
  'der termin ist am ersten ersten zweitausendfünfundzwanzig',
  'Das Angebot gilt bis zum 31.12.2025.',
  'Die Rechnung Nr. 4711 über 129,90 Euro ist bezahlt.',
  'Wir sehen uns am 4. Juli um 18 Uhr.',
];
const EN_PLAIN = [
  'that comes to nineteen ninety nine',
  'we meet at half past seven by the station',
  'the order number is four five six seven eight nine',
  'the train leaves at seven twelve from platform three',
  'we fly out on the fourth of july',
  'i need two pounds of flour and six eggs',
  'the meeting is on march the twelfth at ten',
  'version three point two is out',
  'there were eight of us at dinner',
  'take the a one north',
  'the parcel weighs three point five kilos',
  'room two hundred and twelve is free',
  'the number fifty four bus is due',
  'the score was two one at half time',
  'i forgot the b and the c',
  'my car is at the garage for three days',
  'the deadline is the first of january twenty twenty five',
  'gate b twelve is closed',
  'we watched the bbc at home',
  'The offer ends on 31 December 2025.',
  'Invoice No. 4711 for £129.90 is paid.',
  'See you on July 4 at 6 pm.',
];

function fill(r: R, frame: string, set: SlotSet): string {
  return frame.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
    const s = set[name]!;
    return `[[${s.value(r)}|${s.type}]]`;
  });
}

/** `perFrame` texts per frame and language, written and spoken, plus the PII-free sentences. */
export function devStructured(perFrame = 12, seed = 6061): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, DE_PLAIN.filter((s) => /[A-Z]/.test(s))],
    ['de', 'spoken', DE_SPOKEN, DE_PLAIN.filter((s) => !/[A-Z]/.test(s))],
    ['en', 'written', EN_WRITTEN, EN_PLAIN.filter((s) => /[A-Z]/.test(s))],
    ['en', 'spoken', EN_SPOKEN, EN_PLAIN.filter((s) => !/[A-Z]/.test(s))],
  ];
  return expandFrameSets(sets, perFrame, (lang, kind) => {
    const set = slots(lang, kind === 'spoken');
    return (frame) => fill(r, frame, set);
  });
}
