import { iso } from './items.js';
import { type CorpusOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { hash3, Rng, Weighted } from './random.js';
import { subjectAt } from './subjects.js';

// Consent events (v1) for the corpus. The rule that makes the counts exact:
//
// - `objections` distinct subjects get an ai_training history whose LAST event is `object`;
// - `consents` other distinct subjects get one whose LAST event is `consent`;
// - further subjects, never from those two groups, get histories that end in `revoke_objection`
//   or `withdraw_consent` (no decision);
// - each subject's ai_training events have strictly increasing `at`, all within 2025;
// - human_review events are extra and never touch ai_training.
//
// So replaying "latest event with at <= T per subject and purpose decides" with T at or after
// 2025-12-31T23:59:59Z leaves exactly `objections` subjects objected and `consents` consented.
// An earlier T sees only the events so far, so its counts differ (objections arrive all year,
// and some final consenters had objected first); before 2025 nobody has decided anything.
// Lines are sorted by `at` (stable), as an export from a consent platform would be.

type Purpose = 'ai_training' | 'human_review';
type Action = 'object' | 'revoke_objection' | 'consent' | 'withdraw_consent';

interface Event {
  readonly subject: number;
  readonly purpose: Purpose;
  readonly action: Action;
  readonly atMs: number;
}

const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_SECONDS = 365 * 86_400;
const SALT_CONSENT = 0xc0de0001;

const OBJECTOR_HISTORIES = new Weighted<readonly Action[]>([
  [['object'], 80],
  [['object', 'object'], 6], // objected twice, e.g. by portal and again by email
  [['object', 'revoke_objection', 'object'], 6],
  [['consent', 'withdraw_consent', 'object'], 5],
  [['consent', 'object'], 3],
]);
const CONSENTER_HISTORIES = new Weighted<readonly Action[]>([
  [['consent'], 85],
  [['object', 'revoke_objection', 'consent'], 8],
  [['object', 'consent'], 7],
]);
const REVOKER_HISTORIES = new Weighted<readonly Action[]>([
  [['object', 'revoke_objection'], 85],
  [['object', 'revoke_objection', 'object', 'revoke_objection'], 15],
]);
const HUMAN_REVIEW_ACTIONS = new Weighted<Action>([
  ['object', 60],
  ['consent', 30],
  ['withdraw_consent', 10],
]);
const CHANNELS = new Weighted([
  ['portal', 55],
  ['email', 30],
  ['import', 15],
] as const);

export function* generateConsentLines(opts: CorpusOptions): Generator<string> {
  const options = resolveOptions(opts);
  const rng = new Rng(hash3(options.key, SALT_CONSENT, 0));
  const events = planEvents(options, rng);
  // Array.prototype.sort is stable, so events with equal `at` keep the order they were planned
  // in; within one subject and purpose `at` is strictly increasing anyway.
  events.sort((a, b) => a.atMs - b.atMs);
  for (const event of events) {
    const subject = subjectAt(options.key, options.layout, event.subject);
    const channel = CHANNELS.pick(rng);
    const line: Record<string, string> = {
      platform: subject.platform,
      account: subject.account,
      purpose: event.purpose,
      action: event.action,
      at: iso(event.atMs),
      channel,
    };
    if (rng.chance(0.55)) line.reference = reference(rng, channel, event);
    yield JSON.stringify(line);
  }
}

function planEvents(options: ResolvedOptions, rng: Rng): Event[] {
  const events: Event[] = [];
  const pick = distinctPicker(rng, options.subjects);
  const add = (subject: number, purpose: Purpose, actions: readonly Action[]) => {
    const times = increasingTimes(rng, actions.length);
    actions.forEach((action, i) => {
      events.push({ subject, purpose, action, atMs: times[i]! });
    });
  };

  for (let n = 0; n < options.objections; n++)
    add(pick()!, 'ai_training', OBJECTOR_HISTORIES.pick(rng));
  for (let n = 0; n < options.consents; n++)
    add(pick()!, 'ai_training', CONSENTER_HISTORIES.pick(rng));
  // About one in ten objectors and consenters has a counterpart who changed their mind for good.
  for (let n = Math.round(options.objections * 0.1); n > 0; n--) {
    const subject = pick();
    if (subject === undefined) break;
    add(subject, 'ai_training', REVOKER_HISTORIES.pick(rng));
  }
  for (let n = Math.round(options.consents * 0.1); n > 0; n--) {
    const subject = pick();
    if (subject === undefined) break;
    add(subject, 'ai_training', ['consent', 'withdraw_consent']);
  }
  // A few decisions about human review, by anyone in the pool.
  const humanReview = Math.ceil((options.objections + options.consents) * 0.05);
  for (let n = 0; n < humanReview; n++) {
    add(rng.int(options.subjects), 'human_review', [HUMAN_REVIEW_ACTIONS.pick(rng)]);
  }
  return events;
}

/**
 * Draws distinct pool indices without materialising the pool: a Fisher-Yates shuffle that
 * records only the swapped positions. Returns undefined once every index has been drawn.
 */
function distinctPicker(rng: Rng, size: number): () => number | undefined {
  const swapped = new Map<number, number>();
  let drawn = 0;
  return () => {
    if (drawn >= size) return undefined;
    const j = drawn + rng.int(size - drawn);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(drawn) ?? drawn);
    drawn++;
    return atJ;
  };
}

/** `n` strictly increasing whole-second instants within 2025. */
function increasingTimes(rng: Rng, n: number): number[] {
  const seconds: number[] = [];
  for (let i = 0; i < n; i++) seconds.push(rng.int(YEAR_SECONDS - n));
  seconds.sort((a, b) => a - b);
  // Equal draws would make the replay depend on line order; nudge them apart instead.
  for (let i = 1; i < n; i++) if (seconds[i]! <= seconds[i - 1]!) seconds[i] = seconds[i - 1]! + 1;
  return seconds.map((s) => YEAR_START + s * 1000);
}

function reference(rng: Rng, channel: 'portal' | 'email' | 'import', event: Event): string {
  const number = String(rng.int(1_000_000)).padStart(6, '0');
  switch (channel) {
    case 'portal':
      return rng.chance(0.5) ? `DSR-2025-${number}` : `privacy portal form #${number}`;
    case 'email':
      return rng.chance(0.5)
        ? `email ticket #${number}`
        : `${EMAIL_SUBJECTS[event.action]}, case ${number}`;
    case 'import':
      return `CMP batch import 2025-${String(rng.between(1, 12)).padStart(2, '0')} row ${rng.int(50_000)}`;
  }
}

const EMAIL_SUBJECTS: Record<Action, string> = {
  object: 'objection under Art. 21 GDPR by email',
  revoke_objection: 'objection withdrawn by email',
  consent: 'consent given by email',
  withdraw_consent: 'consent withdrawn under Art. 7(3) GDPR by email',
};
