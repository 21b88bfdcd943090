import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConsentSnapshot } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import { rejectedPlace } from '../../gate/build-writer.js';
import { type Policy, REASONS } from '../../policy/index.js';
import { parseRfc3339 } from '../../records/time.js';
import { type EnqueueResult, enqueueForReview } from '../../review/enqueue.js';
import { EXPORT_STATUSES, type ExportStatus } from '../../review/export.js';
import {
  EXPORT_FILE_FORMATS,
  type ExportFileFormat,
  type ExportHeader,
  writeExportFile,
} from '../../review/export-file.js';
import { DEFAULT_LABELS, type LabelsSchema } from '../../review/model.js';
import { DEFAULT_REVIEW_POLICY, prepareAudio, stripImage } from '../../review/reviewer-copies.js';
import { parseLabelsSchema } from '../../review/validate.js';
import type { Config } from '../../runtime/config.js';
import { print, withSession } from '../io.js';
import { loadMapping } from '../mapping-option.js';
import { table } from '../output.js';
import { collect, loadPolicy, piiKeyOf } from '../policy-options.js';
import { terminalText } from '../terminal-text.js';

interface EnqueueFlags {
  input?: string[];
  map?: string;
  policy?: string;
  k?: string;
  labels?: string;
  json?: boolean;
}

const SHOWN = 20;

export function registerReview(program: Command): void {
  const review = program.command('review').description('human review of collected items');
  review
    .command('enqueue')
    .description(
      'queue items for human review: decided as a build decides for purpose human_review, text and transcripts redacted, recordings anonymised and bleeped',
    )
    .option(
      '--input <file>',
      'records as `obhut build` reads them (.jsonl, .jsonl.gz, .jsonl.zst, .parquet, .tar, .warc, or a folder of them); repeat for several (required)',
      collect,
    )
    .option(
      '--map <file>',
      "mapping (YAML or JSON) from the inputs' columns to item record fields (docs/mapping.md)",
    )
    .option('--policy <file>', 'policy file (JSON or YAML) with purpose human_review')
    .option('--k <n>', 'reviewers per item', '1')
    .option('--labels <file>', 'labels schema (JSON: [{ "name", "options": […], "multiple"? }])')
    .option('--json', 'print the result as JSON')
    .action(async (flags: EnqueueFlags) => {
      const result = await reviewEnqueueCommand(flags);
      print(flags.json, result, () => summaryText(result));
    });
  review
    .command('export')
    .description(
      "write reviewers' answers (keyed reviewer ids), the majority and the agreement per question as JSON Lines or Parquet, redacted",
    )
    .requiredOption('--out <file>', 'the file to write (replaced atomically)')
    .option(
      '--format <format>',
      'output format: jsonl or parquet (header as key-value metadata)',
      'jsonl',
    )
    .option('--status <status>', 'done (all k answers in) or all (open tasks too)', 'done')
    .option('--since <time>', 'only tasks with an answer given at or after this RFC 3339 time')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: ExportFlags) => {
      const header = await reviewExportCommand(flags);
      print(flags.json, exportSummary(header, flags.out), () => exportText(header, flags.out));
    });
}

interface ExportFlags {
  out: string;
  format?: string;
  status?: string;
  since?: string;
  json?: boolean;
}

export async function reviewExportCommand(
  flags: ExportFlags,
  config?: Config,
): Promise<ExportHeader> {
  const format = (flags.format ?? 'jsonl') as ExportFileFormat;
  if (!EXPORT_FILE_FORMATS.includes(format))
    throw new ObhutError('USAGE', `--format must be one of ${EXPORT_FILE_FORMATS.join(', ')}`);
  const status = (flags.status ?? 'done') as ExportStatus;
  if (!EXPORT_STATUSES.includes(status))
    throw new ObhutError('USAGE', `--status must be one of ${EXPORT_STATUSES.join(', ')}`);
  let since: string | undefined;
  if (flags.since !== undefined) {
    const ms = parseRfc3339(flags.since);
    if (ms === undefined)
      throw new ObhutError('USAGE', `--since "${flags.since}" is not an RFC 3339 date-time`);
    since = new Date(ms).toISOString();
  }
  return withSession(
    (session) =>
      writeExportFile(
        session.store.review,
        { status, ...(since === undefined ? {} : { since }), secret: session.secret },
        flags.out,
        new Date(),
        format,
      ),
    config,
  );
}

function exportSummary(header: ExportHeader, out: string) {
  return {
    out,
    items: header.items,
    answers: header.answers,
    status: header.status,
    since: header.since,
    agreement: header.agreement,
  };
}

function exportText(header: ExportHeader, out: string): string {
  const rows: [string, string | number][] = [
    ['tasks', header.items],
    ['answers', header.answers],
  ];
  for (const [name, a] of Object.entries(header.agreement))
    rows.push([
      `alpha ${name}`,
      a.alpha === null
        ? `n/a (${a.items} items with 2+ answers)`
        : `${a.alpha.toFixed(3)} (${a.items} items)`,
    ]);
  return [terminalText(`Wrote ${out}`), table(rows)].join('\n');
}

export async function reviewEnqueueCommand(
  flags: EnqueueFlags,
  config?: Config,
): Promise<EnqueueResult> {
  if (!flags.input || flags.input.length === 0)
    throw new ObhutError('USAGE', "required option '--input <file>' not specified");
  const k = Number(flags.k ?? 1);
  if (!Number.isInteger(k) || k < 1 || k > 20)
    throw new ObhutError('USAGE', '--k must be an integer from 1 to 20');
  const policy = flags.policy ? await loadReviewPolicy(flags.policy) : DEFAULT_REVIEW_POLICY;
  const labels = flags.labels ? await loadLabels(flags.labels) : DEFAULT_LABELS;
  const mapping = flags.map === undefined ? undefined : await loadMapping(flags.map);
  const inputs = flags.input;
  return withSession(async (session) => {
    const now = new Date();
    // Every event stored up to now counts, logged under a checkpoint or not: for review the
    // newest objection must win.
    const consent = await loadConsentSnapshot(
      session.store,
      'human_review',
      now.toISOString(),
      now.getTime(),
    );
    return enqueueForReview({
      inputs,
      ...(mapping ? { mapping } : {}),
      policy,
      consent,
      store: session.store,
      secret: session.secret,
      home: session.config.home,
      k,
      labels,
      prepareAudio,
      prepareImage: stripImage,
      ...piiKeyOf(policy),
      now,
    });
  }, config);
}

async function loadReviewPolicy(file: string): Promise<Policy> {
  const policy = await loadPolicy(file);
  if (policy.purpose !== 'human_review') {
    throw new ObhutError(
      'POLICY_INVALID',
      `policy ${file} is for ${policy.purpose}; review needs "purpose: human_review"`,
    );
  }
  return policy;
}

async function loadLabels(file: string): Promise<LabelsSchema> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ObhutError('USAGE', `cannot read labels ${file}: ${(err as Error).message}`);
  }
  const parsed = parseLabelsSchema(value);
  if (!parsed.ok) throw new ObhutError('USAGE', `labels ${file}: ${parsed.error}`);
  return parsed.value;
}

export function summaryText(result: EnqueueResult): string {
  const { counts } = result;
  const lines = [
    table([
      ['records read', counts.read],
      ['queued', counts.queued],
      ['excluded', counts.excluded],
      ...REASONS.filter((r) => result.excludedByReason[r] > 0).map((r) => [
        `  ${r}`,
        result.excludedByReason[r],
      ]),
      ['rejected', counts.rejected],
    ]),
  ];
  for (const e of result.excluded.slice(0, SHOWN))
    lines.push(terminalText(`excluded ${rejectedPlace(e)} ${e.id}: ${e.reasons.join(', ')}`));
  if (result.excluded.length > SHOWN)
    lines.push(`… and ${result.excluded.length - SHOWN} more excluded (--json lists all)`);
  for (const r of result.rejected.slice(0, SHOWN))
    lines.push(terminalText(`rejected ${rejectedPlace(r)}: [${r.code}] ${r.error}`));
  if (result.rejected.length > SHOWN)
    lines.push(`… and ${result.rejected.length - SHOWN} more rejected (--json lists all)`);
  return lines.join('\n');
}
