// Checks shared by the blind evaluation sets' tests (blind4, blind5). They look at a set's texts
// and markup only; the detector is neither imported nor run here.
import { expect } from 'vitest';
import type { Labelled } from '../../bench/pii-eval/markup.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `w` as a whole word (no letter or digit either side), case-insensitive. */
export const wholeWord = (w: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu');

/**
 * The strings of `mine` that another set already uses: named in one of its lists, or occurring
 * as a whole word in one of its texts. A blind set wants this to be empty.
 */
export function seenElsewhere(
  mine: readonly string[],
  otherTexts: readonly string[],
  otherLists: readonly string[] = [],
): string[] {
  const lists = new Set(otherLists.map((w) => w.toLowerCase()));
  // One pass over the texts per string is slow for thousands of texts; joining them with a
  // separator that is neither letter nor digit keeps whole-word matches exact.
  const all = otherTexts.join('\n');
  return [...new Set(mine)].filter((w) => lists.has(w.toLowerCase()) || wholeWord(w).test(all));
}

/** The gold values of one type in one kind of text. */
export const valuesOf = (set: readonly Labelled[], kind: string, type: string): string[] =>
  set.flatMap((x) =>
    x.kind === kind
      ? x.spans.filter((s) => s.type === type).map((s) => x.text.slice(s.start, s.end))
      : [],
  );

/**
 * A text's markup is sound: spans in order, not overlapping, inside the text, neither starting
 * nor ending inside a word or on a space; spoken texts are lower-case words only.
 */
export function expectWellFormed(x: Labelled): void {
  // What is wrong, asserted once per text: an assertion per span cost more than the generator.
  const wrong: string[] = [];
  if (x.kind === 'spoken' && !/^[\p{Ll}\p{M} ]+$/u.test(x.text)) wrong.push('spoken text');
  let end = 0;
  for (const s of [...x.spans].sort((a, b) => a.start - b.start)) {
    const span = `${s.start}-${s.end}`;
    if (!(s.start >= end)) wrong.push(`${span} overlaps`);
    if (!(s.end > s.start)) wrong.push(`${span} empty`);
    if (!/^[\p{L}\p{N}+(].*[\p{L}\p{N}]$|^\p{L}$/su.test(x.text.slice(s.start, s.end)))
      wrong.push(`${span} edges`);
    end = s.end;
  }
  if (!(end <= x.text.length)) wrong.push('span after the end');
  expect(wrong, x.text).toEqual([]);
}

const TYPES = [
  'PERSON',
  'LOCATION',
  'ADDRESS',
  'PHONE',
  'EMAIL',
  'IP_ADDRESS',
  'VEHICLE_PLATE',
  'DATE_OF_BIRTH',
  'IBAN',
  'CREDIT_CARD',
] as const;

/** How many texts of what kinds a blind set must have, per language. */
export interface SetShape {
  readonly texts: readonly [min: number, max: number];
  /** PII-free texts, and those of them that use a word-name as a word, more than these. */
  readonly free: number;
  readonly freeWithWordNames: number;
  readonly wordNames: (lang: 'de' | 'en') => readonly string[];
  /** Types beside TYPES that a language has, and those it must not have. */
  readonly extraTypes: (lang: 'de' | 'en') => readonly string[];
  readonly absentTypes: (lang: 'de' | 'en') => readonly string[];
  /** Texts with each type, in each kind, at least. */
  readonly perType: number;
}

/** Per language: text count, half spoken, PII-free texts with word-names, every type in both kinds. */
export function expectSetShape(set: readonly Labelled[], shape: SetShape): void {
  for (const lang of ['de', 'en'] as const) {
    const mine = set.filter((x) => x.lang === lang);
    expect(mine.length).toBeGreaterThanOrEqual(shape.texts[0]);
    expect(mine.length).toBeLessThanOrEqual(shape.texts[1]);
    expect(mine.filter((x) => x.kind === 'spoken').length).toBe(mine.length / 2);
    const free = mine.filter((x) => x.spans.length === 0);
    expect(free.length).toBeGreaterThan(shape.free);
    // Over-redaction is measured on everyday words that are also names in the set.
    const words = shape.wordNames(lang);
    expect(free.filter((x) => words.some((w) => wholeWord(w).test(x.text))).length).toBeGreaterThan(
      shape.freeWithWordNames,
    );
    for (const kind of ['written', 'spoken'] as const)
      for (const type of [...TYPES, ...shape.extraTypes(lang)])
        expect(
          mine.filter((x) => x.kind === kind && x.spans.some((s) => s.type === type)).length,
          `${lang} ${kind} ${type}`,
        ).toBeGreaterThanOrEqual(shape.perType);
    for (const type of shape.absentTypes(lang))
      expect(mine.some((x) => x.spans.some((s) => s.type === type))).toBe(false);
  }
}
