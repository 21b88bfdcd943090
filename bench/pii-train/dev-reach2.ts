// Our own development set for recall on unseen text, seventh round (issue 17): written before
// any rule change of that round. Names of origins no other set uses (Yoruba, Hungarian, Finnish,
// Somali, Persian, Ukrainian, Nepali, Bengali, Zulu, Mongolian, Hawaiian, Icelandic, Armenian,
// Lithuanian, Welsh, Sinhala, Tibetan), given names and surnames that are everyday words (Grace,
// Will, Bishop, Marsh; Ernst, Hase, Engel), towns and streets that no list holds, and frames
// of speech: speakers ("this is X calling", "X here"), addressees, people mentioned
// mid-sentence ("tell X", "with X", "X and I"); English spoken phone numbers in the forms people
// say them (double, triple, "oh", two-digit groups, country codes, extensions); German spoken
// dates of birth in all forms people say ("am dritten märz neunzehnhundertachtzig", "dritter
// dritter achtzig", "neunzehn achtzig im mai"); places in spoken and written English ("near
// X", "X high street", "moved to X"), and PII-free sentences with words that look like names or
// places but are not. test/pii/reach2.test.ts checks that none of the unseen names and places
// is in the gazetteer, a training pool or another development set. Nothing is taken from an
// evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-reach2-run.ts [--verbose]` prints its figures.
import { rng } from '../pii-eval/corpus.js';
import { type Labelled, parseMarkup } from '../pii-eval/markup.js';
import { deNumber, enNumber } from './dev-structured.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';
import { type NameShape, shapeName } from './name-shapes.js';
import { sayEnDigits } from './spoken-phone-digits.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Given names no list or other set holds, by origin. */
export const REACH2_FIRST: readonly string[] = [
  'Oluwaseun',
  'Temitope',
  'Folasade', // Yoruba
  'Zsófia',
  'Bence',
  'Levente', // Hungarian
  'Aino',
  'Eero',
  'Tuulikki', // Finnish
  'Hodan',
  'Abdirahman',
  'Faadumo', // Somali
  'Shirin',
  'Dariush',
  'Parisa', // Persian
  'Oksana',
  'Mykola', // Ukrainian
  'Sushila',
  'Bikram', // Nepali
  'Tahmina',
  'Rafiqul', // Bengali
  'Thandiwe',
  'Lwazi', // Zulu
  'Batbayar',
  'Oyunchimeg', // Mongolian
  'Keoni', // Hawaiian
  'Sigrún',
  'Ragnheiður', // Icelandic
  'Anahit',
  'Tigran', // Armenian
  'Rūta',
  'Vytautas', // Lithuanian
  'Eluned',
  'Gethin', // Welsh
  'Chaminda',
  'Nadeeka', // Sinhala
  'Tenzin',
  'Lhamo', // Tibetan
];
/** Surnames no list or other set holds. */
export const REACH2_SUR: readonly string[] = [
  'Ogundipe',
  'Kertész',
  'Virtanen',
  'Hämäläinen',
  'Warsame',
  'Rahimi',
  'Tehrani',
  'Kovalenko',
  'Shevchuk',
  'Chowdhury',
  'Haque',
  'Dlamini',
  'Nkosi',
  'Ganbold',
  'Kahananui',
  'Kealoha',
  'Sigurðardóttir',
  'Petrosyan',
  'Hakobyan',
  'Kazlauskas',
  'Prys',
  'Perera',
  'Jayasuriya',
  'Ngata',
  'Siddiqui',
];
/** Names that are everyday words in their language (some are on the lists as names). */
export const REACH2_DE_WORD_FIRST: readonly string[] = ['Ernst', 'Heide', 'Frank'];
export const REACH2_DE_WORD_SUR: readonly string[] = ['Hase', 'Engel', 'Adler', 'Fröhlich', 'Kühn'];
export const REACH2_EN_WORD_FIRST: readonly string[] = ['Grace', 'Will', 'Dawn', 'Hope', 'Mark'];
export const REACH2_EN_WORD_SUR: readonly string[] = ['Bishop', 'Shepherd', 'Steel', 'Marsh'];

/** Towns no list holds. */
export const REACH2_EN_PLACES: readonly string[] = [
  'Ledbury',
  'Bridport',
  'Lostwithiel',
  'Hexham',
  'Keswick',
  'Tobermory',
  'Ballymena',
  'Bideford',
  'Clitheroe',
  'Dunoon',
  'Thirsk',
  'Harlech',
  'Tenby',
  'Saffron Walden',
];
/** English towns that are also everyday words. */
export const REACH2_EN_WORD_PLACES: readonly string[] = ['Bath', 'Deal', 'Sandwich'];
export const REACH2_DE_PLACES: readonly string[] = [
  'Ilmenau',
  'Wernigerode',
  'Torgelow',
  'Pasewalk',
  'Eckernförde',
  'Bad Doberan',
];
export const REACH2_ABROAD: readonly string[] = [
  'Tromsø',
  'Bendigo',
  'Ballarat',
  'Tauranga',
  'Rotorua',
  'Arequipa',
  'Mbabane',
];
const EN_STREETS = ['Mulberry Close', 'Kingfisher Avenue', 'Tannery Lane', 'Orchard Crescent'];

function person(r: R, lang: Lang, spoken: boolean, shape: NameShape): string {
  const wordy = r() < 0.25;
  const sur = wordy
    ? pick(r, lang === 'de' ? REACH2_DE_WORD_SUR : REACH2_EN_WORD_SUR)
    : pick(r, REACH2_SUR);
  const first =
    r() < 0.2
      ? pick(r, lang === 'de' ? REACH2_DE_WORD_FIRST : REACH2_EN_WORD_FIRST)
      : pick(r, REACH2_FIRST);
  return shapeName(r, first, sur, shape, spoken);
}

// {P} any person shape, {F} full name, {S} surname, {G} given name, {L} a town, {W} a town that
// is also a word, {X} a street with its number.
const EN_SPOKEN = [
  'hi this is {F} calling from the surgery',
  'hello it is {G} here just ringing about the invoice',
  '{G} here can you call me back',
  'yeah {F} speaking',
  'tell {G} to ring me when she gets in',
  'can you tell {G} the van is ready',
  'i had lunch with {F} yesterday',
  'i was out with {G} last night',
  '{G} and i went to the match on saturday',
  'me and {G} are driving up tomorrow',
  'can you put me through to {F} please',
  'ask {G} if she wants to come along',
  '{F} said it was fine to park there',
  'hello {G} how are you doing',
  'sorry {G} i missed your call',
  'oh that was {F} on the line again',
  'i am seeing {G} on friday',
  'pass the message on to {F}',
  'so {G} rang about the car',
  'we are staying at {G} and {G}s place',
  'he lives in [[{L}|LOCATION]] now',
  'we moved to [[{L}|LOCATION]] last year',
  'she grew up near [[{L}|LOCATION]]',
  'there is a lovely cafe on [[{L}|LOCATION]] high street',
  'i work just outside [[{L}|LOCATION]]',
  'my sister moved to [[{W}|LOCATION]] in the spring',
  'we drove down from [[{L}|LOCATION]] this morning',
  'they have a house in [[{W}|LOCATION]]',
  'i am at [[{X}|ADDRESS]]',
];
const EN_WRITTEN = [
  'Hi, this is {F} from the surgery.',
  'Dr {S} will see you at ten.',
  'Account holder: {F}',
  'Kind regards,\n{F}',
  '{F} wrote: the meeting is moved.',
  'Please forward this to {F}.',
  'According to {F}, the delivery is late.',
  '{G} and I will be there by six.',
  'I met {F} at the conference in May.',
  'Could you ask {G} whether the room is free?',
  'Lunch with {G} on Friday?',
  'Cc: {F}',
  'He moved to [[{L}|LOCATION]] after the wedding.',
  'The workshop is near [[{L}|LOCATION]].',
  'The bakery on [[{L}|LOCATION]] High Street has closed.',
  'We spent a week in [[{W}|LOCATION]].',
  'Our office is in [[{L}|LOCATION]], not far from the station.',
  'She flew to [[{A}|LOCATION]] for the conference.',
  'Deliveries go to [[{X}|ADDRESS]], [[{L}|LOCATION]].',
];
const DE_SPOKEN = [
  'hallo hier ist {F} ich ruf wegen der rechnung an',
  '{G} hier kannst du mich zurückrufen',
  'ja hier spricht {F}',
  'sag {G} bitte sie soll mich anrufen',
  'kannst du {G} ausrichten dass das auto fertig ist',
  'ich war gestern mit {F} essen',
  '{G} und ich waren im kino',
  'frag mal {G} ob sie mitkommt',
  '{F} hat gesagt das passt schon',
  'hallo {G} wie geht es dir',
  'tut mir leid {G} ich hab deinen anruf verpasst',
  'können sie mich mit {F} verbinden',
  'ich treffe {G} am freitag',
  'grüß {G} von mir',
  'er wohnt jetzt in [[{L}|LOCATION]]',
  'wir sind nach [[{L}|LOCATION]] gezogen',
  'sie ist in der nähe von [[{L}|LOCATION]] aufgewachsen',
];
const DE_WRITTEN = [
  'Hallo, hier ist {F} aus der Praxis.',
  'Kontoinhaber: {F}',
  'Viele Grüße\n{F}',
  'Laut {F} ist die Lieferung verspätet.',
  'Bitte leiten Sie das an {F} weiter.',
  '{G} und ich kommen um sechs.',
  'Ich habe {F} auf der Messe getroffen.',
  'Frau Dr. {S} hat heute Sprechstunde.',
  'Er ist nach [[{L}|LOCATION]] gezogen.',
  'Die Werkstatt liegt bei [[{L}|LOCATION]].',
];

// German spoken dates of birth in the forms people say them.
const DE_MONTHS =
  'januar februar märz april mai juni juli august september oktober november dezember'.split(' ');
const DE_ORD_STEM = [
  '',
  'erst',
  'zweit',
  'dritt',
  'viert',
  'fünft',
  'sechst',
  'siebt',
  'acht',
  'neunt',
];
/** German ordinal stem of 1..31 ("dritt", "zwölft", "einunddreißigst"). */
function deOrdStem(n: number): string {
  if (n < 10) return DE_ORD_STEM[n]!;
  if (n < 20) return `${deNumber(n)}t`;
  return `${deNumber(n)}st`;
}
function deSpokenYear(r: R, y: number): string {
  if (y >= 2000) return r() < 0.7 ? deNumber(y) : deNumber(y).replace('tausend', 'tausendund');
  const yy = y % 100;
  const how = r();
  if (how < 0.3) return deNumber(yy);
  if (how < 0.55) return `neunzehnhundert${deNumber(yy)}`;
  if (how < 0.7) return `neunzehnhundertund${deNumber(yy)}`;
  if (how < 0.85) return `neunzehn hundert ${deNumber(yy)}`;
  return `neunzehn ${deNumber(yy)}`;
}
/**
 * A said date of birth; `ending` is the ordinal's ending: after "am"/"vom" ("n"), after "der"
 * ("e"), alone ("r").
 */
function deSpokenDob(r: R, ending: 'n' | 'r' | 'e'): string {
  const d = int(r, 1, 31);
  const m = int(r, 1, 12);
  const y = int(r, 1941, 2012);
  const year = deSpokenYear(r, y);
  const ord = (n: number) => `${deOrdStem(n)}e${ending === 'e' ? '' : ending}`;
  const how = r();
  if (how < 0.45) return `${ord(d)} ${DE_MONTHS[m - 1]} ${year}`;
  if (how < 0.8) return `${ord(d)} ${ord(m)} ${year}`;
  // Day and month said as numbers, a leading zero as "null" ("null drei null fünf achtzig").
  const num = (n: number) => (n < 10 ? `null ${deNumber(n)}` : deNumber(n));
  if (how < 0.9) return `${num(d)} ${num(m)} ${year}`;
  // As a transcript writes a said date in digits ("3. märz 1980").
  return `${d}. ${DE_MONTHS[m - 1]} ${y}`;
}
/** Month and year only ("mai neunzehn achtzig", "neunzehn achtzig im mai"). */
function deSpokenMonthYear(r: R, yearFirst: boolean): string {
  const month = pick(r, DE_MONTHS);
  const year = deSpokenYear(r, int(r, 1941, 2012));
  return yearFirst ? `${year} im ${month}` : `${month} ${year}`;
}
const DE_DOB_FRAMES: readonly [string, 'n' | 'r' | 'e'][] = [
  ['ich bin am {D} geboren', 'n'],
  ['geboren bin ich am {D}', 'n'],
  ['geburtsdatum {D}', 'r'],
  ['mein geburtsdatum ist {D}', 'r'],
  ['geboren {D}', 'r'],
  ['meine tochter wurde am {D} geboren', 'n'],
  ['ja also geboren {D} in [[ilmenau|LOCATION]]', 'r'],
  ['das geburtsdatum vom versicherten ist der {D}', 'e'],
  ['ähm geboren am {D} genau', 'n'],
  ['mein mann ist vom {D}', 'n'],
];
const DE_DOB_MONTH_FRAMES: readonly [string, boolean][] = [
  ['geboren {M}', true],
  ['ich bin im {M} geboren', false],
  ['geboren bin ich {M}', true],
  ['er ist {M} geboren', true],
];

// English spoken phone numbers: digits as said, two-digit groups, country codes, extensions.
const sayDigits = (r: R, digits: string) => sayEnDigits(r, digits, 0.7);
/** Pairs said as numbers ("twelve thirty four"), a leading 0 of a pair as "oh". */
function sayPairs(r: R, digits: string): string {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i += 2) {
    const pair = digits.slice(i, i + 2);
    if (pair.length < 2 || pair[0] === '0') out.push(sayDigits(r, pair));
    else out.push(enNumber(+pair));
  }
  return out.join(' ');
}
const digitsOf = (r: R, n: number) =>
  Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
function enSpokenPhone(r: R): string {
  const kind = pick(r, ['mobile', 'london', 'landline-ext', 'pairs', 'us', 'ie', 'freephone']);
  if (kind === 'mobile') {
    const n = `07${pick(r, ['4', '5', '7', '8', '9'])}${digitsOf(r, 8)}`;
    return `${sayDigits(r, n.slice(0, 5))} ${sayDigits(r, n.slice(5))}`;
  }
  if (kind === 'london') return `oh two oh ${sayDigits(r, `${int(r, 3, 8)}${digitsOf(r, 7)}`)}`;
  if (kind === 'landline-ext')
    return `${sayDigits(r, `01${pick(r, ['14', '17', '32', '473'])}${digitsOf(r, 6)}`)} extension ${sayDigits(r, digitsOf(r, 3))}`;
  if (kind === 'pairs') {
    const n = `07${pick(r, ['7', '8', '9'])}${digitsOf(r, 8)}`;
    return `${sayDigits(r, n.slice(0, 5))} ${sayPairs(r, n.slice(5, 7))} ${sayPairs(r, n.slice(7))}`;
  }
  if (kind === 'us')
    return `plus one ${sayDigits(r, `${int(r, 2, 9)}${digitsOf(r, 2)}`)} ${sayDigits(r, digitsOf(r, 3))} ${sayDigits(r, digitsOf(r, 4))}`;
  if (kind === 'ie')
    return `plus three five three eight ${sayDigits(r, `${int(r, 3, 9)}${digitsOf(r, 7)}`)}`;
  return `oh eight hundred ${sayDigits(r, digitsOf(r, 6))}`;
}
const EN_PHONE_FRAMES = [
  'you can reach me on {T}',
  'my mobile is {T}',
  'yeah it is {T}',
  'the best number is {T} any time after five',
  'whatsapp me on {T}',
  'call the office on {T} and ask for me',
  'my work number is {T}',
  'right so that is {T}',
  'if you get cut off ring {T}',
  'number is {T} cheers',
];

// PII-free speech and text: the word-names and word-places as words, the frames without names.
const EN_SPOKEN_PLAIN = [
  'will you tell them i am running late',
  'thank you for your grace and patience',
  'i hope the deal goes through',
  'we had a sandwich and a bath and went to bed',
  'mark the date in your diary',
  'the shepherd moved the sheep to the marsh',
  'the bishop gave a talk at dawn',
  'this is the office calling about your order',
  'sorry i missed your call',
  'can you put me through to accounts please',
  'i had lunch with the team yesterday',
  'she grew up near the sea',
  'there is a lovely cafe on the high street',
  'we moved to a new flat last year',
  'i work just outside town',
  'hello how are you doing',
  'ask them if they want to come along',
  'me and the kids are driving up tomorrow',
  'that was the bank on the line again',
  'my number is on the letter',
];
const EN_WRITTEN_PLAIN = [
  'The steel frame was delivered on time.',
  'We hope to close the deal in March.',
  'Please forward this to the whole team.',
  'According to the forecast, it will rain.',
  'The bakery on the High Street has closed.',
  'He moved to a bigger office after the merger.',
];
const DE_SPOKEN_PLAIN = [
  'der hase sitzt im garten',
  'sie ist ein engel',
  'ein adler kreist über dem feld',
  'die kinder sind fröhlich das war ein kühner plan',
  'das ist ernst gemeint',
  'hallo hier ist die praxis ich ruf wegen der rechnung an',
  'ich war gestern mit den kollegen essen',
  'frag mal ob sie mitkommt',
  'wir sind nach oben gezogen',
  'geboren bin ich im krankenhaus',
  'die heide blüht im august',
];
const DE_WRITTEN_PLAIN = [
  'Das ist ernst gemeint.',
  'Bitte leiten Sie das an die Buchhaltung weiter.',
  'Die Werkstatt liegt bei der Kirche.',
];

function fill(r: R, frame: string, lang: Lang, spoken: boolean): string {
  const lc = (x: string) => (spoken ? x.toLowerCase() : x);
  const towns = lang === 'de' ? REACH2_DE_PLACES : REACH2_EN_PLACES;
  return frame
    .replace(/\{L\}/g, () => lc(r() < 0.8 ? pick(r, towns) : pick(r, REACH2_ABROAD)))
    .replace(/\{W\}/g, () => lc(pick(r, REACH2_EN_WORD_PLACES)))
    .replace(/\{A\}/g, () => lc(pick(r, REACH2_ABROAD)))
    .replace(/\{X\}/g, () => {
      const n = int(r, 2, 90);
      return lc(`${spoken ? enNumber(n) : n} ${pick(r, EN_STREETS)}`);
    })
    .replace(
      /\{([PFSG])\}/g,
      (_, shape: 'P' | 'F' | 'S' | 'G') => `[[${person(r, lang, spoken, shape)}|PERSON]]`,
    )
    .replace(/(\|PERSON\]\])s /g, "$1's ");
}

/** `perFrame` texts per frame, language and kind, plus the PII-free sentences. */
export function devReach2(perFrame = 8, seed = 8283): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, DE_WRITTEN_PLAIN],
    ['de', 'spoken', DE_SPOKEN, DE_SPOKEN_PLAIN],
    ['en', 'written', EN_WRITTEN, EN_WRITTEN_PLAIN],
    ['en', 'spoken', EN_SPOKEN, EN_SPOKEN_PLAIN],
  ];
  const out = expandFrameSets(
    sets,
    perFrame,
    (lang, kind) => (frame) => fill(r, frame, lang, kind !== 'written'),
  );
  for (const [frame, ending] of DE_DOB_FRAMES)
    for (let i = 0; i < perFrame; i++)
      out.push(
        parseMarkup(
          frame.replace('{D}', `[[${deSpokenDob(r, ending)}|DATE_OF_BIRTH]]`),
          'de',
          'spoken dob',
        ),
      );
  for (const [frame, yearFirst] of DE_DOB_MONTH_FRAMES)
    for (let i = 0; i < perFrame; i++)
      out.push(
        parseMarkup(
          frame.replace('{M}', `[[${deSpokenMonthYear(r, yearFirst)}|DATE_OF_BIRTH]]`),
          'de',
          'spoken dob',
        ),
      );
  for (const frame of EN_PHONE_FRAMES)
    for (let i = 0; i < perFrame; i++)
      out.push(
        parseMarkup(frame.replace('{T}', `[[${enSpokenPhone(r)}|PHONE]]`), 'en', 'spoken phone'),
      );
  return out;
}
