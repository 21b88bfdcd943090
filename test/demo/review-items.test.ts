import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/demo/random.js';
import { plantedUtterance, reviewDemo } from '../../src/demo/review-items.js';
import { detectPii } from '../../src/pii/index.js';
import { validateItem } from '../../src/records/index.js';
import { expectSameBytes } from '../support/same-bytes.js';

describe('the review demo recordings', () => {
  it('are a pure function of seed, corpus size and count', () => {
    const a = reviewDemo({ seed: 2025, corpusItems: 200, count: 8 });
    const b = reviewDemo({ seed: 2025, corpusItems: 200, count: 8 });
    expect(b.items.map((i) => i.record)).toEqual(a.items.map((i) => i.record));
    expect(b.items).toHaveLength(a.items.length);
    for (const [i, item] of b.items.entries())
      expectSameBytes(item.samples, a.items[i]!.samples, `item ${i}`);
    expect(b.events).toEqual(a.events);
    const other = reviewDemo({ seed: 2026, corpusItems: 200, count: 8 });
    expect(other.items.map((i) => i.record.text)).not.toEqual(a.items.map((i) => i.record.text));
  });

  it('are valid audio records of the corpus voice subjects, with objections for some speakers', () => {
    const demo = reviewDemo({ seed: 2025, corpusItems: 5000, count: 24 });
    expect(demo.items).toHaveLength(24);
    expect(demo.speakers).toBe(8);
    expect(demo.objectors).toBe(2);
    expect(demo.events).toHaveLength(2);
    for (const line of demo.events)
      expect(JSON.parse(line)).toMatchObject({ purpose: 'human_review', action: 'object' });
    for (const item of demo.items) {
      const checked = validateItem(item.record);
      expect(checked.ok).toBe(true);
      expect(item.record).toMatchObject({ kind: 'audio', media: item.media });
      expect((item.record.subject as { platform: string }).platform).toBe('voice-assistant');
      const words = (item.record.transcript as { words: { text: string; end: number }[] }).words;
      expect(words.map((w) => w.text).join(' ')).toBe(item.record.text);
      expect(item.samples.length / item.sampleRate).toBeCloseTo(
        (item.record.duration_ms as number) / 1000,
        3,
      );
      expect(words[words.length - 1]!.end).toBeLessThan(item.samples.length / item.sampleRate);
    }
    const langs = new Set(demo.items.map((i) => i.record.lang));
    expect(langs).toEqual(new Set(['de', 'en']));
    expect(demo.items.filter((i) => i.planted.length > 0).length).toBeGreaterThan(12);
  });

  it('plant only what the detector finds: every planted word is inside a detected span', () => {
    for (const lang of ['de', 'en'] as const) {
      for (let seed = 0; seed < 400; seed++) {
        const { words, planted } = plantedUtterance(new Rng(seed * 7919 + 1), lang);
        expect(planted.length).toBeGreaterThan(0);
        const text = words.join(' ');
        const spans = detectPii(text, { minScore: 0.5 });
        const offsets: number[] = [];
        let at = 0;
        for (const w of words) {
          offsets.push(at);
          at += w.length + 1;
        }
        for (const p of planted) {
          expect(words.slice(p.word, p.word + p.words).join(' ')).toBe(p.text);
          for (let k = p.word; k < p.word + p.words; k++) {
            const start = offsets[k]!;
            const end = start + words[k]!.length;
            const covered = spans.some((s) => s.start < end && s.end > start);
            if (!covered) throw new Error(`${p.type} "${p.text}" not found in "${text}"`);
          }
        }
      }
    }
  });
});
