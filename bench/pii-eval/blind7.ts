// Retired to dev data in session 11 (issue 17): its errors are read from then on; no longer held out.
// The seventh blind set (issue 17): sentence frames of e-mails, chats, support tickets, forms,
// meeting notes, call-centre transcripts and voice-assistant requests, German and English,
// written and spoken, over the names, places and values of blind7-values.ts and blind7-draw.ts.
// Written without reading the detector, its training data or its tests, and never run against
// the detector by its author; only the item format and the generate functions' shape were taken
// from blind6.ts.
// Spoken frames are lower case without punctuation, numbers and symbols as words. Each language
// and kind has PII frames (speakers, addressees, titles, account holders, signatures, lists,
// mid-sentence mentions, a first name then the full name; phone numbers given as one's own that
// a validator would reject) and PII-free frames that use the word-surnames (Habicht, Senf, Moss,
// Salmon …) and other capitalised ordinary words as words beside numbers that are not personal
// (order and ticket numbers, prices, times, rooms).
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { type Person, Values } from './blind7-draw.js';
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
  (v) =>
    t`Betreff: Rückruf erbeten\n\nHallo ${v.first()},\nbitte melde dich bei ${v.full()} unter ${v.phone()}.`,
  (v) => t`[09:41] ${v.first()}: bin gleich da, sag ${v.first()} Bescheid`,
  (v) =>
    t`Ticket #${v.ref(6)}: Kundin ${v.full()} kann sich seit dem Update nicht anmelden (IP ${v.ip()}).`,
  withPerson((v, p) => t`Name, Vorname: ${v.last(p)}, ${v.first(p)}\nGeburtsdatum: ${v.dob()}`),
  (v) => t`Protokoll vom 14.11.: anwesend ${v.full()}, ${v.full()}; entschuldigt ${v.full()}.`,
  (v) => t`Anrufnotiz: ${v.full()} aus ${v.town()} fragt nach dem Stand der Erstattung.`,
  (v) => t`Erinnere mich morgen daran, ${v.full()} zum Geburtstag zu gratulieren.`,
  (v) => t`Kontoinhaberin: ${v.full()}\nIBAN: ${v.iban()}\nVerwendungszweck: Miete Dezember`,
  (v) => t`Bitte buchen Sie den Betrag von meiner Karte ${v.card()} ab. Gruß, ${v.full()}`,
  (v) => t`Meine Handynummer ist jetzt ${v.phoneInvalid()}, die alte gilt nicht mehr.`,
  (v) => t`Unter ${v.phoneInvalid()} bin ich ab 18 Uhr zu Hause erreichbar.`,
  (v) => t`Die Rechnung geht an ${v.full()}, ${v.address()}.`,
  (v) => t`Lieferadresse geändert, neu: ${v.address()}`,
  (v) => t`Hat jemand ${v.first()} gesehen? ${v.full()} wartet seit der Pause im Foyer.`,
  (v) =>
    t`Sehr geehrte${v.one(' Frau', 'r Herr', ' Frau Dr.', 'r Herr Dr.')} ${v.last()}, anbei die Unterlagen zu Ihrem Antrag.`,
  withPerson((v, p) => t`@${v.first(p)} kannst du die Zugangsdaten an ${v.email(p)} schicken?`),
  withPerson((v, p) => t`Neue E-Mail-Adresse von ${v.full(p)}: ${v.email(p)}`),
  (v) => t`Steuerliche Identifikationsnummer: ${v.taxId()}\nName: ${v.full()}`,
  (v) =>
    t`Der Kombi mit dem Kennzeichen ${v.plate()} parkt seit Dienstag vor der Einfahrt ${v.street()}.`,
  (v) => t`Zugriff verweigert für ${v.ip()}; gesperrtes Konto: ${v.email()}`,
  (v) => t`${v.full()} schreibt: „Das Paket ist leer angekommen.“`,
  (v) => t`Moderation: ${v.full()}. Protokoll: ${v.full()}.`,
  (v) =>
    t`Ich, ${v.full()}, geboren am ${v.dob()}, wohnhaft ${v.address()}, erkläre hiermit mein Einverständnis.`,
  (v) => t`Vertretung während des Urlaubs: ${v.full()}, Zimmer 214.`,
  withPerson(
    (v, p) =>
      t`Wie besprochen ruft ${v.first(p)} Sie morgen zurück; der volle Name ist ${v.full(p)}.`,
  ),
  (v) => t`Liebe Grüße aus ${v.town()}!\nDeine ${v.first()}`,
  (v) => t`Die Zeugin ${v.full()} gibt an, den Wagen ${v.plate()} gegen 22 Uhr gesehen zu haben.`,
  (v) => t`Laut Inventarliste gehört der Router mit ${v.ip()} zu ${v.full()}.`,
  (v) =>
    t`Schadensmeldung von ${v.full(v.wordPerson())}: Der Keller in ${v.street()} steht unter Wasser.`,
  (v) => t`Herr ${v.last(v.wordPerson())} hat angerufen und bittet um Rückruf unter ${v.phone()}.`,
  withPerson(
    (v, p) =>
      t`Ansprechpartnerin vor Ort ist ${v.full(p)}, Tel. ${v.phone()}, E-Mail ${v.email(p)}.`,
  ),
  (v) => t`Kartenzahlung abgelehnt: ${v.card()}, Karteninhaber ${v.full()}.`,
  (v) => t`Bewerbung von ${v.full()}, geb. ${v.dob()}, aus ${v.town()}.`,
  (v) => t`Danke, ${v.first()}! Und liebe Grüße an ${v.first()} und ${v.first()}.`,
  (v) => t`Überweisung an ${v.full()}, IBAN ${v.iban()}, Betrag 240,00 €.`,
  (v) =>
    t`Frau ${v.last(v.wordPerson())} aus ${v.town()} hat ihre Steuer-ID ${v.taxId()} nachgereicht.`,
  (v) => t`Agent: Wie ist Ihr Name, bitte?\nAnrufer: ${v.full()}, ich rufe aus ${v.town()} an.`,
  (v) => t`Mit freundlichen Grüßen\n\n${v.full()}\nTeamleitung Buchhaltung`,
  (v) => t`Schichtplan Samstag: 1. ${v.full()}, 2. ${v.full()}, 3. ${v.first()}`,
  (v) =>
    t`Rückfrage zu Auftrag ${v.ref(6)}: Frau ${v.last()} bittet um Rückruf unter ${v.phone()}.`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Ein Habicht kreist seit ${v.n(10, 50)} Minuten über dem Hühnerstall.`,
  (v) => t`Im Efeu nistet ein Sperling, gut ${v.n(2, 6)} Meter über der Haustür.`,
  (v) =>
    t`Rettich, Senf und Essig stehen auf dem Einkaufszettel für Samstag, Budget ${v.n(10, 30)} Euro.`,
  (v) => t`Mit dem Hobel die Tür um ${v.n(2, 6)} Millimeter kürzen, dann klemmt sie nicht mehr.`,
  (v) => t`Der Kuckuck ruft seit ${v.n(4, 6)} Uhr früh im Wald hinter der Schule.`,
  (v) =>
    t`Ein Igel schläft unter dem Laub; die Bestellung Nr. ${v.ref(7)} (Futterhaus) kommt am Montag.`,
  (v) =>
    t`Ticket #${v.ref(5)}: Der Drucker im Flur meldet Papierstau, bitte bis ${v.n(9, 16)}:30 Uhr prüfen.`,
  (v) =>
    t`Besprechung verschoben: Donnerstag, ${v.n(8, 15)} Uhr, Raum ${v.n(101, 340)}, Thema Haushalt.`,
  (v) =>
    t`Angebot der Woche: Senf im Glas für ${v.n(1, 3)},49 Euro, Essig ab ${v.n(1, 4)},99 Euro.`,
  (v) =>
    t`Der Zug Richtung Süden fährt heute von Gleis ${v.n(1, 14)}, etwa ${v.n(5, 25)} Minuten später.`,
];

const DE_SPOKEN: readonly Frame[] = [
  (v) => t`hey computer ruf ${v.full()} an`,
  (v) => t`schick eine nachricht an ${v.full()} ich komme zwanzig minuten später`,
  (v) => t`wähle ${v.phone()}`,
  (v) => t`guten tag sie sprechen mit ${v.full()} vom kundenservice was kann ich für sie tun`,
  withPerson((v, p) => t`nachname ${v.last(p)} vorname ${v.first(p)}`),
  (v) => t`können sie mir ihr geburtsdatum nennen ja das ist der ${v.dob(true)}`,
  (v) => t`und ihre anschrift bitte ja das ist ${v.address()}`,
  (v) => t`meine handynummer ist ${v.phoneInvalid()} die ist ganz neu`,
  (v) => t`sie erreichen mich privat unter ${v.phoneInvalid()}`,
  (v) => t`die e mail ist ${v.email()}`,
  withPerson((v, p) => t`schicken sie es an ${v.email(p)} zu händen von ${v.full(p)}`),
  (v) => t`die iban ist ${v.iban()} und lautet auf ${v.full()}`,
  (v) => t`ich lese ihnen die nummer auf der karte vor ${v.card()}`,
  (v) => t`meine steuer identifikationsnummer lautet ${v.taxId()}`,
  (v) => t`das kennzeichen ist ${v.plate()} ein blauer transporter`,
  (v) => t`der laptop hat die ip ${v.ip()}`,
  (v) => t`ping mal ${v.ip()} ob der server noch läuft`,
  (v) => t`protokoll anwesend sind ${v.full()} ${v.full()} und ${v.full()}`,
  (v) => t`${v.first()} hier nochmal wegen samstag ruf mich bitte zurück`,
  (v) => t`hallo ${v.first()} hier ist ${v.full()} ich stehe vor der tür`,
  (v) => t`die anruferin ${v.full()} aus ${v.town()} beschwert sich über die lieferung`,
  (v) => t`frau ${v.last(v.wordPerson())} möchte bitte zurückgerufen werden`,
  (v) => t`herr ${v.last(v.wordPerson())} aus ${v.town()} hat das paket nie bekommen`,
  (v) => t`ich bin ${v.full(v.wordPerson())} und habe eine frage zur abrechnung`,
  (v) => t`geboren bin ich am ${v.dob()} in ${v.town()}`,
  (v) => t`am ${v.dob()} geboren und wohnhaft ${v.address()}`,
  (v) => t`navigiere zu ${v.address()}`,
  (v) => t`bring das paket bitte zu ${v.street()} hinterhaus`,
  (v) => t`danke ${v.first()} ich gebe das an ${v.full()} weiter`,
  withPerson((v, p) => t`ah ${v.first(p)} also ${v.full(p)} richtig`),
  (v) => t`einen moment ich verbinde sie mit ${v.full()} aus der buchhaltung`,
  (v) => t`frau doktor ${v.last()} hat die überweisung für ${v.full()} geschrieben`,
  (v) => t`der wagen mit dem kennzeichen ${v.plate()} ist auf ${v.full()} zugelassen`,
  (v) => t`mein name ist ${v.full()} und meine steuer id ist ${v.taxId()}`,
  (v) => t`überweisen sie das bitte auf ${v.iban()}`,
  (v) => t`meine kreditkarte ${v.card()} wurde zweimal belastet`,
  (v) => t`meine neue e mail adresse ist ${v.email()} die alte bitte löschen`,
  (v) => t`mit wem spreche ich ${v.full()} ich bin die nachbarin von ${v.full()}`,
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`ein habicht hat heute ${v.w(v.n(2, 6))} tauben im park gejagt`,
  (v) => t`der sperling sitzt schon seit ${v.w(v.n(5, 40))} minuten auf dem balkon`,
  (v) => t`kauf bitte senf essig und einen rettich für höchstens ${v.w(v.n(5, 15))} euro`,
  (v) => t`der hobel liegt in der werkstatt im regal nummer ${v.w(v.n(2, 12))}`,
  (v) => t`hörst du den kuckuck der ruft jetzt schon ${v.w(v.n(5, 20))} mal`,
  (v) => t`im garten wohnt ein igel wir haben ihm ${v.w(v.n(2, 6))} äpfel hingelegt`,
  (v) => t`hey computer stell einen timer auf ${v.w(v.n(3, 45))} minuten`,
  (v) => t`wie wird das wetter morgen um ${v.w(v.n(6, 20))} uhr`,
  (v) => t`ihre bestellnummer ist ${v.ref(6)} die lieferung kommt in ${v.w(v.n(2, 9))} tagen`,
  (v) => t`spiel bitte die playlist sommer ab lautstärke ${v.w(v.n(10, 80))}`,
];

const EN_WRITTEN: readonly Frame[] = [
  (v) =>
    t`Subject: Call back\n\nHi ${v.first()},\nplease ring ${v.full()} on ${v.phone()} before 5.`,
  (v) => t`[10:02] ${v.first()}: running late, tell ${v.first()} to start without me`,
  (v) =>
    t`Ticket ${v.ref(6)}: customer ${v.full()} cannot log in since the update (source IP ${v.ip()}).`,
  withPerson(
    (v, p) => t`Surname: ${v.last(p)}\nForename(s): ${v.first(p)}\nDate of birth: ${v.dob()}`,
  ),
  (v) => t`Minutes, 14 Nov: present ${v.full()}, ${v.full()}; apologies ${v.full()}.`,
  (v) => t`Call note: ${v.full()} from ${v.town()} asked about the refund.`,
  (v) => t`Remind me to wish ${v.full()} a happy birthday tomorrow.`,
  (v) => t`Account name: ${v.full()}\nIBAN: ${v.iban()}\nReference: December rent`,
  (v) => t`Please charge card ${v.card()}. Thanks, ${v.full()}`,
  (v) => t`My mobile is ${v.phoneInvalid()} now, the old one is gone.`,
  (v) => t`I'm on ${v.phoneInvalid()} after six if you need me.`,
  (v) => t`Invoice to ${v.full()}, ${v.address()}.`,
  (v) => t`Delivery address changed to ${v.address()}`,
  (v) =>
    t`Has anyone seen ${v.first()}? ${v.full()} has been waiting in the lobby since the break.`,
  (v) =>
    t`Dear ${v.one('Mr', 'Ms', 'Mx', 'Dr', 'Mrs')} ${v.last()}, please find attached the papers for your claim.`,
  withPerson((v, p) => t`@${v.first(p)} can you send the login to ${v.email(p)}?`),
  withPerson((v, p) => t`New email for ${v.full(p)}: ${v.email(p)}`),
  (v) => t`Social Security No.: ${v.ssn()}\nName: ${v.full()}`,
  (v) =>
    t`The estate car ${v.plate()} has been parked across the drive of ${v.street()} since Tuesday.`,
  (v) => t`Access denied for ${v.ip()}; account locked: ${v.email()}`,
  (v) => t`${v.full()} writes: "The parcel arrived empty."`,
  (v) => t`Chair: ${v.full()}. Minutes: ${v.full()}.`,
  (v) => t`I, ${v.full()}, born ${v.dob()}, of ${v.address()}, give my consent to the above.`,
  (v) => t`Cover during leave: ${v.full()}, room 214.`,
  withPerson(
    (v, p) => t`As agreed, ${v.first(p)} will call you tomorrow; the full name is ${v.full(p)}.`,
  ),
  (v) => t`Greetings from ${v.town()}!\nLove, ${v.first()}`,
  (v) => t`Witness ${v.full()} says she saw ${v.plate()} at about 10 pm.`,
  (v) => t`According to the inventory, the router at ${v.ip()} belongs to ${v.full()}.`,
  (v) => t`Damage report from ${v.full(v.wordPerson())}: the cellar at ${v.street()} is flooded.`,
  (v) => t`Mr ${v.last(v.wordPerson())} called and asks to be rung back on ${v.phone()}.`,
  withPerson((v, p) => t`Site contact is ${v.full(p)}, tel. ${v.phone()}, email ${v.email(p)}.`),
  (v) => t`Card payment declined: ${v.card()}, cardholder ${v.full()}.`,
  (v) => t`Application from ${v.full()}, DOB ${v.dob()}, of ${v.town()}.`,
  (v) => t`Thanks, ${v.first()}! Say hi to ${v.first()} and ${v.first()}.`,
  (v) => t`Transfer to ${v.full()}, IBAN ${v.iban()}, amount £240.00.`,
  (v) => t`SSN ${v.ssn()} was entered twice for Ms ${v.last(v.wordPerson())}.`,
  (v) => t`Agent: Can I take your name?\nCaller: ${v.full()}, I'm calling from ${v.town()}.`,
  (v) => t`Regards,\n\n${v.full()}\nHead of Facilities`,
  (v) => t`Rota for Saturday: 1. ${v.full()}, 2. ${v.full()}, 3. ${v.first()}`,
  (v) => t`Re order ${v.ref(6)}: Mrs ${v.last()} asks to be called on ${v.phone()}.`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Moss on the patio: the cleaner comes on Friday at ${v.n(8, 11)}:00.`,
  (v) => t`Reed Warblers were seen from Hide ${v.n(2, 9)} this morning.`,
  (v) => t`Salmon, Lamb or the vegetable tart, all ${v.n(11, 19)}.95, served from 6 pm.`,
  (v) => t`Thorn hedges along the lane were cut back by ${v.n(2, 5)} metres.`,
  (v) => t`Cotton shirts are ${v.n(2, 5)}0% off until Sunday (order ref ${v.ref(7)}).`,
  (v) => t`Badger Watch starts at ${v.n(7, 9)} pm; meet in the car park by Gate ${v.n(2, 6)}.`,
  (v) => t`A Rook has nested in the oak next to Platform ${v.n(1, 8)}.`,
  (v) => t`Ticket #${v.ref(5)}: the printer on Floor ${v.n(2, 7)} jams again.`,
  (v) => t`Meeting moved: Thursday ${v.n(9, 16)}:30, Room ${v.n(101, 340)}, agenda: budget.`,
  (v) =>
    t`The ${v.n(6, 9)}:15 train leaves from Platform ${v.n(1, 12)}, about ${v.n(5, 25)} minutes late.`,
];

const EN_SPOKEN: readonly Frame[] = [
  (v) => t`hey computer call ${v.full()}`,
  (v) => t`send a message to ${v.full()} saying i will be twenty minutes late`,
  (v) => t`dial ${v.phone()}`,
  (v) => t`good morning you are through to ${v.full()} in customer services how can i help`,
  withPerson((v, p) => t`surname ${v.last(p)} first name ${v.first(p)}`),
  withEnDob((_, the, d) => t`can you confirm your date of birth yes it is ${the}${d}`),
  (v) => t`and your address please yes it is ${v.address()}`,
  (v) => t`my mobile is ${v.phoneInvalid()} that is a new one`,
  (v) => t`you can get me at home on ${v.phoneInvalid()}`,
  (v) => t`the email is ${v.email()}`,
  withPerson((v, p) => t`send it to ${v.email(p)} for the attention of ${v.full(p)}`),
  (v) => t`the iban is ${v.iban()} in the name of ${v.full()}`,
  (v) => t`let me read you the long number on the card ${v.card()}`,
  (v) => t`my social is ${v.ssn()}`,
  (v) => t`the registration is ${v.plate()} a blue transit van`,
  (v) => t`the laptop has the ip ${v.ip()}`,
  (v) => t`can you ping ${v.ip()} and see if the server is up`,
  (v) => t`present today are ${v.full()} ${v.full()} and ${v.full()}`,
  (v) => t`${v.first()} it is me again about saturday call me back`,
  (v) => t`hi ${v.first()} it is ${v.full()} i am outside the door`,
  (v) => t`the caller ${v.full()} from ${v.town()} is complaining about the delivery`,
  (v) => t`mrs ${v.last(v.wordPerson())} would like a call back`,
  (v) => t`mister ${v.last(v.wordPerson())} from ${v.town()} never got the parcel`,
  (v) => t`i am ${v.full(v.wordPerson())} and i have a question about my bill`,
  withEnDob((v, the, d) => t`i was born on ${the}${d} in ${v.town()}`),
  withEnDob((v, the, d) => t`born on ${the}${d} living at ${v.address()}`),
  (v) => t`navigate to ${v.address()}`,
  (v) => t`take the parcel to ${v.street()} the flat at the back`,
  (v) => t`thanks ${v.first()} i will pass that on to ${v.full()}`,
  withPerson((v, p) => t`ah ${v.first(p)} so that is ${v.full(p)} right`),
  (v) => t`one moment i will put you through to ${v.full()} in accounts`,
  (v) => t`doctor ${v.last()} wrote the referral for ${v.full()}`,
  (v) => t`the car ${v.plate()} is registered to ${v.full()}`,
  (v) => t`my name is ${v.full()} and my social security number is ${v.ssn()}`,
  (v) => t`please pay it into ${v.iban()}`,
  (v) => t`my credit card ${v.card()} was charged twice`,
  (v) => t`my new email address is ${v.email()} please delete the old one`,
  (v) => t`who am i speaking to ${v.full()} i am the neighbour of ${v.full()}`,
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`there is moss all over the roof after ${v.w(v.n(2, 6))} weeks of rain`,
  (v) => t`the reed beds by the river are about ${v.w(v.n(10, 60))} metres wide`,
  (v) => t`we are having salmon and lamb for dinner at ${v.w(v.n(6, 9))} o clock`,
  (v) => t`mind the thorn on that rose it is ${v.w(v.n(1, 3))} centimetres long`,
  (v) => t`a badger dug ${v.w(v.n(2, 9))} holes in the lawn last night`,
  (v) => t`a rook sat on the cotton bales for ${v.w(v.n(5, 30))} minutes`,
  (v) => t`hey computer set a timer for ${v.w(v.n(3, 45))} minutes`,
  (v) => t`what is the weather like tomorrow at ${v.w(v.n(6, 11))} o clock`,
  (v) => t`your order number is ${v.ref(6)} and it arrives in ${v.w(v.n(2, 9))} days`,
  (v) => t`play my summer playlist at volume ${v.w(v.n(10, 80))}`,
];

const BLIND7_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
const BLIND7_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the seventh blind set with the values its spans were built from, in span order. */
export interface Blind7Item extends Labelled {
  readonly values: readonly string[];
}

/**
 * The seventh blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind7Items(perFrame: number, seed: number): Blind7Item[] {
  const r = rng(seed);
  const out: Blind7Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND7_FRAMES[lang][kind], ...BLIND7_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The seventh blind set as the evaluation reads it (see generateBlind7Items). */
export function generateBlind7(perFrame = 8, seed = 151): Labelled[] {
  return generateBlind7Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
