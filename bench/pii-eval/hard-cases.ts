import { type Labelled, parseMarkup } from './markup.js';

// Hand-written: names that are everyday words, places that are names, numbers that are not phones.
const DE = [
  'Die Rose im Garten blüht schon.',
  'Frau [[Rose|PERSON]] hat angerufen.',
  '[[Frank Weber|PERSON]] kommt morgen.',
  'Der Weber webt Stoff, der Koch kocht.',
  'Herr [[Koch|PERSON]] ist im Urlaub.',
  'Das kostet 5 Mark, sagte Oma.',
  'Wir essen um acht in der Kantine.',
  'Ich fahre nach [[Essen|LOCATION]].',
  'Die Bestellnummer ist 4711081512.',
  'Rechnung 2024-0815, Betrag 1.234,56 Euro.',
  'Das Meeting ist am 12.03.2024 um 14:30.',
  'Version 3.2.1 ist veröffentlicht.',
  'Alexa, spiel Musik von Queen.',
  'Ich heiße [[Mark|PERSON]] und wohne in [[Halle|LOCATION]].',
  '[[Paris Hilton|PERSON]] war nicht in [[Paris|LOCATION]].',
  'Gewinnzahlen: 3 12 17 28 33 45',
];
const EN = [
  'The rose garden is open.',
  'Call [[Rose|PERSON]] tomorrow.',
  '[[Frank Weber|PERSON]] joined the team.',
  'To be frank, I forgot.',
  'Mark the date in your calendar.',
  'My name is [[Will|PERSON]].',
  'I will call you later.',
  'Order number 4711081512 has shipped.',
  'Invoice 2024-0815 totals $1,234.56.',
  'The meeting is at 2:30 on 03/12/2024.',
  'I moved to [[Jackson|LOCATION]] last year.',
  '[[Jackson|PERSON]] said hello.',
  'Alexa, set a timer for 10 minutes.',
  'Lottery numbers: 3 12 17 28 33 45',
  'Version 10.0.19045 is installed.',
  'Meet [[Sarah|PERSON]] in [[Reading|LOCATION]].',
];

export const HARD_CASES: readonly Labelled[] = [
  ...DE.map((s) => parseMarkup(s, 'de', 'hard')),
  ...EN.map((s) => parseMarkup(s, 'en', 'hard')),
];
