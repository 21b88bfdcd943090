import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';

// Cases written for these tests; the towns are made up or not in the gazetteer.
const places = (text: string) =>
  detectPii(text)
    .filter((s) => s.type === 'LOCATION')
    .map((s) => s.text);

describe('the town after a street address', () => {
  it.each([
    ['wir wohnen in der Lindenstraße 5, Kleinroda', 'Kleinroda'],
    ['i live at 14 orchard close, ballykinler', 'ballykinler'],
    ['I live at 27 Larkspur Avenue, Dunmanway.', 'Dunmanway'],
    ['Lieferung an Ahornweg 12, Bad Kleinroda', 'Bad Kleinroda'],
  ])('is a place in %j', (text, town) => {
    expect(places(text)).toContain(town);
  });

  it.each([
    'Birkenweg 3, Erdgeschoss links',
    'Lindenstraße 5, bitte klingeln',
    'We are at 12 High Street and then at the park.',
    '12 Mill Lane, Flat 2',
  ])('takes no word of %j for a town', (text) => {
    expect(places(text)).toEqual([]);
  });
});
