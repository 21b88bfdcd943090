import { describe, expect, it } from 'vitest';
import { BLIND_FIRST, BLIND_LAST } from '../../bench/pii-eval/blind.js';
import {
  BLIND2_FIRST,
  BLIND2_FRAMES,
  BLIND2_LAST,
  BLIND2_PLACES,
  generateBlind2,
} from '../../bench/pii-eval/blind2.js';
import { HELD_OUT_FIRST, HELD_OUT_LAST } from '../../bench/pii-eval/held-out.js';
import { FIRST_NAMES, PLACES, SURNAMES } from '../../src/pii/data/gazetteer.js';
import { CUE_PHRASES, NAME_AFTER_VERBS } from '../../src/pii/frames.js';

const listed = new Set([...FIRST_NAMES, ...SURNAMES, ...PLACES].map((x) => x.toLowerCase()));

describe('second blind evaluation set', () => {
  const names = [...BLIND2_FIRST, ...BLIND2_LAST, ...BLIND2_PLACES.de, ...BLIND2_PLACES.en];

  it('uses no name, place or part of one that the gazetteer or another set has', () => {
    const other = new Set(
      [...HELD_OUT_FIRST, ...HELD_OUT_LAST, ...BLIND_FIRST, ...BLIND_LAST].map((x) =>
        x.toLowerCase(),
      ),
    );
    const parts = names.flatMap((x) => [x, ...x.split(/[- ]/)]).map((x) => x.toLowerCase());
    expect(parts.filter((x) => listed.has(x) || other.has(x))).toEqual([]);
  });

  it('puts no cue word of the frame rules beside a person slot', () => {
    const beside: string[] = [];
    for (const byKind of Object.values(BLIND2_FRAMES))
      for (const frames of Object.values(byKind))
        for (const frame of frames)
          for (const m of frame.matchAll(/\{[PF]\}/g)) {
            const before = ` ${frame
              .slice(0, m.index)
              .toLowerCase()
              .replace(/[^\p{L}']+/gu, ' ')
              .trim()}`;
            const after = frame
              .slice(m.index + 3)
              .toLowerCase()
              .match(/^\W*([\p{L}]+)/u)?.[1];
            for (const cue of CUE_PHRASES)
              if (before.endsWith(` ${cue}`)) beside.push(`${cue}: ${frame}`);
            if (after && NAME_AFTER_VERBS.has(after)) beside.push(`${after}: ${frame}`);
          }
    expect(beside).toEqual([]);
  });

  it('labels exact spans, reproducibly, spoken in lower case', () => {
    const a = generateBlind2(2, 5);
    expect(generateBlind2(2, 5)).toEqual(a);
    expect(a).toHaveLength(2 * 40);
    for (const item of a) {
      for (const s of item.spans)
        expect(item.text.slice(s.start, s.end).trim().length).toBe(s.end - s.start);
      if (item.kind === 'spoken') expect(item.text).toBe(item.text.toLowerCase());
    }
  });
});
