// Everyday words written for the tagger's training material (not taken from any list or
// evaluation set): verb forms, adverbs, adjectives and nouns that the gazetteer's word lists
// lack. Strings of them (generate.ts) put these words often enough into training that their
// spelling joins the model's vocabulary as "not a name", so an unknown word in a transcript
// is more likely to be a name. Words of the held-out dev frames (dev-frames.ts) are removed
// where this list is used, so our held-out figure does not profit from them.

export const DE_COMMON = `
abgeholt abgesagt abends aber absagen abschicken achten aktuell allein alles also anfangen angefangen
angekommen angerufen anmelden anrufen antworten anziehen arbeiten arbeitet aufgeräumt aufhören aufräumen
aufstehen ausgegangen ausgehen ausmachen aussehen bald bauen beeilen bekommen bekommt benutzen bequem
bereit besorgen besser bestellen bestellt besuchen besucht bezahlen bezahlt billig bisschen bleiben bleibt
brauchen braucht bringen bringt buchen danach dauern dauert denken denkt dringend drinnen drüben dunkel
duschen eigentlich einfach einkaufen einladen eingeladen einpacken einsteigen endlich entschuldigung
erklären erledigen erledigt erzählen erzählt essen etwas fahren fährt fallen fehlen fehlt fertig feiern
finden findet fliegen fragen fragt freuen früh fühlen funktioniert ganz geben gebracht gefahren gefallen
gefunden gegangen gegessen geholt gekauft gekommen gemacht genau genommen gerade gern gesagt geschafft
geschickt geschlafen geschrieben gesehen gestern gewartet gewesen gewonnen glauben gleich gucken haben halten
hängen heute hier hinten holen hören hört immer irgendwann jetzt kaufen kennen kennt klappt klingt kochen
kommen kommt können kurz lachen langsam laufen läuft leider lernen lesen liegen liegt machen macht manchmal
melden merken mitbringen mitnehmen möchte morgens müde müssen nachher nehmen nimmt noch nochmal oben oft
packen passen passiert planen putzen regnet reden reicht reparieren rufen sagen sagt schaffen schauen
schicken schlafen schließen schnell schon schreiben schreibt schwer sehen sieht sitzen sofort später spielen
sprechen spricht stehen steht stimmt suchen tragen treffen trinken tun überlegen übermorgen umziehen
unterwegs vergessen vergisst verloren verpasst verschoben versuchen verstehen vielleicht vorbei vorher
wach warten wartet warum waschen wechseln wecken weg weiter wenig wieder wissen wohl wollen wünschen
zahlen zeigen ziemlich zuerst zufällig zurück zusammen zuhause
`;

/** German nouns of the same kind, written with a capital in written German. */
export const DE_COMMON_NOUNS = `
bahnhof zug straßenbahn haltestelle fahrkarte parkplatz ampel kreuzung brücke ufer wald wiese hof
balkon keller dachboden flur treppe aufzug schlüssel tasche jacke schuhe brille handy ladekabel rechner
drucker zettel brief paket karton kiste flasche glas teller tasse gabel löffel messer topf pfanne
herd ofen kühlschrank spüle waschmaschine trockner staubsauger besen eimer lampe kerze vorhang teppich
kissen decke sofa sessel regal schrank schublade tür fenster wand boden dach garten zaun tor
`;

export const EN_COMMON = `
arrived asked baked began booked borrowed bought brought called came cancelled carried caught changed
checked cleaned closed collected cooked cried decided delivered dropped emailed ended enjoyed expected
fell felt finished fixed forgot found gave got grew hated heard helped hoped hurried joined kept knew
laughed learned left lent liked listened lived looked lost loved made meant met missed moved needed
noticed offered opened ordered packed paid parked passed phoned picked planned played posted promised
pulled pushed put rang reached read remembered rented replied returned rode said sang saw sent shared
showed shut slept sold spent started stayed stopped studied talked taught texted thanked thought threw
tidied told took tried turned understood used visited waited walked wanted washed watched went woke
won worked worried wrote
asking baking booking borrowing buying calling carrying cleaning closing coming cooking crying driving
eating enjoying expecting feeling fixing flying getting giving going growing hanging having hearing
helping hoping hurrying joining keeping knowing laughing learning leaving lending listening living looking
losing making meeting missing moving needing opening ordering packing paying picking planning playing
posting pouring raining reading resting riding ringing running saying seeing selling sending sharing
shopping showing singing sitting sleeping snowing speaking spending standing starting staying stopping
studying swimming talking teaching telling texting thinking trying turning visiting waiting walking
wanting washing watching wearing working worrying writing
asks bakes books borrows buys calls carries cleans closes comes cooks cries drives eats feels fixes flies
gets gives goes grows hangs has hears helps hopes joins keeps knows laughs learns leaves lends listens
lives looks loses makes means meets misses moves needs opens orders packs pays picks plans plays posts
reads rests rides rings runs says sees sells sends shares shops shows sings sits sleeps speaks spends
stands starts stays stops studies swims talks teaches tells texts thinks tries turns visits waits walks
wants washes watches wears works worries writes
actually almost already always anyway apparently barely basically certainly clearly definitely early
easily especially eventually exactly finally fortunately generally hardly honestly hopefully instead
just lately later luckily maybe meanwhile mostly nearly never normally obviously often perhaps possibly
probably quickly quietly rarely really recently seriously simply slowly sometimes soon still suddenly
surely today together tomorrow tonight unfortunately usually yesterday
angry bored busy careful cheap cold comfortable crowded dark delicious dirty easy empty expensive
famous fresh friendly full funny glad hungry late lazy lonely loud lucky nervous noisy polite proud
quiet ready rude sad safe scared sick sleepy sorry strange sure thirsty tidy tired upset warm wet
weird worried
bathroom bedroom kitchen hallway garage attic basement balcony staircase lift keys bag jacket shoes
glasses phone charger laptop printer note letter parcel box bottle glass plate cup fork spoon knife pot
pan cooker oven fridge sink washer dryer vacuum broom bucket lamp candle curtain carpet cushion blanket
sofa armchair shelf wardrobe drawer door window wall floor roof garden fence gate platform ticket
timetable bus tram station airport
`;

const split = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);

/** The lists without the words of the given frames (so a held-out figure stays honest). */
export function commonWords(exclude: readonly string[]): { de: string[]; en: string[] } {
  const out = new Set(
    exclude.flatMap((f) =>
      f
        .toLowerCase()
        .replace(/\{[A-Z]+\}/g, ' ')
        .split(/[^\p{L}'’]+/u),
    ),
  );
  const nouns = split(DE_COMMON_NOUNS).filter((w) => !out.has(w));
  return {
    de: [
      ...split(DE_COMMON).filter((w) => !out.has(w)),
      ...nouns.map((w) => w[0]!.toUpperCase() + w.slice(1)),
    ],
    en: split(EN_COMMON).filter((w) => !out.has(w)),
  };
}
