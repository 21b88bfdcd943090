// Names, places and structured values of the sixth blind set (issue 17), written and spoken.
// Written by its author from scratch, without reading the detector (src/pii/), its training
// data (bench/pii-train/), its tests (test/pii/) or any other set's lists and frames; only the
// item format and the type names were taken from blind5.ts and evaluate.ts. Check digits are
// computed here (MOD 97-10 for IBANs, ISO 7064 MOD 11,10 for the Steuer-ID, Luhn for cards).
// Spans are built from parts while the text is assembled (`tagged`), never found by search.

export type Lang = 'de' | 'en';
export type Kind = 'written' | 'spoken';
export type PiiType =
  | 'PERSON'
  | 'LOCATION'
  | 'ADDRESS'
  | 'EMAIL'
  | 'PHONE'
  | 'IBAN'
  | 'CREDIT_CARD'
  | 'IP_ADDRESS'
  | 'DE_TAX_ID'
  | 'US_SSN'
  | 'DATE_OF_BIRTH'
  | 'VEHICLE_PLATE';

export interface Marked {
  readonly value: string;
  readonly type: PiiType;
}
export interface Built {
  readonly text: string;
  readonly spans: readonly { start: number; end: number; type: string }[];
  /** Each span's value as drawn, so a test can compare it with the slice of the text. */
  readonly values: readonly string[];
}

const mark = (value: string, type: PiiType): Marked => ({ value, type });

/** Template tag: literal text and plain values are copied, marked values become gold spans. */
export function tagged(strings: TemplateStringsArray, ...parts: (string | number | Marked)[]) {
  let text = strings[0]!;
  const spans: { start: number; end: number; type: string }[] = [];
  const values: string[] = [];
  parts.forEach((part, i) => {
    if (typeof part === 'object') {
      spans.push({ start: text.length, end: text.length + part.value.length, type: part.type });
      values.push(part.value);
      text += part.value;
    } else text += String(part);
    text += strings[i + 1]!;
  });
  return { text, spans, values } satisfies Built;
}

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND6_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  vietnamese: {
    first: ['Thảo', 'Khoa', 'Linh', 'Đức', 'Hương', 'Bích'],
    last: ['Trịnh', 'Huỳnh', 'Đặng', 'Vũ', 'Phan', 'Lương'],
  },
  polish: {
    first: ['Urszula', 'Zdzisław', 'Danuta', 'Radosław', 'Wiesława', 'Mirosław'],
    last: ['Szczepaniak', 'Kowalczyk', 'Dudek', 'Pietrzak', 'Wieczorek', 'Sobczak'],
  },
  turkish: {
    first: ['Gülşen', 'Tolga', 'Nurcan', 'Ferhat', 'Sevgi', 'Barış'],
    last: ['Karataş', 'Yıldırım', 'Çelebi', 'Özkan', 'Aydoğan', 'Korkmaz'],
  },
  irish: {
    first: ['Gráinne', 'Cathal', 'Siobhán', 'Ruairí', 'Caoimhe', 'Donnacha'],
    last: ["O'Driscoll", 'Mac Giolla', 'Fitzgerald', 'Ó Ceallaigh', 'Mulcahy', 'Brannigan'],
  },
  arabic: {
    first: ['Yousef', 'Lubna', 'Khalid', 'Samira', 'Nizar', 'Huda'],
    last: ['Abu Zeid', 'Shalhoub', 'Bakri', 'Nasrallah', 'El-Amin', 'Sabbagh'],
  },
  greek: {
    first: ['Chrysoula', 'Spyridon', 'Vasiliki', 'Lefteris', 'Evangelia', 'Kostas'],
    last: ['Papadimitriou', 'Mavromatis', 'Oikonomou', 'Tsakiris', 'Vlachou', 'Antoniadis'],
  },
  yoruba: {
    first: ['Olumide', 'Folake', 'Abiodun', 'Yetunde', 'Babatunde', 'Titilayo'],
    last: ['Ogundipe', 'Odunsi', 'Oyinlola', 'Olaniyan', 'Fashola', 'Akintola'],
  },
  hindi: {
    first: ['Priyanka', 'Abhishek', 'Anjali', 'Vikram', 'Sunita', 'Devendra'],
    last: ['Chaturvedi', 'Srivastava', 'Malhotra', 'Tripathi', 'Bhatnagar', 'Saxena'],
  },
  tamil: {
    first: ['Vaidehi', 'Ilango', 'Meenakshi', 'Sivakumar', 'Lakshmi', 'Karthik'],
    last: ['Subramanian', 'Chellappan', 'Periyasamy', 'Palaniappan', 'Venkatesan', 'Thangavel'],
  },
  portuguese: {
    first: ['Rui', 'Leonor', 'Gonçalo', 'Inês', 'Tiago', 'Beatriz'],
    last: ['Magalhães', 'Vasconcelos', 'Albuquerque', 'Nogueira', 'Carvalho', 'Sequeira'],
  },
  finnish: {
    first: ['Hilkka', 'Juhani', 'Sanna', 'Tuomas', 'Kaisa', 'Veikko'],
    last: ['Pesonen', 'Häkkinen', 'Koskinen', 'Lehtonen', 'Hyvönen', 'Järvinen'],
  },
  korean: {
    first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Dong-hyun'],
    last: ['Cheon', 'Choi', 'Jung', 'Kang', 'Seo', 'Lim'],
  },
  hungarian: {
    first: ['Piroska', 'Csaba', 'Réka', 'Ákos', 'Eszter', 'Szilárd'],
    last: ['Fekete', 'Tóth', 'Lakatos', 'Varga', 'Kiss', 'Molnár'],
  },
  georgian: {
    first: ['Nino', 'Giorgi', 'Manana', 'Vakhtang', 'Natia', 'Zurab'],
    last: ['Janelidze', 'Gogoladze', 'Mchedlishvili', 'Khutsishvili', 'Abashidze', 'Dolidze'],
  },
  amharic: {
    first: ['Selam', 'Dawit', 'Hirut', 'Getachew', 'Almaz', 'Ermias'],
    last: ['Bekele', 'Gebremedhin', 'Tadesse', 'Wolde', 'Ayalew', 'Mengistu'],
  },
  igbo: {
    first: ['Amarachi', 'Nnamdi', 'Chinwe', 'Ebuka', 'Nneka', 'Kelechi'],
    last: ['Ekwueme', 'Uzoma', 'Eze', 'Igwe', 'Onuoha', 'Ezeani'],
  },
  persian: {
    first: ['Mahsa', 'Siavash', 'Parisa', 'Arash', 'Golnaz', 'Babak'],
    last: ['Rostami', 'Ghorbani', 'Moradi', 'Sadeghi', 'Shirazi', 'Karimi'],
  },
};

/**
 * Surnames that are also everyday words, with given names of the same language. The PII-free
 * frames use these words as words.
 */
export const BLIND6_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Jörg', 'Heike', 'Ulrike', 'Dirk', 'Sabine', 'Reinhard'],
    last: ['Specht', 'Kessel', 'Hammer', 'Frosch', 'Nagel', 'Sauer', 'Riese', 'Strauß'],
  },
  en: {
    first: ['Gemma', 'Rhys', 'Callum', 'Siân', 'Gareth', 'Leanne'],
    last: ['Mason', 'Archer', 'Frost', 'Marsh', 'Shepherd', 'Bell', 'Brook', 'Stone'],
  },
};

/** Towns: invented or small; never taken from a list file. */
export const BLIND6_TOWNS: Record<Lang, readonly string[]> = {
  de: [
    'Wendelsdorf',
    'Rietzenhagen',
    'Bad Quellstedt',
    'Mühlbrück',
    'Tannwiesen',
    'Hollerbrunn',
    'Ebersried',
    'Kaltenwinkel',
    'Bad Sülzhausen',
    'Tengen',
    'Wörth an der Isar',
    'Zell am Harmersbach',
  ],
  en: [
    'Wetheral Green',
    'Saltcoats',
    'Builth Wells',
    'Marlowfield',
    'Upper Wenlock Cross',
    'Little Harrowden',
    'Penmorfa',
    'Ashcombe Regis',
    'Thornbury Vale',
    'Kilbarchan',
    'Castle Douglas',
    'Ottery St Mary',
  ],
};

export const BLIND6_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Hafergasse',
    'Am Krähenberg',
    'Brunnenhofweg',
    'Zur alten Ziegelei',
    'Gerberstraße',
    'Mühlenkamp',
    'Sandgrubenweg',
    'Obere Torstraße',
    'Kiebitzring',
    'Im Flachsland',
  ],
  en: [
    'Tanners Lane',
    'Orchard Rise',
    'Priory Walk',
    'Kestrel Close',
    'Wharf Road',
    'Ropewalk Terrace',
    'Glebe Crescent',
    'Cobbler Row',
    'Saltings Way',
    'Heron Mews',
  ],
};

/** Every name part and place of this set, for the overlap check against the other sets. */
export function blind6Words(): string[] {
  return [
    ...Object.values(BLIND6_NAMES).flatMap((n) => [...n.first, ...n.last]),
    ...Object.values(BLIND6_WORD_NAMES).flatMap((n) => n.first),
    ...Object.values(BLIND6_TOWNS).flat(),
    ...Object.values(BLIND6_STREETS).flat(),
  ];
}

// ---------------------------------------------------------------------------------------------
// Number words as a speech recogniser writes them (no hyphens, no digits).

const DE_UNITS = [
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
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig'];
DE_TENS.push('achtzig', 'neunzig');

/** 0 … 9999 as one German word ("zweihundertfünfundfünfzig"). */
export function deNumber(n: number): string {
  if (n < 20) return DE_UNITS[n]!;
  if (n < 100) {
    const u = n % 10;
    const t = DE_TENS[Math.floor(n / 10)]!;
    return u === 0 ? t : `${u === 1 ? 'ein' : DE_UNITS[u]}und${t}`;
  }
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const rest = n % 100;
    return `${h === 1 ? 'ein' : DE_UNITS[h]}hundert${rest ? deNumber(rest) : ''}`;
  }
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  return `${th === 1 ? 'ein' : DE_UNITS[th]}tausend${rest ? deNumber(rest) : ''}`;
}

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
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
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy'];
EN_TENS.push('eighty', 'ninety');

/** 0 … 9999 in English words, space-separated, optionally with "and" after the hundreds. */
export function enNumber(n: number, and = false): string {
  if (n < 20) return EN_UNITS[n]!;
  if (n < 100) {
    const u = n % 10;
    const t = EN_TENS[Math.floor(n / 10)]!;
    return u === 0 ? t : `${t} ${EN_UNITS[u]}`;
  }
  if (n < 1000) {
    const rest = n % 100;
    const head = `${EN_UNITS[Math.floor(n / 100)]} hundred`;
    return rest ? `${head} ${and ? 'and ' : ''}${enNumber(rest)}` : head;
  }
  const rest = n % 1000;
  const head = `${EN_UNITS[Math.floor(n / 1000)]} thousand`;
  return rest ? `${head} ${and && rest < 100 ? 'and ' : ''}${enNumber(rest, and)}` : head;
}

const DE_ORD_SPECIAL: Record<number, string> = { 1: 'ers', 3: 'drit', 7: 'sieb', 8: 'ach' };
/** Dative ordinal after "am": "dritten", "einundzwanzigsten". */
export function deOrdinalDative(n: number): string {
  if (n < 20) return `${DE_ORD_SPECIAL[n] ?? DE_UNITS[n]}ten`;
  return `${deNumber(n)}sten`;
}

const EN_ORD: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  5: 'fifth',
  8: 'eighth',
  9: 'ninth',
  12: 'twelfth',
  20: 'twentieth',
  30: 'thirtieth',
};
/** "twenty third", "eleventh". */
export function enOrdinal(n: number): string {
  if (EN_ORD[n]) return EN_ORD[n];
  if (n < 20) return `${EN_UNITS[n]}th`;
  return `${EN_TENS[Math.floor(n / 10)]} ${enOrdinal(n % 10)}`;
}

/** 1987 → "neunzehnhundertsiebenundachtzig", 2004 → "zweitausendvier". */
export function deYear(y: number): string {
  if (y >= 2000) return deNumber(y);
  return `neunzehnhundert${y % 100 ? deNumber(y % 100) : ''}`;
}

/** 1987 → "nineteen eighty seven", 1905 → "nineteen oh five", 2004 → "two thousand four". */
export function enYear(y: number): string {
  if (y >= 2000) return enNumber(y);
  const r = y % 100;
  return `nineteen ${r === 0 ? 'hundred' : r < 10 ? `oh ${EN_UNITS[r]}` : enNumber(r)}`;
}

export const MONTHS: Record<Lang, readonly string[]> = {
  de: [
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
  ],
  en: [
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
  ],
};

/** Spelling alphabets: the German one of the old DIN 5009 and the NATO one. */
const DE_SPELL = (
  'anton berta cäsar dora emil friedrich gustav heinrich ida julius kaufmann ludwig martha ' +
  'nordpol otto paula quelle richard samuel theodor ulrich viktor wilhelm xanthippe ypsilon zacharias'
).split(' ');
const EN_SPELL = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november ' +
  'oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu'
).split(' ');
const DE_UMLAUT_SPELL: Record<string, string> = { Ä: 'ärger', Ö: 'ökonom', Ü: 'übermut' };

/** A capital letter by the spelling alphabet ("richard", "romeo"). */
export function spellLetter(c: string, lang: Lang): string {
  if (DE_UMLAUT_SPELL[c]) return DE_UMLAUT_SPELL[c];
  const i = c.charCodeAt(0) - 65;
  return (lang === 'de' ? DE_SPELL : EN_SPELL)[i]!.replace('-', ' ');
}

/** Digits said one by one ("null eins fünf …", "oh seven seven …"). */
export function digitWords(s: string, lang: Lang, oh = false): string {
  return [...s]
    .map((c) => (lang === 'de' ? DE_UNITS[+c]! : c === '0' && oh ? 'oh' : EN_UNITS[+c]!))
    .join(' ');
}

/** English digits with "double"/"triple" for runs, as British callers say phone numbers. */
export function digitWordsRuns(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    const word = s[i] === '0' ? 'oh' : EN_UNITS[+s[i]!]!;
    const run = j - i;
    if (run === 2) out.push(`double ${word}`);
    else if (run === 3) out.push(`triple ${word}`);
    else for (let k = 0; k < run; k++) out.push(word);
    i = j;
  }
  return out.join(' ');
}

/** German digits in pairs ("null eins fünf eins dreiundzwanzig …"), a leading 0 on its own. */
export function digitPairsDe(s: string): string {
  const out: string[] = [];
  let i = 0;
  for (; i < s.length && s[i] === '0'; i++) out.push(DE_UNITS[0]!);
  for (; i < s.length; i += 2) {
    const pair = s.slice(i, i + 2);
    out.push(pair.length === 2 && pair[0] !== '0' ? deNumber(+pair) : digitWords(pair, 'de'));
  }
  return out.join(' ');
}

/** Lower case, and the marks a recogniser never writes (hyphen, apostrophe) as spaces. */
export function spokenName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An e-mail local part or domain label from a name, in ASCII. */
export function asciiLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Check digits.

/** ISO 13616: the two check digits of an IBAN from its country and BBAN. */
export function ibanCheck(country: string, bban: string): string {
  const digits = [...`${bban}${country}00`]
    .map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + +c) % 97;
  return String(98 - rest).padStart(2, '0');
}

/** MOD 97 of the rearranged IBAN is 1 for a valid one. */
export function ibanIsValid(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase();
  const digits = [...`${s.slice(4)}${s.slice(0, 4)}`]
    .map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + +c) % 97;
  return rest === 1;
}

/** ISO 7064 MOD 11,10 check digit of the German Steuer-ID's first ten digits. */
export function steuerIdCheck(ten: string): number {
  let product = 10;
  for (const c of ten) {
    let sum = (+c + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/** Luhn check digit for a card number body. */
export function luhnCheck(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    let d = +c;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return (10 - (sum % 10)) % 10;
}

export function luhnIsValid(card: string): boolean {
  const s = card.replace(/\D/g, '');
  return luhnCheck(s.slice(0, -1)) === +s.slice(-1);
}

export { mark };
