/** The kinds of personal data the detector reports. Custom identifiers add their own names. */
export type PiiType =
  | 'PERSON'
  | 'LOCATION'
  | 'ADDRESS'
  | 'EMAIL'
  | 'PHONE'
  | 'IBAN'
  | 'CREDIT_CARD'
  | 'IP_ADDRESS'
  | 'DE_TAX_ID'
  | 'DE_PENSION_ID'
  | 'US_SSN'
  | 'DATE_OF_BIRTH'
  | 'VEHICLE_PLATE'
  | 'URL'
  | 'HANDLE'
  | (string & {});

/**
 * One finding. `start` and `end` are JavaScript string indices (UTF-16 code units), so
 * `text.slice(start, end) === span.text` always holds for the text that was scanned.
 */
export interface PiiSpan {
  readonly start: number;
  readonly end: number;
  readonly type: PiiType;
  /** 0..1; 1 means a checksum or metadata validated it. */
  readonly score: number;
  readonly text: string;
}

export type Lang = 'de' | 'en';

/** A caller-defined identifier: account numbers, device serials, customer numbers. */
export interface CustomIdentifier {
  readonly type: string;
  /** Matched as a whole token; flags other than `u` are ignored. */
  readonly pattern: RegExp | string;
  /** When given, a match counts only with one of these words shortly before it. */
  readonly context?: readonly string[];
  readonly score?: number;
}
