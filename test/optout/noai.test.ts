import { describe, expect, it } from 'vitest';
import { evaluateNoai } from '../../src/optout/index.js';
import { policy } from './support.js';

const url = 'https://art.example/gallery/1';

describe('noai signal', () => {
  it('X-Robots-Tag: noai reserves any item; header names in any case', () => {
    const out = evaluateNoai(
      { kind: 'text', url, headers: [['x-robots-TAG', 'noindex, NoAI']] },
      policy(),
    );
    expect(out.reserving).toEqual([
      { type: 'noai', where: 'header', detail: 'X-Robots-Tag: noai' },
    ]);
  });

  it('noimageai reserves images only', () => {
    const headers = [['X-Robots-Tag', 'noimageai']] as const;
    expect(evaluateNoai({ kind: 'image', url, headers }, policy()).reserving).toHaveLength(1);
    expect(evaluateNoai({ kind: 'text', url, headers }, policy()).reserving).toEqual([]);
  });

  it('<meta name="robots" content="noai, noimageai">', () => {
    const meta = [{ name: 'robots', content: 'noai, noimageai' }];
    expect(evaluateNoai({ kind: 'image', url, meta }, policy()).reserving).toEqual([
      { type: 'noai', where: 'meta', detail: 'meta robots: noai, noimageai' },
    ]);
  });

  it('a directive addressed to a listed agent applies; to another agent, not', () => {
    expect(
      evaluateNoai({ kind: 'text', url, headers: [['X-Robots-Tag', 'GPTBot: noai']] }, policy())
        .reserving,
    ).toHaveLength(1);
    expect(
      evaluateNoai({ kind: 'text', url, headers: [['X-Robots-Tag', 'otherbot: noai']] }, policy())
        .reserving,
    ).toEqual([]);
    expect(
      evaluateNoai({ kind: 'text', url, meta: [{ name: 'ClaudeBot', content: 'noai' }] }, policy())
        .reserving,
    ).toHaveLength(1);
  });

  it('unavailable_after: is a directive, not an agent, so the noai after it applies to all', () => {
    const headers = [['X-Robots-Tag', 'unavailable_after: 2030-01-01, noai']] as const;
    expect(evaluateNoai({ kind: 'text', url, headers }, policy()).reserving).toHaveLength(1);
  });
});
