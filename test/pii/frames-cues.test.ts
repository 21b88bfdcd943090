import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/pii/gazetteer.js';
import { detectPii } from '../../src/pii/index.js';

// Cases written for these tests (names made up or of origins the gazetteer lacks): the cues
// added for issue 17's second round — farewells as vocatives, verbs of telling after a name,
// e-mail/invite/notify as verbs of calling — and lists of names.
const found = (text: string, type: string) =>
  detectPii(text)
    .filter((s) => s.type === type)
    .map((s) => s.text);

const NAMES = ['ruslana', 'tkachuk', 'dzidzo', 'ametepe', 'kwabena', 'tsiklauri'];

describe('frames added for unseen names', () => {
  it('uses names no list holds', () => {
    const flags = gazetteer().flags;
    for (const n of NAMES) expect(flags.get(n) ?? 0, n).toBe(0);
  });

  it.each([
    // farewells address someone, as greetings do
    ['Tschüss Ruslana, bis morgen!', 'Ruslana'],
    ['tschüss ruslana bis morgen', 'ruslana'],
    ['Bye Kwabena, see you on Monday.', 'Kwabena'],
    ['bye kwabena see you on monday', 'kwabena'],
    ['Ciao Dzidzo, mach’s gut.', 'Dzidzo'],
    // verbs of telling after the name
    ['Ruslana Tkachuk erzählte, dass der Zug ausfiel.', 'Ruslana Tkachuk'],
    ['dzidzo ametepe told me the shop is closed', 'dzidzo ametepe'],
    ['Kwabena Tsiklauri replied within the hour.', 'Kwabena Tsiklauri'],
    // e-mail, invite and notify name the person after them
    ['email ruslana tkachuk about the invoice', 'ruslana tkachuk'],
    ['Invite Kwabena Tsiklauri to the barbecue.', 'Kwabena Tsiklauri'],
    ['benachrichtige dzidzo ametepe wenn das paket da ist', 'dzidzo ametepe'],
  ])('finds the name in %j', (text, name) => {
    expect(found(text, 'PERSON')).toContain(name);
  });

  it.each([
    ['Eingeladen sind Ruslana Tkachuk, Dzidzo Ametepe und Kwabena Tsiklauri.'],
    ['The guests are Ruslana Tkachuk, Dzidzo Ametepe and Kwabena Tsiklauri.'],
  ])('finds every name of the list in %j', (text) => {
    expect(found(text, 'PERSON')).toEqual([
      'Ruslana Tkachuk',
      'Dzidzo Ametepe',
      'Kwabena Tsiklauri',
    ]);
  });

  it.each([
    // no cue, no capital: the tagger's guess from the letters and the words around
    ['ist oyelaran schon zu hause', 'oyelaran'],
    ['ich glaube kwabena hat den schlüssel', 'kwabena'],
    ['i think ruslana has the keys', 'ruslana'],
  ])('the tagger finds the lower-case name in %j', (text, name) => {
    expect(found(text, 'PERSON')).toEqual([name]);
  });

  it.each([
    'Kleiner Tipp für alle: früh kommen.',
    'Tschüss und bis morgen!',
    'bye for now see you later',
    'He told me the truth about the car.',
    'Email the invoice to accounts please.',
    'Invite everyone from the office.',
    'sie erzählte von ihrem urlaub',
    'informiere mich wenn der zug kommt',
  ])('takes no name from %j', (text) => {
    expect(found(text, 'PERSON')).toEqual([]);
  });

  it('takes no noun after an article for a name ("am Empfang")', () => {
    expect(found('Frau Ekinci wartet schon am Empfang.', 'PERSON')).toEqual(['Ekinci']);
  });
});
