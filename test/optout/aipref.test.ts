import { describe, expect, it } from 'vitest';
import { evaluateAipref, parseDictionary, readUsage } from '../../src/optout/index.js';
import { capture, policy } from './support.js';

const url = 'https://news.example/articles/1.html';

describe('structured-field dictionary (RFC 8941)', () => {
  it('reads tokens, booleans, strings, numbers and drops parameters', () => {
    expect(parseDictionary('a=n, b, c="x y";p=1, d=5')).toEqual([
      { key: 'a', value: 'n' },
      { key: 'b', value: true },
      { key: 'c', value: 'x y' },
      { key: 'd', value: 5 },
    ]);
  });

  it('keeps the last of a repeated key (RFC 8941 4.2.2)', () => {
    expect(parseDictionary('a=y, a=n')).toEqual([{ key: 'a', value: 'n' }]);
  });

  it('fails on text that is not a dictionary', () => {
    for (const bad of ['Train-AI=n', 'train-ai=n,', 'train-ai=n;', 'train-ai = n', '=n']) {
      expect(typeof parseDictionary(bad), bad).toBe('string');
    }
  });
});

describe('AIPREF vocabulary', () => {
  it('train-ai is y or n; search is known; others are unknown', () => {
    expect(readUsage('train-ai=n')).toEqual({ kind: 'usage', trainAi: 'n', unknown: [] });
    expect(readUsage('train-ai=y, search=n')).toEqual({ kind: 'usage', trainAi: 'y', unknown: [] });
    // train-genai was dropped from the vocabulary in 2026: ignored, and named.
    expect(readUsage('train-genai=n')).toEqual({
      kind: 'usage',
      trainAi: undefined,
      unknown: ['train-genai'],
    });
    expect(readUsage('train-ai=maybe').kind).toBe('unparseable');
  });
});

describe('aipref signal (draft-ietf-aipref-attach)', () => {
  it('the Content-Usage header, in any case, with train-ai=n reserves', () => {
    const out = evaluateAipref(
      { kind: 'text', url, headers: [['content-USAGE', 'train-ai=n']] },
      policy(),
    );
    expect(out.reserving).toEqual([
      { type: 'aipref', where: 'header', detail: 'Content-Usage: "train-ai=n"' },
    ]);
  });

  it('train-ai=y and search=n do not reserve; unknown categories are named in the notes', () => {
    const out = evaluateAipref(
      { kind: 'text', url, headers: [['Content-Usage', 'train-ai=y, search=n, foo=n']] },
      policy(),
    );
    expect(out.reserving).toEqual([]);
    expect(out.notes.map((n) => n.detail).join(' ')).toContain('unknown categories ignored: foo');
  });

  it('robots.txt Content-Usage lines: the longest matching path prefix applies', () => {
    const robots = capture(
      'https://news.example/robots.txt',
      'User-Agent: *\nContent-Usage: train-ai=n\nContent-Usage: /ai-ok/ train-ai=y\nAllow: /\n',
    );
    const reserved = evaluateAipref({ kind: 'text', url, robots }, policy());
    expect(reserved.reserving).toEqual([
      { type: 'aipref', where: 'robots.txt', detail: 'line 2: Content-Usage: "train-ai=n"' },
    ]);
    const ok = evaluateAipref(
      { kind: 'text', url: 'https://news.example/ai-ok/a.html', robots },
      policy(),
    );
    expect(ok.reserving).toEqual([]);
  });

  it('header and robots.txt disagree: the most restrictive wins', () => {
    const robots = capture(
      'https://news.example/robots.txt',
      'User-Agent: *\nContent-Usage: train-ai=y\n',
    );
    const out = evaluateAipref(
      { kind: 'text', url, robots, headers: [['Content-Usage', 'train-ai=n']] },
      policy(),
    );
    expect(out.reserving.map((s) => s.where)).toEqual(['header']);
    const out2 = evaluateAipref(
      {
        kind: 'text',
        url,
        robots: capture(
          'https://news.example/robots.txt',
          'User-Agent: *\nContent-Usage: train-ai=n\n',
        ),
        headers: [['Content-Usage', 'train-ai=y']],
      },
      policy(),
    );
    expect(out2.reserving.map((s) => s.where)).toEqual(['robots.txt']);
  });

  it('only the groups of the listed agents count', () => {
    const robots = capture(
      'https://news.example/robots.txt',
      'User-Agent: SearchBot\nContent-Usage: train-ai=n\n\nUser-Agent: *\nContent-Usage: train-ai=y\n',
    );
    expect(evaluateAipref({ kind: 'text', url, robots }, policy()).reserving).toEqual([]);
    expect(
      evaluateAipref({ kind: 'text', url, robots }, policy({ user_agents: ['SearchBot'] }))
        .reserving,
    ).toHaveLength(1);
  });

  it('an unparseable header is decided by the policy', () => {
    const input = {
      kind: 'text' as const,
      url,
      headers: [['Content-Usage', 'train-ai = n'] as const],
    };
    expect(evaluateAipref(input, policy()).reserving[0]!.detail).toContain('not parseable');
    const allowed = evaluateAipref(input, policy({ unparseable: 'allow' }));
    expect(allowed.reserving).toEqual([]);
    expect(allowed.notes[0]!.detail).toContain('not parseable');
  });
});
