// The eleventh blind set (issue 17): sentence frames of ski schools, allotment societies, choir
// rehearsals, removal firms, solar installers, bicycle repair shops, pawnshops, orthodontists,
// nursery waiting lists, hunting licences, boat moorings, escape rooms, parish newsletters,
// translation agencies, scaffolding firms, blood donation, bakery orders, tattoo studios,
// hearing-aid acousticians and dog walkers; spoken: phone calls to these, voice-assistant
// requests and dictated notices. German and English, written and spoken, over the names, places
// and values of blind11-values.ts and blind11-draw.ts. Written without reading the detector, its
// training data or its tests, and never run against the detector by its author; only the item
// format and the generate functions' shape were taken from blind10.ts, none of its frames.
// Names stand alone in chats, in full, after a title, as an initial ("S. Kisku"), as "Surname,
// Given name", in capitals (signatures, registers), hyphenated, with a particle ("Xuan de
// Llaneza", "Colas du Lhoest"), with an English possessive, in lists, as addressees, after verbs
// of calling and naming, and in lower-case transcripts. Spoken frames are lower case without
// punctuation, numbers and symbols as words. Each language and kind has 40 PII frames and 10
// PII-free ones. Capitalised words that are no places (weekdays, holidays, shops, nouns: "am
// Dienstag", "nach Rücksprache", "bei Abholung", "aus Südwest", "at Reception", "on Halloween",
// "after Christmas") stand after place prepositions to measure precision; the PII-free frames
// use the word-surnames (Karpfen, Drossel, Bittern, Stoat …) as words beside numbers that are
// not personal.
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { type Person, Values } from './blind11-draw.js';
import { rng } from './corpus.js';
import type { Labelled } from './markup.js';

type Frame = (v: Values) => Built;

/** A frame that uses one person twice (name and e-mail, given name then full name …). */
const withPerson =
  (f: (v: Values, p: Person) => Built): Frame =>
  (v) =>
    f(v, v.person());

const deTitle = (v: Values) => v.one('Frau', 'Herr', 'Frau Dr.', 'Herr Dr.');
const enTitle = (v: Values) => v.one('Mr', 'Mrs', 'Ms', 'Miss', 'Dr');
/** Titles as a recogniser writes them. */
const deSaidTitle = (v: Values) => v.one('frau', 'herr', 'frau doktor', 'herr doktor');
const enSaidTitle = (v: Values) => v.one('mister', 'mrs', 'miss', 'doctor');

const DE_WRITTEN: readonly Frame[] = [
  // Ski school
  (v) =>
    t`Skischule Gamsbock: Der Kurs „Schneezwerge“ beginnt am Samstag um 9 Uhr. Ansprechpartnerin ist ${v.full()}, mobil ${v.phone()}.`,
  withPerson(
    (v, p) =>
      t`Anmeldung Skikurs\nKind: ${v.first()} (6 Jahre)\nErziehungsberechtigt: ${v.inverted(p)}\nE-Mail: ${v.email(p)}\nTreffpunkt bei Liftstation Nord.`,
  ),
  // Allotment society
  (v) =>
    t`Kleingartenverein „Sonnenwinkel“ e. V.: Parzelle 17 geht an ${v.full(v.wordPerson())}; die Pacht von 186 € bitte bis Ende März auf ${v.iban()}.`,
  (v) =>
    t`Protokoll der Jahreshauptversammlung: Kassenwart ${v.initial()} berichtet, Schriftführerin ${v.full(v.hyphenPerson())} verliest die Gartenordnung. Nächste Sitzung nach Ostern.`,
  // Choir rehearsal
  (v) =>
    t`Chorprobe fällt am Dienstag aus! ${v.first()} hat Grippe, die Noten hat ${v.full()}. Ersatztermin bei Kantorin ${v.last()} erfragen.`,
  (v) =>
    t`Sopran: ${v.full()}, ${v.full()} und ${v.initial()}; Alt: ${v.full(v.wordPerson())}. Probe am Donnerstag in der Aula.`,
  // Removal firm
  (v) =>
    t`Umzugsauftrag ${v.ref(6)}\nAuftraggeber: ${v.inverted()}\nVon: ${v.address()}\nNach: ${v.address()}\nLkw: ${v.plate()}, 3 Packer`,
  (v) =>
    t`Sehr geehrter Herr ${v.last()},\nIhr Umzug nach ${v.town()} ist bestätigt. Die Anzahlung buchen wir von Ihrer Karte ${v.card()} ab.\nMit freundlichen Grüßen\n${v.caps()}`,
  // Solar installer
  (v) =>
    t`Angebot Photovoltaik 9,8 kWp für ${v.full(v.particlePerson())}, ${v.street()}. Der Wechselrichter ist im Heimnetz unter ${v.ip()} erreichbar.`,
  (v) =>
    t`Montageteam: ${v.full()} und ${v.full()}. Zählerwechsel beim Netzbetreiber beantragt; Rückfragen an ${v.email()}.`,
  // Bicycle repair
  (v) =>
    t`Fahrradwerkstatt Speiche: Dein Rad ist fertig, ${v.first()}! Abholung bis Samstag, Rahmennummer ${v.ref(8)}; Überweisung an ${v.iban()}.`,
  (v) =>
    t`Reparaturschein ${v.ref(5)} – Kundin: ${v.full()}, Tel. ${v.phone()}. Schaltung einstellen, Schlauch hinten neu. Bezahlt bei Abholung.`,
  // Pawnshop
  (v) =>
    t`Pfandschein Nr. ${v.ref(7)}\nVerpfänder: ${v.inverted()}\ngeb. ${v.dob()}\nPfand: Goldkette 14 Karat, Darlehen 240 €`,
  (v) =>
    t`Erinnerung: Das Pfand von ${deTitle(v)} ${v.last()} verfällt am Freitag. Verlängerung in der Filiale oder per Überweisung auf ${v.iban()}.`,
  // Orthodontist
  (v) =>
    t`Kieferorthopädische Praxis Dr. ${v.last()}\nPatient: ${v.full()}, geb. ${v.dob()}\nKostenträger: AOK, Behandlungsplan liegt bei.`,
  withPerson(
    (v, p) =>
      t`Hallo ${v.first(p)}, die Zahnspange deiner Tochter wird am Mittwoch nachjustiert. Bitte bestätige den Termin an ${v.email(p)}.`,
  ),
  // Nursery waiting list
  (v) =>
    t`Kita Pusteblume – Warteliste\nPlatz 4: Kind von ${v.full()}, ${v.address()}\nGewünschter Beginn: nach Absprache`,
  (v) =>
    t`Liebe Familie ${v.last(v.hyphenPerson())}, für ${v.first()} ist ab August ein Krippenplatz frei. Bitte melden Sie sich bis Freitag unter ${v.phone()}.`,
  // Hunting licence
  (v) =>
    t`Landratsamt – Jagdschein\nAntragsteller: ${v.full()}\ngeboren am ${v.dob()} in ${v.town()}\nSteuer-ID für den Gebührenbescheid: ${v.taxId()}`,
  (v) =>
    t`Die Jägerprüfung haben bestanden: ${v.full()}, ${v.initial()} und ${v.full(v.wordPerson())}. Die Urkunden gibt es am Montag.`,
  // Boat moorings
  (v) =>
    t`Yachthafen: Liegeplatz B12 vergeben an ${v.full()} (Boot „Möwe“), Trailer ${v.plate()}. Liegegeld per Lastschrift von ${v.iban()}.`,
  (v) =>
    t`Hafenmeister an ${v.first()}: Dein Steg ist am Montag gesperrt. Die Hafenkamera läuft jetzt unter ${v.ip()}.`,
  // Escape room
  (v) =>
    t`Buchung Escape Room „Das Labor“, Samstag 19 Uhr, 5 Personen. Gebucht von ${v.full()}, bezahlt mit ${v.card()} (Buchung von ${v.ip()}).`,
  (v) =>
    t`Team „Die Ratlosen“: ${v.first()}, ${v.first()}, ${v.first()} und ${v.full()} – 52:13 Minuten, Rekord bei Halloween-Special!`,
  // Parish newsletter
  (v) =>
    t`Gemeindebrief: Wir gratulieren ${v.full()} zum 80. Geburtstag und begrüßen ${v.full(v.particlePerson())} als neue Küsterin. Kollekte am Sonntag für die Orgel.`,
  (v) =>
    t`Taufen: ${v.first()}, Kind von ${v.full()} und ${v.full()}, getauft in ${v.town()}.\nBeerdigungen: ${v.caps()}`,
  // Translation agency
  (v) =>
    t`Übersetzungsauftrag ${v.ref(6)}: Geburtsurkunde von ${v.inverted()} (geb. ${v.dob()}); beglaubigte Kopie an ${v.address()}.`,
  withPerson(
    (v, p) =>
      t`Hallo ${v.first(p)}, kannst du den Vertrag bis Mittwoch ins Englische übersetzen? Honorar wie immer auf ${v.iban()}. Gruß ${v.first()}`,
  ),
  // Scaffolding firm
  (v) =>
    t`Baustelle ${v.street()}: Das Gerüst steht am Montag. Polier ${v.full()} ist unter ${v.phone()} erreichbar; Fahrzeug ${v.plate()} parkt in der Einfahrt.`,
  (v) =>
    t`Mängelanzeige: An Gerüstlage 4 fehlt ein Geländer. Gemeldet von ${v.initial()}, weitergeleitet an ${v.full(v.hyphenPerson())} nach Rücksprache.`,
  // Blood donation
  (v) =>
    t`Blutspendedienst: Danke, ${v.first()}! Ihre 25. Spende war am Dienstag. Spenderausweis ${v.ref(9)}, Blutgruppe A positiv.`,
  (v) =>
    t`Spenderdaten\nName: ${v.full()}\nGeburtsdatum: ${v.dob()}\nAnschrift: ${v.address()}\nNächster Termin frühestens nach Pfingsten`,
  // Bakery orders
  (v) =>
    t`Bestellung für Samstag: 3 Bauernbrote, 20 Brötchen, 1 Butterkuchen. Abholer: ${v.full(v.wordPerson())}, Tel. ${v.phone()}.`,
  (v) =>
    t`Hochzeitstorte für ${v.first()} & ${v.first()}: drei Stöcke, Lieferung nach ${v.town()} am Freitag. Anzahlung mit ${v.card()} erhalten.`,
  // Tattoo studio
  (v) =>
    t`Einverständniserklärung\nKunde: ${v.inverted()}\nGeburtsdatum: ${v.dob()}\nMotiv: Kompass, Unterarm\nUnterschrift: ${v.caps()}`,
  (v) =>
    t`Hey ${v.first()}, dein Termin bei Ink & Needle ist am Donnerstag. Anzahlung 50 € per PayPal an ${v.email()} – bis dann, ${v.first()}`,
  // Hearing-aid acoustician
  (v) =>
    t`Hörakustik Klangfein: ${deTitle(v)} ${v.last()}, Ihre Hörgeräte sind eingestellt. Für die Zuzahlungsbefreiung brauchen wir die Steuer-ID ${v.taxId()}.`,
  (v) =>
    t`Hausbesuch am Montag bei ${v.full()} im Seniorenheim, ${v.street()}; Angehörige: ${v.full()}, ${v.phone()}.`,
  // Dog walker
  withPerson(
    (v, p) =>
      t`Hallo ${v.first(p)}, Bello war heute brav im Park! Die Rechnung für November geht an ${v.email(p)}.`,
  ),
  (v) =>
    t`Schlüsselübergabe: ${v.full()} bekommt den Haustürschlüssel für ${v.address()}. Steuer-ID für die haushaltsnahe Dienstleistung: ${v.taxId()}.`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  (v) =>
    t`Fischerverein: Beim Abfischen am Samstag gingen ${v.n(12, 40)} Karpfen ins Netz, dazu zwei Hechte.`,
  () => t`Im Wacholder am Waldrand nistet eine Drossel; der Bussard kreist jeden Morgen darüber.`,
  (v) =>
    t`Nachts ruft der Kauz, und im Hühnerstall war wieder ein Iltis – die Klappe ab ${v.n(18, 21)} Uhr schließen!`,
  (v) =>
    t`Schmiedekurs im Freilichtmuseum: Amboss, Zange und Feuer stehen bereit, Kursgebühr ${v.n(40, 90)} €.`,
  (v) => t`Rezept: Sauerkraut mit Wacholder und Lorbeer, ${v.n(20, 45)} Minuten köcheln lassen.`,
  (v) => t`Kleingartenordnung § ${v.n(3, 19)}: Hecken dürfen höchstens 1,25 m hoch sein.`,
  (v) => t`Chorprobe am Donnerstag: Wir üben das Kyrie und Kanon Nr. ${v.n(2, 30)}.`,
  (v) =>
    t`Blutspende im Gemeindehaus am Mittwoch von 15 bis ${v.n(19, 20)} Uhr, bitte Ausweis mitbringen.`,
  (v) => t`Wetter: Nach Nebel am Vormittag bis zu ${v.n(8, 24)} Grad, Wind aus Südwest.`,
  (v) =>
    t`Fahrradcodierung am Samstag beim Baumarkt, Gebühr ${v.n(5, 15)} €, Eigentumsnachweis mitbringen.`,
];

const DE_SPOKEN: readonly Frame[] = [
  // Ski school
  (v) =>
    t`ja guten tag ich wollte meinen sohn ${v.first()} für den anfängerkurs anmelden mein name ist ${v.full()}`,
  (v) => t`die rückrufnummer ist ${v.phone()} und die mail ist ${v.email()}`,
  // Allotment society
  (v) =>
    t`hallo hier ist ${v.full()} vom kleingartenverein die pacht geht bitte auf die iban ${v.iban()}`,
  (v) => t`sag ${v.first()} dass die parzelle von ${deSaidTitle(v)} ${v.last()} frei wird`,
  // Choir rehearsal
  (v) => t`die chorprobe fällt heute aus schreib das bitte an ${v.first()} und ${v.full()}`,
  (v) => t`die notenmappe hat ${v.full(v.wordPerson())} mitgenommen die wohnt in der ${v.street()}`,
  // Removal firm
  (v) =>
    t`umzugsfirma guten morgen wir kommen am freitag zu ${v.address()} und fahren dann nach ${v.town()}`,
  (v) => t`der lkw hat das kennzeichen ${v.plate()} der fahrer heißt ${v.full()}`,
  (v) => t`die anzahlung bitte mit karte ja die nummer ist ${v.card()}`,
  // Solar installer
  (v) => t`anfrage solaranlage mein name ist ${v.inverted()} ich wohne ${v.street()}`,
  (v) => t`der wechselrichter hat die ip ${v.ip()} aber die app findet ihn nicht`,
  // Bicycle repair
  (v) => t`hey siri ruf die fahrradwerkstatt an nein ruf ${v.full()} an`,
  (v) =>
    t`mein rad ist seit dienstag bei ihnen auf den namen ${v.last()} die telefonnummer ist ${v.phone()}`,
  // Pawnshop
  (v) =>
    t`ich möchte die kette auslösen der pfandschein läuft auf ${v.full(v.hyphenPerson())} geboren am ${v.dob()}`,
  (v) => t`zur identifizierung nennen sie mir bitte ihr geburtsdatum ja der ${v.dob(true)}`,
  // Orthodontist
  (v) =>
    t`praxis doktor ${v.last()} guten tag ja hier ist ${v.full()} wegen der zahnspange meiner tochter ${v.first()}`,
  (v) => t`die rechnung schicken sie bitte an ${v.address()}`,
  // Nursery waiting list
  (v) => t`ich wollte fragen wo wir auf der warteliste stehen unser sohn heißt ${v.full()}`,
  (v) =>
    t`wir ziehen im mai nach ${v.town()} und die kita dort leitet ${v.full(v.particlePerson())}`,
  // Hunting licence
  (v) => t`für den jagdschein brauche ich meine steuer id das ist ${v.taxId()}`,
  (v) => t`diktat bescheid jagdschein für ${v.full()} wohnhaft ${v.address()} wird erteilt absatz`,
  // Boat moorings
  (v) =>
    t`hafenmeister hier der liegeplatz von ${deSaidTitle(v)} ${v.last()} ist frei die kaution geht auf ${v.iban()}`,
  (v) => t`der bootsanhänger mit dem kennzeichen ${v.plate()} steht seit wochen auf dem parkplatz`,
  // Escape room
  (v) => t`escape room buchung für samstag auf ${v.full()} bezahlt wird mit ${v.card()}`,
  (v) =>
    t`hinweis an die spielleitung ${v.first()} hat den code gefunden und ${v.first()} sucht noch den schlüssel`,
  // Parish newsletter
  (v) =>
    t`im gemeindebrief soll stehen dass ${v.full()} und ${v.full(v.wordPerson())} goldene hochzeit feiern`,
  (v) => t`die kollekte überweisen sie bitte auf ${v.iban()} verwendungszweck orgel`,
  // Translation agency
  (v) =>
    t`übersetzungsbüro guten tag ich brauche eine beglaubigte übersetzung für ${v.full()} die unterlagen schicke ich an ${v.email()}`,
  (v) => t`meine steuer id für die rechnung ist ${v.taxId()}`,
  // Scaffolding firm
  (v) => t`polier ${v.full()} hier das gerüst in der ${v.street()} kann abgebaut werden`,
  (v) => t`der kran kommt um sieben der fahrer ${v.initial()} hat das kennzeichen ${v.plate()}`,
  // Blood donation
  (v) => t`blutspende anmeldung ich bin ${v.full()} geboren am ${v.dob()} und wohne in ${v.town()}`,
  (v) => t`bitte streichen sie ${v.last()} aus der spenderliste die person ist umgezogen`,
  // Bakery orders
  (v) =>
    t`bäckerei guten morgen ich möchte für samstag zwei torten bestellen auf den namen ${v.full(v.wordPerson())} meine nummer ist ${v.phone()}`,
  (v) => t`kannst du ${v.first()} sagen dass die brötchen für ${v.full()} schon bezahlt sind`,
  // Tattoo studio
  (v) => t`hallo ich hab am donnerstag einen termin bei ${v.first()} mein name ist ${v.inverted()}`,
  // Hearing-aid acoustician
  (v) =>
    t`hörakustik ${deSaidTitle(v)} ${v.last()} ihre geräte sind fertig rufen sie uns zurück unter ${v.phone()}`,
  (v) => t`die steuer id meiner mutter ist ${v.taxId()} sie heißt ${v.full()}`,
  // Dog walker and voice assistant
  (v) => t`hey google schick ${v.first()} die ip vom drucker ${v.ip()} und meine mail ${v.email()}`,
  (v) =>
    t`die hundesitterin ${v.full()} holt bello am montag um acht in der ${v.street()} ab und der router im flur hat ${v.ip()}`,
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  (v) => t`beim abfischen hatten wir ${v.w(v.n(12, 40))} karpfen im netz`,
  () => t`hör mal da singt eine drossel im wacholder`,
  (v) => t`über dem feld kreist seit ${v.w(v.n(5, 30))} minuten ein bussard`,
  () => t`heute nacht hat wieder der kauz gerufen`,
  () => t`der iltis war schon wieder am hühnerstall`,
  () => t`im museum steht ein alter amboss aus der dorfschmiede`,
  (v) => t`stell einen wecker auf ${v.w(v.n(5, 8))} uhr morgen ist chorprobe`,
  () => t`wie lange muss sauerkraut mit wacholder kochen`,
  () => t`wann hat der baumarkt am samstag auf`,
  () => t`spiel die playlist für den umzug`,
];

const EN_WRITTEN: readonly Frame[] = [
  // Ski school
  (v) =>
    t`Snowline Ski School: Hi ${v.first()}, your private lesson is on Saturday at 10am with instructor ${v.full()}. Questions? Call ${v.phone()}.`,
  withPerson(
    (v, p) =>
      t`Booking form\nParticipant: ${v.full(p)}\nDate of birth: ${v.dob()}\nEmail: ${v.email(p)}\nLevel: red runs`,
  ),
  // Allotment society
  (v) =>
    t`Allotment Society: plot 23 has been offered to ${v.full(v.wordPerson())}. Rent of £42 to be paid by Friday to ${v.iban()}.`,
  (v) =>
    t`Minutes of the AGM: ${v.initial()} (treasurer) reported a surplus; ${v.full(v.hyphenPerson())} will run the seed swap after Easter.`,
  // Choir rehearsal
  (v) =>
    t`Choir rehearsal is cancelled on Tuesday. ${v.first()} has the scores; please ask ${v.full()} about the concert in ${v.town()}.`,
  (v) =>
    t`Sopranos: ${v.full()}, ${v.initial()} and ${v.full()}. Altos meet at Reception before the warm-up.`,
  // Removal firm
  (v) =>
    t`Removal job ${v.ref(6)}\nCustomer: ${v.inverted()}\nFrom: ${v.address()}\nTo: ${v.address()}\nVan: ${v.plate()}`,
  (v) =>
    t`Dear ${enTitle(v)} ${v.last()},\nyour move to ${v.town()} is confirmed on Monday. The deposit has been taken from your card ${v.card()}.\nKind regards,\n${v.caps()}`,
  // Solar installer
  (v) =>
    t`Quote for a 6.4 kWp solar array at ${v.street()} for ${v.full(v.particlePerson())}. The inverter reports from ${v.ip()} once it is online.`,
  (v) =>
    t`Installer's note: ${v.full()}'s roof needs two extra rails. Contact the customer at ${v.email()} before Thursday.`,
  // Bicycle repair
  (v) =>
    t`Spokes & Sprockets: your bike is ready, ${v.first()}! Collect it by Saturday; frame number ${v.ref(8)}. Bank transfer to ${v.iban()}.`,
  (v) =>
    t`Repair ticket ${v.ref(5)} – ${v.full()}, ${v.phone()}. New chain and brake pads; pay at Checkout.`,
  // Pawnshop
  (v) =>
    t`Pawn ticket ${v.ref(7)}\nPledgor: ${v.inverted()}\nDOB: ${v.dob()}\nItem: gold ring, loan $180\nSSN on file: ${v.ssn()}`,
  (v) =>
    t`Reminder: ${enTitle(v)} ${v.last()}'s pledge expires on Friday. Renew in store or pay by card ending 4471.`,
  // Orthodontist
  (v) =>
    t`Bright Braces Orthodontics\nPatient: ${v.full()}\nDOB: ${v.dob()}\nGuarantor SSN: ${v.ssn()}\nInsurance: Delta Dental`,
  withPerson(
    (v, p) =>
      t`Hi ${v.first(p)}, ${v.first()}'s retainer check is on Wednesday at 4pm. Reply to ${v.email(p)} to confirm.`,
  ),
  // Nursery waiting list
  (v) =>
    t`Little Acorns Nursery – waiting list\nNo. 6: child of ${v.full()}, ${v.address()}\nStart: after Christmas`,
  (v) =>
    t`Dear ${v.last(v.hyphenPerson())} family, a place for ${v.first()} is available from September. Please call us on ${v.phone()} by Friday.`,
  // Hunting licence
  (v) =>
    t`Hunting licence application\nApplicant: ${v.full()}\nBorn: ${v.dob()} in ${v.town()}\nSSN: ${v.ssn()}\nHunter education card attached.`,
  (v) =>
    t`Passed the hunter safety course: ${v.full()}, ${v.initial()} and ${v.full(v.wordPerson())}. Tags are issued from Monday.`,
  // Boat moorings
  (v) =>
    t`Marina office: berth C7 allocated to ${v.full()} (yacht "Kittiwake"), trailer plate ${v.plate()}. Fees by direct debit from ${v.iban()}.`,
  (v) =>
    t`Harbourmaster to ${v.first()}: pontoon 3 is closed on Monday. The harbour webcam is now at ${v.ip()}.`,
  // Escape room
  (v) =>
    t`Booking confirmed: "The Vault", Saturday 7pm, 5 players. Booked by ${v.full()}, paid with ${v.card()} from ${v.ip()}.`,
  (v) =>
    t`Team Clueless: ${v.first()}, ${v.first()}, ${v.first()} and ${v.full()} escaped in 52:13 on Halloween night!`,
  // Parish newsletter
  (v) =>
    t`Parish newsletter: congratulations to ${v.full()} on her 80th birthday, and welcome to ${v.full(v.particlePerson())}, our new verger. Collection on Sunday for the organ fund.`,
  (v) =>
    t`Baptisms: ${v.first()}, child of ${v.full()} and ${v.full()}, in the Lady Chapel.\nFunerals: ${v.caps()}`,
  // Translation agency
  (v) =>
    t`Job ${v.ref(6)}: certified translation of ${v.full()}'s birth certificate (born ${v.dob()}); return by post to ${v.address()}.`,
  withPerson(
    (v, p) =>
      t`Hi ${v.first(p)}, could you do the German contract by Wednesday? Invoice to ${v.email(p)} as usual. Thanks, ${v.first()}`,
  ),
  // Scaffolding firm
  (v) =>
    t`Site ${v.street()}: scaffold up from Monday. Foreman ${v.full()} on ${v.phone()}; delivery lorry ${v.plate()} arrives on Tuesday.`,
  (v) =>
    t`Defect report: lift 4 is missing a toe board. Reported by ${v.initial()}, passed to ${v.full(v.hyphenPerson())} on Wednesday.`,
  // Blood donation
  (v) =>
    t`Blood donor service: thank you, ${v.first()}! Your 25th donation was on Tuesday. Donor number ${v.ref(9)}.`,
  (v) =>
    t`Donor record\nName: ${v.full()}\nDOB: ${v.dob()}\nAddress: ${v.address()}\nNext donation: after Easter`,
  // Bakery orders
  (v) =>
    t`Order for Saturday: 3 sourdough loaves, 24 rolls, 1 lemon drizzle. Collected by ${v.full(v.wordPerson())}, tel. ${v.phone()}.`,
  (v) =>
    t`Wedding cake for ${v.first()} & ${v.first()}: three tiers, delivery to ${v.town()} on Friday. Deposit paid with ${v.card()}.`,
  // Tattoo studio
  (v) =>
    t`Consent form\nClient: ${v.inverted()}\nDate of birth: ${v.dob()}\nDesign: compass, forearm\nSigned: ${v.caps()}`,
  (v) =>
    t`Hey ${v.first()}, your session at Ink & Needle is on Thursday. Deposit via PayPal to ${v.email()} – see you, ${v.first()}`,
  // Hearing-aid acoustician
  (v) =>
    t`Clearsound Hearing: ${enTitle(v)} ${v.last()}, your new aids are ready. For the Medicare claim we still need your SSN ${v.ssn()}.`,
  (v) =>
    t`Home visit on Monday to ${v.full()} (Beechwood care home), ${v.street()}; next of kin ${v.full()}, ${v.phone()}.`,
  // Dog walker
  withPerson(
    (v, p) =>
      t`Hi ${v.first(p)}, Biscuit was a star in the park today! November's invoice goes to ${v.email(p)}.`,
  ),
  (v) =>
    t`Key handover: ${v.full()} has the front door key for ${v.address()}. SSN for the payroll form: ${v.ssn()}.`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  (v) =>
    t`Birdwatch log: a bittern booming at dawn and a gannet diving offshore, ${v.n(12, 40)} sightings in all.`,
  () =>
    t`An otter was seen under the footbridge on Sunday; a stoat crossed the towpath soon after.`,
  () =>
    t`Allotment tip: pull burdock before it seeds and leave the mallow for the bees. Plot fees are due in March.`,
  (v) => t`A siskin and two goldfinches were on the feeder at ${v.n(7, 9)}:15 this morning.`,
  (v) =>
    t`Sewing circle: bring a thimble and needles; woodwork group: bring a chisel. Starts at ${v.n(6, 8)}pm.`,
  (v) => t`Choir notes: warm-up at 7, then bars ${v.n(12, 40)} to 48 of the Gloria.`,
  () => t`Blood donation sessions resume after Christmas; appointments open on Monday at 9am.`,
  (v) => t`Weather: fog in the morning, highs of ${v.n(8, 24)}°C and a breeze from Tuesday.`,
  (v) => t`Bakery special this week: cherry bakewells, ${v.n(3, 6)} for £5.`,
  (v) =>
    t`Escape room tip: the code is hidden in the clock, not the bookcase. Room ${v.n(2, 5)} reopens on Friday.`,
];

const EN_SPOKEN: readonly Frame[] = [
  // Ski school
  (v) => t`hello this is ${v.full()} calling about ski lessons for my daughter ${v.first()}`,
  (v) => t`you can reach me on ${v.phone()} or at ${v.email()}`,
  // Allotment society
  (v) => t`allotment society here the plot rent goes to ${v.iban()} please`,
  (v) => t`tell ${v.first()} that ${enSaidTitle(v)} ${v.last()} is giving up plot nine`,
  // Choir rehearsal
  (v) => t`choir is off tonight can you text ${v.first()} and ${v.full()}`,
  (v) => t`the music folders are with ${v.full(v.wordPerson())} who lives at ${v.street()}`,
  // Removal firm
  (v) => t`removals hello we will be at ${v.address()} on friday and then drive on to ${v.town()}`,
  (v) => t`the van registration is ${v.plate()} and the driver is ${v.full()}`,
  (v) => t`for the deposit i can take your card number now yes it is ${v.card()}`,
  // Solar installer
  (v) => t`solar enquiry my name is ${v.inverted()} and i live at ${v.street()}`,
  (v) => t`the inverter shows the address ${v.ip()} but the app cannot find it`,
  // Bicycle repair
  (v) => t`hey siri call the bike shop no call ${v.full()}`,
  (v) => t`my bike was dropped off on tuesday under the name ${v.last()} phone number ${v.phone()}`,
  // Pawnshop
  (v) =>
    t`i want to redeem the ring the ticket is in the name of ${v.full(v.hyphenPerson())} date of birth ${v.dob()}`,
  (v) => t`for security can you confirm your social security number yes it is ${v.ssn()}`,
  // Orthodontist
  (v) =>
    t`orthodontics doctor ${v.last()} speaking yes hello this is ${v.full()} about my son ${v.first()}`,
  (v) => t`please send the bill to ${v.address()}`,
  // Nursery waiting list
  (v) => t`i was wondering where we are on the waiting list our daughter is ${v.full()}`,
  (v) =>
    t`we are moving to ${v.town()} in may and the nursery there is run by ${v.full(v.particlePerson())}`,
  // Hunting licence
  (v) => t`for the hunting licence they need my social ${v.ssn()}`,
  (v) => t`dictation licence issued to ${v.full()} residing at ${v.address()} full stop`,
  // Boat moorings
  (v) =>
    t`harbourmaster here ${enSaidTitle(v)} ${v.last()} your berth is free the deposit goes to ${v.iban()}`,
  (v) => t`the boat trailer with the plate ${v.plate()} has been in the car park for weeks`,
  // Escape room
  (v) => t`escape room booking for saturday under ${v.full()} paying with ${v.card()}`,
  (v) =>
    t`note for the game master ${v.first()} found the code and ${v.first()} is still looking for the key`,
  // Parish newsletter
  (v) =>
    t`for the newsletter please say that ${v.full()} and ${v.full(v.wordPerson())} celebrate their golden wedding`,
  (v) => t`the collection can go to ${v.iban()} reference organ`,
  // Translation agency
  (v) =>
    t`translation agency hello i need a certified translation for ${v.full()} and i will send the papers to ${v.email()}`,
  (v) => t`my date of birth for the form is ${v.dob()}`,
  // Scaffolding firm
  (v) => t`foreman ${v.full()} here the scaffold at ${v.street()} can come down`,
  (v) => t`the crane arrives at seven driver ${v.initial()} plate ${v.plate()}`,
  // Blood donation
  (v) => t`blood donor booking i am ${v.full()} born ${v.dob()} and i live in ${v.town()}`,
  (v) => t`please take ${v.last()} off the donor list they have moved away`,
  // Bakery orders
  (v) =>
    t`bakery good morning two cakes for saturday under ${v.full(v.wordPerson())} my number is ${v.phone()}`,
  (v) => t`can you tell ${v.first()} that the rolls for ${v.full()} are paid for`,
  // Tattoo studio
  (v) => t`hi i have a slot with ${v.first()} on thursday my name is ${v.inverted()}`,
  // Hearing-aid acoustician
  (v) =>
    t`hearing centre ${enSaidTitle(v)} ${v.last()} your aids are ready please call us back on ${v.phone()}`,
  (v) => t`the social security number of my mother is ${v.ssn()} her name is ${v.full()}`,
  // Dog walker and voice assistant
  (v) => t`hey google send ${v.first()} the printer address ${v.ip()} and my email ${v.email()}`,
  (v) =>
    t`the dog walker ${v.full()} picks up biscuit on monday at eight from ${v.street()} and the router in the hall is ${v.ip()}`,
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  () => t`there is a bittern in the reed bed by the hide`,
  () => t`a gannet just dived right next to the boat`,
  () => t`we saw an otter and a stoat on the riverbank`,
  () => t`the mallow in the border is flowering again`,
  () => t`how do i get rid of burdock in the lawn`,
  (v) => t`a siskin has been at the feeder for ${v.w(v.n(5, 30))} minutes`,
  () => t`grandma lost her thimble down the back of the sofa`,
  () => t`the chisel needs sharpening before saturday`,
  (v) => t`set a reminder for choir practice at ${v.w(v.n(6, 8))} o clock`,
  () => t`play the moving day playlist`,
];

const BLIND11_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
const BLIND11_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the eleventh blind set with the values its spans were built from, in span order. */
export interface Blind11Item extends Labelled {
  readonly values: readonly string[];
}

/** How many frames of each language and kind: PII frames and PII-free ones. */
export const BLIND11_FRAME_COUNTS = Object.fromEntries(
  (['de', 'en'] as const).flatMap((lang) =>
    (['written', 'spoken'] as const).map((kind) => [
      `${lang} ${kind}`,
      { pii: BLIND11_FRAMES[lang][kind].length, free: BLIND11_PLAIN_FRAMES[lang][kind].length },
    ]),
  ),
);

/**
 * The eleventh blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind11Items(perFrame: number, seed: number): Blind11Item[] {
  const r = rng(seed);
  const out: Blind11Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND11_FRAMES[lang][kind], ...BLIND11_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The eleventh blind set as the evaluation reads it (see generateBlind11Items). */
export function generateBlind11(perFrame = 8, seed = 241): Labelled[] {
  return generateBlind11Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
