import { type CountryCode, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * `parsePhoneNumberFromString(text, region)?.isValid()` of libphonenumber-js (max metadata),
 * with its steps taken in the same order over the same metadata, but with each pattern compiled
 * once per numbering plan. The library builds a `RegExp` from the metadata's pattern text on
 * every test (`matchesEntirely`, the national prefix, the IDD prefix, leading digits) and copies
 * its options and metadata wrappers on every call: about a tenth of detectPii's time.
 *
 * Only the strings the phone candidates of numbers.ts are made of take this path: digits,
 * spaces, no-break spaces, `( ) . / -`, and a `+` at the start or after a first `(`. Within
 * those the library's text steps reduce to simple ones: no RFC 3966 parameter (no `;`), no
 * extension (every extension label needs a letter, `#`, `~`, `,` or `;`), every character
 * valid phone punctuation. Any other string goes to the library itself. Tested against the
 * library on generated strings (test/pii/phone-validity.test.ts).
 */
export function phoneValid(text: string, region?: CountryCode): boolean {
  if (!inDomain(text)) return parsePhoneNumberFromString(text, region)?.isValid() ?? false;
  // The library drops a region its metadata does not know.
  const known = region && metadata().hasCountry(region) ? region : undefined;
  // The library's extraction: from the first `+` or digit to the last digit.
  let start = 0;
  while (start < text.length && !plusOrDigit(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && !digit(text.charCodeAt(end - 1))) end--;
  if (end <= start) return false;
  // Viability: two digits alone, or three digits or more among phone punctuation (the domain).
  let digits = text.charCodeAt(start) === PLUS ? '+' : '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (digit(c)) digits += text[i];
  }
  const count = digits.length - (digits[0] === '+' ? 1 : 0);
  const twoDigitsAlone = end - start === 2 && count === 2;
  if (count < 3 && !twoDigitsAlone) return false;
  return parsedValid(digits, known);
}

const PLUS = 43;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const digit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9;
const plusOrDigit = (c: number): boolean => c === PLUS || digit(c);

/** Digits, ` `, no-break space, `( ) . / -`; a `+` first or after a first `(`; 250 at most. */
function inDomain(text: string): boolean {
  if (text.length > 250) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (digit(c) || c === 32 || c === 0xa0 || c === 40 || c === 41 || c === 46 || c === 47)
      continue;
    if (c === 45) continue;
    if (c === PLUS && (i === 0 || (i === 1 && text.charCodeAt(0) === 40))) continue;
    return false;
  }
  return true;
}

/** The library's `parse` (v2) of the digits, then `isValid()` of the number it makes. */
function parsedValid(digits: string, region: CountryCode | undefined): boolean {
  let number = digits;
  let callingCode: string | undefined;
  let country: string | undefined;
  let plan: Plan;
  // extractCountryCallingCode
  if (number[0] !== '+') {
    const withoutIdd = stripIddPrefix(number, region);
    if (withoutIdd && withoutIdd !== number) number = `+${withoutIdd}`;
    else {
      const found = region ? callingCodeWithoutPlus(number, region) : undefined;
      if (found) {
        callingCode = found;
        number = number.slice(found.length);
      } else if (region) {
        // A national number: the region's plan.
        country = region;
        plan = planOf(region);
        callingCode = plan.callingCode;
      } else return false;
    }
  }
  if (callingCode === undefined) {
    // An international number: country calling codes do not start with 0, and none is the
    // start of another.
    if (number[1] === '0') return false;
    for (let i = 2; i - 1 <= 3 && i <= number.length; i++) {
      const code = number.slice(1, i);
      if (hasCallingCode(code)) {
        callingCode = code;
        number = number.slice(i);
        break;
      }
    }
    if (callingCode === undefined) return false;
  }
  plan = country ? planOf(country) : planOf(callingCode);
  if (!number) return false;
  const national = extractNationalNumber(number, plan);
  const exact = countryByCallingCode(callingCode, national);
  if (exact) country = exact;
  if (!national || national.length < 2 || national.length > 17) return false;
  // isValid(): the country's plan, else the calling code's.
  const valid = planOf(country ?? callingCode);
  return valid.hasTypes ? hasType(national, valid) : valid.national.test(national);
}

/** A numbering plan's patterns, compiled once. */
interface Plan {
  readonly callingCode: string;
  /** As the library tests it: `^(?:pattern)$`. */
  readonly national: RegExp;
  readonly lengths: readonly number[] | undefined;
  /** The IDD prefix, unanchored (the library tests `search(…) === 0`). */
  readonly idd: RegExp | undefined;
  /** `^(?:national prefix for parsing)`. */
  readonly prefixForParsing: RegExp | undefined;
  readonly transformRule: string | undefined;
  /** Unanchored, as `leadingDigits()` is searched. */
  readonly leadingDigits: RegExp | undefined;
  readonly hasTypes: boolean;
  /** Fixed line first, then the library's other types in its order; those with a pattern. */
  readonly types: readonly { readonly pattern: RegExp; readonly lengths?: readonly number[] }[];
}

/** The library's numbering-plan accessors used here (not in its type declarations). */
interface LibraryPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface LibraryMetadata {
  selectNumberingPlan(key: string): void;
  numberingPlan?: LibraryPlan;
  hasCountry(country: string): boolean;
  hasCallingCode(code: string): boolean | undefined;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
}

const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

let library: LibraryMetadata | undefined;
function metadata(): LibraryMetadata {
  library ??= new (Metadata as unknown as new () => LibraryMetadata)();
  return library;
}

const plans = new Map<string, Plan>();
/** The plan of a country (`DE`) or of a calling code (`49`: its main country's, as the library selects it). */
function planOf(key: string): Plan {
  let plan = plans.get(key);
  if (!plan) {
    const m = metadata();
    m.selectNumberingPlan(key);
    const p = m.numberingPlan!;
    const idd = p.IDDPrefix();
    const prefix = p.nationalPrefixForParsing();
    const leading = p.leadingDigits();
    const types: { pattern: RegExp; lengths?: readonly number[] }[] = [];
    for (const t of TYPES) {
      const type = p.type(t);
      if (!type?.pattern()) continue;
      const lengths = type.possibleLengths();
      types.push({ pattern: whole(type.pattern()), ...(lengths ? { lengths } : {}) });
    }
    plan = {
      callingCode: p.callingCode(),
      national: whole(p.nationalNumberPattern()),
      lengths: p.possibleLengths() || undefined,
      idd: idd ? new RegExp(idd) : undefined,
      prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
      transformRule: p.nationalPrefixTransformRule() || undefined,
      leadingDigits: leading ? new RegExp(leading) : undefined,
      hasTypes: p.hasTypes(),
      types,
    };
    plans.set(key, plan);
  }
  return plan;
}

/** `matchesEntirely`'s pattern. */
function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

const callingCodes = new Map<string, boolean>();
function hasCallingCode(code: string): boolean {
  let known = callingCodes.get(code);
  if (known === undefined) {
    known = Boolean(metadata().hasCallingCode(code));
    callingCodes.set(code, known);
  }
  return known;
}

/** `stripIddPrefix`: the number after the region's IDD prefix, unless a 0 follows it. */
function stripIddPrefix(number: string, region: CountryCode | undefined): string | undefined {
  if (!region) return undefined;
  const idd = planOf(region).idd;
  // `new RegExp(undefined)` matches the empty string at 0, which strips nothing.
  if (!idd) return number;
  if (number.search(idd) !== 0) return undefined;
  const rest = number.slice(number.match(idd)![0].length);
  if (rest[0] === '0') return undefined;
  return rest;
}

/**
 * `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign`: the region's calling code
 * when the number starts with it and reads better without it.
 */
function callingCodeWithoutPlus(number: string, region: CountryCode): string | undefined {
  const plan = planOf(region);
  const code = plan.callingCode;
  if (number.indexOf(code) !== 0) return undefined;
  const shorter = extractNationalNumber(number.slice(code.length), plan);
  const whole = extractNationalNumber(number, plan);
  if (
    (!plan.national.test(whole) && plan.national.test(shorter)) ||
    lengthCheck(whole, plan) === 'TOO_LONG'
  )
    return code;
  return undefined;
}

/** `extractNationalNumber`: strips a national prefix where the rest still makes a number. */
function extractNationalNumber(number: string, plan: Plan): string {
  const national = withoutNationalPrefix(number, plan);
  if (national !== number) {
    if (plan.national.test(number) && !plan.national.test(national)) return number;
    if (plan.lengths) {
      const country = countryByCallingCode(plan.callingCode, national);
      const check = lengthCheck(national, country ? planOf(country) : plan);
      if (check === 'TOO_SHORT' || check === 'INVALID_LENGTH') return number;
    }
  }
  return national;
}

/** `extractNationalNumberFromPossiblyIncompleteNumber`, the national number alone. */
function withoutNationalPrefix(number: string, plan: Plan): string {
  const prefix = plan.prefixForParsing;
  if (!number || !prefix) return number;
  const m = prefix.exec(number);
  if (!m) return number;
  const groups = m.length - 1;
  const captured = groups > 0 && m[groups];
  if (plan.transformRule && captured) return number.replace(prefix, plan.transformRule);
  return number.slice(m[0].length);
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';
/** `checkNumberLength` against a plan's possible lengths. */
function lengthCheck(national: string, plan: Plan): LengthCheck {
  const lengths = plan.lengths;
  if (!lengths) return 'IS_POSSIBLE';
  const n = national.length;
  const min = lengths[0]!;
  if (min === n) return 'IS_POSSIBLE';
  if (min > n) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < n) return 'TOO_LONG';
  return lengths.indexOf(n, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** `getCountryByCallingCode`: the one country of a code, or the first its number fits. */
function countryByCallingCode(code: string, national: string): string | undefined {
  const countries = metadata().getCountryCodesForCallingCode(code);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planOf(country);
    if (plan.leadingDigits) {
      if (national && national.search(plan.leadingDigits) === 0) return country;
    } else if (hasType(national, plan)) return country;
  }
  return undefined;
}

/** Whether `getNumberType` finds a type: the national pattern, then any type's length and pattern. */
function hasType(national: string, plan: Plan): boolean {
  if (!plan.national.test(national)) return false;
  for (const t of plan.types) {
    if (t.lengths && t.lengths.indexOf(national.length) < 0) continue;
    if (t.pattern.test(national)) return true;
  }
  return false;
}
