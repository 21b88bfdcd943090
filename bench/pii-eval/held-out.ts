// The held-out corpus: names, places and sentence frames that the detector was not built from.
// None of the names or places below is in src/pii/data/gazetteer.ts (test/pii/held-out.test.ts
// checks this), the frames are written here and nowhere else, and half the texts are lower-case
// transcripts without punctuation with numbers, dates, addresses and plates spoken as an ASR
// system writes them. Nothing in src/ may import this file.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { mod11_10 } from '../../src/pii/checksums.js';
import { DIGITS_DE, DIGITS_EN, rng, TEENS_DE, TEENS_EN, TENS_DE, TENS_EN } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

/** Given names by origin: Vietnamese, Polish, Turkish, Irish, Arabic. */
export const HELD_OUT_FIRST: readonly string[] = [
  ...'Thi Huong Minh Phuong Tuan Quang Hanh Duc Bich Nhung',
  ...' Grzegorz Małgorzata Przemysław Bożena Zbigniew Jadwiga Krzysztof Wiesław Dorota Halina',
  ...' Gökhan Hülya Serkan Ebru Tuğba Oğuz Volkan Şule Ufuk',
  ...' Siobhan Niamh Aoife Ciarán Oisín Saoirse Dervla Pádraig Sinéad Róisín Eoghan',
  ...' Nour Walid Yasmina Khadija Tariq Fadi',
]
  .join('')
  .split(' ');
/** Surnames of the same origins. */
export const HELD_OUT_LAST: readonly string[] =
  'Tran Pham Hoang Vu Bui Dang Wozniak Zieliński Szymańska Grabowski Lewandowska Dąbrowski Çelik Aydın Şahin Arslan Doğan Yıldız O’Sullivan Kavanagh Gallagher Doherty Haddad Al-Masri Nasser Khoury Mansour Saleh Boutros Qasim'.split(
    ' ',
  );
/** Surnames that are also everyday words (German, English). */
export const HELD_OUT_WORD_NAMES: Record<'de' | 'en', readonly string[]> = {
  de: 'Hase Adler Glück Mond Baum Löwe Fisch Berg Schnee Sonne'.split(' '),
  en: 'Baker Cook Young Bird Fox Black Long Wood Hill Banks Knight Fish'.split(' '),
};
/** Towns outside the gazetteer. */
export const HELD_OUT_PLACES: Record<'de' | 'en', readonly string[]> = {
  de: 'Wunsiedel Zwiesel Meppen Husum Prüm Daun Olpe Lingen Goch Aurich Vechta Cloppenburg Sonthofen Füssen Tuttlingen Kufstein Lienz Brig Sursee'.split(
    ' ',
  ),
  en: 'Penrith Kendal Truro Thurso Ballymena Enniskillen Oban Hexham Skegness Whitby Keswick Ludlow Tenby Bude Tupelo Moab Kalispell Dingle Sligo Tralee Killarney'.split(
    ' ',
  ),
};

const DE_UNITS = DIGITS_DE;
const EN_UNITS = ['zero', ...DIGITS_EN.slice(1)];

/** 0..999 in German words, as one word ("hundertzweiundneunzig"). */
export function germanNumber(n: number): string {
  if (n >= 100) {
    const h = Math.floor(n / 100);
    const rest = n % 100;
    return `${h === 1 ? '' : DE_UNITS[h] === 'eins' ? 'ein' : DE_UNITS[h]}hundert${rest ? germanNumber(rest) : ''}`;
  }
  if (n < 10) return DE_UNITS[n]!;
  if (n < 20) return TEENS_DE[n - 10]!;
  const u = n % 10;
  const tens = TENS_DE[Math.floor(n / 10)]!;
  return u === 0 ? tens : `${u === 1 ? 'ein' : DE_UNITS[u]}und${tens}`;
}

/** 0..999 in English words ("one ninety two", "twenty one"). */
export function englishNumber(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    const h = EN_UNITS[Math.floor(n / 100)]!;
    if (rest === 0) return `${h} hundred`;
    return rest < 10 ? `${h} oh ${EN_UNITS[rest]}` : `${h} ${englishNumber(rest)}`;
  }
  if (n < 10) return EN_UNITS[n]!;
  if (n < 20) return TEENS_EN[n - 10]!;
  const u = n % 10;
  const tens = TENS_EN[Math.floor(n / 10)]!;
  return u === 0 ? tens : `${tens} ${EN_UNITS[u]}`;
}

const DE_ORDINAL = (d: number): string =>
  d === 1
    ? 'ersten'
    : d === 3
      ? 'dritten'
      : d === 7
        ? 'siebten'
        : d === 8
          ? 'achten'
          : d < 20
            ? `${germanNumber(d)}ten`
            : `${germanNumber(d)}sten`;
const EN_ORDINALS =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(
    ' ',
  );
const EN_ORDINAL = (d: number): string =>
  d <= 20 ? EN_ORDINALS[d - 1]! : `twenty ${EN_ORDINALS[d - 21]}`;
const DE_MONTHS =
  'januar februar märz april mai juni juli august september oktober november dezember'.split(' ');
const EN_MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );

class Values {
  constructor(
    private readonly r: () => number,
    readonly lang: 'de' | 'en',
  ) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.r() * 10);
    return s;
  }
  first(): string {
    return this.pick(HELD_OUT_FIRST);
  }
  last(): string {
    return this.r() < 0.3 ? this.pick(HELD_OUT_WORD_NAMES[this.lang]) : this.pick(HELD_OUT_LAST);
  }
  full(): string {
    return `${this.first()} ${this.last()}`;
  }
  city(): string {
    return this.pick(HELD_OUT_PLACES[this.lang]);
  }
  ascii(name: string): string {
    return name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ł/g, 'l')
      .replace(/ı/g, 'i')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  }
  /** A number as a person gives it, valid or not in libphonenumber's eyes. */
  anyPhone(): string {
    const n = this.pick([
      `01${this.int(2, 4)}${this.digits(1)} ${this.digits(this.int(5, 7))}`,
      `0${this.digits(3)} ${this.digits(3)} ${this.digits(3)}`,
      `015${this.digits(1)} ${this.digits(7)}`,
      `+49 ${this.digits(3)} ${this.digits(6)}`,
      `0${this.digits(4)}/${this.digits(5)}`,
    ]);
    return n;
  }
  validPhone(): string {
    for (;;) {
      const raw =
        this.lang === 'de'
          ? `017${this.int(0, 9)} ${this.digits(7)}`
          : `07${this.digits(3)} ${this.digits(6)}`;
      if (parsePhoneNumberFromString(raw, this.lang === 'de' ? 'DE' : 'GB')?.isValid()) return raw;
    }
  }
  spokenDigits(digits: string): string {
    const units = this.lang === 'de' ? DE_UNITS : EN_UNITS;
    const out: string[] = [];
    let i = 0;
    while (i < digits.length) {
      const d = digits[i]!;
      const run = digits[i + 1] === d;
      if (run && this.r() < 0.5) {
        out.push(this.lang === 'de' ? 'doppel' : 'double', units[Number(d)]!);
        i += 2;
      } else if (this.r() < 0.25 && i + 1 < digits.length && d !== '0') {
        const two = Number(digits.slice(i, i + 2));
        out.push(this.lang === 'de' ? germanNumber(two) : englishNumber(two));
        i += 2;
      } else {
        out.push(this.lang === 'en' && d === '0' && this.r() < 0.5 ? 'oh' : units[Number(d)]!);
        i++;
      }
    }
    return out.join(' ');
  }
  spokenPhone(): string {
    return this.spokenDigits(this.validPhone().replace(/\D/g, ''));
  }
  emailParts(): [string, string, string, string] {
    return [
      this.ascii(this.first()),
      this.ascii(this.last()),
      this.pick(['gmail', 'web', 'posteo', 'outlook', 'yahoo', 'icloud']),
      this.pick(this.lang === 'de' ? ['de', 'com', 'net', 'at'] : ['com', 'net', 'ie', 'org']),
    ];
  }
  email(): string {
    const [a, b, host, tld] = this.emailParts();
    return `${a}${this.pick(['.', '_', '-', ''])}${b}${this.r() < 0.3 ? this.int(1, 99) : ''}@${host}.${tld}`;
  }
  spokenEmail(): string {
    const [a, b, host, tld] = this.emailParts();
    const de = this.lang === 'de';
    const sep = this.pick(
      de ? ['punkt', 'unterstrich', 'bindestrich', 'punkt'] : ['dot', 'underscore', 'dash', 'dot'],
    );
    const at = de ? this.pick(['at', 'ät', 'klammeraffe']) : 'at';
    const dot = de ? 'punkt' : 'dot';
    const number =
      this.r() < 0.3
        ? ` ${de ? germanNumber(this.int(1, 99)) : englishNumber(this.int(1, 99))}`
        : '';
    return `${a} ${sep} ${b}${number} ${at} ${host} ${dot} ${tld}`;
  }
  ip(): number[] {
    return [
      this.pick([10, 172, 192, 84, 213]),
      this.int(0, 255),
      this.int(0, 255),
      this.int(1, 254),
    ];
  }
  spokenIp(): string {
    const dot = this.lang === 'de' ? 'punkt' : 'dot';
    const style = this.int(0, 2);
    return this.ip()
      .map((n) =>
        style === 0
          ? String(n)
          : style === 1
            ? this.spokenDigits(String(n))
            : this.lang === 'de'
              ? germanNumber(n)
              : englishNumber(n),
      )
      .join(` ${dot} `);
  }
  plate(): [string, string, number] {
    const L = 'ABCDEFGHKLMNPRSTUVWXYZ';
    const region = this.pick(['B', 'M', 'HH', 'K', 'F', 'S', 'DO', 'WUN', 'OA', 'LIN']);
    const letters = `${L[this.int(0, L.length - 1)]}${this.r() < 0.6 ? L[this.int(0, L.length - 1)] : ''}`;
    return [region, letters, this.int(1, 9999)];
  }
  writtenPlate(): string {
    const [region, letters, n] = this.plate();
    return this.r() < 0.5 ? `${region}-${letters} ${n}` : `${region} ${letters} ${n}`;
  }
  spokenPlate(): string {
    const [region, letters, n] = this.plate();
    const spell = (s: string) => [...s.toLowerCase()].join(' ');
    const number = this.r() < 0.5 ? this.spokenDigits(String(n)) : String(n);
    return `${spell(region)} ${spell(letters)} ${number}`;
  }
  dob(): [number, number, number] {
    return [this.int(1, 28), this.int(1, 12), this.int(1940, 2006)];
  }
  writtenDob(): string {
    const [d, m, y] = this.dob();
    if (this.lang === 'de')
      return this.r() < 0.5
        ? `${d}.${m}.${y}`
        : `${d}. ${DE_MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
    return this.r() < 0.5
      ? `${d}/${m}/${y}`
      : `${d} ${EN_MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
  }
  spokenDob(): string {
    const [d, m, y] = this.dob();
    if (this.lang === 'de') {
      const year =
        y < 2000
          ? `neunzehnhundert${germanNumber(y - 1900)}`
          : `zweitausend${y > 2000 ? germanNumber(y - 2000) : ''}`;
      const month = this.r() < 0.5 ? DE_MONTHS[m - 1]! : DE_ORDINAL(m);
      return this.r() < 0.2 ? `${d} ${DE_MONTHS[m - 1]} ${y}` : `${DE_ORDINAL(d)} ${month} ${year}`;
    }
    const year =
      y < 2000
        ? `nineteen ${y % 100 < 10 ? `oh ${EN_UNITS[y % 100]}` : englishNumber(y % 100)}`
        : `two thousand${y > 2000 ? ` ${englishNumber(y - 2000)}` : ''}`;
    return this.r() < 0.5
      ? `${EN_ORDINAL(d)} of ${EN_MONTHS[m - 1]} ${year}`
      : `${EN_MONTHS[m - 1]} ${EN_ORDINAL(d)} ${year}`;
  }
  iban(): string {
    const bban = this.digits(18);
    let rest = 0;
    for (const c of `${bban}131400`) rest = (rest * 10 + Number(c)) % 97;
    return `DE${String(98 - rest).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
  }
  taxId(): string {
    for (;;) {
      const ten = this.digits(10);
      const counts = new Map<string, number>();
      for (const c of ten) counts.set(c, (counts.get(c) ?? 0) + 1);
      const rep = [...counts.values()].filter((c) => c > 1);
      if (ten[0] !== '0' && rep.length === 1 && rep[0]! <= 3) return ten + mod11_10(ten);
    }
  }
}

type Slot = (v: Values) => string;
const T =
  (type: string, f: (v: Values) => string): Slot =>
  (v) =>
    `[[${f(v)}|${type}]]`;
const SLOTS: Record<string, Slot> = {
  FIRST: T('PERSON', (v) => v.first()),
  LAST: T('PERSON', (v) => v.last()),
  FULL: T('PERSON', (v) => v.full()),
  CITY: T('LOCATION', (v) => v.city()),
  PHONE: T('PHONE', (v) => v.anyPhone()),
  SPOKEN_PHONE: T('PHONE', (v) => v.spokenPhone()),
  EMAIL: T('EMAIL', (v) => v.email()),
  SPOKEN_EMAIL: T('EMAIL', (v) => v.spokenEmail()),
  IP: T('IP_ADDRESS', (v) => v.ip().join('.')),
  SPOKEN_IP: T('IP_ADDRESS', (v) => v.spokenIp()),
  PLATE: T('VEHICLE_PLATE', (v) => v.writtenPlate()),
  SPOKEN_PLATE: T('VEHICLE_PLATE', (v) => v.spokenPlate()),
  DOB: T('DATE_OF_BIRTH', (v) => v.writtenDob()),
  SPOKEN_DOB: T('DATE_OF_BIRTH', (v) => v.spokenDob()),
  IBAN: T('IBAN', (v) => v.iban()),
  TAXID: T('DE_TAX_ID', (v) => v.taxId()),
};

// Frames written for this corpus only; the detector's rules were not written against them.
const FRAMES: Record<'de' | 'en', Record<'written' | 'spoken', string[]>> = {
  de: {
    written: [
      'Dr. {LAST} hat die Befunde heute verschickt.',
      'Frau {LAST} wartet schon am Empfang.',
      'Kontoinhaber: {FULL}, IBAN {IBAN}',
      'Überweisen Sie bitte an Kontoinhaberin {FULL}.',
      '„Der Termin fällt aus“, sagt {FULL}.',
      'Ruf {FULL} morgen früh an.',
      '{FULL} sagt, das Paket sei nie angekommen.',
      'Hallo {FIRST}, hast du kurz Zeit?',
      'Ich heiße {FULL} und brauche einen neuen Termin.',
      'Ich bin {FULL} aus {CITY}.',
      'Viele Grüße\n{FULL}',
      'Gestern habe ich {FULL} in {CITY} getroffen.',
      'Herr {LAST} ist heute leider krank.',
      'Wir ziehen im Sommer nach {CITY}.',
      'Meine Schwester wohnt seit Jahren in {CITY}.',
      'Ruf mich an unter {PHONE}, ich bin den ganzen Tag da.',
      'Meine Nummer ist {PHONE}.',
      'Schreib mir an {EMAIL}, dann schicke ich dir die Unterlagen.',
      'Der Router hat die Adresse {IP}.',
      'Mein Auto hat das Kennzeichen {PLATE}.',
      'Ich bin am {DOB} geboren.',
      'Steuer-ID für die Erstattung: {TAXID}',
    ],
    spoken: [
      'ruf {FULL} an',
      'sag {FIRST} dass ich später komme',
      'hallo {FIRST} wie geht es dir',
      'frau {LAST} hat vorhin angerufen',
      'ich heiße {FULL} und wohne in {CITY}',
      'mein name ist {FULL}',
      'schreib {FULL} eine nachricht',
      'ich hab mit {FULL} gesprochen sagt {FIRST}',
      'wie wird das wetter morgen in {CITY}',
      'navigiere nach {CITY}',
      'ruf mich an unter {SPOKEN_PHONE}',
      'meine nummer ist {SPOKEN_PHONE}',
      'meine email adresse ist {SPOKEN_EMAIL}',
      'schick das an {SPOKEN_EMAIL} bitte',
      'die ip adresse ist {SPOKEN_IP}',
      'verbinde dich mit {SPOKEN_IP}',
      'mein kennzeichen ist {SPOKEN_PLATE}',
      'das auto mit dem kennzeichen {SPOKEN_PLATE} steht falsch',
      'ich bin am {SPOKEN_DOB} geboren',
      'mein geburtsdatum ist der {SPOKEN_DOB}',
    ],
  },
  en: {
    written: [
      'Dr. {LAST} sent the results over this morning.',
      'Ms {LAST} is waiting at reception.',
      'Account holder: {FULL}',
      'Please transfer the refund to account holder {FULL}.',
      '"The appointment is off," says {FULL}.',
      'Call {FULL} first thing tomorrow.',
      '{FULL} says the parcel never arrived.',
      'Hi {FIRST}, have you got a minute?',
      'My name is {FULL} and I need a new appointment.',
      "I'm {FULL} from {CITY}.",
      'Kind regards,\n{FULL}',
      'Yesterday I ran into {FULL} in {CITY}.',
      'Mr {LAST} is off sick today.',
      'We are moving to {CITY} in the summer.',
      'My sister has lived in {CITY} for years.',
      'Call me on {PHONE}, I am in all day.',
      'My number is {PHONE}.',
      'Write to me at {EMAIL} and I will send the forms.',
      'The router has the address {IP}.',
      'I was born on {DOB}.',
    ],
    spoken: [
      'call {FULL}',
      'tell {FIRST} i will be late',
      'hey {FIRST} how are you doing',
      'mrs {LAST} called earlier',
      'my name is {FULL} and i live in {CITY}',
      'this is {FULL} calling about my order',
      'send {FULL} a message',
      'i talked to {FULL} {FIRST} says',
      'what is the weather like in {CITY} tomorrow',
      'navigate to {CITY}',
      'call me on {SPOKEN_PHONE}',
      'my number is {SPOKEN_PHONE}',
      'my email address is {SPOKEN_EMAIL}',
      'send it to {SPOKEN_EMAIL} please',
      'the ip address is {SPOKEN_IP}',
      'connect to {SPOKEN_IP}',
      'i was born on the {SPOKEN_DOB}',
      'my date of birth is {SPOKEN_DOB}',
    ],
  },
};

/** `perFrame` texts for every frame of both languages, reproducible from `seed`. */
export function generateHeldOut(perFrame = 20, seed = 11): Labelled[] {
  const out: Labelled[] = [];
  const r = rng(seed);
  for (const lang of ['de', 'en'] as const) {
    const v = new Values(r, lang);
    for (const kind of ['written', 'spoken'] as const) {
      for (const frame of FRAMES[lang][kind]) {
        for (let i = 0; i < perFrame; i++) {
          const marked = frame.replace(/\{([A-Z_]+)\}/g, (_, slot: string) => SLOTS[slot]!(v));
          const item = parseMarkup(marked, lang, kind);
          out.push(kind === 'spoken' ? { ...item, text: item.text.toLowerCase() } : item);
        }
      }
    }
  }
  return out;
}
