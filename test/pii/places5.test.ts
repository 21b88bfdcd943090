import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';
import { notPlaceShape } from '../../src/pii/non-place-shapes.js';
import type { PiiSpan, PiiType } from '../../src/pii/types.js';

// Issue 17, session 13: place and address errors by category, tested with our own names, towns,
// streets and sentences (none taken from an evaluation set).

const of = (found: readonly PiiSpan[], type: PiiType) =>
  found.filter((s) => s.type === type).map((s) => s.text);

describe('one-word place guesses that their surroundings show to be something else', () => {
  it.each([
    // A compound with a small last part.
    'New sign-up from Leeds on Friday.',
    // A facility with its letter.
    'The order ships from Warehouse C within 3 working days.',
  ])('%j', (text) => {
    const places = of(detectPii(text, { lang: 'en' }), 'LOCATION');
    expect(places.filter((p) => p !== 'Leeds')).toEqual([]);
  });

  /** The verdict on the word `word` where it first stands in `text`. */
  const shape = (text: string, word: string) => {
    const start = text.indexOf(word);
    return notPlaceShape(text, start, start + word.length, word);
  };
  it.each([
    ['Unusual log-in from 10.20.30.40 on Friday.', 'log-in', 'other'],
    ['Your parcel leaves from Depot K within 3 working days.', 'Depot', 'other'],
    ['Case 44120 | Severity: Medium\nOwner: support desk', 'Medium', 'other'],
    ['Stand: Offen\nBearbeiter: Team Nord', 'Offen', undefined],
    ['Priorität: Hoch\nBearbeiter: Team Nord', 'Hoch', 'other'],
    ['Cheers from Ondrej & Maelle', 'Maelle', 'person'],
    ['Your table is booked, Oyelaran! See you at eight.', 'Oyelaran', 'person'],
    ['Neues Match: Quirina (29) aus dem Nachbarort', 'Quirina', 'person'],
    // Places stay places.
    ['We drove to Stratford-upon-Avon on Monday.', 'Stratford-upon-Avon', undefined],
    ['The ferry to Tai O is cancelled.', 'Tai', undefined],
    ['Greetings from Leeds, see you soon!', 'Leeds', undefined],
    ['in a transcript: we went to log-in', 'log-in', undefined],
  ])('%j: %s is %s', (text, word, verdict) => {
    expect(shape(text, word)).toBe(verdict);
  });

  it.each([['Cheers from Ondrej & Maelle, see you in spring', 'Ondrej']])(
    'a person, not a place: %j',
    (text, name) => {
      const found = detectPii(text);
      expect(of(found, 'LOCATION')).not.toContain(name);
      expect(of(found, 'PERSON').join(' ')).toContain(name);
    },
  );

  it.each([
    // "O" is a particle of a name, not a facility's letter.
    ['The ferry to Tai O is cancelled.', 'Tai'],
    ['We drove from Kirkwall to Stromness on Monday.', 'Stromness'],
  ])('places stay: %j', (text, place) => {
    const places = of(detectPii(text, { lang: 'en' }), 'LOCATION');
    expect(places.some((p) => p.startsWith(place))).toBe(true);
  });
});

describe('the town after a street crosses no line break after a postcode', () => {
  it.each([
    'Address: 4 Kiln Lane, Oakworth, BD22 7XY\nSeen by the nurse on Monday.',
    'Wohnhaft: Lerchenweg 9, 54321 Wiesenrode\nVorstellung beim Hausarzt am Montag.',
  ])('%j', (text) => {
    const places = of(detectPii(text), 'LOCATION');
    expect(places).not.toContain('Seen');
    expect(places).not.toContain('Vorstellung');
  });
});

describe('German addresses in one piece', () => {
  it.each([
    ['Anschrift: Lerchenweg 12–14 in 54321 Wiesenrode', 'Lerchenweg 12–14 in 54321 Wiesenrode'],
    [
      'Lieferung an Am Bleichplatz 7 in 65432 Torfhausen bitte.',
      'Am Bleichplatz 7 in 65432 Torfhausen',
    ],
    ['Absender: 54321 Wiesenrode, Lerchenweg 12', '54321 Wiesenrode, Lerchenweg 12'],
    [
      'Brief an 76543 Unter-Krähenbach, Mühlgasse 3, Betreff: Termin',
      '76543 Unter-Krähenbach, Mühlgasse 3',
    ],
  ])('%j', (text, address) => {
    expect(of(detectPii(text, { lang: 'de' }), 'ADDRESS')).toEqual([address]);
  });

  it.each([
    'Vorgang 34567\nFahrzeug: Transporter, Kundendienst am Montag',
    'Dein Zugang: k.brandt@example.org, fester Platz 7, Drucker im Flur.',
  ])('no address: %j', (text) => {
    expect(of(detectPii(text, { lang: 'de' }), 'ADDRESS')).toEqual([]);
  });
});
