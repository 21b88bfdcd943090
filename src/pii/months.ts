// Months' names, for the rules that read dates (patterns.ts, spoken-forms.ts) and those that keep
// a month from being taken for a name (non-places.ts, person-shapes.ts). One list a kind, so the
// rules cannot come to know different months; each rule says which of them it reads.

/** German months in full, in their order, with the Austrian "jänner" and "maerz" for "märz". */
export const DE_MONTHS: readonly string[] =
  'januar jänner februar märz maerz april mai juni juli august september oktober november dezember'.split(
    ' ',
  );
/** German months as abbreviated in dates ("3. Okt. 2020"). */
export const DE_MONTH_ABBREVIATIONS: readonly string[] =
  'jan feb mär apr jun jul aug sep sept okt nov dez'.split(' ');
/** English months in full, in their order. */
export const EN_MONTHS: readonly string[] =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
/** English months as abbreviated in dates ("Nov 14, 2020"). */
export const EN_MONTH_ABBREVIATIONS: readonly string[] =
  'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' ');
/** The spellings of "jänner" and "märz" that only a date rule reads. */
export const DE_MONTH_VARIANTS: ReadonlySet<string> = new Set(['jänner', 'maerz']);
