// Spoken structured types as a speech recogniser writes them (issue 17): IBANs, German plates,
// phone numbers a validator rejects but given after a cue, English "double seven", "oh".
// Cases written for this file; bench/pii-eval/spoken-structured.ts measures a generated set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIban, speak, spokenStructured } from '../../bench/pii-eval/spoken-structured.js';
import { Rng } from '../../src/demo/random.js';
import { detectPii } from '../../src/pii/index.js';

const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('spoken IBANs', () => {
  it('reads a German IBAN spelt letter by letter and digit by digit', () => {
    const spoken =
      'd e acht neun drei sieben null vier null null vier vier null fünf drei zwei null eins drei null null null';
    expect(found(`meine iban ist ${spoken} danke`, 'IBAN')).toEqual([spoken]);
  });

  it('reads grouped readings: pauses as commas, two-digit numbers, a country said as one word', () => {
    const grouped =
      'd e acht neun, drei sieben null vier, null null vier vier, null fünf drei zwei, null eins drei null, null null';
    expect(found(`die iban lautet ${grouped}`, 'IBAN')).toEqual([grouped]);
    const pairs =
      'd e neunundachtzig siebenunddreißig null vier null null vierundvierzig null fünf zweiunddreißig null eins dreißig null null';
    expect(found(`überweis es auf ${pairs}`, 'IBAN')).toEqual([pairs]);
    expect(found('konto de 89 3704 0044 0532 0130 00 bitte', 'IBAN')).toEqual([
      'de 89 3704 0044 0532 0130 00',
    ]);
  });

  it('reads an English IBAN with a spelt bank code, "double", tens and units, "o" as a letter', () => {
    const a =
      'g b eight two w e s t one two three four five six nine eight seven six five four three two';
    expect(found(`my iban is ${a}`, 'IBAN')).toEqual([a]);
    const b =
      'g b eight two w e s t twelve thirty four fifty six ninety eight seventy six fifty four thirty two';
    expect(found(`my iban is ${b} thanks`, 'IBAN')).toEqual([b]);
    const iban = makeIban('GB', 'LOYD30948104670022');
    const c = `g b ${speak(iban.slice(2), 'en', new Rng(3), 0)}`;
    expect(found(`the account is ${c}`, 'IBAN')).toEqual([c]);
  });

  it('leaves runs that spell no valid IBAN: a wrong digit, one digit too few or too many', () => {
    const wrong =
      'd e acht neun drei sieben null vier null null vier vier null fünf drei zwei null eins drei null null eins';
    expect(found(`iban ${wrong}`, 'IBAN')).toEqual([]);
    const short =
      'd e acht neun drei sieben null vier null null vier vier null fünf drei zwei null eins drei null null';
    expect(found(`iban ${short}`, 'IBAN')).toEqual([]);
    const long =
      'd e acht neun drei sieben null vier null null vier vier null fünf drei zwei null eins drei null null null eins';
    expect(found(`iban ${long}`, 'IBAN')).toEqual([]);
    expect(found('ich habe a b c eins zwei drei geschrieben und d e vier', 'IBAN')).toEqual([]);
  });

  it('finds any valid German IBAN however it is said (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{18}$/),
        fc.constantFrom('de' as const, 'en' as const),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 1000 }),
        (bban, lang, style, seed) => {
          const iban = makeIban('DE', bban);
          const spoken = `d e ${speak(iban.slice(2), lang, new Rng(seed), style)}`;
          const text =
            lang === 'de' ? `meine iban ist ${spoken} danke` : `my iban is ${spoken} thanks`;
          expect(found(text, 'IBAN')).toEqual([spoken]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('spoken German licence plates', () => {
  it('reads spelt letters with and without a said hyphen', () => {
    expect(found('das kennzeichen ist b m w eins zwei drei', 'VEHICLE_PLATE')).toEqual([
      'b m w eins zwei drei',
    ]);
    expect(found('kennzeichen b minus m w eins zwei drei', 'VEHICLE_PLATE')).toEqual([
      'b minus m w eins zwei drei',
    ]);
    expect(
      found('mein auto hat das kennzeichen h h strich a b vier fünf', 'VEHICLE_PLATE'),
    ).toEqual(['h h strich a b vier fünf']);
    expect(found('my car is m dash a b one two three four', 'VEHICLE_PLATE')).toEqual([
      'm dash a b one two three four',
    ]);
    expect(found('kennzeichen B minus M W eins zwei drei', 'VEHICLE_PLATE')).toEqual([
      'B minus M W eins zwei drei',
    ]);
  });

  it('takes a cue after the plate, and none without a cue', () => {
    expect(found('b m w eins zwei drei ist mein kennzeichen', 'VEHICLE_PLATE')).toEqual([
      'b m w eins zwei drei',
    ]);
    expect(found('schreib a minus b zwei in die formel', 'VEHICLE_PLATE')).toEqual([]);
    expect(found('ich buchstabiere x y z eins zwei', 'VEHICLE_PLATE')).toEqual([]);
  });
});

describe('phone numbers given after a cue', () => {
  it('takes numbers a validator rejects when the speaker gives them as their own', () => {
    expect(found('ruf mich an unter 0123 4567890', 'PHONE')).toEqual(['0123 4567890']);
    expect(found('call me on 555 0123 4567', 'PHONE')).toEqual(['555 0123 4567']);
    expect(found('my phone number is (123) 456-7890', 'PHONE')).toEqual(['(123) 456-7890']);
    expect(found('meine handynummer lautet 0123 456789', 'PHONE')).toEqual(['0123 456789']);
    expect(found('du erreichst mich unter 5552943 ab acht', 'PHONE')).toEqual(['5552943']);
    expect(
      found('meine nummer ist null eins zwei drei vier fünf sechs sieben acht', 'PHONE'),
    ).toEqual(['null eins zwei drei vier fünf sechs sieben acht']);
    expect(found('ruf mich an unter eins zwei drei vier fünf sechs sieben', 'PHONE')).toEqual([
      'eins zwei drei vier fünf sechs sieben',
    ]);
  });

  it('reads spoken English numbers with "double", "triple" and "oh"', () => {
    expect(found('call me on double seven oh one two three four five six', 'PHONE')).toEqual([
      'double seven oh one two three four five six',
    ]);
    expect(
      found('my number is oh seven seven double oh nine one two three four five', 'PHONE'),
    ).toEqual(['oh seven seven double oh nine one two three four five']);
    expect(found('you can reach me at triple five oh one two three four', 'PHONE')).toEqual([
      'triple five oh one two three four',
    ]);
    expect(found("my number's five five five one two three four", 'PHONE')).toEqual([
      'five five five one two three four',
    ]);
  });

  it('does not take an impossible number without a cue that it is a phone number', () => {
    expect(found('the order number is 55512345', 'PHONE')).toEqual([]);
    expect(found('die bestellnummer ist 55512345', 'PHONE')).toEqual([]);
    expect(found('wir haben 1234567 besucher gezählt', 'PHONE')).toEqual([]);
  });
});

describe('the generated spoken set (bench/pii-eval/spoken-structured.ts)', () => {
  it('finds every IBAN, plate and phone number of a fresh seed with its exact span', () => {
    for (const item of spokenStructured(30, 99)) {
      const gold = item.spans[0]!;
      const spans = detectPii(item.text, { lang: item.lang }).filter((s) => s.type === gold.type);
      expect(
        spans.map((s) => [s.start, s.end]),
        item.text,
      ).toEqual([[gold.start, gold.end]]);
    }
  });
});
