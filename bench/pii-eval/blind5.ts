// A fifth blind set (issue 17): names, places, structured values and sentence frames written
// without reading the detector (nothing under src/pii/ other than the list of type names in
// types.ts, nothing under bench/pii-train/, and none of the other sets' lists or frames was
// opened while writing it) and never run against the detector by its author.
// Names are of origins no other set uses (Catalan, Galician, Breton, Frisian, Maltese, Estonian,
// Latvian, Slovene, Tatar, Azerbaijani, Uzbek, Sinhala, Khmer, Malay/Indonesian, Tongan/Fijian,
// Shona, Malagasy, Wolof; a first choice of Basque, Icelandic, Albanian, Armenian, Lithuanian,
// Tagalog, Swahili, Zulu, Korean, Kazakh, Hawaiian and Welsh names was dropped when the overlap
// test found them in the second or third set, as were 14 first-choice word-names found in the
// corpus or the third and fourth sets), double-barrelled names, particle names (i, da,
// do, ar, binti, zu, Le) and German and English names that are also everyday words (Amsel,
// Zwiebel, Linde, Bramble, Kettle, Poppy ...). Towns and streets are invented or small;
// test/pii/blind5.test.ts checks that none of them, nor any name, occurs in another set's texts
// or lists. Half the texts are lower-case transcripts without punctuation: phone numbers digit by
// digit, in pairs or with "double"/"triple", e-mail addresses with "at"/"ät"/"punkt"/"dot"/
// "unterstrich"/"underscore"/"bindestrich"/"dash", IP addresses as number words or digit by
// digit, plates spelt with letters or the German (old and DIN 5009:2022) and NATO alphabets,
// dates of birth as ordinals or numbers. Structured values carry valid check digits (ISO 7064
// MOD 11,10 for the Steuer-ID, Luhn for cards, MOD 97-10 for IBANs), computed here.
// Conventions: a postal address written in one piece (street, number, postcode, town) is one
// ADDRESS; a town named on its own, or after "in", is a LOCATION; a date of birth's span is the
// date without "am"/"on"/"geboren". PII-free frames use the word-names as words beside numbers
// that are not personal (prices, order numbers, times, versions, room numbers).
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file. It draws from the evaluation sets' seeded generator.
import { rng } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

type Lang = 'de' | 'en';
type Kind = 'written' | 'spoken';

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND5_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  catalan: {
    first: ['Montserrat', 'Oriol', 'Meritxell', 'Roser', 'Arnau', 'Queralt'],
    last: ['Vilaró', 'Casademunt', 'Sunyer', 'Rifà', 'Pujolràs', 'Masferrer'],
  },
  galician: {
    first: ['Uxía', 'Brais', 'Antía', 'Xoán', 'Iria', 'Breixo'],
    last: ['Outeiriño', 'Barreiro', 'Castiñeira', 'Seoane', 'Carballo', 'Fraguela'],
  },
  breton: {
    first: ['Nolwenn', 'Gwenaël', 'Tudual', 'Loeiza', 'Goulven', 'Azenor'],
    last: ['Kerjean', 'Le Bihan', 'Le Gall', 'Cadiou', 'Kerhervé', 'Quéméner'],
  },
  frisian: {
    first: ['Sjoerd', 'Tjitske', 'Hylke', 'Wytske', 'Oeds', 'Jelle'],
    last: ['Wiersma', 'Bosma', 'Zijlstra', 'Postma', 'Hoekstra', 'Terpstra'],
  },
  maltese: {
    first: ['Pawlu', 'Ġużeppa', 'Ċensu', 'Nazzareno', 'Rożanna', 'Carmena'],
    last: ['Farrugia', 'Zammit', 'Spiteri', 'Micallef', 'Azzopardi', 'Xuereb'],
  },
  estonian: {
    first: ['Triin', 'Margus', 'Kadri', 'Tõnu', 'Piret', 'Urmas'],
    last: ['Tamm', 'Kõiv', 'Pärn', 'Lepik', 'Kallas', 'Ilves'],
  },
  latvian: {
    first: ['Ilze', 'Kārlis', 'Baiba', 'Jānis', 'Dace', 'Raimonds'],
    last: ['Bērziņš', 'Kalniņa', 'Ozoliņš', 'Liepiņa', 'Krūmiņš', 'Zariņa'],
  },
  slovene: {
    first: ['Jernej', 'Špela', 'Blaž', 'Tadeja', 'Nejc', 'Urška'],
    last: ['Kovačič', 'Zupančič', 'Potočnik', 'Mlakar', 'Vidmar', 'Kralj'],
  },
  tatar: {
    first: ['Alsu', 'Rustam', 'Gulnaz', 'Ildar', 'Ramilya', 'Aynur'],
    last: ['Khabibullin', 'Gilmutdinova', 'Sadykov', 'Valiullina', 'Zakirov', 'Minnikhanov'],
  },
  azerbaijani: {
    first: ['Leyla', 'Elnur', 'Günel', 'Rashad', 'Aysel', 'Tural'],
    last: ['Mammadov', 'Aliyeva', 'Huseynov', 'Guliyeva', 'Ismayilov', 'Babayeva'],
  },
  uzbek: {
    first: ['Dilnoza', 'Sherzod', 'Bakhtiyor', 'Gulnara', 'Jasur', 'Nodira'],
    last: ['Tursunov', 'Abdurakhmanova', 'Ismoilov', 'Yuldasheva', 'Rakhimov', 'Normatova'],
  },
  sinhala: {
    first: ['Chamari', 'Nuwan', 'Dilani', 'Kasun', 'Sanduni', 'Lahiru'],
    last: [
      'Wickramasinghe',
      'Jayawardena',
      'Gunasekara',
      'Rajapaksha',
      'Dissanayake',
      'Weerasinghe',
    ],
  },
  khmer: {
    first: ['Sokha', 'Bopha', 'Vannak', 'Sreymom', 'Chenda', 'Rithy'],
    last: ['Chhay', 'Meas', 'Prak', 'Chea', 'Nhem', 'Yim'],
  },
  malay_indonesian: {
    first: ['Nurul', 'Wahyu', 'Dewi', 'Bambang', 'Putri', 'Hendro'],
    last: ['Wibisono', 'Setiawan', 'Kusumawati', 'Hidayat', 'Nugroho', 'Sulistyo'],
  },
  tongan_fijian: {
    first: ['Viliami', 'Losana', 'Timote', 'Salote', 'Josaia', 'Litia'],
    last: ['Fifita', 'Taufa', 'Havili', 'Vaipulu', 'Ratuvou', 'Naivalu'],
  },
  shona: {
    first: ['Tendai', 'Farai', 'Rutendo', 'Tatenda', 'Chipo', 'Nyasha'],
    last: ['Chikwanha', 'Mutasa', 'Gumbo', 'Chinyoka', 'Marufu', 'Makoni'],
  },
  malagasy: {
    first: ['Hery', 'Voahangy', 'Fanja', 'Rivo', 'Lalao', 'Mamy'],
    last: [
      'Rakotomalala',
      'Andrianarivo',
      'Razafindrakoto',
      'Randrianasolo',
      'Rasoanaivo',
      'Ravelojaona',
    ],
  },
  wolof: {
    first: ['Ndeye', 'Cheikh', 'Khady', 'Modou', 'Babacar', 'Awa'],
    last: ['Mbaye', 'Gueye', 'Thiam', 'Sarr', 'Faye', 'Niang'],
  },
};
export const BLIND5_FIRST: readonly string[] = Object.values(BLIND5_NAMES).flatMap((n) => n.first);
export const BLIND5_LAST: readonly string[] = Object.values(BLIND5_NAMES).flatMap((n) => n.last);

/** Surnames with a particle, written as they are carried. */
export const BLIND5_PARTICLE_LAST: readonly string[] = [
  'Sunyer i Prat',
  'Vilaró i Puig',
  'da Veiga',
  'do Pazo',
  'ar Menn',
  'binti Rahmat',
  'binti Sulaiman',
  'zu Dornhagen',
];

/** Names that are also everyday words in the text's language (used as words in PII-free texts). */
export const BLIND5_WORD_NAMES: Record<
  Lang,
  { readonly first: readonly string[]; readonly last: readonly string[] }
> = {
  de: {
    first: ['Linde', 'Viola', 'Melisse', 'Kerbel', 'Aster', 'Flora'],
    last: ['Amsel', 'Dachs', 'Reiher', 'Glaser', 'Kirsch', 'Marder', 'Kümmel', 'Zwiebel'],
  },
  en: {
    first: ['Rusty', 'Poppy', 'Pearl', 'Wren', 'Dusty', 'Honey'],
    last: ['Bramble', 'Quill', 'Gale', 'Nettle', 'Furrow', 'Ledger', 'Kettle', 'Trowel'],
  },
};

/** Small or invented towns and regions. */
export const BLIND5_PLACES: Record<Lang, readonly string[]> = {
  de: [
    'Ebersgrund',
    'Lauterwiesen',
    'Hagenried',
    'Dornhagen',
    'Oberweidling',
    'Felsenau',
    'Wendlingshof',
    'Grünmoos',
    'Kalbsried',
    'Unterhollen',
    'Birkenstetten',
    'Schwarzenlohe',
    'Tannbühl',
    'Rabenhorst',
    'Eichsfeld',
    'Wetterau',
  ],
  en: [
    'Pendlecombe',
    'Upper Wyvern',
    'Ravensholt',
    'Marrowby',
    'Thornwick Green',
    'Kelderby',
    'Saltmarsh End',
    'Wexley Fen',
    'Cranmere',
    'Quarry Springs',
    'Maple Hollow',
    'Dunmore Falls',
    'Ashcombe Parva',
    'Gorsey Bank',
    'Fenland',
    'the Mendips',
  ],
};

/** Streets without house numbers. */
export const BLIND5_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Kiefernweg',
    'Am Mühlgraben',
    'Schlehenstieg',
    'Im Kreuzgarten',
    'Lerchenbergstraße',
    'Wacholderpfad',
    'Zur Ziegelei',
    'Holunderring',
    'Auf der Schanze',
    'Brombeerhang',
  ],
  en: [
    'Tanyard Lane',
    'Sheepwash Close',
    'Osier Crescent',
    'Sorrel Drive',
    'Pondside Mews',
    'Ropewalk Row',
    'Kilnfield Road',
    'Ferrier Street',
    'Cowslip Way',
    'Bellfounder Avenue',
  ],
};

// ---------------------------------------------------------------------------------------------
// Number words as an ASR writes them.

const ONES_DE = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const TEENS_DE = [
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const TENS_DE = [
  '',
  '',
  'zwanzig',
  'dreißig',
  'vierzig',
  'fünfzig',
  'sechzig',
  'siebzig',
  'achtzig',
  'neunzig',
];
const ONES_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS_EN = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS_EN = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

/** German cardinal, 0..9999, one word. */
export function deWords(n: number): string {
  if (n < 10) return ONES_DE[n]!;
  if (n < 20) return TEENS_DE[n - 10]!;
  if (n < 100) {
    const one = n % 10;
    const ten = TENS_DE[Math.floor(n / 10)]!;
    return one === 0 ? ten : `${one === 1 ? 'ein' : ONES_DE[one]}und${ten}`;
  }
  const unit = n < 1000 ? 100 : 1000;
  const word = unit === 100 ? 'hundert' : 'tausend';
  const head = Math.floor(n / unit);
  const rest = n % unit;
  const lead = head === 1 ? '' : head < 10 ? ONES_DE[head]! : deWords(head);
  return `${lead}${word}${rest === 0 ? '' : deWords(rest)}`;
}

/** English cardinal, 0..9999, words separated by spaces. */
export function enWords(n: number): string {
  if (n < 10) return ONES_EN[n]!;
  if (n < 20) return TEENS_EN[n - 10]!;
  if (n < 100) {
    const one = n % 10;
    return `${TENS_EN[Math.floor(n / 10)]}${one === 0 ? '' : ` ${ONES_EN[one]}`}`;
  }
  const unit = n < 1000 ? 100 : 1000;
  const head = Math.floor(n / unit);
  const rest = n % unit;
  const main = `${enWords(head)} ${unit === 100 ? 'hundred' : 'thousand'}`;
  return rest === 0 ? main : `${main} ${enWords(rest)}`;
}

/** A year as said: "neunzehnhundertachtzig", "zweitausendvier". */
export function deYearWords(y: number): string {
  if (y >= 2000) return deWords(y);
  const rest = y % 100;
  return `${deWords(Math.floor(y / 100))}hundert${rest === 0 ? '' : deWords(rest)}`;
}

/** A year as said: "nineteen eighty two", "nineteen oh seven", "two thousand six". */
export function enYearWords(y: number): string {
  const rest = y % 100;
  if (y >= 2000 && y < 2010) return `two thousand${rest === 0 ? '' : ` ${ONES_EN[rest]}`}`;
  const head = enWords(Math.floor(y / 100));
  if (rest === 0) return `${head} hundred`;
  return `${head} ${rest < 10 ? `oh ${ONES_EN[rest]}` : enWords(rest)}`;
}

const ORD_DE = [
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
];
/** German ordinal stem ("dritte", "einundzwanzigste"); the dative adds "n". */
export function deOrdinal(n: number): string {
  if (n < 10) return ORD_DE[n]!;
  if (n < 20) return `${deWords(n)}te`;
  return `${deWords(n)}ste`;
}

const ORD_EN = [
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
/** English ordinal in words ("twenty first", "thirtieth"). */
export function enOrdinal(n: number): string {
  if (n < 13) return ORD_EN[n]!;
  if (n < 20) return `${enWords(n)}th`;
  const one = n % 10;
  if (one === 0) return `${TENS_EN[n / 10]!.slice(0, -1)}ieth`;
  return `${TENS_EN[Math.floor(n / 10)]} ${ORD_EN[one]}`;
}

const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const MONTHS_EN = [
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

// ---------------------------------------------------------------------------------------------
// Check digits.

/** The two IBAN check digits (ISO 13616, MOD 97-10) for a country and BBAN. */
export function ibanWithChecks(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`]
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
}

/** Whether an IBAN (spaces allowed) satisfies MOD 97-10. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  const moved = `${s.slice(4)}${s.slice(0, 4)}`;
  let rest = 0;
  for (const c of moved) {
    const v = /[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** The Luhn digit that completes a card number's body. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  const ds = [...body].reverse();
  ds.forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return (10 - (sum % 10)) % 10;
}

/** Whether a card number (spaces or dashes allowed) passes Luhn. */
export function luhnValid(card: string): boolean {
  const s = card.replace(/[ -]/g, '');
  return luhnCheckDigit(s.slice(0, -1)) === Number(s.slice(-1));
}

/** The Steuer-ID's eleventh digit (ISO 7064 MOD 11,10) for its first ten digits. */
export function steuerIdCheckDigit(ten: string): number {
  let product = 10;
  for (const c of ten) {
    let sum = (Number(c) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** Whether an 11-digit Steuer-ID (spaces allowed) has the right check digit. */
export function steuerIdValid(id: string): boolean {
  const s = id.replace(/ /g, '');
  return /^[1-9]\d{10}$/.test(s) && steuerIdCheckDigit(s.slice(0, 10)) === Number(s[10]);
}

// ---------------------------------------------------------------------------------------------
// Values, written and spoken.

const DE_ALPHA_OLD: Record<string, string> = {
  A: 'anton',
  B: 'berta',
  C: 'cäsar',
  D: 'dora',
  E: 'emil',
  F: 'friedrich',
  G: 'gustav',
  H: 'heinrich',
  I: 'ida',
  J: 'julius',
  K: 'kaufmann',
  L: 'ludwig',
  M: 'martha',
  N: 'nordpol',
  O: 'otto',
  P: 'paula',
  Q: 'quelle',
  R: 'richard',
  S: 'samuel',
  T: 'theodor',
  U: 'ulrich',
  V: 'viktor',
  W: 'wilhelm',
  X: 'xanthippe',
  Y: 'ypsilon',
  Z: 'zacharias',
  Ä: 'ärger',
  Ö: 'ökonom',
  Ü: 'übermut',
};
const DE_ALPHA_DIN: Record<string, string> = {
  A: 'aachen',
  B: 'berlin',
  C: 'chemnitz',
  D: 'düsseldorf',
  E: 'essen',
  F: 'frankfurt',
  G: 'goslar',
  H: 'hamburg',
  I: 'ingelheim',
  J: 'jena',
  K: 'köln',
  L: 'leipzig',
  M: 'münchen',
  N: 'nürnberg',
  O: 'offenbach',
  P: 'potsdam',
  Q: 'quickborn',
  R: 'rostock',
  S: 'salzwedel',
  T: 'tübingen',
  U: 'unna',
  V: 'völklingen',
  W: 'wuppertal',
  X: 'xanten',
  Y: 'ypsilon',
  Z: 'zwickau',
  Ä: 'umlaut aachen',
  Ö: 'umlaut offenbach',
  Ü: 'umlaut unna',
};
const NATO: Record<string, string> = {
  A: 'alpha',
  B: 'bravo',
  C: 'charlie',
  D: 'delta',
  E: 'echo',
  F: 'foxtrot',
  G: 'golf',
  H: 'hotel',
  I: 'india',
  J: 'juliet',
  K: 'kilo',
  L: 'lima',
  M: 'mike',
  N: 'november',
  O: 'oscar',
  P: 'papa',
  Q: 'quebec',
  R: 'romeo',
  S: 'sierra',
  T: 'tango',
  U: 'uniform',
  V: 'victor',
  W: 'whiskey',
  X: 'x ray',
  Y: 'yankee',
  Z: 'zulu',
};

/** Small-district plate codes (some real, some not; a plate's code needs no registry here). */
const DE_PLATE_CODES = [
  'KÜN',
  'WUN',
  'OHA',
  'MIL',
  'TIR',
  'NES',
  'HDH',
  'SÖM',
  'LIF',
  'ZW',
  'BÜS',
  'ÖHR',
];
const UK_MEMORY = 'ABCDEFGHJKLMNOPRSTUVWXY';
const UK_RANDOM = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DOMAINS_DE = ['kesselnetz', 'fjordpost', 'moorbrief', 'zaunkoenig', 'heimpost'];
const DOMAINS_EN = ['tinmail', 'hollowpost', 'quayside', 'kilnmail', 'larkbox'];
const TLD_DE = ['de', 'at', 'ch', 'net', 'org'];
const TLD_EN = ['com', 'org', 'net', 'co.uk', 'io'];

class Draw {
  constructor(readonly r: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  letters(n: number, from: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += from[this.int(0, from.length - 1)];
    return s;
  }
}

/** Lower case, hyphens and apostrophes dropped as an ASR would. */
const asr = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[-.,/]/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
const mark = (value: string, type: string) => `[[${value}|${type}]]`;

function digitsSpoken(s: string, lang: Lang, oh = false): string {
  return [...s]
    .map((c) =>
      lang === 'de' ? ONES_DE[Number(c)]! : oh && c === '0' ? 'oh' : ONES_EN[Number(c)]!,
    )
    .join(' ');
}

/** "double four", "triple seven" for runs in English phone numbers. */
function digitsDoubled(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i] && j - i < 3) j++;
    const word = s[i] === '0' ? 'oh' : ONES_EN[Number(s[i])]!;
    out.push(j - i === 3 ? `triple ${word}` : j - i === 2 ? `double ${word}` : word);
    i = j;
  }
  return out.join(' ');
}

/** German digits in pairs as number words ("siebenundfünfzig"), a leading zero said alone. */
function pairsDe(s: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '0' || i === s.length - 1) {
      out.push(ONES_DE[Number(s[i])]!);
      i++;
    } else {
      out.push(deWords(Number(s.slice(i, i + 2))));
      i += 2;
    }
  }
  return out.join(' ');
}

function lettersSpoken(s: string, d: Draw, lang: Lang): string {
  const style = d.int(0, 2);
  return [...s]
    .map((c) => {
      if (/\d/.test(c)) return lang === 'de' ? ONES_DE[Number(c)]! : ONES_EN[Number(c)]!;
      if (style === 0 || !/[A-ZÄÖÜ]/.test(c)) return c.toLowerCase();
      if (lang === 'en') return NATO[c] ?? c.toLowerCase();
      return (style === 1 ? DE_ALPHA_OLD : DE_ALPHA_DIN)[c] ?? c.toLowerCase();
    })
    .join(' ');
}

interface Person {
  readonly first: string;
  readonly last: string;
}

/** Everything a frame may draw; `w` methods give written values, `s` methods spoken ones. */
class Values {
  constructor(
    readonly d: Draw,
    readonly lang: Lang,
  ) {}

  person(): Person {
    const d = this.d;
    const roll = d.r();
    if (roll < 0.2) {
      const words = BLIND5_WORD_NAMES[this.lang];
      return { first: d.pick(words.first), last: d.pick(words.last) };
    }
    const origin = d.pick(Object.values(BLIND5_NAMES));
    const first = d.pick(origin.first);
    if (roll < 0.3) return { first, last: d.pick(BLIND5_PARTICLE_LAST) };
    if (roll < 0.4) {
      const a = d.pick(origin.last);
      const b = d.pick(origin.last.filter((x) => x !== a));
      return { first, last: `${a}-${b}` };
    }
    return { first, last: d.pick(origin.last) };
  }
  /** Full name, first name or surname alone (written). */
  full(p = this.person()): string {
    return mark(`${p.first} ${p.last}`, 'PERSON');
  }
  first(p = this.person()): string {
    return mark(p.first, 'PERSON');
  }
  last(p = this.person()): string {
    return mark(p.last, 'PERSON');
  }
  sFull(p = this.person()): string {
    return mark(asr(`${p.first} ${p.last}`), 'PERSON');
  }
  sFirst(p = this.person()): string {
    return mark(asr(p.first), 'PERSON');
  }
  sLast(p = this.person()): string {
    return mark(asr(p.last), 'PERSON');
  }
  /** A full name said, then its surname spelt (letters or a spelling alphabet). */
  sFullSpelt(p = this.person()): string {
    const letters = p.last.replace(/[ '-]/g, '').toUpperCase();
    const spelt = this.d.chance(0.5)
      ? [...letters.toLowerCase()].join(' ')
      : lettersSpoken(letters, this.d, this.lang);
    return `${this.sFull(p)} ${this.lang === 'de' ? 'ich buchstabiere' : 'let me spell the surname'} ${mark(spelt, 'PERSON')}`;
  }
  town(): string {
    return mark(this.d.pick(BLIND5_PLACES[this.lang]), 'LOCATION');
  }
  sTown(): string {
    return mark(asr(this.d.pick(BLIND5_PLACES[this.lang])), 'LOCATION');
  }
  /** A town without "the" (for "in X"/"aus X"). */
  private townName(): string {
    return this.d.pick(BLIND5_PLACES[this.lang].filter((p) => !p.startsWith('the ')));
  }
  houseNo(): string {
    const n = this.d.int(1, 148);
    return this.d.chance(0.15) ? `${n}${this.d.pick(['a', 'b', 'c'])}` : String(n);
  }
  private sHouseNo(): string {
    const n = this.d.int(1, 148);
    const words = this.lang === 'de' ? deWords(n) : enWords(n);
    return this.d.chance(0.15) ? `${words} ${this.d.pick(['a', 'b'])}` : words;
  }
  private ukPostcode(): string {
    const d = this.d;
    return `${d.letters(2, 'BCDGHKLMNPSTW')}${d.int(1, 29)} ${d.int(1, 9)}${d.letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}`;
  }
  /** Street and number only. */
  street(): string {
    const s = this.d.pick(BLIND5_STREETS[this.lang]);
    return mark(
      this.lang === 'de' ? `${s} ${this.houseNo()}` : `${this.houseNo()} ${s}`,
      'ADDRESS',
    );
  }
  sStreet(): string {
    const s = asr(this.d.pick(BLIND5_STREETS[this.lang]));
    return mark(
      this.lang === 'de' ? `${s} ${this.sHouseNo()}` : `${this.sHouseNo()} ${s}`,
      'ADDRESS',
    );
  }
  /** A postal address in one piece. */
  postal(): string {
    const d = this.d;
    const s = d.pick(BLIND5_STREETS[this.lang]);
    const town = this.townName();
    if (this.lang === 'de')
      return mark(`${s} ${this.houseNo()}, ${d.digits(5).replace(/^0/, '3')} ${town}`, 'ADDRESS');
    return d.chance(0.5)
      ? mark(`${this.houseNo()} ${s}, ${town} ${this.ukPostcode()}`, 'ADDRESS')
      : mark(
          `${this.houseNo()} ${s}, ${town}, ${d.pick(['VT', 'OR', 'ME', 'WI', 'NM'])} ${d.digits(5).replace(/^0/, '5')}`,
          'ADDRESS',
        );
  }
  /** A postal address as said: "kiefernweg vierzehn null sieben sieben fünf eins dornhagen". */
  sPostal(): string {
    const d = this.d;
    const s = asr(d.pick(BLIND5_STREETS[this.lang]));
    const town = asr(this.townName());
    const code = d.digits(5).replace(/^0/, '4');
    if (this.lang === 'de') {
      const said = d.chance(0.5) ? digitsSpoken(code, 'de') : pairsDe(code);
      return mark(`${s} ${this.sHouseNo()} ${said} ${town}`, 'ADDRESS');
    }
    return mark(
      `${this.sHouseNo()} ${s} ${town} ${lettersSpoken(this.ukPostcode().replace(' ', ''), d, 'en')}`,
      'ADDRESS',
    );
  }

  /** Phone digits (without formatting) and a written form. */
  private phoneParts(): { digits: string; written: string; plus?: string } {
    const d = this.d;
    if (this.lang === 'de') {
      switch (d.int(0, 5)) {
        case 0: {
          const n = `01${d.pick(['51', '52', '57', '60', '62', '70', '73', '76', '79'])}${d.digits(7)}`;
          return { digits: n, written: `${n.slice(0, 4)} ${n.slice(4)}` };
        }
        case 1: {
          const n = `1${d.pick(['5', '6', '7'])}${d.int(0, 9)}${d.digits(8)}`;
          return { digits: n, written: `+49 ${n.slice(0, 3)} ${n.slice(3)}`, plus: '49' };
        }
        case 2: {
          const area = `0${d.int(2, 9)}${d.digits(3)}`;
          const n = d.digits(6);
          return {
            digits: area + n,
            written: `(${area}) ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)}`,
          };
        }
        case 3: {
          const area = `0${d.int(3, 9)}${d.digits(2)}`;
          const n = d.digits(7);
          return { digits: area + n, written: `${area}/${n}` };
        }
        case 4: {
          // "+49 (0)" is wrong by the numbering plan but how many people write it.
          const n = `${d.int(3, 9)}${d.digits(3)}${d.digits(6)}`;
          return { digits: n, written: `+49 (0) ${n.slice(0, 4)} ${n.slice(4)}`, plus: '49' };
        }
        default: {
          // Too short for any German plan: still plainly given as a number.
          const n = `0${d.int(2, 9)}${d.digits(5)}`;
          return { digits: n, written: `${n.slice(0, 3)} ${n.slice(3)}` };
        }
      }
    }
    switch (d.int(0, 5)) {
      case 0: {
        const n = `07700 900${d.digits(3)}`;
        return { digits: n.replace(' ', ''), written: n };
      }
      case 1: {
        const n = `20${d.int(3, 8)}${d.digits(7)}`;
        return {
          digits: n,
          written: `+44 ${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`,
          plus: '44',
        };
      }
      case 2: {
        const area = String(d.int(201, 989));
        const n = `555${d.digits(4)}`;
        return { digits: area + n, written: `(${area}) ${n.slice(0, 3)}-${n.slice(3)}` };
      }
      case 3: {
        // An exchange starting with 0 does not exist in the North American plan.
        const area = String(d.int(201, 989));
        const n = `0${d.digits(6)}`;
        return { digits: area + n, written: `${area}-${n.slice(0, 3)}-${n.slice(3)}` };
      }
      case 4: {
        const n = `01632 960${d.digits(3)}`;
        return { digits: n.replace(' ', ''), written: n };
      }
      default: {
        const n = `${d.int(2, 9)}${d.digits(9)}`;
        return {
          digits: n,
          written: `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
          plus: '1',
        };
      }
    }
  }
  phone(): string {
    return mark(this.phoneParts().written, 'PHONE');
  }
  sPhone(): string {
    const p = this.phoneParts();
    const d = this.d;
    let body: string;
    if (this.lang === 'de') body = d.chance(0.5) ? digitsSpoken(p.digits, 'de') : pairsDe(p.digits);
    else body = d.chance(0.5) ? digitsDoubled(p.digits) : digitsSpoken(p.digits, 'en', true);
    const plus = p.plus
      ? `plus ${this.lang === 'de' ? deWords(Number(p.plus)) : d.chance(0.5) ? enWords(Number(p.plus)) : digitsSpoken(p.plus, 'en')} `
      : '';
    return mark(`${plus}${body}`, 'PHONE');
  }

  private emailParts(p: Person): { local: string[]; seps: string[]; domain: string; tld: string } {
    const d = this.d;
    const simple = (s: string) =>
      s
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/þ/g, 'th')
        .replace(/ð/g, 'd')
        .replace(/[^a-z]/g, '');
    const first = simple(p.first);
    const last = simple(p.last.split(/[ -]/).pop()!);
    const sep = d.pick(['.', '_', '-', '']);
    const local = d.chance(0.3) ? [first[0]!, last] : [first, last];
    if (d.chance(0.25)) local.push(String(d.int(1, 99)));
    const seps = local.map((_, i) => (i === 0 ? '' : i === 2 ? '' : sep));
    const domain = d.pick(this.lang === 'de' ? DOMAINS_DE : DOMAINS_EN);
    const tld = d.pick(this.lang === 'de' ? TLD_DE : TLD_EN);
    return { local, seps, domain, tld };
  }
  email(p = this.person()): string {
    const e = this.emailParts(p);
    const local = e.local.map((x, i) => `${e.seps[i]}${x}`).join('');
    return mark(`${local}@${e.domain}.${e.tld}`, 'EMAIL');
  }
  sEmail(p = this.person()): string {
    const d = this.d;
    const de = this.lang === 'de';
    const word: Record<string, string> = de
      ? { '.': 'punkt', _: 'unterstrich', '-': d.pick(['bindestrich', 'minus']), '': '' }
      : { '.': 'dot', _: 'underscore', '-': d.pick(['dash', 'hyphen']), '': '' };
    const parts: string[] = [];
    const em = this.emailParts(p);
    const spell = d.chance(0.25);
    em.local.forEach((x, i) => {
      if (em.seps[i]) parts.push(word[em.seps[i]!]!);
      if (/\d/.test(x)) parts.push(de ? deWords(Number(x)) : enWords(Number(x)));
      // Now and then a caller spells the harder part out letter by letter.
      else if (i > 0 && spell) parts.push([...x].join(' '));
      else parts.push(x);
    });
    parts.push(de ? d.pick(['at', 'ät', 'at zeichen']) : d.pick(['at', 'at sign']));
    parts.push(em.domain);
    for (const t of em.tld.split('.')) parts.push(de ? 'punkt' : 'dot', t);
    return mark(parts.join(' '), 'EMAIL');
  }

  private ip(): number[] {
    const d = this.d;
    switch (d.int(0, 3)) {
      case 0:
        return [192, 168, d.int(0, 255), d.int(1, 254)];
      case 1:
        return [10, d.int(0, 255), d.int(0, 255), d.int(1, 254)];
      case 2:
        return [172, d.int(16, 31), d.int(0, 255), d.int(1, 254)];
      default:
        return [d.int(11, 223), d.int(0, 255), d.int(0, 255), d.int(1, 254)];
    }
  }
  ipAddr(): string {
    return mark(this.ip().join('.'), 'IP_ADDRESS');
  }
  sIp(): string {
    const de = this.lang === 'de';
    const byDigit = this.d.chance(0.4);
    const octets = this.ip().map((n) =>
      byDigit ? digitsSpoken(String(n), this.lang) : de ? deWords(n) : enWords(n),
    );
    return mark(octets.join(de ? ' punkt ' : ' dot '), 'IP_ADDRESS');
  }

  private dob(): [number, number, number] {
    const d = this.d;
    return [d.int(1, 28), d.int(1, 12), d.int(1941, 2007)];
  }
  birth(): string {
    const [day, month, year] = this.dob();
    const dd = String(day).padStart(2, '0');
    const mm = String(month).padStart(2, '0');
    const forms =
      this.lang === 'de'
        ? [
            `${dd}.${mm}.${year}`,
            `${day}. ${MONTHS_DE[month - 1]} ${year}`,
            `${year}-${mm}-${dd}`,
            `${day}.${month}.${String(year).slice(2)}`,
          ]
        : [
            `${day} ${MONTHS_EN[month - 1]} ${year}`,
            `${MONTHS_EN[month - 1]} ${day}, ${year}`,
            `${dd}/${mm}/${year}`,
            `${year}-${mm}-${dd}`,
          ];
    return mark(this.d.pick(forms), 'DATE_OF_BIRTH');
  }
  sBirth(): string {
    const [day, month, year] = this.dob();
    const d = this.d;
    if (this.lang === 'de') {
      const forms = [
        `${deOrdinal(day)}n ${MONTHS_DE[month - 1]!.toLowerCase()} ${deYearWords(year)}`,
        `${deOrdinal(day)}n ${deOrdinal(month)}n ${deYearWords(year)}`,
        `${deOrdinal(day)}n ${deOrdinal(month)}n ${year < 2000 ? deWords(year % 100) : deYearWords(year)}`,
      ];
      return mark(d.pick(forms), 'DATE_OF_BIRTH');
    }
    const m = MONTHS_EN[month - 1]!.toLowerCase();
    const forms = [
      `${enOrdinal(day)} of ${m} ${enYearWords(year)}`,
      `${m} ${enOrdinal(day)} ${enYearWords(year)}`,
      `${m} ${enWords(day)} ${enYearWords(year)}`,
      `${enOrdinal(day)} of the ${enOrdinal(month)} ${enYearWords(year)}`,
      ...(year < 2000
        ? [
            `${digitsSpoken(String(month).padStart(2, '0'), 'en', true)} ${digitsSpoken(String(day).padStart(2, '0'), 'en', true)} ${enWords(year % 100)}`,
          ]
        : []),
    ];
    return mark(d.pick(forms), 'DATE_OF_BIRTH');
  }

  /** "am [[dritten märz …]]", "on the [[fourth of july …]]", "on [[july fourth …]]". */
  sBirthOn(): string {
    const b = this.sBirth();
    if (this.lang === 'de') return `am ${b}`;
    return / of /.test(b) ? `on the ${b}` : `on ${b}`;
  }

  private dePlate(): string {
    const d = this.d;
    const code = d.pick(DE_PLATE_CODES);
    const letters = d.letters(d.int(1, 2), DE_PLATE_LETTERS);
    const num = d.int(1, 9999);
    const suffix = d.chance(0.1) ? d.pick(['E', 'H']) : '';
    return `${code}${d.chance(0.5) ? '-' : ' '}${letters} ${num}${suffix}`;
  }
  private ukPlate(): string {
    const d = this.d;
    const age = d.pick(['05', '11', '15', '19', '21', '24', '55', '61', '66', '70', '73']);
    return `${d.letters(2, UK_MEMORY)}${age} ${d.letters(3, UK_RANDOM)}`;
  }
  plate(): string {
    return mark(this.lang === 'de' ? this.dePlate() : this.ukPlate(), 'VEHICLE_PLATE');
  }
  sPlate(): string {
    const d = this.d;
    if (this.lang === 'de') {
      const m = /^(\S+)[- ](\S+) (\d+)([EH]?)$/.exec(this.dePlate())!;
      const num = d.chance(0.5) ? deWords(Number(m[3])) : digitsSpoken(m[3]!, 'de');
      const suffix = m[4] ? ` ${m[4].toLowerCase()}` : '';
      return mark(`${lettersSpoken(m[1]! + m[2]!, d, 'de')} ${num}${suffix}`, 'VEHICLE_PLATE');
    }
    const p = this.ukPlate().replace(' ', '');
    const age = Number(p.slice(2, 4));
    const letters = (s: string) => lettersSpoken(s, d, 'en');
    const ageWords = d.chance(0.5)
      ? age < 10
        ? `oh ${ONES_EN[age]}`
        : enWords(age)
      : digitsSpoken(p.slice(2, 4), 'en');
    return mark(`${letters(p.slice(0, 2))} ${ageWords} ${letters(p.slice(4))}`, 'VEHICLE_PLATE');
  }

  private ibanRaw(): string {
    const d = this.d;
    if (this.lang === 'de') {
      switch (d.int(0, 2)) {
        case 0:
          return ibanWithChecks('DE', `${d.int(1, 8)}${d.digits(7)}${d.digits(10)}`);
        case 1:
          return ibanWithChecks('AT', `${d.int(1, 9)}${d.digits(4)}${d.digits(11)}`);
        default:
          return ibanWithChecks('CH', `${d.digits(5)}${d.digits(12)}`);
      }
    }
    return d.chance(0.6)
      ? ibanWithChecks('GB', `${d.letters(4, 'ABCDEFGHKLMNPRSTWXY')}${d.digits(14)}`)
      : ibanWithChecks('IE', `${d.letters(4, 'ABCDEFGHKLMNPRSTWXY')}${d.digits(14)}`);
  }
  iban(): string {
    const raw = this.ibanRaw();
    return mark(this.d.chance(0.7) ? raw.replace(/(.{4})(?=.)/g, '$1 ') : raw, 'IBAN');
  }
  sIban(): string {
    const raw = this.ibanRaw();
    const d = this.d;
    const head = lettersSpoken(raw.slice(0, 2), d, this.lang);
    const rest = raw.slice(2);
    const spoken =
      this.lang === 'de' && d.chance(0.4) && /^\d+$/.test(rest)
        ? pairsDe(rest)
        : [...rest]
            .map((c) =>
              /\d/.test(c)
                ? this.lang === 'de'
                  ? ONES_DE[Number(c)]!
                  : ONES_EN[Number(c)]!
                : lettersSpoken(c, d, this.lang),
            )
            .join(' ');
    return mark(`${head} ${spoken}`, 'IBAN');
  }

  private cardRaw(): string {
    const d = this.d;
    const kind = d.int(0, 2);
    const body =
      kind === 0
        ? `4${d.digits(14)}`
        : kind === 1
          ? `5${d.int(1, 5)}${d.digits(13)}`
          : `3${d.pick(['4', '7'])}${d.digits(12)}`;
    return `${body}${luhnCheckDigit(body)}`;
  }
  card(): string {
    const c = this.cardRaw();
    const sep = this.d.pick([' ', '-', ' ']);
    const grouped =
      c.length === 15
        ? `${c.slice(0, 4)}${sep}${c.slice(4, 10)}${sep}${c.slice(10)}`
        : c.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
    return mark(this.d.chance(0.15) ? c : grouped, 'CREDIT_CARD');
  }
  sCard(): string {
    return mark(digitsSpoken(this.cardRaw(), this.lang, this.d.chance(0.3)), 'CREDIT_CARD');
  }

  private taxRaw(): string {
    const d = this.d;
    // Ten digits, first not 0, exactly one digit twice and the rest once.
    for (;;) {
      const pool = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = d.int(0, i);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      const nine = pool.slice(0, 9);
      const twice = d.pick(nine);
      const at = d.int(0, 9);
      const ten = [...nine.slice(0, at), twice, ...nine.slice(at)].join('');
      if (ten[0] !== '0') return `${ten}${steuerIdCheckDigit(ten)}`;
    }
  }
  taxId(): string {
    const t = this.taxRaw();
    return mark(
      this.d.chance(0.5) ? t : `${t.slice(0, 2)} ${t.slice(2, 5)} ${t.slice(5, 8)} ${t.slice(8)}`,
      'DE_TAX_ID',
    );
  }
  sTaxId(): string {
    const t = this.taxRaw();
    return mark(this.d.chance(0.6) ? digitsSpoken(t, 'de') : pairsDe(t), 'DE_TAX_ID');
  }

  private ssnRaw(): string {
    const d = this.d;
    let area = d.int(1, 899);
    if (area === 666) area = 667;
    return `${String(area).padStart(3, '0')}${String(d.int(1, 99)).padStart(2, '0')}${String(d.int(1, 9999)).padStart(4, '0')}`;
  }
  ssn(): string {
    const s = this.ssnRaw();
    return mark(`${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`, 'US_SSN');
  }
  sSsn(): string {
    return mark(digitsSpoken(this.ssnRaw(), 'en', this.d.chance(0.5)), 'US_SSN');
  }

  /** Numbers that identify no one. */
  order(): string {
    return `${this.d.int(10, 99)}-${this.d.digits(6)}`;
  }
  price(): string {
    return `${this.d.int(2, 480)},${this.d.pick(['00', '49', '90', '99'])}`;
  }
  one(...xs: string[]): string {
    return this.d.pick(xs);
  }
  n(lo: number, hi: number): number {
    return this.d.int(lo, hi);
  }
  w(n: number): string {
    return this.lang === 'de' ? deWords(n) : enWords(n);
  }
}

type Frame = (v: Values) => string;

/** Sentence frames per language and kind; spoken frames are lower case without punctuation. */
export const BLIND5_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: {
    written: [
      (v) => `Sehr geehrte Frau ${v.last()}, anbei die Unterlagen zum Mietvertrag.`,
      (v) => `Kontoinhaber: ${v.full()}, IBAN ${v.iban()}`,
      (v) => `Hallo ${v.first()}, kannst du mich bitte unter ${v.phone()} zurückrufen?`,
      (v) => `Mein Name ist ${v.full()} und ich wohne in ${v.town()}.`,
      (v) => `Viele Grüße aus ${v.town()} – ${v.full()}`,
      (v) => `Die Lieferung geht an ${v.postal()}.`,
      (v) => `Herr Dr. ${v.last()} hat den Termin auf Donnerstag verschoben.`,
      (v) => `Laut Protokoll meldete ${v.full()} den Schaden am Carport.`,
      (v) => `Bitte überweisen Sie den Betrag an ${v.full()}, ${v.iban()}.`,
      (v) => `Geburtsdatum: ${v.birth()}, Steuer-ID: ${v.taxId()}`,
      (v) => `Das Fahrzeug mit dem Kennzeichen ${v.plate()} stand zwei Tage vor der Einfahrt.`,
      (v) => `Schreib mir einfach an ${v.email()}, ich antworte abends.`,
      (v) => `Der Router hat die Adresse ${v.ipAddr()}; der Drucker hängt dahinter.`,
      (v) => `Frau ${v.full()} aus ${v.town()} ist ab Montag im Urlaub.`,
      (v) => `Ich bin ${v.first()}, die neue Kollegin aus dem Einkauf.`,
      (v) => `Danke, ${v.first()}! Die Zahlen stimmen jetzt.`,
      (v) => `Zahlung per Karte ${v.card()}, Inhaberin ${v.full()}.`,
      (v) => `Rückfragen bitte an ${v.full()} (${v.email()}, Tel. ${v.phone()}).`,
      (v) => `Wir haben ${v.last()} gestern in ${v.town()} getroffen, er lässt grüßen.`,
      (v) => `Unsere neue Anschrift: ${v.street()} in ${v.town()}.`,
      (v) => `Die Patientin ${v.full()}, geb. ${v.birth()}, wurde am Vormittag aufgenommen.`,
      (v) => `Darf ich vorstellen: ${v.full()}, unsere Projektleiterin.`,
      (v) => `Ruf mich an unter ${v.phone()}, am besten nach 18 Uhr.`,
      (v) => `Gemeldet hat sich ein gewisser ${v.last()} von der Hausverwaltung.`,
      (v) => `Zugriffe kamen von ${v.ipAddr()} und ${v.ipAddr()}.`,
      (v) => `${v.full()}, ${v.street()}, hat den Antrag fristgerecht eingereicht.`,
      (v) => `Mit freundlichen Grüßen\n${v.full()}`,
      (v) =>
        `Liebe ${v.first()}, lieber ${v.first()}, wir freuen uns auf euren Besuch in ${v.town()}.`,
      (v) =>
        `Halter laut Zulassung: ${v.full()}, Kennzeichen ${v.plate()}, wohnhaft ${v.postal()}.`,
      (v) => `Meine Steuer-Identifikationsnummer lautet ${v.taxId()}.`,
      (v) => `Die Kartennummer ist ${v.card()}, gültig bis Ende nächsten Jahres.`,
      (v) => `Geboren bin ich am ${v.birth()} in ${v.town()}.`,
      (v) => `Der Wagen ${v.plate()} gehört ${v.first()}s Schwester.`,
      (v) => `Das Ehepaar ${v.last()} zieht nach ${v.town()}, ${v.street()}.`,
      (v) => `Vermieter ist ${v.full()}; die Kaution von 1.200 Euro geht auf ${v.iban()}.`,
      (v) => `Notfallkontakt: ${v.first()}, Handy ${v.phone()}, sonst ${v.phone()}.`,
      (v) => `Die Kennzeichen ${v.plate()} und ${v.plate()} sind auf ${v.full()} zugelassen.`,
      (v) => `Server-Log: Anmeldung von ${v.ipAddr()} um 03:12 Uhr, Benutzer ${v.email()}.`,
      (v) =>
        `Antragsteller ${v.full()}, geboren ${v.birth()}, Steuer-ID ${v.taxId()}, Karte ${v.card()}.`,
      // PII-free: word-names as words, numbers that identify no one.
      (v) => `Für die Suppe braucht man eine Zwiebel und etwas Kümmel, zusammen ${v.price()} Euro.`,
      (v) => `Eine Amsel sitzt jeden Morgen um 6:${v.n(10, 59)} Uhr auf dem Dach.`,
      (v) =>
        `Auftrag ${v.order()}: Ein Marder hat das Zündkabel angefressen, Reparatur ${v.price()} Euro.`,
      (v) =>
        `Die Flora am Bahndamm ist erstaunlich vielfältig; der Rundweg ist ${v.n(4, 19)} Kilometer lang.`,
      (v) =>
        `Im Kasten auf dem Balkon blüht eine Aster neben der Melisse, Preis ${v.price()} Euro.`,
      (v) =>
        `Unter der alten Linde stehen ${v.n(2, 9)} Bänke, die Sanierung kostete ${v.price()} Euro.`,
      (v) =>
        `Die Viola spielt im zweiten Satz die Melodie, Takt ${v.n(10, 90)} bis ${v.n(91, 140)}.`,
      (v) =>
        `Ein Dachs hat den Rasen umgegraben; Raum ${v.n(1, 4)}.${v.n(10, 40)} bleibt trotzdem frei.`,
      (v) =>
        `Kerbel oder Petersilie? Version ${v.n(2, 9)}.${v.n(0, 20)} der Garten-App kennt beide.`,
      (v) =>
        `Der Glaser kommt am Dienstag zwischen ${v.n(7, 9)} und ${v.n(10, 12)} Uhr, Zimmer ${v.n(100, 420)}.`,
      (v) => `Ein Reiher steht am Teich; Ticket ${v.order()} ist erledigt.`,
      (v) => `Nach dem Essen gab es einen Kirsch, die Runde kostete ${v.price()} Euro.`,
      (v) =>
        `Version ${v.n(2, 9)}.${v.n(0, 12)}.${v.n(0, 30)} ist seit gestern installiert; Raum ${v.n(1, 5)}${v.n(10, 60)} bleibt gesperrt.`,
    ],
    spoken: [
      (v) => `hallo hier spricht ${v.sFull()} ich rufe wegen der rechnung an`,
      (v) => `mein name ist ${v.sFull()} und meine nummer ist ${v.sPhone()}`,
      (v) => `ruf mich an unter ${v.sPhone()} ich bin bis abends erreichbar`,
      (v) => `ich bin ${v.sBirthOn()} geboren`,
      (v) => `geboren ${v.sBirthOn()} in ${v.sTown()}`,
      (v) => `meine email adresse ist ${v.sEmail()}`,
      (v) => `schreiben sie mir an ${v.sEmail()} dann schicke ich die fotos`,
      (v) => `die ip adresse vom server ist ${v.sIp()}`,
      (v) => `kannst du mal ${v.sIp()} anpingen`,
      (v) => `das kennzeichen war ${v.sPlate()} ein grauer kombi`,
      (v) => `ich buchstabiere das kennzeichen ${v.sPlate()}`,
      (v) => `meine iban lautet ${v.sIban()}`,
      (v) => `die kartennummer ist ${v.sCard()}`,
      (v) => `meine steuer id ist ${v.sTaxId()}`,
      (v) => `meine adresse ist ${v.sStreet()} in ${v.sTown()}`,
      (v) => `schicken sie das paket an ${v.sPostal()}`,
      (v) => `frau ${v.sLast()} hat angerufen sie möchte einen rückruf`,
      (v) => `danke ${v.sFirst()} das war sehr hilfreich`,
      (v) => `also ${v.sFirst()} wir sehen uns morgen in ${v.sTown()}`,
      (v) => `herr ${v.sLast()} ist heute nicht im büro`,
      (v) => `das konto läuft auf ${v.sFull()}`,
      (v) => `ich gebe weiter an ${v.sFirst()} aus der buchhaltung`,
      (v) => `gestern war ${v.sFull()} bei uns und hat die schlüssel abgeholt`,
      (v) => `kontoinhaber ist ${v.sFull()} iban ${v.sIban()}`,
      (v) => `tschüss und viele grüße ${v.sFull()}`,
      (v) => `das auto ${v.sPlate()} parkt wieder vor der einfahrt von ${v.sFull()}`,
      (v) => `die neue adresse ist ${v.sPostal()}`,
      (v) => `er ist ${v.sBirthOn()} geboren und seine steuer id ist ${v.sTaxId()}`,
      (v) => `meine handynummer ist ${v.sPhone()} und festnetz ${v.sPhone()}`,
      (v) => `die adresse ist ${v.sIp()} port achtzig achtzig`,
      (v) => `ich bin ${v.sFirst()} und ich komme aus ${v.sTown()}`,
      (v) => `das ist ${v.sFull()} unsere neue nachbarin aus ${v.sTown()}`,
      (v) => `für ${v.sLast()} bitte die post an ${v.sPostal()} schicken`,
      (v) => `erreichbar bin ich per mail ${v.sEmail()} oder unter ${v.sPhone()}`,
      (v) => `mein name ist ${v.sFullSpelt()}`,
      (v) => `notfallkontakt ist ${v.sFirst()} unter ${v.sPhone()}`,
      (v) => `der lieferwagen hatte das kennzeichen ${v.sPlate()} und der zweite ${v.sPlate()}`,
      (v) => `die anmeldung kam von ${v.sIp()} mit der adresse ${v.sEmail()}`,
      (v) =>
        `antragsteller ${v.sFull()} geboren ${v.sBirthOn()} steuer id ${v.sTaxId()} karte ${v.sCard()}`,
      // PII-free.
      (v) => `die zwiebel muss ${v.w(v.n(2, 15))} minuten glasig dünsten`,
      (v) => `eine amsel hat in der hecke gebrütet ${v.w(v.n(2, 6))} eier liegen im nest`,
      (v) =>
        `ein marder war wieder unter der motorhaube im ${v.one('carport', 'hof', 'schuppen', 'parkhaus')}`,
      (v) => `die aster blüht im ${v.one('august', 'september', 'spätsommer')} am schönsten`,
      (v) => `unter der linde am marktplatz gibt es um ${v.w(v.n(2, 11))} uhr kaffee`,
      (v) =>
        `die bestellung nummer ${v.w(v.n(1000, 9999))} mit kümmel und kerbel kostet ${v.w(v.n(12, 480))} euro`,
      (v) => `der dachs wohnt im bau am ${v.one('waldrand', 'bahndamm', 'bachufer')}`,
      (v) => `tee mit melisse gibt es um halb zehn in zimmer ${v.w(v.n(100, 420))}`,
      (v) => `der glaser kommt am donnerstag um ${v.w(v.n(7, 10))}`,
      (v) =>
        `ein reiher steht am ${v.one('teich', 'fluss', 'graben')} und wartet ${v.w(v.n(2, 40))} minuten auf fische`,
      (v) => `die viola klingt tiefer als die geige sagt die lehrerin in stunde ${v.w(v.n(2, 9))}`,
      (v) => `nach dem essen gab es kirsch und kaffee für ${v.w(v.n(6, 30))} euro`,
      (v) =>
        `version ${v.w(v.n(2, 9))} punkt ${v.w(v.n(0, 12))} läuft seit ${v.w(v.n(2, 11))} uhr auf allen rechnern`,
    ],
  },
  en: {
    written: [
      (v) => `Dear Ms ${v.last()}, thank you for your letter of Tuesday.`,
      (v) => `Account holder: ${v.full()} — IBAN ${v.iban()}`,
      (v) => `Hi ${v.first()}, give me a ring on ${v.phone()} when you land.`,
      (v) => `My name is ${v.full()} and I live in ${v.town()}.`,
      (v) => `Best wishes from ${v.town()}, ${v.full()}`,
      (v) => `Please ship the parcel to ${v.postal()}.`,
      (v) => `Professor ${v.last()} has moved her office hours to Thursday.`,
      (v) => `According to the report, ${v.full()} noticed the leak first.`,
      (v) => `Payment to ${v.full()}, IBAN ${v.iban()}, reference INV-${v.order()}.`,
      (v) => `DOB: ${v.birth()}; SSN: ${v.ssn()}`,
      (v) => `A van with plate ${v.plate()} blocked the loading bay twice.`,
      (v) => `Email me at ${v.email()} and I'll send the slides.`,
      (v) => `The camera at ${v.ipAddr()} dropped offline again.`,
      (v) => `Mrs ${v.full()} of ${v.town()} won the flower show.`,
      (v) => `I'm ${v.first()}, the new intern in accounts.`,
      (v) => `Thanks, ${v.first()}! The figures add up now.`,
      (v) => `Charged to card ${v.card()}, cardholder ${v.full()}.`,
      (v) => `Questions go to ${v.full()} (${v.email()}, tel. ${v.phone()}).`,
      (v) => `We bumped into ${v.last()} in ${v.town()} last week.`,
      (v) => `Our new address is ${v.street()}, ${v.town()}.`,
      (v) => `Patient ${v.full()}, born ${v.birth()}, was admitted overnight.`,
      (v) => `May I introduce ${v.full()}, who leads the survey team.`,
      (v) => `Call me on ${v.phone()}, any time after six.`,
      (v) => `A Mr ${v.last()} from the landlord's office rang twice.`,
      (v) => `Logins came from ${v.ipAddr()} and ${v.ipAddr()}.`,
      (v) => `${v.full()}, ${v.street()}, submitted the form on time.`,
      (v) => `Kind regards,\n${v.full()}`,
      (v) => `Dear ${v.first()} and ${v.first()}, we look forward to seeing you in ${v.town()}.`,
      (v) => `Registered keeper: ${v.full()}, plate ${v.plate()}, of ${v.postal()}.`,
      (v) => `My Social Security number is ${v.ssn()}.`,
      (v) => `The full card number is ${v.card()}, expiring next spring.`,
      (v) => `I was born on ${v.birth()} in ${v.town()}.`,
      (v) => `The car ${v.plate()} belongs to ${v.first()}'s brother.`,
      (v) => `The ${v.last()} family are moving to ${v.street()}, ${v.town()}.`,
      (v) => `Landlord: ${v.full()}; the £1,200 deposit goes to ${v.iban()}.`,
      (v) => `Emergency contact: ${v.first()}, mobile ${v.phone()}, otherwise ${v.phone()}.`,
      (v) => `Plates ${v.plate()} and ${v.plate()} are both registered to ${v.full()}.`,
      (v) => `Server log: login from ${v.ipAddr()} at 03:12, user ${v.email()}.`,
      (v) => `Applicant ${v.full()}, DOB ${v.birth()}, SSN ${v.ssn()}, card ${v.card()}.`,
      // PII-free.
      (v) => `Poppy seeds cost £${v.n(1, 4)}.${v.n(10, 99)} a bag at stall ${v.n(3, 40)}.`,
      (v) => `A wren nests in the north wall of building ${v.n(2, 19)}.`,
      (v) => `The dusty shelves in room ${v.n(100, 420)} hold ${v.n(20, 90)} box files.`,
      (v) => `Add a spoon of honey and bake for ${v.n(25, 70)} minutes at 180 degrees.`,
      (v) => `Pearl barley, two scones and a flapjack came to £${v.n(5, 19)}.${v.n(10, 99)}.`,
      (v) => `The rusty gate on the allotment needs new hinges, order ${v.order()}.`,
      (v) => `Plough a furrow every ${v.n(2, 6)} metres for the seed drill.`,
      (v) => `The old ledger in the archive lists rope sales until 19${v.n(50, 89)}.`,
      (v) => `Bramble jelly is £${v.n(2, 6)}.50 a jar at stall ${v.n(3, 40)}.`,
      (v) => `The kettle on platform ${v.n(1, 9)} has been broken since Monday.`,
      (v) => `He wrote with a goose quill; the museum keeps ${v.n(4, 30)} of them.`,
      (v) => `Use a trowel to lift the seedlings; the nettle bed is ${v.n(2, 9)} metres long.`,
      (v) =>
        `Version ${v.n(2, 9)}.${v.n(0, 12)}.${v.n(0, 30)} shipped today; room ${v.n(1, 5)}${v.n(10, 60)} stays closed.`,
    ],
    spoken: [
      (v) => `hi this is ${v.sFull()} calling about the invoice`,
      (v) => `my name is ${v.sFull()} and my number is ${v.sPhone()}`,
      (v) => `call me on ${v.sPhone()} i am around all afternoon`,
      (v) => `my date of birth is ${v.sBirth()}`,
      (v) => `she was born in ${v.sTown()} ${v.sBirthOn()}`,
      (v) => `my email is ${v.sEmail()}`,
      (v) => `send it to ${v.sEmail()} and i will print it`,
      (v) => `the server ip is ${v.sIp()}`,
      (v) => `can you ping ${v.sIp()} for me`,
      (v) => `the registration was ${v.sPlate()} a silver hatchback`,
      (v) => `let me spell the plate ${v.sPlate()}`,
      (v) => `my iban is ${v.sIban()}`,
      (v) => `the card number is ${v.sCard()}`,
      (v) => `my social is ${v.sSsn()}`,
      (v) => `my address is ${v.sStreet()} in ${v.sTown()}`,
      (v) => `please deliver to ${v.sPostal()}`,
      (v) => `ms ${v.sLast()} phoned she wants a call back`,
      (v) => `thanks ${v.sFirst()} that really helped`,
      (v) => `right ${v.sFirst()} see you tomorrow in ${v.sTown()}`,
      (v) => `mister ${v.sLast()} is out of the office today`,
      (v) => `the account is in the name of ${v.sFull()}`,
      (v) => `i will pass you to ${v.sFirst()} in accounts`,
      (v) => `yesterday ${v.sFull()} came by to pick up the keys`,
      (v) => `account holder ${v.sFull()} iban ${v.sIban()}`,
      (v) => `bye for now and best wishes ${v.sFull()}`,
      (v) => `the car ${v.sPlate()} is parked across the drive of ${v.sFull()} again`,
      (v) => `the new address is ${v.sPostal()}`,
      (v) => `his social security number is ${v.sSsn()} and he was born ${v.sBirthOn()}`,
      (v) => `my mobile is ${v.sPhone()} and the landline is ${v.sPhone()}`,
      (v) => `the address is ${v.sIp()} port eighty eighty`,
      (v) => `i am ${v.sFirst()} and i am from ${v.sTown()}`,
      (v) => `this is ${v.sFull()} our new neighbour from ${v.sTown()}`,
      (v) => `for ${v.sLast()} please send the post to ${v.sPostal()}`,
      (v) => `you can reach me by email ${v.sEmail()} or on ${v.sPhone()}`,
      (v) => `my name is ${v.sFullSpelt()}`,
      (v) => `emergency contact is ${v.sFirst()} on ${v.sPhone()}`,
      (v) => `the van had plate ${v.sPlate()} and the second one ${v.sPlate()}`,
      (v) => `the login came from ${v.sIp()} with the address ${v.sEmail()}`,
      (v) => `applicant ${v.sFull()} born ${v.sBirthOn()} social ${v.sSsn()} card ${v.sCard()}`,
      // PII-free.
      (v) => `the poppy field by the ${v.one('gate', 'church', 'pond')} is in bloom this year`,
      (v) => `a wren is nesting in the ${v.one('shed', 'garage', 'chapel')} roof again`,
      (v) => `prices went up by ${v.w(v.n(2, 9))} percent according to the ledger`,
      (v) => `add some honey and roast it for ${v.w(v.n(20, 70))} minutes`,
      (v) => `a dusty old bike leans on the wall by the ${v.one('bus stop', 'bakery', 'post box')}`,
      (v) => `the hinges are rusty so bring the oil can and ${v.w(v.n(2, 9))} screws`,
      (v) => `the furrow was ${v.w(v.n(2, 9))} inches deep after the rain`,
      (v) => `put the kettle on we have ${v.w(v.n(11, 40))} minutes before the train`,
      (v) => `we picked bramble fruit along the canal for ${v.w(v.n(2, 4))} hours`,
      (v) =>
        `order number ${v.w(v.n(1000, 9999))} for a garden trowel costs ${v.w(v.n(12, 90))} pounds`,
      (v) => `the nettle patch by the pond is ${v.w(v.n(4, 19))} feet wide`,
      (v) => `a gale warning is out for tonight from ${v.w(v.n(8, 11))} until ${v.w(v.n(2, 5))}`,
      (v) =>
        `version ${v.w(v.n(2, 9))} point ${v.w(v.n(0, 12))} went out at ${v.w(v.n(2, 11))} this morning`,
    ],
  },
};

/**
 * The fifth blind set: `perFrame` texts per frame, per language and kind, drawn from `seed`.
 * German texts come first, then English; within a language, written then spoken.
 */
export function generateBlind5(perFrame = 8, seed = 113): Labelled[] {
  const d = new Draw(rng(seed));
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    const v = new Values(d, lang);
    for (const kind of ['written', 'spoken'] as const)
      for (const frame of BLIND5_FRAMES[lang][kind])
        for (let i = 0; i < perFrame; i++) out.push(parseMarkup(frame(v), lang, kind));
  }
  return out;
}
