// Our own development set for recall on text the detector has never seen (issue 17, sixth
// round): names written for this file from origins the other sets use little (Korean, Georgian,
// Basque, Albanian, Swahili, Tamil, Māori, Amharic, Thai, Chinese pinyin, Irish, Greek, Arabic,
// Portuguese), surnames that are everyday words, towns, regions and streets that no list holds,
// in frames written for this file (titles, roles, vocatives, calling verbs, lists, possessives,
// place prepositions), German and English, written and as lower-case transcripts; German spoken
// dates of birth and English spoken phone numbers in many shapes ("oh", "double", "triple",
// groups, "plus four four"); and PII-free sentences that use the word-surnames as words.
// test/pii/reach.test.ts checks that no name or place here is in the gazetteer or a training
// pool. Nothing is taken from an evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-reach-run.ts [--verbose]` prints its figures.
import { rng } from '../pii-eval/corpus.js';
import { type Labelled, parseMarkup } from '../pii-eval/markup.js';
import { deNumber } from './dev-structured.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';
import { type NameShape, shapeName } from './name-shapes.js';
import { sayEnDigits } from './spoken-phone-digits.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Given names, by origin. */
export const REACH_FIRST: readonly string[] = [
  'Seo-yeon',
  'Jae-won',
  'Minji', // Korean
  'Natela',
  'Levani',
  'Tamuna', // Georgian
  'Ainhoa',
  'Iñaki',
  'Garazi', // Basque
  'Arbnora',
  'Besnik',
  'Drilona', // Albanian
  'Zawadi',
  'Baraka',
  'Wanjiru', // Swahili, Kikuyu
  'Kavitha',
  'Murugesan',
  'Thenmozhi', // Tamil
  'Wiremu',
  'Aroha',
  'Tamati', // Māori
  'Meseret',
  'Tewodros', // Amharic
  'Somchai',
  'Kanokwan', // Thai
  'Xiaoling',
  'Zhiwei', // Chinese
  'Tadhg',
  'Caoimhe', // Irish
  'Stavroula',
  'Panagiotis', // Greek
  'Nizar',
  'Rasha', // Arabic
  'Joaquim',
  'Conceição', // Portuguese
];
/** Surnames, by origin (same order). */
export const REACH_SUR: readonly string[] = [
  'Baek',
  'Seo',
  'Hwangbo',
  'Beridze',
  'Kapanadze',
  'Etxeberria',
  'Goikoetxea',
  'Krasniqi',
  'Berisha',
  'Mwangangi',
  'Otieno',
  'Subramaniam',
  'Ilangovan',
  'Te Rangi',
  'Parata',
  'Tesfaye',
  'Gebremariam',
  'Srisuwan',
  'Chaiyaporn',
  'Xiong',
  'Ó Murchú',
  'Mac Cárthaigh',
  'Tsiolakis',
  'Karamanli',
  'Al-Shaibani',
  'Haddadin',
  'Quaresma',
  'Sequeira',
];
/** Surnames that are everyday words, in their language. */
export const REACH_DE_WORD_SUR: readonly string[] = ['Sturm', 'Specht', 'Kranich', 'Zeisig'];
export const REACH_EN_WORD_SUR: readonly string[] = ['Sparrow', 'Pike', 'Lamb', 'Gale'];

/** Places no list holds: small towns and regions, German and English. */
export const REACH_DE_PLACES: readonly string[] = [
  'Gräfenhainichen',
  'Olbernhau',
  'Kirchhundem',
  'Schwalmstadt',
  'Zwiesel',
  'Ottersberg',
  'Wittmund',
  'Bad Kötzting',
  'Uckermark',
  'Hunsrück',
];
export const REACH_EN_PLACES: readonly string[] = [
  'Okehampton',
  'Holmfirth',
  'Cockermouth',
  'Kirkcudbright',
  'Tewkesbury',
  'Enniskillen',
  'Llandrindod Wells',
  'Stornoway',
  'Pembrokeshire',
  'Teesside',
];
/** Foreign towns, said in both languages. */
export const REACH_ABROAD: readonly string[] = [
  'Gangneung',
  'Daegu',
  'Kutaisi',
  'Mombasa',
  'Batumi',
  'Ioannina',
  'Kumbakonam',
];
/** Streets no list holds (the name only; house numbers are added). */
export const REACH_DE_STREETS: readonly string[] = [
  'Hagebuttenweg',
  'Am Krähenberg',
  'Schlehdornstraße',
  'Zur Ziegelei',
];
export const REACH_EN_STREETS: readonly string[] = [
  'Foxglove Way',
  'Tanners Row',
  'Cobblers Walk',
  'Heron Drive',
];

function person(r: R, lang: Lang, spoken: boolean, shape: NameShape): string {
  const sur =
    r() < 0.25
      ? pick(r, lang === 'de' ? REACH_DE_WORD_SUR : REACH_EN_WORD_SUR)
      : pick(r, REACH_SUR);
  const first = pick(r, REACH_FIRST);
  return shapeName(r, first, sur, shape, spoken);
}

// {P} any person shape, {F} full name, {S} surname, {G} given name, {L} a place, {X} a street.
const DE_WRITTEN = [
  'Meine Kollegin {F} übernimmt ab Montag.',
  'Danke, {G}, das war sehr hilfreich!',
  'Ich habe gestern lange mit {P} telefoniert.',
  '{F} und {F} kommen auch zur Feier.',
  'Eingeladen sind {G}, {G} und {G}.',
  'Das ist {G}s neues Fahrrad.',
  'Frau {S} aus der Buchhaltung hat angerufen.',
  'Herr {S} ist unser neuer Nachbar.',
  'Unser Trainer {F} hört im Sommer auf.',
  'Die Ärztin, {F}, hat mich überwiesen.',
  'Er wohnt jetzt in [[{L}|LOCATION]].',
  'Sie kommt aus [[{L}|LOCATION]] und studiert hier.',
  'Nächste Woche fahren wir nach [[{L}|LOCATION]].',
  'Die Firma sitzt in der [[{X}|ADDRESS]].',
  'Schicken Sie es an [[{X}|ADDRESS]], [[{L}|LOCATION]].',
];
const EN_WRITTEN = [
  'My colleague {F} takes over on Monday.',
  'Thanks, {G}, that was really helpful!',
  'I was on the phone with {P} for an hour.',
  '{F} and {F} are coming to the party too.',
  'We invited {G}, {G} and {G}.',
  'That is {G}’s new bike.',
  'Ms {S} from accounts rang earlier.',
  'Mr {S} is our new neighbour.',
  'Our coach {F} is stepping down in the summer.',
  'The surgeon, {F}, referred me on.',
  'He lives in [[{L}|LOCATION]] now.',
  'She is from [[{L}|LOCATION]] and studies here.',
  'Next week we are driving to [[{L}|LOCATION]].',
  'The firm is based at [[{X}|ADDRESS]].',
  'Send it to [[{X}|ADDRESS]], [[{L}|LOCATION]].',
];
const DE_SPOKEN = [
  'meine kollegin {F} übernimmt ab montag',
  'danke {G} das war echt hilfreich',
  'ich hab gestern lange mit {P} telefoniert',
  '{F} und {F} kommen auch zur feier',
  'eingeladen sind {G} {G} und {G}',
  'frau {S} aus der buchhaltung hat angerufen',
  'herr {S} ist unser neuer nachbar',
  'unser trainer {F} hört im sommer auf',
  'sag {G} dass ich später komme',
  'er wohnt jetzt in [[{L}|LOCATION]]',
  'sie kommt aus [[{L}|LOCATION]] und studiert hier',
  'nächste woche fahren wir nach [[{L}|LOCATION]]',
  'wir wohnen in der [[{X}|ADDRESS]]',
];
const EN_SPOKEN = [
  'my colleague {F} takes over on monday',
  'thanks {G} that was really helpful',
  'i was on the phone with {P} for an hour',
  '{F} and {F} are coming to the party too',
  'we invited {G} {G} and {G}',
  'ms {S} from accounts rang earlier',
  'mr {S} is our new neighbour',
  'our coach {F} is stepping down in the summer',
  'tell {G} i will be late',
  'he lives in [[{L}|LOCATION]] now',
  'she is from [[{L}|LOCATION]] and studies here',
  'next week we are driving to [[{L}|LOCATION]]',
  'we live at [[{X}|ADDRESS]]',
];

// German spoken dates of birth: the value without "am"/"der"; frames around it.
const DE_MONTHS =
  'januar februar märz april mai juni juli august september oktober november dezember'.split(' ');
const DE_ORD =
  ',erste,zweite,dritte,vierte,fünfte,sechste,siebte,achte,neunte,zehnte,elfte,zwölfte,dreizehnte,vierzehnte,fünfzehnte,sechzehnte,siebzehnte,achtzehnte,neunzehnte,zwanzigste,einundzwanzigste,zweiundzwanzigste,dreiundzwanzigste,vierundzwanzigste,fünfundzwanzigste,sechsundzwanzigste,siebenundzwanzigste,achtundzwanzigste'.split(
    ',',
  );
function deSpokenDob(r: R, ending: 'n' | 'r'): string {
  const d = int(r, 1, 28);
  const m = int(r, 1, 12);
  const y = int(r, 1946, 2006);
  // Years as said: "achtzig", "neunzehnhundertachtzig", "neunzehn hundert achtzig",
  // "neunzehn achtzig", "zweitausenddrei".
  const yr = r();
  const year =
    y >= 2000
      ? deNumber(y)
      : yr < 0.3
        ? deNumber(y % 100)
        : yr < 0.6
          ? `neunzehnhundert${deNumber(y % 100)}`
          : yr < 0.8
            ? `neunzehn hundert ${deNumber(y % 100)}`
            : `neunzehn ${deNumber(y % 100)}`;
  const how = r();
  if (how < 0.45) return `${DE_ORD[d]}${ending} ${DE_MONTHS[m - 1]} ${year}`;
  if (how < 0.7) return `${DE_ORD[d]}${ending} ${DE_ORD[m]}${ending} ${year}`;
  // Digits the way a transcript writes a said date: "3.5.80", "3. mai 1980".
  if (how < 0.85) return `${d}. ${DE_MONTHS[m - 1]} ${y}`;
  return `${d}.${m}.${r() < 0.5 ? String(y % 100).padStart(2, '0') : y}`;
}
const DE_DOB_FRAMES: readonly [string, 'n' | 'r'][] = [
  ['ich bin am {D} geboren', 'n'],
  ['geboren am {D} in [[bochum|LOCATION]]', 'n'],
  ['mein geburtsdatum ist der {D}', 'r'],
  ['geburtsdatum {D}', 'r'],
  ['sie hat am {D} geburtstag und ist da geboren', 'n'],
  ['er wurde am {D} geboren', 'n'],
  ['mein sohn ist am {D} geboren', 'n'],
  ['geboren bin ich am {D} also bald fünfzig', 'n'],
  ['mein geburtstag ist der {D}', 'r'],
];

// English spoken phone numbers: digits as words with "oh", "double", "triple", groups, +44.
const sayDigits = (r: R, digits: string) => sayEnDigits(r, digits, 0.8);
const digitsOf = (r: R, n: number) =>
  Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
function enSpokenPhone(r: R): string {
  const kind = pick(r, ['mobile', 'mobile', 'landline', 'intl', 'intl-zero']);
  if (kind === 'mobile') {
    const n = `07${pick(r, ['7', '8', '9', '5'])}${digitsOf(r, 8)}`;
    return r() < 0.5
      ? sayDigits(r, n)
      : `${sayDigits(r, n.slice(0, 5))} ${sayDigits(r, n.slice(5, 8))} ${sayDigits(r, n.slice(8))}`;
  }
  if (kind === 'landline') {
    const n = `01${pick(r, ['13', '61', '21', '52', '392'])}${digitsOf(r, 6)}`;
    return sayDigits(r, n);
  }
  const rest = `7${pick(r, ['7', '8', '9'])}${digitsOf(r, 8)}`;
  const cc = r() < 0.7 ? 'plus four four' : 'double oh four four';
  return `${cc} ${kind === 'intl-zero' ? 'oh ' : ''}${sayDigits(r, rest)}`;
}
const EN_PHONE_FRAMES = [
  'my number is {T}',
  'you can ring me on {T}',
  'call me back on {T} after six',
  'her mobile is {T}',
  'the number is {T} okay',
  'text me on {T}',
  'it is {T}',
  'give them a ring on {T} thanks',
  'yeah so it is {T} that is my mobile',
  'the landline is {T} but i am rarely in',
];

// PII-free speech and text: the word-surnames as words, places words, calling and thanks.
const DE_PLAIN = [
  'der sturm hat das dach abgedeckt',
  'ein specht klopft am baum',
  'der kranich zieht im herbst nach süden',
  'ein zeisig saß im gras',
  'danke das war echt hilfreich',
  'ich hab gestern lange telefoniert',
  'wir fahren nächste woche in den urlaub',
  'sag mir bitte bescheid wenn du da bist',
  'sie kommt aus der küche',
  'er wohnt jetzt in einer wohngemeinschaft',
  'Der Sturm hat das Dach abgedeckt.',
  'Danke, das war sehr hilfreich!',
  'Wir fahren nach dem Essen nach Hause.',
];
const EN_PLAIN = [
  'a sparrow landed on the fence',
  'we had roast lamb for sunday lunch',
  'he caught a pike in the lake',
  'the gale blew the shed over',
  'thanks that was really helpful',
  'i was on the phone for an hour',
  'tell them i will be late',
  'she is from the north',
  'he lives in a flat now',
  'call me back after six',
  'A gale blew the shed over.',
  'Thanks, that was really helpful!',
  'She is from the north and studies here.',
];

function fill(r: R, frame: string, lang: Lang, spoken: boolean): string {
  const places = lang === 'de' ? REACH_DE_PLACES : REACH_EN_PLACES;
  const streets = lang === 'de' ? REACH_DE_STREETS : REACH_EN_STREETS;
  const lc = (x: string) => (spoken ? x.toLowerCase() : x);
  return frame
    .replace(/\{L\}/g, () => lc(r() < 0.75 ? pick(r, places) : pick(r, REACH_ABROAD)))
    .replace(/\{X\}/g, () => {
      const n = int(r, 1, 60);
      return lc(
        lang === 'de'
          ? `${pick(r, streets)} ${spoken ? deNumber(n) : n}`
          : `${n} ${pick(r, streets)}`,
      );
    })
    .replace(
      /\{([PFSG])\}/g,
      (_, shape: 'P' | 'F' | 'S' | 'G') => `[[${person(r, lang, spoken, shape)}|PERSON]]`,
    );
}

/** `perFrame` texts per frame, language and kind, plus the PII-free sentences. */
export function devReach(perFrame = 8, seed = 7171): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, DE_PLAIN.filter((s) => /[A-Z]/.test(s))],
    ['de', 'spoken', DE_SPOKEN, DE_PLAIN.filter((s) => !/[A-Z]/.test(s))],
    ['en', 'written', EN_WRITTEN, EN_PLAIN.filter((s) => /[A-Z]/.test(s))],
    ['en', 'spoken', EN_SPOKEN, EN_PLAIN.filter((s) => !/[A-Z]/.test(s))],
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
  for (const frame of EN_PHONE_FRAMES)
    for (let i = 0; i < perFrame; i++)
      out.push(
        parseMarkup(frame.replace('{T}', `[[${enSpokenPhone(r)}|PHONE]]`), 'en', 'spoken phone'),
      );
  return out;
}
