// Hand-written development cases for English places and for ordinary words in transcripts
// (issue 17). Invented for this file: the towns are made up, so no list can know them and only
// their frame and shape can find them. Kept out of training and evaluation.

/** Written English: [text, the place(s) that must be found]. */
export const EN_PLACE_CASES: readonly (readonly [string, readonly string[]])[] = [
  ['She lives in Wexcombe now.', ['Wexcombe']],
  ['We moved to Dunmarrow last spring.', ['Dunmarrow']],
  ['He is from Little Brackton.', ['Little Brackton']],
  ['The cottage is near Great Haddingfold.', ['Great Haddingfold']],
  ['Our office is in Pellingworth, Shropshire.', ['Pellingworth', 'Shropshire']],
  ['They run the Thornbury Vale branch.', ['Thornbury Vale']],
  ['We spent a week in Selcombe-on-Sea.', ['Selcombe-on-Sea']],
  ['My aunt grew up in Stratton upon Avenmere.', ['Stratton upon Avenmere']],
  ['The fair is in St Aldwyn this year.', ['St Aldwyn']],
  ['She drove over to Ashby Green on Sunday.', ['Ashby Green']],
  ['The parcel went to East Hollowmere by mistake.', ['East Hollowmere']],
  ['I grew up in Kelderby, a village in Norfolk.', ['Kelderby', 'Norfolk']],
  ['He works in Brindlecote.', ['Brindlecote']],
  ['They live just outside Marrowfield.', ['Marrowfield']],
  ['Her parents retired to Upper Wychley.', ['Upper Wychley']],
];

/** Lower-case transcripts whose words are all ordinary: nothing in them is a person. */
export const EN_ORDINARY_TRANSCRIPTS: readonly string[] = [
  'can you turn the lights down a bit please',
  'remind me to water the plants tomorrow morning',
  'what is the weather going to be like on saturday',
  'play something relaxing in the kitchen',
  'add butter and flour to the shopping list',
  'set a timer for twenty minutes for the pasta',
  'tell me a joke about penguins',
  'how long does it take to drive to the coast',
  'call the plumber about the leaking tap',
  'is the bakery still open at this hour',
];

/** Lower-case transcripts with rarer ordinary words, which the lists do not hold. */
export const EN_ORDINARY_RARER: readonly string[] = [
  'the gutters need clearing before the frost comes',
  'pick up some lentils and courgettes on the way home',
  'the boiler is making that rattling noise again',
  'we should repaint the banister and the skirting boards',
  'the kids left their wellies in the porch',
  'can you fetch the colander from the cupboard',
  'my knee has been aching since the hike',
  'the hamster escaped behind the radiator again',
  'we ran out of porridge oats and marmalade',
  'the neighbours are having their driveway resurfaced',
  'put the lasagne in the oven at half six',
  'the printer keeps jamming whenever i use glossy paper',
  'remind me to renew the parking permit',
  'the dentist rescheduled my appointment to thursday',
  'turn off the dehumidifier in the spare room',
  'the greenhouse tomatoes are finally ripening',
  'we need bin bags sellotape and batteries',
  'the motorway was gridlocked because of roadworks',
  'is the laundrette open on bank holidays',
  'the recipe says to simmer the chutney for an hour',
];
