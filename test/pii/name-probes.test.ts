// findNames and the speech frames test a token's spelling bits before probing a phrase map, the
// place map or a word set (a speed change, output unchanged): each gate must let through every
// word its map or set holds. Each case pins what findNames emits, in order, so a gate that
// shuts out a cue's last word, a place's first word or a frame's trigger loses a span.
import { describe, expect, it } from 'vitest';
import { findNames } from '../../src/pii/names.js';
import type { Lang } from '../../src/pii/types.js';

function emitted(text: string, lang: Lang): string[] {
  const out: string[] = [];
  findNames(text, lang, (start, end, type, score) =>
    out.push(`${text.slice(start, end)}|${type}|${score}`),
  );
  return out;
}

describe('findNames behind per-spelling gates', () => {
  it('a strong place phrase ends in a word only that list has ("in", "aus")', () => {
    expect(emitted('Ich wohne in Quirrenbach.', 'de')).toContain('Quirrenbach|LOCATION|0.8');
    expect(emitted('Ich komme aus Quirrenbach.', 'de')).toContain('Quirrenbach|LOCATION|0.8');
  });

  it('a strong person phrase names an unknown word; a weak one a listed name', () => {
    expect(emitted('Mein Name ist Quorvan.', 'de')).toEqual([
      'Quorvan|PERSON|0.95',
      'Quorvan|PERSON|0.95',
      'Quorvan|PERSON|0.7',
    ]);
    // "herrn" ends only a strong phrase: the rule's span and the frames' span.
    expect(emitted('Wir treffen Herrn Quorvan morgen.', 'de')).toEqual([
      'Quorvan|PERSON|0.95',
      'Quorvan|PERSON|0.95',
      'Quorvan|PERSON|0.7',
    ]);
    expect(emitted('Danke Anna.', 'de')).toEqual([
      'Anna|PERSON|0.85',
      'Anna|PERSON|0.85',
      'Anna|PERSON|0.7',
    ]);
  });

  it('a listed place of two words is found from its first word', () => {
    expect(emitted('We drove to New York yesterday.', 'en')).toContain('New York|LOCATION|0.85');
  });

  it('the speech frames start at their trigger words and at "me" / "ich"', () => {
    expect(emitted('tenzin here about the booking', 'en')).toEqual(['tenzin|PERSON|0.85']);
    expect(emitted('me and lhamo are coming', 'en')).toEqual(['lhamo|PERSON|0.8']);
    expect(emitted('heide engel hat gesagt dass', 'de')).toEqual(['heide engel|PERSON|0.85']);
  });
});
