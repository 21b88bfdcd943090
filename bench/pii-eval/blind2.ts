// A second blind set (issue 17, session 2): names, places and sentence frames written before any
// change to the detector in that session, measured once before and once after the change
// (BENCHMARKS.md). Its person slots sit where no cue of `src/pii/frames.ts` stands (checked by
// test/pii/blind2.test.ts), so it measures how the detector treats a name by its own shape.
// Names are of origins none of the other sets uses (Romanian, Kazakh, Tibetan, Māori,
// Norwegian, Quechua, Akan, Zulu, Georgian, Hebrew, Tamil, Hawaiian). New frames belong in a
// new file; these must not be tuned against.
import { rng } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

export const BLIND2_FIRST: readonly string[] =
  'Mihai Ileana Aigerim Nurlan Tenzin Pema Wiremu Aroha Solveig Eirik Inti Nayra Kwabena Akosua Thandeka Sibusiso Tamari Levan Avital Yarden Kavitha Murugan Kalani Keoni'.split(
    ' ',
  );
export const BLIND2_LAST: readonly string[] =
  'Dumitrache Constantinescu Zhakupov Seitkali Tsering Dolkar Ngata Rangihau Haugland Strømsnes Mamani Quispe Boateng Owusu Dlamini Mthembu Beridze Kapanadze Abutbul Shkolnik Subramaniam Ramasamy Kahananui Kealoha'.split(
    ' ',
  );
export const BLIND2_PLACES: Record<'de' | 'en', readonly string[]> = {
  de: 'Kulmbach Dinkelsbühl Zwiesel Eckernförde Meppen Schwandorf Wittstock Pasewalk Ilmenau Sonthofen'.split(
    ' ',
  ),
  en: 'Whitby Keswick Tobermory Clonakilty Oban Ludlow Tenby Alnwick Bantry Lismore'.split(' '),
};

// {P} first and last name, {F} first name only, {C} a town; frames without a slot carry no PII.
export const BLIND2_FRAMES: Record<'de' | 'en', Record<'written' | 'spoken', readonly string[]>> = {
  de: {
    written: [
      'Gestern hat mir {P} beim Umzug geholfen.',
      'Die Präsentation hält {P} am Freitag.',
      'Ich habe {F} meine Bohrmaschine geliehen.',
      'Zuständig ist ab sofort {P}.',
      'Sie hat mit {P} zusammen studiert.',
      'Vielen Dank an {P} für die Torte!',
      'Geboren wurde sie in {C}.',
      'Der Bürgermeister von {C} ist zurückgetreten.',
      'Die Waschmaschine läuft seit heute wieder.',
      'Bitte den Müll am Dienstag rausstellen.',
    ],
    spoken: [
      'hat {P} schon die rechnung bezahlt',
      'ist {F} heute im büro',
      'wo wohnt {P} eigentlich',
      'ich war gestern mit {F} beim arzt',
      'zeig mir die fotos von {P}',
      'hast du {F} die adresse gegeben',
      'wie wird das wetter morgen in {C}',
      'spiel musik im wohnzimmer',
      'mach das licht in der küche aus',
      '{P} kommt heute später',
    ],
  },
  en: {
    written: [
      'Yesterday {P} helped me move house.',
      '{F} is giving the presentation on Friday.',
      'I lent {F} my drill.',
      'From now on, {P} is in charge.',
      'She studied with {P} at university.',
      'Big thanks to {P} for the cake!',
      'She was born in {C}.',
      'The mayor of {C} has resigned.',
      'The washing machine is working again.',
      'Please put the bins out on Tuesday.',
    ],
    spoken: [
      'has {P} paid the bill yet',
      'is {F} in the office today',
      'where does {P} live',
      'i went to the doctor with {F} yesterday',
      'show me the photos of {P}',
      'did you give {F} the address',
      'what is the weather like in {C} tomorrow',
      'play some music in the living room',
      'turn off the kitchen light',
      '{P} is running late today',
    ],
  },
};

export function generateBlind2(perFrame = 10, seed = 47): Labelled[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (const kind of ['written', 'spoken'] as const) {
      for (const frame of BLIND2_FRAMES[lang][kind]) {
        for (let i = 0; i < perFrame; i++) {
          const marked = frame.replace(/\{([PFC])\}/g, (_, slot: string) => {
            if (slot === 'C') return `[[${pick(BLIND2_PLACES[lang])}|LOCATION]]`;
            const value =
              slot === 'P' ? `${pick(BLIND2_FIRST)} ${pick(BLIND2_LAST)}` : pick(BLIND2_FIRST);
            return `[[${value}|PERSON]]`;
          });
          const item = parseMarkup(marked, lang, kind);
          out.push(kind === 'spoken' ? { ...item, text: item.text.toLowerCase() } : item);
        }
      }
    }
  }
  return out;
}
