// Capitalised words that a place preposition or the English shape rule takes for a place or a
// person but that name neither: departments ("in Marketing"), software ("in Jira"), events and
// courses ("at Standup", "in Advanced Statistics"), counters with a number ("in Sprint 14",
// "Raum B12"), German nouns of fixed phrases ("in Vertretung", "aus Versehen") and
// organisations ("at Vantage Legal LLP", "bei Kessler & Partner GmbH"). Run over the findings
// of every rule and the tagger before overlaps are resolved, so one place decides it.
// The word list is hand-written (ours, Apache-2.0) from office, school and software vocabulary;
// a word that the gazetteer lists as a place, given name or surname is never dropped by it.
import { holdsSpace, isPlace, isPlaceLower, listedName, splitAtSpace } from './gazetteer.js';
import { DE_MONTH_VARIANTS, DE_MONTHS, EN_MONTH_ABBREVIATIONS, EN_MONTHS } from './months.js';
import { endingRegex, GERMAN_TOWN_ENDINGS } from './town-endings.js';
import type { Lang, PiiSpan } from './types.js';

const list = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Lower-case words that name no place and no person on their own (see the file comment). */
const NON_NAME_WORDS = list(`
marketing finance accounting accounts payable receivable procurement purchasing sales support
legal compliance engineering operations logistics admin administration payroll billing invoicing
reception facilities research development product design testing training recruitment
recruiting onboarding offboarding management strategy consulting audit treasury communications
helpdesk infrastructure devops analytics insights editorial production manufacturing
maintenance warehousing shipping dispatch returns customer customers service services business
excel powerpoint outlook teams sharepoint onedrive onenote jira confluence slack zoom webex skype
salesforce hubspot zendesk servicenow sap workday trello asana miro figma github gitlab bitbucket
jenkins docker kubernetes aws azure python javascript typescript kotlin android windows linux
macos ubuntu chrome firefox safari photoshop illustrator indesign canva dropbox gmail whatsapp
telegram facebook instagram linkedin tiktok youtube spotify netflix moodle datev lexware
standup stand-up retro retrospective review kickoff kick-off offsite townhall webinar workshop
seminar conference summit meetup hackathon demo launch go-live orientation induction day week
sprint fiscal revenue budget forecast roadmap backlog release version beta alpha
intro introduction advanced beginners statistics mathematics maths physics chemistry biology
economics accountancy literature philosophy psychology sociology year grade level class module
unit chapter section room floor gate terminal platform wing ward desk
english french german spanish italian portuguese dutch russian arabic mandarin japanese
deutsch englisch französisch spanisch italienisch
feierabend mittagspause schichtende dienstschluss versehen vertretung bearbeitung höhe kraft
erhalt rückfragen bedarf auftrag kopie anlage anhang betrieb gebrauch vorkasse vorfeld rahmen
folge teilzeit vollzeit elternzeit homeoffice kurzarbeit bereitschaft raum etage stock
vertrieb einkauf buchhaltung personalabteilung abteilung verwaltung geschäftsführung
hr qa pr ux crm erp kw fy kpi euro euros dollar dollars pounds cent franken
mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends maternity paternity
parental sick leave notion scouts gym choir nursery playgroup party
präsenz papierform schriftform textform kontakt quarantäne modul verzug gefahr sicherheit sorge
summe reparatur wunsch plan möglichkeit überzeugung erfahrung sicht zahlung frage form
`);

/** Legal forms, as written ("SE" but not "Se"): a capitalised run holding one is an organisation. */
const LEGAL_FORMS = list(`
Ltd Ltd. LTD Limited LLP LLC Inc Inc. Incorporated Corp Corp. Corporation PLC plc GmbH mbH AG
KG OHG GbR UG SE SA SAS SARL BV NV Co. e.V.
`);
/** Words that end the names of firms and institutions ("Oakridge Dental", "Nordlicht Versicherung"). */
const ORG_ENDS = list(`
logistics logistik insurance versicherung versicherungen analytics dental clinic klinik
partners partner group gruppe holding holdings solutions services systems consulting
consultants technologies software labs studios media ventures foundation stiftung college
university universität hochschule school schule academy akademie institute institut legal
pharma foods motors autohaus builders construction energie energy
`);

// English and German endings of abstract nouns, rare at the end of a town's name.
const EN_NOUN_ENDING = /\p{L}{3,}(?:ment|tion|sion|ology|ency|ancy|ship)$/u;
const DE_NOUN_ENDING = /\p{L}{2,}[^aeiouyäöü](?:ung|heit|keit|schaft|tion|ität|gründen)$/u;
// "SharePoint", "YouTube": a capital after small letters inside a word, but not a name's or a
// place's prefix ("McLeod", "MacKay", "DeShawn", "LaToya", "KwaMashu").
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}/u;
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz|Kwa)\p{Lu}/u;
// "iOS", "eBay" as a person; a place may start so ("eThekwini", "eKapa").
const SMALL_CAMEL = /^\p{Ll}+\p{Lu}/u;
// A number or short code right after a person's one word: "Sprint 14", "Year 10", "Halle 3"
// (a town may stand before a number: "Nichelino 364"). Not a number that starts with 0 or is
// followed by another group of digits: that is a phone number given after the person's name
// ("Okonkwo 0171 2345678", "Bjarnadottir 555 0199"), and the name must stay.
const COUNTER_AFTER = /^ (?:[1-9]\d{0,3}[A-Za-z]?|[A-Z]\d{1,3})(?![\p{L}\d])(?![ \t/().-]*\d)/u;
const SMALL_COUNTER_AFTER = /^ [1-9]\d?(?![\p{L}\d])(?![ \t/().-]*\d)/u;
// German counts its nouns with a capital: "Wernigerode 2 Tage später" is a town and a count.
const COUNTED_NOUN_AFTER = /^ [1-9]\d? \p{Lu}/u;
// The capitalised words that continue a name after the span ("… & Partner GmbH", "… Legal LLP").
export const CAPITAL_RUN_AFTER = /^(?:(?: (?:&|und|and))? \p{Lu}[\p{L}.'’-]*)*/u;
// A capitalised word right before the span ("Kingsbridge " of "Kingsbridge University").
const CAPITAL_WORD_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{L}.'’-]* $/u;
// A lone word after "works at", "job at", "arbeitet bei": an employer, not a place.
const EMPLOYER_BEFORE =
  /\b(?:work|works|worked|working|job|employed|intern|internship|joined|arbeitet|arbeite|arbeiten|angestellt|beschäftigt|tätig)\s+(?:at|for|bei)\s+$/iu;
// "on offer at Marbrook", "I'm at Quintaro", "ready at hermes": after "at" alone, an unlisted
// word is a shop, a firm or a venue far more often than a town. One ending as towns' names
// end ("at Pellingham", "at Ashford", "at Kirchberg") stays a place, and so does one after a
// word of travel ("the station at Drevna", "we changed trains at Vosk", "landed at Orlu").
const AT_BEFORE = /(?:^|[^\p{L}])at\s+$/iu;
// "ready to collect", "need to renew", "happy to help": after a word that wants a verb, "to"
// opens an infinitive, not a destination ("going to" and "like to" are left out: "going to
// Pellingby" is travel).
const INFINITIVE_TO =
  /(?:^|[^\p{L}])(?:ready|able|unable|need|needs|needed|want|wants|wanted|try|tries|tried|happy|glad|free|supposed|allowed|meant|used|hoping|plan|plans|planning|forgot|remember)\s+to\s+$/iu;
// "tell Ama Boateng to start", "asked them to wait": after a verb of telling and its object
// (one to three words), "to" opens the infinitive of what they are told to do, not a place.
const TOLD_TO =
  /(?:^|[^\p{L}])(?:tell|tells|told|telling|ask|asks|asked|asking|remind|reminds|reminded|warn|warns|warned|urge|urged|beg|begged|persuade|persuaded|convince|convinced|encourage|encouraged)(?:\s+\p{L}[\p{L}'’-]*){1,3}\s+to\s+$/iu;
const SMALL_FIRST = /^\p{Ll}/u;
const TRAVEL_AT =
  /(?:^|[^\p{L}])(?:station|stations|airport|port|harbour|harbor|terminal|platform|arrive|arrives|arrived|arriving|land|lands|landed|landing|stop|stops|stopped|change|changes|changed|changing|born|trains|buses|flights|terminate|terminates|terminated|terminating|calls|calling|depart|departs|departed|departing)\s+at\s+$/iu;
const TOWN_ENDING = endingRegex([
  ...'ton tone ford bury borough brough burgh by ham wick wich mere combe holt ley leigh field worth stead sted thorpe thorp cester chester caster mouth port minster well wells dale hurst stone bridge bourne borne brook den don sey haven burn moor pool head shaw wood ington ing ey land'.split(
    ' ',
  ),
  ...GERMAN_TOWN_ENDINGS,
]);

const SPACE = 32;

/**
 * Whether `CAPITAL_RUN_AFTER` can match more than nothing at a space followed by unit `c`: only
 * before "&", "und", "and" or a capital. Other ASCII units (and the end of the text, NaN) rule
 * it out, so most spans skip the regex and its slice.
 */
export function mayStartRun(c: number): boolean {
  return c >= 128 || (c >= 65 && c <= 90) || c === 38 || c === 97 || c === 117;
}

/** The words of `s` split at white space, as `s.split(/\s+/)`, without a split for one word. */
function wordsOf(s: string): string[] {
  return holdsSpace(s) ? splitAtSpace(s) : [s];
}

/** Whether the span is part of an organisation's name; `lower` is the span's text in lower case. */
function inOrganisation(text: string, s: PiiSpan, lower: string): boolean {
  // Most spans end before punctuation or a small word: no run to read then.
  const after =
    text.charCodeAt(s.end) === SPACE && mayStartRun(text.charCodeAt(s.end + 1))
      ? (CAPITAL_RUN_AFTER.exec(text.slice(s.end, s.end + 80))?.[0] ?? '')
      : '';
  if (after === '' && !s.text.includes(' ')) {
    // One word (`split` is not asked: a word with a tab stays whole, as before).
    if (LEGAL_FORMS.has(s.text)) return true;
    if (!ORG_ENDS.has(lower)) return false;
    return CAPITAL_WORD_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start));
  }
  const words = splitAtSpace(`${s.text}${after}`);
  for (const w of words) if (LEGAL_FORMS.has(w)) return true;
  if (!ORG_ENDS.has(words[words.length - 1]!.toLowerCase())) return false;
  // One word that ends firms' names: a firm when a capitalised word stands right before it.
  return (
    words.length > 1 || CAPITAL_WORD_BEFORE.test(text.slice(Math.max(0, s.start - 40), s.start))
  );
}

// Months, as written in dates ("14 Nov", "3 March 2020", "Mai 12"), and seasons after a word of
// time ("in Spring", "next Autumn"): a date or a time of year, not a name, whatever the lists say.
const MONTHS: ReadonlySet<string> = new Set([
  ...EN_MONTH_ABBREVIATIONS,
  ...EN_MONTHS,
  ...DE_MONTHS.filter((m) => !DE_MONTH_VARIANTS.has(m)),
]);
const DAY_BEFORE = /(?:^|[^\p{L}\p{N}])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|\.)? $/u;
const DAY_AFTER = /^\.? (?:[1-9]|[12]\d|3[01])(?![\p{N}])/u;
const SEASONS = list('spring summer autumn winter');
const TIME_BEFORE =
  /(?:^|[^\p{L}])(?:in|this|next|last|every|until|till|since|by|early|late|mid)\s+$/iu;

const ACRONYM = /^\p{Lu}{2,5}$/u;

/** Whether a one-word finding is a month beside a day or a season after a word of time. */
function dateWord(text: string, s: PiiSpan, lower: string): boolean {
  if (MONTHS.has(lower))
    return (
      DAY_BEFORE.test(text.slice(Math.max(0, s.start - 6), s.start)) ||
      DAY_AFTER.test(text.slice(s.end, s.end + 5))
    );
  return SEASONS.has(lower) && TIME_BEFORE.test(text.slice(Math.max(0, s.start - 8), s.start));
}

/** Whether a PERSON or LOCATION finding names something else (see the file comment). */
export function namesNoOne(text: string, lang: Lang, s: PiiSpan): boolean {
  if (s.type !== 'PERSON' && s.type !== 'LOCATION') return false;
  const lower = s.text.toLowerCase();
  if (inOrganisation(text, s, lower)) return true;
  const words = wordsOf(lower);
  if (words.length === 1 && dateWord(text, s, words[0]!)) return true;
  const place = s.type === 'LOCATION' && isPlaceLower(lower);
  if (place) return false;
  // "SSN", "DOB", "PIN": a short acronym no list knows as a place is a field's name.
  if (s.type === 'LOCATION' && ACRONYM.test(s.text)) return true;
  // Every word an office word, none a listed name: "Accounts Payable", "Sprint Review".
  let office = true;
  for (const w of words)
    if (!NON_NAME_WORDS.has(w) || listedName(w)) {
      office = false;
      break;
    }
  if (office) return true;
  if (words.length !== 1) return false;
  if (listedName(words[0]!)) return false;
  if (CAMEL.test(s.text) && !NAME_PREFIX.test(s.text)) return true;
  if (s.type === 'PERSON')
    return SMALL_CAMEL.test(s.text) || COUNTER_AFTER.test(text.slice(s.end, s.end + 8));
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  if (EMPLOYER_BEFORE.test(before)) return true;
  if (lang === 'en' && INFINITIVE_TO.test(before)) return true;
  // A verb is not capitalised: "told them to Varnholm" stays a place.
  if (lang === 'en' && SMALL_FIRST.test(s.text) && TOLD_TO.test(before)) return true;
  if (AT_BEFORE.test(before) && !TOWN_ENDING.test(words[0]!) && !TRAVEL_AT.test(before))
    return true;
  // "from Tower 5", "by Pond 12", "im Hörsaal 4", "ab Bahnsteig 7": a word before a small
  // counter names a numbered thing (a room, a platform, a hall), not a town, in either language
  // (a larger number may be a town's house number or postcode: "Nichelino 364"; a listed town,
  // "Halle 3", was kept above).
  const after = text.slice(s.end, s.end + 8);
  if (SMALL_COUNTER_AFTER.test(after) && (lang === 'en' || !COUNTED_NOUN_AFTER.test(after)))
    return true;
  return (lang === 'de' ? DE_NOUN_ENDING : EN_NOUN_ENDING).test(words[0]!);
}

// Where a name ends for sure: a line break, colon or semicolon ("From: Anna Brook\nSent: …");
// a place also at a comma ("Gruß aus Bad Tannried, Anna Brook"), a person not ("Brook, Anna").
export const PERSON_BREAK = /\s*[\n\r:;]/u;
export const PLACE_BREAK = /\s*(?:[\n\r:;]|, )/u;

/**
 * False only when `PERSON_BREAK` (or, for a place, `PLACE_BREAK`) cannot match `t`: it holds no
 * line break, colon or semicolon (nor, for a place, a comma before a space). Most spans hold
 * none, and this loop costs less than the regex.
 */
export function mayBreak(t: string, place: boolean): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13 || c === 58 || c === 59) return true;
    if (place && c === 44 && t.charCodeAt(i + 1) === SPACE) return true;
  }
  return false;
}

/** The span cut at its first break, or the span itself. */
function cutAtBreak(s: PiiSpan): PiiSpan {
  if (s.type !== 'PERSON' && s.type !== 'LOCATION') return s;
  if (!mayBreak(s.text, s.type === 'LOCATION')) return s;
  const m = (s.type === 'PERSON' ? PERSON_BREAK : PLACE_BREAK).exec(s.text);
  if (!m || m.index === 0) return s;
  return { ...s, end: s.start + m.index, text: s.text.slice(0, m.index) };
}

// "the password was sent to Ilvana", "pass that on to ruvimbo", "registered to …": after a verb
// of giving, sending or telling, "to" names the one who gets it, not a destination.
const RECIPIENT_TO =
  /(?:^|[^\p{L}])(?:sent|send|sends|sending|share|shares|shared|sharing|given|give|gives|gave|handed|hand|hands|passed|pass|passes|forwarded|forward|forwards|addressed|registered|issued|assigned|belongs|belonged|belong|married|lent|loaned|sold|wrote|write|writes|written|reply|replied|replies|talk|talked|talking|speak|spoke|spoken|speaking|emailed|texted|message|email|note|letter|gift)(?:\s+(?:it|that|this|them|him|her|on|back|over|along|a|the|my|your|his|their|our|location|position|address|details|number|contact|photo|photos|pictures|link))*\s+to\s+$/iu;
// "voice note from Ayo", "missed call from …", "Sprachnachricht von …": the sender of a message
// is a person (a listed town is kept by the caller: "a postcard from Lisbon" takes no such word).
const SENDER_FROM =
  /(?:^|[^\p{L}])(?:voice\s+note|voice\s+message|voice\s+memo|voicemail|missed\s+call|text\s+message|sprachnachricht|sprachmemo|sprachnotiz|anruf|rückruf|verpasster\s+anruf)\s+(?:from|von)\s+$/iu;
// "First name: Ilvana", "Surname: Okoro", "Vorname: …": a field that asks for a name.
const NAME_LABEL_BEFORE =
  /(?:^|[\n\r|;])\s*(?:first name|given name|last name|surname|family name|full name|name|vorname|nachname|familienname|name, vorname)\s*:[ \t]*$/iu;

/**
 * A place by a rule's guess that stands where a person does: after "sent to" and its kin, or
 * as the value of a name field. Retyped, not dropped: the word still names someone.
 */
function personNotPlace(text: string, s: PiiSpan): boolean {
  if (s.type !== 'LOCATION' || isPlace(s.text)) return false;
  const before = text.slice(Math.max(0, s.start - 48), s.start);
  return (
    RECIPIENT_TO.test(before) ||
    (endsInFromOrVon(before) && SENDER_FROM.test(before)) ||
    NAME_LABEL_BEFORE.test(before)
  );
}

/** Whether `before` ends in "from" or "von" and white space: most do not, and skip the regex. */
function endsInFromOrVon(before: string): boolean {
  let j = before.length;
  while (j > 0 && before.charCodeAt(j - 1) <= SPACE) j--;
  if (j === before.length) return false;
  const last = before.slice(Math.max(0, j - 4), j).toLowerCase();
  return last === 'from' || last.endsWith('von');
}

/** The findings cut at breaks, less those that name no person and no place. */
export function dropNonNames(text: string, lang: Lang, found: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  // A third of the findings repeat an earlier one's range and type (several rules and the
  // tagger find the same name): the verdict, a function of type, range and text, is read once.
  // Looked up by range (a number: start and end in one), so that a long piece's hundreds of
  // findings are not each compared with all before them.
  const seen = new Map<number, Judged[]>();
  const width = text.length + 1;
  for (const f of found) {
    const s = cutAtBreak(f);
    const key = s.start * width + s.end;
    const same = seen.get(key);
    let verdict: Verdict | undefined;
    if (same)
      for (const o of same)
        if (o.type === s.type && o.text === s.text) {
          verdict = o.verdict;
          break;
        }
    if (verdict === undefined) {
      verdict = namesNoOne(text, lang, s) ? DROP : personNotPlace(text, s) ? RETYPE : KEEP;
      const judged = { type: s.type, text: s.text, verdict };
      if (same) same.push(judged);
      else seen.set(key, [judged]);
    }
    if (verdict === DROP) continue;
    out.push(verdict === RETYPE ? { ...s, type: 'PERSON' } : s);
  }
  return out;
}

/** What `dropNonNames` does with a finding: drop it, keep it, or keep it as a person. */
type Verdict = 0 | 1 | 2;
/** A finding's verdict with what, beside its range, tells it from another. */
interface Judged {
  readonly type: PiiSpan['type'];
  readonly text: string;
  readonly verdict: Verdict;
}
const DROP = 0;
const KEEP = 1;
const RETYPE = 2;
