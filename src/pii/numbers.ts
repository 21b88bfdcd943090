import type { CountryCode } from 'libphonenumber-js/max';
import {
  compact,
  IBAN_LENGTHS,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  luhnValid,
  rvnrValid,
  ssnValid,
  steuerIdValid,
} from './checksums.js';
import { CONTEXT, hasContext } from './context.js';
import { phoneValid } from './phone-validity.js';
import type { Lang, PiiType } from './types.js';

/** Receives one candidate span (its score already raised by context); the detector filters and resolves overlaps. */
export type Emit = (start: number, end: number, type: PiiType, score: number) => void;

const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}/gu;
// Cheap tests (no look-behind, a literal start) that gate the full patterns.
const IBAN_HINT = /[A-Za-z]{2}\d{2}/;
const RVNR_HINT = /\d ?[A-Z] ?\d/;
// Never after "+": that is a calling code ("+44 07…" passes Luhn one time in ten).
const CARD = /(?<![\p{N}+])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\p{N}])/gu;
const IPV4 = /(?<![\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{N}]|\.\d)/gu;
const IPV6 =
  /(?<![\p{L}\p{N}:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}:])/gu;
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;
const TAX_ID = /(?<![\p{N}])[1-9]\d(?: ?\d){9}(?![\p{N}])/gu;
const RVNR = /(?<![\p{L}\p{N}])\d{2} ?\d{6} ?[A-Z] ?\d{3}(?![\p{L}\p{N}])/gu;
const SSN = /(?<![\p{N}-])\d{3}([- ])\d{2}\1\d{4}(?![\p{N}-])/gu;
const SSN_PLAIN = /(?<![\p{N}])\d{9}(?![\p{N}])/gu;
// Starts with +, 00, 0 or a digit after an opening parenthesis; at least seven digits follow.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|\(\+?)?\d[\d \u00a0()./-]{5,24}\d(?![\p{N}])/gu;
const NANP_FORMAT = /^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$/;
// "Version 10.4.2.1", "v2.0.1.3": four numbers with dots after a version word are no address.
// A whole word: "dev 10.0.0.5", "rebuild 1.2.3.4" end in "v" and "build" but name no version.
const VERSION_BEFORE = /(?:^|[^\p{L}])(?:version|release|firmware|build|update|v)\s*:?\s*$/iu;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

const NATIONAL_REGIONS: Record<Lang, readonly CountryCode[]> = {
  de: ['DE', 'AT', 'CH', 'GB'],
  en: ['GB', 'DE', 'AT', 'CH'],
};

/** Phones, IBANs, cards, IP addresses and the national identifiers. */
export function findNumbers(text: string, lang: Lang, emit: Emit): void {
  // Two colons with at most four hex digits between them: "Agent: … Kunde:" is no IPv6 address.
  if (IPV6_HINT.test(text)) {
    for (const m of text.matchAll(IPV6)) {
      if (m[0].length > 2 && ipv6Valid(m[0]))
        emit(m.index, m.index + m[0].length, 'IP_ADDRESS', 0.9);
    }
  }
  // Every other recognizer needs a number of digits, most of them in one run: count them once
  // and skip the passes that cannot match.
  const d = digitRuns(text);
  const digits = d.total;
  if (digits < 2) return;
  if (IBAN_HINT.test(text)) findIbans(text, emit);
  if (d.dashed >= 13) {
    for (const m of text.matchAll(CARD)) {
      const d = compact(m[0]);
      if (d.length >= 13 && d.length <= 19 && luhnValid(d))
        emit(m.index, m.index + m[0].length, 'CREDIT_CARD', 1);
    }
  }
  if (digits >= 4 && text.includes('.')) {
    for (const m of text.matchAll(IPV4))
      if (ipv4Valid(m[0]) && !VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)))
        emit(m.index, m.index + m[0].length, 'IP_ADDRESS', 0.9);
  }
  if (d.spaced >= 11) {
    for (const m of text.matchAll(TAX_ID)) {
      if (!steuerIdValid(compact(m[0]))) continue;
      const end = m.index + m[0].length;
      emit(m.index, end, 'DE_TAX_ID', hasContext(text, m.index, end, CONTEXT.DE_TAX_ID!) ? 1 : 0.8);
    }
  }
  if (digits >= 11 && RVNR_HINT.test(text)) {
    for (const m of text.matchAll(RVNR))
      if (rvnrValid(compact(m[0]))) emit(m.index, m.index + m[0].length, 'DE_PENSION_ID', 1);
  }
  if (d.dashed >= 9) {
    for (const m of text.matchAll(SSN)) {
      if (!ssnValid(compact(m[0]))) continue;
      const end = m.index + m[0].length;
      emit(m.index, end, 'US_SSN', hasContext(text, m.index, end, CONTEXT.US_SSN!) ? 1 : 0.85);
    }
  }
  if (d.pure >= 9) {
    for (const m of text.matchAll(SSN_PLAIN)) {
      const end = m.index + m[0].length;
      // Said as a social security number, nine digits are one, not a phone number.
      if (ssnValid(m[0]) && hasContext(text, m.index, end, CONTEXT.US_SSN!))
        emit(m.index, end, 'US_SSN', 1);
    }
  }
  if (d.phone >= 6) findPhones(text, lang, emit);
}

/**
 * Digit counts that gate the recognizers, each a necessary condition of its pattern: all ASCII
 * digits; the longest run of digits with nothing between them (SSN_PLAIN's nine), with at most
 * one space between two (TAX_ID's eleven), with at most one space or hyphen (CARD's thirteen,
 * SSN's nine); and the most digits in one stretch of the characters PHONE is made of (a phone
 * candidate needs seven).
 */
interface DigitRuns {
  total: number;
  pure: number;
  spaced: number;
  dashed: number;
  phone: number;
}

const runs: DigitRuns = { total: 0, pure: 0, spaced: 0, dashed: 0, phone: 0 };

function digitRuns(text: string): DigitRuns {
  let total = 0;
  let pure = 0;
  let spaced = 0;
  let dashed = 0;
  let phone = 0;
  let maxPure = 0;
  let maxSpaced = 0;
  let maxDashed = 0;
  let maxPhone = 0;
  let prevDigit = false;
  // A single space (or space or hyphen) right after a digit, which a further digit may follow.
  let afterSpace = false;
  let afterSpaceOrDash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      total++;
      pure = prevDigit ? pure + 1 : 1;
      spaced = prevDigit || afterSpace ? spaced + 1 : 1;
      dashed = prevDigit || afterSpaceOrDash ? dashed + 1 : 1;
      phone++;
      if (pure > maxPure) maxPure = pure;
      if (spaced > maxSpaced) maxSpaced = spaced;
      if (dashed > maxDashed) maxDashed = dashed;
      if (phone > maxPhone) maxPhone = phone;
      prevDigit = true;
      afterSpace = false;
      afterSpaceOrDash = false;
      continue;
    }
    afterSpace = prevDigit && c === 32;
    afterSpaceOrDash = prevDigit && (c === 32 || c === 45);
    prevDigit = false;
    // PHONE's characters: digits, space, no-break space, ( ) . / - and a leading +.
    if (
      !(
        c === 32 ||
        c === 0xa0 ||
        c === 40 ||
        c === 41 ||
        c === 46 ||
        c === 47 ||
        c === 45 ||
        c === 43
      )
    )
      phone = 0;
  }
  runs.total = total;
  runs.pure = maxPure;
  runs.spaced = maxSpaced;
  runs.dashed = maxDashed;
  runs.phone = maxPhone;
  return runs;
}

function findIbans(text: string, emit: Emit): void {
  for (const m of text.matchAll(IBAN)) {
    const raw = m[0].toUpperCase();
    const length = IBAN_LENGTHS[raw.slice(0, 2)];
    if (length === undefined) continue;
    // Walk the match until `length` characters (spaces not counted) are taken.
    let taken = 0;
    let i = 0;
    while (i < raw.length && taken < length) {
      if (raw[i] !== ' ') taken++;
      i++;
    }
    if (taken < length) continue;
    const end = m.index + i;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    if (ibanValid(compact(raw.slice(0, i)))) emit(m.index, end, 'IBAN', 1);
  }
}

function findPhones(text: string, lang: Lang, emit: Emit): void {
  for (const m of text.matchAll(PHONE)) {
    let candidate = m[0];
    // Try the whole run, then drop trailing space-separated groups ("… 2671 2024").
    for (let attempt = 0; attempt < 3 && candidate.length >= 7; attempt++) {
      const end = m.index + candidate.length;
      const score = phoneScore(candidate, lang, text, m.index, end);
      if (score > 0) {
        emit(m.index, end, 'PHONE', score);
        break;
      }
      const cut = candidate.search(/[ \u00a0][^ \u00a0]*$/);
      if (cut <= 0) break;
      candidate = candidate.slice(0, cut).replace(/[ \u00a0./-]+$/, '');
    }
  }
}

function phoneScore(
  candidate: string,
  lang: Lang,
  text: string,
  start: number,
  end: number,
): number {
  if (DATE_LIKE.test(candidate)) return 0;
  const context = hasContext(text, start, end, CONTEXT.PHONE!);
  const digits = candidate.replace(/\D/g, '');
  // "0049 151 …": the international prefix 00 stands for the plus and is no digit of the
  // number, which may have fifteen after it.
  const cleaned = candidate.replace(/\(0\)/, '');
  const length = digits.length - (digits.startsWith('00') ? 2 : 0);
  if (length < 7 || length > 15)
    return oddLengthPhone(candidate, digits, length, text, start, context);
  // The words before the number, read by the cues below (sliced once).
  const window = text.slice(Math.max(0, start - 32), start);
  let regions: readonly (CountryCode | undefined)[];
  if (cleaned.startsWith('+') || cleaned.startsWith('(+') || digits.startsWith('00'))
    regions = [undefined];
  else if (digits.startsWith('0')) regions = NATIONAL_REGIONS[lang];
  // No trunk prefix: only a North American number, and only in its usual layout or with a cue
  // (not one that names another number: "my policy number is 2369091147").
  else if (NANP_FORMAT.test(candidate)) regions = ['US'];
  else if (context && !NOT_A_PHONE.test(window)) regions = ['US'];
  else return GIVEN_AS_OWN_PHONE.test(window.toLowerCase()) ? 0.8 : 0;
  const international = digits.startsWith('00') ? `+${digits.slice(2)}` : cleaned;
  for (const region of regions) {
    if (phoneValid(region ? cleaned : international, region)) return context ? 1 : 0.9;
  }
  // A number someone gives as theirs ("ruf mich an unter …", "call me on …") is a phone number
  // even where the validator knows no such range; with a trunk prefix or a plus after any phone
  // cue, and in any form after one that says it is the speaker's own ("call me on 555 …").
  const before = window.toLowerCase();
  if ((digits.startsWith('0') || cleaned.startsWith('+')) && GIVEN_AS_PHONE.test(before))
    return 0.8;
  // Any phone cue in the window ("reach Tom at +44 7700 …", "text Priya on 555-0142") for a
  // number shaped as one: a plus or trunk prefix and nine digits or more, or a North American
  // number in its layout ("555.019.2107", a range no validator knows) or a local one; not when the words before say it is an order, invoice or account number.
  if (
    context &&
    (((digits.startsWith('0') || cleaned.startsWith('+')) && digits.length >= 9) ||
      LOCAL_NANP.test(candidate) ||
      NANP_FORMAT.test(candidate)) &&
    !NOT_A_PHONE.test(before)
  )
    return 0.75;
  // A plus and ten digits or more in one run ("+17224026148", or "plus one seven double two …"
  // as said): nothing but a phone number is written so, whatever range the validator knows.
  // Given as the speaker's own first: that is the stronger evidence. An order or account number
  // written with a plus is not a phone either.
  if (GIVEN_AS_OWN_PHONE.test(before)) return 0.8;
  return COMPACT_INTERNATIONAL.test(candidate) && !NOT_A_PHONE.test(before) ? 0.7 : 0;
}

/**
 * A number given as a phone number right after its cue ("new mobile is 079 556 (please check)",
 * "Handynummer: +49 162 78389049111") but a digit or two short or long: a phone number all the
 * same, its length a slip. With a plus or a trunk prefix only; six digits at the least; a number
 * too long also with a phone cue farther before when it has its international prefix.
 */
function oddLengthPhone(
  candidate: string,
  digits: string,
  length: number,
  text: string,
  start: number,
  context: boolean,
): number {
  if (length < 6 || length > 17) return 0;
  if (!digits.startsWith('0') && !candidate.startsWith('+')) return 0;
  const before = text.slice(Math.max(0, start - 32), start).toLowerCase();
  if (NOT_A_PHONE.test(before)) return 0;
  if (GIVEN_AS_PHONE.test(before) || GIVEN_AS_OWN_PHONE.test(before)) return 0.75;
  // Too long with its international prefix, a phone cue in the sentence before: "Neue
  // Handynummer von Anna Ott: 0049 163 60976831472".
  const international = candidate.startsWith('+') || digits.startsWith('00');
  return context && international && length > 15 ? 0.75 : 0;
}

const COMPACT_INTERNATIONAL = /^\+\d{10,14}$/;
const LOCAL_NANP = /^\d{3}-\d{4}$/;
// "customer" alone is the person ("per the customer: +44 …"); with a number word, their number.
const NOT_A_PHONE =
  /(?:order|invoice|customer(?=\s*(?:number|no\b|id\b|nr\b|#))|account|reference|ref|tracking|booking|ticket|serial|policy|membership|bestell|kunden|rechnungs|auftrags|vertrags|konto|referenz|sendungs|buchungs|versicherungs|mitglieds)\p{L}*\s*(?:number|no\.?|nummer|nr\.?)?\s*(?:is|ist|lautet)?\s*[:#.]?\s*$/iu;

const GIVEN_AS_OWN_PHONE =
  /(?<![\p{L}])(?:(?:call|text|ring|reach|phone) (?:me|him|her|them|us) (?:on|at)|(?:be |being )?(?:called|rung|phoned|reached)(?: back)? (?:on|at)|(?:call|ring|phone) (?:(?:me|him|her|them|us) )?back (?:on|at)|(?:get|reach|catch) (?:me|him|her|them|us) (?:at home |at work |at the office |in the office )?on|(?:i'm|i am|i’m|we're|we are) on|(?:please )?dial|(?:his|her|their|our) (?:(?:phone|mobile|cell)\s?)?number(?:'s| is)?|(?:seine|ihre) (?:(?:handy|telefon)\s?)?nummer(?: ist| lautet)?|give me a (?:call|ring) (?:on|at)|(?:ruf|rufe|ruft|rufen sie) mich (?:an )?(?:unter|auf)|(?:du )?erreichst (?:du )?mich unter|(?:erreichen sie|erreicht ihr|kannst du) mich (?:auch )?(?:unter|auf)|(?:my|meine) (?:(?:phone|mobile|cell|telephone|handy|telefon|mobil)\s?)?(?:number|nummer)(?:'s| is| ist| lautet)?|my (?:phone|mobile|cell)(?:'s| is)?)\s*[:.]?\s*$/u;

const GIVEN_AS_PHONE =
  /(?<![\p{L}])(?:unter|nummer|number|tel|telefon|telefonnummer|handy|handynummer|mobil|mobile|phone|cell|whatsapp|(?:call|text|ring|reach) me (?:on|at)|ruf(?:e)? mich (?:an )?(?:unter|auf)|erreichst du mich unter|erreichbar unter|fax)(?: ist| is| lautet)?\s*[:.]?\s*$/u;
