import type { Rng } from './random.js';

// A tiny template grammar: each rule is a list of alternatives, and an alternative may name other
// rules as `{rule}` (or `{^rule}` to capitalise the first letter). Templates are compiled once at
// load time into literal/slot parts, so rendering a sentence is a handful of picks and string
// concatenations: fast enough for a million records, and combinatorially varied.

export type GrammarSource = Readonly<Record<string, readonly string[]>>;

interface Slot {
  readonly name: string;
  readonly capitalise: boolean;
  /** Linked after all rules are compiled, so rendering needs no map look-ups. */
  alternatives: readonly Template[];
}

type Template = readonly (string | Slot)[];

const SLOT = /\{(\^?)([a-z_]+)\}/g;
// Rules are written by hand and never recursive; the limit turns an accidental cycle into an
// error instead of a stack overflow.
const MAX_DEPTH = 12;

export class Grammar {
  private readonly rules = new Map<string, readonly Template[]>();

  constructor(source: GrammarSource) {
    const slots: Slot[] = [];
    for (const [name, alternatives] of Object.entries(source)) {
      if (alternatives.length === 0) throw new Error(`grammar rule "${name}" has no alternatives`);
      this.rules.set(
        name,
        alternatives.map((text) => compile(text, slots)),
      );
    }
    for (const slot of slots) {
      const alternatives = this.rules.get(slot.name);
      if (!alternatives) throw new Error(`grammar refers to an unknown rule "${slot.name}"`);
      slot.alternatives = alternatives;
    }
  }

  has(rule: string): boolean {
    return this.rules.has(rule);
  }

  render(rng: Rng, rule: string): string {
    const alternatives = this.rules.get(rule);
    if (!alternatives) throw new Error(`unknown grammar rule "${rule}"`);
    return expand(rng, rng.pick(alternatives), 0);
  }
}

function compile(text: string, slots: Slot[]): Template {
  const parts: (string | Slot)[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const slot: Slot = { name: match[2]!, capitalise: match[1] === '^', alternatives: [] };
    slots.push(slot);
    parts.push(slot);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function expand(rng: Rng, template: Template, depth: number): string {
  if (depth > MAX_DEPTH) throw new Error('grammar nests too deeply (is a rule recursive?)');
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
    } else {
      const text = expand(rng, rng.pick(part.alternatives), depth + 1);
      out += part.capitalise ? capitalise(text) : text;
    }
  }
  return out;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
