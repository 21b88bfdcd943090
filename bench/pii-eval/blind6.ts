// The sixth blind set (issue 17): new sentence frames, German and English, written and spoken,
// over the names, places and values of blind6-values.ts and blind6-draw.ts. Written without
// reading the detector, its training data or its tests, and never run against the detector by
// its author; only the item format was taken from blind5.ts and evaluate.ts.
// Spoken frames are lower case without punctuation, numbers and symbols as words. Each language
// and kind has PII frames (speakers, addressees, titles, account holders, signatures, lists,
// callers; phone numbers given as one's own that a validator would reject) and PII-free frames
// that use capitalised ordinary words and the word-surnames (Specht, Hammer, Frost, Marsh …) as
// words beside numbers that are not personal.
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Person, Values } from './blind6-draw.js';
import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { rng } from './corpus.js';
import type { Labelled } from './markup.js';

type Frame = (v: Values) => Built;

/** A frame that uses one person twice (name and e-mail, first name then full name …). */
const withPerson =
  (f: (v: Values, p: Person) => Built): Frame =>
  (v) =>
    f(v, v.person());

/** English spoken dates of birth: "on the seventh of march …" but "on march seventh …". */
const withEnDob =
  (f: (v: Values, the: string, dob: ReturnType<Values['dob']>) => Built): Frame =>
  (v) => {
    const d = v.dob();
    return f(v, d.value.includes(' of ') ? 'the ' : '', d);
  };

const DE_WRITTEN: readonly Frame[] = [
  (v) => t`Ich heiße ${v.full()} und wohne seit 2019 in ${v.town()}.`,
  (v) =>
    t`Guten Tag ${v.one('Frau', 'Herr', 'Frau Dr.', 'Herr Prof.')} ${v.last()}, Ihr Termin ist am Donnerstag um 9 Uhr.`,
  (v) => t`Sie erreichen mich tagsüber unter ${v.phone()}.`,
  (v) => t`Meine Nummer ist ${v.phoneInvalid()}, ruf mich einfach an.`,
  (v) => t`Kontoinhaber: ${v.full()}, IBAN ${v.iban()}`,
  (v) => t`Bitte überweisen Sie die Kaution auf das Konto ${v.iban()} bei der Volksbank.`,
  (v) => t`${v.full()} (geb. ${v.dob()}) wurde am Montag auf Station 4 aufgenommen.`,
  (v) => t`Geburtsdatum: ${v.dob()}; Wohnort: ${v.town()}`,
  (v) => t`Die Lieferung geht an ${v.address()}.`,
  withPerson((v, p) => t`Schreib ${v.first(p)} doch eine Mail an ${v.email(p)}.`),
  (v) => t`Antworten bitte nur noch an ${v.email()}, die alte Adresse lese ich nicht mehr.`,
  (v) => t`Der fehlgeschlagene Login kam von ${v.ip()} um 03:14 Uhr.`,
  (v) => t`Das Auto mit dem Kennzeichen ${v.plate()} steht seit Tagen vor ${v.street()}.`,
  (v) => t`Steuer-ID von ${v.full()}: ${v.taxId()}`,
  (v) => t`„Ich bin in zehn Minuten da“, sagt ${v.full()}.`,
  (v) => t`${v.full()}: Können wir das Protokoll bis Freitag abschließen?`,
  (v) => t`Teilnehmende: ${v.full()}, ${v.full()} und ${v.full()}.`,
  (v) => t`Viele Grüße\n${v.full()}\nTel. ${v.phone()}`,
  (v) => t`Hallo ${v.first()}, hast du die Schlüssel von ${v.full()} gefunden?`,
  (v) => t`Ruf bitte ${v.full()} an, es geht um den Mietvertrag.`,
  (v) => t`Laut Herrn ${v.last()} fehlt noch die Unterschrift von Frau ${v.last()}.`,
  (v) => t`Karte ${v.card()}, Inhaber ${v.full()}`,
  (v) => t`Neu im Team: ${v.full()} aus ${v.town()}, Start im März.`,
  (v) => t`Vermieterin ist ${v.full()}, ${v.address()}.`,
  (v) => t`Gemeldet hat den Wasserschaden ${v.full(v.wordPerson())}, Telefon ${v.phone()}.`,
  (v) => t`Frau ${v.last(v.wordPerson())} aus ${v.town()} hat wegen der Rechnung angerufen.`,
  (v) => t`Laut Fahrtenbuch fuhr ${v.full()} am 12. Mai den Wagen ${v.plate()}.`,
  (v) => t`Der Server ${v.ip()} meldet seit gestern Fehler; zuständig ist ${v.full()}.`,
  (v) => t`Ich bin ${v.full()}, geboren am ${v.dob()} in ${v.town()}.`,
  (v) => t`Bitte leiten Sie das an ${v.full()} weiter, erreichbar unter ${v.phone()}.`,
  (v) => t`Familie ${v.last()} ist nach ${v.address()} umgezogen.`,
  withPerson((v, p) => t`Mit freundlichen Grüßen\nDr. ${v.full(p)}\n${v.email(p)}`),
  (v) => t`Kannst du ${v.first()} sagen, dass ${v.full()} heute nicht kommt?`,
  (v) =>
    t`Die Steuer-Identifikationsnummer lautet ${v.taxId()}, Sachbearbeiter ist Herr ${v.last()}.`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Der Specht klopft seit ${v.n(5, 7)} Uhr an die Regenrinne über dem Kessel im Hof.`,
  (v) => t`Mit dem Hammer und ${v.n(20, 60)} Nägeln war der Zaun in ${v.n(2, 4)} Stunden fertig.`,
  (v) => t`Im Teich sitzt ein Frosch, der Brunnen daneben ist ${v.n(3, 9)} Meter tief.`,
  (v) => t`Ein Riese aus Pappe steht seit Montag im Schaufenster, Preis ${v.n(40, 99)} Euro.`,
  (v) => t`Der Kessel fasst ${v.n(8, 20)} Liter und kam mit Auftragsnummer ${v.n(100000, 999999)}.`,
  (v) => t`Sauer macht lustig, sagt man, aber ${v.n(2, 5)} Zitronen reichen für den Kuchen.`,
  (v) => t`Der Strauß Tulpen kostet ${v.n(5, 12)},50 Euro, die Vase dazu ${v.n(15, 30)} Euro.`,
  (v) => t`Frost und Glätte: Am Mittwoch fällt der Unterricht in Raum ${v.n(100, 320)} aus.`,
  (v) =>
    t`Version ${v.n(2, 9)}.${v.n(0, 12)} der Software erscheint am Freitag um ${v.n(8, 11)} Uhr.`,
  (v) => t`Ruf den Kundendienst an, wenn der Drucker in Halle ${v.n(1, 6)} wieder hakt.`,
];

const DE_SPOKEN: readonly Frame[] = [
  (v) => t`ja hallo hier ist ${v.full()} ich rufe wegen der rechnung an`,
  (v) => t`meine nummer ist ${v.phone()} da bin ich ab mittag erreichbar`,
  (v) => t`ruf mich an unter ${v.phoneInvalid()} das ist mein privates handy`,
  (v) => t`also ich heiße ${v.full()} und wohne in ${v.town()}`,
  (v) => t`frau ${v.last()} hat gesagt dass der termin verschoben wird`,
  (v) => t`herr doktor ${v.last()} bitte ins sprechzimmer drei`,
  (v) => t`meine mailadresse ist ${v.email()}`,
  withPerson((v, p) => t`schreiben sie an ${v.email(p)} das ist die adresse von ${v.first(p)}`),
  (v) => t`geboren bin ich am ${v.dob()} in ${v.town()}`,
  (v) => t`ich bin am ${v.dob()} zur welt gekommen`,
  (v) => t`die iban lautet ${v.iban()} kontoinhaber ist ${v.full()}`,
  (v) => t`meine adresse ist ${v.address()}`,
  (v) => t`das paket bitte an ${v.street()} zweiter stock`,
  (v) => t`die ip adresse vom drucker ist ${v.ip()}`,
  (v) => t`der router hat die adresse ${v.ip()} glaube ich`,
  (v) => t`das kennzeichen war ${v.plate()} ein grauer kombi`,
  (v) => t`notieren sie bitte mein kennzeichen ${v.plate()}`,
  (v) => t`meine steuer id ist ${v.taxId()}`,
  (v) => t`ich gebe das weiter an ${v.full()} sagt ${v.first()}`,
  (v) => t`ruf doch mal ${v.full()} an die weiß das bestimmt`,
  (v) => t`${v.first()} kannst du bitte ${v.first()} abholen`,
  (v) => t`dabei waren ${v.full()} ${v.full()} und ${v.full()}`,
  (v) => t`guten morgen frau ${v.last(v.wordPerson())} wie geht es ihnen heute`,
  (v) => t`hier spricht ${v.full(v.wordPerson())} aus ${v.town()} ich hätte eine frage`,
  (v) => t`die kartennummer ist ${v.card()}`,
  (v) => t`am apparat ist ${v.full()} sie können mich unter ${v.phone()} zurückrufen`,
  (v) => t`danke ${v.first()} und grüß ${v.full()} von mir`,
  withPerson((v, p) => t`mein nachname ist ${v.last(p)} und der vorname ${v.first(p)}`),
  (v) => t`der zeuge ${v.full()} ist am ${v.dob()} geboren und ist gemeldet unter ${v.address()}`,
  (v) => t`sie ist unter ${v.phoneInvalid()} erreichbar sagt ${v.full()}`,
  (v) => t`das auto mit ${v.plate()} gehört ${v.full()}`,
  withPerson((v, p) => t`ich bin ${v.full(p)} das schreibt man wie man es spricht ${v.last(p)}`),
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`der specht hat heute früh ${v.w(v.n(3, 9))} mal gegen das fenster geklopft`,
  (v) => t`hol mal den hammer und ${v.w(v.n(10, 30))} nägel aus dem keller`,
  (v) => t`der kessel pfeift das wasser ist bei ${v.w(v.n(90, 100))} grad`,
  (v) => t`die milch ist sauer die hab ich vor ${v.w(v.n(5, 12))} tagen gekauft`,
  (v) => t`im garten sitzt ein frosch so groß wie ${v.w(v.n(2, 5))} euro stücke`,
  (v) => t`der strauß hat ${v.w(v.n(12, 30))} rosen und kostet ${v.w(v.n(20, 45))} euro`,
  (v) => t`heute nacht gibt es frost bis minus ${v.w(v.n(2, 9))} grad`,
  (v) => t`ruf den pannendienst an der wagen springt seit ${v.w(v.n(2, 5))} tagen nicht an`,
  (v) => t`bestellnummer ${v.w(v.n(1000, 9999))} ist ein sonnenschirm so groß wie ein riese`,
];

const EN_WRITTEN: readonly Frame[] = [
  (v) => t`My name is ${v.full()} and I live in ${v.town()}.`,
  (v) =>
    t`Dear ${v.one('Mr', 'Ms', 'Mrs', 'Dr', 'Professor')} ${v.last()}, thank you for your letter of 3 June.`,
  (v) => t`You can reach me on ${v.phone()} most afternoons.`,
  (v) => t`Call me on ${v.phoneInvalid()}, that's my number.`,
  (v) => t`Account holder: ${v.full()}, IBAN ${v.iban()}`,
  (v) => t`Please pay the deposit into ${v.iban()} before Friday.`,
  (v) => t`${v.full()} (DOB ${v.dob()}) was admitted to Ward 7 on Monday.`,
  (v) => t`Date of birth: ${v.dob()}. Place of birth: ${v.town()}.`,
  (v) => t`Ship the parcel to ${v.address()}.`,
  withPerson((v, p) => t`Drop ${v.first(p)} a line at ${v.email(p)} when you're ready.`),
  (v) => t`Replies to ${v.email()} only, please; the old inbox is closed.`,
  (v) => t`The failed sign-in came from ${v.ip()} at 03:14.`,
  (v) => t`A van with the plate ${v.plate()} has been parked outside ${v.street()} for days.`,
  (v) => t`SSN on file for ${v.full()}: ${v.ssn()}`,
  (v) => t`"I'll be there in ten minutes," says ${v.full()}.`,
  (v) => t`${v.full()}: Can we close the minutes by Friday?`,
  (v) => t`Attendees: ${v.full()}, ${v.full()} and ${v.full()}.`,
  (v) => t`Kind regards,\n${v.full()}\nMobile ${v.phone()}`,
  (v) => t`Hi ${v.first()}, did you find the keys ${v.full()} left behind?`,
  (v) => t`Please call ${v.full()} back, she has been waiting since noon.`,
  (v) => t`According to Mr ${v.last()}, the form still needs Ms ${v.last()}'s signature.`,
  (v) => t`Card ${v.card()}, cardholder ${v.full()}`,
  (v) => t`Our new colleague ${v.full()} is moving from ${v.town()} and starts in March.`,
  (v) => t`The landlord is ${v.full()}, ${v.address()}.`,
  (v) => t`The leak was reported by ${v.full(v.wordPerson())}, phone ${v.phone()}.`,
  (v) => t`Mrs ${v.last(v.wordPerson())} from ${v.town()} rang about the invoice.`,
  (v) => t`The logbook says ${v.full()} drove ${v.plate()} on 12 May.`,
  (v) => t`Host ${v.ip()} has been throwing errors since yesterday; the owner is ${v.full()}.`,
  (v) => t`I am ${v.full()}, born on ${v.dob()} in ${v.town()}.`,
  (v) => t`Forward this to ${v.full()}, who can be reached on ${v.phone()}.`,
  (v) => t`The ${v.last()} family have moved to ${v.address()}.`,
  withPerson((v, p) => t`Best wishes,\nDr ${v.full(p)}\n${v.email(p)}`),
  (v) => t`Could you tell ${v.first()} that ${v.full()} is off sick today?`,
  (v) => t`Social Security number ${v.ssn()} belongs to ${v.full()}.`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Frost is expected on Tuesday, so cover the ${v.n(6, 20)} pots by the shed.`,
  (v) => t`The Mason jars cost ${v.n(2, 6)} pounds each at the Saturday market.`,
  (v) => t`The Archer scored ${v.n(6, 9)} out of 10 at the club on Sunday.`,
  (v) => t`Ring the Bell twice if the door of Unit ${v.n(2, 30)} is locked.`,
  (v) => t`The Marsh Trail is closed until March; use Gate ${v.n(2, 9)} instead.`,
  (v) => t`Stone walls surround the ${v.n(3, 8)} fields behind the old mill.`,
  (v) => t`Shepherd's Pie is on the menu for ${v.n(7, 12)}.50 on Wednesday.`,
  (v) => t`A Brook runs under Bridge ${v.n(1, 4)}, about ${v.n(20, 90)} metres from the car park.`,
  (v) => t`Call the front desk on extension ${v.n(100, 399)} if the printer jams again.`,
  (v) => t`Release ${v.n(2, 9)}.${v.n(0, 12)} ships on Friday at ${v.n(8, 11)} am.`,
];

const EN_SPOKEN: readonly Frame[] = [
  (v) => t`yeah hi this is ${v.full()} calling about the invoice`,
  (v) => t`my number is ${v.phone()} i am free after lunch`,
  (v) => t`call me on ${v.phoneInvalid()} that is my own phone`,
  (v) => t`so my name is ${v.full()} and i live in ${v.town()}`,
  (v) => t`mrs ${v.last()} said the appointment has been moved`,
  (v) => t`doctor ${v.last()} to consulting room three please`,
  (v) => t`my email is ${v.email()}`,
  withPerson((v, p) => t`write to ${v.email(p)} that is the address ${v.first(p)} uses`),
  withEnDob((v, the, d) => t`i was born on ${the}${d} in ${v.town()}`),
  withEnDob((_, the, d) => t`my date of birth is ${the}${d}`),
  (v) => t`the iban is ${v.iban()} and the account holder is ${v.full()}`,
  (v) => t`i live at ${v.address()}`,
  (v) => t`leave the parcel at ${v.street()} round the back`,
  (v) => t`the ip address of the printer is ${v.ip()}`,
  (v) => t`i think the router is on ${v.ip()}`,
  (v) => t`the reg was ${v.plate()} a silver hatchback`,
  (v) => t`can you take down my registration ${v.plate()}`,
  (v) => t`my social security number is ${v.ssn()}`,
  (v) => t`i will pass it on to ${v.full()} says ${v.first()}`,
  (v) => t`give ${v.full()} a ring she will know`,
  (v) => t`${v.first()} could you pick up ${v.first()} from school`,
  (v) => t`there was ${v.full()} ${v.full()} and ${v.full()}`,
  (v) => t`morning mrs ${v.last(v.wordPerson())} how are you today`,
  (v) => t`this is ${v.full(v.wordPerson())} from ${v.town()} i have got a question`,
  (v) => t`the card number is ${v.card()}`,
  (v) => t`you are speaking to ${v.full()} you can ring me back on ${v.phone()}`,
  (v) => t`thanks ${v.first()} and say hello to ${v.full()} for me`,
  withPerson((v, p) => t`the surname is ${v.last(p)} and the first name is ${v.first(p)}`),
  withEnDob(
    (v, the, d) => t`the witness ${v.full()} was born on ${the}${d} and lives at ${v.address()}`,
  ),
  (v) => t`she is on ${v.phoneInvalid()} says ${v.full()}`,
  (v) => t`the car ${v.plate()} belongs to ${v.full()}`,
  withPerson((v, p) => t`i am ${v.full(p)} that is ${v.last(p)} as it sounds`),
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`there will be a frost tonight down to minus ${v.w(v.n(2, 9))}`,
  (v) => t`the mason came round and fixed ${v.w(v.n(3, 12))} bricks on the wall`,
  (v) => t`ring the bell at the back door it is number ${v.w(v.n(2, 40))} on the panel`,
  (v) => t`we walked across the marsh for ${v.w(v.n(2, 5))} hours`,
  (v) => t`the shepherd moved ${v.w(v.n(40, 300))} sheep to the top field`,
  (v) => t`the brook flooded the lane about ${v.w(v.n(20, 90))} yards from the bridge`,
  (v) => t`he has lost about a stone since january maybe ${v.w(v.n(5, 9))} kilos`,
  (v) => t`call the garage they said it would be ready by ${v.w(v.n(2, 5))} in the afternoon`,
  (v) =>
    t`order ${v.w(v.n(1000, 9999))} was a bow for the archer costing ${v.w(v.n(60, 200))} pounds`,
];

export const BLIND6_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
export const BLIND6_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the set with the values its spans were built from, in span order. */
export interface Blind6Item extends Labelled {
  readonly values: readonly string[];
}

/**
 * The sixth blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind6Items(perFrame: number, seed: number): Blind6Item[] {
  const r = rng(seed);
  const out: Blind6Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND6_FRAMES[lang][kind], ...BLIND6_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The sixth blind set as the evaluation reads it (see generateBlind6Items). */
export function generateBlind6(perFrame = 8, seed = 137): Labelled[] {
  return generateBlind6Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
