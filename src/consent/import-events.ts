import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { ObhutError } from '../errors/index.js';
import { type Line, lastNonSpace, lineContent, readFileLines } from '../io/line-reader.js';
import type { TransparencyLog } from '../log/index.js';
import { parseRfc3339, validateConsentEvent } from '../records/index.js';
import { parseStrictJson } from '../records/strict-json.js';
import { consentEntry } from './consent-entry.js';
import type { NewConsentEvent } from './consent-register.js';
import { csvEvents } from './csv-events.js';
import { pseudonymise } from './pseudonym.js';

export interface RejectedLine {
  readonly line: number;
  readonly error: string;
}

export interface ImportResult {
  readonly lines: number;
  readonly inserted: number;
  /** Valid events already in the registry (a re-import), not inserted again. */
  readonly alreadyPresent: number;
  readonly rejected: readonly RejectedLine[];
  /** The size of the signed checkpoint that covers every imported event. */
  readonly checkpointSize: number | undefined;
}

const MAX_LINE_BYTES = 1 << 20;
const BATCH = 2_000;

/**
 * How far after the import's own time an event may be dated (OBHUT_CONSENT_CLOCK_SKEW_SECONDS):
 * a source's clock may run a little fast, but an event dated further ahead would decide builds
 * only from that future time on, which is never what its source meant.
 */
export const DEFAULT_CONSENT_CLOCK_SKEW_S = 300;

export interface ImportOptions {
  /** The import's time in ms since the epoch; default now. */
  readonly now?: number;
  /** Seconds an event may be dated after `now`; default DEFAULT_CONSENT_CLOCK_SKEW_S. */
  readonly clockSkewS?: number;
}

/**
 * Appends the events of a consent JSONL file. Each event's key is its content digest plus how
 * many identical events came before it in the file, so importing the same file twice adds
 * nothing while a file that really repeats an event keeps every occurrence.
 */
export async function importConsentFile(
  file: string,
  log: TransparencyLog,
  secret: Buffer,
  onProgress?: (bytesRead: number) => void,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const skewS = options.clockSkewS ?? DEFAULT_CONSENT_CLOCK_SKEW_S;
  const latestMs = (options.now ?? Date.now()) + skewS * 1000;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }

  const seen = new Map<string, number>();
  const rejected: RejectedLine[] = [];
  let batch: NewConsentEvent[] = [];
  let lineCount = 0;
  let inserted = 0;
  let alreadyPresent = 0;
  let checkpointSize: number | undefined;
  const flush = async () => {
    if (batch.length === 0) return;
    // Through the log: an event counts as imported only once its entry is under a signed checkpoint.
    const acks = await log.writer.appendAll(
      batch.map((event) => ({ entry: consentEntry(event), consentEvent: event })),
    );
    for (const ack of acks) {
      if (ack.fresh) inserted++;
      else alreadyPresent++;
      checkpointSize = Math.max(checkpointSize ?? 0, ack.checkpoint.size);
    }
    batch = [];
  };

  let bytesRead = 0;
  const lines = readFileLines(file, MAX_LINE_BYTES, (chunk) => {
    bytesRead += chunk.length;
  });
  for (const record of records(file, lines, secret)) {
    lineCount++;
    const { line, outcome } = record;
    if (typeof outcome === 'string') {
      rejected.push({ line, error: outcome });
      continue;
    }
    if (outcome.atMs > latestMs) {
      rejected.push({
        line,
        error: `"at": ${outcome.at} is more than ${skewS} s after the import's time (OBHUT_CONSENT_CLOCK_SKEW_SECONDS)`,
      });
      continue;
    }
    const digest = outcome.key;
    const occurrence = seen.get(digest) ?? 0;
    seen.set(digest, occurrence + 1);
    batch.push({ ...outcome, key: `${digest}#${occurrence}` });

    if (batch.length >= BATCH) {
      await flush();
      onProgress?.(bytesRead);
    }
  }
  await flush();
  return { lines: lineCount, inserted, alreadyPresent, rejected, checkpointSize };
}

/**
 * Each record of the file with its line: JSON lines, or CSV with a header row when the name
 * ends in `.csv`. Both become the same events (the same keys), so importing the same events
 * from either adds nothing the second time.
 */
function* records(
  file: string,
  lines: Iterable<Line>,
  secret: Buffer,
): Generator<{ line: number; outcome: NewConsentEvent | string }> {
  if (file.toLowerCase().endsWith('.csv')) {
    for (const record of csvEvents(file, lines)) {
      yield {
        line: record.line,
        outcome: 'error' in record ? record.error : eventFrom(record.value, secret),
      };
    }
    return;
  }
  for (const line of lines) {
    // Blank lines and a byte order mark are treated as `obhut build` treats them.
    const bytes = lineContent(line);
    if (!line.tooLong && lastNonSpace(bytes) < 0) continue;
    yield { line: line.number, outcome: parseEventLine(bytes, line.tooLong, secret) };
  }
}

function parseEventLine(bytes: Buffer, tooLong: boolean, secret: Buffer): NewConsentEvent | string {
  if (tooLong) return `line is longer than ${MAX_LINE_BYTES} bytes`;
  if (!isUtf8(bytes)) return 'line is not valid UTF-8';
  const parsed = parseStrictJson(bytes.toString('utf8'));
  if (!parsed.ok) return parsed.error;
  return eventFrom(parsed.value, secret);
}

function eventFrom(value: unknown, secret: Buffer): NewConsentEvent | string {
  const valid = validateConsentEvent(value);
  if (!valid.ok) return valid.error;
  const { platform, account, purpose, action, at, channel, reference } = valid.value;
  const subject = pseudonymise(secret, { platform, account });
  const key = createHash('sha256')
    .update(JSON.stringify([subject, purpose, action, at, channel, reference ?? null]))
    .digest('hex');
  return { key, subject, purpose, action, at, atMs: parseRfc3339(at)!, channel, reference };
}
