import { randomInt } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../consent/index.js';
import { reviewDemo } from '../../demo/review-items.js';
import type { EnqueueResult } from '../../review/enqueue.js';
import type { LabelsSchema } from '../../review/model.js';
import { parseLabelsSchema } from '../../review/validate.js';
import { listenAddress } from '../../runtime/compose.js';
import { type Config, loadSettings } from '../../runtime/config.js';
import { addStaff, changePassword, ROLES, type Role } from '../../staff/index.js';
import { encodeWav } from '../../voice/index.js';
import { withSession } from '../io.js';
import { importConsent } from './consent.js';
import { summaryText as enqueueSummary, reviewEnqueueCommand } from './review.js';

// `obhut demo --review`: after the demo's build, in the same demo home, synthetic voice
// recordings with planted personal data are queued for human review (the same function as
// `obhut review enqueue`), and one member of staff per role gets a fresh random password, so a
// newcomer can start the server and try the console.

export const REVIEW_DEMO_K = 2;
/** The demo's labels file: two single-choice questions, asked in German and English. */
export const REVIEW_DEMO_LABELS_FILE = [
  {
    name: 'intent',
    text: { en: 'What does the speaker ask for?', de: 'Worum bittet die sprechende Person?' },
    options: [
      { value: 'weather', text: { en: 'The weather', de: 'Das Wetter' } },
      { value: 'music', text: { en: 'Music', de: 'Musik' } },
      { value: 'call', text: { en: 'A phone call', de: 'Einen Anruf' } },
      { value: 'other', text: { en: 'Something else', de: 'Etwas anderes' } },
    ],
  },
  {
    name: 'quality',
    text: { en: 'How is the recording?', de: 'Wie ist die Aufnahme?' },
    options: [
      { value: 'clear', text: { en: 'Clear', de: 'Deutlich' } },
      { value: 'noisy', text: { en: 'Noisy', de: 'Verrauscht' } },
      {
        value: 'wrong_wake',
        text: { en: 'Not meant for the assistant', de: 'Nicht an den Assistenten gerichtet' },
      },
    ],
  },
];
const parsedDemoLabels = parseLabelsSchema(REVIEW_DEMO_LABELS_FILE);
if (!parsedDemoLabels.ok) throw new Error(`the demo's labels: ${parsedDemoLabels.error}`);
export const REVIEW_DEMO_LABELS: LabelsSchema = parsedDemoLabels.value;
// No 0/o or 1/l/i: passwords are read off a terminal and typed into a browser.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface ReviewDemoStaff {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
  /** False when the member existed already: then the password (and role) were reset. */
  readonly created: boolean;
}

export interface ReviewDemoResult {
  readonly input: string;
  readonly recordings: number;
  readonly speakers: number;
  readonly objectors: number;
  readonly consent_import: ImportResult;
  readonly enqueue: EnqueueResult;
  readonly k: number;
  readonly labels: LabelsSchema;
  readonly staff: readonly ReviewDemoStaff[];
  readonly serve: string;
  readonly console: string;
}

export async function runReviewDemo(
  config: Config,
  options: { seed: number; corpusItems: number; count: number },
): Promise<ReviewDemoResult> {
  const input = path.join(config.home, 'review-input');
  await rm(input, { recursive: true, force: true });
  await mkdir(path.join(input, 'audio'), { recursive: true });
  const demo = reviewDemo(options);
  const itemsFile = path.join(input, 'recordings.jsonl');
  const eventsFile = path.join(input, 'events.jsonl');
  const labelsFile = path.join(input, 'labels.json');
  for (const item of demo.items)
    await writeFile(path.join(input, item.media), encodeWav(item.samples, item.sampleRate));
  await writeFile(itemsFile, lines(demo.items.map((i) => JSON.stringify(i.record))));
  // The answer key: what was planted where, to compare with what the reviewer gets.
  await writeFile(
    path.join(input, 'planted.jsonl'),
    lines(demo.items.map((i) => JSON.stringify({ id: i.id, planted: i.planted }))),
  );
  await writeFile(eventsFile, lines(demo.events));
  await writeFile(labelsFile, `${JSON.stringify(REVIEW_DEMO_LABELS_FILE, null, 2)}\n`);

  const imported = await importConsent(eventsFile, true, config);
  const enqueue = await reviewEnqueueCommand(
    { input: [itemsFile], k: String(REVIEW_DEMO_K), labels: labelsFile },
    config,
  );
  const staff = await demoStaff(config);
  const port = listenAddress(loadSettings()).port;
  return {
    input,
    recordings: demo.items.length,
    speakers: demo.speakers,
    objectors: demo.objectors,
    consent_import: imported,
    enqueue,
    k: REVIEW_DEMO_K,
    labels: REVIEW_DEMO_LABELS,
    staff,
    // The demo's log is signed for its own origin, so the server must be told it.
    serve: `OBHUT_HOME=${config.home} npx obhut serve`,
    console: `http://127.0.0.1:${port}/console/`,
  };
}

/** One member per role, named after it, with a new random password (reset if they exist). */
async function demoStaff(config: Config): Promise<ReviewDemoStaff[]> {
  return withSession(async ({ store }) => {
    const staff: ReviewDemoStaff[] = [];
    for (const role of ROLES) {
      const username = role;
      const password = randomPassword();
      const found = await store.staff.credentials(username);
      if (found) {
        await store.staff.update(found.member.id, { role, disabled: false });
        await changePassword(store.staff, found.member.id, password);
      } else {
        await addStaff(store.staff, { username, role, password });
      }
      staff.push({ username, role, password, created: !found });
    }
    return staff;
  }, config);
}

/** Four groups of four: 16 characters from 31, about 79 bits. */
function randomPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

export function reviewDemoText(result: ReviewDemoResult): string {
  const { counts } = result.enqueue;
  const width = Math.max(...result.staff.map((s) => s.username.length));
  return [
    `Generated ${result.recordings} voice recordings (synthetic voices of ${result.speakers} speakers, 16 kHz WAV, transcripts with planted names, phone numbers and addresses) in ${result.input}`,
    `Imported consent events: ${result.consent_import.inserted} new, ${result.consent_import.alreadyPresent} already present (${result.objectors} speaker(s) objected to human review)`,
    '',
    `Queued for human review: k = ${result.k} reviewers per item, labels ${result.labels.map((l) => `${l.name} (${l.options.join(', ')})`).join(' and ')}`,
    enqueueSummary(result.enqueue),
    ...(counts.rejected > 0 &&
    result.enqueue.rejected.every((r) => r.code === 'RECORD_DUPLICATE_ID')
      ? ['(queued by an earlier run: the queue keeps them, they are not queued twice)']
      : []),
    '',
    'Review console staff (new random passwords, one member per role):',
    ...result.staff.map((s) => `  ${s.username.padEnd(width)}  ${s.password}`),
    '',
    'Try the review console:',
    `  ${result.serve}`,
    `  open ${result.console} and sign in as reviewer (then as lead: k = ${result.k} needs two answers)`,
  ].join('\n');
}

function lines(values: readonly string[]): string {
  return values.length === 0 ? '' : `${values.join('\n')}\n`;
}
