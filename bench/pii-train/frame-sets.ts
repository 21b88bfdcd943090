// How the development sets (dev-persons, dev-reach, dev-structured) turn their frames into
// labelled texts: set by set, each frame filled `perFrame` times, then the set's PII-free
// sentences as they are. One loop for all three, so their random draws come in one order.
import { type Labelled, parseMarkup } from '../pii-eval/markup.js';

/** Language, kind ("written", "spoken" …), frames with slots, and PII-free sentences. */
export type FrameSet = readonly [
  lang: Labelled['lang'],
  kind: string,
  frames: readonly string[],
  plain: readonly string[],
];

/**
 * The labelled texts of `sets`. `filler(lang, kind)` is asked once per set for the function
 * that fills one frame with marked-up values (`[[value|TYPE]]`).
 */
export function expandFrameSets(
  sets: readonly FrameSet[],
  perFrame: number,
  filler: (lang: Labelled['lang'], kind: string) => (frame: string) => string,
): Labelled[] {
  const out: Labelled[] = [];
  for (const [lang, kind, frames, plain] of sets) {
    const fill = filler(lang, kind);
    for (const frame of frames)
      for (let i = 0; i < perFrame; i++) out.push(parseMarkup(fill(frame), lang, kind));
    for (const p of plain) out.push(parseMarkup(p, lang, kind));
  }
  return out;
}
