// Review results out: each task's answers with the reviewers as keyed pseudonyms, the majority
// per question and how well the reviewers agreed, for `obhut review export` and the leads'
// agreement figures. What reviewers typed (a comment, a corrected transcript) goes through PII
// redaction first; nothing of the subject and no staff username is ever part of it.

import { createHmac } from 'node:crypto';
import {
  answerValue,
  majorityAnswer,
  NominalAlpha,
  pairwiseAgreement,
  type QuestionAgreement,
} from './agreement.js';
import type { AgreementView, LocalText } from './api-types.js';
import type { LabelDefinition } from './model.js';
import type { ExportedTask, ReviewExport } from './review-store.js';

export const EXPORT_STATUSES = ['done', 'all'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Tasks read per page. */
const PAGE = 200;

export interface ExportOptions {
  /** `done`: tasks with all k answers; `all`: open ones too (never removed or flagged tasks). */
  readonly status: ExportStatus;
  /** Only tasks with an answer given at or after this time (ISO 8601 UTC). */
  readonly since?: string;
  /** The home's pseudonymisation secret: reviewers are named by a keyed hash of their staff id. */
  readonly secret: Uint8Array;
}

export interface ExportQuestion {
  name: string;
  multiple: boolean;
  text?: LocalText;
  options: { value: string; text?: LocalText }[];
}

export interface ExportAnswer {
  reviewer: string;
  labels: Record<string, string | readonly string[]>;
  transcript?: string;
  comment?: string;
  answered_at: string;
}

/** One line of the export per task. */
export interface ExportItem {
  type: 'item';
  task_id: string;
  item_id: string;
  record_id: string | null;
  kind: string;
  status: string;
  k: number;
  created_at: string;
  updated_at: string;
  questions: string[];
  answers: ExportAnswer[];
  /** Per question: the majority answer (null without a strict majority). */
  majority: Record<string, string | string[] | null>;
  /** Per question: the share of agreeing pairs of answers (null with fewer than two). */
  agreement: Record<string, number | null>;
}

export interface ExportSummary {
  items: number;
  answers: number;
  questions: ExportQuestion[];
  /** Per question: Krippendorff's alpha (nominal) over the exported items with two answers or more. */
  agreement: Record<string, QuestionAgreement>;
}

const STATUSES = { done: ['done'], all: ['open', 'done'] } as const;

/**
 * Reads every task the options select, a page at a time, hands each one's export line to
 * `onItem` and returns the totals and the agreement over all of them.
 */
export async function collectExport(
  store: ReviewExport,
  options: ExportOptions,
  onItem: (item: ExportItem) => void | Promise<void>,
): Promise<ExportSummary> {
  const questions = new Map<string, LabelDefinition>();
  const alphas = new Map<string, NominalAlpha>();
  let items = 0;
  let answers = 0;
  const reviewerId = reviewerPseudonym(options.secret);
  const redact = await reviewerTextRedaction();
  let after: string | undefined;
  for (;;) {
    const page = await store.exportPage({
      statuses: STATUSES[options.status],
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(after === undefined ? {} : { after }),
      limit: PAGE,
    });
    for (const task of page) {
      for (const q of task.labels ?? []) if (!questions.has(q.name)) questions.set(q.name, q);
      const item = exportItem(task, reviewerId, redact);
      for (const name of item.questions) {
        const values = task.answers.flatMap((a) => answerValue(a.answer, name) ?? []);
        const alpha = alphas.get(name) ?? new NominalAlpha();
        alpha.add(values);
        alphas.set(name, alpha);
      }
      items++;
      answers += item.answers.length;
      await onItem(item);
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.task.id;
  }
  const names = new Set([...questions.keys(), ...alphas.keys()]);
  return {
    items,
    answers,
    questions: [...questions.values()].map(exportQuestion),
    agreement: Object.fromEntries(
      [...names].map((name) => [
        name,
        alphas.get(name)?.result() ?? { alpha: null, items: 0, answers: 0 },
      ]),
    ),
  };
}

function exportItem(
  task: ExportedTask,
  reviewerId: (staff: string) => string,
  redact: (text: string) => string,
): ExportItem {
  // The item's questions; once its view is deleted, the ones its answers name.
  const definitions = task.labels ?? [];
  const names = definitions.length
    ? definitions.map((q) => q.name)
    : [...new Set(task.answers.flatMap((a) => Object.keys(a.answer.labels)))];
  const byName = new Map(definitions.map((q) => [q.name, q]));
  const majority: ExportItem['majority'] = {};
  const agreement: ExportItem['agreement'] = {};
  for (const name of names) {
    const given = task.answers.flatMap((a) => a.answer.labels[name] ?? []);
    const multiple = byName.get(name)?.multiple ?? given.some((g) => typeof g !== 'string');
    majority[name] = majorityAnswer({ multiple }, given);
    agreement[name] = pairwiseAgreement(
      task.answers.flatMap((a) => answerValue(a.answer, name) ?? []),
    );
  }
  return {
    type: 'item',
    task_id: task.task.id,
    item_id: task.task.item,
    record_id: task.recordId ?? null,
    kind: task.kind,
    status: task.task.status,
    k: task.task.k,
    created_at: task.task.createdAt,
    updated_at: task.updatedAt,
    questions: names,
    answers: task.answers.map((a) => ({
      reviewer: reviewerId(a.reviewer),
      labels: { ...a.answer.labels },
      ...(a.answer.transcript === undefined ? {} : { transcript: redact(a.answer.transcript) }),
      ...(a.comment === undefined ? {} : { comment: redact(a.comment) }),
      answered_at: a.answeredAt,
    })),
    majority,
    agreement,
  };
}

function exportQuestion(q: LabelDefinition): ExportQuestion {
  return {
    name: q.name,
    multiple: q.multiple === true,
    ...(q.text === undefined ? {} : { text: q.text }),
    options: q.options.map((value) => {
      const text = q.optionTexts?.[value];
      return text === undefined ? { value } : { value, text };
    }),
  };
}

/**
 * A reviewer as the export names them: HMAC-SHA-256 of the staff id under the home's secret,
 * 128 bits. Stable across exports (so one reviewer's answers can be compared), but neither the
 * username nor the staff id, and not computable without the secret.
 */
export function reviewerPseudonym(secret: Uint8Array): (staffId: string) => string {
  const cache = new Map<string, string>();
  return (staffId) => {
    let id = cache.get(staffId);
    if (id === undefined) {
      id = `rv_${createHmac('sha256', secret).update('obhut/review-export-reviewer\0').update(staffId).digest('hex').slice(0, 32)}`;
      cache.set(staffId, id);
    }
    return id;
  };
}

/**
 * Free text a reviewer typed, with personal data replaced by placeholders such as [PERSON_1].
 * The PII detector is loaded on the first export, not with this module: `obhut serve` loads this
 * module for the review API, and the detector's tables are ~1.3 MB of code it would otherwise
 * parse at every start (issue 13).
 */
async function reviewerTextRedaction(): Promise<(text: string) => string> {
  const { detectPii, Replacer, redactText } = await import('../pii/index.js');
  return (text) => {
    const spans = detectPii(text);
    return spans.length === 0 ? text : redactText(text, spans, new Replacer({})).text;
  };
}

/**
 * How well reviewers agree so far, per question, over open and done tasks: what a lead sees in
 * the console. Nobody is named; only alpha and its counts.
 */
export async function agreementView(
  store: ReviewExport,
  secret: Uint8Array,
): Promise<AgreementView> {
  const summary = await collectExport(store, { status: 'all', secret }, () => undefined);
  const texts = new Map(summary.questions.map((q) => [q.name, q.text]));
  return {
    tasks: summary.items,
    questions: Object.entries(summary.agreement).map(([name, a]) => {
      const text = texts.get(name);
      return { name, ...(text === undefined ? {} : { text }), ...a };
    }),
  };
}

/**
 * One page of the export for the API: up to `limit` task lines after the cursor (a task id), and
 * the cursor of the next page (null on the last).
 */
export async function exportPageView(
  store: ReviewExport,
  options: ExportOptions,
  page: { after?: string; limit: number },
): Promise<{ items: ExportItem[]; next_cursor: string | null }> {
  const tasks = await store.exportPage({
    statuses: STATUSES[options.status],
    ...(options.since === undefined ? {} : { since: options.since }),
    ...(page.after === undefined ? {} : { after: page.after }),
    limit: page.limit + 1,
  });
  const reviewerId = reviewerPseudonym(options.secret);
  const redact = await reviewerTextRedaction();
  const shown = tasks.slice(0, page.limit);
  return {
    items: shown.map((t) => exportItem(t, reviewerId, redact)),
    next_cursor: tasks.length > page.limit ? shown.at(-1)!.task.id : null,
  };
}
