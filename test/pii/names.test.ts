import { describe, expect, it } from 'vitest';
import { detectLanguage, detectPii } from '../../src/pii/index.js';
import { normaliseSpoken } from '../../src/pii/spoken.js';

const typed = (text: string) => detectPii(text).map((s) => [s.type, s.text]);

describe('detectPii names and places', () => {
  it.each([
    [
      'Hallo, ich heiße Anna Schmidt und wohne in München.',
      [
        ['PERSON', 'Anna Schmidt'],
        ['LOCATION', 'München'],
      ],
    ],
    ['Frank Weber hat gestern angerufen.', [['PERSON', 'Frank Weber']]],
    [
      'Herr Weber kommt aus Essen.',
      [
        ['PERSON', 'Weber'],
        ['LOCATION', 'Essen'],
      ],
    ],
    ['Ich heiße Yusuf Demir.', [['PERSON', 'Yusuf Demir']]],
    [
      'my name is john smith and i live in boston',
      [
        ['PERSON', 'john smith'],
        ['LOCATION', 'boston'],
      ],
    ],
    [
      'Yesterday I met Sarah Connor in London.',
      [
        ['PERSON', 'Sarah Connor'],
        ['LOCATION', 'London'],
      ],
    ],
  ])('finds the names in %j', (text, expected) => {
    expect(typed(text)).toEqual(expected);
  });

  it.each([
    'Die Rose blüht im Garten.',
    'Wir essen um acht.',
    'Mark my words.',
    'Alexa, spiel Musik.',
    'Das kostet 10000 Euro.',
  ])('leaves everyday words alone in %j', (text) => {
    expect(typed(text)).toEqual([]);
  });
});

describe('spoken forms', () => {
  it.each([
    [
      'ruf lena an unter null eins sieben eins zwei drei vier fünf sechs sieben',
      'PHONE',
      'null eins sieben eins zwei drei vier fünf sechs sieben',
    ],
    [
      'meine mail ist max punkt müller at gmx punkt de',
      'EMAIL',
      'max punkt müller at gmx punkt de',
    ],
    [
      'my number is oh seven seven double four nine one two three four five',
      'PHONE',
      'oh seven seven double four nine one two three four five',
    ],
    ['ich wohne in der musterstraße zwölf', 'ADDRESS', 'musterstraße zwölf'],
  ])('maps a finding in %j back to the spoken words', (text, type, expected) => {
    expect(
      detectPii(text)
        .filter((s) => s.type === type)
        .map((s) => s.text),
    ).toEqual([expected]);
  });

  it('leaves written text unchanged and maps offsets of untouched parts one to one', () => {
    expect(normaliseSpoken('Ruf 0171 2345678 an')).toBeUndefined();
    const n = normaliseSpoken('tel eins zwei drei vier fünf ok')!;
    expect(n.text).toBe('tel 12345 ok');
    expect(n.toOriginal(4, 9)).toEqual([4, 28]);
    expect(n.toOriginal(10, 12)).toEqual([29, 31]);
  });
});

describe('detectLanguage', () => {
  it('tells German from English by function words', () => {
    expect(detectLanguage('ich bin heute nicht da')).toBe('de');
    expect(detectLanguage('i am not there today')).toBe('en');
  });
});
