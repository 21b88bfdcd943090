// The blind part of the held-out evaluation: frames, names and ordinary sentences written after
// the frame rules of src/pii/frames.ts were frozen, and committed together with their first
// result (BENCHMARKS.md). One round of fixes followed that run (places after "bis", "at",
// "die Stadt", and in lower case only at the end of a phrase), so its later figures are no
// longer blind; BENCHMARKS.md gives both. New blind frames belong in a new file. Names are of
// origins neither the gazetteer nor held-out.ts uses (Greek, Hungarian, Yoruba, Hindi, Japanese,
// Portuguese, Finnish).
import { rng } from './corpus.js';
import { type Labelled, parseMarkup } from './markup.js';

export const BLIND_FIRST: readonly string[] =
  'Eleftheria Stavros Zsófia Levente Oluwaseun Adebayo Chiamaka Aditi Rohit Kavya Haruto Yui Sakura Joaquim Conceição Aino Eetu Sirkka Bence Dimitra'.split(
    ' ',
  );
export const BLIND_LAST: readonly string[] =
  'Papadopoulou Karamanlis Horváth Szabó Okonkwo Adewale Balogun Iyer Chatterjee Deshpande Watanabe Yamamoto Kobayashi Gonçalves Figueiredo Virtanen Mäkinen Korhonen Nieminen'.split(
    ' ',
  );
export const BLIND_PLACES: Record<'de' | 'en', readonly string[]> = {
  de: 'Wolfhagen,Marktoberdorf,Ebersberg,Gunzenhausen,Haßfurt,Hünfeld,Schlüchtern,Bad Mergentheim,Treuchtlingen,Varel'.split(
    ',',
  ),
  en: 'Lerwick Stornoway Bideford Okehampton Ballina Athlone Dunoon Brecon Cirencester Wigtown'.split(
    ' ',
  ),
};

// Sentences with a person, place or nothing; {P} a person (first and last name), {L} a surname
// only, {F} a first name only, {C} a town.
const FRAMES: Record<'de' | 'en', Record<'written' | 'spoken', string[]>> = {
  de: {
    written: [
      'Morgen übernimmt {P} die Frühschicht.',
      'Laut {P} ist die Heizung wieder kaputt.',
      'Die Unterlagen hat {P} gestern Abend unterschrieben.',
      'Sehr geehrte Frau {L}, vielen Dank für Ihre Nachricht.',
      'Bitte wenden Sie sich an Herrn {L} aus der Buchhaltung.',
      'Mein Kollege {P} kommt ursprünglich aus {C}.',
      'Wir waren über Ostern in {C} bei meiner Tante.',
      'Treffen wir uns mit {F} am Bahnhof?',
      'Die Stadt {C} hat ein neues Schwimmbad.',
      'Der Zug fährt heute nicht weiter als bis {C}.',
      'Das Meeting wurde auf Donnerstag verschoben.',
      'Kannst du bitte die Milch aus dem Kühlschrank holen?',
    ],
    spoken: [
      'kannst du {P} eine sprachnachricht schicken',
      'erinnere mich daran {F} zum geburtstag zu gratulieren',
      'wann fährt der nächste bus nach {C}',
      'ich glaube {P} hat den schlüssel',
      'stell einen wecker auf sieben uhr',
      'spiel das neue album von den toten hosen',
      'frag {F} ob sie heute abend zeit hat',
      'wie weit ist es von hier bis {C}',
    ],
  },
  en: {
    written: [
      'Tomorrow {P} takes over the early shift.',
      'According to {P}, the heating is broken again.',
      '{P} signed the papers last night.',
      'Dear Mrs {L}, thank you for your message.',
      'Please contact Mr {L} in accounts.',
      'My colleague {P} is originally from {C}.',
      'We spent Easter in {C} with my aunt.',
      'Shall we meet {F} at the station?',
      'The town of {C} has a new swimming pool.',
      'The train terminates at {C} today.',
      'The meeting has been moved to Thursday.',
      'Could you grab the milk from the fridge?',
    ],
    spoken: [
      'can you send {P} a voice note',
      'remind me to wish {F} a happy birthday',
      'when is the next bus to {C}',
      'i think {P} has the key',
      'set an alarm for seven am',
      'play the new album by the rolling stones',
      'ask {F} if she is free tonight',
      'how far is it from here to {C}',
    ],
  },
};

export function generateBlind(perFrame = 10, seed = 23): Labelled[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Labelled[] = [];
  for (const lang of ['de', 'en'] as const) {
    for (const kind of ['written', 'spoken'] as const) {
      for (const frame of FRAMES[lang][kind]) {
        for (let i = 0; i < perFrame; i++) {
          const marked = frame.replace(/\{([PLFC])\}/g, (_, slot: string) => {
            if (slot === 'C') return `[[${pick(BLIND_PLACES[lang])}|LOCATION]]`;
            const value =
              slot === 'P'
                ? `${pick(BLIND_FIRST)} ${pick(BLIND_LAST)}`
                : slot === 'L'
                  ? pick(BLIND_LAST)
                  : pick(BLIND_FIRST);
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
