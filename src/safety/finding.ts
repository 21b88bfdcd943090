// A finding: one file that matched a hash bank during a build, with everything the item record
// said about where it came from, so a report about it can be acted on.
import { createHash } from 'node:crypto';
import type { FindingEntry } from '../log/entry.js';
import type { SignalType } from './bank.js';
import type { HashPolicy } from './image-input.js';

export const FINDING_STATUSES = ['open', 'reported', 'false_positive', 'escalated'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** What the item record said about the item's origin; absent fields were not in the record. */
export interface FindingProvenance {
  readonly recordId: string;
  /** The input file (as given to the build) and the 1-based line of the record in it. */
  readonly input: string;
  readonly line: number;
  readonly sourceUrl?: string | undefined;
  /** `source.dataset` split at its last `@` into name and version. */
  readonly dataset?: string | undefined;
  readonly datasetVersion?: string | undefined;
  readonly collectedAt?: string | undefined;
  readonly collector?: string | undefined;
  readonly license?: string | undefined;
  /** The record's `created_at`: when the item was posted or uploaded at its source. */
  readonly createdAt?: string | undefined;
  /** `public` or `private`, as the record said (public when it said nothing). */
  readonly visibility?: string | undefined;
  /** The subject's pseudonym, when the record named an account. */
  readonly subject?: string | undefined;
}

export interface FindingFile {
  /** The media path as the record gave it. */
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly md5: string;
  readonly pdq?: string | undefined;
  readonly pdqQuality?: number | undefined;
}

export interface Finding {
  readonly id: string;
  readonly buildId: string;
  readonly bank: string;
  readonly signalType: SignalType;
  readonly bankVersion?: string | undefined;
  readonly matchedHash: string;
  /** Hamming distance for PDQ, 0 for exact matches. */
  readonly distance: number;
  /**
   * The PDQ quality of the bank entry's own image, when its list said (filled in by the store
   * from the bank as the finding is recorded; the image's own is `file.pdqQuality`).
   */
  readonly matchedQuality?: number | undefined;
  readonly labels: readonly string[];
  /** The pixel policy that produced the PDQ hash; absent for exact (sha256/md5) matches. */
  readonly hashPolicy?: HashPolicy | undefined;
  readonly provenance: FindingProvenance;
  readonly file: FindingFile;
  readonly status: FindingStatus;
  /** The external (e.g. CyberTipline) report id, once reported. */
  readonly reportId?: string | undefined;
  /** When the match was found (the build's time). */
  readonly foundAt: string;
  readonly updatedAt: string;
}

/**
 * A finding's id: the same build, bank, file and record always give the same id, so a retried
 * build does not record a match twice.
 */
export function findingId(buildId: string, bank: string, sha256: string, recordId: string): string {
  return createHash('sha256')
    .update(JSON.stringify(['obhut finding v1', buildId, bank, sha256, recordId]))
    .digest('hex')
    .slice(0, 32);
}

/** Splits `name@version` at the last `@`; a name without one has no version. */
export function splitDataset(dataset: string | undefined): {
  dataset?: string;
  datasetVersion?: string;
} {
  if (dataset === undefined) return {};
  const at = dataset.lastIndexOf('@');
  if (at <= 0 || at === dataset.length - 1) return { dataset };
  return { dataset: dataset.slice(0, at), datasetVersion: dataset.slice(at + 1) };
}

/** The transparency-log entry of a finding: hashes and ids only. */
export function findingLogEntry(finding: Finding): FindingEntry {
  return {
    type: 'finding',
    version: 1,
    finding_id: finding.id,
    bank: finding.bank,
    matched_hash: finding.matchedHash,
    file_sha256: finding.file.sha256,
    build_id: finding.buildId,
  };
}
