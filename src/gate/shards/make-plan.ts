import { createHash, createHmac } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ConsentSnapshot } from '../../consent/index.js';
import { ObhutError } from '../../errors/index.js';
import type { StoredCheckpoint } from '../../log/log-storage.js';
import { canonicalPolicyJson, type Policy } from '../../policy/index.js';
import type { Mapping } from '../../records/index.js';
import { TOOL_VERSION } from '../../version.js';
import { detectFormat, expandInputs, inputSize } from '../sources/index.js';
import { consentStatesSha256, packConsentStates } from './consent-table.js';
import { type BuildPlan, MAX_SHARDS, PLAN_FORMAT, type PlanUnit } from './plan.js';

export interface PlanOptions {
  readonly inputs: readonly string[];
  readonly mapping?: Mapping;
  readonly policy: Policy;
  /** The register as of `--at`, read at `checkpoint`. */
  readonly consent: ConsentSnapshot;
  readonly checkpoint: StoredCheckpoint;
  readonly origin: string;
  readonly secret: Buffer;
  readonly shards: number;
  readonly shardRecords: number;
}

const READ_BYTES = 4 * 1024 * 1024;

/** The fingerprint a plan pins of the pseudonym key (the same text the database keeps). */
export function secretFingerprint(secret: Buffer): string {
  return createHmac('sha256', secret).update('obhut secret fingerprint v1').digest('hex');
}

/**
 * Pins everything a build depends on and splits its inputs into `shards` pieces of about equal
 * bytes. Plain JSON lines are cut at line starts (the first line start at or after each equal
 * share); every other input (compressed, Parquet, WebDataset, or mapped lines) goes whole to
 * the shard its first byte falls in. Reads every input once, for its digest and line starts.
 */
export function makePlan(options: PlanOptions): BuildPlan {
  const { shards } = options;
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) {
    throw new ObhutError('USAGE', `--shards must be an integer from 1 to ${MAX_SHARDS}`);
  }
  if (options.consent.logSize !== options.checkpoint.size) {
    throw new ObhutError('INTERNAL', 'the consent register was not read at the plan checkpoint');
  }
  const files = expandInputs(options.inputs);
  const sizes = files.map(inputSize);
  const total = sizes.reduce((a, b) => a + b, 0);
  // The k-th cut is at k·total/N bytes into the inputs laid end to end.
  const targets = Array.from({ length: shards - 1 }, (_, k) =>
    Math.floor(((k + 1) * total) / shards),
  );
  const units: PlanUnit[][] = Array.from({ length: shards }, () => []);
  const inputs: BuildPlan['inputs'] = [];
  let offset = 0;
  let shard = 0;
  for (const [index, file] of files.entries()) {
    const format = detectFormat(file);
    if (format === 'warc') {
      throw new ObhutError(
        'USAGE',
        `${file} is a crawl; its robots.txt and tdmrep.json captures decide items in every input, so a crawl is built whole, with \`obhut build\``,
      );
    }
    const size = sizes[index]!;
    const splittable = format === 'jsonl' && options.mapping === undefined;
    // Cuts inside this file, as offsets into it.
    const inside: number[] = [];
    while (shard + inside.length < shards - 1 && targets[shard + inside.length]! < offset + size) {
      inside.push(Math.max(0, targets[shard + inside.length]! - offset));
    }
    const scan = scanFile(file, splittable ? inside : []);
    inputs.push({ path: file, resolved: path.resolve(file), bytes: size, sha256: scan.sha256 });
    if (!splittable) {
      // Whole, in the shard where it starts; the cuts inside it move to its end.
      const at = shard + inside.filter((cut) => cut === 0).length;
      units[at]!.push({ input: index });
      shard += inside.length;
    } else {
      let start = 0;
      let firstLine = 1;
      for (const cut of scan.cuts) {
        if (cut.at > start) {
          units[shard]!.push({ input: index, start, end: cut.at, first_line: firstLine });
        }
        start = Math.max(start, cut.at);
        firstLine = cut.line;
        shard++;
      }
      if (size > start || size === 0) {
        units[shard]!.push({ input: index, start, end: size, first_line: firstLine });
      }
    }
    offset += size;
  }
  const { consent, checkpoint } = options;
  const states = packConsentStates(consent.index.shared);
  const policyJson = canonicalPolicyJson(options.policy);
  return {
    format: PLAN_FORMAT,
    tool: { name: 'obhut', version: TOOL_VERSION },
    policy: { json: policyJson, sha256: createHash('sha256').update(policyJson).digest('hex') },
    ...(options.mapping ? { mapping: options.mapping as Record<string, unknown> } : {}),
    shard_records: options.shardRecords,
    secret_fingerprint: secretFingerprint(options.secret),
    inputs,
    shards: units.map((u) => ({ units: u })),
    consent: {
      purpose: consent.purpose,
      at: consent.at,
      events_considered: consent.eventsConsidered,
      events_sha256: consent.eventsSha256,
      subjects_objected: consent.objected,
      subjects_consented: consent.consented,
      checkpoint: {
        origin: options.origin,
        size: checkpoint.size,
        root: checkpoint.root.toString('base64'),
        note: checkpoint.note,
      },
      states: states.toString('base64'),
      states_sha256: consentStatesSha256(states),
    },
  };
}

/**
 * Hashes a file and moves each cut (an offset, ascending) to the first line start at or after
 * it, with that line's number; a cut with no line start after it moves to the file's end.
 */
function scanFile(
  file: string,
  cuts: readonly number[],
): { sha256: string; cuts: { at: number; line: number }[] } {
  const digest = createHash('sha256');
  const resolved: { at: number; line: number }[] = [];
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let position = 0;
    let newlines = 0;
    let next = 0;
    // A cut at 0 is a line start already.
    while (next < cuts.length && cuts[next] === 0) {
      resolved.push({ at: 0, line: 1 });
      next++;
    }
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, position);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      digest.update(chunk);
      let from = 0;
      while (next < cuts.length) {
        // The line start at or after cut c follows the first newline at or after c - 1.
        const want = Math.max(from, cuts[next]! - 1 - position);
        if (want >= n) break;
        const nl = chunk.indexOf(0x0a, want);
        if (nl === -1) break;
        newlines += countNewlines(chunk, from, nl + 1);
        from = nl + 1;
        while (next < cuts.length && cuts[next]! - 1 <= position + nl) {
          resolved.push({ at: position + nl + 1, line: newlines + 1 });
          next++;
        }
      }
      newlines += countNewlines(chunk, from, n);
      position += n;
    }
    for (; next < cuts.length; next++) resolved.push({ at: position, line: newlines + 1 });
  } finally {
    closeSync(fd);
  }
  return { sha256: digest.digest('hex'), cuts: resolved };
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = chunk.indexOf(0x0a, from); at !== -1 && at < to; at = chunk.indexOf(0x0a, at + 1))
    count++;
  return count;
}
