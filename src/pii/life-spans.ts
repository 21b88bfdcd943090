// A life's span, as death notices and gravestones write it: the first date is a date of birth
// though no word says "born":
// - "* 14.05.1941  † 2. Januar 2026": the death mark after the date (the star before it may
//   stand at a line's start, where `patterns.ts` takes a star for a list's bullet);
// - "14 June 1948 – 2 December 2026" in a text that speaks of a death ("passed away", "in
//   loving memory", "verstorben", "Trauer"): a span of time otherwise ("employed 3 May 2019 –
//   4 June 2020"), which `birth-dates.ts` keeps out.

// The death mark right after the date, with at most a dash between.
const DEATH_MARK_AFTER = /^[ \t]*(?:[–—-][ \t]*)?[†✝]/u;
// A dash and the next date (its day, or a month's name and a day).
const SPAN_AFTER = /^[ \t]*[–—-][ \t]*(?:\d|\p{L}{3,9}\.? \d)/u;
const DEATH_WORDS =
  /[†✝]|passed away|died|in loving memory|obituary|funeral|rest in peace|in memoriam|memorial service|verstorben|gestorben|entschlafen|in stiller trauer|in liebe und dankbarkeit|nachruf|beerdigung|trauerfeier|beisetzung/iu;
// How far from the date a death word may stand: a notice is short.
const REACH = 240;

/** Whether the date at start..end opens a life's span: the person's date of birth. */
export function lifeSpanBirth(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 16);
  if (DEATH_MARK_AFTER.test(after)) return true;
  if (!SPAN_AFTER.test(after)) return false;
  return DEATH_WORDS.test(text.slice(Math.max(0, start - REACH), end + REACH));
}
