// Retired to dev data in session 13 (issue 17): its errors are read from then on; no longer held out.
// The tenth blind set (issue 17): sentence frames of veterinary practices, dating apps, sports
// club transfers, support tickets, delivery drivers' notes, hospital discharge letters, tax
// advisers, wedding planning, funeral notices, library reminders, car workshops, coworking
// spaces, crowdfunding, ride sharing, the Bürgeramt or council and bank fraud alerts; spoken:
// in-car assistants, fraud hotline and call-centre calls, dictated police reports and discharge
// letters, voice notes. German and English, written and spoken, over the names, places and values
// of blind10-values.ts and blind10-draw.ts. Written without reading the detector, its training
// data or its tests, and never run against the detector by its author; only the item format and
// the generate functions' shape were taken from blind9.ts, none of its frames.
// Names stand alone in chats, in full, after a title, as an initial ("P. Toffoli"), as "Surname,
// Given name", in capitals (signatures, death notices), hyphenated, with a particle ("Nart di
// Zanier"), with an English possessive, in lists, as vocatives, after verbs of calling and
// speaking ("ruf … an", "a man called …", "tell …") and in lower-case transcripts. Spoken frames
// are lower case without punctuation, numbers and symbols as words. Each language and kind has
// 40 PII frames and 10 PII-free ones. Capitalised words that are no places (weekdays, holidays,
// apps, shops, departments, German nouns: "in Bearbeitung", "nach Absprache", "bei Rewe",
// "from Hinge", "at Reception", "after Easter") stand after place prepositions to measure
// precision; the PII-free frames use the word-surnames (Zeisig, Holunder, Curlew, Nutmeg …) as
// words beside numbers that are not personal.
// New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file.

import { type Built, type Kind, type Lang, tagged as t } from './blind6-values.js';
import { type Person, Values } from './blind10-draw.js';
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
  // Veterinary practice
  (v) =>
    t`Tierarztpraxis Pfotenglück: Die Impfung Ihrer Katze ist am Donnerstag fällig, ${deTitle(v)} ${v.last()}. Termine unter ${v.phone()}.`,
  withPerson(
    (v, p) =>
      t`Halterin: ${v.inverted(p)}\nAnschrift: ${v.address()}\nTier: Hündin, 7 Jahre, gechippt\nRechnung per Mail an ${v.email(p)}`,
  ),
  (v) =>
    t`Notdienst 02:15 Uhr – ${v.full()} brachte den Kater aus ${v.town()}, bezahlt mit ${v.card()}.`,
  // Dating app
  (v) =>
    t`Hey ${v.first()} 😊 dein Profil ist super! Wenn du magst, schreib mir auf WhatsApp: ${v.phone()}`,
  (v) =>
    t`Neues Match: ${v.first()} (34) aus ${v.town()} – ihr habt beide „Wandern“ und „Kochen“ angegeben.`,
  withPerson(
    (v, p) =>
      t`Ich bin ${v.first(p)}, eigentlich ${v.full(p)}, aber alle sagen nur ${v.first(p)}. Treffen wir uns am Samstag bei Rewe am Eingang?`,
  ),
  // Sports club transfers
  (v) =>
    t`Vereinswechsel: Der FC meldet den Zugang von ${v.full(v.hyphenPerson())} (geb. ${v.dob()}), zuletzt beim SV Eintracht.`,
  (v) => t`Spielerpass beantragt für ${v.caps()}, Rückennummer 14; die Ablöse geht an ${v.iban()}.`,
  (v) =>
    t`Trainer ${v.last()} nominiert ${v.first()}, ${v.first()} und ${v.initial()} für das Pokalspiel am Sonntag.`,
  // Support tickets
  withPerson(
    (v, p) =>
      t`Ticket #${v.ref(6)} – Status: in Bearbeitung\nKunde: ${v.full(p)} <${v.email(p)}>\nProblem: Router ${v.ip()} nicht erreichbar.`,
  ),
  (v) => t`Rückruf erbeten: ${v.full()}, ${v.phone()}, wegen doppelter Abbuchung von ${v.iban()}.`,
  (v) =>
    t`Hallo ${v.first()}, danke für Ihre Geduld! Ihr Fall wurde am Montag an ${v.full()} aus dem Second-Level-Team übergeben.`,
  // Delivery drivers' notes
  (v) =>
    t`Fahrernotiz: Paket bei ${v.full(v.hyphenPerson())} im Erdgeschoss abgegeben, ${v.street()}. Tür klemmt.`,
  (v) =>
    t`Zustellung fehlgeschlagen – ${v.last()} nicht angetroffen. Neuer Versuch am Mittwoch; Rückfragen an ${v.phone()}.`,
  (v) =>
    t`Tour 7: Kühltransporter ${v.plate()}, Fahrer ${v.initial()}, erste Ladestelle in ${v.town()}.`,
  // Hospital discharge letters
  (v) =>
    t`Entlassungsbrief\nPatientin: ${v.full()}, geb. ${v.dob()}\nWohnhaft: ${v.address()}\nAufnahme über die Notaufnahme am Montag.`,
  (v) =>
    t`Sehr geehrte Frau Kollegin ${v.last()},\nwir berichten über Ihren Patienten ${v.full(v.particlePerson())}, der nach Absprache entlassen wurde.\nMit kollegialen Grüßen\nDr. ${v.caps()}`,
  (v) => t`Rückfragen zum Befund von ${v.inverted()} bitte an Station 4B unter ${v.phone()}.`,
  // Tax adviser
  (v) =>
    t`Steuerberatung – Mandantenpost\nMandant: ${v.full()}\nSteuer-ID: ${v.taxId()}\nBitte reichen Sie die Belege bis Ende Mai ein.`,
  (v) =>
    t`Guten Tag ${deTitle(v)} ${v.last()}, Ihre Erstattung von 1.284 € wird auf ${v.iban()} überwiesen; die Steuer-ID ${v.taxId()} ist hinterlegt.`,
  (v) =>
    t`Aktennotiz: ${v.full(v.wordPerson())} hat angerufen, die Steuer-ID ${v.taxId()} ändert sich nach der Heirat nicht.`,
  // Wedding planning
  (v) =>
    t`Hochzeit ${v.first()} & ${v.first()} (Feier am Samstag) – Tisch 3: ${v.full()}, ${v.full()}, ${v.full(v.wordPerson())}.`,
  (v) =>
    t`Anzahlung für die Scheune in ${v.town()} bitte bis Freitag auf ${v.iban()}, Stichwort „Trauung ${v.last()}“.`,
  (v) => t`Der Fotograf ${v.full()} braucht noch die Adresse der Feier: ${v.address()}.`,
  // Funeral notices
  (v) =>
    t`In stiller Trauer nehmen wir Abschied von\n${v.caps()}\n* ${v.dob()}  † 28. November 2026\nDie Trauerfeier findet in ${v.town()} statt.`,
  (v) =>
    t`Statt Karten: Für die Anteilnahme danken ${v.full(v.particlePerson())} und Familie. Kondolenzen bitte nach Absprache an ${v.street()}.`,
  // Library reminders
  withPerson(
    (v, p) =>
      t`Stadtbibliothek: Erinnerung für ${v.full(p)} (Ausweis ${v.ref(8)}) – drei Medien sind überfällig. Hinterlegte Adresse: ${v.email(p)}`,
  ),
  (v) =>
    t`Die Fernleihe für ${v.initial()} aus ${v.town()} ist da; abholbar am Schalter bis Samstag.`,
  // Car workshop
  (v) =>
    t`Werkstattauftrag ${v.ref(5)}\nFahrzeug: ${v.plate()}\nHalter: ${v.inverted()}\nTel.: ${v.phone()}\nArbeiten: Bremsen vorne, HU nach Terminabsprache`,
  (v) =>
    t`Ihr Wagen ${v.plate()} ist fertig, ${deTitle(v)} ${v.last()}. Abgebucht wird von der hinterlegten Karte ${v.card()}.`,
  (v) =>
    t`Ersatzwagen ${v.plate()} an ${v.full(v.hyphenPerson())} übergeben, Kilometerstand 48.212, zurück am Montag.`,
  // Coworking
  withPerson(
    (v, p) =>
      t`Willkommen im Space, ${v.first(p)}! Dein Login: ${v.email(p)}, fester Platz 12, Drucker unter ${v.ip()}.`,
  ),
  (v) =>
    t`Mitgliedschaft gekündigt: ${v.full()} (Platz 7) am Monatsende; die Kaution geht zurück an ${v.iban()}.`,
  // Crowdfunding
  (v) =>
    t`Danke an unsere Unterstützer*innen ${v.full()}, ${v.full()}, ${v.initial()} und ${v.first()} aus ${v.town()}!`,
  (v) =>
    t`Dankeschön-Paket an ${v.full()}, ${v.address()} – bezahlt mit ${v.card()}, Versand am Montag.`,
  // Ride sharing
  (v) =>
    t`Mitfahrt am Freitag ab ${v.town()} zur Messe, Fahrer ${v.first()}, Auto ${v.plate()}. Kontakt: ${v.phone()}`,
  withPerson(
    (v, p) =>
      t`Bewertung: ${v.first(p)} ist pünktlich und fährt vorsichtig. Würde wieder mit ${v.last(p)} fahren!`,
  ),
  // Bürgeramt
  (v) =>
    t`Bürgeramt – Terminbestätigung\nName: ${v.inverted()}\nGeburtsdatum: ${v.dob()}\nAnliegen: Ummeldung nach ${v.address()}`,
  (v) =>
    t`Meldebescheinigung für ${v.full()}, geboren am ${v.dob()} in ${v.town()}; Steuer-ID ${v.taxId()}.`,
  // Bank fraud alert
  (v) =>
    t`Sicherheitshinweis: Ihre Karte ${v.card()} wurde bei Zalando belastet. Waren Sie das, ${deTitle(v)} ${v.last()}? Login von ${v.ip()}.`,
];

const DE_WRITTEN_PLAIN: readonly Frame[] = [
  () => t`Vogelzählung am Sonntag: ein Zeisig, zwei Gimpel und ein Pirol am Futterhaus.`,
  (v) => t`Rezept der Woche: Gelee aus Holunder und Mispel, ${v.n(3, 6)} Gläser à 250 ml.`,
  (v) =>
    t`Wetterbericht: Ab Donnerstag wird es wärmer, die Lerche singt schon um ${v.n(5, 6)} Uhr.`,
  (v) =>
    t`Gartenverein: Die Sichel und die Heckenschere liegen wieder im Schuppen, Schlüssel in Fach ${v.n(2, 9)}.`,
  (v) =>
    t`Der Naturschutzbund meldet: Der Wiedehopf brütet wieder am Kiesweiher, zum ersten Mal seit ${v.n(8, 15)} Jahren.`,
  (v) =>
    t`Öffnungszeiten nach Ostern: Montag bis Freitag 8 bis 18 Uhr, Samstag ${v.n(9, 10)} bis 14 Uhr.`,
  (v) => t`Bei Fragen zur Rechnung Nr. ${v.ref(7)} wenden Sie sich an den Kundenservice.`,
  (v) =>
    t`Tabelle nach dem ${v.n(10, 20)}. Spieltag: Eintracht vor Borussia, Union auf Platz ${v.n(3, 8)}.`,
  (v) =>
    t`Wartungsfenster am Mittwoch von 22 bis 23 Uhr; Version ${v.n(3, 9)}.${v.n(0, 12)} wird eingespielt.`,
  () =>
    t`Im Herbst trägt die Mispel spät Früchte, der Holunder schon im August; ein Gimpel sitzt oft im Strauch.`,
];

const DE_SPOKEN: readonly Frame[] = [
  // In-car assistant
  (v) => t`hey auto ruf ${v.first()} an`,
  (v) => t`navigiere zu ${v.address()}`,
  (v) =>
    t`schreib ${v.first()} dass ich zehn minuten später komme und dass sie ${v.full()} anrufen soll`,
  (v) => t`ruf bitte ${v.full()} auf dem handy an die nummer ist ${v.phone()}`,
  (v) => t`neue nachricht an ${v.first()} hol mich bitte an der ${v.street()} ab`,
  // Bank fraud hotline
  withPerson(
    (v, p) =>
      t`guten tag sie sprechen mit ${v.full()} vom sicherheitsteam spreche ich mit ${deSaidTitle(v)} ${v.last(p)}`,
  ),
  (v) => t`können sie mir bitte die kartennummer vorlesen ja die lautet ${v.card()}`,
  (v) => t`zur sicherheit noch ihr geburtsdatum bitte der ${v.dob(true)}`,
  (v) => t`das geld ging auf ein konto mit der iban ${v.iban()} das kenne ich gar nicht`,
  (v) =>
    t`ich wurde am montag von einem herrn ${v.last()} angerufen der hat sich als bankmitarbeiter ausgegeben`,
  (v) => t`mein name ist ${v.full()} ich bin am ${v.dob()} geboren und wohne in ${v.town()}`,
  // Dictated police reports
  (v) =>
    t`diktat anfang am unfallort trafen wir den fahrer des fahrzeugs ${v.plate()} an es handelt sich um ${v.full()}`,
  (v) =>
    t`die geschädigte ${v.full(v.hyphenPerson())} wohnhaft ${v.address()} gab an den täter nicht zu kennen`,
  (v) => t`zeuge ist ${v.inverted()} telefonisch erreichbar unter ${v.phone()} absatz`,
  (v) => t`das zweite fahrzeug ${v.plate()} ist auf ${v.full()} aus ${v.town()} zugelassen`,
  // Voice notes
  withPerson(
    (v, p) =>
      t`hi ${v.first(p)} hier ist ${v.first()} schick mir nochmal deine mail ach nee hab sie ${v.email(p)} passt`,
  ),
  (v) =>
    t`sprachnachricht von ${v.first()} hallo ihr lieben die hochzeit von ${v.first()} und ${v.first()} ist jetzt in ${v.town()}`,
  (v) => t`mama ich hab die steuer id gefunden die ist ${v.taxId()}`,
  (v) =>
    t`du ${v.first()} ich hab deinem steuerberater ${v.full()} die nummer ${v.taxId()} durchgegeben`,
  // Veterinary practice on the phone
  (v) =>
    t`tierarztpraxis guten morgen ja hallo hier ist ${v.full()} unser hund hat was gefressen wir wohnen ${v.street()}`,
  (v) => t`die rechnung für die behandlung geht an ${v.full()} die iban ist ${v.iban()}`,
  // Support hotline
  (v) => t`ich habe ein problem mit meinem router die adresse ist ${v.ip()} und er antwortet nicht`,
  (v) => t`können sie mir die bestätigung an ${v.email()} schicken danke`,
  (v) => t`mein kundenkonto läuft auf ${v.full(v.wordPerson())} und die rufnummer ist ${v.phone()}`,
  // Ride sharing
  (v) =>
    t`ich hole dich um acht in ${v.town()} ab ich fahre einen grauen kombi mit dem kennzeichen ${v.plate()}`,
  (v) => t`sag ${v.first()} bitte dass ${v.full()} heute mitfährt`,
  // Bürgeramt
  (v) => t`ich möchte mich ummelden von ${v.address()} nach ${v.address()}`,
  (v) => t`der termin ist für ${v.full()} geboren am ${v.dob()}`,
  // Dictated discharge letters
  (v) =>
    t`arztbrief diktat patient ${v.full()} geboren am ${v.dob()} aufnahme wegen sturz entlassung nach hause`,
  (v) =>
    t`bitte den befund an den hausarzt doktor ${v.last()} faxen und die patientin ${v.last()} anrufen unter ${v.phone()}`,
  // Car workshop
  (v) =>
    t`guten tag hier ist das autohaus ihr wagen ${v.plate()} ist fertig ${deSaidTitle(v)} ${v.last()}`,
  (v) => t`zahlen sie mit karte ja mit der ${v.card()}`,
  // Funeral and wedding
  (v) => t`für die trauerfeier von ${v.full()} bitte die blumen an ${v.address()} schicken`,
  (v) => t`die gäste ${v.full()} ${v.full()} und ${v.full()} sitzen an tisch drei`,
  // Dating app voice message
  (v) => t`hallo ${v.first()} ich bins ${v.first()} von der app ruf mich doch an ${v.phone()}`,
  // Coworking
  (v) => t`alexa sag ${v.first()} dass der drucker jetzt die ip ${v.ip()} hat`,
  // Fraud reported by phone
  (v) => t`der anrufer nannte sich ${v.full()} und wollte meine iban ${v.iban()} wissen`,
  (v) => t`jemand hat sich von der adresse ${v.ip()} in mein onlinebanking eingeloggt`,
  (v) => t`schreiben sie an ${v.email()} oder rufen sie ${v.full()} direkt an`,
  (v) => t`ich bin ${v.full(v.particlePerson())} und wohne seit dem ersten mai in ${v.town()}`,
];

const DE_SPOKEN_PLAIN: readonly Frame[] = [
  () => t`hey auto wie wird das wetter morgen früh die lerche singt schon`,
  () => t`im radio kam dass der wiedehopf wieder am baggersee brütet`,
  (v) => t`ein zeisig und zwei gimpel sitzen seit ${v.w(v.n(3, 9))} uhr am futterhaus`,
  () => t`hast du den pirol gehört der ruft wie eine flöte`,
  (v) => t`für das gelee brauchen wir ${v.w(v.n(2, 5))} kilo holunder und eine handvoll mispel`,
  () => t`die sichel hängt im schuppen neben der sense`,
  () => t`navigiere zur nächsten tankstelle`,
  (v) => t`stell einen timer auf ${v.w(v.n(3, 40))} minuten`,
  (v) => t`der zug hat ${v.w(v.n(5, 50))} minuten verspätung wegen einer weichenstörung`,
  () => t`wie viele kalorien hat ein stück käsekuchen`,
];

const EN_WRITTEN: readonly Frame[] = [
  // Veterinary practice
  (v) =>
    t`Pawprint Vets: Hi ${v.first()}, Biscuit is due his booster on Thursday. Call us on ${v.phone()} to book.`,
  withPerson(
    (v, p) =>
      t`Owner: ${v.inverted(p)}\nAddress: ${v.address()}\nEmail: ${v.email(p)}\nSpecies: rabbit, neutered`,
  ),
  // Dating app
  (v) => t`${v.first()} liked your photo! ${v.first()} is 2 miles away in ${v.town()}.`,
  withPerson(
    (v, p) =>
      t`hey it's ${v.first(p)} from Hinge 🙂 text me on ${v.phone()} if you'd rather chat on WhatsApp`,
  ),
  (v) => t`${v.full()}'s profile was verified on Monday; the photos were taken in ${v.town()}.`,
  // Sports club transfers
  (v) =>
    t`Transfer news: Rovers have signed ${v.full(v.hyphenPerson())} (born ${v.dob()}) on a two-year deal from United.`,
  (v) =>
    t`Squad for Saturday: ${v.last()}, ${v.last()}, ${v.initial()}, ${v.last(v.wordPerson())} and ${v.first()} (captain).`,
  (v) => t`The registration fee was paid from ${v.iban()}.\nSigned,\n${v.caps()}\nClub Secretary`,
  // Support tickets
  withPerson(
    (v, p) =>
      t`Ticket ${v.ref(7)} | Priority: High\nRequester: ${v.full(p)} (${v.email(p)})\nIssue: VPN drops when connecting from ${v.ip()}`,
  ),
  (v) =>
    t`Hi ${v.first()}, I've escalated this to ${v.full()} in Billing, who will refund the charge on ${v.card()}.`,
  (v) =>
    t`Customer ${v.last()} says the parcel never arrived at ${v.address()}. Offered a reship after Easter.`,
  // Delivery drivers' notes
  (v) =>
    t`Driver note: left with neighbour ${v.full(v.hyphenPerson())} at ${v.street()}, blue door.`,
  (v) =>
    t`Van ${v.plate()} (driver ${v.initial()}) – 3 drops left in ${v.town()}, back at Depot by 6.`,
  (v) => t`Couldn't deliver to ${v.last()}: no answer at the door. Customer mobile ${v.phone()}.`,
  // Hospital discharge letters
  (v) =>
    t`Discharge summary\nPatient: ${v.full()}\nDOB: ${v.dob()}\nAddress: ${v.address()}\nAdmitted via A&E on Sunday with a fractured wrist.`,
  (v) =>
    t`Dear Dr ${v.last()},\nI reviewed ${v.full(v.particlePerson())}'s bloods this morning; she may go home after Tuesday's ward round.`,
  (v) => t`Next of kin: ${v.full()} (daughter), ${v.phone()}. GP: Dr ${v.initial()}.`,
  // Tax adviser
  (v) =>
    t`Dear ${enTitle(v)} ${v.last()},\nWe have filed your return. The SSN on file is ${v.ssn()}; please confirm it by Friday.\nKind regards,\n${v.caps()}`,
  (v) => t`Client: ${v.full()}\nSSN: ${v.ssn()}\nDOB: ${v.dob()}\nRefund to ${v.iban()}`,
  (v) => t`Reminder from Accounts: ${v.first()}, your self-assessment is due on 31 January.`,
  // Wedding planning
  (v) =>
    t`Table 4: ${v.full()}, ${v.full()}, ${v.full(v.wordPerson())} and ${v.first()}'s plus-one.`,
  (v) =>
    t`Deposit for the marquee in ${v.town()} to be paid by Friday to ${v.iban()}, ref. "${v.last()} wedding".`,
  withPerson((v, p) => t`Love from ${v.first(p)} & ${v.first()} ❤️ RSVP to ${v.email(p)} by 1 May.`),
  // Funeral notices
  (v) =>
    t`${v.caps()}\n${v.dob()} – 30 November 2026\nPassed away peacefully at home in ${v.town()}. The service will be held on Friday.`,
  (v) =>
    t`The family of the late ${v.full(v.particlePerson())} thank everyone for their kind messages. Cards may be sent to ${v.street()}.`,
  // Library reminders
  withPerson(
    (v, p) =>
      t`Library notice for ${v.full(p)}: 2 items were due back on Tuesday. Registered email: ${v.email(p)}`,
  ),
  (v) =>
    t`Your reservation is ready, ${v.first()}! Collect it from the desk in ${v.town()} by Saturday.`,
  // Car workshop
  (v) =>
    t`Job card ${v.ref(5)}\nReg: ${v.plate()}\nCustomer: ${v.inverted()}\nTel: ${v.phone()}\nWork: MOT and front pads`,
  (v) =>
    t`Your car ${v.plate()} is ready for collection, ${enTitle(v)} ${v.last()}. We take payment at Reception.`,
  (v) =>
    t`Courtesy car ${v.plate()} signed out to ${v.full(v.hyphenPerson())}; card on file ${v.card()}.`,
  // Coworking
  withPerson(
    (v, p) =>
      t`Welcome to the Hive, ${v.first(p)}! Your login is ${v.email(p)} and the printer sits at ${v.ip()}.`,
  ),
  (v) => t`Desk 14 is booked for ${v.full()} from Monday; invoice paid with ${v.card()}.`,
  // Crowdfunding
  (v) =>
    t`Huge thanks to our backers ${v.full()}, ${v.initial()}, ${v.full()} and ${v.first()} from ${v.town()}!`,
  (v) => t`Reward shipping to ${v.full()}, ${v.address()} — pledged on Kickstarter.`,
  // Ride sharing
  (v) => t`Your driver ${v.first()} is arriving in a grey estate, ${v.plate()}. Meet at Arrivals.`,
  withPerson(
    (v, p) => t`Rate your trip with ${v.full(p)}. ${v.first(p)}'s car was clean and on time.`,
  ),
  // Council office
  (v) =>
    t`Council Tax: ${v.full()}, ${v.address()}, account ${v.ref(8)}. Direct Debit from ${v.iban()}.`,
  (v) => t`Benefits claim for ${v.full()}, born ${v.dob()}, SSN ${v.ssn()}.`,
  // Bank fraud alerts
  (v) =>
    t`Fraud alert: Did you try to spend £312.40 at Argos with card ${v.card()}? Reply YES or NO.`,
  (v) =>
    t`Unusual sign-in to your account from ${v.ip()} on Tuesday. If this wasn't you, ${v.first()}, call ${v.phone()}.`,
];

const EN_WRITTEN_PLAIN: readonly Frame[] = [
  () =>
    t`Birdwatch log, Sunday: a curlew on the mudflats, two lapwing over the marsh and a dunnock in the hedge.`,
  (v) => t`Recipe: add a pinch of nutmeg to the custard and bake for ${v.n(20, 45)} minutes.`,
  (v) => t`The teasel and yarrow in the wildflower strip are ${v.n(30, 90)} cm tall already.`,
  () => t`Gamekeeper's note: a weasel has been at the hen house again; the linnet nest is safe.`,
  (v) => t`Opening hours after Christmas: Monday to Friday 9 to 5, Saturday ${v.n(9, 10)} to 1.`,
  (v) =>
    t`Release ${v.n(2, 7)}.${v.n(0, 15)} is rolling out on Wednesday; restart Teams after the update.`,
  (v) => t`Order ${v.ref(8)} will be dispatched from Warehouse B within ${v.n(2, 5)} working days.`,
  (v) => t`Match report: City beat Athletic ${v.n(2, 5)}–1 at home; Rovers drew on Tuesday.`,
  (v) => t`Garden centre offer: yarrow plants £${v.n(3, 7)} each, nutmeg geraniums £4.`,
  () => t`The linnet and the dunnock are regulars at our feeder, says the RSPB leaflet.`,
];

const EN_SPOKEN: readonly Frame[] = [
  // In-car assistant
  (v) => t`hey car call ${v.first()}`,
  (v) => t`navigate to ${v.address()}`,
  (v) => t`text ${v.first()} saying running late tell ${v.full()} to start without me`,
  (v) => t`call ${v.full()} on mobile the number is ${v.phone()}`,
  (v) => t`send my location to ${v.first()} and say i will pick you up at ${v.street()}`,
  // Bank fraud hotline
  withPerson(
    (v, p) =>
      t`you are through to ${v.first()} in the fraud team am i speaking with ${enSaidTitle(v)} ${v.last(p)}`,
  ),
  (v) => t`can you read me the long number on the card please yes it is ${v.card()}`,
  (v) => t`and your date of birth please yes it is ${v.dob()}`,
  (v) =>
    t`someone took money from my account it went to ${v.iban()} i have never seen that account`,
  (v) => t`a man called ${v.full()} rang me on monday and said he was from the bank`,
  (v) => t`my name is ${v.full()} i was born on ${v.dob()} and i live in ${v.town()}`,
  // Dictated police reports
  (v) =>
    t`dictation starts at the scene we spoke to the driver of ${v.plate()} identified as ${v.full()}`,
  (v) =>
    t`the victim ${v.full(v.hyphenPerson())} of ${v.address()} stated she did not know the suspect`,
  (v) => t`witness is ${v.inverted()} contact number ${v.phone()} new paragraph`,
  (v) => t`the second vehicle ${v.plate()} is registered to ${v.full()} of ${v.town()}`,
  // Voice notes
  withPerson(
    (v, p) =>
      t`hiya ${v.first(p)} it is ${v.first()} here what was your email again oh i have got it ${v.email(p)} never mind`,
  ),
  (v) =>
    t`voice note from ${v.first()} hi all ${v.first()} and ${v.first()} are getting married in ${v.town()} in june`,
  (v) => t`mum i found the social security number it is ${v.ssn()}`,
  (v) => t`i gave your accountant ${v.full()} the number ${v.ssn()} this morning`,
  // Veterinary practice on the phone
  (v) =>
    t`good morning the vets hi this is ${v.full()} our dog ate something we are at ${v.street()}`,
  (v) => t`please send the invoice to ${v.full()} and take the payment from ${v.iban()}`,
  // Support line
  (v) => t`my router is on ${v.ip()} and it has stopped responding`,
  (v) => t`could you send the confirmation to ${v.email()} thank you`,
  (v) => t`the account is under ${v.full(v.wordPerson())} and the phone number is ${v.phone()}`,
  // Ride sharing
  (v) => t`i will pick you up at eight in ${v.town()} i am in a silver hatchback ${v.plate()}`,
  (v) => t`tell ${v.first()} that ${v.full()} is riding with us today`,
  // Council office
  (v) => t`i am moving from ${v.address()} to ${v.address()}`,
  (v) => t`the appointment is for ${v.full()} date of birth ${v.dob()}`,
  // Dictated discharge letters
  (v) => t`discharge letter dictation patient ${v.full()} born on ${v.dob()} admitted after a fall`,
  (v) =>
    t`please fax the results to doctor ${v.last()} and call the patient ${v.last()} on ${v.phone()}`,
  // Car workshop
  (v) => t`hello it is the garage your car ${v.plate()} is ready ${enSaidTitle(v)} ${v.last()}`,
  (v) => t`are you paying by card yes the number is ${v.card()}`,
  // Funeral and wedding
  (v) => t`flowers for the funeral of ${v.full()} should go to ${v.address()}`,
  (v) => t`on table three we have ${v.full()} ${v.full()} and ${v.full()}`,
  // Dating app voice message
  (v) => t`hey ${v.first()} it is ${v.first()} from the app give me a ring on ${v.phone()}`,
  // Coworking
  (v) => t`alexa tell ${v.first()} the printer is now on ${v.ip()}`,
  // Fraud reported by phone
  (v) => t`the caller said his name was ${v.full()} and asked for my iban ${v.iban()}`,
  (v) => t`someone logged into my online banking from ${v.ip()}`,
  (v) => t`email ${v.email()} or ring ${v.full()} directly`,
  (v) => t`i am ${v.full(v.particlePerson())} and i have lived in ${v.town()} since may`,
];

const EN_SPOKEN_PLAIN: readonly Frame[] = [
  () => t`hey car what is the weather like tomorrow morning`,
  () => t`on the radio they said a curlew and a lapwing were seen on the estuary`,
  () => t`there is a weasel under the shed again`,
  (v) => t`add nutmeg and ${v.w(v.n(6, 12))} eggs to the shopping list`,
  () => t`the teasel and the yarrow are coming up in the meadow`,
  (v) => t`a dunnock and a linnet were at the feeder for ${v.w(v.n(5, 30))} minutes`,
  () => t`navigate to the nearest petrol station`,
  (v) => t`set a timer for ${v.w(v.n(3, 40))} minutes`,
  (v) => t`the train is running ${v.w(v.n(5, 50))} minutes late due to a signal failure`,
  () => t`how many calories are in a slice of carrot cake`,
];

const BLIND10_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN, spoken: DE_SPOKEN },
  en: { written: EN_WRITTEN, spoken: EN_SPOKEN },
};
const BLIND10_PLAIN_FRAMES: Record<Lang, Record<Kind, readonly Frame[]>> = {
  de: { written: DE_WRITTEN_PLAIN, spoken: DE_SPOKEN_PLAIN },
  en: { written: EN_WRITTEN_PLAIN, spoken: EN_SPOKEN_PLAIN },
};

/** A text of the tenth blind set with the values its spans were built from, in span order. */
export interface Blind10Item extends Labelled {
  readonly values: readonly string[];
}

/** How many frames of each language and kind: PII frames and PII-free ones. */
export const BLIND10_FRAME_COUNTS = Object.fromEntries(
  (['de', 'en'] as const).flatMap((lang) =>
    (['written', 'spoken'] as const).map((kind) => [
      `${lang} ${kind}`,
      { pii: BLIND10_FRAMES[lang][kind].length, free: BLIND10_PLAIN_FRAMES[lang][kind].length },
    ]),
  ),
);

/**
 * The tenth blind set with each span's value, for the structure test: `perFrame` texts per
 * frame (PII and PII-free), per language and kind, drawn from `seed`. German first, then
 * English; within a language, written then spoken.
 */
export function generateBlind10Items(perFrame: number, seed: number): Blind10Item[] {
  const r = rng(seed);
  const out: Blind10Item[] = [];
  for (const lang of ['de', 'en'] as const)
    for (const kind of ['written', 'spoken'] as const) {
      const v = new Values(r, lang, kind);
      for (const frame of [...BLIND10_FRAMES[lang][kind], ...BLIND10_PLAIN_FRAMES[lang][kind]])
        for (let i = 0; i < perFrame; i++) {
          const { text, spans, values } = frame(v);
          out.push({ text, lang, kind, spans, values });
        }
    }
  return out;
}

/** The tenth blind set as the evaluation reads it (see generateBlind10Items). */
export function generateBlind10(perFrame = 8, seed = 223): Labelled[] {
  return generateBlind10Items(perFrame, seed).map(({ text, lang, kind, spans }) => ({
    text,
    lang,
    kind,
    spans,
  }));
}
