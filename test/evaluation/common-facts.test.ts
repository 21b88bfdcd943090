import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsentState, PseudonymCache } from '../../src/consent/index.js';
import { CommonFacts } from '../../src/evaluation/common-facts.js';
import {
  evaluateLineWith,
  type LineContext,
  type LineOutcome,
} from '../../src/evaluation/evaluate-line.js';
import { policyFieldScanner, readScannedRecord } from '../../src/evaluation/read-record.js';
import { SAMPLE_ERROR_FIELD } from '../../src/io/webdataset.js';
import { compilePolicy, DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { MAPPING_ERROR_FIELD, validateItem } from '../../src/records/index.js';
import { WARC_ERROR_FIELD } from '../../src/warc/index.js';

// The common-shape path (common-facts.ts) against the general one (readScannedRecord,
// validateItem) over random records: plain and escaped strings, Unicode, repeated keys, wrong
// types, missing members, odd dates and regions, broken JSON. Every outcome must be the same:
// decision, reasons, rejection code and message, id, output line, pseudonym.

/** Present one time in 41. */
const rare = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, value);
/** Absent one time in `freq`. */
const maybe = <T>(value: fc.Arbitrary<T>, freq = 3) => fc.option(value, { nil: undefined, freq });
const space = fc.constantFrom('', '', '', ' ', '\t', ' \r\n ');
const anyValue = fc.constantFrom(
  '"x"',
  '""',
  '"a\\u00e9\\n"',
  '"\\ud800"',
  '"é😀"',
  '1',
  '-0.5e3',
  'null',
  'true',
  'false',
  '{}',
  '[]',
  '{"id":"inner","kind":"text"}',
  '[{"a":[1,{"b":null}]}]',
);
const asciiWord = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.@'.split('')),
    minLength: 1,
  })
  .map((s) => JSON.stringify(s));
const unicodeWord = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
  .map((s) => JSON.stringify(s));

/** A member list written as an object: shuffled, spaced, sometimes with a repeated member. */
const object = (members: Record<string, fc.Arbitrary<string | undefined>>, names = OTHER_NAMES) =>
  fc
    .tuple(
      fc.record(members),
      fc.uniqueArray(fc.tuple(fc.constantFrom(...names), anyValue), {
        maxLength: 2,
        selector: ([name]) => name,
      }),
      fc.boolean(),
      space,
      fc.noBias(fc.nat()),
    )
    .chain(([m, extra, repeat, sp, seed]) => {
      const parts = Object.entries(m).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]]));
      for (const [k, v] of extra) parts.push([k, v]);
      // A repeated member: the same name again, or written with an escape.
      if (repeat && parts.length > 0 && seed % 8 === 0) {
        const [k, v] = parts[seed % parts.length]!;
        parts.push([
          seed % 2 === 0 ? k! : `\\u00${k!.charCodeAt(0).toString(16)}${k!.slice(1)}`,
          v!,
        ]);
      }
      return fc
        .shuffledSubarray(parts, { minLength: parts.length })
        .map(
          (shuffled) =>
            `{${sp}${shuffled.map(([k, v]) => `"${k}"${sp}:${sp}${v}`).join(`,${sp}`)}${sp}}`,
        );
    });
// Names that are not looked for, and some that are, at the wrong depth.
const NAMES = ['lang', 'meta', 'tags', 'account', 'platform', 'tdm_reserved', 'é'];
const OTHER_NAMES = ['lang', 'meta', 'é'];

const time = fc.oneof(
  { weight: 8, arbitrary: fc.constant('"2024-03-16T10:01:00Z"') },
  fc.constantFrom(
    '"2024-03-16T10:01:00Z"',
    '"2024-03-16t10:01:00z"',
    '"2024-03-16 10:01:00+01:00"',
    '"2024-03-16T10:01:00.123456789-23:59"',
    '"2024-03-16T10:01:00.1234567891Z"',
    '"2024-03-16T10:01:00"',
    '"2024-03-16T10:01:00+24:00"',
    '"2024-02-29T23:59:60Z"',
    '"2023-02-29T00:00:00Z"',
    '"2024-13-16T10:01:00Z"',
    '"2024-03-16T10:01:00\\u005a"',
    '"２024-03-16T10:01:00Z"',
    '"2024-03-16T10:01:00Zé"',
    '"2024-03-16"',
    'null',
    '20240316',
  ),
);
const plainOrOdd = (plain: fc.Arbitrary<string>, odd: readonly string[]) =>
  fc.oneof({ weight: 30, arbitrary: plain }, fc.constantFrom(...odd), anyValue);
const platformAccount = (required: boolean) => ({
  platform: (required ? (a: fc.Arbitrary<string>) => a : maybe)(
    plainOrOdd(fc.constantFrom('"instagram"', '"x"', '"plätt"'), [
      '""',
      '"\\u0066b"',
      '"a\\u0000b"',
      '"\\udc00"',
    ]),
  ),
  account: (required ? (a: fc.Arbitrary<string>) => a : maybe)(
    plainOrOdd(fc.oneof(asciiWord, unicodeWord), [
      '""',
      '"a\\"b"',
      '"\\ud83d\\ude00"',
      '"x\\ud800"',
    ]),
  ),
});
const subject = fc.oneof(
  {
    weight: 6,
    arbitrary: object(
      {
        ...platformAccount(true),
        age: maybe(
          plainOrOdd(fc.constantFrom('"adult"', '"minor"', '"unknown"'), [
            '"Adult"',
            '"m\\u0069nor"',
            '"old"',
          ]),
        ),
        region: maybe(
          plainOrOdd(fc.constantFrom('"DE"', '"de"', '"dE"', '"US"', '"fr"', '"GB"'), [
            '"XX"',
            '"EU"',
            '"D"',
            '"DEU"',
            '"\\u0044E"',
            '"ß"',
            '"D1"',
            '"Dé"',
            '"  "',
          ]),
        ),
      },
      OTHER_NAMES,
    ),
  },
  object({ ...platformAccount(false) }),
  anyValue,
);
const source = fc.oneof(
  {
    weight: 4,
    arbitrary: object({
      url: maybe(plainOrOdd(fc.constantFrom('"https://x.example/1"'), ['"h\\/t"'])),
      collector: maybe(plainOrOdd(fc.constantFrom('"c@1"', '"é"', '"a\\u00e9"'), ['1'])),
      dataset: maybe(plainOrOdd(fc.constantFrom('"d@1"'), ['"\\u0064"'])),
      license: maybe(plainOrOdd(fc.constantFrom('"cc-by"'), ['null'])),
      collected_at: maybe(time),
      legal_basis: maybe(
        plainOrOdd(fc.constantFrom('"consent"', '"legitimate_interest"', '"contract"'), [
          '"none"',
          '"Consent"',
          '"c\\u006fntract"',
        ]),
      ),
    }),
  },
  anyValue,
);
const id = fc.oneof(
  { weight: 6, arbitrary: asciiWord },
  unicodeWord,
  fc.constantFrom(
    '""',
    '"\\u0069d"',
    '"x\\ud800"',
    '"\\ud83d\\ude00"',
    `"${'i'.repeat(512)}"`,
    `"${'i'.repeat(513)}"`,
    `"${'i'.repeat(510)}é"`,
    `"${'é'.repeat(300)}"`,
    '7',
    'null',
  ),
);
const record = object(
  {
    id: maybe(id, 30),
    kind: maybe(
      plainOrOdd(fc.constantFrom('"text"', '"image"', '"audio"'), [
        '"video"',
        '"Text"',
        '"t\\u0065xt"',
      ]),
      12,
    ),
    text: maybe(plainOrOdd(fc.constantFrom('"hello"', '"é😀 \\n"'), ['""']), 10),
    media: maybe(plainOrOdd(fc.constantFrom('"a.jpg"', '"bad.jpg"'), ['""', '"\\u0061.jpg"'])),
    subject: maybe(subject),
    visibility: maybe(
      plainOrOdd(fc.constantFrom('"public"', '"private"'), ['"secret"', '"p\\u0075blic"']),
    ),
    created_at: maybe(time),
    source: maybe(source),
    signals: maybe(
      fc.oneof(
        {
          weight: 8,
          arbitrary: object({
            tdm_reserved: maybe(
              plainOrOdd(fc.constantFrom('true', 'false'), ['"yes"', 'null', '0', '"true"']),
            ),
          }),
        },
        anyValue,
      ),
    ),
    _obhut: rare(fc.constantFrom('{}', 'null')),
    [SAMPLE_ERROR_FIELD]: rare(fc.constantFrom('"broken"', '1')),
    [WARC_ERROR_FIELD]: rare(fc.constantFrom('"truncated"', 'null')),
    [MAPPING_ERROR_FIELD]: rare(fc.constant('"no such value"')),
  },
  NAMES,
);
/** A record, now and then cut short, wrapped or padded. */
const line = fc
  .tuple(record, fc.noBias(fc.nat(20)), fc.noBias(fc.nat()), space, space)
  .map(([text, how, at, a, b]) => {
    if (how === 0) return text.slice(0, at % (text.length + 1));
    if (how === 1) return `[${text}]`;
    if (how === 2) return `${text}x`;
    return `${a}${text}${b}`;
  });

const REGIONS: Policy['regions'][] = [
  {},
  { DE: { default: 'exclude' } },
  { EU: { default: 'exclude' }, FR: { default: 'include' } },
];
const policy: fc.Arbitrary<Policy> = fc.record({
  purpose: fc.constant('ai_training' as const),
  default: fc.constantFrom('include' as const, 'exclude' as const),
  regions: fc.constantFrom(...REGIONS),
  exclude_private: fc.boolean(),
  exclude_minors: fc.boolean(),
  unknown_age: fc.constantFrom('include' as const, 'exclude' as const),
  honor_tdm_reservation: fc.boolean(),
});
const STATES: readonly ConsentState[] = ['none', 'objected', 'consented'];
function context(p: Policy): LineContext {
  return {
    policy: compilePolicy(p),
    subjects: new PseudonymCache<ConsentState>(Buffer.alloc(32, 7), (d) => STATES[d[0]! % 3]!, 64),
    resolveMedia: (_input, media) =>
      media.startsWith('bad') ? `media ${media} is not there` : { file: `/m/${media}` },
    describeMedia: (file) => ({
      path: `media/${file.length}.jpg`,
      sha256: 'ab',
      bytes: file.length,
    }),
  };
}

/** An outcome as plain data: the admitted line's head as text, the subject as its pseudonym. */
function plain(outcome: LineOutcome, ctx: LineContext) {
  if (outcome.kind !== 'admitted') return outcome;
  const { head, subject, ...rest } = outcome;
  return {
    ...rest,
    head: head.toString('latin1'),
    subject: subject === undefined ? undefined : ctx.subjects.pseudonym(subject),
  };
}

describe('the common-shape path', () => {
  it('gives every line the outcome of the general path (property)', () => {
    let common = 0;
    let kinds = new Set<string>();
    const facts = new CommonFacts();
    const scanner = policyFieldScanner();
    fc.assert(
      fc.property(policy, fc.array(line, { minLength: 1, maxLength: 8 }), (p, lines) => {
        const fast = context(p);
        const general = context(p);
        lines.forEach((text, k) => {
          const bytes = Buffer.from(text, 'utf8');
          const l = { number: k + 2, bytes, tooLong: false };
          if (scanner.scan(bytes) === undefined && facts.read(bytes, scanner)) common++;
          const a = plain(evaluateLineWith(l, 0, fast, true), fast);
          const b = plain(evaluateLineWith(l, 0, general, false), general);
          expect(a).toEqual(b);
          kinds.add(a.kind === 'excluded' ? a.reasons.join() : a.kind);
        });
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the path, and both decisions on it.
    expect(common).toBeGreaterThan(1000);
    expect(kinds).toContain('admitted');
    expect(kinds).toContain('rejected');
    kinds = new Set([...kinds].filter((k) => k.includes('objected')));
    expect(kinds.size).toBeGreaterThan(0);
  });

  it('reads only records validateItem accepts, with the same facts (property)', () => {
    const facts = new CommonFacts();
    const scanner = policyFieldScanner();
    let read = 0;
    fc.assert(
      fc.property(line, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        if (scanner.scan(bytes) !== undefined || !facts.read(bytes, scanner)) return;
        read++;
        const { id, kind, media, region, age, visibility, tdmReserved } = facts;
        const account = facts.hasAccount
          ? {
              platform: bytes.toString('utf8', facts.platformStart, facts.platformEnd),
              account: bytes.toString('utf8', facts.accountStart, facts.accountEnd),
            }
          : undefined;
        const scanned = readScannedRecord(bytes, scanner);
        expect(scanned.ok).toBe(true);
        const valid = validateItem(scanned.ok ? scanned.value : undefined);
        expect(valid).toEqual({
          ok: true,
          value: { id, kind, media, region, age, visibility, tdmReserved, account },
        });
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it('takes the common record of the bench corpus', () => {
    const text =
      '{"id":"post-0000002","kind":"text","text":"Unpopular opinion","subject":{"platform":"instagram","account":"17841668527391","age":"adult","region":"DE"},"visibility":"public","created_at":"2024-03-16T10:01:00Z","source":{"url":"https://www.instagram.com/p/huOY7Hu-jlT/","collected_at":"2025-05-19T09:42:36Z","collector":"crawler-eu-1@3.4.2","dataset":"social-crawl@2025.05","license":"platform-terms","legal_basis":"legitimate_interest"}}';
    const bytes = Buffer.from(text);
    const scanner = policyFieldScanner();
    const facts = new CommonFacts();
    expect(scanner.scan(bytes)).toBeUndefined();
    expect(facts.read(bytes, scanner)).toBe(true);
    expect(facts.region).toBe('DE');
    const ctx = context(DEFAULT_POLICY);
    const outcome = evaluateLineWith({ number: 2, bytes, tooLong: false }, 0, ctx, true);
    expect(outcome.kind === 'admitted' || outcome.kind === 'excluded').toBe(true);
  });
});
