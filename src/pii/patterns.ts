import { birthdayListEntry, dateRangeBound } from './birth-dates.js';
import { bornAfter, CONTEXT, contextMatcher, hasContext, vehicleContext } from './context.js';
import { lifeSpanBirth } from './life-spans.js';
import { DE_MONTH_ABBREVIATIONS, DE_MONTHS, EN_MONTH_ABBREVIATIONS, EN_MONTHS } from './months.js';
import type { Emit } from './numbers.js';
import { matchesFromDigits } from './sticky.js';
import type { CustomIdentifier } from './types.js';

// Regexes made once, not on every call.
const DIGIT = /\d/;
const CAPITAL = /\p{Lu}/u;
const FOUR_DIGITS = /\d{4}/;

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/gu;
const WEB = /(?<![\p{L}\p{N}@.])(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,24}\/[^\s<>"'()]*/giu;
const HANDLE = /(?<![\p{L}\p{N}_.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?/gu;
const SOCIAL_HOST =
  /^(?:www\.|m\.|de\.|en\.)?(?:instagram|facebook|twitter|x|tiktok|linkedin|github|gitlab|youtube|threads|reddit|xing|pinterest|snapchat|twitch|medium|soundcloud|mastodon\.social|bsky)\.(?:com|net|de|app|tv|social)$/i;
const HANDLE_PATH = /(?:^|\/)(?:@|~|u\/|user\/|users\/|profile\/|in\/|people\/)[^/?#]+/i;

const MONTHS_DE = [...DE_MONTHS, ...DE_MONTH_ABBREVIATIONS].join('|');
const MONTHS_EN = [...EN_MONTHS, ...EN_MONTH_ABBREVIATIONS].join('|');
const YEAR = '(?:19|20)\\d{2}';
// After a month's name a year may be cut to two digits with an apostrophe: "May 3rd '84".
const NAMED_YEAR = `(?:${YEAR}|['’]\\d{2})`;
const DATE = new RegExp(
  [
    `\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:${YEAR}|\\d{2})`,
    `\\d{1,2}\\.?\\s(?:${MONTHS_DE})\\.?\\s${NAMED_YEAR}`,
    `(?:${MONTHS_EN})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s${NAMED_YEAR}`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s(?:of\\s)?(?:${MONTHS_EN})\\.?,?\\s${NAMED_YEAR}`,
    `${YEAR}-\\d{2}-\\d{2}`,
    `\\d{1,2}\\/\\d{1,2}\\/(?:${YEAR}|\\d{2})`,
    // "03-07-1984": with hyphens only with the full year ("03-07-84" is a code as often).
    `\\d{1,2}-\\d{1,2}-${YEAR}`,
    // "3-Feb-1935", "17-NOV-74", "9/Oct/1985": a register's or a form's day, month and year.
    `\\d{1,2}([-/])(?:${MONTHS_EN}|${MONTHS_DE})\\.?\\1(?:${YEAR}|\\d{2})`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '(?<![\\p{L}\\p{N}])(?:')
    .concat(')(?![\\p{L}\\p{N}])'),
  'giu',
);

const PLATE = /(?<![\p{L}\p{N}-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?[1-9]\d{0,3}[EH]?(?![\p{L}\p{N}])/gu;
// "S-XY-123": a second hyphen instead of the space; only beside a vehicle cue.
const PLATE_TWO_HYPHENS =
  /(?<![\p{L}\p{N}-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}-[1-9]\d{0,3}[EH]?(?![\p{L}\p{N}-])/gu;
// British plates since 2001: two letters, the age identifier (two digits), three letters:
// "AB12 CDE", "AB12CDE"; lower case too in transcripts.
const UK_PLATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}(\d{2}) ?[A-Za-z]{3}(?![\p{L}\p{N}])/gu;
const UK_PLATE_HINT = /\d\d ?[A-Za-z]{3}/;
const UK_PLATE_OLD_HINT = /[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z]/;
const VEHICLE_HINT =
  /kennzeichen|schild|plate|registration|reg\b|auto|wagen|fahrzeug|car|van|vehicle|lorry|truck|motor|taxi|cab|bike/i;
// Older British formats, only beside a cue: prefix "A123 BCD" (1983–2001), suffix "ABC 123D".
const UK_PLATE_OLD =
  /(?<![\p{L}\p{N}])(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])(?![\p{L}\p{N}])/gu;
const PLATE_SPACED =
  /(?<![\p{L}\p{N}])[A-ZÄÖÜ]{1,3} [A-Z]{1,2} [1-9]\d{0,3}[EH]?(?![\p{L}\p{N}])/gu;
// A German plate typed in lower case ("hb-nu 76h"); only beside a vehicle cue.
const PLATE_LOWER =
  /(?<![\p{L}\p{N}-])[a-zäöü]{1,3}-[a-z]{1,2} ?[1-9]\d{0,3}[eh]?(?![\p{L}\p{N}])/gu;
const PLATE_LOWER_HINT = /[a-zäöü]-[a-z]{1,2} ?[1-9]/;
// Austrian plates: the district (one or two letters), a hyphen, then digits before letters
// ("W-12345 X", "G-123 AB"); only beside a vehicle cue. Not spaced: "Audi A 4 TDI" is a car.
const PLATE_AT = /(?<![\p{L}\p{N}-])[A-Z]{1,2}-[1-9]\d{0,4} ?[A-Z]{1,3}(?![\p{L}\p{N}-])/gu;
const PLATE_AT_HINT = /[A-Z]-[1-9]\d{0,4} ?[A-Z]/;

const STREET_SUFFIX =
  '(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|pfad|steig|graben|stieg|kai|promenade|markt|zeile|hof|höhe|anger|kamp|wall|brücke|siedlung|steg|wiese|winkel|leite|halde)';
// "Musterstraße 12", "Berliner Straße 3a", "Karl-Marx-Allee 90", "Am Markt 1", lower case too.
// ("Am" with an English preposition after it is the verb of "i am at 35 tannery lane".)
const STREET_DE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:(?:[\\p{L}]+-)+|[\\p{L}]{2,})${STREET_SUFFIX}|[\\p{Lu}][\\p{Ll}]+(?:er|sche|scher)\\s${STREET_SUFFIX}|(?:Am|An der|Auf dem|Im|Zum|Zur|Unter den)\\s(?!(?:at|in|on|to|the|from|by)\\s)[\\p{Lu}][\\p{L}-]+)\\s?\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?![\\p{L}\\p{N}])`,
  'giu',
);
const STREET_EN_SUFFIX =
  '(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Way|Court|Ct\\.?|Place|Pl\\.?|Terrace|Close|Crescent|Square|Parkway|Row|Gardens|Mews|Grove)';
// Only capitalised: in lower case "a 10 minute walk" would be an address.
const STREET_EN_SUFFIX_CAPITALISED = STREET_EN_SUFFIX.replace(
  /\)$/,
  '|Path|Walk|View|Hill|Rise|Green|Parade|Park|Vale|Chase|Meadows?|Quay|Wharf|Yard|Heights|Circus|Approach|Embankment|Wynd|Brae|Drove|Dale|Mount|Cres\\.?|Gdns\\.?|Sq\\.?|Tce\\.?)',
);
// "221 Baker Street", "10 E Maple Street", "233 3rd Street", "386 Queen's Road", "53 Park View",
// "231 The Ridgeway", "160 S Broadway", "806 E Main", "564 Greenway".
const EN_DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW)\\.?\\s';
const EN_ORDINAL = '\\d{1,3}(?:st|nd|rd|th)';
const EN_NAME_WORD = `(?:${EN_ORDINAL}|[A-Z][a-z]+(?:'s)?)`;
const EN_ONE_WORD_STREET = '[A-Z][a-z]+(?:side|lands|way|gate|field|fields|wood|croft)';
// Sticky: tried at digits only (`matchesFromDigits`); every match starts with one.
export const STREET_EN = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?\\s(?:${EN_DIRECTION})?(?:(?:${EN_NAME_WORD}\\s){1,3}${STREET_EN_SUFFIX_CAPITALISED}|The\\s[A-Z][a-z]+|Broadway|${EN_ONE_WORD_STREET})(?![\\p{L}])|(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?\\s${EN_DIRECTION}[A-Z][a-z]+(?![\\p{L}])`,
  'uy',
);
// UK postcodes: "SW1A 1AA", "M1 1AE", "B33 8TH", "DN55 1PT" (outward code, space, inward code;
// the space is left out now and then: "M146GX").
const UK_POSTCODE =
  /(?<![\p{L}\p{N}])([A-PR-UWYZ][A-HK-Y]?)\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu;
// The postcode areas (with Guernsey, Jersey and the Isle of Man); the letters before the first
// digit must name one.
export const UK_POSTCODE_AREAS: ReadonlySet<string> = new Set(
  'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'.split(
    ' ',
  ),
);
// Sticky, as STREET_EN.
export const STREET_EN_LOWER = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,5}\\s(?:[a-z]+\\s){1,2}${STREET_EN_SUFFIX.toLowerCase().replace(/\\\\\./g, '')}(?![\\p{L}])`,
  'uy',
);
// Cheap tests (no look-behind) that gate the full patterns: a street suffix before a number, or
// one of the German prepositions that start a street name; a number before a capitalised word.
const STREET_DE_HINT = new RegExp(
  `${STREET_SUFFIX}\\s?\\d|(?:^|[^\\p{L}\\p{N}])(?:am|an der|auf dem|im|zum|zur|unter den)\\s\\p{L}[\\p{L}-]*\\s?\\d`,
  'iu',
);
const STREET_EN_HINT = /\d[A-Za-z]?\s[A-Z\d]/;
const UK_POSTCODE_HINT = /\d[A-Z]{2}/;
const STREET_EN_LOWER_HINT = /\d\s[a-z]/;
// An adjective in small letters before a street word: "fester Platz 12" (not "unter den …").
const SMALL_ADJECTIVE_FIRST = /^(?!unter\s|hinter\s|über\s)\p{Ll}+(?:er|sche|scher)\s\p{Lu}/u;
const DATE_HINT = /\d[./-]|\d\s\p{L}|\p{L}\.?\s\d|\d(?:st|nd|rd|th)\s/iu;
// What every form of DATE holds: "1.2" (with an optional space), "1/2", a year 19xx/20xx or
// one cut short ("'84").
const DATE_NEEDS = /\d\.\s?\d|\d\/\d|(?:19|20)\d\d|['’]\d\d|\p{L}\.?[-/]\d\d/u;
// The marks of a CV or a register right before a date: "Lena Roth, * 08.12.1970" (the
// genealogical star, after a name, never a list's bullet at a line's start), "(b. 14 May 1970)",
// ", b. 14 May 1970".
const BORN_MARK = /(?:[\p{L},)] ?\*|(?:\(|, )b\.) ?$/u;
const PLATE_SPACED_HINT = /[A-ZÄÖÜ] [A-Z]{1,2} [1-9]/;
// Postcode and town on one line: a number ending a line ("Auftrag 66853\nFahrzeug: …") is none.
const POSTCODE_CITY =
  /(?<![\p{L}\p{N}-])(?:(?:D|A|CH)-)?(\d{4,5})[ \t\u00a0]+([\p{Lu}][\p{Ll}ß]+(?:[ -](?:am|an der|im|bei|in der|\(?[\p{Lu}][\p{Ll}ß]+\)?))*)/gu;

/** Text-shaped findings: e-mail, URLs with a handle, handles, dates of birth, plates, addresses. */
export function findPatterns(
  text: string,
  emit: Emit,
  isPlace: (name: string) => boolean,
  isCommonWord: (word: string) => boolean,
): void {
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) emit(m.index, m.index + m[0].length, 'EMAIL', 1);
    for (const m of text.matchAll(HANDLE)) emit(m.index, m.index + m[0].length, 'HANDLE', 0.8);
  }
  if (text.includes('/')) {
    for (const m of text.matchAll(WEB)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const rest = url.replace(/^https?:\/\//i, '');
      const slash = rest.indexOf('/');
      const host = rest.slice(0, slash);
      const path = rest.slice(slash + 1);
      const social = SOCIAL_HOST.test(host) && /^[@~]?[\p{L}\p{N}_.-]{2,}/u.test(path);
      if (social || HANDLE_PATH.test(`/${path}`)) emit(m.index, m.index + url.length, 'URL', 0.9);
    }
  }
  // Everything below needs a digit.
  if (!DIGIT.test(text)) return;
  if (DATE_HINT.test(text) && DATE_NEEDS.test(text)) {
    for (const m of text.matchAll(DATE)) {
      const end = m.index + m[0].length;
      if (lifeSpanBirth(text, m.index, end)) {
        emit(m.index, end, 'DATE_OF_BIRTH', 0.9);
        continue;
      }
      if (dateRangeBound(text, m.index, end)) continue;
      if (
        hasContext(text, m.index, end, CONTEXT.DATE_OF_BIRTH!, 24) ||
        bornAfter(text, end) ||
        BORN_MARK.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
        birthdayListEntry(text, m.index)
      )
        emit(m.index, end, 'DATE_OF_BIRTH', 0.95);
    }
  }
  if (DIGIT_DATE_HINT.test(text)) findDigitDates(text, emit);
  if (text.includes('-')) findPlates(text, emit);
  if (UK_PLATE_HINT.test(text) || UK_PLATE_OLD_HINT.test(text)) findUkPlates(text, emit);
  if (PLATE_SPACED_HINT.test(text)) {
    for (const m of text.matchAll(PLATE_SPACED)) {
      const end = m.index + m[0].length;
      if (vehicleContext(text, m.index, end, 24)) emit(m.index, end, 'VEHICLE_PLATE', 0.8);
    }
  }
  if (STREET_DE_HINT.test(text)) {
    const written = CAPITAL.test(text);
    for (const m of text.matchAll(STREET_DE)) {
      // Written, a street's adjective has its capital ("Alter Markt 5"): "fester Platz 12" is a desk.
      if (written && SMALL_ADJECTIVE_FIRST.test(m[0])) continue;
      emit(m.index, m.index + m[0].length, 'ADDRESS', 0.85);
    }
  }
  if (STREET_EN_HINT.test(text)) {
    for (const m of matchesFromDigits(STREET_EN, text))
      emit(m.index, m.index + m[0].length, 'ADDRESS', 0.85);
  }
  if (UK_POSTCODE_HINT.test(text)) {
    for (const m of text.matchAll(UK_POSTCODE)) {
      if (!UK_POSTCODE_AREAS.has(m[1]!)) continue;
      const end = m.index + m[0].length;
      emit(m.index, end, 'ADDRESS', 0.8);
    }
  }
  if (!CAPITAL.test(text) && STREET_EN_LOWER_HINT.test(text)) {
    for (const m of matchesFromDigits(STREET_EN_LOWER, text))
      emit(m.index, m.index + m[0].length, 'ADDRESS', 0.7);
  }
  if (FOUR_DIGITS.test(text)) findPostcodes(text, emit, isPlace, isCommonWord);
}

function findPlates(text: string, emit: Emit): void {
  for (const m of text.matchAll(PLATE_TWO_HYPHENS)) {
    const end = m.index + m[0].length;
    if (vehicleContext(text, m.index, end, 24)) emit(m.index, end, 'VEHICLE_PLATE', 0.95);
  }
  for (const m of text.matchAll(PLATE)) {
    const end = m.index + m[0].length;
    emit(m.index, end, 'VEHICLE_PLATE', vehicleContext(text, m.index, end) ? 1 : 0.7);
  }
  if (PLATE_AT_HINT.test(text)) {
    for (const m of text.matchAll(PLATE_AT)) {
      const end = m.index + m[0].length;
      if (vehicleContext(text, m.index, end, 24)) emit(m.index, end, 'VEHICLE_PLATE', 0.85);
    }
  }
  if (PLATE_LOWER_HINT.test(text)) {
    for (const m of text.matchAll(PLATE_LOWER)) {
      const end = m.index + m[0].length;
      if (vehicleContext(text, m.index, end, 24)) emit(m.index, end, 'VEHICLE_PLATE', 0.85);
    }
  }
}

// A date said digit by digit, as the spoken-form normaliser writes it: "null vier null sieben
// neunzehn zweiundachtzig" → "04071982", "oh four oh seven eighty two" → "040782".
const DIGIT_DATE = /(?<![\p{L}\p{N}])(?:\d{8}|\d{6})(?![\p{L}\p{N}])/gu;
const DIGIT_DATE_HINT = /\d{6}/;
const BIRTH_WORD = /geboren|geburt|born|birth|dob|d o b/i;

function findDigitDates(text: string, emit: Emit): void {
  if (!BIRTH_WORD.test(text)) return;
  for (const m of text.matchAll(DIGIT_DATE)) {
    const end = m.index + m[0].length;
    if (!plausibleDate(m[0])) continue;
    if (hasContext(text, m.index, end, CONTEXT.DATE_OF_BIRTH!, 24) || bornAfter(text, end))
      emit(m.index, end, 'DATE_OF_BIRTH', 0.95);
  }
}

/** Day and month (either order) in range, and a four-digit year in 1900–2099 when given. */
function plausibleDate(d: string): boolean {
  const a = Number(d.slice(0, 2));
  const b = Number(d.slice(2, 4));
  if (d.length === 8 && !/^(?:19|20)/.test(d.slice(4))) return false;
  const dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  const monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  return dayMonth || monthDay;
}

function findUkPlates(text: string, emit: Emit): void {
  if (UK_PLATE_OLD_HINT.test(text) && VEHICLE_HINT.test(text)) {
    for (const m of text.matchAll(UK_PLATE_OLD)) {
      const end = m.index + m[0].length;
      if (vehicleContext(text, m.index, end, 24)) emit(m.index, end, 'VEHICLE_PLATE', 0.9);
    }
  }
  if (!UK_PLATE_HINT.test(text)) return;
  for (const m of text.matchAll(UK_PLATE)) {
    const age = Number(m[1]);
    // Age identifiers: 02–29 (March) and 51–79 (September) so far.
    if (!((age >= 2 && age <= 29) || (age >= 51 && age <= 79))) continue;
    const end = m.index + m[0].length;
    const cue = vehicleContext(text, m.index, end, 24);
    const upper = m[0] === m[0].toUpperCase();
    // Without a cue only the spaced, capitalised form, at a lower score.
    if (cue) emit(m.index, end, 'VEHICLE_PLATE', 0.95);
    else if (upper && m[0].includes(' ')) emit(m.index, end, 'VEHICLE_PLATE', 0.7);
    // Unspaced and without a cue ("AB12CDE") only when its last three letters avoid I and Q,
    // which British plates never use there.
    else if (upper && !/[IQ]/.test(m[0].slice(-3))) emit(m.index, end, 'VEHICLE_PLATE', 0.6);
  }
}

function findPostcodes(
  text: string,
  emit: Emit,
  isPlace: (name: string) => boolean,
  isCommonWord: (word: string) => boolean,
): void {
  for (const m of text.matchAll(POSTCODE_CITY)) {
    const code = m[1]!;
    let city = m[2]!;
    // Keep the longest prefix of the words that is a known place, else the first word.
    const words = city.split(/[ -]/);
    let known = false;
    for (let n = words.length; n >= 1; n--) {
      const candidate = city.slice(0, words.slice(0, n).join(' ').length);
      if (isPlace(candidate)) {
        city = candidate;
        known = true;
        break;
      }
    }
    // "Bad Kötzting", "Sankt Peter": a prefix word takes the next word with it; "Ober-Tröpfelbach":
    // a hyphen joins one name.
    if (!known)
      city =
        words.length > 1 &&
        (/^(?:Bad|Sankt|St\.?|Neu|Alt|Groß|Klein|Hohen)$/.test(words[0]!) ||
          city.charCodeAt(words[0]!.length) === 45)
          ? city.slice(0, words[0]!.length + 1 + words[1]!.length)
          : words[0]!;
    const prefixed = m[0].includes('-') && /^(?:D|A|CH)-/.test(m[0]);
    let score: number;
    if (known) score = 0.95;
    else if (code.length === 5 && (!isCommonWord(city) || city.includes(' ')))
      score = prefixed ? 0.85 : 0.6;
    else continue;
    const end = m.index + m[0].indexOf(m[2]!) + city.length;
    emit(m.index, end, 'ADDRESS', score);
  }
}

/** Caller-defined identifiers; a pattern is matched as a whole token. */
export function findCustom(
  text: string,
  identifiers: readonly CustomIdentifier[],
  emit: Emit,
): void {
  for (const id of identifiers) {
    const source = typeof id.pattern === 'string' ? id.pattern : id.pattern.source;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
    const words = id.context?.length ? contextWords(id.context) : undefined;
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const end = m.index + m[0].length;
      if (words && !hasContext(text, m.index, end, words)) continue;
      emit(m.index, end, id.type, id.score ?? 0.9);
    }
  }
}

const matchers = new WeakMap<readonly string[], RegExp>();
function contextWords(words: readonly string[]): RegExp {
  let re = matchers.get(words);
  if (!re) {
    re = contextMatcher(words);
    matchers.set(words, re);
  }
  return re;
}
