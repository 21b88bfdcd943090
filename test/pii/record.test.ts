import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactItemLine, redactItemRecord, textSpans } from '../../src/pii/index.js';
import { parseStrictJson } from '../../src/records/index.js';

const DETECT = { minScore: 0.5 };
const REDACT = { default: 'placeholder' as const };

const token = fc.constantFrom(
  'call',
  'me',
  'Anna',
  'Schmidt',
  'John',
  'Smith',
  'on',
  '0171',
  '2345678',
  'anna.schmidt@example.de',
  'heute',
  'café',
);

const word = fc.record(
  {
    text: token,
    start: fc.double({ min: 0, max: 100, noNaN: true }),
    end: fc.double({ min: 0, max: 100, noNaN: true }),
    conf: fc.constantFrom(0.5, 1),
  },
  { requiredKeys: ['text'] },
);

const record = fc.record(
  {
    id: fc.constant('r'),
    kind: fc.constantFrom('text', 'audio'),
    text: fc.array(token, { maxLength: 8 }).map((t) => t.join(' ')),
    transcript: fc.record(
      {
        words: fc.array(word, { maxLength: 8 }),
        text: fc.oneof(
          fc.constant(undefined),
          fc.array(token, { maxLength: 5 }).map((t) => t.join(' ')),
        ),
      },
      { requiredKeys: ['words'] },
    ),
  },
  { requiredKeys: ['id', 'kind'] },
);

function redactLine(text: string) {
  const located = textSpans();
  const parsed = parseStrictJson(text, { onValue: located.onValue });
  if (!parsed.ok) throw new Error(parsed.error);
  return redactItemLine(
    text,
    parsed.value as Record<string, unknown>,
    located.spans,
    DETECT,
    REDACT,
  );
}

describe('redaction on a record’s text', () => {
  it('gives the record that redacting the parsed object gives, and the same counts', () => {
    fc.assert(
      fc.property(record, fc.constantFrom(0, 1, '\t'), fc.boolean(), (value, indent, sameText) => {
        const rec = structuredClone(value) as Record<string, unknown>;
        const transcript = rec.transcript as { words: { text: string }[]; text?: string };
        // The transcript's own text is often the words joined; then it is redacted with them.
        if (transcript && sameText) transcript.text = transcript.words.map((w) => w.text).join(' ');
        const text = JSON.stringify(rec, null, indent);
        const expected = structuredClone(rec);
        const counts = redactItemRecord(expected, DETECT, REDACT);
        const out = redactLine(text);
        expect(out.counts).toEqual(counts);
        expect(JSON.parse(out.line ?? text)).toEqual(expected);
        if (Object.keys(counts).length === 0) expect(out.line).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every byte outside the redacted field as written', () => {
    const text = '{"id":"x","n":1e400,"big":123456789012345678901,"text":"Ruf Anna Schmidt an."}';
    expect(redactLine(text).line).toBe(
      '{"id":"x","n":1e400,"big":123456789012345678901,"text":"Ruf [PERSON_1] an."}',
    );
  });

  it('gives a merged word the last word’s end even when the first has none', () => {
    const text =
      '{"id":"x","kind":"audio","transcript":{"words":[{"text":"John"},{"text":"Smith","end":2.50}]}}';
    const out = redactLine(text);
    expect(out.line).toBe(
      '{"id":"x","kind":"audio","transcript":{"words":[{"text":"[PERSON_1]","end":2.50}]}}',
    );
  });
});
