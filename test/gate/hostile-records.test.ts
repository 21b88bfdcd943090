import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { MAX_RECORD_DEPTH } from '../../src/records/index.js';
import {
  admittedLines,
  adult,
  objection,
  readJsonl,
  type Workspace,
  workspace,
} from '../support/fixtures.js';

const REDACTING: Policy = {
  ...DEFAULT_POLICY,
  redact: {
    enabled: true,
    operators: {},
    default: 'placeholder',
    min_score: 0.5,
    key_env: 'OBHUT_PII_KEY',
  },
};

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** An admitted line without the `_obhut` provenance the build appends. */
function withoutProvenance(line: string): string {
  return line.slice(0, line.lastIndexOf(',"_obhut":'));
}

describe('records the gate must not misread', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('rejects a repeated key at any depth, with its path, so both copies never reach the dataset', async () => {
    await ws.importEvents([objection('OBJ-123')]);
    const input = await ws.write('in.jsonl', [
      '{"id":"a","kind":"text","text":"hi","subject":{"platform":"ig","account":"OBJ-123","account":"clean-9","age":"adult","region":"DE"}}',
      '{"id":"b","kind":"text","text":"hi","visibility":"private","visibility":"public"}',
      '{"id":"c","id":"d","kind":"text","text":"hi"}',
      '{"id":"e","kind":"text","text":"hi","source":{"url":"https://x.example","meta":[{"k":1,"k":2}]}}',
      { id: 'f', kind: 'text', text: 'fine', subject: adult('clean-9') },
    ]);
    const { manifest, out } = await ws.build([input]);
    expect(manifest.counts).toMatchObject({ input: 5, admitted: 1, rejected: 4 });
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [1, 'RECORD_DUPLICATE_KEY'],
      [2, 'RECORD_DUPLICATE_KEY'],
      [3, 'RECORD_DUPLICATE_KEY'],
      [4, 'RECORD_DUPLICATE_KEY'],
    ]);
    expect(rejected.map((r) => r.error)).toEqual([
      'key subject.account appears more than once',
      'key visibility appears more than once',
      'key id appears more than once',
      'key source.meta[0].k appears more than once',
    ]);
  });

  it('rejects a record nested too deep with its line, even with redaction on', async () => {
    const input = await ws.write('in.jsonl', [
      { id: 'ok', kind: 'text', text: 'Ruf Anna Schmidt an.', subject: adult('x') },
      `{"id":"deep","kind":"text","text":"Ruf Anna Schmidt an.","extra":${deep(5000)}}`,
      `{"id":"edge","kind":"text","text":"Ruf Anna Schmidt an.","extra":${deep(MAX_RECORD_DEPTH - 1)}}`,
      `{"id":"over","kind":"text","text":"Ruf Anna Schmidt an.","extra":${deep(MAX_RECORD_DEPTH)}}`,
    ]);
    const { manifest, out } = await ws.build([input], { policy: REDACTING });
    expect(manifest.counts).toMatchObject({ input: 4, admitted: 2, rejected: 2 });
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'RECORD_TOO_DEEP'],
      [4, 'RECORD_TOO_DEEP'],
    ]);
  });

  it('redaction changes only the spans it redacts: numbers, order and escapes stay as written', async () => {
    const original =
      '{ "n": 1e400, "big": 12345678901234567890123, "id": "r1", "kind": "text",\t"e": "caf\\u00e9 \\/", "text": "Ruf Anna Schmidt an.", "z": -0.0 }';
    const input = await ws.write('in.jsonl', [original]);
    const { out } = await ws.build([input], { policy: REDACTING });
    const [line] = await admittedLines(out);
    expect(withoutProvenance(line!)).toBe(
      original.replace('"Ruf Anna Schmidt an."', '"Ruf [PERSON_1] an."').replace(/ \}$/, ' '),
    );
  });

  it('redaction of transcript words keeps every other field as written', async () => {
    const original =
      '{"id":"t1","kind":"audio","transcript":{"lang":"en","words":[{"text":"call","start":0,"end":0.40},{"text":"John","start":0.4,"end":0.8,"x":1e400},{"text":"Smith","start":0.8,"end":1.20}],"text":"call John Smith"}}';
    const input = await ws.write('in.jsonl', [original]);
    const { out } = await ws.build([input], { policy: REDACTING });
    const [line] = await admittedLines(out);
    expect(withoutProvenance(line!)).toBe(
      '{"id":"t1","kind":"audio","transcript":{"lang":"en","words":[{"text":"call","start":0,"end":0.40},{"text":"[PERSON_1]","start":0.4,"end":1.20,"x":1e400}],"text":"call [PERSON_1]"}',
    );
  });

  it('rejects identifiers that are not valid Unicode instead of merging them with U+FFFD', async () => {
    await ws.importEvents([objection('acct\ufffd')]);
    const input = await ws.write('in.jsonl', [
      '{"id":"lone","kind":"text","text":"hi","subject":{"platform":"ig","account":"acct\\ud800","age":"adult","region":"DE"}}',
      '{"id":"id\\udc00","kind":"text","text":"hi"}',
      '{"id":"pair","kind":"text","text":"hi","subject":{"platform":"ig","account":"acct\\ud83d\\ude00","age":"adult","region":"DE"}}',
      '{"id":"fffd","kind":"text","text":"hi","subject":{"platform":"ig","account":"acct\\ufffd","age":"adult","region":"DE"}}',
    ]);
    const { manifest, out } = await ws.build([input]);
    expect(manifest.counts).toMatchObject({ input: 4, admitted: 1, excluded: 1, rejected: 2 });
    const rejected = await readJsonl(path.join(out, 'rejected.jsonl'));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [1, 'RECORD_INVALID'],
      [2, 'RECORD_INVALID'],
    ]);
    expect(String(rejected[0]!.error)).toContain('Unicode');
  });
});
