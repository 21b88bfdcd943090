import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVALUATORS, evaluateOptout, type OptoutInput } from '../../src/optout/index.js';
import { SIGNAL_TYPES } from '../../src/policy/index.js';
import { capture, policy } from './support.js';

const robotsTexts = [
  'User-agent: *\nDisallow: /private\n',
  'User-agent: GPTBot\nDisallow: /\n',
  'User-agent: *\nContent-Usage: train-ai=n\nContent-Usage: /open/ train-ai=y\n',
  'User-agent: *\nContent-Signal: search=yes, ai-train=no\n',
  'User-agent: *\nContent-Signal: ai-train=maybe\nContent-Usage: train-ai=?\n',
  'User-agent: *\nAllow: /\n',
];
const tdmrepTexts = [
  '[{"location":"/private/*","tdm-reservation":1}]',
  '[{"location":"/*","tdm-reservation":0}]',
  'not json',
];
const headerPool: [string, string][] = [
  ['Content-Usage', 'train-ai=n'],
  ['content-usage', 'train-ai=y, train-genai=n'],
  ['Content-Usage', 'train-ai = n'],
  ['tdm-reservation', '1'],
  ['TDM-Reservation', '0'],
  ['X-Robots-Tag', 'noai'],
  ['x-robots-tag', 'noimageai'],
  ['X-Robots-Tag', 'otherbot: noai'],
];
const metaPool = [
  { name: 'robots', content: 'noai' },
  { name: 'robots', content: 'noimageai' },
  { name: 'tdm-reservation', content: '1' },
  { name: 'description', content: 'x' },
];

const input: fc.Arbitrary<OptoutInput> = fc.record(
  {
    kind: fc.constantFrom('text', 'image', 'audio'),
    url: fc.constantFrom(
      'https://a.example/private/x',
      'https://a.example/open/x',
      'https://a.example/',
      'not a url',
    ),
    headers: fc.subarray(headerPool),
    meta: fc.subarray(metaPool),
    robots: fc.option(
      fc
        .tuple(fc.constantFrom(...robotsTexts), fc.constantFrom(200, 404, 503))
        .map(([t, s]) => capture('https://a.example/robots.txt', t, s)),
      { nil: undefined },
    ),
    tdmrep: fc.option(
      fc
        .constantFrom(...tdmrepTexts)
        .map((t) => capture('https://a.example/.well-known/tdmrep.json', t)),
      { nil: undefined },
    ),
    recordReserved: fc.boolean(),
  },
  { requiredKeys: ['kind'] },
);

const optout = fc.record({
  user_agents: fc.subarray(['CCBot', 'GPTBot', 'ClaudeBot'], { minLength: 1 }),
  signals: fc.subarray([...SIGNAL_TYPES]),
  missing_robots: fc.constantFrom('allow' as const, 'exclude' as const),
  unparseable: fc.constantFrom('allow' as const, 'exclude' as const),
});

describe('evaluateOptout', () => {
  it('reserves exactly when one of the enabled signals reserves, and reports them all', () => {
    fc.assert(
      fc.property(input, optout, (item, p) => {
        const decision = evaluateOptout(item, p);
        const individual = SIGNAL_TYPES.filter((t) => p.signals.includes(t)).map((t) =>
          EVALUATORS[t](item, p),
        );
        expect(decision.reserved).toBe(individual.some((o) => o.reserving.length > 0));
        expect(decision.signals).toEqual(individual.flatMap((o) => o.reserving));
        for (const s of decision.signals) expect(p.signals).toContain(s.type);
      }),
    );
  });

  it('switching a signal on never admits an item that was reserved', () => {
    fc.assert(
      fc.property(input, optout, fc.constantFrom(...SIGNAL_TYPES), (item, p, extra) => {
        const before = evaluateOptout(item, p);
        const after = evaluateOptout(item, { ...p, signals: [...new Set([...p.signals, extra])] });
        if (before.reserved) expect(after.reserved).toBe(true);
      }),
    );
  });
});

describe('record signal and the combiner', () => {
  it('signals.tdm_reserved reserves as before', () => {
    const d = evaluateOptout({ kind: 'text', recordReserved: true }, policy());
    expect(d).toMatchObject({
      reserved: true,
      signals: [{ type: 'record', where: 'record', detail: 'signals.tdm_reserved is true' }],
    });
  });

  it('a signal switched off is not consulted', () => {
    const d = evaluateOptout(
      { kind: 'text', recordReserved: true, headers: [['X-Robots-Tag', 'noai']] },
      policy({ signals: ['noai'] }),
    );
    expect(d.signals.map((s) => s.type)).toEqual(['noai']);
    expect(d.consulted.map((c) => c.type)).toEqual(['noai']);
  });

  it('each signal alone and all combined on one item', () => {
    const item: OptoutInput = {
      kind: 'image',
      url: 'https://a.example/private/x.jpg',
      headers: [
        ['Content-Usage', 'train-ai=n'],
        ['tdm-reservation', '1'],
        ['X-Robots-Tag', 'noimageai'],
      ],
      robots: capture(
        'https://a.example/robots.txt',
        'User-agent: *\nDisallow: /private\nContent-Signal: ai-train=no\n',
      ),
      recordReserved: true,
    };
    const all = evaluateOptout(item, policy());
    expect(all.signals.map((s) => s.type)).toEqual([...SIGNAL_TYPES]);
    for (const type of SIGNAL_TYPES) {
      expect(evaluateOptout(item, policy({ signals: [type] })).signals.map((s) => s.type)).toEqual([
        type,
      ]);
    }
  });
});
