// Retired to dev data in session 11 (issue 17): its errors are read from then on; no longer held out.
// The eighth blind set (issue 17): sentence frames of e-mails, chats, support tickets, forms,
// HR notes, delivery notes, doctor's appointment messages, call-centre transcripts, voicemails and
// voice-assistant requests, German and English, written and spoken, over the names, places and
// values of blind8-values.ts and blind8-draw.ts. Written without reading the detector, its
// training data or its tests, and never run against the detector by its author; only the item
// format and the generate functions' shape were taken from blind7.ts.
// Spoken frames are lower case without punctuation, numbers and symbols as words. Each language
// and kind has 40 PII frames and 10 PII-free ones. Some frames, with or without PII, put a
// capitalised word that is no place after a place preposition (an organisation, a product, a
// weekday, an event: "bei Edeka", "in Teams", "nach Ostern", "at Tesco", "on Monday") so that
// location precision is measured; the PII-free frames use the word-surnames (Kiefer, Krebs,
// Quail, Pepper …) as words beside numbers that are not personal.
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { type Person, Values } from './blind8-draw.js';
import { rng } from './corpus.js';
import type { Labelled } from './markup.js';

type Frame = (v: Values) => Built;

/** A frame that uses one person twice (name and e-mail, first name then full name …). */
const withPerson =
  (f: (v: Values, p: Person) => Built): Frame =>
  (v) =>
    f(v, v.person());

/** English spoken dates of birth: "on the third of may …" and "on the third may …", but "on may third …". */
const withEnDob =
  (f: (v: Values, the: string, dob: ReturnType<Values['dob']>) => Built): Frame =>
  (v) => {
    const d = v.dob();
    const byMonth =
      /^(january|february|march|april|may|june|july|august|september|october|november|december) /;
    return f(v, byMonth.test(d.value) ? '' : 'the ', d);
  };

const DE_WRITTEN: readonly Frame[] = [
  // E-mails
  (v) =>
    t`Betreff: Ihre Bewerbung\n\nGuten Tag ${v.one('Frau', 'Herr')} ${v.last()},\nvielen Dank für Ihr Interesse an der Stelle bei Bosch.`,
  withPerson(
    (v, p) =>
      t`Von: ${v.full(p)} <${v.email(p)}>\nAn: Team Einkauf\nBetreff: Angebot für Donnerstag`,
  ),
  (v) =>
    t`Hallo zusammen,\nab Montag vertritt mich ${v.full()} (Tel. ${v.phone()}).\nViele Grüße\n${v.first()}`,
  (v) => t`Bitte überweisen Sie die Kaution auf das Konto von ${v.full()}, IBAN ${v.iban()}.`,
  // Chat
  (v) => t`[Mo 08:12] ${v.first()}: Bin im Stau bei Ikea, ${v.first()} soll schon mal anfangen`,
  (v) => t`${v.first()} hat den Raum in Teams für Freitag gebucht, ${v.full()} kommt auch.`,
  withPerson((v, p) => t`@${v.first(p)} ${v.last(p)} schickst du mir die Folien bis Mittwoch?`),
  // Support tickets
  (v) =>
    t`Ticket ${v.ref(7)} – Anmeldung schlägt fehl\nNutzerin: ${v.full()}\nLetzte IP: ${v.ip()}`,
  (v) =>
    t`Kunde ${v.full()} meldet, dass die App seit dem Update in Outlook abstürzt; Rückruf unter ${v.phone()}.`,
  (v) => t`Fehlgeschlagene Logins von ${v.ip()} für das Konto ${v.email()} (gesperrt).`,
  // Forms
  withPerson(
    (v, p) =>
      t`Vorname: ${v.first(p)}\nNachname: ${v.last(p)}\nGeburtsdatum: ${v.dob()}\nWohnort: ${v.town()}`,
  ),
  (v) => t`Anschrift: ${v.address()}\nTelefon: ${v.phone()}`,
  (v) => t`Steuer-ID: ${v.taxId()} · Antragsteller: ${v.full()}`,
  (v) => t`Zahlungsart: Kreditkarte ${v.card()} (Inhaberin: ${v.full()})`,
  // HR notes
  (v) =>
    t`Personalnotiz: ${v.full()} wechselt zum 1. März in den Vertrieb nach ${v.town()}; neue Durchwahl folgt.`,
  (v) =>
    t`Krankmeldung von ${v.full()} liegt vor, geb. ${v.dob()}; Vertretung übernimmt ${v.first()}.`,
  (v) =>
    t`Frau ${v.last(v.wordPerson())} (Buchhaltung) bekommt ab Januar einen Dienstwagen, Kennzeichen ${v.plate()}.`,
  (v) => t`Gehaltskonto für ${v.full()} geändert: ${v.iban()}.`,
  // Delivery notes
  (v) =>
    t`Lieferschein Nr. ${v.ref(8)}\nEmpfänger: ${v.full()}\n${v.address()}\nBitte bei Nachbar ${v.last()} abgeben.`,
  (v) =>
    t`Zustellung fehlgeschlagen: ${v.full()}, ${v.street()}. Das Paket liegt bei der Packstation in Halle 3.`,
  (v) => t`Fahrer bitte klingeln bei ${v.last(v.wordPerson())}, Hinterhaus, ${v.street()}.`,
  // Doctor's appointments
  (v) =>
    t`Praxis Dr. ${v.last()}: Ihr Termin am Dienstag um 9:30 Uhr ist bestätigt, ${v.one('Frau', 'Herr')} ${v.last()}.`,
  (v) => t`Erinnerung: ${v.full()} (geb. ${v.dob()}) – Blutabnahme nüchtern, Donnerstag 8:00 Uhr.`,
  (v) =>
    t`Die Überweisung von Dr. med. ${v.full()} für Ihr Kind ${v.first()} liegt an der Anmeldung bereit.`,
  // Call-centre notes and transcripts
  (v) =>
    t`Agentin: Mit wem spreche ich?\nAnrufer: ${v.full()} aus ${v.town()}, es geht um meine Rechnung.`,
  (v) => t`Agent: Ihre Kartennummer bitte.\nKundin: ${v.card()}, und mein Name ist ${v.full()}.`,
  (v) => t`Rückruf erbeten: ${v.full()}, privat unter ${v.phoneInvalid()}.`,
  (v) => t`Neue Handynummer laut Kundin: ${v.phoneInvalid()}.`,
  // Voicemails
  (v) =>
    t`Sprachnachricht: „Hallo, hier ist ${v.first()}, ich bin bis Ostern in ${v.town()}, ruf mich an unter ${v.phone()}.“`,
  (v) => t`Mailbox, 17:42: ${v.full()} wegen der Schlüsselübergabe in der ${v.street()}.`,
  // Mixed
  (v) => t`Der Transporter ${v.plate()} gehört ${v.full()} und steht bei Aldi auf dem Parkplatz.`,
  (v) => t`Grüße aus ${v.town()} und bis Sonntag!\n${v.first()} & ${v.first()}`,
  (v) => t`Teilnehmende: ${v.full()}, ${v.full()}, ${v.first()} ${v.last(v.wordPerson())}.`,
  withPerson((v, p) => t`Ihr Zugang: ${v.email(p)}; Passwort wurde an ${v.first(p)} verschickt.`),
  (v) => t`Herr ${v.full(v.wordPerson())}, Steuer-ID ${v.taxId()}, wohnt seit 2019 in ${v.town()}.`,
  (v) => t`Die Rechnung ging versehentlich an ${v.email()} statt an die Firma bei Siemens.`,
  (v) => t`Elternabend: ${v.full()} (Klasse 4b) und ${v.full()} bringen Kuchen mit.`,
  (v) => t`Kontoinhaber ${v.full()}, Bank in ${v.town()}, IBAN ${v.iban()}`,
  (v) => t`Wie ${v.full()} sagt, kommt der Router (${v.ip()}) erst nach Pfingsten.`,
  (v) => t`Ruf bitte ${v.first()} an, ${v.first()} ist ab Montag bei Zalando.`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Die Kiefer am Zaun verliert Nadeln; der Gärtner kommt am Mittwoch um ${v.n(8, 11)} Uhr.`,
  (v) => t`Krebs ist das Thema des Vortrags in Saal ${v.n(1, 9)}, Beginn ${v.n(14, 19)}:00 Uhr.`,
  (v) => t`Ein Wiesel lief über den Hof, gleich nach der Lieferung ${v.ref(6)} von Hornbach.`,
  (v) => t`Bohne, Mohn und Hafer gibt es im Angebot bei Rewe, je ${v.n(1, 4)},${v.n(10, 99)} Euro.`,
  (v) => t`Zander mit Flieder-Sirup steht ab Freitag auf der Karte, ${v.n(16, 29)},50 Euro.`,
  (v) =>
    t`Ticket ${v.ref(6)}: Excel stürzt beim Speichern ab, bitte bis ${v.n(10, 16)} Uhr melden.`,
  (v) => t`Die Sprechstunde fällt am Montag aus, nächster Termin in ${v.n(2, 5)} Wochen.`,
  (v) => t`Lieferung in KW ${v.n(2, 51)}, Palette ${v.n(1, 20)} von ${v.n(20, 40)}, Lager Nord.`,
  (v) => t`Treffen nach Weihnachten in Zoom, Raum ${v.n(100, 999)}, Passwort folgt per SMS.`,
  (v) =>
    t`Im Hafer-Feld stand der Mohn ${v.n(40, 90)} Zentimeter hoch, steht im Bauernblatt vom Sonntag.`,
];

const DE_SPOKEN: readonly Frame[] = [
  // Voice assistant
  (v) => t`alexa ruf ${v.full()} an`,
  (v) => t`ok google schreib ${v.first()} dass ich bei edeka bin und gleich komme`,
  (v) => t`navigation nach ${v.address()}`,
  (v) => t`wähle bitte ${v.phone()}`,
  (v) => t`erinnere mich am freitag an den geburtstag von ${v.full()}`,
  (v) => t`wie weit ist es nach ${v.town()}`,
  // Call-centre transcripts
  (v) =>
    t`kundenservice mein name ist ${v.full()} wie kann ich ihnen helfen ja hallo hier ist ${v.full()}`,
  (v) => t`wie ist ihr nachname bitte ${v.last()} und der vorname ${v.first()}`,
  (v) => t`können sie mir das geburtsdatum sagen ja der ${v.dob(true)}`,
  (v) => t`ich bin am ${v.dob()} geboren`,
  (v) => t`die postleitzahl und straße bitte ${v.address()}`,
  (v) => t`meine kartennummer ist ${v.card()} gültig bis ende nächsten jahres`,
  (v) => t`die iban lautet ${v.iban()}`,
  (v) => t`kontoinhaberin ist ${v.full()} die iban ist ${v.iban()}`,
  (v) => t`meine steuer id ist ${v.taxId()}`,
  (v) => t`schreiben sie mir an ${v.email()}`,
  withPerson((v, p) => t`ich bin ${v.full(p)} und meine mail ist ${v.email(p)}`),
  (v) => t`ruf mich an unter ${v.phoneInvalid()} ab sechs bin ich da`,
  (v) => t`meine nummer ist ${v.phoneInvalid()}`,
  (v) => t`herr ${v.last(v.wordPerson())} aus ${v.town()} fragt ob das paket bei dhl liegt`,
  // Voicemails
  (v) =>
    t`hallo ${v.first()} hier ist ${v.first()} ich wollte nur sagen dass ich am montag in ${v.town()} bin`,
  (v) => t`ja guten tag ${v.full()} hier bitte rufen sie mich zurück unter ${v.phone()}`,
  (v) => t`hier ist die praxis doktor ${v.last()} ihr termin am mittwoch muss leider ausfallen`,
  (v) => t`nachricht für ${v.full()} ihre brille ist bei fielmann abholbereit`,
  // Doctor's appointments
  (v) => t`ich hätte gern einen termin bei frau doktor ${v.last()} für mein kind ${v.first()}`,
  (v) => t`der patient ${v.full()} geboren am ${v.dob()} kommt zur nachkontrolle`,
  // Delivery
  (v) => t`das paket für ${v.full()} bitte in der ${v.street()} beim nachbarn abgeben`,
  (v) => t`der fahrer mit dem kennzeichen ${v.plate()} steht vor dem tor`,
  (v) => t`das auto ${v.plate()} gehört ${v.full(v.wordPerson())}`,
  // HR and meetings
  (v) => t`${v.full()} fängt am ersten in der buchhaltung an sagt ${v.full()}`,
  (v) => t`frau ${v.last(v.wordPerson())} und herr ${v.last()} sind heute im homeoffice`,
  (v) => t`danke ${v.first()} dann machen wir das so`,
  (v) => t`ich gebe weiter an ${v.full()} aus ${v.town()}`,
  // IT
  (v) => t`der drucker hat die ip ${v.ip()}`,
  (v) => t`der server ${v.ip()} antwortet seit ostern nicht mehr sagt ${v.first()}`,
  (v) => t`ich wohne in der ${v.street()} in ${v.town()}`,
  withPerson((v, p) => t`also ${v.first(p)} ${v.last(p)} mit ${v.email(p)} richtig`),
  (v) => t`bitte buchen sie von meiner karte ${v.card()} ab ich bin ${v.full()}`,
  (v) => t`zugelassen ist der wagen ${v.plate()} auf ${v.full()} aus ${v.town()}`,
  (v) => t`meine identifikationsnummer ist ${v.taxId()} und ich wohne ${v.address()}`,
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`die kiefer im garten ist ${v.w(v.n(5, 20))} meter hoch`,
  (v) => t`ein wiesel hat ${v.w(v.n(2, 7))} eier aus dem stall geholt`,
  (v) => t`kauf bitte mohn und hafer bei aldi für ${v.w(v.n(5, 20))} euro`,
  (v) => t`die bohne keimt seit ${v.w(v.n(2, 9))} tagen im glas am fenster`,
  (v) => t`der zander kostet heute ${v.w(v.n(12, 30))} euro das kilo`,
  (v) => t`der flieder blüht dieses jahr ${v.w(v.n(2, 3))} wochen früher`,
  (v) => t`alexa stell den wecker auf ${v.w(v.n(5, 9))} uhr`,
  (v) => t`ihre paketnummer ist ${v.ref(8)} die zustellung erfolgt am donnerstag`,
  (v) => t`krebs ist ein sternzeichen sagt die zeitung heute auf seite ${v.w(v.n(2, 40))}`,
  (v) => t`die sprechstunde beginnt um ${v.w(v.n(7, 10))} uhr am montag`,
];

const EN_WRITTEN: readonly Frame[] = [
  // E-mails
  (v) =>
    t`Subject: Your application\n\nDear ${v.one('Mr', 'Ms', 'Mrs', 'Dr')} ${v.last()},\nthank you for your interest in the role at Unilever.`,
  withPerson(
    (v, p) => t`From: ${v.full(p)} <${v.email(p)}>\nTo: Procurement\nSubject: Quote for Thursday`,
  ),
  (v) =>
    t`Hi all,\nfrom Monday ${v.full()} covers for me (tel. ${v.phone()}).\nCheers\n${v.first()}`,
  (v) => t`Please pay the deposit into the account of ${v.full()}, IBAN ${v.iban()}.`,
  // Chat
  (v) =>
    t`[Mon 08:12] ${v.first()}: stuck in traffic at Ikea, ${v.first()} should start without me`,
  (v) => t`${v.first()} booked the room in Teams for Friday, ${v.full()} is coming too.`,
  withPerson((v, p) => t`@${v.first(p)} ${v.last(p)} can you send me the slides by Wednesday?`),
  // Support tickets
  (v) => t`Ticket ${v.ref(7)} – login fails\nUser: ${v.full()}\nLast IP: ${v.ip()}`,
  (v) =>
    t`Customer ${v.full()} reports the app crashes in Outlook since the update; call back on ${v.phone()}.`,
  (v) => t`Failed logins from ${v.ip()} for the account ${v.email()} (locked).`,
  // Forms
  withPerson(
    (v, p) =>
      t`First name: ${v.first(p)}\nLast name: ${v.last(p)}\nDate of birth: ${v.dob()}\nTown: ${v.town()}`,
  ),
  (v) => t`Address: ${v.address()}\nPhone: ${v.phone()}`,
  (v) => t`SSN: ${v.ssn()} · Applicant: ${v.full()}`,
  (v) => t`Payment: credit card ${v.card()} (cardholder: ${v.full()})`,
  // HR notes
  (v) =>
    t`HR note: ${v.full()} moves to Sales in ${v.town()} from 1 March; new extension to follow.`,
  (v) => t`Sick note from ${v.full()} received, DOB ${v.dob()}; ${v.first()} covers.`,
  (v) =>
    t`Ms ${v.last(v.wordPerson())} (Finance) gets a company car from January, registration ${v.plate()}.`,
  (v) => t`Salary account for ${v.full()} changed to ${v.iban()}.`,
  // Delivery notes
  (v) =>
    t`Delivery note ${v.ref(8)}\nRecipient: ${v.full()}\n${v.address()}\nIf out, leave with ${v.last()} next door.`,
  (v) =>
    t`Delivery failed: ${v.full()}, ${v.street()}. The parcel is waiting at the Post Office counter.`,
  (v) => t`Driver: ring ${v.last(v.wordPerson())}, back door, ${v.street()}.`,
  // Doctor's appointments
  (v) =>
    t`Dr ${v.last()}'s surgery: your appointment on Tuesday at 9:30 is confirmed, ${v.one('Mr', 'Ms')} ${v.last()}.`,
  (v) => t`Reminder: ${v.full()} (DOB ${v.dob()}) – fasting blood test, Thursday 8:00.`,
  (v) => t`The referral from Dr ${v.full()} for your child ${v.first()} is ready at reception.`,
  // Call-centre transcripts
  (v) => t`Agent: Who am I speaking to?\nCaller: ${v.full()} from ${v.town()}, it's about my bill.`,
  (v) => t`Agent: Your card number, please.\nCustomer: ${v.card()}, and my name is ${v.full()}.`,
  (v) => t`Caller ${v.full()} asks to be called back on ${v.phoneInvalid()}, a private number.`,
  (v) => t`New mobile number per the customer: ${v.phoneInvalid()}.`,
  // Voicemails
  (v) =>
    t`Voicemail: "Hi, it's ${v.first()}, I'm in ${v.town()} until Easter, call me on ${v.phone()}."`,
  (v) => t`Voicemail, 17:42: ${v.full()} about handing over the keys at ${v.street()}.`,
  // Mixed
  (v) => t`The van ${v.plate()} belongs to ${v.full()} and is parked at Tesco.`,
  (v) => t`Greetings from ${v.town()}, see you Sunday!\n${v.first()} & ${v.first()}`,
  (v) => t`Attendees: ${v.full()}, ${v.full()}, ${v.first()} ${v.last(v.wordPerson())}.`,
  withPerson((v, p) => t`Your login: ${v.email(p)}; the password was sent to ${v.first(p)}.`),
  (v) => t`Mr ${v.full(v.wordPerson())}, SSN ${v.ssn()}, has lived in ${v.town()} since 2019.`,
  (v) => t`The invoice went to ${v.email()} by mistake instead of the office at Deloitte.`,
  (v) => t`Parents' evening: ${v.full()} (Year 4) and ${v.full()} are bringing cakes.`,
  (v) => t`Account holder ${v.full()}, branch in ${v.town()}, IBAN ${v.iban()}`,
  (v) => t`As ${v.full()} says, the router (${v.ip()}) won't come until after Whitsun.`,
  (v) => t`Call ${v.first()}, ${v.first()} starts at Barclays on Monday.`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  (v) => t`Quail eggs and Rye bread are on offer at Waitrose, £${v.n(1, 4)}.${v.n(10, 99)} each.`,
  (v) => t`A Mallard has nested by Pond ${v.n(2, 6)} again, say the wardens in Spring.`,
  (v) => t`The Lark Ascent walk starts at ${v.n(8, 10)}:30 on Saturday from Gate ${v.n(1, 5)}.`,
  (v) => t`Pepper, Flint corn and Herring are in aisle ${v.n(3, 19)}.`,
  (v) => t`Trout season opens in April; permits cost £${v.n(20, 60)} at the Tackle Shop.`,
  (v) => t`Ticket ${v.ref(6)}: Excel crashes on save, please reply by ${v.n(10, 16)}:00.`,
  (v) => t`The clinic is closed on Monday; next session in ${v.n(2, 5)} weeks.`,
  (v) =>
    t`Delivery in week ${v.n(2, 51)}, pallet ${v.n(1, 20)} of ${v.n(20, 40)}, North Warehouse.`,
  (v) => t`Meet after Christmas in Zoom, room ${v.n(100, 999)}, password by text.`,
  (v) => t`Flint and Pepper Gin, ${v.n(35, 45)}% vol, launched at Selfridges on Friday.`,
];

const EN_SPOKEN: readonly Frame[] = [
  // Voice assistant
  (v) => t`alexa call ${v.full()}`,
  (v) => t`hey siri text ${v.first()} that i am at tesco and will be there soon`,
  (v) => t`directions to ${v.address()}`,
  (v) => t`please dial ${v.phone()}`,
  (v) => t`remind me on friday about the birthday of ${v.full()}`,
  (v) => t`how far is it to ${v.town()}`,
  // Call-centre transcripts
  (v) => t`customer services my name is ${v.full()} how can i help yes hello this is ${v.full()}`,
  (v) => t`what is your surname please ${v.last()} and the first name ${v.first()}`,
  withEnDob((_, the, d) => t`can you tell me your date of birth yes it is ${the}${d}`),
  withEnDob((_, the, d) => t`i was born on ${the}${d}`),
  (v) => t`the postcode and street please ${v.address()}`,
  (v) => t`my card number is ${v.card()} it expires at the end of next year`,
  (v) => t`the iban is ${v.iban()}`,
  (v) => t`the account holder is ${v.full()} and the iban is ${v.iban()}`,
  (v) => t`my social security number is ${v.ssn()}`,
  (v) => t`write to me at ${v.email()}`,
  withPerson((v, p) => t`i am ${v.full(p)} and my email is ${v.email(p)}`),
  (v) => t`call me on ${v.phoneInvalid()} i am in after six`,
  (v) => t`my number is ${v.phoneInvalid()}`,
  (v) =>
    t`mister ${v.last(v.wordPerson())} from ${v.town()} is asking if the parcel is at royal mail`,
  // Voicemails
  (v) => t`hi ${v.first()} it is ${v.first()} just to say i will be in ${v.town()} on monday`,
  (v) => t`yes hello ${v.full()} here please call me back on ${v.phone()}`,
  (v) => t`this is the surgery of doctor ${v.last()} your appointment on wednesday is cancelled`,
  (v) => t`message for ${v.full()} your glasses are ready to collect at specsavers`,
  // Doctor's appointments
  (v) => t`i would like an appointment with doctor ${v.last()} for my child ${v.first()}`,
  withEnDob(
    (v, the, d) => t`the patient ${v.full()} born on ${the}${d} is coming in for a check up`,
  ),
  // Delivery
  (v) => t`please leave the parcel for ${v.full()} with the neighbour at ${v.street()}`,
  (v) => t`the driver with the registration ${v.plate()} is at the gate`,
  (v) => t`the car ${v.plate()} belongs to ${v.full(v.wordPerson())}`,
  // HR and meetings
  (v) => t`${v.full()} starts in accounts on the first says ${v.full()}`,
  (v) => t`mrs ${v.last(v.wordPerson())} and mister ${v.last()} are working from home today`,
  (v) => t`thanks ${v.first()} let us do that then`,
  (v) => t`i will pass it on to ${v.full()} from ${v.town()}`,
  // IT
  (v) => t`the printer has the ip address ${v.ip()}`,
  (v) => t`the server ${v.ip()} has not answered since easter says ${v.first()}`,
  (v) => t`i live at ${v.street()} in ${v.town()}`,
  withPerson((v, p) => t`so ${v.first(p)} ${v.last(p)} at ${v.email(p)} is that right`),
  (v) => t`please take it from my card ${v.card()} i am ${v.full()}`,
  (v) => t`the car ${v.plate()} is registered to ${v.full()} of ${v.town()}`,
  (v) => t`my social is ${v.ssn()} and i live at ${v.address()}`,
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`there are ${v.w(v.n(3, 12))} quail in the field behind the barn`,
  (v) => t`a mallard landed on the pond about ${v.w(v.n(5, 40))} minutes ago`,
  (v) => t`buy rye bread pepper and herring at lidl for under ${v.w(v.n(5, 20))} pounds`,
  (v) => t`the trout in the river are about ${v.w(v.n(20, 50))} centimetres long`,
  (v) => t`we heard a lark at ${v.w(v.n(5, 7))} in the morning`,
  (v) => t`alexa set an alarm for ${v.w(v.n(5, 9))} o clock`,
  (v) => t`your parcel number is ${v.ref(8)} and it arrives on thursday`,
  (v) => t`the flint wall is ${v.w(v.n(2, 4))} hundred years old says the guide`,
  (v) => t`the clinic opens at ${v.w(v.n(7, 10))} on monday`,
  (v) => t`play the news on spotify at volume ${v.w(v.n(10, 90))}`,
];

const BLIND8_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
const BLIND8_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the eighth blind set with the values its spans were built from, in span order. */
export interface Blind8Item extends Labelled {
  readonly values: readonly string[];
}

/**
 * The eighth blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind8Items(perFrame: number, seed: number): Blind8Item[] {
  const r = rng(seed);
  const out: Blind8Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND8_FRAMES[lang][kind], ...BLIND8_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The eighth blind set as the evaluation reads it (see generateBlind8Items). */
export function generateBlind8(perFrame = 8, seed = 173): Labelled[] {
  return generateBlind8Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
