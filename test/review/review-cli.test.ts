import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioSeed } from '../../src/review/enqueue.js';
import { REVIEW_ALPHA_RANGE } from '../../src/review/reviewer-copies.js';
import { encodeWav, MCADAMS_RANDOM, prepareReviewAudio } from '../../src/voice/index.js';
import { runCli } from '../support/cli.js';
import { runCliInProcess } from '../support/cli-in-process.js';

// Commands run in this process (test/support/cli-in-process.ts, issue 13) but for `init` and
// one usage error, which go through a real `obhut` process.
describe('obhut review enqueue and obhut retention sweep', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-review-cli-'));
    expect((await runCli(['init'], { cwd })).code).toBe(0);
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('queues, reports exclusions and rejections with positions, then sweeps by retention', async () => {
    const tone = new Float32Array(16_000).map((_, i) => 0.3 * Math.sin(i / 5));
    await writeFile(path.join(cwd, 'clip.wav'), encodeWav(tone, 16_000));
    await writeFile(path.join(cwd, 'broken.wav'), Buffer.from('not a wav'));
    await writeFile(
      path.join(cwd, 'events.jsonl'),
      '{"platform":"ig","account":"no","purpose":"human_review","action":"object","at":"2025-01-01T00:00:00Z","channel":"portal"}\n',
    );
    expect((await runCliInProcess(['consent', 'import', 'events.jsonl'], { cwd })).code).toBe(0);
    const subject = (account: string) => ({ platform: 'ig', account, age: 'adult', region: 'DE' });
    const lines = [
      {
        id: 'a',
        kind: 'audio',
        media: 'clip.wav',
        subject: subject('yes'),
        transcript: {
          words: [
            { text: 'this', start: 0, end: 0.2 },
            { text: 'is', start: 0.2, end: 0.3 },
            { text: 'Anna', start: 0.3, end: 0.6 },
          ],
        },
      },
      { id: 'b', kind: 'text', text: 'hello', subject: subject('no') },
      { id: 'c', kind: 'audio', media: 'broken.wav', subject: subject('yes') },
      { id: 'd', kind: 'text', text: 'mail me at anna@example.com', subject: subject('yes') },
    ];
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{oops\n`,
    );
    const r = await runCliInProcess(
      ['review', 'enqueue', '--input', 'items.jsonl', '--k', '2', '--json'],
      {
        cwd,
      },
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.counts).toEqual({ read: 5, queued: 2, excluded: 1, rejected: 2, blank_lines: 0 });
    expect(result.excluded).toEqual([
      { input: 'items.jsonl', line: 2, id: 'b', reasons: ['objected'] },
    ]);
    expect(result.rejected.map((x: { line: number; code: string }) => [x.line, x.code])).toEqual([
      [3, 'AUDIO_INVALID'],
      [5, 'RECORD_NOT_JSON'],
    ]);
    const home = path.join(cwd, '.obhut', 'review');
    expect(await readdir(path.join(home, 'raw'))).toHaveLength(1);
    const derived = await readdir(path.join(home, 'derived'));
    expect(derived).toHaveLength(1);
    // The reviewer's copy: alpha ~ U(0.5, 0.9) drawn by the keyed seed of record "a".
    expect(REVIEW_ALPHA_RANGE).toEqual(MCADAMS_RANDOM);
    const secret = Buffer.from(
      (await readFile(path.join(cwd, '.obhut', 'secret.key'), 'utf8')).trim(),
    );
    const expected = prepareReviewAudio(encodeWav(tone, 16_000), [{ start: 0.3, end: 0.6 }], {
      alpha: { seed: audioSeed(secret, 'a'), ...MCADAMS_RANDOM },
    });
    expect(await readFile(path.join(home, 'derived', derived[0]!))).toEqual(expected);

    const text = await runCliInProcess(['review', 'enqueue', '--input', 'items.jsonl'], { cwd });
    expect(text.stdout).toContain('excluded items.jsonl:2 b: objected');
    expect(text.stdout).toContain('rejected items.jsonl:1: [RECORD_DUPLICATE_ID]');

    // Open tasks keep their raw part; after the derivative period everything goes.
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const dry = await runCliInProcess(
      ['retention', 'sweep', '--now', later, '--dry-run', '--json'],
      {
        cwd,
      },
    );
    expect(JSON.parse(dry.stdout)).toMatchObject({ dry_run: true, raw: [], derived: [] });
    const end = new Date(Date.now() + 100 * 86_400_000).toISOString();
    const swept = await runCliInProcess(['retention', 'sweep', '--now', end, '--json'], { cwd });
    expect(swept.code).toBe(0);
    const out = JSON.parse(swept.stdout);
    expect(out.derived).toHaveLength(2);
    expect(out.raw).toHaveLength(2);
    expect(await readdir(path.join(home, 'raw'))).toHaveLength(0);
    expect(existsSync(path.join(home, 'derived'))).toBe(true);
    const human = await runCliInProcess(['retention', 'sweep', '--now', end], { cwd });
    expect(human.stdout).toContain('deleted 0 raw part(s)');
    expect((await runCli(['retention', 'sweep', '--now', 'soon'], { cwd })).code).toBe(1);
  });
  it("gives reviewers an image copy without the upload's EXIF data", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'obhut-review-image-'));
    try {
      expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
      const canary = 'CANARY-Jane-Doe-device-4711';
      const pixels = Buffer.alloc(48 * 32 * 3, 90);
      await sharp(pixels, { raw: { width: 48, height: 32, channels: 3 } })
        .jpeg()
        .withExif({ IFD0: { Artist: canary, ImageDescription: canary } })
        .toFile(path.join(dir, 'photo.jpg'));
      expect((await readFile(path.join(dir, 'photo.jpg'))).includes(canary)).toBe(true);
      const item = {
        id: 'img',
        kind: 'image',
        media: 'photo.jpg',
        text: 'a photo',
        subject: { platform: 'ig', account: 'yes', age: 'adult', region: 'DE' },
      };
      await writeFile(path.join(dir, 'items.jsonl'), `${JSON.stringify(item)}\n`);
      const r = await runCliInProcess(['review', 'enqueue', '--input', 'items.jsonl', '--json'], {
        cwd: dir,
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).counts).toMatchObject({ queued: 1 });
      const derivedDir = path.join(dir, '.obhut', 'review', 'derived');
      const [copy] = await readdir(derivedDir);
      const bytes = await readFile(path.join(derivedDir, copy!));
      expect(bytes.includes(canary)).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([48, 32]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format or status and an unreadable --since', async () => {
    for (const [args, message] of [
      [['--format', 'csv'], /--format must be one of jsonl, parquet/],
      [['--status', 'flagged'], /--status must be one of done, all/],
      [['--since', 'last week'], /not an RFC 3339 date-time/],
    ] as const) {
      const r = await runCliInProcess(['review', 'export', '--out', 'x.jsonl', ...args], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(path.join(cwd, 'x.jsonl'))).toBe(false);
    const r = await runCliInProcess(
      [
        'review',
        'export',
        '--out',
        'x.jsonl',
        '--status',
        'all',
        '--since',
        '2026-01-01T00:00:00Z',
        '--json',
      ],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      out: 'x.jsonl',
      status: 'all',
      since: '2026-01-01T00:00:00.000Z',
    });
    const header = JSON.parse((await readFile(path.join(cwd, 'x.jsonl'), 'utf8')).split('\n')[0]!);
    expect(header).toMatchObject({ type: 'header', format: 'obhut-review-export', status: 'all' });
  });
});
