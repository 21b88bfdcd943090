import { FUNCTION, gazetteer, STOP } from './gazetteer.js';
import type { Emit } from './numbers.js';
import { digitsOf } from './spoken-numbers.js';
import { decode, type TaggerModel, tagSpans } from './tagger.js';
import type { Token } from './tokens.js';

/**
 * Smallest margin of the tagger's choice over its runner-up for a span to count. Set on the
 * tagger's own held-out origins (bench/pii-train) and the ordinary-word measure of
 * bench/pii-eval/ordinary.ts, never on an evaluation set's names.
 */
export const TAGGER_MIN_MARGIN = 7;
/** Below the frame rules' strong cues (0.85–0.95): where both find a name, the rules' span wins. */
export const TAGGER_SCORE = 0.7;

const CONTRACTION = /^(.*)['’](?:m|s|t|re|ve|ll|d)$/;

/** "don't", "isn't"; "I'm", "what's", "they're": a function word before the apostrophe. */
function isContraction(lower: string, flags: ReadonlyMap<string, number>): boolean {
  const m = CONTRACTION.exec(lower);
  if (!m) return false;
  if (/n['’]t$/.test(lower)) return true;
  return ((flags.get(m[1]!) ?? 0) & (FUNCTION | STOP)) !== 0;
}

/**
 * Names and places the learned tagger finds where the rules stop: names with no list and no
 * cue, the surname beside a known given name, lower-case transcripts. A span made only of
 * function words or stop words is never taken.
 */
export function findTaggedNames(
  model: TaggerModel,
  text: string,
  tokens: readonly Token[],
  lowercase: boolean,
  emit: Emit,
): void {
  if (tokens.length === 0 || model.weights.size === 0) return;
  const { tags, margins } = decode(model, text, tokens, lowercase);
  const flags = gazetteer().flags;
  for (const s of tagSpans(tags, margins)) {
    if (s.margin < TAGGER_MIN_MARGIN) continue;
    // English contractions ("I'm", "don't", "what's") are never a name; "O'Brien" keeps its capital.
    // Nor a number word ("six", "zwanzig"): spoken numbers belong to the structured recognizers.
    let excluded = false;
    for (let i = s.from; i <= s.to; i++)
      excluded ||=
        isContraction(tokens[i]!.lower, flags) || digitsOf(tokens[i]!.lower) !== undefined;
    if (excluded) continue;
    let content = false;
    for (let i = s.from; i <= s.to && !content; i++)
      content = (tokens[i]!.f & (FUNCTION | STOP)) === 0;
    if (!content) continue;
    emit(tokens[s.from]!.start, tokens[s.to]!.end, s.type, TAGGER_SCORE);
  }
}
