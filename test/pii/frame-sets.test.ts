import { describe, expect, it } from 'vitest';
import { expandFrameSets } from '../../bench/pii-train/frame-sets.js';

describe('expandFrameSets (the development sets’ frames as labelled texts)', () => {
  it('fills each frame perFrame times, then adds the PII-free sentences, set by set', () => {
    const asked: string[] = [];
    let n = 0;
    const out = expandFrameSets(
      [
        ['de', 'written', ['Ich bin {P}.', 'Hallo {P}'], ['Guten Morgen.']],
        ['en', 'spoken', ['call {P}'], []],
      ],
      2,
      (lang, kind) => {
        asked.push(`${lang} ${kind}`);
        return (frame) => frame.replace('{P}', `[[Name${n++}|PERSON]]`);
      },
    );
    expect(asked).toEqual(['de written', 'en spoken']);
    expect(out.map((x) => `${x.lang}|${x.kind}|${x.text}`)).toEqual([
      'de|written|Ich bin Name0.',
      'de|written|Ich bin Name1.',
      'de|written|Hallo Name2',
      'de|written|Hallo Name3',
      'de|written|Guten Morgen.',
      'en|spoken|call Name4',
      'en|spoken|call Name5',
    ]);
    expect(out[0]!.spans).toEqual([{ start: 8, end: 13, type: 'PERSON' }]);
    expect(out[4]!.spans).toEqual([]);
  });
});
