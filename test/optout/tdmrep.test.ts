import { describe, expect, it } from 'vitest';
import { evaluateTdmrep, parseTdmrepJson } from '../../src/optout/index.js';
import { capture, policy } from './support.js';

const url = 'https://provider.example/images/cat.jpg';

// Modelled on the W3C TDMRep final community group report (2024), section 3.2: a
// /.well-known/tdmrep.json with per-location rules.
const WELL_KNOWN = JSON.stringify([
  {
    location: '/images/*',
    'tdm-reservation': 1,
    'tdm-policy': 'https://provider.example/policies/policy.json',
  },
  { location: '/news/*', 'tdm-reservation': 1 },
  { location: '/public/*', 'tdm-reservation': 0 },
]);

describe('tdmrep signal (W3C TDMRep)', () => {
  it('the tdm-reservation: 1 header reserves, with tdm-policy as evidence', () => {
    const out = evaluateTdmrep(
      {
        kind: 'text',
        url,
        headers: [
          ['TDM-Reservation', '1'],
          ['tdm-policy', 'https://provider.example/policy.json'],
        ],
      },
      policy(),
    );
    expect(out.reserving).toEqual([
      {
        type: 'tdmrep',
        where: 'header',
        detail: 'tdm-reservation: 1, tdm-policy https://provider.example/policy.json',
      },
    ]);
  });

  it('tdm-reservation: 0 does not reserve', () => {
    const out = evaluateTdmrep(
      { kind: 'text', url, headers: [['tdm-reservation', '0']] },
      policy(),
    );
    expect(out.reserving).toEqual([]);
  });

  it('<meta name="tdm-reservation" content="1"> reserves', () => {
    const out = evaluateTdmrep(
      { kind: 'text', url, meta: [{ name: 'tdm-reservation', content: '1' }] },
      policy(),
    );
    expect(out.reserving.map((s) => s.where)).toEqual(['meta']);
  });

  it('tdmrep.json rules whose location matches the path', () => {
    const tdmrep = capture('https://provider.example/.well-known/tdmrep.json', WELL_KNOWN);
    const images = evaluateTdmrep({ kind: 'image', url, tdmrep }, policy());
    expect(images.reserving).toEqual([
      {
        type: 'tdmrep',
        where: 'tdmrep.json',
        detail:
          'location "/images/*": tdm-reservation 1, tdm-policy https://provider.example/policies/policy.json',
      },
    ]);
    expect(images.consulted).toContainEqual(
      expect.objectContaining({ where: 'tdmrep.json', sha256: tdmrep.sha256 }),
    );
    const pub = evaluateTdmrep(
      { kind: 'text', url: 'https://provider.example/public/a', tdmrep },
      policy(),
    );
    expect(pub.reserving).toEqual([]);
    const other = evaluateTdmrep(
      { kind: 'text', url: 'https://provider.example/about', tdmrep },
      policy(),
    );
    expect(other.reserving).toEqual([]);
  });

  it('tdmrep.json that is not JSON is evidence, decided by the policy', () => {
    const tdmrep = capture('https://provider.example/.well-known/tdmrep.json', '[{"location": ');
    expect(evaluateTdmrep({ kind: 'text', url, tdmrep }, policy()).reserving[0]!.detail).toContain(
      'tdmrep.json not valid JSON',
    );
    const allowed = evaluateTdmrep({ kind: 'text', url, tdmrep }, policy({ unparseable: 'allow' }));
    expect(allowed.reserving).toEqual([]);
    expect(allowed.notes[0]!.detail).toContain('tdmrep.json not valid JSON');
  });

  it('a 404 tdmrep.json means no rules', () => {
    const tdmrep = capture('https://provider.example/.well-known/tdmrep.json', 'not found', 404);
    expect(evaluateTdmrep({ kind: 'text', url, tdmrep }, policy()).reserving).toEqual([]);
  });

  it('parses rules and rejects malformed ones', () => {
    expect(parseTdmrepJson(WELL_KNOWN)).toHaveLength(3);
    expect(parseTdmrepJson('{}')).toBe('tdmrep.json is not an array of rules');
    expect(parseTdmrepJson('[{"location":"/x","tdm-reservation":2}]')).toContain('must be 0 or 1');
  });
});
