import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { pseudonymise } from '../../consent/index.js';
import { EXIT, ObhutError } from '../../errors/index.js';
import { proveSubjectFromFolder } from '../../gate/build-folder-proof.js';
import {
  type BuildResult,
  DEFAULT_SHARD_RECORDS,
  RECEIPT_FILE,
  rejectedPlace,
  runBuild,
} from '../../gate/run-build.js';
import type { SafetyOptions } from '../../gate/safety-scan.js';
import type { SubjectsProof } from '../../gate/subjects-proof.js';
import { DEFAULT_POLICY, REASONS } from '../../policy/index.js';
import { parseRfc3339 } from '../../records/index.js';
import type { Config } from '../../runtime/config.js';
import type { Session } from '../../runtime/home.js';
import { consentAtCheckpoint } from '../consent-at-checkpoint.js';
import { print, withSession } from '../io.js';
import { loadMapping } from '../mapping-option.js';
import { writeOpenLineage } from '../openlineage-file.js';
import { table } from '../output.js';
import { collect, loadPolicy, piiKeyOf } from '../policy-options.js';
import { createProgress } from '../progress.js';
import { terminalText } from '../terminal-text.js';
import {
  queuedBuildCommand,
  queuedSummary,
  queuedText,
  registerBuildStatus,
} from './build-queue.js';
import { registerShardCommands } from './build-shards.js';
import { registerBuildVerify } from './build-verify.js';

interface BuildFlags {
  input?: string[];
  out?: string;
  policy?: string;
  at?: string;
  checkpoint?: string;
  strict?: boolean;
  overwrite?: boolean;
  shardRecords?: string;
  compress?: string;
  format?: string;
  workers?: string;
  bank?: string[];
  signals?: string[];
  map?: string;
  dihedral?: boolean;
  fullResolution?: boolean;
  openlineage?: string;
  docs?: boolean;
  provider?: string;
  json?: boolean;
  queue?: boolean;
  shards?: string;
  work?: string;
}

interface ProveFlags {
  build: string;
  platform: string;
  account: string;
  out?: string;
  json?: boolean;
}

export function registerBuild(program: Command): void {
  // `build` has options of its own and the subcommand `prove-absent`, and both have an --out.
  // Commander then needs positional options on every level down to `build`: the program's
  // only options (--version, --help) still work before a command, and each command keeps its
  // own options after its name.
  program.enablePositionalOptions();
  const build = program
    .command('build')
    .description(
      'build a dataset (items, excluded.jsonl, rejected.jsonl, subjects.bin, manifest.json), logged in the transparency log (build-receipt.json)',
    )
    // Options after `prove-absent` belong to it.
    .enablePositionalOptions()
    // Checked in the action, not as required options: commander would demand them of
    // `build prove-absent` too.
    .option(
      '--input <file>',
      'item records (.jsonl, .jsonl.gz, .jsonl.zst), Parquet (.parquet), a WebDataset shard (.tar), a crawl (.warc, .warc.gz) or a folder of them; repeat for several (required)',
      collect,
    )
    .option(
      '--map <file>',
      "mapping (YAML or JSON) from the inputs' columns to item record fields (docs/mapping.md); without it rows must be item records",
    )
    .option(
      '--signals <file>',
      'a WARC whose robots.txt and tdmrep.json captures the items are checked against; repeat for several',
      collect,
    )
    .option('--out <dir>', 'output folder (must not exist, unless --overwrite) (required)')
    .option('--policy <file>', 'policy file (JSON or YAML); default: the built-in policy')
    .option('--at <time>', 'evaluate the consent register as of this RFC 3339 time (default: now)')
    .option(
      '--checkpoint <size>',
      'read the consent register as of the log checkpoint of this size (default: the latest), to reproduce an earlier build',
    )
    .option('--strict', 'publish nothing (exit 2) if any record is rejected')
    .option('--overwrite', 'replace the output folder if it exists')
    .option(
      '--openlineage <file>',
      'also write the build as OpenLineage START and COMPLETE run events (JSON Lines) to this file',
    )
    .option('--shard-records <n>', 'admitted records per items file', String(DEFAULT_SHARD_RECORDS))
    .option('--compress <gzip|zstd>', 'write the items files compressed (.jsonl.gz or .jsonl.zst)')
    .option(
      '--format <jsonl|parquet>',
      "items files as JSON lines or Parquet (the inputs' schema plus _obhut; Parquet inputs only); default: the inputs' format",
    )
    .option(
      '--workers <n>',
      'worker threads for evaluating records (default: by input size and cores; 0: none)',
    )
    .option(
      '--bank <name>',
      'scan admitted media against this hash bank; matches are excluded (safety_match) and quarantined; repeat for several',
      collect,
    )
    .option('--dihedral', 'with --bank: also match the 8 rotations and flips of each image')
    .option(
      '--full-resolution',
      'with --bank: PDQ-hash whole images instead of the reference 512×512 resize',
    )
    .option(
      '--docs',
      'also write README.md (dataset card), croissant.json and ai-act-summary.md/.json into the build (docs/documents.md)',
    )
    .option('--provider <file>', 'with --docs: provider facts (YAML) the manifest cannot know')
    .option(
      '--queue',
      'run as --shards N shard jobs on the PostgreSQL build queue (pg-boss), taken by `obhut worker`s, then merge here',
    )
    .option('--shards <n>', 'with --queue: number of shards')
    .option(
      '--work <dir>',
      'with --queue: the folder for the plan and shards, on storage every worker sees (default: beside --out)',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (flags: BuildFlags) => {
      if (flags.queue) {
        const queued = await queuedBuildCommand(queuedFlags(flags));
        print(flags.json, queuedSummary(queued), () => queuedText(queued));
        return;
      }
      if (flags.shards !== undefined || flags.work !== undefined) {
        throw new ObhutError('USAGE', '--shards and --work go with --queue');
      }
      const result = await buildCommand(flags);
      print(flags.json, summaryJson(result), () => summaryText(result));
    });

  registerBuildVerify(build);

  build
    .command('prove-absent')
    .description(
      "prove that none of a person's items is in a build (from its output folder), or show that some are",
    )
    .requiredOption('--build <dir>', 'the build output folder')
    .requiredOption('--platform <platform>', "the person's platform")
    .requiredOption('--account <account>', "the person's account on that platform")
    .option('--out <file>', 'write the proof to this file (default: standard output)')
    .option('--json', 'print the summary as JSON (with --out)')
    .action(async (flags: ProveFlags) => {
      const { proof, statement } = await proveAbsentCommand(flags);
      if (flags.out) {
        await writeFile(flags.out, `${JSON.stringify(proof, null, 2)}\n`);
        print(
          flags.json,
          {
            member: proof.member,
            subject: proof.subject,
            build_id: proof.build.build_id,
            out: flags.out,
            statement,
          },
          () =>
            `${statement}\nProof written to ${flags.out}; check it with \`obhut verify ${flags.out} --key VKEY\` (VKEY: the log's published key, \`obhut log key\`).`,
        );
      } else {
        process.stdout.write(`${JSON.stringify(proof, null, 2)}\n`);
      }
      if (proof.member) {
        process.stderr.write(
          `obhut: the person with pseudonym ${proof.subject.slice(0, 16)}… IS in build ${proof.build.build_id}: at least one of their items was admitted, so there is no proof of absence. The proof ${flags.out ? `in ${flags.out}` : 'printed'} shows membership (member: true).\n`,
        );
        process.exitCode = EXIT.data;
      } else if (!flags.out) {
        process.stderr.write(`${statement}\n`);
      }
    });

  registerShardCommands(build);
  registerBuildStatus(build);
}

/** Makes and checks the subjects proof for one person and one build output folder. */
export async function proveAbsentCommand(
  flags: Pick<ProveFlags, 'build' | 'platform' | 'account'>,
  config?: Config,
): Promise<{ proof: SubjectsProof; statement: string }> {
  return withSession(async (session) => {
    const subject = Buffer.from(
      pseudonymise(session.secret, { platform: flags.platform, account: flags.account }),
      'hex',
    );
    const proof = await proveSubjectFromFolder(flags.build, subject);
    // Checked with this register's log key before anyone relies on it: a folder whose receipt
    // is from another log, or was altered, fails here.
    const { verifySubjectsProof } = await import('../../gate/verify-subjects-proof.js');
    const check = verifySubjectsProof(proof, session.log.verifier);
    if (!check.ok) {
      const failed = check.steps.find((step) => !step.ok);
      throw new ObhutError(
        'VERIFY_FAILED',
        `the proof made from ${flags.build} does not verify (${failed?.check}: ${failed?.detail}); is ${path.join(flags.build, RECEIPT_FILE)} from this register's log?`,
      );
    }
    return { proof, statement: check.statement! };
  }, config);
}

/** A queued build takes what a plan pins; the options a plan cannot carry are refused. */
function queuedFlags(flags: BuildFlags) {
  const refused = [
    flags.bank && '--bank',
    flags.signals && '--signals',
    flags.strict && '--strict',
    flags.dihedral && '--dihedral',
    flags.fullResolution && '--full-resolution',
    flags.workers !== undefined && '--workers',
    // Shards are merged as JSON lines; a queued build writes JSONL items whatever its inputs.
    flags.format === 'parquet' && '--format parquet',
    flags.compress !== undefined && '--compress',
  ].filter(Boolean);
  if (refused.length > 0) {
    throw new ObhutError('USAGE', `${refused.join(', ')} cannot be used with --queue`);
  }
  const {
    bank,
    signals,
    strict,
    dihedral,
    fullResolution,
    workers,
    queue,
    format,
    compress,
    ...rest
  } = flags;
  return rest;
}

export async function buildCommand(flags: BuildFlags, config?: Config): Promise<BuildResult> {
  if (!flags.input || flags.input.length === 0) {
    throw new ObhutError('USAGE', "required option '--input <file>' not specified");
  }
  if (!flags.out) throw new ObhutError('USAGE', "required option '--out <dir>' not specified");
  const { input, out } = flags;
  const policy = flags.policy ? await loadPolicy(flags.policy) : DEFAULT_POLICY;
  const mapping = flags.map === undefined ? undefined : await loadMapping(flags.map);
  const at = flags.at ?? new Date().toISOString();
  const atMs = parseRfc3339(at);
  if (atMs === undefined)
    throw new ObhutError('USAGE', `--at "${flags.at}" is not an RFC 3339 date-time`);
  const shardRecords = Number(flags.shardRecords ?? DEFAULT_SHARD_RECORDS);
  if (!Number.isInteger(shardRecords) || shardRecords < 1) {
    throw new ObhutError('USAGE', '--shard-records must be a positive integer');
  }
  if (flags.compress !== undefined && flags.compress !== 'gzip' && flags.compress !== 'zstd') {
    throw new ObhutError('USAGE', '--compress must be gzip or zstd');
  }
  const compress = flags.compress;
  if (flags.format !== undefined && flags.format !== 'jsonl' && flags.format !== 'parquet') {
    throw new ObhutError('USAGE', '--format must be jsonl or parquet');
  }
  const format = flags.format;
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    throw new ObhutError('USAGE', '--workers must be an integer from 0 to 64');
  }
  if (flags.provider !== undefined && !flags.docs)
    throw new ObhutError('USAGE', '--provider needs --docs');
  // Read before the build, so a bad facts file costs nothing.
  // The documents' code (and yaml) is loaded only for --docs.
  const documents = flags.docs ? await documentsOption(flags.provider) : {};
  return withSession(async (session) => {
    const { checkpoint, consent } = await consentAtCheckpoint(
      session,
      policy.purpose,
      at,
      atMs,
      flags.checkpoint,
    );
    const progress = createProgress('build', process.stderr, flags.json);
    const startedAt = new Date().toISOString();
    try {
      const result = await runBuild({
        inputs: input,
        out,
        policy,
        consent,
        checkpoint,
        log: session.log,
        registry: session.store,
        secret: session.secret,
        strict: flags.strict ?? false,
        overwrite: flags.overwrite ?? false,
        shardRecords,
        ...(compress === undefined ? {} : { compress }),
        ...(format === undefined ? {} : { format }),
        ...(workers === undefined ? {} : { workers }),
        ...(flags.signals ? { signals: flags.signals } : {}),
        ...(mapping ? { mapping } : {}),
        ...piiKeyOf(policy),
        ...(await safetyOf(flags, session)),
        ...documents,
        onProgress: (p) => progress.update(p.bytesRead, p.bytesTotal, `${p.records} records`),
      });
      if (flags.openlineage) await writeOpenLineage(flags.openlineage, result, startedAt);
      return result;
    } finally {
      progress.finish();
    }
  }, config);
}

async function documentsOption(provider: string | undefined) {
  const { buildDocumentsHook, loadProviderFacts } = await import('../build-documents.js');
  return { documents: buildDocumentsHook(await loadProviderFacts(provider)) };
}

/** The banks named by --bank, each loaded once, with their allow lists and the quarantine key. */
async function safetyOf(flags: BuildFlags, session: Session): Promise<{ safety?: SafetyOptions }> {
  const names = [...new Set(flags.bank ?? [])];
  if (names.length === 0) {
    if (flags.dihedral || flags.fullResolution)
      throw new ObhutError('USAGE', '--dihedral and --full-resolution need --bank');
    return {};
  }
  // Loaded only for a scanned build: the bank index, PDQ and the quarantine's ciphers are no
  // part of the fixed cost of every other build (issue 13, start-up).
  const [{ bankIndexFiles }, { Matcher }, { loadQuarantineKey }, { hashPolicyOf }] =
    await Promise.all([
      import('../../safety/bank-index-file.js'),
      import('../../safety/matcher.js'),
      import('../../safety/quarantine.js'),
      import('../../safety/hash-policy.js'),
    ]);
  const cache = bankIndexFiles(session.config.home, session.secret);
  const matchers = await Promise.all(names.map((name) => Matcher.load(session.store, name, cache)));
  const allowed = (
    await Promise.all(names.map((name) => session.store.bankAllowList(name)))
  ).flat();
  const key = await loadQuarantineKey(session.config);
  return {
    safety: {
      matchers,
      allowed,
      quarantine: { home: session.config.home, key },
      hashPolicy: hashPolicyOf(flags.fullResolution),
      dihedral: flags.dihedral ?? false,
    },
  };
}

function safetyLines(result: BuildResult): string[] {
  const safety = result.manifest.safety;
  if (!safety) return [];
  const banks = safety.banks.map((b) => `${b.name} (${b.signal_type}, ${b.entries})`).join(', ');
  const lines = [
    `safety scan against ${banks}: ${safety.files_scanned} files scanned, ${safety.images_hashed} images PDQ-hashed, ${safety.items_matched} items matched`,
  ];
  if (safety.findings > 0) {
    lines.push(
      `${safety.findings} finding(s) recorded, files quarantined; see \`obhut findings list --build ${result.buildId}\``,
    );
  }
  return lines;
}

export function summaryJson(result: BuildResult) {
  const { manifest } = result;
  return {
    out: result.out,
    build_id: result.buildId,
    manifest_sha256: result.manifestSha256,
    log_index: result.logIndex,
    counts: manifest.counts,
    excluded_by_reason: manifest.excluded_by_reason,
    rejected_by_code: manifest.rejected_by_code,
    items_root: manifest.items_root,
    subjects_root: manifest.subjects_root,
    subjects_count: manifest.subjects_count,
    consent: manifest.consent,
    ...(manifest.safety === undefined
      ? {}
      : { safety: manifest.safety, findings: result.findings.map((f) => f.id) }),
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
  const { consent } = manifest;
  const lines = [
    `Built ${result.out}`,
    table(rows),
    `consent register as of ${consent.at} at log checkpoint ${consent.checkpoint.size}: ` +
      `${consent.events_considered} events, subjects objected: ${consent.subjects_objected}, consented: ${consent.subjects_consented}`,
    `items_root    ${manifest.items_root}`,
    `subjects_root ${manifest.subjects_root} (${manifest.subjects_count} subjects)`,
    ...safetyLines(result),
    `build ${result.buildId} logged as entry ${result.logIndex} of ${consent.checkpoint.origin}; receipt ${path.join(result.out, RECEIPT_FILE)}`,
  ];
  if (result.workersRetired > 0) {
    lines.push(
      `note: ${result.workersRetired} worker thread(s) ran out of memory (a very large record?); their records were evaluated on the main thread`,
    );
  }
  for (const r of result.rejectedSample.slice(0, 5))
    lines.push(terminalText(`rejected ${rejectedPlace(r)}: ${r.error}`));
  if (counts.rejected > 0) lines.push(`All rejections: ${result.out}/rejected.jsonl`);
  return lines.join('\n');
}
