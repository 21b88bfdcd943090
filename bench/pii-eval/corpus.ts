// A labelled German and English corpus from our own templates. Values come from the
// gazetteers (faker-derived) plus a held-out list of names that are NOT in them, so person
// recall also measures the context rules, not only the lists.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { mod11_10 } from '../../src/pii/checksums.js';
import {
  DE_STREETS,
  EN_STREETS,
  FIRST_NAMES,
  PLACES,
  SURNAMES,
} from '../../src/pii/data/gazetteer.js';
import { type Labelled, parseMarkup } from './markup.js';

const OOV_FIRST =
  'Yusuf Emre Mehmet Agnieszka Wojciech Oksana Dmitrij Aylin Kemal Swetlana Jovana Priya Arjun Chidi Ngozi Thanh Xiaoming Sigrun Zeynep Bilal'.split(
    ' ',
  );
const OOV_LAST =
  'Demir Yilmaz Kowalski Nowak Petrović Iwanowa Nguyen Okafor Sharma Lindqvist Öztürk Wiśniewski Kaya Adeyemi Takahashi'.split(
    ' ',
  );
const DE_CITIES = PLACES.filter((p) =>
  /[äöüß]|burg$|berg$|furt$|heim$|dorf$|stadt$|hausen$|^Bad /.test(p),
);
const EN_CITIES = PLACES.filter((p) => !DE_CITIES.includes(p));

/**
 * A small seeded generator (mulberry32): every evaluation set is the same on every machine and
 * run. The blind and held-out sets draw from it too (their frames and values are their own).
 */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Digits as said one by one; 0 is "oh" in English phone numbers, "zero" elsewhere. */
export const DIGITS_DE: readonly string[] = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
];
export const DIGITS_EN: readonly string[] = [
  'oh',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];
/** 10..19, by their last digit. */
export const TEENS_DE: readonly string[] =
  'zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn'.split(' ');
export const TEENS_EN: readonly string[] =
  'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
/** The tens, by their first digit (index 0 is empty). */
export const TENS_DE: readonly string[] =
  ',zehn,zwanzig,dreißig,vierzig,fünfzig,sechzig,siebzig,achtzig,neunzig'.split(',');
export const TENS_EN: readonly string[] =
  ',ten,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(',');

class Values {
  constructor(
    private readonly r: () => number,
    private readonly lang: 'de' | 'en',
  ) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.r() * 10);
    return s;
  }
  first(): string {
    return this.r() < 0.2 ? this.pick(OOV_FIRST) : this.pick(FIRST_NAMES);
  }
  full(): string {
    return `${this.first()} ${this.r() < 0.2 ? this.pick(OOV_LAST) : this.pick(SURNAMES)}`;
  }
  city(): string {
    return this.pick(this.lang === 'de' ? DE_CITIES : EN_CITIES);
  }
  phone(): string {
    for (;;) {
      const raw =
        this.lang === 'de'
          ? this.pick([
              `0171 ${this.digits(7)}`,
              `+49 30 ${this.digits(8)}`,
              `0${this.pick(['89', '40', '221'])} ${this.digits(7)}`,
              `+43 1 ${this.digits(7)}`,
            ])
          : this.pick([
              `(212) ${2 + Math.floor(this.r() * 8)}${this.digits(2)}-${this.digits(4)}`,
              `07911 ${this.digits(6)}`,
              `+44 20 7946 ${this.digits(4)}`,
            ]);
      const region = this.lang === 'de' ? 'DE' : raw.startsWith('(') ? 'US' : 'GB';
      if (parsePhoneNumberFromString(raw, region)?.isValid()) return raw;
    }
  }
  spokenPhone(): [string, string] {
    const phone = this.lang === 'de' ? `0171${this.digits(7)}` : `07911${this.digits(6)}`;
    const words = this.lang === 'de' ? DIGITS_DE : DIGITS_EN;
    return [phone, [...phone].map((d) => words[Number(d)]).join(' ')];
  }
  email(): [string, string] {
    const [a, b] = [this.first(), this.pick(SURNAMES)].map((x) =>
      x.toLowerCase().replace(/[^a-zäöü]/g, ''),
    );
    const host = this.pick(['gmx', 'web', 'gmail', 'outlook']);
    const tld = this.pick(['de', 'com']);
    const dot = this.lang === 'de' ? 'punkt' : 'dot';
    return [`${a}.${b}@${host}.${tld}`, `${a} ${dot} ${b} at ${host} ${dot} ${tld}`];
  }
  iban(): string {
    const bban = this.digits(18);
    let rest = 0;
    for (const c of `${bban}131400`) rest = (rest * 10 + Number(c)) % 97;
    return `DE${String(98 - rest).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
  }
  card(): string {
    const partial = `4${this.digits(14)}`;
    let sum = 0;
    for (let i = 0; i < partial.length; i++) {
      let d = Number(partial[partial.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return `${partial}${(10 - (sum % 10)) % 10}`.replace(/(.{4})/g, '$1 ').trim();
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
  street(): string {
    return this.lang === 'de'
      ? `${this.pick(DE_STREETS)} ${1 + Math.floor(this.r() * 120)}`
      : `${1 + Math.floor(this.r() * 900)} ${this.pick(EN_STREETS)}`;
  }
  plzCity(): string {
    return `${String(10000 + Math.floor(this.r() * 89999))} ${this.pick(DE_CITIES)}`;
  }
  dob(): string {
    const d = 1 + Math.floor(this.r() * 28);
    const m = 1 + Math.floor(this.r() * 12);
    const y = 1940 + Math.floor(this.r() * 65);
    const monthsEn = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    return this.lang === 'de'
      ? `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
      : `${monthsEn[m - 1]} ${d}, ${y}`;
  }
  plate(): string {
    const L = 'ABCDEFGHKLMNPRSTUVWXYZ';
    return `${this.pick(['B', 'M', 'HH', 'K', 'F', 'S', 'DO'])}-${L[Math.floor(this.r() * L.length)]}${L[Math.floor(this.r() * L.length)]} ${1 + Math.floor(this.r() * 9998)}`;
  }
  ip(): string {
    return `${this.pick([10, 172, 192, 84, 213])}.${Math.floor(this.r() * 256)}.${Math.floor(this.r() * 256)}.${1 + Math.floor(this.r() * 254)}`;
  }
}

type Slot = (v: Values) => string;
const T =
  (type: string, f: (v: Values) => string): Slot =>
  (v) =>
    `[[${f(v)}|${type}]]`;
const SLOTS: Record<string, Slot> = {
  FIRST: T('PERSON', (v) => v.first()),
  FULL: T('PERSON', (v) => v.full()),
  CITY: T('LOCATION', (v) => v.city()),
  PHONE: T('PHONE', (v) => v.phone()),
  SPOKEN_PHONE: T('PHONE', (v) => v.spokenPhone()[1]),
  EMAIL: T('EMAIL', (v) => v.email()[0]),
  SPOKEN_EMAIL: T('EMAIL', (v) => v.email()[1]),
  IBAN: T('IBAN', (v) => v.iban()),
  CARD: T('CREDIT_CARD', (v) => v.card()),
  TAXID: T('DE_TAX_ID', (v) => v.taxId()),
  STREET: T('ADDRESS', (v) => v.street()),
  PLZCITY: T('ADDRESS', (v) => v.plzCity()),
  DOB: T('DATE_OF_BIRTH', (v) => v.dob()),
  PLATE: T('VEHICLE_PLATE', (v) => v.plate()),
  IP: T('IP_ADDRESS', (v) => v.ip()),
};

const TEMPLATES: Record<'de' | 'en', Record<string, string[]>> = {
  de: {
    social: [
      'Grüße aus {CITY}! War super mit {FULL} heute.',
      'Wer kennt {FULL}? Bitte melden unter {PHONE}.',
      'Neue Wohnung in der {STREET}, {PLZCITY}. Einweihung am Samstag!',
      'Schreibt mir an {EMAIL}, ich bin ab Montag in {CITY}.',
      'Alles Gute zum Geburtstag, {FIRST}! 🎉',
      'Danke an {FULL} und {FULL} für den tollen Abend.',
    ],
    voice: [
      'Ruf {FIRST} an.',
      'Schick eine Nachricht an {FULL}: Ich komme später.',
      'Navigiere zur {STREET} in {CITY}.',
      'Wie wird das Wetter in {CITY}?',
      'Erinnere mich, {FIRST} um acht anzurufen.',
    ],
    voice_lower: [
      'ruf {FIRST} an',
      'wähle {SPOKEN_PHONE}',
      'meine email ist {SPOKEN_EMAIL}',
      'schick eine nachricht an {FULL} ich komme später',
      'navigiere nach {CITY}',
      'ich heiße {FULL} und wohne in {CITY}',
    ],
    service: [
      'Agent: Guten Tag, mein Name ist {FULL}, wie kann ich helfen? Kunde: Hallo, hier ist {FULL}, meine IBAN ist {IBAN}.',
      'Kunde: Meine Steuer-ID ist {TAXID}, ich bin am {DOB} geboren.',
      'Kunde: Bitte buchen Sie von der Karte {CARD} ab. Rückruf unter {PHONE}.',
      'Agent: Ist Ihr Kennzeichen {PLATE}? Kunde: Ja, und meine Adresse ist {STREET}, {PLZCITY}.',
      'Agent: Ihre IP war {IP}. Kunde: Mein Name ist {FULL}, schreiben Sie an {EMAIL}.',
    ],
  },
  en: {
    social: [
      'Greetings from {CITY}! Had a great time with {FULL} today.',
      'Does anyone know {FULL}? Please call {PHONE}.',
      'Moved into {STREET} last week, housewarming on Saturday!',
      'Email me at {EMAIL}, I will be in {CITY} from Monday.',
      'Happy birthday, {FIRST}! 🎉',
      'Thanks to {FULL} and {FULL} for a lovely evening.',
    ],
    voice: [
      'Call {FIRST}.',
      'Send a message to {FULL}: I will be late.',
      'Navigate to {STREET} in {CITY}.',
      'What is the weather in {CITY}?',
      'Remind me to call {FIRST} at eight.',
    ],
    voice_lower: [
      'call {FIRST}',
      'dial {SPOKEN_PHONE}',
      'my email is {SPOKEN_EMAIL}',
      'send a message to {FULL} i will be late',
      'navigate to {CITY}',
      'my name is {FULL} and i live in {CITY}',
    ],
    service: [
      'Agent: Good morning, my name is {FULL}, how can I help? Customer: Hi, this is {FULL}, my card number is {CARD}.',
      'Customer: I was born on {DOB}, my phone is {PHONE}.',
      'Agent: Can you confirm your address? Customer: {STREET}, {CITY}.',
      'Agent: Your IP was {IP}. Customer: My name is {FULL}, email {EMAIL}.',
    ],
  },
};

/** `perTemplate` sentences for every template of both languages, reproducible from `seed`. */
export function generateCorpus(perTemplate = 40, seed = 1): Labelled[] {
  const out: Labelled[] = [];
  const r = rng(seed);
  for (const lang of ['de', 'en'] as const) {
    const v = new Values(r, lang);
    for (const [kind, templates] of Object.entries(TEMPLATES[lang])) {
      for (const template of templates) {
        for (let i = 0; i < perTemplate; i++) {
          const marked = template.replace(/\{([A-Z_]+)\}/g, (_, slot: string) => SLOTS[slot]!(v));
          const item = parseMarkup(marked, lang, kind);
          out.push(kind === 'voice_lower' ? lowerCase(item) : item);
        }
      }
    }
  }
  return out;
}

function lowerCase(item: Labelled): Labelled {
  return { ...item, text: item.text.toLowerCase() };
}
