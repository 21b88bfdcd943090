import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type BuildResult, DEFAULT_SHARD_RECORDS, runBuild } from '../../build/run-build.js';
import { ObhutError } from '../../errors/index.js';
import { DEFAULT_POLICY, type Policy, parsePolicy, REASONS } from '../../policy/index.js';
import { parseRfc3339 } from '../../records/index.js';
import type { Config } from '../../runtime/config.js';
import { loadConsentSnapshotIsolated } from '../../runtime/load-snapshot.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';
import { createProgress } from '../progress.js';

interface BuildFlags {
  input: string[];
  out: string;
  policy?: string;
  at?: string;
  strict?: boolean;
  overwrite?: boolean;
  shardRecords?: string;
  workers?: string;
  json?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'build a dataset: admitted items, excluded.jsonl, rejected.jsonl and manifest.json',
    )
    .requiredOption('--input <file>', 'item records (JSONL); repeat for several', collect)
    .requiredOption('--out <dir>', 'output folder (must not exist, unless --overwrite)')
    .option('--policy <file>', 'policy file (JSON or YAML); default: the built-in policy')
    .option('--at <time>', 'evaluate the consent register as of this RFC 3339 time (default: now)')
    .option('--strict', 'publish nothing (exit 2) if any record is rejected')
    .option('--overwrite', 'replace the output folder if it exists')
    .option('--shard-records <n>', 'admitted records per items file', String(DEFAULT_SHARD_RECORDS))
    .option(
      '--workers <n>',
      'worker threads for evaluating records (default: by input size and cores; 0: none)',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (flags: BuildFlags) => {
      const result = await buildCommand(flags);
      print(flags.json, summaryJson(result), () => summaryText(result));
    });
}

export async function buildCommand(flags: BuildFlags, config?: Config): Promise<BuildResult> {
  if (flags.input.length === 0) throw new ObhutError('USAGE', 'give at least one --input file');
  const policy = flags.policy ? await loadPolicy(flags.policy) : DEFAULT_POLICY;
  const at = flags.at ?? new Date().toISOString();
  const atMs = parseRfc3339(at);
  if (atMs === undefined)
    throw new ObhutError('USAGE', `--at "${flags.at}" is not an RFC 3339 date-time`);
  const shardRecords = Number(flags.shardRecords ?? DEFAULT_SHARD_RECORDS);
  if (!Number.isInteger(shardRecords) || shardRecords < 1) {
    throw new ObhutError('USAGE', '--shard-records must be a positive integer');
  }
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    throw new ObhutError('USAGE', '--workers must be an integer from 0 to 64');
  }
  return withSession(async (session) => {
    const consent = await loadConsentSnapshotIsolated(session.config, policy.purpose, at, atMs);
    const progress = createProgress('build', process.stderr, flags.json);
    try {
      const result = await runBuild({
        inputs: flags.input,
        out: flags.out,
        policy,
        consent,
        secret: session.secret,
        strict: flags.strict ?? false,
        overwrite: flags.overwrite ?? false,
        shardRecords,
        ...(workers === undefined ? {} : { workers }),
        onProgress: (p) => progress.update(p.bytesRead, p.bytesTotal, `${p.records} records`),
      });
      const { manifest } = result;
      await session.store.recordBuild({
        manifestSha256: result.manifestSha256,
        purpose: manifest.purpose,
        consentAt: manifest.consent.at,
        itemsRoot: manifest.items_root,
        admitted: manifest.counts.admitted,
        excluded: manifest.counts.excluded,
        rejected: manifest.counts.rejected,
        createdAt: new Date().toISOString(),
      });
      return result;
    } finally {
      progress.finish();
    }
  }, config);
}

async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ObhutError(
      'POLICY_INVALID',
      `cannot read policy ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new ObhutError('POLICY_INVALID', `policy ${file}: ${parsed.error}`);
  return parsed.value;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function summaryJson(result: BuildResult) {
  const { manifest } = result;
  return {
    out: result.out,
    manifest_sha256: result.manifestSha256,
    counts: manifest.counts,
    excluded_by_reason: manifest.excluded_by_reason,
    rejected_by_code: manifest.rejected_by_code,
    items_root: manifest.items_root,
    consent: manifest.consent,
  };
}

export function summaryText(result: BuildResult): string {
  const { manifest } = result;
  const { counts } = manifest;
  const rows: (string | number)[][] = [
    ['records read', counts.input],
    ['admitted', counts.admitted],
    ['excluded', counts.excluded],
    ...REASONS.filter((r) => manifest.excluded_by_reason[r] > 0).map((r) => [
      `  ${r}`,
      manifest.excluded_by_reason[r],
    ]),
    ['rejected', counts.rejected],
    ...Object.entries(manifest.rejected_by_code).map(([code, n]) => [`  ${code}`, n]),
  ];
  const lines = [
    `Built ${result.out}`,
    table(rows),
    `consent register as of ${manifest.consent.at}: ${manifest.consent.events_considered} events, ` +
      `subjects objected: ${manifest.consent.subjects_objected}, consented: ${manifest.consent.subjects_consented}`,
    `items_root ${manifest.items_root}`,
  ];
  if (result.workersRetired > 0) {
    lines.push(
      `note: ${result.workersRetired} worker thread(s) ran out of memory (a very large record?); their records were evaluated on the main thread`,
    );
  }
  for (const r of result.rejectedSample.slice(0, 5))
    lines.push(`rejected ${r.input}:${r.line}: ${r.error}`);
  if (counts.rejected > 0) lines.push(`All rejections: ${result.out}/rejected.jsonl`);
  return lines.join('\n');
}
