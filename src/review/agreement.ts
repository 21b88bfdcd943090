// How well reviewers agree: Krippendorff's alpha for nominal data, per question, over the items
// with at least two answers (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
// Missing answers are fine: each item counts with however many answers it has.

import type { LabelDefinition, ReviewAnswer } from './model.js';

/** A question's agreement: alpha (null when undefined: no pairable item, or one value only). */
export interface QuestionAgreement {
  readonly alpha: number | null;
  /** Items with at least two answers to the question (the pairable units). */
  readonly items: number;
  /** Answers in those items (the pairable values, n). */
  readonly answers: number;
}

/**
 * Builds up the coincidence matrix one item at a time, so an export of any size needs memory
 * only for the distinct values: o(c,k) = Σ over items of the ordered pairs of answers (c, k)
 * from different reviewers, each divided by (answers in the item − 1).
 */
export class NominalAlpha {
  readonly #coincidence = new Map<string, Map<string, number>>();
  #items = 0;
  #answers = 0;

  /** Adds one item's answers (one value per reviewer); items with fewer than two are skipped. */
  add(values: readonly string[]): void {
    const m = values.length;
    if (m < 2) return;
    this.#items++;
    this.#answers += m;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts)
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs === 0) continue;
        const row = this.#coincidence.get(c) ?? new Map<string, number>();
        row.set(k, (row.get(k) ?? 0) + pairs / (m - 1));
        this.#coincidence.set(c, row);
      }
  }

  /** α = 1 − (n − 1) · Σ_{c≠k} o(c,k) / Σ_{c≠k} n_c·n_k. */
  result(): QuestionAgreement {
    const marginal = new Map<string, number>();
    let n = 0;
    let disagreeing = 0;
    for (const [c, row] of this.#coincidence)
      for (const [k, o] of row) {
        marginal.set(c, (marginal.get(c) ?? 0) + o);
        n += o;
        if (c !== k) disagreeing += o;
      }
    let expected = 0;
    for (const [c, nc] of marginal)
      for (const [k, nk] of marginal) if (c !== k) expected += nc * nk;
    const alpha = expected === 0 ? null : 1 - ((n - 1) * disagreeing) / expected;
    return { alpha, items: this.#items, answers: this.#answers };
  }
}

/**
 * One answer to one question as a nominal value: the option, or for a multiple-choice question
 * the chosen set (sorted, joined), so two reviewers agree when they chose the same options.
 */
export function answerValue(answer: ReviewAnswer, question: string): string | undefined {
  const given = answer.labels[question];
  if (given === undefined) return undefined;
  if (typeof given === 'string') return given;
  return JSON.stringify([...given].sort());
}

/**
 * The share of agreeing pairs among an item's answers to one question (null with fewer than
 * two answers): what a lead reads per item beside the alpha over all of them.
 */
export function pairwiseAgreement(values: readonly string[]): number | null {
  const m = values.length;
  if (m < 2) return null;
  let agreeing = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) if (values[i] === values[j]) agreeing++;
  return agreeing / ((m * (m - 1)) / 2);
}

/**
 * The majority answer to a question: the option more than half the answers chose, or for a
 * multiple-choice question each option more than half of them ticked; null when there is no
 * strict majority (a tie, or too few answers).
 */
export function majorityAnswer(
  question: Pick<LabelDefinition, 'multiple'>,
  given: readonly (string | readonly string[])[],
): string | string[] | null {
  if (given.length === 0) return null;
  const counts = new Map<string, number>();
  for (const g of given)
    for (const option of typeof g === 'string' ? [g] : g)
      counts.set(option, (counts.get(option) ?? 0) + 1);
  const chosen = [...counts].filter(([, n]) => n * 2 > given.length).map(([o]) => o);
  if (question.multiple) return chosen.sort();
  return chosen[0] ?? null;
}
