import type { ResolvedOptions } from './options.js';
import type { LinePlan } from './plan.js';
import { type Rng, Weighted } from './random.js';
import { pickSubjectIndex, type Subject, subjectAt } from './subjects.js';
import { imageCaption, type Language, socialPost, transcript } from './text.js';

// Builds one item record (v1) as a plain object in the contract's field order; JSON.stringify
// keeps insertion order, so the lines read like the documented example.

export type ItemRecord = Record<string, unknown> & { id?: string };

const DAY = 86_400_000;
const SOCIAL_COLLECTION_START = Date.UTC(2025, 4, 1); // social-crawl@2025.05 ran in May 2025
const VOICE_COLLECTION_START = Date.UTC(2025, 3, 1); // the transcript export is from April 2025
const COLLECTION_DAYS = 30;

const SOCIAL_LICENSES = new Weighted([
  ['platform-terms', 55],
  ['CC-BY-4.0', 20],
  ['CC-BY-NC-4.0', 8],
  ['CC0-1.0', 5],
  ['proprietary', 12],
]);
const SOCIAL_BASES = new Weighted([
  ['legitimate_interest', 80],
  ['consent', 12],
  ['contract', 8],
]);
const VOICE_BASES = new Weighted([
  ['contract', 55],
  ['consent', 45],
]);
const SOCIAL_COLLECTORS = new Weighted([
  ['crawler-eu-1@3.4.2', 60],
  ['crawler-us-2@3.4.2', 25],
  ['partner-feed:mediawatch', 15],
]);
const DEVICES = ['kitchen-speaker', 'living-room-display', 'phone-app', 'car', 'smart-watch'];
const SHORTCODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Provenance fields a partial record may lack; dataset always survives, it names the export.
const DROPPABLE = ['url', 'collected_at', 'collector', 'license', 'legal_basis'] as const;

export function buildItem(options: ResolvedOptions, plan: LinePlan, rng: Rng): ItemRecord {
  const { kind } = plan;
  const voice = kind === 'audio';
  const subjectIndex = pickSubjectIndex(rng, options.layout, voice);
  // pickSubjectIndex only fails for an empty part of the pool, and the planner never makes
  // audio lines without voice subjects; social subjects always exist (the pool has >= 1).
  const subject = subjectAt(options.key, options.layout, Math.max(0, subjectIndex));
  // People mostly write in their own language, now and then in the other one.
  const lang: Language = rng.chance(0.9) ? subject.lang : subject.lang === 'de' ? 'en' : 'de';

  const collectedMs =
    (voice ? VOICE_COLLECTION_START : SOCIAL_COLLECTION_START) +
    rng.int((COLLECTION_DAYS * DAY) / 1000) * 1000;
  // Recent posts dominate a crawl: the cube skews the age towards zero, up to ~4 years back.
  const ageDays = voice ? rng.next() ** 2 * 300 : rng.next() ** 3 * 1500;
  const createdMs = collectedMs - Math.floor((ageDays * DAY) / 1000) * 1000 - rng.int(3600) * 1000;

  const record: ItemRecord = { id: plan.id, kind };
  record.text =
    kind === 'audio'
      ? transcript(rng, lang)
      : kind === 'image'
        ? imageCaption(rng, lang)
        : socialPost(rng, lang);
  if (plan.media !== undefined) record.media = plan.media;
  record.subject = subjectJson(subject);
  record.visibility = rng.chance(0.08) ? 'private' : 'public';
  record.created_at = iso(createdMs);
  const source = sourceOf(rng, plan, subject, collectedMs);
  if (source) record.source = source;
  const signals = rng.next();
  if (signals < 0.02) record.signals = { tdm_reserved: true };
  else if (signals < 0.06) record.signals = { tdm_reserved: false };
  addExtras(rng, record, subject, lang, voice);
  return record;
}

/** RFC 3339 without milliseconds, as platform exports write it: 2025-05-01T10:00:00Z. */
export function iso(ms: number): string {
  // Date#toISOString was an eighth of the generator's time; the corpus spans a few thousand
  // days, so the date part is cached per day and the time of day is assembled from a table.
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let date = DATE_CACHE.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 11);
    DATE_CACHE.set(day, date);
  }
  const rest = seconds - day * 86_400;
  const minutes = Math.floor(rest / 60);
  return `${date}${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${TWO_DIGITS[rest % 60]}Z`;
}

const DATE_CACHE = new Map<number, string>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

function subjectJson(subject: Subject): Record<string, string> {
  const json: Record<string, string> = { platform: subject.platform, account: subject.account };
  if (subject.age !== undefined) json.age = subject.age;
  json.region = subject.region;
  return json;
}

function sourceOf(
  rng: Rng,
  plan: LinePlan,
  subject: Subject,
  collectedMs: number,
): Record<string, string> | undefined {
  const completeness = rng.next();
  if (completeness < 0.02) return undefined; // provenance lost entirely
  const voice = subject.platform === 'voice-assistant';
  const source: Record<string, string> = {
    url: urlOf(rng, plan, subject),
    collected_at: iso(collectedMs),
    collector: voice ? 'va-export@1.8' : SOCIAL_COLLECTORS.pick(rng),
    dataset: voice ? 'assistant-transcripts@2025.04' : 'social-crawl@2025.05',
    license: voice ? 'proprietary' : SOCIAL_LICENSES.pick(rng),
    legal_basis: (voice ? VOICE_BASES : SOCIAL_BASES).pick(rng),
  };
  if (completeness < 0.09) {
    // One or two fields missing: what a half-migrated collector or a manual upload leaves behind.
    for (let n = rng.between(1, 2); n > 0; n--) Reflect.deleteProperty(source, rng.pick(DROPPABLE));
  }
  return source;
}

function urlOf(rng: Rng, plan: LinePlan, subject: Subject): string {
  switch (subject.platform) {
    case 'instagram': {
      let code = '';
      for (let i = 0; i < 11; i++) code += SHORTCODE[rng.int(64)];
      return `https://www.instagram.com/p/${code}/`;
    }
    case 'facebook':
      return plan.kind === 'image'
        ? `https://www.facebook.com/photo/?fbid=${digits(rng, 16)}`
        : `https://www.facebook.com/${subject.account}/posts/${digits(rng, 16)}`;
    case 'x':
      return `https://x.com/i/status/${digits(rng, 19)}`;
    case 'voice-assistant':
      return `https://assistant.example.net/history/${subject.account}/${plan.id}`;
  }
}

/** A decimal string of `n` digits, first digit non-zero, built in chunks for speed. */
function digits(rng: Rng, n: number): string {
  let out = String(rng.between(1, 9));
  while (out.length < n) out += String(rng.int(1e6)).padStart(6, '0');
  return out.slice(0, n);
}

// Fields outside the contract that real exports carry; consumers must pass them through.
function addExtras(
  rng: Rng,
  record: ItemRecord,
  subject: Subject,
  lang: Language,
  voice: boolean,
): void {
  if (rng.chance(0.45)) record.lang = lang;
  if (voice) {
    if (rng.chance(0.4)) record.duration_ms = rng.between(700, 9000);
    if (rng.chance(0.25)) record.device = rng.pick(DEVICES);
    return;
  }
  if (rng.chance(0.3)) record.likes = Math.floor(rng.next() ** 4 * 5000);
  if (subject.platform !== 'instagram' && rng.chance(0.1))
    record.reposts = Math.floor(rng.next() ** 4 * 800);
  if (rng.chance(0.03)) record.edited = true;
}
