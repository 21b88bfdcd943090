// RFC 3339 date-time with a mandatory offset; seconds fraction optional.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `value` is an RFC 3339 date-time that names a real calendar date and time. */
export function isRfc3339(value: unknown): value is string {
  // Called for several fields of every record, so it checks ranges without building a Date.
  if (typeof value !== 'string') return false;
  const m = RFC3339.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false;
  const offset = m[8]!;
  if (offset.length === 6 && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59))
    return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60;
}

/** Milliseconds since the epoch, or undefined when `value` is not a valid RFC 3339 date-time. */
export function parseRfc3339(value: string): number | undefined {
  if (!isRfc3339(value)) return undefined;
  // Date.parse does not accept a leap second; it names the same instant as :59 plus one second.
  const leapSecond = /:60(?=[.Zz+-])/.test(value);
  const ms = Date.parse(value.replace(' ', 'T').replace(/:60(?=[.Zz+-])/, ':59'));
  return Number.isNaN(ms) ? undefined : ms + (leapSecond ? 1000 : 0);
}
