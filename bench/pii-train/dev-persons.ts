// Our own development set for persons and spoken addresses (issue 17, fifth round): names of
// many origins written for this file (Vietnamese, Polish, Turkish, Irish, Arabic, Greek,
// Nigerian, Indian, Ghanaian, Czech, Romanian, Kurdish, Filipino, Chilean), surnames that are
// everyday words, own sentence frames in German and English, written and as lower-case
// transcripts without punctuation; English street addresses said in one piece with their town
// and postcode; and PII-free speech that uses the word-names as words, for precision.
// Nothing here is taken from an evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-persons-run.ts [--verbose]` prints its figures.
import { rng } from '../pii-eval/corpus.js';
import type { Labelled } from '../pii-eval/markup.js';
import { enNumber } from './dev-structured.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// Given name, surname; by origin.
const FIRST = [
  'Thanh',
  'Huong',
  'Quang',
  'Bich', // Vietnamese
  'Grzegorz',
  'Małgorzata',
  'Wojciech',
  'Jadwiga', // Polish
  'Emre',
  'Gülşen',
  'Serkan',
  'Tuba', // Turkish
  'Ciarán',
  'Siobhán',
  'Pádraig',
  'Orla', // Irish
  'Yousef',
  'Rania',
  'Khaled',
  'Dalia', // Arabic
  'Spyros',
  'Eleni',
  'Thanasis',
  'Vasiliki', // Greek
  'Chukwuemeka',
  'Ngozi',
  'Babatunde',
  'Funmilayo', // Nigerian
  'Arjun',
  'Priyanka',
  'Venkatesh',
  'Lakshmi', // Indian
  'Kwabena',
  'Efua', // Ghanaian
  'Radek',
  'Zdeňka', // Czech
  'Mihai',
  'Ioana', // Romanian
  'Rojda',
  'Berzan', // Kurdish
  'Maricel',
  'Jomar', // Filipino
  'Catalina',
  'Matías', // Chilean
];
const SUR = [
  'Nguyen Van',
  'Truong',
  'Pham',
  'Dang',
  'Wiśniewski',
  'Zając',
  'Kowalczyk',
  'Grabowska',
  'Yıldırım',
  'Öztürk',
  'Aksoy',
  'Karataş',
  'Ó Súilleabháin',
  'Mac Giolla',
  'Donnelly',
  'Breathnach',
  'Al-Masri',
  'Haddad',
  'Qureshi',
  'Barakat',
  'Papadakis',
  'Konstantinou',
  'Georgiou',
  'Nikolaidis',
  'Okonkwo',
  'Adeyemi',
  'Eze',
  'Ogunleye',
  'Raghunathan',
  'Chatterjee',
  'Iyer',
  'Deshpande',
  'Asante',
  'Owusu',
  'Dvořák',
  'Procházka',
  'Popescu',
  'Dumitrescu',
  'Demirtaş',
  'Zana',
  'Dela Cruz',
  'Bautista',
  'Fuentes',
  'Valenzuela',
];
// Surnames that are everyday words, in their language.
const DE_WORD_SUR = ['Klein', 'Kaiser', 'Fuchs', 'Vogel', 'Stein', 'Sommer', 'Hahn', 'Licht'];
const EN_WORD_SUR = ['Hunter', 'Baker', 'Mason', 'Fields', 'Rivers', 'Marsh', 'Cook', 'Banks'];

function person(r: R, lang: Lang, spoken: boolean, full = r() < 0.7): string {
  const first = pick(r, FIRST);
  const sur = r() < 0.25 ? pick(r, lang === 'de' ? DE_WORD_SUR : EN_WORD_SUR) : pick(r, SUR);
  const name = full ? `${first} ${sur}` : r() < 0.5 ? first : sur;
  return spoken ? name.toLowerCase() : name;
}

const DE_WRITTEN = [
  'Gestern habe ich {P} im Zug getroffen.',
  'Frau {S} hat den Vertrag unterschrieben.',
  'Herr Dr. {S} ist heute nicht im Haus.',
  'Kontoinhaber: {F}',
  '„Das klappt schon“, sagt {P}.',
  'Kannst du {P} bitte Bescheid geben?',
  'Die Unterlagen hat {F} schon geschickt.',
  'Ich heiße {F} und komme aus [[Lüdenscheid|LOCATION]].',
  'Viele Grüße, {F}',
  'Wir waren mit {F} und {F} essen.',
  'Laut {F} ist der Termin verschoben.',
  'Bei {F} liegt noch mein Schlüssel.',
];
const EN_WRITTEN = [
  'I bumped into {P} at the station yesterday.',
  'Mrs {S} signed the lease this morning.',
  'Dr {S} will see you now.',
  'Account holder: {F}',
  '"That works for me," says {P}.',
  'Could you let {P} know about Friday?',
  '{F} already sent the documents over.',
  'My name is {F} and I live nearby.',
  'Best wishes, {F}',
  'We had dinner with {F} and {F}.',
  'According to {F}, the meeting moved.',
  'I left my keys at {F}’s place.',
];
const DE_SPOKEN = [
  'ich hab {P} gestern im zug getroffen',
  'frau {S} hat den vertrag unterschrieben',
  'ruf mal {P} an wegen morgen',
  'das klappt schon sagt {P}',
  'kannst du {P} bitte bescheid geben',
  'ich heiße {F} und wohne hier um die ecke',
  'die unterlagen hat {F} schon geschickt',
  'wir waren mit {F} essen',
  'schreib {P} eine nachricht',
  'hallo {P} wie geht es dir',
  'ich glaube {F} hat den schlüssel',
  'frag doch mal {P} ob das passt',
];
const EN_SPOKEN = [
  'i bumped into {P} at the station yesterday',
  'mrs {S} signed the lease this morning',
  'call {P} about tomorrow',
  'that works for me says {P}',
  'could you let {P} know about friday',
  'my name is {F} and i live nearby',
  '{F} already sent the documents over',
  'we had dinner with {F} last night',
  'text {P} when you get there',
  'hey {P} how are you doing',
  'i think {F} has the keys',
  'ask {P} if that is okay',
];

// Spoken English addresses said in one piece: one ADDRESS, as written in one piece.
const EN_STREETS = [
  'willow lane',
  'station road',
  'harrow close',
  'meadow crescent',
  'larch grove',
  'kings road',
  'fenwick street',
  'elm avenue',
  'quarry hill',
  'mill lane',
];
const EN_TOWNS = ['sheffield', 'carlisle', 'dundee', 'exeter', 'derby', 'bangor', 'truro'];
// Spelt the way a transcript writes them; valid areas of their towns.
const EN_POSTCODES: Record<string, string> = {
  sheffield: 's eleven eight y b',
  carlisle: 'c a one two q r',
  dundee: 'd d four six l p',
  exeter: 'e x two five d t',
  derby: 'd e twenty two one a z',
  bangor: 'l l fifty seven two d g',
  truro: 't r one three h e',
};
function spokenEnAddress(r: R): string {
  const street = `${enNumber(int(r, 2, 180))} ${pick(r, EN_STREETS)}`;
  const town = pick(r, EN_TOWNS);
  const how = r();
  if (how < 0.4) return `[[${street} ${town} ${EN_POSTCODES[town]}|ADDRESS]]`;
  if (how < 0.8) return `[[${street} ${town}|ADDRESS]]`;
  return `[[${street} ${EN_POSTCODES[town]}|ADDRESS]]`;
}
const EN_ADDRESS_FRAMES = [
  'i live at {A}',
  'my address is {A}',
  'send the parcel to {A} please',
  'we moved to {A} in june',
  'it is {A}',
  'the delivery address is {A} thanks',
];

// Speech without a person: the word-surnames as words, verbs of calling with objects.
const DE_PLAIN = [
  'der kaiser hatte neue kleider',
  'ein kleiner fuchs lief über die straße',
  'der vogel sitzt auf dem dach',
  'im sommer fahren wir an die see',
  'mach bitte das licht aus',
  'ruf mich morgen früh an',
  'sag ihm dass ich später komme',
  'frag doch mal im laden nach',
  'der hahn kräht jeden morgen um fünf',
  'wir haben einen stein im garten gefunden',
  'kannst du mir eine nachricht schicken',
  'hallo zusammen wie geht es euch',
];
const EN_PLAIN = [
  'the hunter walked across the fields',
  'the baker opens at six every morning',
  'we sat by the banks of the river',
  'call me when you get home',
  'text me the address later',
  'ask the shop if they have any left',
  'the cook burnt the toast again',
  'hey everyone how are you doing',
  'the marsh floods every winter',
  'a mason repaired the garden wall',
  'tell them i will be late',
  'could you let the dog out',
];

function fill(r: R, frame: string, lang: Lang, spoken: boolean): string {
  return frame.replace(/\{([A-Z])\}/g, (_, slot: string) => {
    if (slot === 'A') return spokenEnAddress(r);
    const name =
      slot === 'F'
        ? person(r, lang, spoken, true)
        : slot === 'S'
          ? (spoken ? (x: string) => x.toLowerCase() : (x: string) => x)(
              r() < 0.25 ? pick(r, lang === 'de' ? DE_WORD_SUR : EN_WORD_SUR) : pick(r, SUR),
            )
          : person(r, lang, spoken);
    return `[[${name}|PERSON]]`;
  });
}

/** `perFrame` texts per frame, language and kind, plus the PII-free sentences. */
export function devPersons(perFrame = 8, seed = 9091): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, []],
    ['de', 'spoken', DE_SPOKEN, DE_PLAIN],
    ['en', 'written', EN_WRITTEN, []],
    ['en', 'spoken', EN_SPOKEN, EN_PLAIN],
    ['en', 'spoken address', EN_ADDRESS_FRAMES, []],
  ];
  return expandFrameSets(
    sets,
    perFrame,
    (lang, kind) => (frame) => fill(r, frame, lang, kind !== 'written'),
  );
}
