import type { ResolvedOptions } from './options.js';
import { hash3, unit } from './random.js';

// What each item line will be (kind, id, bad or not) is decided from hashes of the line index
// alone, before any text is generated. That lets mediaFiles() and the tests know which lines are
// images or deliberately bad without generating, parsing or guessing.

export type ItemKind = 'text' | 'image' | 'audio';

export const BAD_LINE_KINDS = [
  'truncated-json',
  'missing-id',
  'invalid-kind',
  'wrong-type',
  'invalid-region',
  'duplicate-id',
] as const;
export type BadLineKind = (typeof BAD_LINE_KINDS)[number];

export interface LinePlan {
  /** 0-based line number. */
  readonly index: number;
  readonly kind: ItemKind;
  /** The id the line carries unless it is bad (a duplicate-id line repeats an earlier id). */
  readonly id: string;
  /** Set on image lines, bad or not; mediaFiles() writes a file for each of them. */
  readonly media: string | undefined;
  readonly bad: BadLineKind | undefined;
}

// Voice transcripts are a quarter of the items that are not images.
const AUDIO_SHARE = 0.25;
const SALT_KIND = 0x6b1d0001;
const SALT_BAD = 0x6b1d0002;
const SALT_BAD_KIND = 0x6b1d0003;
const ID_PREFIX: Record<ItemKind, string> = { text: 'post', image: 'img', audio: 'tr' };

/** Plans lines in order; sequential because a duplicate-id line needs an earlier good line. */
export class LinePlanner {
  private seenGood = false;

  constructor(private readonly options: ResolvedOptions) {}

  plan(index: number): LinePlan {
    const { key, imageRate, badLineRate, layout } = this.options;
    const u = unit(hash3(key, SALT_KIND, index));
    let kind: ItemKind = 'text';
    if (u < imageRate) kind = 'image';
    else if ((u - imageRate) / (1 - imageRate) < AUDIO_SHARE && layout.size > layout.social) {
      kind = 'audio';
    }
    const number = String(index + 1).padStart(7, '0');
    const id = `${ID_PREFIX[kind]}-${number}`;
    let bad: BadLineKind | undefined;
    if (badLineRate > 0 && unit(hash3(key, SALT_BAD, index)) < badLineRate) {
      bad = BAD_LINE_KINDS[hash3(key, SALT_BAD_KIND, index) % BAD_LINE_KINDS.length]!;
      if (bad === 'duplicate-id' && !this.seenGood) bad = 'missing-id';
    } else {
      this.seenGood = true;
    }
    return { index, kind, id, media: kind === 'image' ? `images/${id}.png` : undefined, bad };
  }
}
