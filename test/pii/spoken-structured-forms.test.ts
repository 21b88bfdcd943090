import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';

// Cases written for this file (own names, streets, towns, plates and frames): every spoken or
// written form the structured recognizers take, and number words that must stay.
const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('licence plates, written and spoken', () => {
  it.each([
    ['Der Wagen mit dem Kennzeichen WUN-G-3391 stand quer.', 'WUN-G-3391'],
    ['Mein Auto: F-AS 6652, ein grauer Kombi.', 'F-AS 6652'],
    ['The car with registration BV12 DEG was parked across the drive.', 'BV12 DEG'],
    ['A van, reg LG19NEX, blocked the lane.', 'LG19NEX'],
    ['My car is KE15 DWD, a blue hatchback.', 'KE15 DWD'],
    ['mein kennzeichen ist m a b eins zwei drei', 'm a b eins zwei drei'],
    ['kennzeichen h h minus x y neun neun', 'h h minus x y neun neun'],
    [
      'das auto hat das kennzeichen martha anton berta zwölf vierunddreißig',
      'martha anton berta zwölf vierunddreißig',
    ],
    [
      'mein kennzeichen ist münchen aachen berlin sieben sieben',
      'münchen aachen berlin sieben sieben',
    ],
    ['kennzeichen m wie martha x wie xanthippe drei', 'm wie martha x wie xanthippe drei'],
    ['the car is mike alpha bravo one two three i think', 'mike alpha bravo one two three'],
    ['my registration is a l seven three x a f', 'a l seven three x a f'],
    ['my registration is lima kilo seventy x-ray papa tango', 'lima kilo seventy x-ray papa tango'],
  ])('finds the plate in %j', (text, value) => {
    expect(found(text, 'VEHICLE_PLATE')).toEqual([value]);
  });

  it.each([
    'gate b twelve is closed',
    'take the a one north',
    'wir haben a b c geübt und dann zwei runden gedreht',
    'Die Norm DIN-EN-1234 gilt seit Mai.',
    'Das Modell AB12 CDE ist ausverkauft.'.toLowerCase(),
    'mike and i drove the car twelve miles',
  ])('finds no plate in %j', (text) => {
    expect(found(text, 'VEHICLE_PLATE')).toEqual([]);
  });
});

describe('spoken e-mail addresses', () => {
  it.each([
    [
      'meine email adresse ist k i t unterstrich n g at gmx punkt net',
      'k i t unterstrich n g at gmx punkt net',
    ],
    [
      'schreib mir an lena bindestrich vogt ät t minus online punkt de',
      'lena bindestrich vogt ät t minus online punkt de',
    ],
    ['die mail geht an sam pike eins ät posteo punkt de okay', 'sam pike eins ät posteo punkt de'],
    [
      'email me at ilse dot marek at example dot co dot uk',
      'ilse dot marek at example dot co dot uk',
    ],
    [
      'my email is ben underscore ross at my dash isp dot net',
      'ben underscore ross at my dash isp dot net',
    ],
    ['send it to s a m dot p i k e at proton dot me thanks', 's a m dot p i k e at proton dot me'],
  ])('finds the address in %j', (text, value) => {
    expect(found(text, 'EMAIL')).toEqual([value]);
  });

  it('finds no address in a sentence with "at" and "dot" but no domain', () => {
    expect(found('we meet at noon dot on the hour at the station', 'EMAIL')).toEqual([]);
  });
});

describe('spoken dates of birth', () => {
  it.each([
    ['ich bin am elften januar neunundfünfzig geboren', 'elften januar neunundfünfzig'],
    ['geboren am zehnten ersten sechsundachtzig', 'zehnten ersten sechsundachtzig'],
    [
      'geboren am achten fünften neunzehn hundert vierundneunzig',
      'achten fünften neunzehn hundert vierundneunzig',
    ],
    ['mein geburtstag ist am zwölften märz null drei', 'zwölften märz null drei'],
    ['Er wurde am 11.8.1961 in einer kleinen Stadt geboren.', '11.8.1961'],
    ['i was born on the fourth of july nineteen eighty two', 'fourth of july nineteen eighty two'],
    ['date of birth july fourth eighty two', 'july fourth eighty two'],
    ['born fourteenth january nineteen fifty three', 'fourteenth january nineteen fifty three'],
    ['my birthday is may the fifteenth fifty nine', 'may the fifteenth fifty nine'],
    ['date of birth march twelve nineteen ninety', 'march twelve nineteen ninety'],
    ['date of birth the twentieth of june oh seven', 'twentieth of june oh seven'],
  ])('finds the date in %j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it.each([
    'am vierten juli fahren wir in den urlaub',
    'the deadline is the first of january twenty twenty five',
    'we fly out on the fourth of july eighty two miles away',
    'Am 3. April 1963 wurde das Rathaus eröffnet.',
  ])('finds no date of birth in %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('spoken addresses and postcodes', () => {
  it.each([
    [
      'die lieferadresse lautet ringstraße hunderteinundzwanzig',
      ['ringstraße hunderteinundzwanzig'],
    ],
    ['wir sind jetzt in der rosen straße neunundsechzig', ['rosen straße neunundsechzig']],
    ['bitte an fliederweg siebzig a schicken', ['fliederweg siebzig a']],
    [
      'ich wohne in der lindenstraße dreißig in sechs sieben null zwei neun alfeld',
      ['lindenstraße dreißig', 'sechs sieben null zwei neun alfeld'],
    ],
    // Street, postcode and town said in one piece are one address, as written in one piece.
    [
      'meine adresse ist hauptstraße fünfundvierzig zwei neun acht null sieben lauterbach',
      ['hauptstraße fünfundvierzig zwei neun acht null sieben lauterbach'],
    ],
    ['my address is two hundred and twelve orchard way', ['two hundred and twelve orchard way']],
    ['send it to one two four mill lane please', ['one two four mill lane']],
    [
      'i live at fifty four station road n r two four p l',
      ['fifty four station road n r two four p l'],
    ],
    ['the postcode is y o one zero five d d', ['y o one zero five d d']],
    [
      // Street, postcode and town on one line are one address (de-addresses.ts).
      'Wir sind umgezogen, jetzt Am Sonnenhang 12, 48065 Bad Kötzting.',
      ['Am Sonnenhang 12, 48065 Bad Kötzting'],
    ],
  ])('finds the address in %j', (text, values) => {
    expect(found(text, 'ADDRESS')).toEqual(values);
  });

  it.each([
    'it is a ten minute walk from here',
    'the bestellnummer ist vier fünf sechs sieben acht bitte',
    'der weg zwei kilometer bergauf ist steil',
    'we had two big gardens and three ponds',
    'room two hundred and twelve is free',
  ])('finds no address in %j', (text) => {
    expect(found(text, 'ADDRESS')).toEqual([]);
  });
});

describe('spoken IBANs and phones', () => {
  it('reads a British IBAN with NATO letters for the bank code', () => {
    // GB82 WEST 1234 5698 7654 32, the example of the IBAN standard, spelt.
    const text =
      'my iban is golf bravo eight two whiskey echo sierra tango one two three four five six nine eight seven six five four three two';
    expect(found(text, 'IBAN')).toEqual([text.slice('my iban is '.length)]);
  });

  it.each([
    [
      'call me on plus double four seven two eight nine six three five two nine one',
      'plus double four seven two eight nine six three five two nine one',
    ],
    [
      'you can reach her on two one two four two eight nine zero seven three',
      'two one two four two eight nine zero seven three',
    ],
  ])('finds the phone number in %j', (text, value) => {
    expect(found(text, 'PHONE')).toEqual([value]);
  });

  it.each([
    'that comes to nineteen ninety nine',
    'die bestellnummer ist vier fünf sechs sieben acht neun',
    'das kostet neunzehn euro neunundneunzig',
  ])('keeps number words that are no phone in %j', (text) => {
    expect(detectPii(text).filter((s) => s.type !== 'PERSON' && s.type !== 'LOCATION')).toEqual([]);
  });
});

describe('further forms: letter names, compounds as vehicle cues, older British plates, dates said digit by digit, streets after a preposition', () => {
  it.each([
    ['mein kennzeichen ist ha ha ka el zwölf', 'VEHICLE_PLATE', 'ha ha ka el zwölf'],
    ['the reg is bee kay one nine zed ex ar', 'VEHICLE_PLATE', 'bee kay one nine zed ex ar'],
    ['Der Dienstwagen hat M-AB 1234.', 'VEHICLE_PLATE', 'M-AB 1234'],
    ['Halter des Fahrzeugs mit S XY 12 gesucht.', 'VEHICLE_PLATE', 'S XY 12'],
    ['Reg A123 BCD on the taxi.', 'VEHICLE_PLATE', 'A123 BCD'],
    ['The van was ABC 123D.', 'VEHICLE_PLATE', 'ABC 123D'],
    [
      'geboren am null vier null sieben neunzehn zweiundachtzig',
      'DATE_OF_BIRTH',
      'null vier null sieben neunzehn zweiundachtzig',
    ],
    ['date of birth oh four oh seven eighty two', 'DATE_OF_BIRTH', 'oh four oh seven eighty two'],
    [
      'd o b the fourth of the seventh eighty two',
      'DATE_OF_BIRTH',
      'fourth of the seventh eighty two',
    ],
    ['born on four july nineteen eighty two', 'DATE_OF_BIRTH', 'four july nineteen eighty two'],
    ['ich wohne am mühlbach sieben in zwiesel', 'ADDRESS', 'am mühlbach sieben'],
    ['ich wohne in der hauptstraße nummer zwölf', 'ADDRESS', 'hauptstraße nummer zwölf'],
    ['Reach Tom at +44 7700 900456.', 'PHONE', '+44 7700 900456'],
    ['Text Priya on 555-0142 tonight.', 'PHONE', '555-0142'],
  ])('finds it in %j', (text, type, value) => {
    expect(found(text, type)).toEqual([value]);
  });

  it.each([
    ['Order ABC 123D shipped.', 'VEHICLE_PLATE'],
    ['die bestellnummer ist null vier null sieben acht zwei', 'DATE_OF_BIRTH'],
    ['wir treffen uns am montag zwei mal', 'ADDRESS'],
    ['i see you at the car park at two', 'VEHICLE_PLATE'],
    ['Your invoice number is 555-0142.', 'PHONE'],
  ])('finds nothing in %j', (text, type) => {
    expect(found(text, type)).toEqual([]);
  });
});

describe('numbers said as dates, letters said as one word, British number words', () => {
  it.each([
    [
      'geboren am null drei null fünf neunzehnhundertachtzig',
      'DATE_OF_BIRTH',
      'null drei null fünf neunzehnhundertachtzig',
    ],
    [
      'date of birth oh four oh seven nineteen eighty two',
      'DATE_OF_BIRTH',
      'oh four oh seven nineteen eighty two',
    ],
    ['geburts datum dritter mai achtzig', 'DATE_OF_BIRTH', 'dritter mai achtzig'],
    [
      'kennzeichen gap k achttausendneunhundertdreizehn',
      'VEHICLE_PLATE',
      'gap k achttausendneunhundertdreizehn',
    ],
    ['mein auto hat das kennzeichen m ab zwölf', 'VEHICLE_PLATE', 'm ab zwölf'],
    ['mein kennzeichen ist wun x y drei', 'VEHICLE_PLATE', 'wun x y drei'],
    ['Spotted LG19NEX near the school.', 'VEHICLE_PLATE', 'LG19NEX'],
    [
      'call me on oh seven seven treble four five six seven eight nine',
      'PHONE',
      'oh seven seven treble four five six seven eight nine',
    ],
  ])('finds it in %j', (text, type, value) => {
    expect(found(text, type)).toEqual([value]);
  });

  it.each([
    ['mein auto ist ab zwei uhr frei', 'VEHICLE_PLATE'],
    ['Our code is AB12QIQ today.', 'VEHICLE_PLATE'],
    ['wir sehen uns am null drei null fünf', 'DATE_OF_BIRTH'],
  ])('finds nothing in %j', (text, type) => {
    expect(found(text, type)).toEqual([]);
  });
});

describe('written streets with further suffixes', () => {
  it.each([
    ['Lieferung an Lindenanger 4.', 'Lindenanger 4'],
    ['ich wohne auf der höhe drei in zwiesel', 'auf der höhe drei'],
    ['Send it to 14 Harbour Quay.', '14 Harbour Quay'],
    ['We live at 3 Lime Tree Park, Penrith.', '3 Lime Tree Park'],
  ])('finds the street in %j', (text, value) => {
    expect(found(text, 'ADDRESS')).toEqual([value]);
  });

  it('takes no town followed by a year for a street', () => {
    expect(found('In Heidelberg 2024 war es schön.', 'ADDRESS')).toEqual([]);
  });
});
