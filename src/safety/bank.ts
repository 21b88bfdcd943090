import { csvRecordFields } from '../records/csv-record.js';
import { hash256FromHex } from './pdq/index.js';

export type SignalType = 'pdq' | 'sha256' | 'md5';
export const SIGNAL_TYPES: readonly SignalType[] = ['pdq', 'sha256', 'md5'];
/** PDQ's recommended match threshold (pdq/README.md; python-threatexchange uses the same). */
export const DEFAULT_PDQ_THRESHOLD = 31;
/**
 * PDQ hashes of lower quality (0..100) are not matched: the reference implementation advises
 * ignoring them, since a flat or near-flat image's hash is mostly noise and lands within the
 * match threshold of unrelated hashes.
 */
export const DEFAULT_MIN_PDQ_QUALITY = 50;
/** A bank list's quality cell for an entry whose quality is not known (an empty cell is refused). */
export const UNKNOWN_QUALITY = 'unknown';

/** A named, versioned hash list of one signal type. */
export interface HashBank {
  readonly name: string;
  readonly signalType: SignalType;
  readonly source: string | null;
  readonly listVersion: string | null;
  /** Largest Hamming distance that counts as a PDQ match (0..255); ignored for exact types. */
  readonly threshold: number;
}

export interface BankEntry {
  /** Lowercase hex. */
  readonly hash: string;
  readonly labels: readonly string[];
  /**
   * The PDQ quality (0..100) of the image the bank's hash was made from, when the list said:
   * a finding then shows how trustworthy both sides of the match are.
   */
  readonly quality?: number | undefined;
}

export interface BankLineError {
  readonly line: number;
  readonly error: string;
}

export interface ParsedBankList {
  readonly entries: BankEntry[];
  readonly errors: BankLineError[];
}

const HEX_LENGTH: Record<SignalType, number> = { pdq: 64, sha256: 64, md5: 32 };

/** Normalises one hash of the given type to lowercase hex, or says why it is not one. */
export function normaliseHash(type: SignalType, text: string): string | { error: string } {
  const hex = text.trim().toLowerCase();
  const length = HEX_LENGTH[type];
  if (!new RegExp(`^[0-9a-f]{${length}}$`).test(hex)) {
    return {
      error: `not a ${type} hash (${length} hex digits): ${JSON.stringify(text.slice(0, 80))}`,
    };
  }
  if (type === 'pdq' && !hash256FromHex(hex)) return { error: 'not a PDQ hash' };
  return hex;
}

/**
 * Reads a plain list (one hex hash per line) or CSV `hash,label;label…` (RFC 4180 quoting; a
 * header line starting with `hash` is skipped). Blank lines and `#` comments are skipped; every
 * other bad line is reported by its 1-based number, never dropped silently. Repeated hashes merge
 * their labels. A PDQ list whose header names a `quality` column (as PDQ hashers print it) keeps
 * each entry's quality (`unknown`: not known) and refuses, with its line, an empty or other
 * cell, an entry below `minQuality` (such a hash would match unrelated images) or a repeated
 * hash given another quality (read two ways).
 */
export function parseBankList(
  type: SignalType,
  text: string,
  minQuality = DEFAULT_MIN_PDQ_QUALITY,
): ParsedBankList {
  const byHash = new Map<string, { labels: Set<string>; quality: number | undefined }>();
  const errors: BankLineError[] = [];
  const lines = text.split(/\r?\n/);
  let qualityColumn = -1;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = csvRecordFields(line);
    if (fields === 'open' || typeof fields === 'string') {
      errors.push({
        line: index + 1,
        error: fields === 'open' ? 'a quoted field is not closed' : fields,
      });
      return;
    }
    const [first = ''] = fields;
    if (index === 0 && /^hash$/i.test(first.trim())) {
      qualityColumn = fields.findIndex((f) => /^quality$/i.test(f.trim()));
      return;
    }
    const hash = normaliseHash(type, first);
    if (typeof hash !== 'string') {
      errors.push({ line: index + 1, error: hash.error });
      return;
    }
    let quality: number | undefined;
    const qualityText = qualityColumn > 0 ? (fields[qualityColumn] ?? '').trim() : '';
    if (type === 'pdq' && qualityColumn > 0) {
      // A list that has the column must fill it: an empty cell (a hasher's slip, a merged
      // spreadsheet) would let a flat hash past the minimum unseen. An entry whose quality is
      // not known says so, as the export writes it.
      if (qualityText.toLowerCase() === UNKNOWN_QUALITY) quality = undefined;
      else quality = /^[0-9]{1,3}$/.test(qualityText) ? Number(qualityText) : Number.NaN;
    }
    if (quality !== undefined) {
      if (!(quality >= 0 && quality <= 100)) {
        errors.push({
          line: index + 1,
          error: `quality is not a number 0..100 or "${UNKNOWN_QUALITY}": ${JSON.stringify(qualityText)}`,
        });
        return;
      }
      if (quality < minQuality) {
        errors.push({
          line: index + 1,
          error: `PDQ quality ${quality} is below the minimum of ${minQuality}; a hash this flat matches unrelated images`,
        });
        return;
      }
    }
    const earlier = byHash.get(hash);
    if (earlier && earlier.quality !== quality) {
      errors.push({
        line: index + 1,
        error: `hash ${hash} appears before with quality ${earlier.quality ?? UNKNOWN_QUALITY}, here with ${quality ?? UNKNOWN_QUALITY}`,
      });
      return;
    }
    const labels = earlier?.labels ?? new Set<string>();
    fields.forEach((field, i) => {
      if (i === 0 || i === qualityColumn) return;
      for (const label of field.split(';')) {
        if (label.trim() !== '') labels.add(label.trim());
      }
    });
    byHash.set(hash, { labels, quality });
  });
  const entries = [...byHash].map(([hash, { labels, quality }]) => ({
    hash,
    labels: [...labels].sort(),
    ...(quality === undefined ? {} : { quality }),
  }));
  return { entries, errors };
}

/**
 * The export form: CSV with a header, labels joined by `;`, and the quality column when any
 * entry has one — an entry without then reads `unknown`, so every entry's quality comes back
 * as it was when the file is imported again.
 */
export function formatBankList(entries: readonly BankEntry[]): string {
  const quoted = (text: string) =>
    /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  if (!entries.some((e) => e.quality !== undefined)) {
    return ['hash,labels', ...entries.map((e) => `${e.hash},${quoted(e.labels.join(';'))}`)].join(
      '\n',
    );
  }
  return [
    'hash,quality,labels',
    ...entries.map(
      (e) => `${e.hash},${e.quality ?? UNKNOWN_QUALITY},${quoted(e.labels.join(';'))}`,
    ),
  ].join('\n');
}
