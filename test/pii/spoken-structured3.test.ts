import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';

// Issue 17, session 13: structured values in the forms speech recognisers and registers write,
// with values made for this file (the IBANs pass their mod-97 check, the SSNs an SSN's
// structure; none is taken from an evaluation set).
const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('spoken IBANs: a lone letter that opens the next sentence ends the IBAN', () => {
  it.each([
    [
      'the refund went to d k three four five two one three zero zero zero four five six seven eight nine one i was not told',
      'd k three four five two one three zero zero zero four five six seven eight nine one',
    ],
    [
      'send it to november lima one eight romeo alpha bravo oscar zero one two three four five nine eight seven six a friend of mine',
      'november lima one eight romeo alpha bravo oscar zero one two three four five nine eight seven six',
    ],
  ])('%s', (text, value) => {
    expect(found(text, 'IBAN')).toEqual([value]);
  });

  it('a spelt run going on after the IBAN is no IBAN of that length', () => {
    const text =
      'the refund went to d k three four five two one three zero zero zero four five six seven eight nine one a b c';
    expect(found(text, 'IBAN')).toEqual([]);
  });
});

describe('spoken SSNs: nine digits after "the number" or a word of taxes', () => {
  it.each([
    [
      'please give my accountant the number five one two oh four double seven three one',
      'five one two oh four double seven three one',
    ],
    [
      'i read out the number three four one twenty two eighty nine oh six to the clerk',
      'three four one twenty two eighty nine oh six',
    ],
    [
      'for the payroll form it is two oh eight four four six one five nine',
      'two oh eight four four six one five nine',
    ],
  ])('%s', (text, value) => {
    expect(found(text, 'US_SSN')).toEqual([value]);
  });

  it.each([
    // Another number's noun before it.
    'my order number is five one two oh four double seven three one',
    'the tracking number is three four one two two eight nine oh six',
    // No SSN's structure: area 9xx, group 00.
    'i read out the number nine one two oh four double seven three one',
    'i read out the number three four one double oh eight nine oh six',
    // Ten digits are no SSN.
    'i read out the number three four one two two eight nine oh six five',
    // No cue at all.
    'we counted five one two oh four double seven three one',
    // "my number" is a phone's.
    'my number is five one two oh four double seven three one',
  ])('no SSN: %s', (text) => {
    expect(found(text, 'US_SSN')).toEqual([]);
  });

  it('written, nine digits after "the number" stay as they were', () => {
    expect(found('Please quote the number 512047731 when you call.', 'US_SSN')).toEqual([]);
  });
});

describe('dates of birth: a life span in a death notice', () => {
  it.each([
    ['In stiller Trauer\nOTTILIE SEEBACH\n* 7.11.1938  † 3. März 2026', '7.11.1938'],
    ['Wir nehmen Abschied von Bruno Ahlers\n* 21. Juni 1944 † 30.1.2026', '21. Juni 1944'],
    [
      'EDMUND CARVILLE\n2 April 1951 – 17 October 2026\nPassed away at home, aged 75.',
      '2 April 1951',
    ],
    ['In loving memory of Maud Tillett, 5/19/1940 – 9/2/2026', '5/19/1940'],
  ])('%j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it.each([
    'Employed from 3 May 2019 – 4 June 2020 as a clerk.',
    'The exhibition runs 12 March 2026 – 30 April 2026 in the east wing.',
    'Vertrag vom 1.2.2024 – 31.1.2026, danach verlängert.',
  ])('a span of time without a death stays: %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe("dates of birth: day, month's name and year between hyphens or slashes", () => {
  it.each([
    ['Patient: Ruth Okafor\nDOB: 14-Aug-1962\nWard 3', '14-Aug-1962'],
    ['Member born 02/JUN/71, joined last spring.', '02/JUN/71'],
    ['Geburtsdatum: 9-Okt-1958', '9-Okt-1958'],
  ])('%j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it('without a birth cue the date is no date of birth', () => {
    expect(found('Invoice dated 9-Oct-2025, due 9-Nov-2025.', 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('plates: the driver and the body name the vehicle', () => {
  it.each([
    [
      'we spoke to the driver of kilo lima five two yankee delta sierra at the junction',
      'kilo lima five two yankee delta sierra',
    ],
    ['look for a blue hatchback r t six one p w x outside', 'r t six one p w x'],
    ['der fahrer des grauen kombis war m k zwölf aber nicht zu sehen', 'm k zwölf'],
  ])('%s', (text, value) => {
    expect(found(text, 'VEHICLE_PLATE')).toEqual([value]);
  });

  it('"i am" after "driver" is no district', () => {
    expect(found('the driver said i am five foot ten', 'VEHICLE_PLATE')).toEqual([]);
  });
});

describe('plates: letters, a number, letters beside a vehicle cue', () => {
  it.each([
    ['das fahrzeug mit dem kennzeichen m dreihundertvierzig k l parkt', 'm dreihundertvierzig k l'],
    ['der wagen samuel vierhundertzwölf anton stand quer', 'samuel vierhundertzwölf anton'],
    ['Der Kühltransporter R 52 TK fährt um sieben.', 'R 52 TK'],
    ['Mietwagen: KA 418 TD, Abholung am Montag.', 'KA 418 TD'],
  ])('%s', (text, value) => {
    expect(found(text, 'VEHICLE_PLATE')).toEqual([value]);
  });

  it.each([
    'Mein Auto steht in Halle B 3 OG.',
    'unser auto a drei b steht draußen',
    'the car a forty mile trip was long',
  ])('no plate: %s', (text) => {
    expect(found(text, 'VEHICLE_PLATE')).toEqual([]);
  });
});
