// Our own development set for LOCATION precision on unseen written text, eighth round (issue 17):
// written before any rule change of that round. E-mails, tickets, chat lines, meeting notes and
// forms in English and German, rich in capitalised words after place prepositions that are NOT
// places ("in Marketing", "at Pellwick Logistics Ltd", "from Jira", "on Monday", "in Q3", "at
// Easter", "bei Rückfragen", "in Vertretung", "nach Ostern", "aus Versehen"), beside invented
// towns and streets that no list holds and people of origins no other set uses (Malagasy,
// Samoan, Estonian, Maltese, Hausa, Quechua, Pashto, Kazakh, Burmese, Khmer, Breton, Faroese,
// Tigrinya, Sorbian, Tongan) plus surnames that are everyday words (Summer, Archer; Winter,
// Hahn). test/pii/reach3.test.ts checks that none of the unseen names and towns is in the
// gazetteer, a training pool or another development set. Nothing is taken from an evaluation
// set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-reach3-run.ts [--verbose]` prints its figures.
import { rng } from '../pii-eval/corpus.js';
import type { Labelled } from '../pii-eval/markup.js';
import { expandFrameSets, type FrameSet } from './frame-sets.js';
import { type NameShape, shapeName } from './name-shapes.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Given names no list or other set holds, by origin. */
export const REACH3_FIRST: readonly string[] = [
  'Haingotiana',
  'Rivoniaina', // Malagasy
  'Tavita',
  'Sefulu', // Samoan
  'Kadri',
  'Tõnis', // Estonian
  'Ċensu',
  'Ċettina', // Maltese
  'Hadiza',
  'Habibu', // Hausa
  'Illari',
  'Yupanqui', // Quechua
  'Zarghuna',
  'Wahidullah', // Pashto
  'Aigerim',
  'Nurlan', // Kazakh
  'Thiri',
  'Kyaw', // Burmese
  'Sokha',
  'Chanthou', // Khmer
  'Gwenaelle',
  'Tudual', // Breton
  'Jógvan',
  'Rógvi', // Faroese
  'Senait',
  'Tesfamariam', // Tigrinya
  'Jurij',
  'Hanka', // Sorbian
  'Sione',
  'Losaline', // Tongan
];
/** Surnames no list or other set holds. */
export const REACH3_SUR: readonly string[] = [
  'Rakotomalala',
  'Andrianarisoa',
  'Faasavalu',
  'Kuusik',
  'Rebane',
  'Zammit',
  'Grech',
  'Danjuma',
  'Mamani',
  'Quispe',
  'Stanikzai',
  'Zhaksybekov',
  'Nurpeisova',
  'Htun',
  'Chhim',
  'Kerjean',
  'Niclasen',
  'Gebremedhin',
  'Kosyk',
  'Fifita',
];
/** Surnames that are everyday words in their language. */
export const REACH3_DE_WORD_SUR: readonly string[] = ['Winter', 'Hahn', 'Busch', 'Strauß'];
export const REACH3_EN_WORD_SUR: readonly string[] = ['Summer', 'Archer', 'Glass', 'Brook'];

/** Invented towns no list holds. */
export const REACH3_EN_PLACES: readonly string[] = [
  'Pellingford',
  'Drayholt',
  'Kirkbrae',
  'Stannerby',
  'Hollowmere',
  'Brackwell',
  'Ludmarsh',
  'Ashcombe Regis',
];
export const REACH3_DE_PLACES: readonly string[] = [
  'Wendelsheim',
  'Grabowitz',
  'Hohenbrück',
  'Kaltenfeld',
  'Lindenbrunn',
  'Oberweißach',
  'Bad Tannried',
];
const EN_STREETS = ['Quarry Row', 'Sandpiper Way', 'Tollgate Road', 'Heron Walk'];
const DE_STREETS = ['Lärchenweg', 'Am Mühlbach', 'Gerberstraße', 'Hollerweg'];

// Capitalised words after place prepositions that are not places, by what they are.
const EN_ORGS = [
  'Pellwick Logistics Ltd',
  'Northmoor Analytics',
  'Brightline Insurance',
  'Deloitte',
  'Barclays',
  'Oakridge Dental',
  'Vantage Legal LLP',
];
const EN_DEPTS = [
  'Marketing',
  'Finance',
  'Procurement',
  'Accounts Payable',
  'Customer Support',
  'Legal',
  'Engineering',
  'HR',
];
const EN_TOOLS = ['Jira', 'Slack', 'Excel', 'Salesforce', 'Teams', 'Zoom', 'SharePoint', 'Outlook'];
const EN_WHEN = ['Monday', 'Thursday', 'January', 'September', 'Q3', 'Q4', 'Week 12', 'Sprint 14'];
const EN_EVENTS = ['Easter', 'Christmas', 'the Annual Review', 'Standup', 'Onboarding Day'];
const EN_COURSES = ['Advanced Statistics', 'Business French', 'Intro to Python', 'Year 10'];
const DE_ORGS = [
  'Kessler & Partner GmbH',
  'Brunnhuber Logistik',
  'Siemens',
  'der Sparkasse',
  'Nordlicht Versicherung AG',
];
const DE_DEPTS = ['Vertrieb', 'Einkauf', 'Buchhaltung', 'Personalabteilung', 'IT'];
const DE_TOOLS = ['SAP', 'Outlook', 'Teams', 'Excel', 'Confluence'];
const DE_WHEN = ['Montag', 'Donnerstag', 'Januar', 'KW 14', 'Q2'];
const DE_EVENTS = ['Ostern', 'Weihnachten', 'Pfingsten', 'Feierabend'];

function person(r: R, lang: Lang, shape: NameShape): string {
  const sur =
    r() < 0.25
      ? pick(r, lang === 'de' ? REACH3_DE_WORD_SUR : REACH3_EN_WORD_SUR)
      : pick(r, REACH3_SUR);
  return shapeName(r, pick(r, REACH3_FIRST), sur, shape, false);
}

// {F} full name, {S} surname, {G} given name, {L} an invented town, {X} a street with its number;
// {O} organisation, {D} department, {T} software, {W} a time (weekday, month, quarter), {E} an
// event or holiday, {C} a course.
const EN_WRITTEN = [
  'Hi team, I am in Marketing now, so please send the brief to {F}.',
  'Ticket #4471: customer in [[{L}|LOCATION]] cannot log in to {T}.',
  'I will be at {O} on {W}, back in the office after {E}.',
  'Minutes: {F} (Finance) joined from [[{L}|LOCATION]]; actions logged in {T}.',
  'She works at {O} in [[{L}|LOCATION]].',
  'Can you raise it in {T}? I am out from {W}.',
  'The invoice came from {O}, not from {D}.',
  'Please ask someone in {D} about the refund.',
  'Reminder: the workshop on {C} starts in {W}.',
  'He is moving from {D} to {D} in {W}.',
  'Our depot near [[{L}|LOCATION]] closes at {E}.',
  'Delivery address: [[{X}|ADDRESS]], [[{L}|LOCATION]]',
  'Town/City: [[{L}|LOCATION]]',
  'We met at {E} near the river in [[{L}|LOCATION]].',
  'From: {F}\nSent: {W}\nSubject: figures for {W}',
  'Hello {G}, the figures are in {T} under {D}.',
  'Lunch at {O} with {F} from {D}?',
  'I studied {C} at Northmoor College.',
  'Support is available in {W} via {T} or at {O}.',
  'Training in {C} for everyone in {D} at {E}.',
  'The parcel was sent from [[{L}|LOCATION]] to {O} at [[{X}|ADDRESS]].',
  'Posted in {T} by {F}: outage at {O} since {W}.',
];
const DE_WRITTEN = [
  'Hallo zusammen, ich bin ab {W} im {D}, bitte Rückfragen an {F}.',
  'Ticket 2231: Kunde aus [[{L}|LOCATION]] kommt nicht in {T}.',
  'Ich bin bei {O} und nach {E} wieder im Büro.',
  'Protokoll: {F} ({D}) war aus [[{L}|LOCATION]] zugeschaltet, Aufgaben stehen in {T}.',
  'Sie arbeitet bei {O} in [[{L}|LOCATION]].',
  'Bei Rückfragen wenden Sie sich an {F}.',
  'Die Rechnung kam von {O}, nicht aus dem {D}.',
  'In Vertretung: {F}',
  'Das ist in {T} erledigt, Freigabe nach Rücksprache mit {G}.',
  'Unser Lager bei [[{L}|LOCATION]] schließt zu {E}.',
  'Lieferanschrift: [[{X}|ADDRESS]], [[{L}|LOCATION]]',
  'Wohnort: [[{L}|LOCATION]]',
  'Wir haben uns zu {E} in [[{L}|LOCATION]] getroffen.',
  'Termin in {W} bei {O}, Treffpunkt am Empfang.',
  'Aus Versehen in {T} gelöscht, bitte bei {D} melden.',
  'Der Kurs findet in Raum B12 statt, Anmeldung bis {W}.',
  'Die Ware geht von [[{L}|LOCATION]] nach [[{L}|LOCATION]].',
  'Gruß aus [[{L}|LOCATION]], {F}',
];
// Text with no personal data: the same prepositions before non-places only.
const EN_WRITTEN_PLAIN = [
  'Status: in Progress, assigned to Accounts Payable.',
  'I am in Finance until Friday, then at Brightline Insurance.',
  'We use Salesforce at Northmoor Analytics and Jira in Engineering.',
  'The offsite is near Christmas, details in SharePoint.',
  'Sent from Outlook for Android',
  'Results are in Excel, tab Q3, column Revenue.',
  'Available from Monday at Reception, Level 2.',
  'Meet at Standup, then in Room 4B for the Sprint Review.',
  'Grades in Advanced Statistics are posted on Moodle.',
  'He joined from Barclays in January and works in Legal.',
  'Out of office at Easter; urgent issues to Customer Support.',
  'Everything is in Confluence under Onboarding.',
];
const DE_WRITTEN_PLAIN = [
  'Status: in Bearbeitung, zugewiesen an Einkauf.',
  'Bei Bedarf bitte in Teams melden.',
  'Die Regelung tritt nach Ostern in Kraft.',
  'Zahlung in Höhe von 40 Euro nach Erhalt der Rechnung.',
  'Aus Sicherheitsgründen bitte in SAP ändern.',
  'Ich bin ab Montag im Vertrieb bei Brunnhuber Logistik.',
  'Alles in Ordnung, Abrechnung zu Weihnachten.',
  'Bei Lieferung bitte an Empfang Halle 3.',
  'Von Dienstag an in Vertretung für die Buchhaltung.',
  'Gesendet von Outlook für iOS',
];

function fill(r: R, frame: string, lang: Lang): string {
  const de = lang === 'de';
  return frame
    .replace(/\{L\}/g, () => pick(r, de ? REACH3_DE_PLACES : REACH3_EN_PLACES))
    .replace(/\{X\}/g, () =>
      de ? `${pick(r, DE_STREETS)} ${int(r, 1, 60)}` : `${int(r, 2, 90)} ${pick(r, EN_STREETS)}`,
    )
    .replace(/\{O\}/g, () => pick(r, de ? DE_ORGS : EN_ORGS))
    .replace(/\{D\}/g, () => pick(r, de ? DE_DEPTS : EN_DEPTS))
    .replace(/\{T\}/g, () => pick(r, de ? DE_TOOLS : EN_TOOLS))
    .replace(/\{W\}/g, () => pick(r, de ? DE_WHEN : EN_WHEN))
    .replace(/\{E\}/g, () => pick(r, de ? DE_EVENTS : EN_EVENTS))
    .replace(/\{C\}/g, () => pick(r, EN_COURSES))
    .replace(/\{([FSG])\}/g, (_, shape: NameShape) => `[[${person(r, lang, shape)}|PERSON]]`);
}

/** `perFrame` texts per frame and language, plus the PII-free sentences. */
export function devReach3(perFrame = 6, seed = 9391): Labelled[] {
  const r = rng(seed);
  const sets: FrameSet[] = [
    ['de', 'written', DE_WRITTEN, DE_WRITTEN_PLAIN],
    ['en', 'written', EN_WRITTEN, EN_WRITTEN_PLAIN],
  ];
  return expandFrameSets(sets, perFrame, (lang) => (frame) => fill(r, frame, lang));
}
