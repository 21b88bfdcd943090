// A robustness set for the structured types (issue 17): each value written and said in the
// many ways people and speech recognisers write and say it, German and English, in frames
// written for this file (none taken from bench/pii-eval). Every item names its type, language,
// kind (written or spoken) and the reading style, so that a runner can group what is missed.
// Negatives (order numbers, prices, times, scores, lone years) watch precision.
// `node --import tsx bench/pii-train/structured-variants-run.ts [--misses]` prints the figures.
import { ibanValid, luhnValid, ssnValid, steuerIdValid } from '../../src/pii/checksums.js';
import { rng } from '../pii-eval/corpus.js';
import { parseMarkup } from '../pii-eval/markup.js';

type Lang = 'de' | 'en';
type R = () => number;

export interface VariantItem {
  readonly text: string;
  readonly lang: Lang;
  readonly kind: 'written' | 'spoken';
  /** The reading style ("digits", "pairs", "nato" …), for grouping misses. */
  readonly style: string;
  /** The gold type, or 'NONE' for a negative. */
  readonly type: string;
  readonly spans: readonly { start: number; end: number; type: string }[];
}

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const digitsOfLength = (r: R, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');

// ---------------------------------------------------------------- number words

const DE_UNIT = 'null eins zwei drei vier fünf sechs sieben acht neun'.split(' ');
const DE_TEEN =
  'zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn'.split(' ');
const DE_TEN = ',,zwanzig,dreißig,vierzig,fünfzig,sechzig,siebzig,achtzig,neunzig'.split(',');
const EN_UNIT = 'zero one two three four five six seven eight nine'.split(' ');
const EN_TEEN =
  'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const EN_TEN = ',,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(',');

function deTwo(n: number): string {
  if (n < 10) return DE_UNIT[n]!;
  if (n < 20) return DE_TEEN[n - 10]!;
  const u = n % 10;
  const t = DE_TEN[Math.floor(n / 10)]!;
  return u === 0 ? t : `${u === 1 ? 'ein' : DE_UNIT[u]}und${t}`;
}
function enTwo(n: number): string {
  if (n < 10) return EN_UNIT[n]!;
  if (n < 20) return EN_TEEN[n - 10]!;
  const u = n % 10;
  const t = EN_TEN[Math.floor(n / 10)]!;
  return u === 0 ? t : `${t} ${EN_UNIT[u]}`;
}
function deNum(n: number): string {
  if (n < 100) return deTwo(n);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  return `${h === 1 ? 'ein' : DE_UNIT[h]}hundert${rest ? deTwo(rest) : ''}`;
}
function enNum(n: number, and = true): string {
  if (n < 100) return enTwo(n);
  const rest = n % 100;
  return `${EN_UNIT[Math.floor(n / 100)]} hundred${rest ? `${and ? ' and' : ''} ${enTwo(rest)}` : ''}`;
}

/** How a run of digits is read out. */
type DigitStyle = 'digits' | 'pairs' | 'repeat' | 'oh' | 'o' | 'mixed';

function digitWord(lang: Lang, d: string, oh: boolean | 'o'): string {
  if (lang === 'en' && d === '0' && oh) return oh === 'o' ? 'o' : 'oh';
  return (lang === 'de' ? DE_UNIT : EN_UNIT)[Number(d)]!;
}

/** A digit run as said: one by one, in pairs, with "double/doppel", "oh" for zero, mixed. */
function sayDigits(r: R, lang: Lang, digits: string, style: DigitStyle): string {
  const out: string[] = [];
  let i = 0;
  const oh = style === 'o' ? 'o' : style === 'oh';
  while (i < digits.length) {
    const d = digits[i]!;
    if (style === 'repeat' && digits[i + 1] === d) {
      const triple = digits[i + 2] === d;
      const word = lang === 'de' ? (triple ? 'dreifach' : 'doppel') : triple ? 'triple' : 'double';
      if (!(lang === 'de' && triple)) {
        out.push(`${word} ${digitWord(lang, d, false)}`);
        i += triple ? 3 : 2;
        continue;
      }
    }
    const pair =
      (style === 'pairs' || (style === 'mixed' && r() < 0.5)) &&
      i + 1 < digits.length &&
      d !== '0' &&
      // English "sixty" then "two" would read as 62: a round pair is said digit by digit.
      !(lang === 'en' && digits[i + 1] === '0' && d !== '1');
    if (pair) {
      const n = Number(digits.slice(i, i + 2));
      out.push(lang === 'de' ? deTwo(n) : enTwo(n));
      i += 2;
      continue;
    }
    out.push(digitWord(lang, d, oh || (lang === 'en' && style === 'mixed' && r() < 0.5)));
    i++;
  }
  return out.join(' ');
}

// ---------------------------------------------------------------- letters

const NATO: Record<string, string> = Object.fromEntries(
  'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'
    .split(' ')
    .map((w) => [w[0]!, w]),
);
const DE_OLD: Record<string, string> = Object.fromEntries(
  'anton berta cäsar dora emil friedrich gustav heinrich ida julius kaufmann ludwig martha nordpol otto paula quelle richard samuel theodor ulrich viktor wilhelm xanthippe ypsilon zacharias'
    .split(' ')
    .map((w) => [w === 'cäsar' ? 'c' : w[0]!, w]),
);
const DE_CITY: Record<string, string> = Object.fromEntries(
  'aachen berlin chemnitz düsseldorf essen frankfurt goslar hamburg ingelheim jena köln leipzig münchen nürnberg offenbach potsdam quickborn rostock salzwedel tübingen unna völklingen wuppertal xanten ypsilon zwickau'
    .split(' ')
    .map((w) => [w === 'düsseldorf' ? 'd' : w[0]!, w]),
);
const EN_NAMES: Record<string, string> = {
  a: 'a',
  b: 'bee',
  c: 'cee',
  d: 'dee',
  e: 'e',
  f: 'ef',
  g: 'gee',
  h: 'aitch',
  j: 'jay',
  k: 'kay',
  p: 'pee',
  r: 'ar',
  s: 'ess',
  t: 'tee',
  v: 'vee',
  x: 'ex',
  z: 'zed',
};

type LetterStyle = 'letters' | 'nato' | 'de-old' | 'de-city' | 'like' | 'names';

function sayLetter(lang: Lang, c: string, style: LetterStyle): string {
  const l = c.toLowerCase();
  switch (style) {
    case 'letters':
      return l;
    case 'nato':
      return NATO[l]!;
    case 'de-old':
      return DE_OLD[l] ?? l;
    case 'de-city':
      return DE_CITY[l] ?? l;
    case 'names':
      return EN_NAMES[l] ?? l;
    case 'like':
      return lang === 'de' ? `${l} wie ${DE_OLD[l] ?? l}` : `${l} for ${NATO[l]}`;
  }
}
const sayLetters = (lang: Lang, s: string, style: LetterStyle) =>
  [...s].map((c) => sayLetter(lang, c, style)).join(' ');

// ---------------------------------------------------------------- values

function ibanCheck(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + Number(ch)) % 97;
  return String(98 - rem).padStart(2, '0');
}
function iban(r: R, country: 'DE' | 'AT' | 'GB'): string {
  const bban =
    country === 'DE'
      ? digitsOfLength(r, 18)
      : country === 'AT'
        ? digitsOfLength(r, 16)
        : `${pick(r, ['NWBK', 'BARC', 'MIDL', 'LOYD', 'HBUK'])}${digitsOfLength(r, 14)}`;
  const v = `${country}${ibanCheck(country, bban)}${bban}`;
  if (!ibanValid(v)) throw new Error(`bad iban ${v}`);
  return v;
}
function luhnComplete(prefix: string, length: number, r: R): string {
  for (;;) {
    const body = prefix + digitsOfLength(r, length - prefix.length - 1);
    for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return body + c;
  }
}
function card(r: R): string {
  return luhnComplete(pick(r, ['4', '51', '53', '55', '4539']), 16, r);
}
function ssn(r: R): string {
  for (;;) {
    const v = `${int(r, 1, 899)}`.padStart(3, '0') + digitsOfLength(r, 6);
    if (ssnValid(v) && v.slice(0, 3) !== '666') return v;
  }
}
function taxId(r: R): string {
  for (;;) {
    const v = `${int(r, 1, 9)}${digitsOfLength(r, 10)}`;
    if (steuerIdValid(v)) return v;
  }
}
function ip(r: R): string {
  const first = pick(r, [10, 172, 192, 85, 213, 62, 141]);
  return [first, int(r, 0, 255), int(r, 0, 255), int(r, 1, 254)].join('.');
}
const GIVEN = ['lena', 'tobias', 'jana', 'malte', 'greta', 'ole', 'sina', 'kofi', 'ruth', 'ivan'];
const FAMILY = ['weber', 'kranz', 'lindqvist', 'okafor', 'brandt', 'held', 'novak', 'sauer'];
const DOMAINS_DE = ['gmx.de', 'web.de', 't-online.de', 'posteo.de', 'mailbox.org'];
const DOMAINS_EN = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'hotmail.com'];

// ---------------------------------------------------------------- builder

class Items {
  readonly list: VariantItem[] = [];
  add(lang: Lang, kind: 'written' | 'spoken', style: string, type: string, marked: string): void {
    const { text, spans } = parseMarkup(marked, lang, kind);
    this.list.push({ text, lang, kind, style, type, spans });
  }
}

const frame = (r: R, frames: readonly string[], value: string, type: string) =>
  pick(r, frames).replace('{}', `[[${value}|${type}]]`);

// Frames written for this file. Written frames are sentences; spoken ones lower case, no
// punctuation, as a recogniser writes them.
const F = {
  IBAN: {
    de: {
      written: [
        'Überweisen Sie den Betrag bitte auf {}.',
        'Meine neue Bankverbindung: {}',
        'IBAN {} – Kontoinhaberin bin ich.',
      ],
      spoken: [
        'die iban lautet {} ja genau',
        'überweis es mir auf {} danke',
        'kontonummer ist {} bei der sparkasse',
      ],
    },
    en: {
      written: ['Please pay into {} by Friday.', 'My IBAN is {}, thanks.', 'Bank details: {}'],
      spoken: [
        'my iban is {} thanks',
        'send it to the account {} please',
        'the iban should be {} yeah',
      ],
    },
  },
  CREDIT_CARD: {
    de: {
      written: ['Die Kreditkarte {} läuft im Mai ab.', 'Bitte buchen Sie von Karte {} ab.'],
      spoken: ['meine kartennummer ist {} gültig bis mai', 'die kreditkarte {} bitte belasten'],
    },
    en: {
      written: ['Charge the card {} please.', 'Card number: {}, expiry 08/29.'],
      spoken: ['the card number is {} expiry august', 'put it on my visa {} please'],
    },
  },
  US_SSN: {
    de: {
      written: ['Seine Social Security Number ist {}.', 'SSN {} liegt der Akte bei.'],
      spoken: ['die social security number ist {}', 'seine ssn lautet {}'],
    },
    en: {
      written: ['My social security number is {}.', 'SSN: {} (on file).'],
      spoken: ['my social security number is {}', 'social is {} okay', 'ssn {} thanks'],
    },
  },
  DE_TAX_ID: {
    de: {
      written: ['Meine Steuer-ID lautet {}.', 'Steueridentifikationsnummer: {}'],
      spoken: ['meine steuer id ist {}', 'die steueridentifikationsnummer lautet {} ja'],
    },
    en: {
      written: ['My German tax ID is {}.', 'Tax identification number {} for the form.'],
      spoken: ['my german tax id is {}', 'the tax identification number is {}'],
    },
  },
  IP_ADDRESS: {
    de: {
      written: ['Der Zugriff kam von {} gestern Nacht.', 'Meine IP ist {}.'],
      spoken: ['meine ip adresse ist {} glaube ich', 'der router hat die ip {}'],
    },
    en: {
      written: ['The login came from {} last night.', 'My IP address is {}.'],
      spoken: ['my ip address is {} i think', 'the server sits at {} right now'],
    },
  },
  EMAIL: {
    de: {
      written: ['Schreib mir an {}, danke.', 'Mail: {}'],
      spoken: ['meine mail ist {} danke', 'schreib mir einfach an {}'],
    },
    en: {
      written: ['Drop me a line at {} please.', 'Email: {}'],
      spoken: ['my email is {} cheers', 'you can reach me at {} anytime'],
    },
  },
  PHONE: {
    de: {
      written: ['Ruf mich unter {} an.', 'Handy: {}'],
      spoken: ['meine handynummer ist {} ab mittag', 'ruf mich an unter {} bitte'],
    },
    en: {
      written: ['Call me on {} after six.', 'Mobile: {}'],
      spoken: ['my mobile number is {} after six', 'ring me on {} okay'],
    },
  },
  VEHICLE_PLATE: {
    de: {
      written: ['Das Kennzeichen war {}.', 'Der Wagen mit {} parkt falsch.'],
      spoken: ['das kennzeichen ist {} ein blauer golf', 'mein auto hat das kennzeichen {}'],
    },
    en: {
      written: ['The car registration is {}.', 'A van with plate {} blocked the drive.'],
      spoken: ['the registration is {} a silver car', 'my car plate is {} thanks'],
    },
  },
  DATE_OF_BIRTH: {
    de: {
      written: ['Geboren am {} in Kiel.', 'Geburtsdatum: {}', 'Ich bin am {} geboren.'],
      spoken: ['ich bin am {} geboren', 'geboren am {} in kiel', 'mein geburtsdatum ist der {}'],
    },
    en: {
      written: ['I was born on {} in Leeds.', 'Date of birth: {}', 'DOB {}'],
      spoken: ['i was born on {} in leeds', 'my date of birth is {}', 'born {} in leeds'],
    },
  },
} as const;

function addIbans(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.IBAN[lang];
    for (let n = 0; n < 12; n++) {
      const v = iban(r, n % 3 === 0 ? 'GB' : n % 3 === 1 ? 'DE' : 'AT');
      const grouped = v.replace(/(.{4})/g, '$1 ').trim();
      out.add(lang, 'written', 'grouped', 'IBAN', frame(r, f.written, grouped, 'IBAN'));
      out.add(lang, 'written', 'compact', 'IBAN', frame(r, f.written, v, 'IBAN'));
      out.add(lang, 'written', 'lower', 'IBAN', frame(r, f.written, grouped.toLowerCase(), 'IBAN'));
      const country = v.slice(0, 2);
      const body = v.slice(2);
      const digitStyles: DigitStyle[] =
        lang === 'de'
          ? ['digits', 'pairs', 'repeat', 'mixed']
          : ['digits', 'pairs', 'repeat', 'oh', 'o', 'mixed'];
      const letterStyles: LetterStyle[] =
        lang === 'de'
          ? ['letters', 'de-old', 'de-city', 'nato', 'like']
          : ['letters', 'nato', 'names', 'like'];
      for (const ds of digitStyles)
        for (const ls of letterStyles) {
          // The body: digits, and the bank code's letters (GB) spelt the same way.
          const parts = body
            .match(/\d+|[A-Z]+/g)!
            .map((p) => (/\d/.test(p) ? sayDigits(r, lang, p, ds) : sayLetters(lang, p, ls)));
          const said = `${sayLetters(lang, country, ls)} ${parts.join(' ')}`;
          out.add(lang, 'spoken', `${ds}+${ls}`, 'IBAN', frame(r, f.spoken, said, 'IBAN'));
        }
      // The country said as one word ("de", "gb").
      const bodySaid = body
        .match(/\d+|[A-Z]+/g)!
        .map((p) =>
          /\d/.test(p) ? sayDigits(r, lang, p, 'digits') : sayLetters(lang, p, 'letters'),
        )
        .join(' ');
      out.add(
        lang,
        'spoken',
        'country-word',
        'IBAN',
        frame(r, f.spoken, `${country.toLowerCase()} ${bodySaid}`, 'IBAN'),
      );
    }
  }
}

function addDigitType(
  out: Items,
  r: R,
  type: 'CREDIT_CARD' | 'US_SSN' | 'DE_TAX_ID',
  make: (r: R) => string,
  writtenForms: (v: string) => [string, string][],
  groups: (v: string) => string[],
  count: number,
): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F[type][lang];
    for (let n = 0; n < count; n++) {
      const v = make(r);
      for (const [style, w] of writtenForms(v))
        out.add(lang, 'written', style, type, frame(r, f.written, w, type));
      const styles: DigitStyle[] =
        lang === 'de'
          ? ['digits', 'pairs', 'repeat', 'mixed']
          : ['digits', 'pairs', 'repeat', 'oh', 'o', 'mixed'];
      for (const ds of styles) {
        const gs = groups(v);
        out.add(
          lang,
          'spoken',
          ds,
          type,
          frame(r, f.spoken, gs.map((g) => sayDigits(r, lang, g, ds)).join(' '), type),
        );
        if (gs.length > 1) {
          const dash =
            lang === 'de'
              ? pick(r, ['strich', 'bindestrich', 'minus'])
              : pick(r, ['dash', 'hyphen']);
          out.add(
            lang,
            'spoken',
            `${ds}+dash`,
            type,
            frame(r, f.spoken, gs.map((g) => sayDigits(r, lang, g, ds)).join(` ${dash} `), type),
          );
        }
      }
    }
  }
}

function addIps(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.IP_ADDRESS[lang];
    for (let n = 0; n < 14; n++) {
      const v = ip(r);
      const octets = v.split('.').map(Number);
      out.add(lang, 'written', 'dotted', 'IP_ADDRESS', frame(r, f.written, v, 'IP_ADDRESS'));
      const port = int(r, 1024, 9999);
      out.add(
        lang,
        'written',
        'with-port',
        'IP_ADDRESS',
        frame(r, f.written, v, 'IP_ADDRESS').replace('|IP_ADDRESS]]', `|IP_ADDRESS]]:${port}`),
      );
      const dot = lang === 'de' ? 'punkt' : pick(r, ['dot', 'point']);
      const one = (o: number) => sayDigits(r, lang, String(o), 'digits');
      const num = (o: number) => (lang === 'de' ? deNum(o) : enNum(o, r() < 0.5));
      // "one ninety two", "hundert zweiundneunzig": the hundreds digit then a pair.
      const split = (o: number) =>
        o >= 100 && o % 100 >= 10
          ? `${(lang === 'de' ? DE_UNIT : EN_UNIT)[Math.floor(o / 100)]} ${lang === 'de' ? deTwo(o % 100) : enTwo(o % 100)}`
          : one(o);
      // "hundert zweiundneunzig", "zweihundert fünf": the hundreds apart from the rest.
      const hundredApart = (o: number) =>
        o >= 100 && o % 100
          ? lang === 'de'
            ? `${Math.floor(o / 100) === 1 ? 'hundert' : `${DE_UNIT[Math.floor(o / 100)]}hundert`} ${deTwo(o % 100)}`
            : `${EN_UNIT[Math.floor(o / 100)]} hundred ${enTwo(o % 100)}`
          : num(o);
      for (const [style, say] of [
        ['digits', one],
        ['numbers', num],
        ['split', split],
        ['hundred-apart', hundredApart],
      ] as const)
        out.add(
          lang,
          'spoken',
          style,
          'IP_ADDRESS',
          frame(r, f.spoken, octets.map(say).join(` ${dot} `), 'IP_ADDRESS'),
        );
    }
  }
}

function addEmails(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.EMAIL[lang];
    for (let n = 0; n < 14; n++) {
      const g = pick(r, GIVEN);
      const fam = pick(r, FAMILY);
      const sep = pick(r, ['.', '_', '-', '']);
      const num = r() < 0.4 ? String(int(r, 1, 99)) : '';
      const domain = pick(r, lang === 'de' ? DOMAINS_DE : DOMAINS_EN);
      const v = `${g}${sep}${fam}${num}@${domain}`;
      out.add(lang, 'written', 'plain', 'EMAIL', frame(r, f.written, v, 'EMAIL'));
      out.add(
        lang,
        'written',
        'plus-tag',
        'EMAIL',
        frame(r, f.written, `${g}+news@${domain}`, 'EMAIL'),
      );
      const sub = `${g}.${fam}@mail.${fam}-${pick(r, ['praxis', 'consult', 'design'])}.${lang === 'de' ? 'de' : 'co.uk'}`;
      out.add(lang, 'written', 'subdomain', 'EMAIL', frame(r, f.written, sub, 'EMAIL'));
      const sepWord =
        sep === '.'
          ? lang === 'de'
            ? 'punkt'
            : 'dot'
          : sep === '_'
            ? lang === 'de'
              ? 'unterstrich'
              : 'underscore'
            : sep === '-'
              ? lang === 'de'
                ? pick(r, ['minus', 'bindestrich'])
                : pick(r, ['dash', 'hyphen'])
              : '';
      const at =
        lang === 'de'
          ? pick(r, ['at', 'ät', 'at zeichen', 'klammeraffe'])
          : pick(r, ['at', 'at sign']);
      const dot = lang === 'de' ? 'punkt' : 'dot';
      const sayDomain = domain
        .split('.')
        .map((p) => p.replace('-', lang === 'de' ? ' minus ' : ' dash '))
        .join(` ${dot} `);
      const numSaid = num ? ` ${lang === 'de' ? deTwo(Number(num)) : enTwo(Number(num))}` : '';
      const local = `${g}${sepWord ? ` ${sepWord} ` : ' '}${fam}${numSaid}`;
      out.add(
        lang,
        'spoken',
        'words',
        'EMAIL',
        frame(r, f.spoken, `${local} ${at} ${sayDomain}`, 'EMAIL'),
      );
      // The family name spelt.
      const spelt = `${g}${sepWord ? ` ${sepWord} ` : ' '}${sayLetters(lang, fam, 'letters')}${numSaid}`;
      out.add(
        lang,
        'spoken',
        'spelt',
        'EMAIL',
        frame(r, f.spoken, `${spelt} ${at} ${sayDomain}`, 'EMAIL'),
      );
      // A short domain name spelt letter by letter ("g m x punkt de").
      if (/^[a-z]{3}\./.test(domain)) {
        const [name, ...rest] = domain.split('.');
        const speltDomain = `${sayLetters(lang, name!, 'letters')} ${dot} ${rest.join(` ${dot} `)}`;
        out.add(
          lang,
          'spoken',
          'domain-spelt',
          'EMAIL',
          frame(r, f.spoken, `${local} ${at} ${speltDomain}`, 'EMAIL'),
        );
      }
      // The number as digits one by one.
      if (num) {
        const d = ` ${sayDigits(r, lang, num, 'digits')}`;
        out.add(
          lang,
          'spoken',
          'num-digits',
          'EMAIL',
          frame(
            r,
            f.spoken,
            `${g}${sepWord ? ` ${sepWord} ` : ' '}${fam}${d} ${at} ${sayDomain}`,
            'EMAIL',
          ),
        );
      }
    }
  }
}

function addPhones(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.PHONE[lang];
    for (let n = 0; n < 12; n++) {
      const de = r() < 0.5;
      const national = de
        ? `${pick(r, ['0151', '0160', '0171', '0176'])}${digitsOfLength(r, 8)}`.replace(
            /^(0160)(\d{8})$/,
            (_, a, b) => a + b.slice(0, 7),
          )
        : `07${pick(r, ['700', '911', '456', '812'])}${digitsOfLength(r, 6)}`;
      const intl = de ? `+49${national.slice(1)}` : `+44${national.slice(1)}`;
      if (lang === 'en' && n % 3 === 0) {
        // A North American number: area code, exchange, line.
        const us = `${pick(r, ['312', '415', '617', '206'])}${int(r, 2, 9)}${digitsOfLength(r, 6)}`;
        out.add(
          lang,
          'written',
          'us',
          'PHONE',
          frame(r, f.written, `(${us.slice(0, 3)}) ${us.slice(3, 6)}-${us.slice(6)}`, 'PHONE'),
        );
        out.add(
          lang,
          'written',
          'us-dashed',
          'PHONE',
          frame(r, f.written, `${us.slice(0, 3)}-${us.slice(3, 6)}-${us.slice(6)}`, 'PHONE'),
        );
        out.add(
          lang,
          'spoken',
          'us-digits',
          'PHONE',
          frame(
            r,
            f.spoken,
            `${sayDigits(r, lang, us.slice(0, 3), 'digits')} ${sayDigits(r, lang, us.slice(3, 6), 'digits')} ${sayDigits(r, lang, us.slice(6), 'mixed')}`,
            'PHONE',
          ),
        );
      }
      const w1 = de
        ? `${national.slice(0, 4)} ${national.slice(4)}`
        : `${national.slice(0, 5)} ${national.slice(5)}`;
      out.add(lang, 'written', 'national', 'PHONE', frame(r, f.written, w1, 'PHONE'));
      out.add(
        lang,
        'written',
        'intl',
        'PHONE',
        frame(r, f.written, `${intl.slice(0, 3)} ${intl.slice(3, 6)} ${intl.slice(6)}`, 'PHONE'),
      );
      const cut = de ? 4 : 5;
      out.add(
        lang,
        'written',
        'parens',
        'PHONE',
        frame(
          r,
          f.written,
          `(${national.slice(0, cut)}) ${national.slice(cut, cut + 3)} ${national.slice(cut + 3)}`,
          'PHONE',
        ),
      );
      out.add(
        lang,
        'written',
        'slash',
        'PHONE',
        frame(r, f.written, `${national.slice(0, cut)}/${national.slice(cut)}`, 'PHONE'),
      );
      out.add(
        lang,
        'written',
        'trunk-in-parens',
        'PHONE',
        frame(r, f.written, `${intl.slice(0, 3)} (0)${intl.slice(3, 6)} ${intl.slice(6)}`, 'PHONE'),
      );
      out.add(lang, 'written', 'compact-intl', 'PHONE', frame(r, f.written, intl, 'PHONE'));
      const styles: DigitStyle[] =
        lang === 'de'
          ? ['digits', 'pairs', 'repeat', 'mixed']
          : ['digits', 'pairs', 'repeat', 'oh', 'o', 'mixed'];
      for (const ds of styles) {
        const said = `${sayDigits(r, lang, national.slice(0, 4), ds === 'pairs' ? 'digits' : ds)} ${sayDigits(r, lang, national.slice(4), ds)}`;
        out.add(lang, 'spoken', ds, 'PHONE', frame(r, f.spoken, said, 'PHONE'));
      }
      const plus = `plus ${sayDigits(r, lang, intl.slice(1, 3), 'digits')} ${sayDigits(r, lang, intl.slice(3), 'digits')}`;
      out.add(lang, 'spoken', 'plus', 'PHONE', frame(r, f.spoken, plus, 'PHONE'));
      const cc = Number(intl.slice(1, 3));
      const plusPair = `plus ${lang === 'de' ? deTwo(cc) : enTwo(cc)} ${sayDigits(r, lang, intl.slice(3), 'digits')}`;
      out.add(lang, 'spoken', 'plus-pair', 'PHONE', frame(r, f.spoken, plusPair, 'PHONE'));
    }
  }
}

const DISTRICTS = ['M', 'HH', 'B', 'K', 'S', 'F', 'DA', 'KI', 'HB', 'WOB', 'GÖ', 'BN', 'LB'];
function addPlates(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.VEHICLE_PLATE[lang];
    for (let n = 0; n < 14; n++) {
      // German.
      const d = pick(
        r,
        DISTRICTS.filter((x) => !x.includes('Ö')),
      );
      const l = Array.from({ length: int(r, 1, 2) }, () =>
        pick(r, [...'ABCDEFGHKLMNPRSTUVWXYZ']),
      ).join('');
      const num = String(int(r, 1, r() < 0.5 ? 99 : 9999));
      const suffix = r() < 0.15 ? pick(r, ['E', 'H']) : '';
      for (const [style, w] of [
        ['hyphen', `${d}-${l} ${num}${suffix}`],
        ['spaces', `${d} ${l} ${num}${suffix}`],
        ['two-hyphens', `${d}-${l}-${num}${suffix}`],
        ['lower', `${d}-${l} ${num}${suffix}`.toLowerCase()],
      ] as const)
        out.add(
          lang,
          'written',
          `de-${style}`,
          'VEHICLE_PLATE',
          frame(r, f.written, w, 'VEHICLE_PLATE'),
        );
      const numSaid = (style: DigitStyle) => sayDigits(r, lang, num, style);
      const letterStyles: LetterStyle[] =
        lang === 'de' ? ['letters', 'de-old', 'de-city', 'like'] : ['letters', 'nato', 'names'];
      for (const ls of letterStyles) {
        const sep =
          lang === 'de'
            ? pick(r, [' minus ', ' bindestrich ', ' strich ', ' '])
            : pick(r, [' dash ', ' ']);
        const sfx = suffix ? ` ${suffix.toLowerCase()}` : '';
        const said = `${sayLetters(lang, d, ls)}${sep}${sayLetters(lang, l, ls)} ${numSaid(r() < 0.5 ? 'digits' : 'pairs')}${sfx}`;
        out.add(
          lang,
          'spoken',
          `de-${ls}`,
          'VEHICLE_PLATE',
          frame(r, f.spoken, said, 'VEHICLE_PLATE'),
        );
      }
      // The district said as a word ("hh", "wob").
      out.add(
        lang,
        'spoken',
        'de-district-word',
        'VEHICLE_PLATE',
        frame(
          r,
          f.spoken,
          `${d.toLowerCase()} ${sayLetters(lang, l, 'letters')} ${numSaid('digits')}`,
          'VEHICLE_PLATE',
        ),
      );
      // British.
      const area = pick(r, ['AB', 'LK', 'YX', 'SN', 'MA', 'BD', 'GF']);
      const age = pick(r, ['05', '12', '19', '23', '55', '61', '68', '71', '73']);
      const tail = Array.from({ length: 3 }, () => pick(r, [...'ABCDEFGHJKLMNPRSTUVWXYZ'])).join(
        '',
      );
      out.add(
        lang,
        'written',
        'uk-spaced',
        'VEHICLE_PLATE',
        frame(r, f.written, `${area}${age} ${tail}`, 'VEHICLE_PLATE'),
      );
      out.add(
        lang,
        'written',
        'uk-compact',
        'VEHICLE_PLATE',
        frame(r, f.written, `${area}${age}${tail}`, 'VEHICLE_PLATE'),
      );
      for (const [ageStyle, ds] of [
        ['digits', 'digits'],
        ['pair', 'pairs'],
        ['oh', 'oh'],
      ] as const) {
        const ls: LetterStyle = pick(
          r,
          lang === 'de' ? ['letters', 'nato'] : ['letters', 'nato', 'names'],
        );
        const said = `${sayLetters(lang, area, ls)} ${sayDigits(r, lang, age, ds)} ${sayLetters(lang, tail, ls)}`;
        out.add(
          lang,
          'spoken',
          `uk-age-${ageStyle}`,
          'VEHICLE_PLATE',
          frame(r, f.spoken, said, 'VEHICLE_PLATE'),
        );
      }
      // Austrian: district, digits, letters ("W 12345 X" style is Vienna's; "G 123 AB").
      const at = `${pick(r, ['W', 'G', 'L', 'S', 'I', 'K'])}-${int(r, 1, 999)} ${pick(r, ['AB', 'X', 'LM', 'TZ'])}`;
      out.add(lang, 'written', 'at', 'VEHICLE_PLATE', frame(r, f.written, at, 'VEHICLE_PLATE'));
    }
  }
}

const DE_ORD_STEM = [
  '',
  'ersten',
  'zweiten',
  'dritten',
  'vierten',
  'fünften',
  'sechsten',
  'siebten',
  'achten',
  'neunten',
  'zehnten',
  'elften',
  'zwölften',
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
];
const MONTH_DE = [
  '',
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
];
const MONTH_EN = [
  '',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
function deOrd(n: number): string {
  if (n <= 12) return DE_ORD_STEM[n]!;
  if (n < 20)
    return `${DE_TEEN[n - 10]!.replace(/zehn$/, 'zehn')}ten`.replace('sechzehnten', 'sechzehnten');
  return `${deTwo(n)}sten`;
}
function enOrd(n: number): string {
  if (n <= 12) return EN_ORD[n]!;
  if (n < 20) return `${EN_TEEN[n - 10]}th`;
  if (n === 20) return 'twentieth';
  if (n === 30) return 'thirtieth';
  return `${EN_TEN[Math.floor(n / 10)]} ${EN_ORD[n % 10]}`;
}
const enSuffix = (n: number) =>
  n % 10 === 1 && n !== 11
    ? 'st'
    : n % 10 === 2 && n !== 12
      ? 'nd'
      : n % 10 === 3 && n !== 13
        ? 'rd'
        : 'th';

function addDates(out: Items, r: R): void {
  for (const lang of ['de', 'en'] as const) {
    const f = F.DATE_OF_BIRTH[lang];
    for (let n = 0; n < 14; n++) {
      const day = int(r, 1, 28);
      const month = int(r, 1, 12);
      const year = int(r, 1940, 2012);
      const yy = String(year % 100).padStart(2, '0');
      const dd = String(day).padStart(2, '0');
      const mm = String(month).padStart(2, '0');
      const written: [string, string][] =
        lang === 'de'
          ? [
              ['dotted', `${dd}.${mm}.${year}`],
              ['dotted-short', `${day}.${month}.${yy}`],
              ['month-name', `${day}. ${cap(MONTH_DE[month]!)} ${year}`],
              ['iso', `${year}-${mm}-${dd}`],
              ['slash', `${dd}/${mm}/${year}`],
              ['month-name-short-year', `${day}. ${cap(MONTH_DE[month]!)} ${yy}`],
              ['dashed', `${dd}-${mm}-${year}`],
              ['short-no-zero', `${day}.${month}.${year}`],
              ['month-abbrev', `${day}. ${cap(MONTH_DE[month]!.slice(0, 3))}. ${year}`],
            ]
          : [
              ['slash', `${dd}/${mm}/${year}`],
              ['month-first', `${cap(MONTH_EN[month]!)} ${day}${enSuffix(day)}, ${year}`],
              ['day-first', `${day} ${cap(MONTH_EN[month]!)} ${year}`],
              ['apostrophe-year', `${cap(MONTH_EN[month]!)} ${day}${enSuffix(day)} '${yy}`],
              ['iso', `${year}-${mm}-${dd}`],
              ['dotted', `${dd}.${mm}.${year}`],
              ['ordinal-of', `${day}${enSuffix(day)} of ${cap(MONTH_EN[month]!)} ${year}`],
              ['month-abbrev', `${cap(MONTH_EN[month]!.slice(0, 3))} ${day}, ${year}`],
              ['us-slash', `${month}/${day}/${yy}`],
              ['dashed', `${mm}-${dd}-${year}`],
              ['abbrev-dot', `${cap(MONTH_EN[month]!.slice(0, 3))}. ${day}, ${year}`],
            ];
      for (const [style, w] of written)
        out.add(lang, 'written', style, 'DATE_OF_BIRTH', frame(r, f.written, w, 'DATE_OF_BIRTH'));
      // Frames of a CV or a register: the star and "geb." / "b." for born.
      if (lang === 'de') {
        out.add(
          lang,
          'written',
          'star',
          'DATE_OF_BIRTH',
          `Lena Roth, * [[${dd}.${mm}.${year}|DATE_OF_BIRTH]] in Kiel`,
        );
        out.add(
          lang,
          'written',
          'geb-abbrev',
          'DATE_OF_BIRTH',
          `Lena Roth (geb. [[${dd}.${mm}.${year}|DATE_OF_BIRTH]])`,
        );
      } else
        out.add(
          lang,
          'written',
          'b-abbrev',
          'DATE_OF_BIRTH',
          `Ruth Hale (b. [[${day} ${cap(MONTH_EN[month]!)} ${year}|DATE_OF_BIRTH]])`,
        );
      const deYear =
        year < 2000
          ? `neunzehnhundert${deTwo(year % 100)}`
          : `zweitausend${year % 100 ? deTwo(year % 100) : ''}`;
      const enYear =
        year < 2000
          ? `nineteen ${year % 100 < 10 ? `oh ${EN_UNIT[year % 100]}` : enTwo(year % 100)}`
          : `two thousand${year % 100 ? ` and ${enTwo(year % 100)}` : ''}`;
      // A two-digit year below ten keeps its zero: "null drei", "oh three".
      // 2000 itself is said in full.
      const deShort =
        year === 2000
          ? deYear
          : year % 100 < 10
            ? `null ${DE_UNIT[year % 100]}`
            : deTwo(year % 100);
      const enShort =
        year === 2000 ? enYear : year % 100 < 10 ? `oh ${EN_UNIT[year % 100]}` : enTwo(year % 100);
      const spoken: [string, string][] =
        lang === 'de'
          ? [
              ['ordinal-month', `${deOrd(day)} ${MONTH_DE[month]} ${deYear}`],
              ['ordinal-ordinal', `${deOrd(day)} ${deOrd(month)} ${deShort}`],
              ['ordinal-short-year', `${deOrd(day)} ${MONTH_DE[month]} ${deShort}`],
              ['year-split', `${deOrd(day)} ${MONTH_DE[month]} neunzehn ${deTwo(year % 100)}`],
              [
                'digits',
                `${sayDigits(r, lang, dd, 'digits')} ${sayDigits(r, lang, mm, 'digits')} ${deYear}`,
              ],
              ['nominative', `${deOrd(day).replace(/n$/, '')} ${MONTH_DE[month]} ${deYear}`],
              [
                'cardinal-month',
                `${deOrd(day)} ${MONTH_DE[month]} ${deTwo(Math.floor(year / 100))} ${deShort}`,
              ],
            ]
          : [
              ['of-month', `the ${enOrd(day)} of ${MONTH_EN[month]} ${enYear}`],
              ['month-ordinal', `${MONTH_EN[month]} ${enOrd(day)} ${enYear}`],
              ['month-the-ordinal', `${MONTH_EN[month]} the ${enOrd(day)} ${enYear}`],
              ['ordinal-short-year', `the ${enOrd(day)} of ${MONTH_EN[month]} ${enShort}`],
              [
                'digits',
                `${sayDigits(r, lang, dd, 'oh')} ${sayDigits(r, lang, mm, 'oh')} ${enShort}`,
              ],
              ['ordinal-no-of', `${enOrd(day)} ${MONTH_EN[month]} ${enYear}`],
              ['month-short-year', `${MONTH_EN[month]} ${enOrd(day)} ${enShort}`],
            ];
      for (const [style, s] of spoken)
        out.add(lang, 'spoken', style, 'DATE_OF_BIRTH', frame(r, f.spoken, s, 'DATE_OF_BIRTH'));
    }
  }
}

// Negatives: numbers that look like these values but are no one's. No gold span.
const NEGATIVES: Record<Lang, { written: string[]; spoken: string[] }> = {
  de: {
    written: [
      'Bestellnummer 4711-0815-2233, Lieferung am Montag.',
      'Der Preis liegt bei 1.299,00 Euro inklusive Versand.',
      'Wir treffen uns um 14:30 Uhr am Bahnhof.',
      'Das Spiel endete 3:1, im Jahr 2019 war es 0:2.',
      'Rechnung Nr. 2023-118-4409 ist bezahlt.',
      'Version 10.4.2.1 behebt den Fehler.',
      'Im Jahr 1984 wurde die Halle gebaut.',
      'Artikel 12345678901 ist ausverkauft.',
      'Die Sendung 00340434161234567890 ist unterwegs.',
      'Raum 3.14 im zweiten Stock.',
      'Am 3. Juli 1984 war Stromausfall.',
      'Die Firma wurde am 01.04.1999 gegründet.',
      'Das Modell A-320 fliegt seit 1988.',
      'Tarif B-12 gilt ab 2025.',
    ],
    spoken: [
      'die bestellnummer ist vier sieben eins eins null acht eins fünf',
      'das kostet neunzehn euro neunundneunzig',
      'wir sehen uns um halb drei also vierzehn uhr dreißig',
      'das spiel ging drei zu eins aus',
      'im jahr neunzehnhundertvierundachtzig wurde das gebaut',
      'die rechnung hat die nummer zwei null zwei drei eins eins acht',
      'version zehn punkt vier punkt zwei punkt eins ist draußen',
      'wir waren zweiundzwanzig leute und dreiunddreißig kinder',
      'der zug fährt um sieben uhr zwölf auf gleis drei',
      'der termin ist am dritten juli um zehn uhr',
      'am dritten juli neunzehnhundertvierundachtzig war stromausfall',
      'zimmer zwei null vier im dritten stock',
      'seite dreiundzwanzig absatz vier',
      'die postleitzahl ist zwei null eins vier vier',
      'wir haben vier zu zwei gewonnen und dann drei zu drei gespielt',
    ],
  },
  en: {
    written: [
      'Order number 4711-0815-2233 ships Monday.',
      'It costs $1,299.00 including tax.',
      'See you at 14:30 at the station.',
      'The match ended 3-1; in 2019 it was 0-2.',
      'Invoice 2023-118-4409 is paid.',
      'Version 10.4.2.1 fixes the bug.',
      'The hall was built in 1984.',
      'Item 12345678901 is sold out.',
      'Parcel 00340434161234567890 is on its way.',
      'Room 3.14 on the second floor.',
      'On 3 July 1984 the plant closed.',
      'The firm was founded on 04/01/1999.',
      'The A-320 has flown since 1988.',
      'Rate B-12 applies from 2025.',
    ],
    spoken: [
      'the order number is four seven one one oh eight one five',
      'that comes to nineteen ninety nine',
      'see you at half two so fourteen thirty',
      'the game finished three one to us',
      'the hall was built in nineteen eighty four',
      'the invoice number is two oh two three one one eight',
      'version ten point four point two point one is out',
      'there were twenty two adults and thirty three kids',
      'the train leaves at seven twelve from platform three',
      'the meeting is on the third of july at ten',
      'on the third of july nineteen eighty four the plant closed',
      'room two oh four on the third floor',
      'page twenty three paragraph four',
      'flight b a two four seven leaves at nine',
      'we won four two and then drew three all',
    ],
  },
};

export function structuredVariants(seed = 1717): VariantItem[] {
  const r = rng(seed);
  const out = new Items();
  addIbans(out, r);
  addDigitType(
    out,
    r,
    'CREDIT_CARD',
    card,
    (v) => [
      ['spaced', v.replace(/(\d{4})(?=\d)/g, '$1 ')],
      ['dashed', v.replace(/(\d{4})(?=\d)/g, '$1-')],
      ['compact', v],
    ],
    (v) => v.match(/\d{4}/g)!,
    10,
  );
  addDigitType(
    out,
    r,
    'CREDIT_CARD',
    (r) => luhnComplete(pick(r, ['34', '37']), 15, r),
    (v) => [['amex-spaced', `${v.slice(0, 4)} ${v.slice(4, 10)} ${v.slice(10)}`]],
    (v) => [v.slice(0, 4), v.slice(4, 10), v.slice(10)],
    4,
  );
  addDigitType(
    out,
    r,
    'US_SSN',
    ssn,
    (v) => [
      ['dashed', `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}`],
      ['spaced', `${v.slice(0, 3)} ${v.slice(3, 5)} ${v.slice(5)}`],
      ['compact', v],
    ],
    (v) => [v.slice(0, 3), v.slice(3, 5), v.slice(5)],
    10,
  );
  addDigitType(
    out,
    r,
    'DE_TAX_ID',
    taxId,
    (v) => [
      ['grouped', `${v.slice(0, 2)} ${v.slice(2, 5)} ${v.slice(5, 8)} ${v.slice(8)}`],
      ['compact', v],
    ],
    (v) => [v.slice(0, 2), v.slice(2, 5), v.slice(5, 8), v.slice(8)],
    10,
  );
  addIps(out, r);
  addEmails(out, r);
  addPhones(out, r);
  addPlates(out, r);
  addDates(out, r);
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const)
      for (const t of NEGATIVES[lang][kind]) out.add(lang, kind, 'negative', 'NONE', t);
  return out.list;
}
