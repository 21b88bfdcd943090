import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_DEMO_LABELS } from '../../src/cli/commands/demo-review.js';
import type { PlantedValue } from '../../src/demo/review-items.js';
import type { ReviewView } from '../../src/review/model.js';
import { openStore } from '../../src/runtime/home.js';
import { checkCredentials, ROLES } from '../../src/staff/index.js';
import type { Store } from '../../src/store/index.js';
import { decodeWav } from '../../src/voice/index.js';
import { runCli } from '../support/cli.js';
import { camelCaseKeys } from '../support/json-style.js';

interface Word {
  text: string;
  start: number;
  end: number;
}

describe('obhut demo --review', () => {
  let cwd: string;
  let home: string;
  let input: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-demo-review-'));
    home = path.join(cwd, 'home');
    input = path.join(home, 'demo', 'review-input');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  const demo = (...extra: string[]) =>
    runCli(['demo', '--review', '--items', '200', '--review-items', '8', ...extra], {
      cwd,
      env: { OBHUT_HOME: home },
    });

  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openStore({ home: path.join(home, 'demo'), databaseUrl: undefined });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  it('queues synthetic recordings with planted data redacted, and sets up staff for every role', async () => {
    const r = await demo('--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(camelCaseKeys(out)).toEqual([]);
    // The plain demo's part is there as before.
    expect(out.build.counts.input).toBe(200);
    const { review } = out;
    const { counts } = review.enqueue;
    expect(counts.read).toBe(8);
    expect(counts.read).toBe(counts.queued + counts.excluded + counts.rejected);
    expect(review.enqueue.excluded_by_reason.objected).toBeGreaterThan(0);
    expect(counts.queued).toBeGreaterThan(0);
    expect(review.k).toBe(2);
    expect(review.labels.map((l: { name: string }) => l.name)).toEqual(['intent', 'quality']);
    expect(review.serve).toBe(`OBHUT_HOME=${path.join(home, 'demo')} npx obhut serve`);
    expect(review.console).toBe('http://127.0.0.1:8080/console/');

    // Every recording decodes, at 16 kHz mono, as long as its record says, words inside it.
    const records = (await readFile(path.join(input, 'recordings.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(8);
    expect(await readdir(path.join(input, 'audio'))).toHaveLength(8);
    for (const record of records) {
      const audio = decodeWav(await readFile(path.join(input, record.media)));
      expect(audio.sampleRate).toBe(16_000);
      const seconds = audio.samples.length / audio.sampleRate;
      expect(seconds).toBeCloseTo(record.duration_ms / 1000, 3);
      const words: Word[] = record.transcript.words;
      expect(words.map((w) => w.text).join(' ')).toBe(record.text);
      expect(words[0]!.start).toBeGreaterThan(0);
      expect(words[words.length - 1]!.end).toBeLessThan(seconds);
      for (const w of words) {
        const from = Math.round(w.start * 16_000);
        const to = Math.round(w.end * 16_000);
        let energy = 0;
        for (let i = from; i < to; i++) energy += audio.samples[i]! ** 2;
        expect(Math.sqrt(energy / (to - from))).toBeGreaterThan(0.02);
      }
    }
    const planted = new Map<string, PlantedValue[]>(
      (await readFile(path.join(input, 'planted.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((p: { id: string; planted: PlantedValue[] }) => [p.id, p.planted]),
    );
    const recordsById = new Map(records.map((rec) => [rec.id as string, rec]));

    await withStore(async (store) => {
      // Staff: one member per role, each able to sign in with the printed password.
      const members = await store.staff.list();
      expect(members.map((m) => m.role).sort()).toEqual([...ROLES].sort());
      for (const s of review.staff) {
        const member = await checkCredentials(store.staff, s.username, s.password);
        expect(member?.role).toBe(s.role);
      }

      // The reviewer's view: planted names, numbers and addresses gone, their times bleeped.
      let checked = 0;
      for (const queued of review.enqueue.queued) {
        const item = await store.review.item(queued.item);
        const raw = await store.review.rawPart(queued.item);
        const record = recordsById.get(raw!.record!.id as string)!;
        const view = item!.view as ReviewView;
        expect(item!.kind).toBe('audio');
        // The printed labels are snake_case (option_texts); the stored ones the parsed file.
        expect(view.labels).toEqual(REVIEW_DEMO_LABELS);
        expect(view.labels.map((l) => [l.name, l.options, l.text])).toEqual(
          review.labels.map((l: { name: string; options: string[]; text: unknown }) => [
            l.name,
            l.options,
            l.text,
          ]),
        );
        const derived = decodeWav(
          await readFile(path.join(home, 'demo', 'review', item!.derivedMedia!)),
        );
        expect(derived.samples.length).toBe(Math.round((record.duration_ms / 1000) * 16_000));
        const shown = `${view.text} | ${view.words!.map((w) => w.text).join(' ')}`;
        for (const p of planted.get(record.id)!) {
          checked++;
          expect(shown).not.toContain(p.text);
          const tokens = p.type === 'PHONE' ? [] : p.text.split(' ').filter((t) => !/^\d/.test(t));
          for (const token of tokens.filter((t) => t.length > 3 && !NUMBER_WORDS.has(t)))
            expect(shown.split(/[\s|]+/)).not.toContain(token);
          for (const w of record.transcript.words.slice(p.word, p.word + p.words) as Word[]) {
            const bleeped = view.ranges.some((r) => r.start <= w.start && r.end >= w.end);
            expect(bleeped, `${p.text} at ${w.start}`).toBe(true);
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    // Again in the same home: the queue keeps its items, the passwords are new.
    const again = await demo();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Review console staff');
    for (const role of ROLES) expect(again.stdout).toMatch(new RegExp(`\\n  ${role} +\\S{19}\\n`));
    expect(again.stdout).toContain(`OBHUT_HOME=${path.join(home, 'demo')} npx obhut serve`);
    expect(again.stdout).toContain('http://127.0.0.1:8080/console/');
    expect(again.stdout).toMatch(/records read +8\nqueued +0\n/);
    expect(again.stdout).toMatch(new RegExp(`\\nexcluded +${counts.excluded}\\n`));
    expect(again.stdout).toMatch(new RegExp(`\\nrejected +${counts.queued}\\n`));
    expect(again.stdout).toContain('[RECORD_DUPLICATE_ID]');
    await withStore(async (store) => {
      const first = review.staff.find((s: { role: string }) => s.role === 'reviewer');
      expect(await checkCredentials(store.staff, 'reviewer', first.password)).toBeUndefined();
      expect(await store.staff.list()).toHaveLength(ROLES.length);
    });
  });
});

// Words of a street address that also occur in everyday commands ("zwölf", "station").
const NUMBER_WORDS = new Set([
  'drei',
  'fünf',
  'sieben',
  'zwölf',
  'siebzehn',
  'vierzig',
  'twenty',
  'forty',
  'thirty',
  'sixty',
  'fifty',
  'ninety',
  'seven',
  'three',
  'eight',
  'five',
]);
