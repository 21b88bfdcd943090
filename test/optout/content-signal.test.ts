import { describe, expect, it } from 'vitest';
import { evaluateContentSignal, readContentSignal } from '../../src/optout/index.js';
import { capture, policy } from './support.js';

const url = 'https://shop.example/products/1';

// The policy text contentsignals.org (2025) proposes for robots.txt.
const CONTENT_SIGNALS = `User-Agent: *
Content-Signal: search=yes, ai-train=no
Allow: /
`;

describe('content_signal signal', () => {
  it('ai-train=no in the applicable group reserves', () => {
    const robots = capture('https://shop.example/robots.txt', CONTENT_SIGNALS);
    expect(evaluateContentSignal({ kind: 'text', url, robots }, policy()).reserving).toEqual([
      {
        type: 'content_signal',
        where: 'robots.txt',
        detail: 'line 2: Content-Signal: search=yes, ai-train=no',
      },
    ]);
  });

  it('ai-train=yes, or a group for other agents, does not', () => {
    const yes = capture(
      'https://shop.example/robots.txt',
      'User-Agent: *\nContent-Signal: ai-train=yes\n',
    );
    expect(evaluateContentSignal({ kind: 'text', url, robots: yes }, policy()).reserving).toEqual(
      [],
    );
    const other = capture(
      'https://shop.example/robots.txt',
      'User-Agent: *\nAllow: /\n\nUser-Agent: OtherBot\nContent-Signal: ai-train=no\n',
    );
    expect(evaluateContentSignal({ kind: 'text', url, robots: other }, policy()).reserving).toEqual(
      [],
    );
  });

  it('a line that is not key=yes|no is unparseable, decided by the policy', () => {
    expect(typeof readContentSignal('ai-train')).toBe('string');
    const robots = capture(
      'https://shop.example/robots.txt',
      'User-Agent: *\nContent-Signal: ai-train=nope\n',
    );
    expect(evaluateContentSignal({ kind: 'text', url, robots }, policy()).reserving).toHaveLength(
      1,
    );
    expect(
      evaluateContentSignal({ kind: 'text', url, robots }, policy({ unparseable: 'allow' }))
        .reserving,
    ).toEqual([]);
  });
});
