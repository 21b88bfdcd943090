// Our own development set for persons, ninth round (issue 17): written before any rule change
// of that round. Names written for this file from origins no other set uses (Japanese, Hebrew,
// Telugu, Xhosa, Shona, Kinyarwanda, Hmong, Lao, Javanese, Guarani, Belarusian, Bulgarian,
// Scottish Gaelic, Catalan, Tatar, Amazigh, Frisian, Fijian), common given names beside those
// unseen surnames (the half-name leak: the given name is known, the surname is not), surnames
// that are everyday words (Frost, Rabe; Page, Wells), in German and English frames, written and
// as lower-case transcripts without punctuation; plus PII-free sentences whose clauses open with
// capitalised German nouns or use the word-surnames as words, for precision.
// Nothing here is taken from an evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-persons2-run.ts [--verbose]` prints its figures.
import { rng } from '../pii-eval/corpus.js';
import type { Labelled } from '../pii-eval/markup.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Unseen given names, by origin.
const FIRST = [
  'Haruto',
  'Yuina', // Japanese
  'Yehuda',
  'Tamar', // Hebrew
  'Srinivasulu',
  'Padmavathi', // Telugu
  'Lwazi',
  'Nomvula', // Xhosa
  'Tatenda',
  'Rutendo', // Shona
  'Habimana',
  'Uwase', // Kinyarwanda
  'Pao',
  'Nou', // Hmong
  'Souksavanh',
  'Khamla', // Lao
  'Bambang',
  'Sri Wahyuni', // Javanese
  'Arasy',
  'Tupã', // Guarani
  'Ales',
  'Hanna-Maryia', // Belarusian
  'Stoyan',
  'Radostina', // Bulgarian
  'Eachann',
  'Mòrag', // Scottish Gaelic
  'Jordi',
  'Montserrat', // Catalan
  'Ilnur',
  'Gulnaz', // Tatar
  'Amastan',
  'Tiziri', // Amazigh
  'Sjoerd',
  'Wietske', // Frisian
  'Ratu',
  'Litia', // Fijian
];
// Unseen surnames, same origins in the same order.
const SUR = [
  'Takahashi',
  'Inoue',
  'Ben-Ami',
  'Mizrahi',
  'Venkataramana',
  'Gorantla',
  'Mkhwanazi',
  'Sondlo',
  'Chinembiri',
  'Mutasa',
  'Nsengimana',
  'Mukamana',
  'Vang',
  'Xiong',
  'Phommachanh',
  'Sisavath',
  'Wibisono',
  'Setiawati',
  'Benítez Ayala',
  'Ñamandú',
  'Łukašenka',
  'Bahdanovič',
  'Dimitrov',
  'Hristova',
  'MacIlleathain',
  'Nic Dhòmhnaill',
  'Puigdemont',
  'Vilaseca',
  'Khabibullin',
  'Gilmutdinova',
  'Ait Ouali',
  'Amazigh',
  'Hoekstra',
  'Dijkstra',
  'Naivalu',
  'Tuilagi',
];
// Given names the lists know, so a half-name leak shows: the surname beside them is unseen.
const DE_KNOWN_FIRST = ['Anna', 'Thomas', 'Julia', 'Markus', 'Sabine', 'Jens'];
const EN_KNOWN_FIRST = ['Sarah', 'David', 'Emma', 'James', 'Laura', 'Peter'];
// Surnames that are everyday words in their language.
const DE_WORD_SUR = ['Frost', 'Rabe', 'Eiche', 'Kranich', 'Bach', 'Morgenstern'];
const EN_WORD_SUR = ['Page', 'Wells', 'Stone', 'Short', 'Carpenter', 'Fisher'];

/** `G` given name, `S` surname, `F` full name (sometimes a known given name), `P` any. */
function person(r: R, lang: Lang, slot: string, spoken: boolean): string {
  const wordSur = r() < 0.25;
  const sur = wordSur ? pick(r, lang === 'de' ? DE_WORD_SUR : EN_WORD_SUR) : pick(r, SUR);
  const knownFirst = r() < 0.3;
  const first = knownFirst
    ? pick(r, lang === 'de' ? DE_KNOWN_FIRST : EN_KNOWN_FIRST)
    : pick(r, FIRST);
  const shape = slot === 'P' ? (r() < 0.6 ? 'F' : r() < 0.5 ? 'G' : 'S') : slot;
  const name = shape === 'F' ? `${first} ${sur}` : shape === 'G' ? first : sur;
  return spoken ? name.toLowerCase() : name;
}

const DE_WRITTEN = [
  'Heute Morgen hat {F} angerufen.',
  'Ansprechpartnerin ist {F}, Telefon folgt.',
  'Herr {S} kommt erst am Nachmittag.',
  'Bitte leite das an {F} weiter.',
  'Gezeichnet: {F}',
  'Im Meeting waren {F}, {F} und ich.',
  '{F} übernimmt ab Montag das Projekt.',
  'Mein Nachbar {F} hat das Paket angenommen.',
  'Ich bin {F}, die neue Kollegin.',
  'Grüß {P} schön von mir!',
  'Wie {F} schon sagte, reicht das Budget nicht.',
  'Die Rechnung geht an {F}.',
];
const EN_WRITTEN = [
  '{F} called this morning about the invoice.',
  'Your contact person is {F}.',
  'Mr {S} is running late today.',
  'Please forward this to {F}.',
  'Signed, {F}',
  'In the meeting were {F}, {F} and me.',
  '{F} takes over the project from Monday.',
  'My neighbour {F} took the parcel in.',
  "I'm {F}, the new team lead.",
  'Say hi to {P} from me!',
  'As {F} said, the budget is too small.',
  'The bill goes to {F}.',
];
const DE_SPOKEN = [
  'heute morgen hat {F} angerufen',
  'herr {S} kommt erst am nachmittag',
  'leite das bitte an {F} weiter',
  'im meeting waren {F} und ich',
  'mein nachbar {F} hat das paket angenommen',
  'ich bin {F} von der hausverwaltung',
  'grüß {P} schön von mir',
  'wie {F} schon sagte reicht das nicht',
  'ich hab mit {F} telefoniert',
  'mein name ist {F}',
  'sag {P} dass ich später komme',
  'also {F} meinte das wird nichts',
];
const EN_SPOKEN = [
  '{F} called this morning about the invoice',
  'mr {S} is running late today',
  'please forward this to {F}',
  'in the meeting were {F} and me',
  'my neighbour {F} took the parcel in',
  "i'm {F} from the housing office",
  'say hi to {P} from me',
  'as {F} said the budget is too small',
  'i spoke to {F} on the phone',
  'my name is {F}',
  'tell {P} i will be late',
  'so {F} reckons it will not work',
];

// Without a person: German clauses opening with nouns, the word-surnames as words.
const DE_PLAIN_WRITTEN = [
  'Rückmeldung bitte bis Freitag.',
  'Kundenservice hat sich noch nicht gemeldet.',
  'Termine werden per Mail bestätigt.',
  'Heizung ist wieder kaputt, Vermieter informiert.',
  'Frost hat die Leitungen beschädigt.',
  'Unterlagen liegen im Büro, Schlüssel beim Hausmeister.',
  'Der Rabe saß auf der Eiche am Bach.',
  'Laut Protokoll wurde nichts beschlossen.',
  'Anbei die Rechnung, Zahlung bitte innerhalb von 14 Tagen.',
  'Besprechung verschoben, neuer Termin folgt.',
];
const EN_PLAIN_WRITTEN = [
  'Please turn the page and sign below.',
  'The wells ran dry last summer.',
  'Stone walls line the old road.',
  'A carpenter fixed the short fence.',
  'Feedback by Friday, please.',
  'Invoice attached, payment within 14 days.',
  'Meeting moved, new date to follow.',
  'The fisher sold his catch at dawn.',
  'Heating is broken again, landlord informed.',
  'Keys are at the front desk.',
];
const DE_PLAIN_SPOKEN = [
  'der frost kam dieses jahr früh',
  'ein rabe saß auf der alten eiche',
  'wir sind am bach entlang gelaufen',
  'heute morgen hat der kundenservice angerufen',
  'leite das bitte an die buchhaltung weiter',
  'ich hab mit der hausverwaltung telefoniert',
  'sag ihr dass ich später komme',
  'im meeting waren alle dabei',
];
const EN_PLAIN_SPOKEN = [
  'turn the page and sign at the bottom',
  'the wells ran dry last summer',
  'the stone wall is falling down',
  'the carpenter is coming on monday',
  'please forward this to the accounts team',
  'i spoke to the landlord on the phone',
  'tell them i will be late',
  'in the meeting were all of us',
];

function fill(r: R, frame: string, lang: Lang, spoken: boolean): string {
  return frame.replace(
    /\{([FGSP])\}/g,
    (_, slot: string) => `[[${person(r, lang, slot, spoken)}|PERSON]]`,
  );
}

/** `perFrame` texts per frame, language and kind, plus the PII-free sentences. */
export function devPersons2(perFrame = 8, seed = 17_905): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, DE_PLAIN_WRITTEN],
    ['de', 'spoken', DE_SPOKEN, DE_PLAIN_SPOKEN],
    ['en', 'written', EN_WRITTEN, EN_PLAIN_WRITTEN],
    ['en', 'spoken', EN_SPOKEN, EN_PLAIN_SPOKEN],
  ];
  return expandFrameSets(
    sets,
    perFrame,
    (lang, kind) => (frame) => fill(r, frame, lang, kind !== 'written'),
  );
}
