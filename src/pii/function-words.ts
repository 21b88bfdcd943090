/**
 * Words that are never a name on their own, beyond the language detector's function words:
 * pronouns, articles, auxiliaries, frequent verbs and adverbs, days and months, and the nouns
 * German puts after a preposition ("nach Hause", "in Ordnung"). Written for the frame rules of
 * `frames.ts`, which take unknown words as names when no list knows them; given names that are
 * also words (May, Will, Mark) are left out on purpose.
 */
export const FUNCTION_WORDS: readonly string[] = `
ab aber alle allem allen aller alles als also am an ander andere anderen auch auf aus außer bald
bei beim bereits bin bis bist bitte bleib bleibe da dabei dafür dagegen daher damals damit danach
dann daran darauf darf darum das dass davon dazu dein deine deinem deinen deiner dem den denn der
des deshalb dich die dies diese diesem diesen dieser dieses dir doch dort du durch eben ein eine
einem einen einer eines einmal er es etwa etwas euch euer eure fast fertig für gab gar geben gegen
gehen geht gerade gern gerne gesagt gestern gibt ging gleich gut habe haben hab hast hat hatte
hatten heute hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in ins ist ja
jede jedem jeden jeder jetzt kam kann kannst kein keine keinem keinen keiner kommt komme kommen
konnte könnte kurz lass lassen leider liegt los machen macht mal man manchmal mehr mein meine
meinem meinen meiner mich mir mit morgen muss musst müssen nach nachher neben nein nicht nichts
nie noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seit sich sie sind so
sogar soll sollen sollte später statt such um und uns unser unsere unter viel viele vielleicht
vom von vor vorhin wann war waren warum was weg weil weiter welche welchem welchen welcher wem
wen wenn wer werde werden wie wieder wir wird wirst wo wohl wollen wollte wurde würde zu zum zur
zurück zusammen zwischen heim hause haus ordnung zukunft kürze ruhe eile rente urlaub absprache
rücksprache bezug verbindung arbeit schule kirche bett büro küche garten zeit sachen leute
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juli september
oktober november dezember anrufen anzurufen nachricht termin bescheid uhr
a about above after again against all almost already also always am an and another any anyone
anything are around as at away back be because been before being below between both but by can
cannot could did do does doing done down during each either else enough even ever every
everyone everything few first for from further get gets getting go goes going gone got had has
have having he her here hers herself him himself his how however i if in into is it its itself
just last later least less let like little lot made make many maybe me might mine more most much
must my myself near need never new next no nobody none nor not nothing now of off often oh ok okay
on once one only or other our ours ourselves out over own please quite rather really right said
same say says see she should since so some someone something sometimes soon still such sure than
thank thanks that the their theirs them themselves then there these they thing things this those
though through till to today together tomorrow tonight too toward under until up upon us very was
way we well were what when where whether which while who whom whose why with within without would
yes yet you your yours yourself yesterday everybody guys folks team
monday tuesday wednesday thursday friday saturday sunday january february march july september
october november december calling speaking message reminder
hey hi hallo hello moin servus hallöchen tschüss bye
easter christmas ostern weihnachten pfingsten silvester halloween thanksgiving
oma opa mama papa mutti vati mutter vater schwester bruder tante onkel sohn tochter chef chefin
tel fax mobil handy telefon phone mobile email mail iban bic nr str ort plz adresse address
mom mum dad mommy daddy grandma grandpa granny nan sister brother aunt uncle son daughter boss
`
  .trim()
  .split(/\s+/);
