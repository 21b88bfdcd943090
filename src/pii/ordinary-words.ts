/**
 * Ordinary nouns and words of notices, shops, clubs, offices and homes, English and German,
 * that the gazetteer's word lists (a small sample from faker) lack: roles and job titles,
 * institutions and their parts, chains of shops, food, animals, things of the house, events, and words of time
 * and quantity. Negative evidence for a person (`person-ordinary.ts`): a finding made of such
 * words only is no one's name unless a strong frame says so. Hand-written (ours, Apache-2.0)
 * from everyday vocabulary; given names that are also words (Rose, Hazel, Amber, Will) are
 * left out on purpose, and `person-ordinary.ts` never drops a word the lists give as a given
 * name in written text.
 */
const EN = `
assistant agent secretary treasurer chair chairman chairwoman chairperson president
vice director manager officer clerk librarian teacher headteacher head deputy principal tutor
lecturer professor student pupil coach captain coordinator co-ordinator administrator
supervisor inspector engineer technician nurse doctor surgeon dentist vet vets pharmacist
gamekeeper keeper ranger farmer shepherd gardener groundsman fisherman
receptionist cashier caretaker cleaner driver courier porter warden steward volunteer
volunteers member members committee board council trustee trustees governor governors
chief editor reporter author writer designer developer analyst consultant adviser advisor
advocate solicitor lawyer barrister judge magistrate registrar officer constable sergeant
detective landlord landlady tenant tenants letting lettings owner owners resident residents
neighbour neighbours parent parents guardian guardians carer carers family families
customer customers client clients patient patients guest guests visitor visitors staff team
colleague colleagues everyone everybody someone somebody anyone nobody all friends friend
library museum gallery school college academy nursery playgroup club society association
union league church chapel parish hall village town city county council office offices
department dept branch unit ward clinic surgery hospital pharmacy practice centre center
station depot garage workshop studio shop store market supermarket bakery butcher butchers
cafe café pub inn bar restaurant canteen kitchen hotel hostel hut cabin lodge pavilion
park garden gardens allotment allotments field pitch court pool gym stadium arena
bank post mail parcel delivery order orders ticket tickets booking bookings claim claims
account accounts policy policies invoice invoices receipt payment payments refund refunds
priority status urgent important notice news update updates reminder alert warning
security safety insurance pension pensions tax taxes benefit benefits support help service
services watch patrol rota schedule timetable agenda minutes meeting meetings event events
fair fete festival concert party parties show match game race quiz trip tour walk walks
outing picnic barbecue bbq dinner lunch breakfast supper tea coffee brunch
herring salmon trout cod haddock mackerel tuna lamb beef pork chicken turkey duck goose
ham bacon sausage sausages mince steak rye wheat oats barley corn rice bread cake cakes
biscuit biscuits scone scones pie pies tart tarts pudding soup salad cheese butter milk
cream eggs egg honey jam pepper salt sugar flour mustard vinegar oil apples apple pears
pear plums plum berries cherries lemon lemons onion onions potato potatoes carrots beans
peas cabbage leek leeks garlic ginger nutmeg cinnamon mint basil sage thyme parsley fennel
dill chives cumin gin whisky whiskey vodka rum beer ale cider wine
cotton wool linen silk leather denim shirt shirts coat coats shoes boots socks hats hat
badger badgers fox foxes deer hare hares rabbit rabbits hedgehog otter owl owls hawk kite
heron herons swan swans geese ducks crow crows rook rooks robin robins wren wrens finch
finches sparrow sparrows starling starlings warbler warblers thrush lark larks swallow
swallows martin martins dog dogs cat cats puppy kitten horse horses pony ponies cow cows
sheep pig pigs hen hens fish bird birds bees bee
reed reeds moss gorse heather fern ferns oak ash elm willow birch beech holly ivy
geology biology history geography science sciences music drama art arts english maths
night nights morning mornings evening evenings afternoon
year years month months week weeks day days hour hours minute minutes mile miles metre
metres inch inches pound pounds old new young little big small great good best free
money cash pay wage wages salary rent deposit fee fees price prices cost costs bill bills
car cars van bus train bike bicycle taxi lorry truck boat ferry
job jobs work task tasks self note notes list lists message messages call calls
home house flat room rooms kitchen bathroom bedroom garden loft cellar basement attic
whitsun easter christmas xmas advent lent pentecost halloween
`;

const DE = `
assistent assistentin sekretär sekretärin vorsitzende vorsitzender kassenwart kassenwartin
leiter leiterin leitung direktor direktorin geschäftsführer geschäftsführerin chef chefin
lehrer lehrerin schüler schülerin student studentin trainer trainerin betreuer betreuerin
arzt ärztin zahnarzt zahnärztin tierarzt tierärztin tierarztpraxis praxis apotheke pflege
hausmeister hausmeisterin fahrer fahrerin zeuge zeugin zeugen mieter mieterin vermieter
vermieterin eigentümer nachbar nachbarin nachbarn eltern kinder kind familie familien
kunde kundin kunden gast gäste besucher team mitglieder verein vorstand ausschuss
kita kindergarten schule grundschule gymnasium bibliothek bücherei museum rathaus amt
bürgeramt behörde gemeinde kirche pfarramt klinik krankenhaus station werkstatt laden
geschäft markt supermarkt bäckerei bäcker metzgerei metzger café kneipe gaststätte
restaurant kantine küche hotel hütte halle sporthalle turnhalle platz sportplatz garten
bank post paket lieferung bestellung rechnung quittung zahlung konto versicherung police
antrag termin notiz nachricht hinweis erinnerung frage anfrage thema haushalt miete
nebenkosten kaution gebühr preis kosten geld lohn gehalt rente steuer steuern
senf essig öl salz pfeffer zucker mehl butter milch käse brot brötchen kuchen gelee marmelade
honig eier ei wurst schinken speck fleisch fisch hering forelle lachs zander karpfen
hähnchen huhn rind schwein lamm kartoffeln kartoffel zwiebeln zwiebel möhren karotten
äpfel apfel birnen birne kirschen pflaumen mohn gläser glas teller löffel gabel messer
tasse tassen becher schüssel topf pfanne
keller dachboden zimmer wohnung haus hinterhaus vorderhaus einfahrt garage hof wiese
feld wald weg straße flur treppe treppenhaus tür fenster dach balkon terrasse
feier fest party konzert ausflug treffen sitzung besprechung versammlung fahrt reise
jahre jahr monate monat wochen woche tage tag stunden stunde minuten minute
auto autos wagen fahrzeug rad fahrrad zug bus taxi
richtung süden norden osten westen links rechts
hund hunde katze katzen pferd pferde vogel vögel dachs fuchs hase reh
`;

// Chains of shops, parcel services and insurers everyone names ("im Stau bei Ikea"); surnames
// and given names among them (Müller, Otto, Penny) are left out.
const CHAINS = `
aldi lidl rewe edeka netto kaufland rossmann fielmann ikea zalando amazon ebay tchibo
mediamarkt hornbach bauhaus dhl dpd gls ups hermes tesco asda sainsbury's sainsburys morrisons
waitrose argos currys primark aviva allianz
`;

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Lower-case ordinary words of both languages (see the file comment). */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  ...words(EN),
  ...words(DE),
  ...words(CHAINS),
]);
