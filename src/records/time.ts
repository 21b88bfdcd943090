const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `value` is an RFC 3339 date-time that names a real calendar date and time: the form
 * `YYYY-MM-DD[Tt ]hh:mm:ss[.f{1,9}](Z|z|+hh:mm|-hh:mm)`. Read character by character, without a
 * regular expression or a Date: it runs for several fields of every record of a build.
 */
export function isRfc3339(value: unknown): value is string {
  return typeof value === 'string' && isRfc3339At(value, 0, value.length);
}

/**
 * Whether bytes [start, end) are the UTF-8 of a string isRfc3339 accepts. Every character of
 * such a string is ASCII, a byte each, so the same check runs over the bytes: a build's record
 * reader need not decode a timestamp only to validate it (see read-record.ts).
 */
export function isRfc3339Bytes(bytes: Uint8Array, start: number, end: number): boolean {
  return isRfc3339At(bytes, start, end);
}

/** The check over the code units [start, end) of a string, or the bytes of a buffer. */
function isRfc3339At(text: string | Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n < 20) return false;
  const year = digits(text, start, 4);
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  const hour = digits(text, start + 11, 2);
  const minute = digits(text, start + 14, 2);
  const second = digits(text, start + 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return false;
  if (unitAt(text, start + 4) !== DASH || unitAt(text, start + 7) !== DASH) return false;
  const t = unitAt(text, start + 10);
  if (t !== 0x54 /* T */ && t !== 0x74 /* t */ && t !== 0x20) return false;
  if (unitAt(text, start + 13) !== COLON || unitAt(text, start + 16) !== COLON) return false;
  let i = 19;
  if (unitAt(text, start + i) === 0x2e /* . */) {
    i++;
    while (i < n && i < 29 && isDigit(unitAt(text, start + i))) i++;
    if (i === 20) return false;
  }
  // Past the end there is no zone: -1, not the byte that follows.
  const zone = i < n ? unitAt(text, start + i) : -1;
  if (zone === 0x5a /* Z */ || zone === 0x7a /* z */) {
    if (i + 1 !== n) return false;
  } else if (zone === 0x2b /* + */ || zone === DASH) {
    if (i + 6 !== n || unitAt(text, start + i + 3) !== COLON) return false;
    const offsetHours = digits(text, start + i + 1, 2);
    const offsetMinutes = digits(text, start + i + 4, 2);
    if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 23 || offsetMinutes > 59)
      return false;
  } else {
    return false;
  }
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false;
  return hour <= 23 && minute <= 59 && second <= 60;
}

const DASH = 0x2d;
const COLON = 0x3a;

/** The code unit (or byte) at `i`; callers stay below the end (n ≥ 20 covers the fixed part). */
function unitAt(text: string | Uint8Array, i: number): number {
  return typeof text === 'string' ? text.charCodeAt(i) : text[i]!;
}

/** The decimal number written by `count` ASCII digits at `at`, or -1 if one is not a digit. */
function digits(text: string | Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = at; k < at + count; k++) {
    const c = unitAt(text, k);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Milliseconds since the epoch, or undefined when `value` is not a valid RFC 3339 date-time. */
export function parseRfc3339(value: string): number | undefined {
  if (!isRfc3339(value)) return undefined;
  // Date.parse does not accept a leap second; it names the same instant as :59 plus one second.
  const leapSecond = /:60(?=[.Zz+-])/.test(value);
  const ms = Date.parse(value.replace(' ', 'T').replace(/:60(?=[.Zz+-])/, ':59'));
  return Number.isNaN(ms) ? undefined : ms + (leapSecond ? 1000 : 0);
}
