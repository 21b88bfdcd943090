// Our own development set for the spoken forms that stayed weak (issue 17): e-mail addresses
// with spelt parts and said separators ("at zeichen", "at sign", "tiefstrich", "dash"), US social
// security numbers in digits, pairs and groups ("oh", "double", "dash"), English and German
// street addresses said in words (multi-word street names, house-number letters, postcodes as
// digit words), plates in letters and alphabets; and lower-case transcripts of ordinary speech
// without names, for person precision. Names, streets, towns and frames are written for this
// file; nothing is taken from an evaluation set of bench/pii-eval.
// `node --import tsx bench/pii-train/dev-spoken-run.ts [--verbose]` prints its figures.
import { ssnValid } from '../../src/pii/checksums.js';
import { rng } from '../pii-eval/corpus.js';
import { type Labelled, parseMarkup } from '../pii-eval/markup.js';
import { deNumber, enNumber } from './dev-structured.js';

type Lang = 'de' | 'en';
type R = () => number;

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const DE_DIGIT = 'null eins zwei drei vier fünf sechs sieben acht neun'.split(' ');
const EN_DIGIT = 'zero one two three four five six seven eight nine'.split(' ');

const NATO: Record<string, string> = {
  a: 'alpha',
  b: 'bravo',
  c: 'charlie',
  d: 'delta',
  e: 'echo',
  f: 'foxtrot',
  g: 'golf',
  h: 'hotel',
  i: 'india',
  j: 'juliet',
  k: 'kilo',
  l: 'lima',
  m: 'mike',
  n: 'november',
  o: 'oscar',
  p: 'papa',
  r: 'romeo',
  s: 'sierra',
  t: 'tango',
  u: 'uniform',
  v: 'victor',
  w: 'whiskey',
  y: 'yankee',
  z: 'zulu',
};
const DE_ALPHA: Record<string, string> = {
  a: 'anton',
  b: 'berta',
  c: 'cäsar',
  d: 'dora',
  e: 'emil',
  f: 'friedrich',
  g: 'gustav',
  h: 'heinrich',
  i: 'ida',
  k: 'kaufmann',
  l: 'ludwig',
  m: 'martha',
  n: 'nordpol',
  o: 'otto',
  p: 'paula',
  r: 'richard',
  s: 'samuel',
  t: 'theodor',
  u: 'ulrich',
  w: 'wilhelm',
  z: 'zacharias',
};

/** Digits one by one; "oh" or "zero" in English; "double" for a pair now and then. */
function sayDigits(r: R, ds: string, lang: Lang): string {
  const out: string[] = [];
  for (let i = 0; i < ds.length; i++) {
    const d = Number(ds[i]);
    const word =
      lang === 'de' ? DE_DIGIT[d]! : d === 0 ? pick(r, ['oh', 'zero', 'oh']) : EN_DIGIT[d]!;
    if (ds[i + 1] === ds[i] && r() < 0.4) {
      out.push(`${lang === 'de' ? 'doppel' : 'double'} ${word}`);
      i++;
    } else out.push(word);
  }
  return out.join(' ');
}

/** A group of digits said as a number where it can be ("forty five", "twenty three"). */
function sayGroup(r: R, ds: string, lang: Lang): string {
  if (ds.length === 2 && ds[0] !== '0' && r() < 0.7)
    return lang === 'de' ? deNumber(Number(ds)) : enNumber(Number(ds));
  if (ds.length === 4 && ds[0] !== '0' && ds[2] !== '0' && r() < 0.5)
    return `${sayGroup(r, ds.slice(0, 2), lang)} ${sayGroup(r, ds.slice(2), lang)}`;
  if (ds.length === 3 && ds[1] !== '0' && r() < 0.4)
    return `${sayDigits(r, ds[0]!, lang)} ${sayGroup(r, ds.slice(1), lang)}`;
  return sayDigits(r, ds, lang);
}

// ---- E-mail addresses ----
const LOCALS = [
  ['noor', 'halloran'],
  ['greta', 'ozturk'],
  ['vinh', 'tran'],
  ['ada', 'kowalczyk'],
  ['finn', 'o', 'dare'],
  ['lu', 'wei'],
  ['rosa', 'ibarra'],
  ['mats', 'lindqvist'],
  ['info'],
  ['kontakt'],
  ['hello'],
  ['office'],
];
const HOSTS_DE = ['gmx', 'web', 'posteo', 't-online', 'mailbox', 'freenet', 'icloud', 'gmail'];
const HOSTS_EN = ['gmail', 'yahoo', 'hotmail', 'icloud', 'protonmail', 'example', 'acme-tools'];
const TLDS_DE = ['de', 'de', 'com', 'net', 'at', 'ch', 'org', 'eu'];
const TLDS_EN = ['com', 'com', 'co.uk', 'org', 'net', 'io', 'org.uk', 'ie'];

function spokenEmail(r: R, lang: Lang): string {
  const de = lang === 'de';
  const parts = pick(r, LOCALS);
  const sepChar = parts.length > 1 ? pick(r, ['.', '_', '-', '', '.']) : '';
  const num = r() < 0.3 ? String(int(r, 1, 99)) : '';
  const host = pick(r, de ? HOSTS_DE : HOSTS_EN);
  const tld = pick(r, de ? TLDS_DE : TLDS_EN);
  const dot = de ? pick(r, ['punkt', 'punkt', 'dot']) : 'dot';
  const sepWord: Record<string, () => string> = {
    '.': () => dot,
    _: () =>
      de ? pick(r, ['unterstrich', 'unterstrich', 'tiefstrich', 'underscore']) : 'underscore',
    '-': () =>
      de ? pick(r, ['minus', 'bindestrich', 'strich']) : pick(r, ['dash', 'hyphen', 'minus']),
    '': () => '',
  };
  const spellMode = r();
  // A part spelt: letter by letter, in an alphabet, or "with a k" words left alone.
  const say = (s: string, k: number): string => {
    if (spellMode < 0.25 && k === parts.length - 1) return [...s].join(' ');
    if (spellMode < 0.35 && k === 0)
      return [...s].map((c) => (de ? DE_ALPHA : NATO)[c] ?? c).join(' ');
    if (spellMode < 0.45 && s.length <= 4) return [...s].join(' ');
    return s;
  };
  const local: string[] = [];
  parts.forEach((p, k) => {
    if (k > 0 && sepChar) local.push(sepWord[sepChar]!());
    local.push(say(p, k));
  });
  if (num) local.push(r() < 0.5 ? sayDigits(r, num, lang) : de ? deNumber(+num) : enNumber(+num));
  const at = de
    ? pick(r, ['at', 'ät', 'at zeichen', 'at-zeichen', 'klammeraffe', 'at'])
    : pick(r, ['at', 'at', 'at sign', 'at symbol']);
  const hostSaid =
    r() < 0.15 && host.length <= 5 && !host.includes('-')
      ? [...host].join(' ')
      : host.replace(
          '-',
          de ? ` ${pick(r, ['minus', 'bindestrich'])} ` : ` ${pick(r, ['dash', 'hyphen'])} `,
        );
  const tldSaid = tld.split('.').join(` ${dot} `);
  return `${local.join(' ')} ${at} ${hostSaid} ${dot} ${tldSaid}`;
}

// ---- US social security numbers ----
function makeSsn(r: R): string {
  for (;;) {
    const s =
      `${int(r, 1, 899)}`.padStart(3, '0') +
      `${int(r, 1, 99)}`.padStart(2, '0') +
      `${int(r, 1, 9999)}`.padStart(4, '0');
    if (ssnValid(s)) return s;
  }
}
function spokenSsn(r: R): string {
  const s = makeSsn(r);
  const groups = [s.slice(0, 3), s.slice(3, 5), s.slice(5)];
  const way = r();
  if (way < 0.3) return sayDigits(r, s, 'en');
  const said = groups.map((g) => sayGroup(r, g, 'en'));
  if (way < 0.5) return said.join(' dash ');
  return said.join(' ');
}

// ---- Addresses ----
const EN_STREET_NAMES = [
  'baker street',
  'mill lane',
  'kingfisher close',
  'saint anne’s road',
  'the green',
  'orchard rise',
  'victoria park road',
  'cherry tree walk',
  'meadow view',
  'long acre',
  'bishops way',
  'church hill',
  'abbey fields',
  'harbour parade',
  'old school lane',
  'riverside drive',
  'queens avenue',
];
const EN_TOWNS = ['leeds', 'norwich', 'bristol', 'york', 'swindon', 'hull'];
const DE_STREET_NAMES = [
  'hauptstraße',
  'goethestraße',
  'am marktplatz',
  'friedrich ebert straße',
  'lindenweg',
  'bahnhof straße',
  'kirchgasse',
  'am hang',
  'mozartring',
  'breite gasse',
  'obere au',
  'konrad adenauer allee',
  'schlossberg',
  'im winkel',
  'an der mühle',
  'rosenhof',
];
const DE_TOWNS = ['bamberg', 'dresden', 'kiel', 'bad tölz', 'ulm', 'passau', 'fulda', 'halle'];

function enHouse(r: R): string {
  const n = int(r, 1, 260);
  const said = n >= 100 && r() < 0.5 ? sayDigits(r, String(n), 'en') : enNumber(n);
  const flat = r() < 0.15 ? `flat ${enNumber(int(r, 1, 12))} ` : '';
  const letter = r() < 0.15 ? ` ${pick(r, ['a', 'b', 'c'])}` : '';
  return `${flat}${r() < 0.1 ? 'number ' : ''}${said}${letter}`;
}
/**
 * The street as an ADDRESS; a town said right after it belongs to it (a transcript has no comma
 * to split them: an address said in one piece is one ADDRESS, as in German).
 */
function spokenEnAddress(r: R, withTown: boolean): string {
  const street = `${enHouse(r)} ${pick(r, EN_STREET_NAMES)}`;
  return `[[${withTown ? `${street} ${pick(r, EN_TOWNS)}` : street}|ADDRESS]]`;
}
function spokenDeAddress(r: R, withTown: boolean): string {
  const n = int(r, 1, 160);
  const house = `${r() < 0.1 ? 'nummer ' : ''}${deNumber(n)}${r() < 0.2 ? ` ${pick(r, ['a', 'b', 'c'])}` : ''}`;
  const street = `${pick(r, DE_STREET_NAMES)} ${house}`;
  if (!withTown) return street;
  const code = String(int(r, 1000, 99999)).padStart(5, '0');
  const codeSaid =
    r() < 0.6
      ? sayDigits(r, code, 'de')
      : sayGroup(r, code.slice(0, 1), 'de') +
        ' ' +
        [code.slice(1, 3), code.slice(3)].map((g) => sayGroup(r, g, 'de')).join(' ');
  return `${street} ${codeSaid} ${pick(r, DE_TOWNS)}`;
}

// ---- Plates ----
function spokenPlate(r: R, lang: Lang): string {
  if (lang === 'en' && r() < 0.7) {
    const L = 'abcdefghjklmnoprstuvwxyz';
    const area = [pick(r, [...L]), pick(r, [...L])];
    const age = String(pick(r, [14, 17, 20, 22, 64, 68, 71, 72]));
    const tail = [pick(r, [...L]), pick(r, [...L]), pick(r, [...L])];
    const nato = r() < 0.4;
    const sp = (xs: string[]) => xs.map((c) => (nato ? (NATO[c] ?? c) : c)).join(' ');
    const ageSaid = r() < 0.5 ? sayDigits(r, age, 'en') : enNumber(+age);
    return `${sp(area)} ${ageSaid} ${sp(tail)}`;
  }
  const district = pick(r, ['m', 'hh', 'b', 'k', 'ka', 'hd', 'wob', 'lö', 'n', 'da']);
  const ls = pick(r, ['a', 'xy', 'ab', 'r', 'kl', 'e', 'tz', 'h']);
  const n = String(int(r, 1, 9999));
  const num = r() < 0.5 ? sayDigits(r, n, lang) : sayGroup(r, n, lang);
  const alpha = r() < 0.35;
  const sp = (s: string) =>
    [...s].map((c) => (alpha ? ((lang === 'de' ? DE_ALPHA : NATO)[c] ?? c) : c)).join(' ');
  const sep = r() < 0.3 ? (lang === 'de' ? ' minus' : ' dash') : '';
  return `${sp(district)}${sep} ${sp(ls)} ${num}`;
}

const DE_FRAMES = [
  'meine mail ist {EMAIL}',
  'schick das bitte an {EMAIL} danke',
  'die adresse lautet {EMAIL} alles klein',
  'du erreichst mich unter {EMAIL}',
  'ich wohne {DEADDR}',
  'ich wohne in der {DEADDR}',
  'meine adresse ist {DEADDRTOWN}',
  'liefern sie bitte an {DEADDRTOWN}',
  'wir sind umgezogen in die {DEADDR}',
  'das paket soll an {DEADDR} gehen',
  'mein kennzeichen ist {PLATE}',
  'der wagen mit dem kennzeichen {PLATE} steht im weg',
  'ein auto {PLATE} hat mich geschnitten',
];
const EN_FRAMES = [
  'my email is {EMAIL}',
  'send it over to {EMAIL} thanks',
  'you can email me at {EMAIL} any time',
  'her address is {EMAIL} all lower case',
  'my social security number is {SSN}',
  'social is {SSN}',
  'ssn {SSN}',
  'my s s n is {SSN}',
  'the social security number on file is {SSN} right',
  'i live at {ENADDR}',
  'my address is {ENADDRTOWN}',
  'we moved to {ENADDR} last year',
  'send the parcel to {ENADDRTOWN} please',
  'it is {ENADDR}',
  'my registration is {PLATE}',
  'the car reg is {PLATE}',
  'a van {PLATE} was blocking the road',
];

// Lower-case speech without a name, an address or a number that identifies anyone.
export const DE_ORDINARY_SPEECH: readonly string[] = [
  'kannst du bitte das licht im flur ausmachen',
  'wir müssen noch brot butter und käse kaufen',
  'der kühlschrank brummt schon wieder so laut',
  'morgen soll es regnen also nimm den schirm mit',
  'die kinder haben ihre gummistiefel im keller vergessen',
  'ich habe gestern die hecke geschnitten und den rasen gemäht',
  'das meeting ist auf donnerstag verschoben worden',
  'kannst du mir sagen wann der nächste bus fährt',
  'der drucker hat schon wieder einen papierstau',
  'wir fahren am wochenende an den see zum baden',
  'der klempner kommt erst nächste woche wegen dem wasserhahn',
  'die heizung im schlafzimmer wird nicht richtig warm',
  'ich hätte gern einen cappuccino und ein croissant',
  'vergiss nicht die blumen auf dem balkon zu gießen',
  'der zahnarzt hat meinen termin auf freitag gelegt',
  'kannst du die wäsche aus der maschine holen',
  'wir haben kein mehl mehr für den kuchen',
  'der hund muss heute abend noch raus',
  'die autobahn war wegen einer baustelle total dicht',
  'ich suche meine lesebrille schon den ganzen morgen',
  'spiel doch mal etwas ruhige musik in der küche',
  'die nachbarn feiern heute wieder bis spät in die nacht',
  'stell bitte einen timer auf zwanzig minuten für die nudeln',
  'der kater hat die vase vom regal geworfen',
  'wie lange braucht man mit dem rad bis zur arbeit',
  'ich glaube die batterie vom rauchmelder ist leer',
  'die tomaten im gewächshaus werden endlich rot',
  'hast du den schlüssel für den dachboden gesehen',
  'wir sollten das geländer im treppenhaus streichen',
  'das müsli ist alle und die milch auch',
];
export const EN_ORDINARY_SPEECH: readonly string[] = [
  'could you pop the kettle on while i sort the post',
  'the washing machine is leaking under the door again',
  'we need to book the car in for its service',
  'remind me to cancel the gym membership on friday',
  'the toddler refused to eat anything but crackers',
  'i left my umbrella on the bus this morning',
  'the fridge is full of leftovers from sunday',
  'turn the heating up a notch it is freezing in here',
  'the lawnmower will not start no matter what i do',
  'grab some tinned tomatoes and a bag of rice',
  'the meeting ran over so i missed the train',
  'has anyone seen the charger for the tablet',
  'we should clear out the garage before winter',
  'the puppy chewed through another pair of slippers',
  'can you play some quiet jazz in the lounge',
  'the window cleaner is coming on tuesday',
  'my phone keeps buzzing with pointless notifications',
  'the soup needs more salt and a dash of pepper',
  'the shed roof is leaking after the storm',
  'we are out of teabags and washing up liquid',
  'the school run was chaos this morning',
  'put the recycling out it goes tonight',
  'the biscuits went soft because someone left the tin open',
  'my back has been stiff since i moved the wardrobe',
  'the hedge needs trimming before it blocks the path',
  'do we still have any of that ginger cordial',
  'the blinds in the study keep jamming halfway',
  'set an alarm for quarter to seven tomorrow',
  'the plumber said the boiler pressure is too low',
  'the cat brought in a mouse and dropped it on the rug',
];

// Ordinary speech with number words and letters, nothing to find.
const DE_PLAIN_NUMBERS = [
  'wir treffen uns um viertel nach acht vor dem kino',
  'die pizza kostet zwölf euro fünfzig',
  'nimm den bus linie dreiundvierzig bis zur endstation',
  'das zimmer liegt im dritten stock links',
  'wir brauchen noch zwei kilo kartoffeln und drei zwiebeln',
];
const EN_PLAIN_NUMBERS = [
  'the film starts at twenty past eight',
  'that will be twelve pounds fifty please',
  'take the forty three bus to the end of the line',
  'the flat is on the third floor at the back',
  'we need two bags of potatoes and three onions',
  'i walked twenty minutes up the hill',
  'it is about five miles down the road',
];

function fill(r: R, frame: string, lang: Lang): string {
  return frame.replace(/\{([A-Z]+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'EMAIL':
        return `[[${spokenEmail(r, lang)}|EMAIL]]`;
      case 'SSN':
        return `[[${spokenSsn(r)}|US_SSN]]`;
      case 'ENADDR':
        return spokenEnAddress(r, false);
      case 'ENADDRTOWN':
        return spokenEnAddress(r, true);
      case 'DEADDR':
        return `[[${spokenDeAddress(r, false)}|ADDRESS]]`;
      case 'DEADDRTOWN':
        return `[[${spokenDeAddress(r, true)}|ADDRESS]]`;
      case 'PLATE':
        return `[[${spokenPlate(r, lang)}|VEHICLE_PLATE]]`;
      default:
        throw new Error(slot);
    }
  });
}

/** `perFrame` spoken texts per frame and language, plus ordinary speech without PII. */
export function devSpoken(perFrame = 10, seed = 7177): Labelled[] {
  const r = rng(seed);
  const out: Labelled[] = [];
  for (const [lang, frames, plain] of [
    ['de', DE_FRAMES, [...DE_ORDINARY_SPEECH, ...DE_PLAIN_NUMBERS]],
    ['en', EN_FRAMES, [...EN_ORDINARY_SPEECH, ...EN_PLAIN_NUMBERS]],
  ] as const) {
    for (const frame of frames)
      for (let i = 0; i < perFrame; i++)
        out.push(parseMarkup(fill(r, frame, lang), lang, 'spoken'));
    for (const p of plain) out.push(parseMarkup(p, lang, 'spoken'));
  }
  return out;
}
