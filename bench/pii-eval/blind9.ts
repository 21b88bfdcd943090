// Retired to dev data in session 12 (issue 17): its errors are read from then on; no longer held out.
// The ninth blind set (issue 17): sentence frames of school and parent messages, landlord and
// tenant letters, insurance claims, job applications and references, club notices, court and
// police notices, pharmacy and lab messages, travel bookings, meeting minutes, dictated notes,
// voicemails, smart-speaker requests and radio or podcast call-ins, German and English, written
// and spoken, over the names, places and values of blind9-values.ts and blind9-draw.ts. Written
// without reading the detector, its training data or its tests, and never run against the
// detector by its author; only the item format and the generate functions' shape were taken
// from blind8.ts, none of its frames.
// Names stand at a sentence's start, in lists ("X, Y und Z"), with an English possessive
// ("Moirrey's"), as an initial ("J. Quayle"), in capitals under a letter, hyphenated, with a
// particle, as "Surname, Given name" and in greetings and sign-offs. Spoken frames are lower case
// without punctuation, numbers and symbols as words. Each language and kind has 40 PII frames and
// 10 PII-free ones. Capitalised words that are no names or places (organisations, products,
// weekdays, holidays, headings) stand after place prepositions and at a sentence's start, to
// measure precision; the PII-free frames use the word-surnames (Dohle, Quitte, Starling, Gorse …)
// as words beside numbers that are not personal.
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { type Person, Values } from './blind9-draw.js';
import { rng } from './corpus.js';
import type { Labelled } from './markup.js';

type Frame = (v: Values) => Built;

/** A frame that uses one person twice (name and e-mail, surname then given name …). */
const withPerson =
  (f: (v: Values, p: Person) => Built): Frame =>
  (v) =>
    f(v, v.person());

const deTitle = (v: Values) => v.one('Frau', 'Herr', 'Frau Dr.', 'Herr Prof.');
/** The same titles in the accusative, after "an" and "nenne ich". */
const deTitleAcc = (v: Values) => v.one('Frau', 'Herrn', 'Frau Dr.', 'Herrn Prof.');
const enTitle = (v: Values) => v.one('Mr', 'Mrs', 'Ms', 'Dr', 'Prof.');

const DE_WRITTEN: readonly Frame[] = [
  // School and parents
  (v) =>
    t`Liebe Eltern der 3b,\nam Freitag entfällt der Sportunterricht. Bei Fragen erreichen Sie mich unter ${v.phone()}.\nHerzliche Grüße\n${v.full()}`,
  withPerson(
    (v, p) =>
      t`Sehr geehrte Frau ${v.last()},\nunser Kind ${v.first(p)} war am Dienstag krank und konnte nicht am Unterricht teilnehmen.\nMit freundlichen Grüßen\n${v.full(p)}`,
  ),
  (v) =>
    t`Fahrgemeinschaft zum Schwimmen: ${v.first()}, ${v.first()} und ${v.first()} fahren bei ${v.full()} mit (Kennzeichen ${v.plate()}).`,
  (v) =>
    t`Der Schulbus hält ab Montag nicht mehr vor dem Haus ${v.street()}, teilt ${v.full()} vom Elternbeirat mit.`,
  // Landlord and tenant
  (v) =>
    t`${v.town()}, den 3. Januar 2026\n\nBetreff: Nebenkostenabrechnung 2025\n\nSehr geehrter Herr ${v.last()},\nbitte überweisen Sie die Nachzahlung bis zum 15. Januar auf ${v.iban()}.\n\n${v.caps()}\nHausverwaltung`,
  (v) =>
    t`Mieterwechsel zum 1. April: Die Wohnung ${v.address()} übernimmt ${v.full()}, geb. ${v.dob()}.`,
  (v) =>
    t`Hallo ${v.first()},\nder Kellerschlüssel liegt bei ${v.initial()} im Erdgeschoss.\nGruß aus ${v.town()}`,
  (v) => t`Die Kaution von ${v.full(v.hyphenPerson())} wird auf ${v.iban()} zurückgezahlt.`,
  // Insurance claims
  (v) =>
    t`Schadenmeldung Nr. ${v.ref(9)}\nVersicherungsnehmerin: ${v.full()}\nGeburtsdatum: ${v.dob()}\nSchadenort: ${v.street()}, ${v.town()}`,
  (v) =>
    t`Unfallgegner: ${v.full()}, amtliches Kennzeichen ${v.plate()}, versichert bei HUK-Coburg.`,
  (v) =>
    t`Die Erstattung von 412,80 € geht an ${v.full(v.particlePerson())} auf das Konto ${v.iban()}.`,
  // Job applications and references
  withPerson(
    (v, p) =>
      t`Bewerbung als Sachbearbeiterin\n\n${v.full(p)}\n${v.address()}\nMobil: ${v.phone()}\nE-Mail: ${v.email(p)}`,
  ),
  (v) =>
    t`Arbeitszeugnis: ${v.one('Frau', 'Herr')} ${v.full()}, geboren am ${v.dob()} in ${v.town()}, war vom 1. März 2019 bis 30. Juni 2024 bei uns tätig.`,
  (v) =>
    t`Als Referenz nenne ich ${deTitleAcc(v)} ${v.full()} (Lehrstuhl für Statik), erreichbar unter ${v.email()}.`,
  // Club notices
  (v) =>
    t`Vereinsmitteilung: Der TSV gratuliert ${v.full(v.hyphenPerson())} zum Titel im Kegeln bei der Kreismeisterschaft!`,
  (v) =>
    t`Mitgliedsbeitrag: Bitte buchen Sie künftig von ${v.iban()} ab (Kontoinhaberin ${v.full()}).`,
  (v) =>
    t`Jahreshauptversammlung am Samstag im Vereinsheim; Anmeldung bei ${v.full()}, Tel. ${v.phone()}.`,
  // Court and police
  (v) =>
    t`Az. ${v.ref(5)}/25 – In der Mietsache ${v.full()} gegen ${v.full(v.particlePerson())} wird Termin am Mittwoch, 10 Uhr, Saal 2 bestimmt.`,
  (v) =>
    t`Polizeiinspektion: Gesucht wird der Halter des Fahrzeugs ${v.plate()}; die Zeugin ${v.full()} aus ${v.town()} sah den Unfall.`,
  (v) => t`Ladung: ${v.full()}, wohnhaft ${v.address()}, wird als Zeuge geladen.`,
  // Pharmacy and lab
  (v) =>
    t`Apotheke am Markt: Ihr Medikament ist eingetroffen, ${deTitle(v)} ${v.last()}. Abholnummer ${v.ref(4)}.`,
  (v) =>
    t`Laborbefund für ${v.full()} (geb. ${v.dob()}): Werte unauffällig, Kontrolle nach Weihnachten. Rückfragen an ${v.email()}.`,
  withPerson(
    (v, p) =>
      t`Rezeptbestellung von ${v.email(p)}: ${v.full(p)} braucht das Spray bis Montag, Abholung bei Rossmann nebenan.`,
  ),
  // Travel bookings
  (v) =>
    t`Buchungsbestätigung\nReisende: ${v.full()}, ${v.full()}\nAbfahrt am Sonntag, 6:40 Uhr, ICE 597\nBezahlt mit ${v.card()}`,
  (v) =>
    t`Hotel Zur Post: Zimmer 12 für ${v.full()} vom 3. bis 5. Mai, hinterlegte Karte ${v.card()}.`,
  (v) =>
    t`Mietwagen ${v.plate()} abgeholt von ${v.initial()}; Rückgabe in ${v.town()} am Donnerstag.`,
  // Meeting minutes
  (v) =>
    t`Protokoll der Sitzung am Dienstag\nAnwesend: ${v.full()}, ${v.full()}, ${v.full(v.wordPerson())}\nEntschuldigt: ${v.first()}`,
  (v) =>
    t`TOP 3: ${v.first()} berichtet über den Umzug des Servers (${v.ip()}) nach Ostern; ${v.last(v.wordPerson())} übernimmt die Tests.`,
  (v) => t`Aufgabe: ${v.initial()} klärt bis KW 12 mit ${v.full()} den Zugang für ${v.ip()}.`,
  // Dictated notes
  (v) =>
    t`Diktat, bitte abtippen: Brief an ${deTitleAcc(v)} ${v.full()}, ${v.address()}, Betreff: Ihr Anruf am Montag.`,
  (v) =>
    t`Notiz: ${v.first()} ${v.last(v.wordPerson())} ruft am Freitag wegen der Steuer-ID ${v.taxId()} zurück.`,
  (v) =>
    t`Mailbox 11:05 – ${v.first()} aus ${v.town()}: „Bin noch bei Lidl, komme später, erreichst mich unter ${v.phone()}.“`,
  // Forms and lists
  withPerson(
    (v, p) =>
      t`Steuerliche Identifikationsnummer: ${v.taxId()}\nName, Vorname: ${v.last(p)}, ${v.first(p)}`,
  ),
  (v) => t`${v.full()} hat sich am Abend von ${v.ip()} aus in Moodle angemeldet.`,
  withPerson(
    (v, p) => t`Geburtstagsliste Kita Sonnenschein: ${v.first(p)} ${v.last(p)} – ${v.dob()}`,
  ),
  (v) => t`An: ${v.email()}\nCc: ${v.email()}\nBetreff: Treffen am Mittwoch`,
  (v) => t`Zahlung bei Zalando abgelehnt: Karte ${v.card()}, Inhaber ${v.caps()}.`,
  (v) =>
    t`Unsere neue Anschrift ab Juli: ${v.address()}. Liebe Grüße, ${v.first()} und ${v.first()}`,
  (v) =>
    t`Kfz-Steuer für ${v.plate()}: Lastschrift von ${v.iban()}, Halterin ${v.full(v.wordPerson())}.`,
  (v) => t`Neue Handynummer von ${v.full(v.hyphenPerson())}: ${v.phoneInvalid()} (bitte prüfen).`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  (v) =>
    t`Elternbrief: Am Montag besuchen die Klassen 2a und 2b den Tierpark; bitte ${v.n(3, 6)} Euro und eine Regenjacke mitgeben.`,
  (v) =>
    t`Auf dem Schuldach brütet eine Dohle; der Hausmeister sperrt den Hof bis ${v.n(10, 14)} Uhr.`,
  () =>
    t`Die Elster hat aus dem Vereinsheim einen Teelöffel gestohlen, meldet der Kassenwart nach Pfingsten.`,
  (v) =>
    t`Gerste oder Quitte? Das Rezept für ${v.n(4, 12)} Gläser Gelee steht im Gemeindeblatt vom Mittwoch.`,
  (v) => t`Der Ginster am Bahndamm blüht; die Bahn mäht laut Aushang in KW ${v.n(18, 30)}.`,
  (v) => t`Schlehe und Quitte gibt es im Hofladen ab ${v.n(2, 5)},${v.n(10, 90)} Euro je Kilo.`,
  (v) => t`Notdienst am Sonntag hat die Apotheke am Bahnhof, geöffnet bis ${v.n(18, 22)} Uhr.`,
  (v) =>
    t`Protokoll: Beschluss einstimmig, ${v.n(7, 19)} Ja-Stimmen, Haushalt ${v.n(2026, 2028)} genehmigt, nächste Sitzung im Mai.`,
  (v) =>
    t`Schadennummer ${v.ref(8)}: Der Hagelschaden vom August wird mit ${v.n(300, 2900)} Euro reguliert.`,
  (v) => t`Flug LH ${v.n(100, 999)} nach Ostern gestrichen; Umbuchung bei Lufthansa über die App.`,
];

const DE_SPOKEN: readonly Frame[] = [
  // Smart speaker
  (v) => t`alexa schick ${v.first()} eine nachricht dass das training heute ausfällt`,
  (v) => t`hey google ruf ${v.full()} auf dem handy an`,
  (v) => t`siri wie lange brauche ich mit dem auto nach ${v.town()}`,
  (v) => t`alexa speichere die nummer ${v.phone()} unter ${v.first()}`,
  (v) => t`ok google navigiere zu ${v.address()}`,
  // Radio and podcast call-ins
  (v) => t`${v.town()} ist dran hallo ${v.first()} du bist live auf sendung`,
  (v) => t`ja hallo ich bin ${v.full()} und wollte zum thema mieterhöhung was sagen`,
  (v) => t`gewonnen hat ${v.full()} aus ${v.town()} herzlichen glückwunsch`,
  (v) => t`willkommen zu folge ${v.w(v.n(20, 140))} heute zu gast sind ${v.full()} und ${v.full()}`,
  // Voicemails
  (v) =>
    t`hallo hier ist ${v.full()} von der hausverwaltung es geht um die heizung im haus ${v.street()} bitte rufen sie zurück unter ${v.phone()}`,
  (v) => t`ja hallo frau ${v.last(v.wordPerson())} hier ist die apotheke ihr rezept liegt bereit`,
  (v) =>
    t`hier spricht ${v.first()} ich stehe mit dem auto ${v.plate()} vor der schule und warte auf ${v.first()}`,
  // Insurance and call centre
  (v) =>
    t`meine versicherungsnummer ist ${v.ref(10)} mein name ist ${v.full()} geboren am ${v.dob()}`,
  (v) => t`der unfallgegner hatte das kennzeichen ${v.plate()}`,
  (v) => t`überweisen sie die erstattung bitte auf ${v.iban()}`,
  (v) => t`meine steueridentifikationsnummer lautet ${v.taxId()}`,
  (v) => t`mein geburtsdatum ist der ${v.dob(true)}`,
  (v) => t`ich zahle mit der kreditkarte ${v.card()}`,
  (v) => t`sie erreichen mich per mail unter ${v.email()}`,
  (v) => t`die schule hat meine nummer falsch notiert richtig ist ${v.phoneInvalid()}`,
  withPerson((v, p) => t`schicken sie das bitte an ${v.full(p)} also ${v.email(p)}`),
  // Dictated notes
  withPerson((v, p) => t`notiz an mich ${v.first(p)} ${v.last(p)} wegen der kaution anrufen`),
  (v) => {
    const p = v.particlePerson();
    return t`brief an ${v.full(p)} ${v.address()} liebe familie ${v.last(p)} absatz`;
  },
  (v) => t`punkt eins im protokoll ${v.first()} übernimmt die kasse von ${v.full()}`,
  // Police
  (v) => t`einsatz an der adresse ${v.street()} in ${v.town()} gemeldet von ${v.full()}`,
  (v) => t`der fahrer ${v.full()} geboren am ${v.dob()} hatte keinen führerschein dabei`,
  // School
  (v) => t`frau ${v.last()} hier ist die mutter von ${v.first()} er kommt heute später`,
  (v) =>
    t`die klassenfahrt geht nach ${v.town()} und ${v.first()} ${v.last(v.wordPerson())} fährt als begleitung mit`,
  // Job applications
  (v) => t`ich bewerbe mich als erzieherin mein name ist ${v.full()} und ich wohne in ${v.town()}`,
  (v) => t`mein lebenslauf ist an ${v.email()} gegangen`,
  // Lab and IT
  (v) => t`das labor meldet dass der rechner mit der ip ${v.ip()} keine befunde mehr schickt`,
  (v) => t`kannst du ${v.ip()} mal anpingen fragt ${v.first()}`,
  // Travel
  (v) => t`ich möchte die buchung für ${v.full()} und ${v.full()} auf donnerstag umbuchen`,
  (v) => t`die karte ${v.card()} wurde im hotel in ${v.town()} belastet`,
  // Landlord
  (v) => t`die kaution von ${v.full()} geht zurück auf ${v.iban()}`,
  (v) => t`der neue mieter heißt ${v.initial()} und zieht am ersten ein`,
  (v) => t`herr ${v.last(v.hyphenPerson())} aus dem dritten stock beschwert sich wieder`,
  (v) => t`mein name ist ${v.full()} und meine steuer id ist ${v.taxId()}`,
  (v) =>
    t`das auto von ${v.first()} hat das kennzeichen ${v.plate()} und steht vor dem haus ${v.street()}`,
  (v) => t`gib mir mal die nummer von ${v.full()} die war doch ${v.phone()}`,
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  () => t`alexa wie wird das wetter am wochenende`,
  (v) => t`eine dohle sitzt seit ${v.w(v.n(2, 9))} tagen auf dem schornstein`,
  () => t`die elster hat schon wieder ein nest in der birke gebaut sagt der hausmeister`,
  (v) => t`wir brauchen ${v.w(v.n(10, 40))} kilo gerste für das bier vom verein`,
  (v) => t`der ginster blüht gelb am bahndamm seit ${v.w(v.n(2, 4))} wochen`,
  (v) => t`aus der schlehe und der quitte machen wir ${v.w(v.n(6, 20))} gläser marmelade`,
  (v) => t`hey google stell einen timer auf ${v.w(v.n(3, 45))} minuten`,
  (v) => t`willkommen zurück nach der werbung es ist ${v.w(v.n(6, 11))} uhr`,
  (v) => t`die apotheke hat am sonntag bis ${v.w(v.n(12, 20))} uhr geöffnet`,
  (v) => t`in der sitzung haben ${v.w(v.n(7, 30))} mitglieder dafür gestimmt`,
];

const EN_WRITTEN: readonly Frame[] = [
  // School and parents
  (v) =>
    t`Dear Parents,\nYear 5 swimming is cancelled on Friday. Questions to ${v.full()} on ${v.phone()}.\nKind regards,\n${v.caps()}`,
  withPerson(
    (v, p) =>
      t`Dear ${enTitle(v)} ${v.last()},\nplease excuse ${v.first(p)} from PE this week, the wrist is still sprained.\nThanks,\n${v.full(p)}`,
  ),
  (v) =>
    t`Lift share to the match: ${v.first()}, ${v.first()} and ${v.first()} go with ${v.full()} in ${v.plate()}.`,
  (v) =>
    t`The school bus no longer stops at ${v.street()} from Monday, says ${v.full()} of the PTA.`,
  // Landlord and tenant
  (v) =>
    t`${v.town()}, 3 January 2026\n\nRe: Rent arrears\n\nDear ${v.full()},\nplease pay the outstanding £640 into ${v.iban()} by 1 March.\n\n${v.initial()}, Letting Agent`,
  (v) =>
    t`Change of tenancy from 1 April: ${v.address()} will be let to ${v.full()}, DOB ${v.dob()}.`,
  (v) =>
    t`Hi ${v.first()}, the spare key is with ${v.first()}'s mum at ${v.street()}.\nLove from ${v.town()}`,
  (v) => t`The deposit of ${v.full(v.hyphenPerson())} will be returned to ${v.iban()}.`,
  // Insurance claims
  (v) =>
    t`Claim ref ${v.ref(9)}\nPolicyholder: ${v.full()}\nDate of birth: ${v.dob()}\nIncident at: ${v.street()}, ${v.town()}`,
  (v) => t`Third party: ${v.full()}, registration ${v.plate()}, insured with Aviva.`,
  (v) => t`The refund of £212.40 will go to ${v.full()}'s account ${v.iban()}.`,
  // Job applications and references
  withPerson(
    (v, p) =>
      t`Application for the post of Library Assistant\n\n${v.full(p)}\n${v.address()}\nMobile: ${v.phone()}\nEmail: ${v.email(p)}`,
  ),
  (v) =>
    t`Reference: ${v.full()}, born ${v.dob()} in ${v.town()}, worked for us from March 2019 to June 2024.`,
  (v) =>
    t`As a referee I give ${enTitle(v)} ${v.full()} (Dept. of Geology), reachable at ${v.email()}.`,
  // Club notices
  (v) =>
    t`Club news: congratulations to ${v.full(v.hyphenPerson())} on winning the bowls trophy at Easter!`,
  (v) =>
    t`Membership fees: please move the direct debit to ${v.iban()} (account name ${v.full()}).`,
  (v) => t`AGM on Saturday in the Scout Hut; RSVP to ${v.full()}, tel. ${v.phone()}.`,
  // Court and police
  (v) =>
    t`Case no. ${v.ref(6)}: ${v.full()} v ${v.full(v.particlePerson())} is listed for Wednesday at 10am in Court 2.`,
  (v) =>
    t`Police appeal: the keeper of ${v.plate()} is sought; witness ${v.full()} from ${v.town()} saw the collision.`,
  (v) => t`Witness summons: ${v.full()}, of ${v.address()}, is required to attend.`,
  // Pharmacy and lab
  (v) =>
    t`Your prescription is ready to collect at Boots, ${enTitle(v)} ${v.last()}. Code ${v.ref(4)}.`,
  (v) =>
    t`Lab result for ${v.full()} (DOB ${v.dob()}): all values normal. Queries to ${v.email()}.`,
  withPerson(
    (v, p) =>
      t`Repeat prescription request from ${v.email(p)}: ${v.full(p)} needs inhalers by Monday.`,
  ),
  // Travel bookings
  (v) =>
    t`Booking confirmation\nPassengers: ${v.full()}, ${v.full()}\nDeparting on Sunday, 06:40, Eurostar 9014\nPaid with ${v.card()}`,
  (v) => t`The Crown Inn: room 4 for ${v.full()} from 3 to 5 May, card on file ${v.card()}.`,
  (v) => t`Hire car ${v.plate()} collected by ${v.initial()}; return to ${v.town()} on Thursday.`,
  // Meeting minutes
  (v) =>
    t`Minutes of Tuesday's meeting\nPresent: ${v.full()}, ${v.full()}, ${v.full(v.wordPerson())}\nApologies: ${v.first()}`,
  (v) =>
    t`Item 3: ${v.first()} reported on moving the server (${v.ip()}) after Christmas; ${v.last(v.wordPerson())} to test.`,
  (v) => t`Action: ${v.initial()} to sort out access for ${v.ip()} with ${v.full()} by week 12.`,
  // Dictated notes
  (v) =>
    t`Dictation, please type: letter to ${enTitle(v)} ${v.full()}, ${v.address()}, re your call on Monday.`,
  (v) =>
    t`Note: ${v.first()} ${v.last(v.wordPerson())} to call back on Friday about SSN ${v.ssn()}.`,
  (v) =>
    t`Voicemail 11:05 – ${v.first()} from ${v.town()}: "I'm at Lidl, running late, reach me on ${v.phone()}."`,
  // Forms and lists
  withPerson(
    (v, p) => t`Social Security No.: ${v.ssn()}\nName (last, first): ${v.last(p)}, ${v.first(p)}`,
  ),
  (v) => t`${v.full()} logged in on Moodle from ${v.ip()} last night.`,
  withPerson(
    (v, p) => t`Birthday list, Sunflower Nursery: ${v.first(p)} ${v.last(p)} – ${v.dob()}`,
  ),
  (v) => t`To: ${v.email()}\nCc: ${v.email()}\nSubject: Minutes from Wednesday`,
  (v) => t`Payment declined at Amazon: card ${v.card()}, holder ${v.caps()}.`,
  (v) => t`Our new address from July: ${v.address()}. Love, ${v.first()} and ${v.first()}`,
  (v) =>
    t`Road tax for ${v.plate()}: direct debit from ${v.iban()}, keeper ${v.full(v.wordPerson())}.`,
  (v) => t`${v.full(v.hyphenPerson())}'s new mobile is ${v.phoneInvalid()} (please check).`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  (v) =>
    t`Dear parents, on Monday Years 2 and 3 visit the Zoo; please send £${v.n(3, 6)} and a raincoat.`,
  (v) =>
    t`A Starling has nested in the school gutter; the caretaker has closed the yard until ${v.n(10, 14)}:00.`,
  (v) =>
    t`Fennel, Mustard and Gorse honey are on the WI stall at the Summer Fair, £${v.n(3, 7)} a jar.`,
  (v) => t`Partridge and Woodcock are off the menu at The Feathers from ${v.n(2, 28)} February.`,
  (v) =>
    t`The Bunting for the Jubilee goes up on Friday; ${v.n(20, 90)} metres are in the church hall.`,
  (v) => t`Claim ${v.ref(8)}: the hail damage from August will be settled at £${v.n(300, 2900)}.`,
  (v) =>
    t`Minutes: carried unanimously, ${v.n(7, 19)} votes for, budget for ${v.n(2026, 2028)} approved, next meeting in May.`,
  (v) => t`The pharmacy on the High Street is open on Sunday until ${v.n(16, 22)}:00.`,
  (v) =>
    t`Flight BA ${v.n(100, 999)} after Easter is cancelled; rebook online with British Airways.`,
  (v) => t`Gorse fires on the common: the fire service asks walkers to keep to Path ${v.n(1, 9)}.`,
];

const EN_SPOKEN: readonly Frame[] = [
  // Smart speaker
  (v) => t`alexa send ${v.first()} a message saying practice is off tonight`,
  (v) => t`hey google call ${v.full()} on mobile`,
  (v) => t`siri how long does it take to drive to ${v.town()}`,
  (v) => t`alexa save the number ${v.phone()} as ${v.first()}`,
  (v) => t`ok google navigate to ${v.address()}`,
  // Radio and podcast call-ins
  (v) => t`${v.town()} is on the line hi ${v.first()} you are live on air`,
  (v) => t`yes hi my name is ${v.full()} and i wanted to say something about the rent rise`,
  (v) => t`the winner is ${v.full()} from ${v.town()} congratulations`,
  (v) =>
    t`welcome to episode ${v.w(v.n(20, 140))} today our guests are ${v.full()} and ${v.full()}`,
  // Voicemails
  (v) =>
    t`hello this is ${v.full()} from the letting agency it is about the boiler at ${v.street()} please call me back on ${v.phone()}`,
  (v) => t`hi mrs ${v.last(v.wordPerson())} this is the pharmacy your prescription is ready`,
  (v) =>
    t`it is ${v.first()} i am outside the school in the car ${v.plate()} waiting for ${v.first()}`,
  // Insurance and call centre
  (v) => t`my policy number is ${v.ref(10)} my name is ${v.full()} date of birth ${v.dob()}`,
  (v) => t`the other driver had the registration ${v.plate()}`,
  (v) => t`please pay the refund into ${v.iban()}`,
  (v) => t`my social security number is ${v.ssn()}`,
  (v) => t`i was born ${v.dob()}`,
  (v) => t`i will pay with the credit card ${v.card()}`,
  (v) => t`you can email me at ${v.email()}`,
  (v) => t`the school wrote my number down wrong it is ${v.phoneInvalid()}`,
  withPerson((v, p) => t`please send it to ${v.full(p)} that is ${v.email(p)}`),
  // Dictated notes
  withPerson((v, p) => t`note to self call ${v.first(p)} ${v.last(p)} about the deposit`),
  (v) => {
    const p = v.particlePerson();
    return t`letter to ${v.full(p)} ${v.address()} dear ${v.last(p)} family new paragraph`;
  },
  (v) => t`item one in the minutes ${v.first()} takes over the treasury from ${v.full()}`,
  // Police
  (v) => t`incident at ${v.street()} in ${v.town()} reported by ${v.full()}`,
  (v) => t`the driver ${v.full()} born ${v.dob()} had no licence on him`,
  // School
  (v) => t`mrs ${v.last()} this is the mother of ${v.first()} he will be late today`,
  (v) =>
    t`the school trip goes to ${v.town()} and ${v.first()} ${v.last(v.wordPerson())} is coming along to help`,
  // Job applications
  (v) => t`i am applying for the nursery job my name is ${v.full()} and i live in ${v.town()}`,
  (v) => t`my cv went to ${v.email()}`,
  // Lab and IT
  (v) => t`the lab says the machine at ${v.ip()} is not sending results any more`,
  (v) => t`can you ping ${v.ip()} asks ${v.first()}`,
  // Travel
  (v) => t`i would like to move the booking for ${v.full()} and ${v.full()} to thursday`,
  (v) => t`the card ${v.card()} was charged at the hotel in ${v.town()}`,
  // Landlord
  (v) => t`the deposit of ${v.full()} goes back to ${v.iban()}`,
  (v) => t`the new tenant is ${v.initial()} moving in on the first`,
  (v) => t`mister ${v.last(v.hyphenPerson())} from the third floor is complaining again`,
  (v) => t`my name is ${v.full()} and my social is ${v.ssn()}`,
  (v) =>
    t`the car of ${v.first()} has the registration ${v.plate()} and is parked at ${v.street()}`,
  (v) => t`give me the number for ${v.full()} it was ${v.phone()} i think`,
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  () => t`alexa what is the weather like at the weekend`,
  (v) => t`a starling has been on the chimney for ${v.w(v.n(2, 9))} days`,
  (v) => t`we need ${v.w(v.n(2, 8))} jars of mustard and some fennel for the stall`,
  (v) => t`the gorse is flowering yellow on the common for ${v.w(v.n(2, 4))} weeks now`,
  () => t`a partridge and a woodcock ran across the lane this morning`,
  (v) => t`put up the bunting before ${v.w(v.n(2, 6))} o clock please`,
  (v) => t`hey google set a timer for ${v.w(v.n(3, 45))} minutes`,
  (v) => t`welcome back after the break it is ${v.w(v.n(6, 11))} o clock`,
  (v) => t`the pharmacy is open on sunday until ${v.w(v.n(12, 20))}`,
  (v) => t`at the meeting ${v.w(v.n(7, 30))} members voted in favour`,
];

const BLIND9_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
const BLIND9_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the ninth blind set with the values its spans were built from, in span order. */
export interface Blind9Item extends Labelled {
  readonly values: readonly string[];
}

/** How many frames of each language and kind: PII frames and PII-free ones. */
export const BLIND9_FRAME_COUNTS = Object.fromEntries(
  (['de', 'en'] as const).flatMap((lang) =>
    (['written', 'spoken'] as const).map((kind) => [
      `${lang} ${kind}`,
      { pii: BLIND9_FRAMES[lang][kind].length, free: BLIND9_PLAIN_FRAMES[lang][kind].length },
    ]),
  ),
);

/**
 * The ninth blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind9Items(perFrame: number, seed: number): Blind9Item[] {
  const r = rng(seed);
  const out: Blind9Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND9_FRAMES[lang][kind], ...BLIND9_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The ninth blind set as the evaluation reads it (see generateBlind9Items). */
export function generateBlind9(perFrame = 8, seed = 197): Labelled[] {
  return generateBlind9Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
