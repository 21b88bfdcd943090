import { ssnValid } from './checksums.js';
import { CONTEXT, contextMatcher, hasContext } from './context.js';
import type { Emit } from './numbers.js';

/**
 * Social security numbers in an English transcript said without naming them: "i gave my
 * accountant the number two one six oh seven …", "the number is five double two nine …". The
 * spoken-form normaliser has written the digits as one run of nine; nine digits make no US or
 * British phone number (ten or eleven), so a run of exactly nine with an SSN's structure, after
 * "the number" or a word of taxes and pay, is taken as one ("my number is …" stays a phone's). Runs on the normalised text only: a
 * written nine-digit number is an order's or a ticket's as often, and needs "SSN" itself
 * (`numbers.ts`).
 */

const NINE = /(?<![\p{N}])\d{9}(?![\p{N}])/gu;
// What a speaker says before the number: "the number" (not "my number", which is a phone's), or
// who or what it is for.
const CUE = contextMatcher([
  'the number',
  'accountant',
  'tax',
  'taxes',
  'irs',
  'payroll',
  'employer',
  'benefits',
  'w2',
  'w-2',
]);
// The nouns of other numbers of nine digits: a phone's, an order's, an account's.
const OTHER_NUMBER = contextMatcher([
  'phone',
  'mobile',
  'cell',
  'call',
  'ring',
  'text',
  'whatsapp',
  'order',
  'tracking',
  'reference',
  'ticket',
  'booking',
  'confirmation',
  'account',
  'policy',
  'invoice',
  'case',
  'customer',
  'member',
  'membership',
  'flight',
  'pin',
  'code',
  'passport',
  'licence',
  'license',
  'routing',
  'sort',
]);
const WINDOW = 40;

/** `scan` is the normalised transcript; spans are emitted on it (the caller maps them back). */
export function findSpokenSsns(scan: string, emit: Emit): void {
  for (const m of scan.matchAll(NINE)) {
    const end = m.index + m[0].length;
    if (!ssnValid(m[0]) || hasContext(scan, m.index, end, CONTEXT.US_SSN!)) continue;
    const before = scan.slice(Math.max(0, m.index - WINDOW), m.index).toLowerCase();
    if (CUE.test(before) && !OTHER_NUMBER.test(before)) emit(m.index, end, 'US_SSN', 0.9);
  }
}
