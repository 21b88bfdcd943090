import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merkleTreeHash } from '../../src/merkle/index.js';
import {
  canonicalPolicyJson,
  DEFAULT_POLICY,
  type Policy,
  parsePolicy,
  type RedactPolicy,
} from '../../src/policy/index.js';
import { runCli } from '../support/cli.js';
import {
  admittedLines,
  adult,
  datasetContents,
  type Workspace,
  workspace,
} from '../support/fixtures.js';
import { expectSameFiles } from '../support/same-bytes.js';

const redacting = (over: Partial<RedactPolicy> = {}): Policy => ({
  ...DEFAULT_POLICY,
  redact: {
    enabled: true,
    operators: {},
    default: 'placeholder',
    min_score: 0.5,
    key_env: 'OBHUT_PII_KEY',
    ...over,
  },
});

const words = (text: string) =>
  text.split(' ').map((w, i) => ({ text: w, start: i / 2, end: i / 2 + 0.4, conf: 0.9 }));

// Personal data that must not reach the dataset.
const SECRETS = [
  'anna.schmidt@example.de',
  '0171 2345678',
  'Anna Schmidt',
  'John Smith',
  '+44 20 7946 0958',
  'max punkt müller at gmx punkt de',
  'DE89 3704 0044 0532 0130 00',
];

const RECORDS = [
  {
    id: 'de',
    kind: 'text',
    text: 'Ich heiße Anna Schmidt, schreibt mir an anna.schmidt@example.de oder ruft 0171 2345678 an.',
    subject: adult('1'),
  },
  { id: 'en', kind: 'text', text: 'My name is John Smith, call me on +44 20 7946 0958 please.' },
  { id: 'clean', kind: 'text', text: 'Heute scheint die Sonne über dem See.', n: 1.5 },
  {
    id: 'audio',
    kind: 'audio',
    transcript: {
      text: 'meine mail ist max punkt müller at gmx punkt de danke',
      words: words('meine mail ist max punkt müller at gmx punkt de danke'),
    },
  },
  {
    id: 'both',
    kind: 'text',
    text: 'IBAN DE89 3704 0044 0532 0130 00 bitte an Anna Schmidt',
    transcript: { text: 'ruf john smith an' },
  },
  { id: 'private', kind: 'text', text: 'Anna Schmidt 0171 2345678', visibility: 'private' },
];

describe('runBuild with PII redaction', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  it('writes no personal data, keeps the input line digest, and counts what `obhut pii detect` finds', async () => {
    const input = await ws.write('items.jsonl', RECORDS);
    const { manifest, out } = await ws.build([input], { policy: redacting() });
    const written = await admittedLines(out);
    expect(written).toHaveLength(5);
    for (const line of written) for (const s of SECRETS) expect(line).not.toContain(s);

    const byId = new Map(written.map((l) => [JSON.parse(l).id as string, JSON.parse(l)]));
    expect(byId.get('de').text).toBe(
      'Ich heiße [PERSON_1], schreibt mir an [EMAIL_1] oder ruft [PHONE_1] an.',
    );
    // One numbering per record: the same person keeps their number across fields.
    expect(byId.get('both').text).toContain('[PERSON_1]');
    // A transcript's words keep their timings; a span's words become one word.
    const audio = byId.get('audio').transcript;
    expect(audio.text).toBe('meine mail ist [EMAIL_1] danke');
    expect(audio.words.map((w: { text: string }) => w.text).join(' ')).toBe(audio.text);
    expect(audio.words[3]).toEqual({ text: '[EMAIL_1]', start: 1.5, end: 4.9, conf: 0.9 });
    expect(audio.words[4]).toEqual({ text: 'danke', start: 5, end: 5.4, conf: 0.9 });

    // A record with nothing found passes through byte for byte; provenance names the input line.
    const inputLines = (await import('node:fs')).readFileSync(input, 'utf8').split('\n');
    expect(written[2]!.startsWith(inputLines[2]!.slice(0, -1))).toBe(true);
    written.forEach((line, i) => {
      expect(JSON.parse(line)._obhut.sha256).toBe(
        createHash('sha256').update(inputLines[i]!).digest('hex'),
      );
    });
    expect(manifest.items_root).toBe(
      merkleTreeHash(written.map((l) => Buffer.from(l))).toString('hex'),
    );

    // The same texts through `obhut pii detect`: the admitted records' text fields, with a
    // transcript's words joined by spaces.
    const texts = [
      RECORDS[0]!.text,
      RECORDS[1]!.text,
      RECORDS[2]!.text,
      'meine mail ist max punkt müller at gmx punkt de danke',
      RECORDS[4]!.text,
      'ruf john smith an',
    ];
    const file = path.join(ws.dir, 'texts.jsonl');
    await writeFile(
      file,
      texts.map((text, i) => JSON.stringify({ id: String(i), text })).join('\n'),
    );
    const detect = await runCli(['pii', 'detect', file], { cwd: ws.dir });
    expect(detect.code).toBe(0);
    const expected: Record<string, number> = {};
    let items = 0;
    const spansPerText = detect.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).spans as { type: string }[]);
    for (const spans of spansPerText)
      for (const s of spans) expected[s.type] = (expected[s.type] ?? 0) + 1;
    items = [0, 1, 3, 4].length; // texts 4 and 5 are one record
    expect(spansPerText[2]).toEqual([]);
    expect(manifest.pii).toEqual({
      redacted_items: items,
      spans: Object.values(expected).reduce((a, b) => a + b, 0),
      spans_by_type: Object.fromEntries(Object.entries(expected).sort()),
    });
    expect(manifest.pii!.spans_by_type).toMatchObject({ EMAIL: 2, PERSON: 4, PHONE: 2, IBAN: 1 });
    expect(manifest.policy.effective.redact).toEqual(redacting().redact);
  });

  it('uses the operators per type and a key from the environment for the hash', async () => {
    const input = await ws.write('items.jsonl', RECORDS.slice(0, 2));
    const policy = redacting({ operators: { PHONE: 'mask', PERSON: 'hash' }, default: 'remove' });
    await expect(ws.build([input], { policy })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const { out } = await ws.build([input], { policy, piiKey: Buffer.from('k'.repeat(32)) });
    const [de, en] = (await admittedLines(out)).map((l) => JSON.parse(l).text as string);
    expect(de).toMatch(
      /^Ich heiße \[PERSON_[0-9a-f]{12}\], schreibt mir an {2}oder ruft \*{4} \*{7} an\.$/,
    );
    expect(en).toMatch(/^My name is \[PERSON_[0-9a-f]{12}\], call me on /);
  });

  it('writes the same with worker threads as on the main thread', async () => {
    const lines: object[] = [];
    for (let i = 0; i < 1500; i++) {
      const r = RECORDS[i % RECORDS.length]!;
      lines.push({ ...r, id: `${r.id}-${i}` });
    }
    const input = await ws.write('many.jsonl', lines);
    const policy = redacting({ operators: { EMAIL: 'hash' } });
    const piiKey = Buffer.from('0123456789abcdef');
    const single = await ws.build([input], {
      policy,
      piiKey,
      workers: 0,
      out: path.join(ws.dir, 'single'),
    });
    const parallel = await ws.build([input], {
      policy,
      piiKey,
      workers: 2,
      out: path.join(ws.dir, 'parallel'),
      checkpointSize: single.manifest.consent.checkpoint.size,
    });
    expect(single.manifest.pii!.redacted_items).toBe(1000);
    expectSameFiles(await datasetContents(parallel.out), await datasetContents(single.out));
  });

  it('leaves a build without redaction, or with it switched off, as it was', async () => {
    const off = parsePolicy('redact: { enabled: false, operators: { PERSON: mask } }');
    expect(off).toEqual({ ok: true, value: DEFAULT_POLICY });
    expect(canonicalPolicyJson(DEFAULT_POLICY)).not.toContain('redact');
    const input = await ws.write('items.jsonl', RECORDS);
    const { manifest, out } = await ws.build([input]);
    expect(manifest.pii).toBeUndefined();
    const original = (await import('node:fs')).readFileSync(input, 'utf8').split('\n');
    const written = await admittedLines(out);
    written.forEach((line, i) => {
      expect(line.startsWith(original[i]!.slice(0, -1))).toBe(true);
    });
  });

  it('validates the redact key strictly and covers it in the policy digest', () => {
    expect(parsePolicy('redact: { enabled: true, operator: {} }').ok).toBe(false);
    expect(parsePolicy('redact: { enabled: true, operators: { PERSON: blur } }').ok).toBe(false);
    expect(parsePolicy('redact: { enabled: true, min_score: 2 }').ok).toBe(false);
    expect(parsePolicy('redact: { enabled: true, key_env: "not a name" }').ok).toBe(false);
    const on = parsePolicy('redact: { enabled: true, operators: { PHONE: mask, EMAIL: hash } }');
    expect(on.ok).toBe(true);
    if (!on.ok) return;
    expect(on.value.redact).toEqual({
      enabled: true,
      operators: { PHONE: 'mask', EMAIL: 'hash' },
      default: 'placeholder',
      min_score: 0.5,
      key_env: 'OBHUT_PII_KEY',
    });
    const json = canonicalPolicyJson(on.value);
    expect(json).toContain('"redact":{"enabled":true,"operators":{"EMAIL":"hash","PHONE":"mask"}');
    expect(json).not.toBe(canonicalPolicyJson(DEFAULT_POLICY));
  });
});
