import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';

// Cases written for these tests; none of the names is in the gazetteer or the evaluation lists.
const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('person names by frame', () => {
  it.each([
    // titles, with and without a full stop
    ['Dr. Kasprzak hat den Befund unterschrieben.', 'Kasprzak'],
    ['Frau Ekinci ist heute im Homeoffice.', 'Ekinci'],
    ['Herr Ngo Van Long wartet unten.', 'Ngo Van Long'],
    ['Mr Farouk will call back after lunch.', 'Farouk'],
    ['Ms. Laoise Breathnach joined in March.', 'Laoise Breathnach'],
    // a title makes even an everyday word a name
    ['Frau Wolke hat angerufen.', 'Wolke'],
    // roles
    ['Kontoinhaber: Bartosz Kasprzak', 'Bartosz Kasprzak'],
    ['Please refund account holder Emeka Nwosu.', 'Emeka Nwosu'],
    // verbs of speaking, before and after the name
    ['„Das passt schon“, sagt Ilkay Ekinci.', 'Ilkay Ekinci'],
    ['Ilkay Ekinci sagt, das passt schon.', 'Ilkay Ekinci'],
    ['"It fits," says Emeka Nwosu.', 'Emeka Nwosu'],
    ['Emeka Nwosu says it fits.', 'Emeka Nwosu'],
    // verbs of calling
    ['Ruf Bartosz Kasprzak heute noch an.', 'Bartosz Kasprzak'],
    ['Call Laoise Breathnach after the meeting.', 'Laoise Breathnach'],
    // vocatives
    ['Hallo Ilkay, hast du den Schlüssel?', 'Ilkay'],
    ['Hey Emeka, are you coming?', 'Emeka'],
    // self-introductions
    ['Mein Name ist Bartosz Kasprzak.', 'Bartosz Kasprzak'],
    ['Ich heiße Ilkay Ekinci.', 'Ilkay Ekinci'],
    ['Ich bin Ilkay Ekinci aus Köln.', 'Ilkay Ekinci'],
    ['My name is Emeka Nwosu.', 'Emeka Nwosu'],
    // signatures
    ['Bis bald!\nViele Grüße\nBartosz Kasprzak', 'Bartosz Kasprzak'],
    ['Thanks again.\nKind regards,\nLaoise Breathnach', 'Laoise Breathnach'],
    // shape: English capitalisation, foreign letters in German text
    ['Yesterday I bumped into Emeka Nwosu at the market.', 'Emeka Nwosu'],
    ['Gestern habe ich mit Wrzesiński gesprochen.', 'Wrzesiński'],
  ])('finds the name in %j', (text, name) => {
    expect(found(text, 'PERSON')).toContain(name);
  });

  it.each([
    // lower-case transcripts without punctuation
    ['ruf bartosz kasprzak an', 'bartosz kasprzak'],
    ['call laoise breathnach', 'laoise breathnach'],
    ['mein name ist ilkay ekinci', 'ilkay ekinci'],
    ['my name is emeka nwosu and i live in leeds', 'emeka nwosu'],
    ['frau ekinci hat angerufen', 'ekinci'],
    ['hey emeka how are you', 'emeka'],
    ['sag ilkay dass ich später komme', 'ilkay'],
    ['emeka says he is running late', 'emeka'],
    // the surname may be an everyday word once the given name is known
    ['ruf ilkay wolke an', 'ilkay wolke'],
  ])('finds the name in the transcript %j', (text, name) => {
    expect(found(text, 'PERSON')).toContain(name);
  });

  it('takes the whole name, not half of it', () => {
    expect(found('Danke an Anna Kasprzak für alles.', 'PERSON')).toEqual(['Anna Kasprzak']);
    expect(found('Call Emeka Fox tomorrow.', 'PERSON')).toEqual(['Emeka Fox']);
    // particles inside the name
    expect(found('Frau Aleida van der Poel hat unterschrieben.', 'PERSON')).toEqual([
      'Aleida van der Poel',
    ]);
    expect(found('My name is Karim bin Rashid.', 'PERSON')).toEqual(['Karim bin Rashid']);
    // no particle without a name part after it
    expect(found('Herr Kasprzak von der Bank rief an.', 'PERSON')).toEqual(['Kasprzak']);
  });

  it.each([
    'Ich bin müde.',
    "I'm fine, thanks.",
    'Das sagt mir nichts.',
    'Call me later.',
    'Hallo zusammen, wie geht es euch?',
    'Alles in Ordnung, ich bin nach Hause gefahren.',
    'Mein Auto hat das Kennzeichen B-XY 123.',
    'Ruf mich bitte an.',
    'Die Tel.-Nr. steht unten.',
    'Der Patient ist wach.',
    'sagte Oma',
  ])('reads no person into %j', (text) => {
    expect(found(text, 'PERSON')).toEqual([]);
  });
});

describe('places by frame', () => {
  it.each([
    ['Wir ziehen im Herbst nach Gunzenhausen.', 'Gunzenhausen'],
    ['She grew up in Stornoway.', 'Stornoway'],
    ['navigiere nach ebersberg', 'ebersberg'],
    ['what is the weather in lerwick', 'lerwick'],
  ])('finds the place in %j', (text, place) => {
    expect(found(text, 'LOCATION')).toContain(place);
  });
});

describe('structured types in speech and by context', () => {
  it.each([
    ['Ruf mich an unter 0123 456789.', 'PHONE', '0123 456789'],
    ['Call me on 0999 123 456.', 'PHONE', '0999 123 456'],
    [
      'die ip ist zehn punkt null punkt null punkt eins',
      'IP_ADDRESS',
      'zehn punkt null punkt null punkt eins',
    ],
    ['connect to ten dot zero dot zero dot one', 'IP_ADDRESS', 'ten dot zero dot zero dot one'],
    [
      'the server is one ninety two dot one sixty eight dot two dot fifty',
      'IP_ADDRESS',
      'one ninety two dot one sixty eight dot two dot fifty',
    ],
    [
      'die adresse ist hundertzweiundneunzig punkt hundertachtundsechzig punkt null punkt zwölf',
      'IP_ADDRESS',
      'hundertzweiundneunzig punkt hundertachtundsechzig punkt null punkt zwölf',
    ],
    ['mein kennzeichen ist k l m vier zwei', 'VEHICLE_PLATE', 'k l m vier zwei'],
    ['kennzeichen d o x y 512', 'VEHICLE_PLATE', 'd o x y 512'],
    [
      'ich bin am vierten juli neunzehnhundertzweiundsiebzig geboren',
      'DATE_OF_BIRTH',
      'vierten juli neunzehnhundertzweiundsiebzig',
    ],
    [
      'i was born on the fourth of july nineteen seventy two',
      'DATE_OF_BIRTH',
      'fourth of july nineteen seventy two',
    ],
    [
      'my date of birth is march twelfth two thousand one',
      'DATE_OF_BIRTH',
      'march twelfth two thousand one',
    ],
    [
      'schreib an max punkt mustermann at gmail punkt com',
      'EMAIL',
      'max punkt mustermann at gmail punkt com',
    ],
    [
      'meine adresse ist ilkay unterstrich ekinci dreiundzwanzig klammeraffe web punkt de',
      'EMAIL',
      'ilkay unterstrich ekinci dreiundzwanzig klammeraffe web punkt de',
    ],
    [
      'email emeka dot nwosu forty two at outlook dot com',
      'EMAIL',
      'emeka dot nwosu forty two at outlook dot com',
    ],
  ])('finds it in %j', (text, type, value) => {
    expect(found(text, type)).toEqual([value]);
  });

  it.each([
    ['Version zwei punkt drei punkt eins punkt vier', 'IP_ADDRESS'],
    ['am vierten juli neunzehnhundertzweiundsiebzig war es heiß', 'DATE_OF_BIRTH'],
    ['wir haben a b c geübt', 'VEHICLE_PLATE'],
    ['Die Bestellnummer ist 0000 111 222.', 'PHONE'],
  ])('reports nothing in %j', (text, type) => {
    expect(found(text, type)).toEqual([]);
  });
});

describe('function words', () => {
  it('are never a person, whatever frame they stand in', async () => {
    const fc = await import('fast-check');
    const { FUNCTION_WORDS } = await import('../../src/pii/function-words.js');
    const word = fc.constantFrom(...FUNCTION_WORDS);
    const cue = fc.constantFrom('ruf', 'call', 'sagt', 'says', 'hallo', 'hey', 'Hallo', 'Call', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(cue, word), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([c, w]) => `${c} ${w}`.trim()).join(' ');
        expect(found(text, 'PERSON')).toEqual([]);
      }),
    );
  });
});
