// RFC 3339 date-time with a mandatory offset; seconds fraction optional.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** True when `value` is an RFC 3339 date-time that names a real instant. */
export function isRfc3339(value: unknown): value is string {
  return typeof value === 'string' && parseRfc3339(value) !== undefined;
}

/** Milliseconds since the epoch, or undefined when `value` is not a valid RFC 3339 date-time. */
export function parseRfc3339(value: string): number | undefined {
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const ms = Date.parse(value.replace(' ', 'T').replace(/:60(?=[.Zz+-])/, ':59'));
  return Number.isNaN(ms) ? undefined : ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
