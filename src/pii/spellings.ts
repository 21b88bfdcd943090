/**
 * A word as written, with what follows from its letters alone: its lower case, list bits and
 * capital, worked out once per spelling rather than once per token (no lower-casing, no look-up
 * in the large list map for a word seen before). The tagger keeps its per-word sums here too.
 */
export interface Spelling {
  /** The list map whose bits `f` holds (the table's). */
  readonly flags: ReadonlyMap<string, number>;
  readonly text: string;
  readonly lower: string;
  readonly f: number;
  readonly cap: boolean;
  /** The tagger's data for this spelling (`tagger.ts`), valid for `memoOwner` only. */
  memo: unknown;
  memoOwner: object | undefined;
  /** `digitsOf(lower)` (`spoken-numbers.ts`) once asked; null for none, undefined until asked. */
  digits: string | null | undefined;
  /** Verdicts of the word hints (`word-hints.ts`), one bit each, valid where `hintsKnown` has it. */
  hints: number;
  hintsKnown: number;
}

/**
 * Spellings seen before, by the characters of the text (open addressing over an FNV-1a hash of
 * the UTF-16 units, compared unit by unit), so that a known word costs neither a slice nor a
 * lower-casing. One table per list map; emptied when full, so it stays bounded.
 */
export class SpellingTable {
  private readonly slots = new Int32Array(SLOTS).fill(-1);
  private entries: Spelling[] = [];

  constructor(private readonly flags: ReadonlyMap<string, number>) {}

  get(text: string, start: number, end: number): Spelling {
    let h = FNV_START;
    for (let i = start; i < end; i++) h = fnvStep(h, text.charCodeAt(i));
    return this.getHashed(text, start, end, h);
  }

  /** As `get`, given the FNV-1a hash of the units (`FNV_START`, then `fnvStep` per unit). */
  getHashed(text: string, start: number, end: number, h: number): Spelling {
    const mask = SLOTS - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    const length = end - start;
    for (;;) {
      const at = this.slots[slot]!;
      if (at < 0) break;
      const e = this.entries[at]!;
      if (e.text.length === length && sameUnits(e.text, text, start, length)) return e;
      slot = (slot + 1) & mask;
    }
    if (this.entries.length >= SPELLING_LIMIT) {
      this.slots.fill(-1);
      this.entries = [];
      return this.getHashed(text, start, end, h);
    }
    const w = text.slice(start, end);
    const lower = w.toLowerCase();
    const e: Spelling = {
      flags: this.flags,
      text: w,
      lower,
      f: this.flags.get(lower) ?? 0,
      cap: w[0] !== lower[0],
      memo: undefined,
      memoOwner: undefined,
      digits: undefined,
      hints: 0,
      hintsKnown: 0,
    };
    this.slots[slot] = this.entries.length;
    this.entries.push(e);
    return e;
  }
}

/** The FNV-1a hash of no units, and the step that adds one. */
export const FNV_START = 0x811c9dc5;
export function fnvStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

// A quarter full at most: short probe runs.
const SLOTS = 1 << 17;
const SPELLING_LIMIT = SLOTS >> 2;

function sameUnits(a: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const spellingTables = new WeakMap<ReadonlyMap<string, number>, SpellingTable>();

/** The table of spellings whose list bits come from `flags` (one per map). */
export function spellingTable(flags: ReadonlyMap<string, number>): SpellingTable {
  let table = spellingTables.get(flags);
  if (table === undefined) {
    table = new SpellingTable(flags);
    spellingTables.set(flags, table);
  }
  return table;
}
