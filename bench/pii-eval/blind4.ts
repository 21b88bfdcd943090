// A fourth blind set (issue 17): names, places, structured values and sentence frames written
// without reading the detector (nothing under src/pii/ or bench/pii-train/ was opened while
// writing it, nor the other sets' lists and frames) and never run against it by its author.
// Names are of origins the third set did not use (Yoruba, Hausa, Tamil, Bengali, Thai,
// Mongolian, Georgian, Finnish, Hungarian, Romanian, Greek, Māori/Samoan, Quechua/Peruvian,
// Sámi, Kurdish, Amharic), hyphenated and particle names (al-, bin, de, van, ter), plus German
// and English names that are also everyday words (Stieglitz, Pfeffer, Sparrow, Marigold ...).
// Towns, regions and streets are small or invented places; test/pii/blind4.test.ts checks that
// none of them, nor any name, occurs in another set's texts or lists. Half the texts are
// lower-case transcripts without punctuation: numbers spoken digit by digit, in pairs or as
// number words, "at"/"ät"/"punkt"/"dot" in e-mail addresses, IBANs and plates spelt out
// (letters, or the German and NATO spelling alphabets), dates of birth and IP addresses spoken.
// PII-free frames use the word-names as words ("ein Stieglitz", "a sparrow") beside numbers
// that are not personal (order numbers, prices, times, versions), to measure precision and
// ordinary-word retention. New frames belong in a new file; these must not be tuned against.
// Nothing in src/ may import this file. It draws from the evaluation sets' seeded generator.
import { rng } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

type Lang = 'de' | 'en';
type Kind = 'written' | 'spoken';

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND4_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  yoruba: {
    first: ['Folasade', 'Adedoyin', 'Temitope', 'Ayodele', 'Morenike', 'Olamide'],
    last: ['Ogunleye', 'Akinola', 'Oyelaran', 'Adebisi', 'Okunade', 'Fagbemi'],
  },
  hausa: {
    first: ['Danjuma', 'Hadiza', 'Yakubu', 'Binta', 'Ladi', 'Nuhu'],
    last: ['Garba', 'Tanko', 'Maikano', 'Dankwambo', 'Shehu', 'Bawa'],
  },
  tamil: {
    first: ['Ilakkiya', 'Senthil', 'Thenmozhi', 'Karthikeyan', 'Vaishnavi', 'Murugesan'],
    last: ['Muthusamy', 'Palanisamy', 'Annamalai', 'Thangaraj', 'Velusamy', 'Kandasamy'],
  },
  bengali: {
    first: ['Sharmistha', 'Anirban', 'Debashis', 'Rupali', 'Sayantan', 'Moumita'],
    last: ['Chattopadhyay', 'Bhattacharjee', 'Sengupta', 'Ghoshal', 'Bandyopadhyay', 'Majumdar'],
  },
  thai: {
    first: ['Siriporn', 'Kittisak', 'Nattaya', 'Thanawat', 'Pimchanok', 'Wiroj'],
    last: ['Srisuwan', 'Wongsakul', 'Chaiyaporn', 'Rattanakorn', 'Boonmee', 'Thongsuk'],
  },
  mongolian: {
    first: ['Batbayar', 'Oyunchimeg', 'Enkhjargal', 'Ganbold', 'Sarnai', 'Temuulen'],
    last: ['Batsaikhan', 'Erdenebileg', 'Dorjsuren', 'Purevdorj', 'Tsogtbaatar', 'Gantulga'],
  },
  georgian: {
    first: ['Avtandil', 'Tamar', 'Ketevan', 'Irakli', 'Tsotne', 'Nestan'],
    last: ['Chkheidze', 'Khurtsidze', 'Gelashvili', 'Tsiklauri', 'Javakhishvili', 'Lomidze'],
  },
  finnish: {
    first: ['Vappu', 'Eero', 'Tuulikki', 'Jaakko', 'Sulevi', 'Ilmari'],
    last: ['Kettunen', 'Hämäläinen', 'Peltonen', 'Järvelä', 'Salminen', 'Huttunen'],
  },
  hungarian: {
    first: ['Boglárka', 'Csongor', 'Csilla', 'Gergely', 'Ildikó', 'Zsombor'],
    last: ['Halász', 'Szekeres', 'Bognár', 'Takács', 'Vörös', 'Fehérvári'],
  },
  romanian: {
    first: ['Ioana', 'Răzvan', 'Oana', 'Bogdan', 'Corina', 'Mircea'],
    last: ['Dumitrescu', 'Vlădescu', 'Bălan', 'Munteanu', 'Stoica', 'Ciobanu'],
  },
  greek: {
    first: ['Chrysanthi', 'Panagiotis', 'Paraskevi', 'Charalampos', 'Kalliopi', 'Thanasis'],
    last: ['Triantafyllou', 'Karagiannis', 'Michailidis', 'Nikolaidis', 'Tsakalidou', 'Zervas'],
  },
  maori_samoan: {
    first: ['Whetu', 'Hōhepa', 'Mere', 'Tāne', 'Lagi', 'Sefo'],
    last: ['Horomona', 'Tuhiwai', 'Parata', 'Faleolo', 'Tuilagi', 'Leota'],
  },
  quechua_peruvian: {
    first: ['Killa', 'Huayta', 'Wayra', 'Amaru', 'Yuraq', 'Sisa'],
    last: ['Choquehuanca', 'Ticona', 'Huamán', 'Condori', 'Ccopa', 'Huillca'],
  },
  sami: {
    first: ['Ánde', 'Máret', 'Ovllá', 'Biret', 'Áslat', 'Risten'],
    last: ['Somby', 'Gaup', 'Utsi', 'Balto', 'Oskal', 'Magga'],
  },
  kurdish: {
    first: ['Rojda', 'Berzan', 'Zilan', 'Dilan', 'Serhat', 'Hêvî'],
    last: ['Barzinji', 'Zebari', 'Berwari', 'Hawrami', 'Amedi', 'Doski'],
  },
  amharic: {
    first: ['Meseret', 'Tewodros', 'Selamawit', 'Tigist', 'Yonas', 'Bethlehem'],
    last: ['Tesfaye', 'Gebremariam', 'Alemayehu', 'Woldemichael', 'Kebede', 'Gebreyes'],
  },
};
export const BLIND4_FIRST: readonly string[] = Object.values(BLIND4_NAMES).flatMap((n) => n.first);
export const BLIND4_LAST: readonly string[] = Object.values(BLIND4_NAMES).flatMap((n) => n.last);

/** Surnames with a particle (written as such; spoken with the hyphen dropped). */
export const BLIND4_PARTICLE_LAST: readonly string[] = [
  'al-Hawrami',
  'al-Amedi',
  'bin Garba',
  'bin Tanko',
  'de Huillca',
  'Huamán de Ccopa',
  'van Uffelte',
  'ter Braake',
];

/** Names that are also everyday words in the text's language. */
export const BLIND4_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Kai', 'Jasmin', 'Iris', 'Erika'],
    last: [
      'Stieglitz',
      'Hecht',
      'Pfeffer',
      'Kessel',
      'Nagel',
      'Riegel',
      'Knoblauch',
      'Hering',
      'Sperber',
      'Lamm',
    ],
  },
  en: {
    first: ['Blossom', 'Clementine', 'Sterling', 'Marigold', 'Drew', 'Ginger'],
    last: ['Plover', 'Sparrow', 'Wainwright', 'Glover', 'Chandler', 'Pike', 'Thrush', 'Archer'],
  },
};

/** Small towns (real but little known, or invented) and regions. */
export const BLIND4_PLACES: Record<Lang, readonly string[]> = {
  de: [
    'Mehltheuer',
    'Bad Wurzach',
    'Schillingsfürst',
    'Spiegelau',
    'Leutershausen',
    'Oederan',
    'Hitzacker',
    'Wolmirstedt',
    'Kirchheimbolanden',
    'Tangerhütte',
    'Gräfenhainichen',
    'Zarrentin',
    'Wemding',
    'Eschershausen',
    'Uckermark',
    'Prignitz',
    'Altmark',
  ],
  en: [
    'Much Wenlock',
    'Chipping Sodbury',
    'Kirkby Stephen',
    'Llanidloes',
    'Ballachulish',
    'Wivenhoe',
    'Cleobury Mortimer',
    'Hebden Bridge',
    'Lochgilphead',
    'Wetherby',
    'Appleby-in-Westmorland',
    'Saltaire',
    'Teesdale',
    'Swaledale',
    'Galloway',
  ],
};
/** The regions among the places, used after "in die" / "to". */
const REGIONS: Record<Lang, readonly string[]> = {
  de: ['Uckermark', 'Prignitz', 'Altmark'],
  en: ['Teesdale', 'Swaledale', 'Galloway'],
};
const TOWNS: Record<Lang, readonly string[]> = {
  de: BLIND4_PLACES.de.filter((p) => !REGIONS.de.includes(p)),
  en: BLIND4_PLACES.en.filter((p) => !REGIONS.en.includes(p)),
};

export const BLIND4_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Flachsröste',
    'Ziegeleiweg',
    'Pfarrgasse',
    'Hopfengarten',
    'Töpferstraße',
    'Salzwiesenweg',
    'Schleusenstraße',
    'Am Gänseanger',
    'Wachsbleiche',
    'Drosselgasse',
  ],
  en: [
    'Tannery Lane',
    'Ropewalk',
    'Quarry Bank',
    'Saddlers Row',
    'Millrace Close',
    'Pinfold Lane',
    'Coopers Yard',
    'Wheelwright Way',
    'Kiln Street',
    'Bellfounders Road',
  ],
};

// Sentence frames. Slots: {N} full name, {F} given name, {L} surname, {H} full name with a
// hyphen or particle, {HL} such a surname alone, {WF}/{WL} word-name given name/surname, {NW}
// given name with a word-name surname, {WW} both parts word-names, {T}
// town, {R} region, {S} street and number, {Z} postcode (with town in German), {PH} phone, {E}
// e-mail, {IB} IBAN, {D} date of birth, {IP} IP address, {PL} licence plate, {CC} card number,
// {TX} German tax id. Unlabelled: {ORD} order number, {PRICE}, {TIME}, {VER} version, {QTY},
// {WP} a sentence using the word-names as words.
export const BLIND4_FRAMES: Record<Lang, Record<Kind, readonly string[]>> = {
  de: {
    written: [
      'Guten Tag, hier spricht {N} aus {T}, ich rufe wegen der Rechnung an.',
      'Bitte leiten Sie das an Frau {L} weiter, sie sitzt in Zimmer 12.',
      'Mit freundlichen Grüßen\n{N}',
      '„Das Paket ist nie angekommen“, sagt {N}.',
      '{F}, kannst du mir kurz helfen?',
      'Anwesend: {N}, {N} und {NW}.',
      'Kontoinhaber: {N}, IBAN {IB}',
      'Dr. {N} übernimmt die Visite auf Station 4.',
      'Herr {WL} hat seinen Schlüssel in {F}s Auto vergessen.',
      'Ich heiße {N}, meine Adresse ist {S}, {Z}.',
      'Die Lieferadresse lautet {S}, {Z}.',
      'Ruf mich an unter {PH}, am besten nach 18 Uhr.',
      'Meine Nummer ist {PH}, sag {F} Bescheid.',
      'Schreiben Sie an {E}, dort antwortet Ihnen {N}.',
      'Geboren am {D} in {T}.',
      '{N} (geb. {D}) wurde als Zeugin gehört.',
      'Der Zugriff kam von {IP}, laut Protokoll um 03:14 Uhr.',
      'Das Fahrzeug mit dem Kennzeichen {PL} parkte vor dem Haus {S}.',
      'Zahlung mit Karte {CC}, Karteninhaberin {N}.',
      'Steuerliche Identifikationsnummer: {TX}',
      'Wir ziehen im Frühjahr von {T} in die {R}.',
      'Familie {HL} hat die Wohnung in {T} gekündigt.',
      '{WW} und {H} waren gestern beim Elternabend.',
      'Laut {N} ist der Server {IP} seit Montag nicht erreichbar.',
      'Bei Rückfragen erreichen Sie {NW} unter {PH} oder {E}.',
      'Überweisen Sie die Kaution bitte auf {IB} (Inhaber: {H}).',
      'Ich habe {F} gesagt, sie soll {L} anrufen.',
      'Die Praxis von Dr. {WL} liegt in {T}, {S}.',
      'Hallo {F}, dein Termin bei {N} ist verschoben.',
      'Unterschrieben von {N}, {T}, den 4. Juni.',
      'Prof. {L} und Frau {WL} betreuen die Arbeit von {H}.',
      'Meine Steuer-ID lautet {TX}, mein Geburtsdatum ist der {D}.',
      'Erreichbar bin ich tagsüber unter {PH}, abends unter {PH}.',
      'Halter des Wagens {PL} ist laut Zulassungsstelle {N}.',
      'Bitte buchen Sie die 49,90 € von der Karte {CC} ab.',
      'Die Anfrage von {IP} wurde um 22:05 blockiert; {E} wurde benachrichtigt.',
      'Neue Bankverbindung von {N}: {IB}',
      'Zeugin {N}, geboren {D}, wohnhaft {S} in {T}.',
      'Die Steuer-ID von {N} ({TX}) fehlt noch im Formular.',
      // PII-free
      '{WP} Die Bestellung {ORD} kostet {PRICE} €.',
      '{WP} Version {VER} behebt den Fehler beim Export.',
      'Um {TIME} Uhr: {WP}',
      'Artikel {ORD}, {QTY} Stück zu je {PRICE} €. {WP}',
      'Ticket {ORD} ist erledigt, Build {VER} läuft. {WP}',
      'Der Zug um {TIME} hat {QTY} Minuten Verspätung. {WP}',
      '{WP}',
      'Rechnung {ORD} über {PRICE} € ist bezahlt. {WP}',
    ],
    spoken: [
      'ja hallo hier ist {N} aus {T} ich rufe wegen der rechnung an',
      'können sie das bitte an frau {L} weitergeben',
      'ich heiße {N} und meine adresse ist {S} in {Z}',
      'meine nummer ist {PH}',
      'ruf mich an unter {PH} am besten nach achtzehn uhr',
      'die mailadresse ist {E}',
      'schreib einfach an {E} dann meldet sich {F}',
      'ich bin am {D} geboren',
      'geburtsdatum {D}',
      'die ip adresse lautet {IP}',
      'der rechner hat die {IP} bekommen',
      'das kennzeichen war {PL}',
      'ein auto mit dem kennzeichen {PL} stand vor der einfahrt',
      'die iban ist {IB}',
      'kontoinhaber ist {N}',
      'die kartennummer lautet {CC}',
      'meine steuer id ist {TX}',
      '{F} kommst du mal bitte',
      '{N} hat gesagt dass das paket nie angekommen ist',
      'das stimmt so nicht sagt {N}',
      'ruf {F} an und sag {L} bescheid',
      'doktor {N} übernimmt heute die visite',
      'herr {WL} hat seinen schlüssel in {F}s auto liegen lassen',
      'wir ziehen nächstes jahr von {T} in die {R}',
      'familie {HL} wohnt jetzt in {T}',
      'dabei waren {N} {N} und {F}',
      '{WW} hat angerufen es geht um den termin',
      'die lieferung geht an {S} {Z}',
      'ich war bei frau doktor {WL} in {T}',
      'hallo {F} dein termin bei {N} ist verschoben',
      'mein name ist {H} und ich bin am {D} geboren',
      'sie erreichen {NW} unter {PH} oder per mail an {E}',
      'tagsüber bin ich unter {PH} erreichbar abends unter {PH}',
      'der halter von {PL} ist {N}',
      'buchen sie das bitte von der karte {CC} ab',
      'die anfrage kam von {IP} und ging an {E}',
      'meine neue iban lautet {IB}',
      'die zeugin heißt {N} geboren {D} wohnhaft {S} in {T}',
      'die steuerliche identifikationsnummer von {N} ist {TX}',
      // PII-free
      '{WP} die bestellung {ORD} kostet {PRICE}',
      '{WP} version {VER} behebt den fehler beim export',
      'um {TIME} {WP}',
      'artikel {ORD} {QTY} stück zu je {PRICE} {WP}',
      'ticket {ORD} ist erledigt build {VER} läuft {WP}',
      'der zug um {TIME} hat {QTY} minuten verspätung {WP}',
      '{WP}',
      'rechnung {ORD} über {PRICE} ist bezahlt {WP}',
    ],
  },
  en: {
    written: [
      'Hi, this is {N} calling from {T} about my invoice.',
      'Could you pass this on to Ms {L}? She is in room 12.',
      'Kind regards,\n{N}',
      '"The parcel never arrived," {N} says.',
      '{F}, can you give me a hand with this?',
      'Present: {N}, {N} and {NW}.',
      'Account holder: {N}, IBAN {IB}',
      'Dr {N} will see you in clinic 4.',
      "Mr {WL} left his keys in {F}'s car.",
      'My name is {N} and I live at {S}, {T} {Z}.',
      'Please deliver to {S}, {T}, {Z}.',
      'Call me on {PH}, preferably after 6pm.',
      "My number's {PH} if {F} needs it.",
      'Email {E} and {N} will get back to you.',
      'Date of birth: {D}. Place of birth: {T}.',
      '{N} (born {D}) gave evidence on Tuesday.',
      'The login came from {IP} at 03:14 according to the log.',
      'A van with the registration {PL} was parked outside {S}.',
      'Paid by card {CC}, cardholder {N}.',
      "We're moving from {T} to {R} in the spring.",
      'The {HL} family have given notice on the flat in {T}.',
      "{WW} and {H} came to the parents' evening yesterday.",
      'According to {N}, the server at {IP} has been down since Monday.',
      'For queries, contact {NW} on {PH} or {E}.',
      'Please pay the deposit into {IB} (account name: {H}).',
      'I told {F} to ring {L}.',
      "Dr {WL}'s surgery is in {T}, at {S}.",
      'Hello {F}, your appointment with {N} has moved.',
      'Signed by {N}, {T}, 4 June.',
      'Ask Professor {L} whether {F} may join the seminar.',
      'Thanks, {WF}! {WL} will pick the keys up from {S}.',
      'Her date of birth is {D} and her car is {PL}.',
      "I'm on {PH} in the day and {PH} in the evening.",
      'The keeper of {PL} is {N}, according to the DVLA.',
      'Please take the £49.90 from card {CC}.',
      'Requests from {IP} were blocked at 22:05; {E} was notified.',
      "{N}'s new bank details: {IB}",
      'Witness {N}, born {D}, of {S}, {T}.',
      // PII-free
      '{WP} Order {ORD} costs £{PRICE}.',
      '{WP} Version {VER} fixes the export bug.',
      'At {TIME}: {WP}',
      'Item {ORD}, {QTY} units at £{PRICE} each. {WP}',
      'Ticket {ORD} is closed and build {VER} is running. {WP}',
      'The {TIME} train is {QTY} minutes late. {WP}',
      '{WP}',
      'Invoice {ORD} for £{PRICE} has been paid. {WP}',
    ],
    spoken: [
      'hi this is {N} calling from {T} about my invoice',
      'could you pass this on to miss {L} please',
      'my name is {N} and i live at {S} {T} {Z}',
      'my number is {PH}',
      'call me on {PH} preferably after six',
      'the email address is {E}',
      'just email {E} and {F} will get back to you',
      'i was born on {D}',
      'date of birth {D}',
      'the ip address is {IP}',
      'the machine got {IP} from the router',
      'the registration was {PL}',
      'a van with the plate {PL} was parked outside',
      'the iban is {IB}',
      'the account holder is {N}',
      'the card number is {CC}',
      '{F} can you come here a second',
      '{N} said the parcel never arrived',
      'that is not right says {N}',
      'ring {F} and tell {L}',
      'doctor {N} is doing the ward round today',
      'mister {WL} left his keys in {F}s car',
      'we are moving from {T} to {R} next year',
      'the {HL} family live in {T} now',
      'present were {N} {N} and {F}',
      '{WW} rang about the appointment',
      'the delivery goes to {S} {T} {Z}',
      'i saw doctor {WL} in {T}',
      'hello {F} your appointment with {N} has moved',
      'my name is {H} and i was born on {D}',
      'you can reach {NW} on {PH} or at {E}',
      'thanks {WF} {WL} will collect the keys from {S}',
      'i am on {PH} in the day and {PH} in the evening',
      'the keeper of {PL} is {N}',
      'please take it from card {CC}',
      'the request came from {IP} and went to {E}',
      'my new iban is {IB}',
      'the witness is {N} born {D} of {S} {T}',
      // PII-free
      '{WP} order {ORD} costs {PRICE}',
      '{WP} version {VER} fixes the export bug',
      'at {TIME} {WP}',
      'item {ORD} {QTY} units at {PRICE} each {WP}',
      'ticket {ORD} is closed and build {VER} is running {WP}',
      'the {TIME} train is {QTY} minutes late {WP}',
      '{WP}',
      'invoice {ORD} for {PRICE} has been paid {WP}',
    ],
  },
};

/** Sentences using the word-names as ordinary words (no personal data). */
const WORD_PHRASES: Record<Lang, readonly string[]> = {
  de: [
    'Ein Stieglitz sitzt auf der Distel am Zaun.',
    'Der Hecht im Teich ist größer geworden.',
    'Gib noch etwas Pfeffer an die Suppe.',
    'Der Kessel pfeift, das Wasser kocht.',
    'Schlag den Nagel etwas tiefer in die Wand.',
    'Schieb den Riegel vor, es zieht.',
    'Zu viel Knoblauch verdirbt das Gericht.',
    'Zum Abendbrot gab es Hering mit Kartoffeln.',
    'Ein Sperber jagt über dem Feldweg.',
    'Das Lamm blökt nach seiner Mutter.',
    'Die Fähre legt am Kai an.',
    'Der Jasmin am Zaun duftet abends am stärksten.',
    'Die Iris im linken Auge ist entzündet.',
    'Auf dem Grab blüht die Erika.',
    'Wir haben am Kai einen Hering gegessen.',
    'Jasmin und Erika brauchen saure Erde.',
    'Im Biologiekurs ging es um Sperber und Hecht.',
    'Der Riegel Schokolade liegt neben dem Kessel.',
  ],
  en: [
    'A plover ran along the tideline.',
    'A sparrow is nesting under the gutter.',
    'The wainwright mended the cart wheel.',
    'The glover sewed a new pair of gloves.',
    'The chandler sold rope, wax and lamp oil.',
    'We caught a pike in the reservoir.',
    'A thrush was singing on the chimney.',
    'The archer missed the target twice.',
    'The apple trees are in blossom.',
    'Peel a clementine for the children.',
    'The price is quoted in sterling.',
    'Marigold grows well between the beans.',
    'She drew a map of the village.',
    'Add a little ginger to the soup.',
    'The pound sterling fell again this morning.',
    'The plover and the sparrow were both on the mudflat.',
    'Plant marigold beside the ginger.',
    'The glover and the wainwright shared a workshop.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Numbers as an ASR writes them.

const DE_ONES = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const DE_TENS = [
  '',
  '',
  'zwanzig',
  'dreißig',
  'vierzig',
  'fünfzig',
  'sechzig',
  'siebzig',
  'achtzig',
  'neunzig',
];

/** German cardinal in one word, 0–9999 ("hundertzweiundneunzig", "zweitausenddrei"). */
export function deNumber(n: number): string {
  if (n < 20) return DE_ONES[n]!;
  if (n < 100) {
    const one = n % 10;
    const ten = DE_TENS[Math.floor(n / 10)]!;
    return one === 0 ? ten : `${one === 1 ? 'ein' : DE_ONES[one]}und${ten}`;
  }
  const joined = (head: string, rest: number) =>
    rest === 0 ? head : `${head}${rest === 1 ? 'eins' : deNumber(rest)}`;
  if (n < 1000) {
    const h = Math.floor(n / 100);
    return joined(h === 1 ? 'hundert' : `${DE_ONES[h]}hundert`, n % 100);
  }
  const t = Math.floor(n / 1000);
  return joined(t === 1 ? 'tausend' : `${DE_ONES[t]}tausend`, n % 1000);
}

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

/** English cardinal as words, 0–999 ("two hundred fifty five"). */
export function enNumber(n: number): string {
  if (n < 20) return EN_ONES[n]!;
  if (n < 100) {
    const one = n % 10;
    return one === 0
      ? EN_TENS[Math.floor(n / 10)]!
      : `${EN_TENS[Math.floor(n / 10)]} ${EN_ONES[one]}`;
  }
  const rest = n % 100;
  const head = `${EN_ONES[Math.floor(n / 100)]} hundred`;
  return rest === 0 ? head : `${head} ${enNumber(rest)}`;
}

/** An English year as spoken: 1987 "nineteen eighty seven", 1905 "nineteen oh five". */
export function enYear(y: number, andForm = false): string {
  if (y >= 2000 && y < 2010) return `two thousand ${andForm ? 'and ' : ''}${EN_ONES[y - 2000]}`;
  const hi = Math.floor(y / 100);
  const lo = y % 100;
  return `${enNumber(hi)} ${lo === 0 ? 'hundred' : lo < 10 ? `oh ${EN_ONES[lo]}` : enNumber(lo)}`;
}

/** A German year as spoken: 1987 "neunzehnhundertsiebenundachtzig", 2003 "zweitausenddrei". */
export function deYear(y: number): string {
  return y < 2000 ? `neunzehnhundert${y % 100 === 0 ? '' : deNumber(y % 100)}` : deNumber(y);
}

const DE_ORD_DAT: Record<number, string> = { 1: 'ersten', 3: 'dritten', 7: 'siebten', 8: 'achten' };
/** German ordinal in the dative ("am vierzehnten", "am einundzwanzigsten"). */
function deOrdinal(n: number): string {
  return DE_ORD_DAT[n] ?? (n < 20 ? `${deNumber(n)}ten` : `${deNumber(n)}sten`);
}
const EN_ORD: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  5: 'fifth',
  8: 'eighth',
  9: 'ninth',
  12: 'twelfth',
};
function enOrdinal(n: number): string {
  if (EN_ORD[n]) return EN_ORD[n];
  if (n < 20) return `${EN_ONES[n]}th`;
  if (n % 10 === 0) return `${EN_TENS[n / 10]!.slice(0, -1)}ieth`;
  return `${EN_TENS[Math.floor(n / 10)]} ${enOrdinal(n % 10)}`;
}

const DE_MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DE_SPELL: Record<string, string> = {
  a: 'anton',
  b: 'berta',
  c: 'cäsar',
  d: 'dora',
  e: 'emil',
  f: 'friedrich',
  g: 'gustav',
  h: 'heinrich',
  i: 'ida',
  j: 'julius',
  k: 'kaufmann',
  l: 'ludwig',
  m: 'martha',
  n: 'nordpol',
  o: 'otto',
  p: 'paula',
  q: 'quelle',
  r: 'richard',
  s: 'samuel',
  t: 'theodor',
  u: 'ulrich',
  v: 'viktor',
  w: 'wilhelm',
  x: 'xanthippe',
  y: 'ypsilon',
  z: 'zacharias',
};
const NATO: Record<string, string> = {
  a: 'alpha',
  b: 'bravo',
  c: 'charlie',
  d: 'delta',
  e: 'echo',
  f: 'foxtrot',
  g: 'golf',
  h: 'hotel',
  i: 'india',
  j: 'juliet',
  k: 'kilo',
  l: 'lima',
  m: 'mike',
  n: 'november',
  o: 'oscar',
  p: 'papa',
  q: 'quebec',
  r: 'romeo',
  s: 'sierra',
  t: 'tango',
  u: 'uniform',
  v: 'victor',
  w: 'whiskey',
  x: 'xray',
  y: 'yankee',
  z: 'zulu',
};

// ---------------------------------------------------------------------------------------------
// Check digits.

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}
const ibanDigits = (s: string) =>
  [...s].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

/** An IBAN (ISO 13616) for a country and BBAN, with its check digits. */
export function ibanFor(country: string, bban: string): string {
  const check = 98 - mod97(ibanDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}
export function ibanChecks(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) && mod97(ibanDigits(s.slice(4) + s.slice(0, 4))) === 1;
}

/** Luhn check digit for a card number's first digits. */
export function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
export function luhnChecks(card: string): boolean {
  const s = card.replace(/ /g, '');
  return luhnDigit(s.slice(0, -1)) === Number(s.at(-1));
}

/** ISO 7064 MOD 11,10 check digit of the German tax id's first ten digits. */
export function taxIdDigit(ten: string): number {
  let product = 10;
  for (const ch of ten) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}
/** The shape rules of the Steuer-ID: no leading 0, one digit twice, one digit absent. */
export function taxIdChecks(id: string): boolean {
  const s = id.replace(/ /g, '');
  if (!/^[1-9]\d{10}$/.test(s)) return false;
  const counts = new Map<string, number>();
  for (const ch of s.slice(0, 10)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const many = [...counts.values()].filter((c) => c > 1);
  return many.length === 1 && many[0]! <= 3 && taxIdDigit(s.slice(0, 10)) === Number(s.slice(10));
}

// ---------------------------------------------------------------------------------------------
// Values, written or spoken.

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const m = (value: string, type: string) => `[[${value}|${type}]]`;

class Values {
  constructor(
    private readonly r: () => number,
    private readonly lang: Lang,
    private readonly spoken: boolean,
  ) {}

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  private digits(n: number, first = 0): string {
    let s = String(this.int(first, 9));
    while (s.length < n) s += String(this.int(0, 9));
    return s;
  }
  /** Lower case, hyphens and apostrophes as spaces or dropped, as a transcript has it. */
  private say(s: string): string {
    return this.spoken ? s.toLowerCase().replace(/['’]/g, '').replace(/-/g, ' ') : s;
  }

  // Digits spoken one by one, sometimes in pairs (German "zweiundvierzig") or with "double".
  private sayDigits(s: string, pairs = false): string {
    const de = this.lang === 'de';
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const d = Number(s[i]);
      const next = s[i + 1];
      if (pairs && next !== undefined && s[i] !== '0' && this.r() < 0.4) {
        const n = d * 10 + Number(next);
        out.push(de ? deNumber(n) : enNumber(n));
        i++;
      } else if (!de && next === s[i] && this.r() < 0.5) {
        out.push(`double ${d === 0 ? 'oh' : EN_ONES[d]}`);
        i++;
      } else if (de) out.push(d === 2 && this.r() < 0.2 ? 'zwo' : DE_ONES[d]!);
      else out.push(d === 0 && this.r() < 0.6 ? 'oh' : EN_ONES[d]!);
    }
    return out.join(' ');
  }
  private sayLetters(s: string, alphabet: boolean): string {
    return [...s.toLowerCase()]
      .map((c) =>
        /[0-9]/.test(c)
          ? this.lang === 'de'
            ? DE_ONES[Number(c)]!
            : EN_ONES[Number(c)]!
          : alphabet
            ? (this.lang === 'de' ? DE_SPELL : NATO)[c]!
            : c,
      )
      .join(' ');
  }

  private origin() {
    return this.pick(Object.values(BLIND4_NAMES));
  }
  first(): string {
    return this.say(this.pick(this.origin().first));
  }
  last(): string {
    return this.say(this.pick(this.origin().last));
  }
  full(): string {
    const o = this.origin();
    return this.say(`${this.pick(o.first)} ${this.pick(o.last)}`);
  }
  wordFirst(): string {
    return this.say(this.pick(BLIND4_WORD_NAMES[this.lang].first));
  }
  wordLast(): string {
    return this.say(this.pick(BLIND4_WORD_NAMES[this.lang].last));
  }
  /** A surname with a hyphen or particle. */
  compoundLast(): string {
    if (this.r() < 0.5) return this.say(this.pick(BLIND4_PARTICLE_LAST));
    const o = this.origin();
    const a = this.pick(o.last);
    let b = this.pick(o.last);
    while (b === a) b = this.pick(o.last);
    return this.say(`${a}-${b}`);
  }
  compoundFull(): string {
    if (this.r() < 0.25) {
      // A hyphenated given name with a plain surname.
      const o = this.origin();
      const a = this.pick(o.first);
      let b = this.pick(o.first);
      while (b === a) b = this.pick(o.first);
      return this.say(`${a}-${b} ${this.pick(o.last)}`);
    }
    return `${this.first()} ${this.compoundLast()}`;
  }

  town(): string {
    return this.say(this.pick(TOWNS[this.lang]));
  }
  region(): string {
    return this.say(this.pick(REGIONS[this.lang]));
  }
  street(): string {
    const name = this.pick(BLIND4_STREETS[this.lang]);
    const n = this.int(1, 140);
    const suffix = this.r() < 0.15 ? 'a' : '';
    if (this.lang === 'de') {
      if (!this.spoken) return `${name} ${n}${suffix}`;
      return `${this.say(name)} ${this.r() < 0.7 ? deNumber(n) : this.sayDigits(String(n))}${suffix ? ' a' : ''}`;
    }
    if (!this.spoken) return `${n}${suffix} ${name}`;
    return `${this.r() < 0.7 ? enNumber(n) : this.sayDigits(String(n))}${suffix ? ' a' : ''} ${this.say(name)}`;
  }
  /** German: postcode and town (one span); English: a UK postcode. */
  postcode(): string {
    if (this.lang === 'de') {
      const code = this.digits(5, 0).replace(/^00/, `0${this.int(1, 9)}`);
      return this.spoken
        ? `${this.sayDigits(code, true)} ${this.town()}`
        : `${code} ${this.pick(TOWNS.de)}`;
    }
    const L = 'ABCDEFGHJKLMNPRSTUWY';
    const letter = () => L[this.int(0, L.length - 1)]!;
    const code = `${letter()}${letter()}${this.int(1, 29)} ${this.int(1, 9)}${letter()}${letter()}`;
    return this.spoken ? this.sayLetters(code.replace(' ', ''), false) : code;
  }

  phone(): string {
    if (this.lang === 'de') {
      const mobile = this.r() < 0.5;
      const area = mobile
        ? this.pick(['151', '152', '157', '160', '162', '170', '171', '172', '175', '176', '178'])
        : this.digits(this.int(2, 4), 2);
      const rest = this.digits(mobile ? 8 : this.int(5, 7), 1);
      const intl = this.r() < 0.35;
      if (this.spoken) {
        const head = intl
          ? `${this.r() < 0.5 ? 'plus vier neun' : 'null null vier neun'} ${this.sayDigits(area, true)}`
          : `null ${this.sayDigits(area)}`;
        return `${head} ${this.sayDigits(rest, true)}`;
      }
      const style = this.int(0, 3);
      if (intl) return `+49 ${area} ${rest}`;
      if (style === 0) return `0${area} ${rest}`;
      if (style === 1) return `0${area}/${rest}`;
      if (style === 2) return `(0${area}) ${rest.replace(/(\d\d)(?=\d)/g, '$1 ')}`;
      return `0${area}-${rest}`;
    }
    const kind = this.int(0, 2);
    const [area, rest] =
      kind === 0
        ? ['7700', `900${this.digits(3)}`]
        : kind === 1
          ? [`7${this.digits(3, 4)}`, this.digits(6)]
          : [`1${this.digits(3, 2)}`, this.digits(6, 2)];
    const intl = this.r() < 0.3;
    if (this.spoken) {
      const head = intl ? 'plus four four' : this.r() < 0.5 ? 'oh' : 'zero';
      return `${head} ${this.sayDigits(area)} ${this.sayDigits(rest)}`;
    }
    if (intl) return `+44 ${area} ${rest.slice(0, 3)} ${rest.slice(3)}`;
    return this.r() < 0.5 ? `0${area} ${rest}` : `0${area} ${rest.slice(0, 3)} ${rest.slice(3)}`;
  }

  email(): string {
    const o = this.origin();
    const f = ascii(this.pick(o.first));
    const l = ascii(this.pick(o.last));
    const sep = this.pick(['.', '_', '-', '']);
    const local = this.pick([
      `${f}${sep}${l}`,
      `${f[0]}${sep === '' ? '.' : sep}${l}`,
      `${f}${this.int(10, 99)}`,
      `${l}.${f}`,
    ]);
    const domain =
      this.lang === 'de'
        ? this.pick([
            'posteo.de',
            'mailbox.org',
            'gmx.net',
            'web.de',
            't-online.de',
            'kanzlei-mail.de',
          ])
        : this.pick([
            'fastmail.com',
            'btinternet.com',
            'outlook.co.uk',
            'protonmail.com',
            'parish-office.org.uk',
          ]);
    const addr = `${local}@${domain}`;
    if (!this.spoken) return addr;
    const de = this.lang === 'de';
    return addr
      .replace(
        /\d+/g,
        (d) =>
          ` ${this.r() < 0.5 ? this.sayDigits(d) : de ? deNumber(Number(d)) : enNumber(Number(d))} `,
      )
      .replace(/@/g, de ? (this.r() < 0.7 ? ' at ' : ' ät ') : ' at ')
      .replace(/\./g, de ? ' punkt ' : ' dot ')
      .replace(/_/g, de ? ' unterstrich ' : ' underscore ')
      .replace(
        /-/g,
        de
          ? this.r() < 0.5
            ? ' minus '
            : ' bindestrich '
          : this.r() < 0.5
            ? ' dash '
            : ' hyphen ',
      )
      .replace(/ +/g, ' ')
      .trim();
  }

  iban(): string {
    const gb = this.lang === 'en' && this.r() < 0.7;
    const iban = gb
      ? ibanFor('GB', `${this.pick(['NWBK', 'MIDL', 'BARC', 'LOYD', 'HBUK'])}${this.digits(14)}`)
      : ibanFor('DE', this.digits(18, 1));
    if (this.spoken) {
      const letters = iban.slice(0, 2);
      const rest = gb ? iban.slice(4, 8) : '';
      const nums = gb ? iban.slice(8) : iban.slice(4);
      return [
        this.sayLetters(letters, false),
        this.sayDigits(iban.slice(2, 4), true),
        rest ? this.sayLetters(rest, false) : '',
        this.sayDigits(nums, true),
      ]
        .filter(Boolean)
        .join(' ');
    }
    return this.r() < 0.7 ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
  }

  dob(): string {
    const y = this.int(1942, 2006);
    const mo = this.int(1, 12);
    const d = this.int(1, 28);
    const dd = String(d).padStart(2, '0');
    const mm = String(mo).padStart(2, '0');
    if (this.lang === 'de') {
      if (!this.spoken)
        return this.pick([
          `${dd}.${mm}.${y}`,
          `${d}. ${DE_MONTHS[mo - 1]} ${y}`,
          `${d}.${mo}.${y}`,
        ]);
      const month = this.r() < 0.5 ? deOrdinal(mo) : DE_MONTHS[mo - 1]!.toLowerCase();
      const year = this.r() < 0.8 ? deYear(y) : this.sayDigits(String(y));
      return `${deOrdinal(d)} ${month} ${year}`;
    }
    if (!this.spoken)
      return this.pick([
        `${dd}/${mm}/${y}`,
        `${d} ${EN_MONTHS[mo - 1]} ${y}`,
        `${EN_MONTHS[mo - 1]} ${d}, ${y}`,
        `${y}-${mm}-${dd}`,
      ]);
    const month = EN_MONTHS[mo - 1]!.toLowerCase();
    const year = enYear(y, this.r() < 0.5);
    return this.pick([
      `the ${enOrdinal(d)} of ${month} ${year}`,
      `${month} ${enOrdinal(d)} ${year}`,
      `${this.sayDigits(dd)} ${this.sayDigits(mm)} ${year}`,
    ]);
  }

  ip(): string {
    const parts =
      this.r() < 0.5
        ? [this.pick([10, 172, 192]), this.int(0, 255), this.int(0, 255), this.int(1, 254)]
        : [this.int(11, 223), this.int(0, 255), this.int(0, 255), this.int(1, 254)];
    if (parts[0] === 192) parts[1] = 168;
    if (!this.spoken) return parts.join('.');
    const de = this.lang === 'de';
    const asWords = this.r() < 0.5;
    return parts
      .map((p) => (asWords ? (de ? deNumber(p) : enNumber(p)) : this.sayDigits(String(p))))
      .join(de ? ' punkt ' : ' dot ');
  }

  plate(): string {
    const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
    const letter = () => L[this.int(0, L.length - 1)]!;
    if (this.lang === 'de') {
      const district = this.pick(['DON', 'WUG', 'UM', 'VG', 'SLF', 'HBS', 'KIB', 'WF', 'AN', 'PR']);
      const mid = this.r() < 0.5 ? letter() : `${letter()}${letter()}`;
      const num = String(this.int(1, 9999));
      if (!this.spoken)
        return this.r() < 0.6 ? `${district}-${mid} ${num}` : `${district} ${mid} ${num}`;
      const alphabet = this.r() < 0.4;
      const nums = this.r() < 0.5 ? this.sayDigits(num) : deNumber(Number(num));
      return `${this.sayLetters(district, alphabet)} ${this.sayLetters(mid, alphabet)} ${nums}`;
    }
    const plate = `${letter()}${letter()}${this.digits(2)} ${letter()}${letter()}${letter()}`;
    if (!this.spoken) return plate;
    return this.sayLetters(plate.replace(' ', ''), this.r() < 0.4);
  }

  card(): string {
    const body = this.r() < 0.5 ? `4${this.digits(14)}` : `5${this.int(1, 5)}${this.digits(13)}`;
    const card = `${body}${luhnDigit(body)}`;
    if (this.spoken) return this.sayDigits(card, this.lang === 'de');
    return this.r() < 0.7 ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
  }

  taxId(): string {
    let ten = '';
    do {
      const digits = '0123456789'.split('');
      digits.splice(this.int(0, 9), 1);
      const all = [...digits, digits[this.int(0, 8)]!];
      for (let i = all.length - 1; i > 0; i--) {
        const j = this.int(0, i);
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      ten = all.join('');
    } while (ten[0] === '0');
    const id = `${ten}${taxIdDigit(ten)}`;
    if (this.spoken) return this.sayDigits(id, true);
    return this.r() < 0.5
      ? `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}`
      : id;
  }

  // Numbers that are not personal data.
  order(): string {
    const n = this.digits(this.int(5, 8), 1);
    if (this.spoken) return this.sayDigits(n);
    return this.r() < 0.5 ? n : `${this.pick(['A', 'B', 'R', 'K'])}-${n}`;
  }
  price(): string {
    const e = this.int(1, 480);
    const c = this.pick([0, 49, 90, 95, 99]);
    if (!this.spoken)
      return this.lang === 'de'
        ? `${e},${String(c).padStart(2, '0')}`
        : `${e}.${String(c).padStart(2, '0')}`;
    if (this.lang === 'de') return `${deNumber(e)} euro${c ? ` ${deNumber(c)}` : ''}`;
    return `${enNumber(e)} pounds${c ? ` ${enNumber(c)}` : ''}`;
  }
  time(): string {
    const h = this.int(6, 22);
    const mi = this.pick([0, 5, 15, 20, 30, 45, 50]);
    if (!this.spoken) return `${h}:${String(mi).padStart(2, '0')}`;
    if (this.lang === 'de') return `${deNumber(h)} uhr${mi ? ` ${deNumber(mi)}` : ''}`;
    const h12 = h > 12 ? h - 12 : h;
    return mi ? `${enNumber(h12)} ${enNumber(mi)}` : `${enNumber(h12)} oclock`;
  }
  version(): string {
    const v = [this.int(1, 12), this.int(0, 20), this.int(0, 30)];
    if (!this.spoken) return v.join('.');
    return v
      .map((x) => (this.lang === 'de' ? deNumber(x) : enNumber(x)))
      .join(this.lang === 'de' ? ' punkt ' : ' point ');
  }
  qty(): string {
    const n = this.int(2, 60);
    return this.spoken ? (this.lang === 'de' ? deNumber(n) : enNumber(n)) : String(n);
  }
  wordPhrase(): string {
    const s = this.pick(WORD_PHRASES[this.lang]);
    return this.spoken ? s.toLowerCase().replace(/[.,!?]/g, '') : s;
  }
}

const SLOTS: Record<string, (v: Values) => string> = {
  N: (v) => m(v.full(), 'PERSON'),
  F: (v) => m(v.first(), 'PERSON'),
  L: (v) => m(v.last(), 'PERSON'),
  H: (v) => m(v.compoundFull(), 'PERSON'),
  HL: (v) => m(v.compoundLast(), 'PERSON'),
  WF: (v) => m(v.wordFirst(), 'PERSON'),
  NW: (v) => m(`${v.first()} ${v.wordLast()}`, 'PERSON'),
  WW: (v) => m(`${v.wordFirst()} ${v.wordLast()}`, 'PERSON'),
  WL: (v) => m(v.wordLast(), 'PERSON'),
  T: (v) => m(v.town(), 'LOCATION'),
  R: (v) => m(v.region(), 'LOCATION'),
  S: (v) => m(v.street(), 'ADDRESS'),
  Z: (v) => m(v.postcode(), 'ADDRESS'),
  PH: (v) => m(v.phone(), 'PHONE'),
  E: (v) => m(v.email(), 'EMAIL'),
  IB: (v) => m(v.iban(), 'IBAN'),
  D: (v) => m(v.dob(), 'DATE_OF_BIRTH'),
  IP: (v) => m(v.ip(), 'IP_ADDRESS'),
  PL: (v) => m(v.plate(), 'VEHICLE_PLATE'),
  CC: (v) => m(v.card(), 'CREDIT_CARD'),
  TX: (v) => m(v.taxId(), 'DE_TAX_ID'),
  ORD: (v) => v.order(),
  PRICE: (v) => v.price(),
  TIME: (v) => v.time(),
  VER: (v) => v.version(),
  QTY: (v) => v.qty(),
  WP: (v) => v.wordPhrase(),
};

/**
 * `perFrame` texts for every frame, German and English, written and spoken, deterministic in
 * `seed`. Gold spans come from the `[[value|TYPE]]` markup (markup.ts).
 */
export function generateBlind4(perFrame = 8, seed = 89): Labelled[] {
  const r = rng(seed);
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (const kind of ['written', 'spoken'] as const) {
      const values = new Values(r, lang, kind === 'spoken');
      for (const frame of BLIND4_FRAMES[lang][kind]) {
        for (let i = 0; i < perFrame; i++) {
          const marked = frame.replace(/\{([A-Z]+)\}/g, (_, slot: string) => {
            const fill = SLOTS[slot];
            if (!fill)
              throw new Error(`blind4: unknown slot {${slot}} in ${JSON.stringify(frame)}`);
            return fill(values);
          });
          out.push(parseMarkup(marked, lang, kind));
        }
      }
    }
  }
  return out;
}
