import type { PiiType } from './types.js';

/** Characters before a match searched for context words (about five to eight words). */
export const CONTEXT_WINDOW = 48;

/** Builds a matcher for whole words or phrases; the text it gets is lower-cased already. */
export function contextMatcher(words: readonly string[]): RegExp {
  const escaped = words.map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}])`, 'u');
}

/** True when one of the words occurs in the window before `start` (or right after `end`). */
export function hasContext(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  after = 0,
): boolean {
  const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start).toLowerCase();
  if (words.test(before)) return true;
  return after > 0 && words.test(text.slice(end, end + after).toLowerCase());
}

/** Context words per type, German and English together (a text may mix both). */
export const CONTEXT: Partial<Record<PiiType, RegExp>> = {
  PHONE: contextMatcher([
    'tel',
    'tel.',
    'telefon',
    'telefonnummer',
    'handy',
    'handynummer',
    'mobil',
    'nummer',
    'ruf',
    'rufe',
    'anrufen',
    'erreichbar',
    'fax',
    'phone',
    'call',
    'mobile',
    'cell',
    'number',
    'reach me',
    'reach',
    'ring',
    'text',
    'text me',
    'whatsapp',
  ]),
  IBAN: contextMatcher(['iban', 'konto', 'kontonummer', 'bank', 'account', 'überweisung']),
  CREDIT_CARD: contextMatcher([
    'karte',
    'kreditkarte',
    'kartennummer',
    'card',
    'credit',
    'visa',
    'mastercard',
    'amex',
  ]),
  DE_TAX_ID: contextMatcher([
    'steuer',
    'steuer-id',
    'steuerid',
    'steueridentifikationsnummer',
    'identifikationsnummer',
    'idnr',
    'tin',
    'tax',
  ]),
  DE_PENSION_ID: contextMatcher([
    'rentenversicherung',
    'versicherungsnummer',
    'rvnr',
    'sozialversicherung',
  ]),
  // "my social is …", "my s s n is …": how a transcript says it.
  US_SSN: contextMatcher(['ssn', 's s n', 'social security', 'social security number', 'social']),
  VEHICLE_PLATE: contextMatcher([
    'kennzeichen',
    'nummernschild',
    'auto',
    'wagen',
    'fahrzeug',
    'kfz',
    'plate',
    'registration',
    'car',
    'pkw',
    'lkw',
    'transporter',
    'motorrad',
    'falschparker',
    'parkt',
    'reg',
    'reg.',
    'vehicle',
    'van',
    'lorry',
    'truck',
    'motorbike',
    'parked',
    'autos',
    'wagens',
    'fahrzeugs',
    'kennzeichens',
    'motorcycle',
    'scooter',
    'taxi',
    'cab',
    'numberplate',
    'dvla',
    'bike',
    'suv',
    'minibus',
    'trailer',
    'caravan',
    'camper',
    'tractor',
    'pickup',
    'roller',
    'anhänger',
    'wohnmobil',
    'traktor',
    'moped',
    'mofa',
    // Who drives it and the body's name: "the driver of …", "a silver hatchback …", "Fahrer des …".
    'driver',
    'driving',
    'hatchback',
    'saloon',
    'sedan',
    'convertible',
    'coupe',
    'estate car',
    'fahrer',
    'fahrerin',
    'kombi',
    'limousine',
    'cabrio',
  ]),
  DATE_OF_BIRTH: contextMatcher([
    'geboren',
    'geb.',
    'geburtsdatum',
    'geburtstag',
    'born',
    'dob',
    'd.o.b.',
    'date of birth',
    'birthday',
    'birth date',
    'd o b',
    'geburts datum',
    'geburtsjahr',
    'geb',
    'jahrgang',
  ]),
};

// "Ich bin am 4. Juli 1982 geboren", "er wurde am … in Hof geboren": the cue after the date, in
// the same sentence and within a few words.
const BORN_AFTER_CUE = /^[^.!?]{0,40}?(?<![\p{L}])(?:geboren|zur welt gekommen)(?![\p{L}])/iu;

/** True when the date ending at `end` is followed by "geboren" in its sentence. */
export function bornAfter(text: string, end: number): boolean {
  return BORN_AFTER_CUE.test(text.slice(end, end + 60));
}

// German compounds and inflections of the vehicle cues: "Dienstwagen", "Firmenauto",
// "Kfz-Kennzeichen", "des Fahrzeugs", "Kühltransporter".
const VEHICLE_COMPOUND =
  /\p{L}(?:wagen|auto|fahrzeug|kennzeichen|schild|transporter)s?(?![\p{L}])/iu;

/** A vehicle cue before a plate (or within `after` characters after it), compounds included. */
export function vehicleContext(text: string, start: number, end: number, after = 0): boolean {
  if (hasContext(text, start, end, CONTEXT.VEHICLE_PLATE!, after)) return true;
  if (VEHICLE_COMPOUND.test(text.slice(Math.max(0, start - CONTEXT_WINDOW), start))) return true;
  return after > 0 && VEHICLE_COMPOUND.test(text.slice(end, end + after));
}

/** Whether the text names a vehicle anywhere: the gate before looking for plates word by word. */
export function mentionsVehicle(text: string): boolean {
  return CONTEXT.VEHICLE_PLATE!.test(text.toLowerCase()) || VEHICLE_COMPOUND.test(text);
}
