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
 * Reads a plain list (one hex hash per line) or CSV `hash,label;label…` (a header line starting
 * with `hash` is skipped). Blank lines and `#` comments are skipped; every other bad line is
 * reported by its 1-based number, never dropped silently. Repeated hashes merge their labels.
 * A PDQ list whose header names a `quality` column (as PDQ hashers print it) has every entry
 * below `minQuality` refused with its line: such a hash would match unrelated images.
 */
export function parseBankList(
  type: SignalType,
  text: string,
  minQuality = DEFAULT_MIN_PDQ_QUALITY,
): ParsedBankList {
  const byHash = new Map<string, Set<string>>();
  const errors: BankLineError[] = [];
  const lines = text.split(/\r?\n/);
  let qualityColumn = -1;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(',');
    const [first = ''] = fields;
    if (index === 0 && /^"?hash"?$/i.test(first.trim())) {
      qualityColumn = fields.findIndex((f) => /^"?quality"?$/i.test(f.trim()));
      return;
    }
    const hash = normaliseHash(type, first.replace(/^"|"$/g, ''));
    if (typeof hash !== 'string') {
      errors.push({ line: index + 1, error: hash.error });
      return;
    }
    if (qualityColumn > 0 && type === 'pdq') {
      const text = (fields[qualityColumn] ?? '').trim().replace(/^"|"$/g, '');
      const quality = /^[0-9]{1,3}$/.test(text) ? Number(text) : Number.NaN;
      if (!(quality >= 0 && quality <= 100)) {
        errors.push({
          line: index + 1,
          error: `quality is not a number 0..100: ${JSON.stringify(text)}`,
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
    const rest = fields.slice(1).filter((_, i) => i + 1 !== qualityColumn);
    const labels = byHash.get(hash) ?? new Set<string>();
    for (const field of rest) {
      for (const label of field.replace(/^"|"$/g, '').split(';')) {
        if (label.trim() !== '') labels.add(label.trim());
      }
    }
    byHash.set(hash, labels);
  });
  const entries = [...byHash].map(([hash, labels]) => ({ hash, labels: [...labels].sort() }));
  return { entries, errors };
}

/** The export form: CSV with a header, labels joined by `;`. */
export function formatBankList(entries: readonly BankEntry[]): string {
  return ['hash,labels', ...entries.map((e) => `${e.hash},${e.labels.join(';')}`)].join('\n');
}
