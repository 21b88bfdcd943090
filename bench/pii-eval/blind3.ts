// A third blind set (issue 17): names, places, structured values and sentence frames written
// without reading the detector (nothing under src/pii/ was opened while writing it), and never
// run against it by its author. Names are of origins none of the other sets uses (Igbo,
// Filipino, Basque, Welsh, Persian, Czech, Icelandic, Lithuanian, Korean, East African,
// Armenian, Albanian), plus surnames and given names that are also everyday words (Fuchs,
// Storch, Frost ...); towns and streets are in no other set (test/pii/blind3.test.ts checks
// both against the other sets' texts). Half the texts are lower-case transcripts without
// punctuation, numbers spoken digit by digit or as number words, e-mail addresses and IBANs
// spelt out as an ASR system writes them. PII-free frames use the word-names as words
// ("der Fuchs", "a baker") to measure over-redaction. New frames belong in a new file; these
// must not be tuned against. Nothing in src/ may import this file.
import { DIGITS_DE, DIGITS_EN, rng, TEENS_DE, TEENS_EN, TENS_DE, TENS_EN } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

type Lang = 'de' | 'en';
type Kind = 'written' | 'spoken';

/** Given names and surnames by origin; a full name takes both from the same origin. */
export const BLIND3_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  igbo: {
    first: ['Chinonso', 'Ifeoma', 'Obinna', 'Adaeze', 'Chukwuemeka', 'Nkechi', 'Ikenna', 'Uchenna'],
    last: ['Onwuachi', 'Nwachukwu', 'Obiora', 'Ezeudu', 'Anyanwu', 'Chukwuma', 'Nwosu'],
  },
  filipino: {
    first: ['Maricel', 'Rodel', 'Jomar', 'Liezel', 'Arnel', 'Marites'],
    last: ['Dimaculangan', 'Macaraeg', 'Pangilinan', 'Dimagiba', 'Magbanua', 'Lacson'],
  },
  basque: {
    first: ['Amaia', 'Iker', 'Unai', 'Ainhoa', 'Itziar', 'Gorka', 'Nerea'],
    last: ['Etxeberria', 'Goikoetxea', 'Arrieta', 'Zubizarreta', 'Urrutia', 'Larrañaga'],
  },
  welsh: {
    first: ['Siôn', 'Gwenllian', 'Gethin', 'Cerys', 'Dafydd', 'Eirlys', 'Iolo'],
    last: ['Pritchard', 'Llywelyn', 'Prosser', 'Gruffydd', 'Prydderch'],
  },
  persian: {
    first: ['Dariush', 'Shirin', 'Kourosh', 'Golnar', 'Bahram', 'Farnaz'],
    last: ['Tehrani', 'Esfandiari', 'Farahani', 'Daneshvar', 'Khosravi', 'Sotoudeh'],
  },
  czech: {
    first: ['Vojtěch', 'Zdeňka', 'Radek', 'Jiřina', 'Bohumil', 'Libuše'],
    last: ['Dvořák', 'Procházka', 'Kučera', 'Šimková', 'Horáček', 'Vondráček'],
  },
  icelandic: {
    first: ['Sigrún', 'Hrafnhildur', 'Gunnsteinn', 'Ásdís', 'Eyvindur'],
    last: ['Sigurðardóttir', 'Gunnarsson', 'Magnúsdóttir', 'Þorsteinsson'],
  },
  lithuanian: {
    first: ['Vytautas', 'Rūta', 'Gintaras', 'Aušra', 'Mindaugas'],
    last: ['Kazlauskas', 'Jankauskienė', 'Petrauskas', 'Žukauskas', 'Stankevičius'],
  },
  korean: {
    first: ['Minjun', 'Seoyeon', 'Jiwoo', 'Hyunwoo', 'Eunji', 'Dongha'],
    last: ['Hwang', 'Kwon', 'Baek', 'Seong', 'Yoon'],
  },
  east_african: {
    first: ['Baraka', 'Zawadi', 'Neema', 'Juma', 'Wanjiku'],
    last: ['Mwangi', 'Otieno', 'Kimaro', 'Massawe', 'Wanjiru'],
  },
  armenian: {
    first: ['Hovhannes', 'Anahit', 'Tigran', 'Siranush', 'Vardan', 'Lusine'],
    last: ['Hovhannisyan', 'Sargsyan', 'Petrosyan', 'Grigoryan', 'Vardanyan'],
  },
  albanian: {
    first: ['Arben', 'Drita', 'Besnik', 'Mimoza', 'Blerina', 'Agron'],
    last: ['Hoxha', 'Berisha', 'Krasniqi', 'Gashi', 'Kelmendi'],
  },
};

export const BLIND3_FIRST: readonly string[] = Object.values(BLIND3_NAMES).flatMap((n) => n.first);
export const BLIND3_LAST: readonly string[] = Object.values(BLIND3_NAMES).flatMap((n) => n.last);

/** Names that are also everyday words of the language: the hard case for over- and under-redaction. */
export const BLIND3_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Ernst', 'Rosa'],
    last: [
      'Fuchs',
      'Kaiser',
      'Klein',
      'Specht',
      'Storch',
      'Rabe',
      'Kranich',
      'Strauß',
      'Busch',
      'Stein',
      'Engel',
      'Graf',
    ],
  },
  en: {
    first: ['Clover', 'Sky', 'Ivy', 'Dawn', 'Hope', 'Faith'],
    last: [
      'Thatcher',
      'Wolf',
      'Cooper',
      'Tanner',
      'Sawyer',
      'Weaver',
      'Shepherd',
      'Bishop',
      'Carpenter',
      'Marsh',
      'Frost',
      'Finch',
      'Crane',
      'Hawk',
    ],
  },
};

/** Towns: German-speaking ones for the German half, British, American, Canadian and Australian ones for the English half, and towns of the names' countries in both. */
export const BLIND3_PLACES: Record<Lang, readonly string[]> = {
  de: [
    'Haldensleben',
    'Gardelegen',
    'Tangermünde',
    'Bad Kötzting',
    'Kyritz',
    'Pfullendorf',
    'Mindelheim',
    'Quakenbrück',
    'Vilsbiburg',
    'Herrnhut',
    'Bleicherode',
    'Zeven',
    'Perleberg',
    'Ochsenfurt',
    'Bersenbrück',
    'Bludenz',
    'Zwettl',
    'Sarnen',
    'Frauenfeld',
    'Onitsha',
    'Donostia',
    'Kaunas',
    'Olomouc',
    'Gyumri',
  ],
  en: [
    'Aberystwyth',
    'Llandudno',
    'Morpeth',
    'Kirkwall',
    'Penzance',
    'Bridport',
    'Ullapool',
    'Carmarthen',
    'Brora',
    'Invergordon',
    'Duluth',
    'Bozeman',
    'Flagstaff',
    'Yellowknife',
    'Ballarat',
    'Toowoomba',
    'Iloilo',
    'Enugu',
    'Shiraz',
    'Akureyri',
    'Daegu',
    'Vlorë',
  ],
};

/** Postcodes of the German towns above (the Austrian, Swiss and foreign ones take none). */
const POSTCODES: Record<string, string> = {
  Haldensleben: '39340',
  Gardelegen: '39638',
  'Bad Kötzting': '93444',
  Vilsbiburg: '84137',
  Zeven: '27404',
  Bersenbrück: '49593',
  Tangermünde: '39590',
  Kyritz: '16866',
  Pfullendorf: '88630',
  Mindelheim: '87719',
  Quakenbrück: '49610',
  Herrnhut: '02747',
  Bleicherode: '99752',
  Perleberg: '19348',
  Ochsenfurt: '97199',
};

/** Street names: the German ones take the number after, the English ones before. */
export const BLIND3_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Schlehenweg',
    'Töpfergasse',
    'Am Lindenbühl',
    'Krummer Weg',
    'Haselnussring',
    'Zur Ölmühle',
    'Brückenkamp',
    'Kiebitzweg',
    'Quittenstraße',
    'Hinter den Gärten',
  ],
  en: [
    'Thistle Lane',
    'Mulberry Close',
    'Quayside Row',
    'Ferncliffe Road',
    'Larkspur Drive',
    'Tannery Street',
    'Heron Crescent',
    'Saddler Way',
  ],
};

/**
 * Sentence frames. Slots: {P} full name, {F} given name, {L} surname, {WP} full name of
 * word-names, {WF} given name that is a word, {WL} surname that is a word, {C} town, {S} street
 * and number, {Z} German postcode and town, {TEL}, {MAIL}, {IP}, {PLATE} (German), {DOB} date of
 * birth, {IBAN}; {Q} a small number that is no personal data. Frames without a personal slot
 * carry no PII.
 */
export const BLIND3_FRAMES: Record<Lang, Record<Kind, readonly string[]>> = {
  de: {
    written: [
      'Kontoinhaber: {P}\nIBAN: {IBAN}',
      'Bitte überweisen Sie den Restbetrag auf {IBAN} (Inhaber: {P}).',
      'Frau {L} hat heute zweimal wegen der Nebenkostenabrechnung angerufen.',
      'Herr Dr. {L} übernimmt ab Montag die Station 4B.',
      '„Das Paket ist angekommen“, schreibt {F} in den Gruppenchat.',
      'Kannst du {F} anrufen, bevor du losfährst?',
      '{F}, hast du den Schlüssel für den Keller gesehen?',
      'Viele Grüße aus {C}\n{P}',
      'Mit freundlichen Grüßen\n{P}\nTel. {TEL}',
      'Die Lieferung geht an {S}, {Z}.',
      'Geburtsdatum: {DOB}, Name: {P}',
      '{P} (geb. {DOB}) wohnt seit dem Frühjahr in {C}.',
      'Der Server unter {IP} antwortet seit gestern nicht, meldet {F}.',
      'Zugriff von {IP} um 03:12 Uhr gesperrt.',
      'Der Wagen {PLATE} parkt schon wieder vor der Einfahrt.',
      'Halter des Fahrzeugs {PLATE} ist laut Zulassungsstelle {P}.',
      'Schreib mir an {MAIL}, dann schicke ich dir die Fotos.',
      'Antworten bitte an {MAIL} – {F}',
      'Unter {TEL} erreichen Sie {P} werktags bis 16 Uhr.',
      'Meine neue Nummer ist {TEL}, die alte gilt nicht mehr.',
      'Frau {WL} aus {C} hat ihre Bewerbung zurückgezogen.',
      'Herr {WL} bittet um Rückruf unter {TEL}.',
      'Das Protokoll der Sitzung führt {WP}.',
      'Gestern habe ich {WP} in {C} getroffen.',
      'Im Herbst fahren wir nach {C} und danach weiter nach {C}.',
      'Treffpunkt: {S} in {C}, um halb zehn.',
      'Die Heizung in Raum 12 ist defekt, sagt {P}.',
      'Hallo {WF}, danke für die Blumen!',
      'Der Fuchs hat heute Nacht {Q} Hühner aus dem Stall geholt.',
      'Der Kranich zieht im Herbst über {Q} Länder nach Süden.',
      'Ein Rabe saß auf dem Zaun, später kamen {Q} weitere dazu.',
      'Der Storch ist nach {Q} Wochen zurück im Nest, der Specht klopft schon seit März.',
      'Im Museum hängt ein Bild vom Kaiser, {Q} Meter breit.',
      'Hinter dem Busch lagen {Q} bunte Ostereier.',
      'Der Engel auf dem Weihnachtsbaum ist schon {Q} Jahre alt.',
      'Die Rose im Vorgarten hat {Q} Knospen, der Stein daneben ist bemoost.',
      'Wir brauchen {Q} kleine Schrauben und einen Eimer.',
    ],
    spoken: [
      'kontoinhaber ist {P} und die iban lautet {IBAN}',
      'überweise das geld auf {IBAN}',
      'ruf {F} an',
      'bitte frau {L} zurückrufen',
      'schreib {F} dass ich später komme',
      '{F} bist du schon wach',
      'sag {F} bescheid dass das essen fertig ist',
      'herr {WL} hat gesagt dass er morgen nicht kommt',
      'termin bei doktor {L} am dienstag um neun',
      'meine telefonnummer ist {TEL}',
      'du erreichst mich unter {TEL}',
      'wähle {TEL}',
      'schick die rechnung an {MAIL}',
      'meine mail adresse lautet {MAIL}',
      'die ip adresse vom drucker ist {IP}',
      'verbinde dich mit {IP}',
      'das auto {PLATE} blockiert die ausfahrt',
      'der wagen mit dem nummernschild {PLATE} wurde abgeschleppt',
      'ich bin am {DOB} geboren',
      'geboren am {DOB} in {C}',
      'meine adresse ist {S} in {C}',
      'zeig mir den weg zu {S}',
      'wie wird das wetter morgen in {C}',
      'fahr nach {C}',
      'das angebot hat {P} unterschrieben sagt {F}',
      'erinnere mich daran {WP} zum geburtstag zu gratulieren',
      'frau {WL} aus {C} hat angerufen',
      'hallo {WF} wie geht es dir',
      '{P} hat die schlüssel',
      'der fuchs war heute nacht wieder im garten',
      'stell einen timer auf {Q} minuten',
      'wann kommt der storch zurück',
      'spiel das lied vom fuchs der die gans gestohlen hat',
      'wo überwintert der kranich',
      'wie viele engel passen auf eine nadelspitze',
      'gieß die rose und den busch im garten',
      'wie schwer ist ein stein mit {Q} zentimetern durchmesser',
    ],
  },
  en: {
    written: [
      'Account holder: {P}, IBAN {IBAN}',
      'Please transfer the deposit to {IBAN} (account name: {P}).',
      'Ms {L} called twice about the service charge this morning.',
      'Dr. {L} takes over ward 4B from Monday.',
      '"The parcel has arrived," {F} says in the group chat.',
      'Could you call {F} before you set off?',
      '{F}, have you seen the key to the shed?',
      'Greetings from {C}!\n{P}',
      'Kind regards,\n{P}\nPhone: {TEL}',
      'The delivery goes to {S}, {C}.',
      'Date of birth: {DOB}. Name: {P}.',
      '{P} (born {DOB}) has lived in {C} since spring.',
      'The server at {IP} has not answered since yesterday, {F} reports.',
      'Access from {IP} blocked at 03:12.',
      'The car with German plates {PLATE} is parked across the gate again.',
      'According to the registration, {PLATE} belongs to {P}.',
      'Drop me a line at {MAIL} and I will send the photos.',
      'Replies to {MAIL} please. – {F}',
      '{P} can be reached on {TEL} on weekdays until 4 pm.',
      'My new number is {TEL}; the old one is gone.',
      'Mrs {WL} from {C} has withdrawn her application.',
      'Mr {WL} asked for a call back on {TEL}.',
      'Minutes of the meeting taken by {WP}.',
      'I ran into {WP} in {C} yesterday.',
      'This autumn we drive to {C} and then on to {C}.',
      'Meeting point: {S}, {C}, at half past nine.',
      'The heating in room 12 is broken, says {P}.',
      'Dear {WF}, thank you for the flowers!',
      'A fox took {Q} hens from the coop last night.',
      'The baker on the corner sells {Q} kinds of bread.',
      'The shepherd counted {Q} sheep before dark.',
      'The cooper made {Q} barrels for the brewery, the tanner {Q} saddles.',
      'The wolf was seen {Q} miles north of the village.',
      'A finch nested in the hedge and laid {Q} eggs.',
      'The bishop moved {Q} squares diagonally.',
      'We hired a carpenter and a mason for {Q} days.',
      'Frost is expected tonight, with {Q} degrees below zero.',
    ],
    spoken: [
      'the account holder is {P} and the iban is {IBAN}',
      'send the money to {IBAN}',
      'call {F}',
      'remind me to call ms {L} back',
      'text {F} that i am running late',
      '{F} are you awake',
      'tell {F} dinner is ready',
      'mister {WL} said he is not coming tomorrow',
      'appointment with doctor {L} on tuesday at nine',
      'my phone number is {TEL}',
      'you can reach me on {TEL}',
      'dial {TEL}',
      'send the invoice to {MAIL}',
      'my email address is {MAIL}',
      'the printer ip address is {IP}',
      'connect to {IP}',
      'the car {PLATE} is blocking the driveway',
      'the van with the number plate {PLATE} was towed',
      'i was born on {DOB}',
      'born on {DOB} in {C}',
      'i live at {S} in {C}',
      'take me to {S}',
      'what is the weather like in {C} tomorrow',
      'drive to {C}',
      '{P} signed the offer {F} says',
      'remind me to wish {WP} a happy birthday',
      'missus {WL} from {C} called',
      'hi {WF} how are you',
      '{P} has the keys',
      'the fox was in the garden again last night',
      'set a timer for {Q} minutes',
      'how long does a baker need to proof dough',
      'play the song about the hunter and the wolf',
      'water the rose and the ivy',
      'how fast can a hawk fly',
      'is there frost on the marsh this morning',
      'how much does a carpenter earn in {Q} hours',
    ],
  },
};

// 0..19 by value, and the tens by their first digit.
const DE_ONES = [...DIGITS_DE, ...TEENS_DE];
const EN_ONES = ['zero', ...DIGITS_EN.slice(1), ...TEENS_EN];
const DE_TENS = TENS_DE;
const EN_TENS = TENS_EN;

/** German number words as one word, 0–999 ("hundertzweiundneunzig"). */
export function deCardinal(n: number): string {
  if (n < 20) return DE_ONES[n]!;
  if (n < 100) {
    const u = n % 10;
    return `${u === 0 ? '' : `${u === 1 ? 'ein' : DE_ONES[u]}und`}${DE_TENS[Math.floor(n / 10)]}`;
  }
  const h = Math.floor(n / 100);
  const rest = n % 100;
  return `${h === 1 ? '' : DE_ONES[h]}hundert${rest === 0 ? '' : deCardinal(rest)}`;
}

/** English number words, 0–999, as an ASR writes them (no hyphens). */
export function enCardinal(n: number): string {
  if (n < 20) return EN_ONES[n]!;
  if (n < 100) {
    const u = n % 10;
    return `${EN_TENS[Math.floor(n / 10)]}${u === 0 ? '' : ` ${EN_ONES[u]}`}`;
  }
  const rest = n % 100;
  return `${EN_ONES[Math.floor(n / 100)]} hundred${rest === 0 ? '' : ` ${enCardinal(rest)}`}`;
}

/** German ordinal in the dative after "am": "ersten", "dritten", "einundzwanzigsten". */
function deOrdinalDative(n: number): string {
  const special: Record<number, string> = { 1: 'ersten', 3: 'dritten', 7: 'siebten', 8: 'achten' };
  if (special[n]) return special[n]!;
  return n < 20 ? `${deCardinal(n)}ten` : `${deCardinal(n)}sten`;
}

const EN_ORD: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  5: 'fifth',
  8: 'eighth',
  9: 'ninth',
  12: 'twelfth',
};
function enOrdinal(n: number): string {
  if (n >= 20 && n % 10 !== 0) return `${EN_TENS[Math.floor(n / 10)]} ${enOrdinal(n % 10)}`;
  if (EN_ORD[n]) return EN_ORD[n]!;
  if (n % 10 === 0 && n >= 20) return `${EN_TENS[n / 10]!.slice(0, -1)}ieth`;
  return `${enCardinal(n)}th`;
}

function deYear(y: number): string {
  return y < 2000
    ? `neunzehnhundert${y % 100 === 0 ? '' : deCardinal(y % 100)}`
    : `zweitausend${y % 100 === 0 ? '' : deCardinal(y % 100)}`;
}
function enYear(y: number): string {
  const r = y % 100;
  if (y < 2000) return `nineteen ${r < 10 ? `oh ${EN_ONES[r]}` : enCardinal(r)}`;
  return r < 10 ? `two thousand${r === 0 ? '' : ` and ${EN_ONES[r]}`}` : `twenty ${enCardinal(r)}`;
}

const DE_MONTHS = [
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
const EN_MONTHS = [
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

/** mod 97 of a long digit string, in chunks (it does not fit a double). */
function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i += 7) r = Number(`${r}${digits.slice(i, i + 7)}`) % 97;
  return r;
}

/** An IBAN with correct check digits (ISO 13616: BBAN + country + "00", 98 minus mod 97). */
export function makeIban(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return `${country}${String(98 - mod97(numeric)).padStart(2, '0')}${bban}`;
}

export function ibanIsValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  const moved = `${compact.slice(4)}${compact.slice(0, 4)}`.replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  return mod97(moved) === 1;
}

/** Removes diacritics for e-mail local parts ("Dvořák" → "dvorak"). */
function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ð/g, 'd')
    .replace(/Þ|þ/g, 'th')
    .toLowerCase();
}

class Values {
  constructor(
    private readonly r: () => number,
    private readonly lang: Lang,
    private readonly spoken: boolean,
  ) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  private say(s: string): string {
    return this.spoken ? s.toLowerCase() : s;
  }

  /** A written value read out character by character: digits as words, letters spelt. */
  private spell(s: string, extra: Record<string, string> = {}): string {
    const ones = this.lang === 'de' ? DE_ONES : EN_ONES;
    const out: string[] = [];
    const chars = [...s];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (/\d/.test(c)) {
        // English speakers say "double seven" and "oh"; an ASR writes what it hears.
        if (this.lang === 'en' && chars[i + 1] === c && this.r() < 0.4) {
          out.push(`double ${c === '0' ? 'oh' : ones[Number(c)]}`);
          i++;
          continue;
        }
        out.push(this.lang === 'en' && c === '0' && this.r() < 0.5 ? 'oh' : ones[Number(c)]!);
      } else if (extra[c] !== undefined) {
        if (extra[c]) out.push(extra[c]!);
      } else if (/\p{L}/u.test(c)) out.push(c.toLowerCase());
    }
    return out.join(' ');
  }

  person(): string {
    const origin = this.pick(Object.values(BLIND3_NAMES));
    return this.say(`${this.pick(origin.first)} ${this.pick(origin.last)}`);
  }
  first(): string {
    return this.say(this.pick(BLIND3_FIRST));
  }
  last(): string {
    return this.say(this.pick(BLIND3_LAST));
  }
  wordFirst(): string {
    return this.say(this.pick(BLIND3_WORD_NAMES[this.lang].first));
  }
  wordLast(): string {
    return this.say(this.pick(BLIND3_WORD_NAMES[this.lang].last));
  }
  wordPerson(): string {
    return `${this.wordFirst()} ${this.wordLast()}`;
  }
  town(): string {
    return this.say(this.pick(BLIND3_PLACES[this.lang]));
  }
  street(): string {
    const name = this.pick(BLIND3_STREETS[this.lang]);
    const n = this.int(1, 140);
    const suffix =
      this.lang === 'de' && !this.spoken && this.r() < 0.2 ? this.pick(['a', 'b']) : '';
    if (this.lang === 'de')
      return this.spoken ? `${name.toLowerCase()} ${deCardinal(n)}` : `${name} ${n}${suffix}`;
    return this.spoken ? `${enCardinal(n)} ${name.toLowerCase()}` : `${n} ${name}`;
  }
  postcodeTown(): string {
    const town = this.pick(Object.keys(POSTCODES));
    const code = POSTCODES[town]!;
    return this.spoken ? `${this.spell(code)} ${town.toLowerCase()}` : `${code} ${town}`;
  }
  phone(): string {
    let written: string;
    if (this.lang === 'de') {
      const form = this.int(0, 5);
      const mobile = () => {
        const pre = this.pick(['151', '152', '157', '159', '160', '162', '176', '178', '179']);
        return `${pre} ${this.digits(8)}`;
      };
      if (form === 0) written = `0${mobile()}`;
      else if (form === 1) written = `+49 ${mobile()}`;
      else if (form === 2)
        written = `${this.pick(['09232', '08171', '03935', '04351', '030', '089'])} / ${this.int(2, 9)}${this.digits(5)}`;
      else if (form === 3)
        written = this.pick([
          `+43 664 ${this.digits(7)}`,
          `+41 79 ${this.digits(3)} ${this.digits(2)} ${this.digits(2)}`,
        ]);
      // Numbers a validator may call impossible, but given plainly as a number.
      else if (form === 4) written = `0${this.pick(['111', '123', '100'])} ${this.digits(6)}`;
      else written = `0049 ${mobile()}`;
    } else {
      const form = this.int(0, 5);
      if (form === 0) written = `07700 900${this.digits(3)}`;
      else if (form === 1) written = `+44 7700 900${this.digits(3)}`;
      else if (form === 2) written = `020 7946 0${this.digits(3)}`;
      else if (form === 3)
        written = `(${this.pick(['415', '312', '503'])}) 555-01${this.digits(2)}`;
      else if (form === 4) written = `+1 ${this.pick(['206', '617'])} 555 01${this.digits(2)}`;
      // Impossible by the numbering plans, but plainly a number.
      else written = this.pick([`555-01${this.digits(2)}`, `(123) 456-${this.digits(4)}`]);
    }
    return this.spoken ? this.spell(written, { '+': 'plus' }) : written;
  }
  email(): string {
    const origin = this.pick(Object.values(BLIND3_NAMES));
    const f = ascii(this.pick(origin.first));
    const l = ascii(this.pick(origin.last));
    const local = this.pick([
      `${f}.${l}`,
      `${f}_${l}`,
      `${f[0]}.${l}`,
      `${f}${l}`,
      `${f}${this.int(70, 99)}`,
    ]);
    const domain = this.pick(
      this.lang === 'de'
        ? ['posteo.de', 'gmx.net', 'web.de', 'mailbox.org', 'freenet.de']
        : ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.co.uk', 'fastmail.fm'],
    );
    const written = `${local}@${domain}`;
    if (!this.spoken) return written;
    const dot = this.lang === 'de' ? 'punkt' : 'dot';
    const under = this.lang === 'de' ? 'unterstrich' : 'underscore';
    // Words stay words; numbers in the local part are read as digits.
    return written
      .replace(/\./g, ` ${dot} `)
      .replace(/_/g, ` ${under} `)
      .replace(/@/g, ' at ')
      .replace(
        /\d+/g,
        (d) => ` ${this.lang === 'de' ? deCardinal(Number(d)) : enCardinal(Number(d))}`,
      )
      .replace(/ +/g, ' ');
  }
  ip(): string {
    if (!this.spoken && this.r() < 0.2)
      return `2001:db8:${this.int(1, 0xffff).toString(16)}::${this.int(1, 0xffff).toString(16)}`;
    const octets = this.pick([
      [192, 168, this.int(0, 5), this.int(2, 254)],
      [10, this.int(0, 255), this.int(0, 255), this.int(1, 254)],
      [this.int(31, 217), this.int(0, 255), this.int(0, 255), this.int(1, 254)],
    ]);
    if (!this.spoken) return octets.join('.');
    const dot = this.lang === 'de' ? 'punkt' : 'dot';
    const byDigit = this.r() < 0.5;
    return octets
      .map((o) =>
        byDigit ? this.spell(String(o)) : this.lang === 'de' ? deCardinal(o) : enCardinal(o),
      )
      .join(` ${dot} `);
  }
  plate(): string {
    const district = this.pick([
      'M',
      'B',
      'HH',
      'K',
      'WUN',
      'REG',
      'TÖL',
      'OHZ',
      'GAP',
      'RÜD',
      'KT',
      'PI',
    ]);
    const letters = Array.from({ length: this.int(1, 2) }, () =>
      this.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ']),
    ).join('');
    const number = String(this.int(1, 9999));
    const electric = this.r() < 0.1 ? 'E' : '';
    if (!this.spoken) return `${district}${this.pick(['-', ' '])}${letters} ${number}${electric}`;
    // Digit by digit, or as one number word when it is below a thousand ("zwölf").
    const n = Number(number);
    const said =
      n >= 1000 || this.r() < 0.6
        ? this.spell(number)
        : this.lang === 'de'
          ? deCardinal(n)
          : enCardinal(n);
    return `${this.spell(district)} ${this.spell(letters)} ${said}${electric ? ' e' : ''}`;
  }
  dob(): string {
    const y = this.int(1948, 2008);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    const dd = String(d).padStart(2, '0');
    const mm = String(m).padStart(2, '0');
    if (this.lang === 'de') {
      if (this.spoken)
        return `${deOrdinalDative(d)} ${DE_MONTHS[m - 1]!.toLowerCase()} ${deYear(y)}`;
      return this.pick([`${dd}.${mm}.${y}`, `${d}. ${DE_MONTHS[m - 1]} ${y}`, `${d}.${m}.${y}`]);
    }
    if (this.spoken)
      return this.pick([
        `${EN_MONTHS[m - 1]!.toLowerCase()} ${enOrdinal(d)} ${enYear(y)}`,
        `${enOrdinal(d)} of ${EN_MONTHS[m - 1]!.toLowerCase()} ${enYear(y)}`,
      ]);
    return this.pick([
      `${d} ${EN_MONTHS[m - 1]} ${y}`,
      `${EN_MONTHS[m - 1]} ${d}, ${y}`,
      `${mm}/${dd}/${y}`,
      `${y}-${mm}-${dd}`,
    ]);
  }
  iban(): string {
    const german = this.lang === 'de' || this.r() < 0.3;
    const compact = german
      ? makeIban('DE', `${this.int(1, 8)}${this.digits(7)}${this.digits(10)}`)
      : makeIban(
          'GB',
          `${this.pick(['NWBK', 'BARC', 'LOYD', 'MIDL'])}${this.digits(6)}${this.digits(8)}`,
        );
    if (this.spoken) return this.spell(compact);
    return this.r() < 0.7 ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
  }
  quantity(): string {
    const n = this.int(2, 40);
    if (!this.spoken) return String(n);
    return this.lang === 'de' ? deCardinal(n) : enCardinal(n);
  }
}

const SLOTS: Record<string, [string | null, (v: Values) => string]> = {
  P: ['PERSON', (v) => v.person()],
  F: ['PERSON', (v) => v.first()],
  L: ['PERSON', (v) => v.last()],
  WP: ['PERSON', (v) => v.wordPerson()],
  WF: ['PERSON', (v) => v.wordFirst()],
  WL: ['PERSON', (v) => v.wordLast()],
  C: ['LOCATION', (v) => v.town()],
  S: ['ADDRESS', (v) => v.street()],
  Z: ['ADDRESS', (v) => v.postcodeTown()],
  TEL: ['PHONE', (v) => v.phone()],
  MAIL: ['EMAIL', (v) => v.email()],
  IP: ['IP_ADDRESS', (v) => v.ip()],
  PLATE: ['VEHICLE_PLATE', (v) => v.plate()],
  DOB: ['DATE_OF_BIRTH', (v) => v.dob()],
  IBAN: ['IBAN', (v) => v.iban()],
  Q: [null, (v) => v.quantity()],
};

/** `perFrame` texts from every frame, in a fixed order: de written, de spoken, en written, en spoken. */
export function generateBlind3(perFrame = 8, seed = 71): Labelled[] {
  const r = rng(seed);
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (const kind of ['written', 'spoken'] as const) {
      const values = new Values(r, lang, kind === 'spoken');
      for (const frame of BLIND3_FRAMES[lang][kind]) {
        for (let i = 0; i < perFrame; i++) {
          const marked = frame.replace(/\{([A-Z]+)\}/g, (_, slot: string) => {
            const def = SLOTS[slot];
            if (!def) throw new Error(`blind3: unknown slot {${slot}} in ${JSON.stringify(frame)}`);
            const value = def[1](values);
            return def[0] ? `[[${value}|${def[0]}]]` : value;
          });
          out.push(parseMarkup(marked, lang, kind));
        }
      }
    }
  }
  return out;
}
