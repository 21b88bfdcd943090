import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ObhutError } from '../errors/index.js';
import type { BatchResult, PackedOutcome } from '../evaluation/evaluate-batch.js';
import { digestFile } from '../safety/file-digest.js';
import { type Finding, type FindingProvenance, splitDataset } from '../safety/finding.js';
import { pdqOfDecoded } from '../safety/hash-image.js';
import { decodeForPdq, type HashPolicy, type ImageLimits } from '../safety/image-input.js';
import type { BankMatch, Matcher } from '../safety/matcher.js';
import { hash256ToHex } from '../safety/pdq/index.js';
import { quarantineFile } from '../safety/quarantine.js';
import type { AllowedFile } from '../safety/safety-store.js';

/** What a build scans admitted media against, and where matched files go. */
export interface SafetyOptions {
  /** The banks, each loaded once for the whole build. */
  readonly matchers: readonly Matcher[];
  /** Per bank: files judged false positives, which that bank no longer matches. */
  readonly allowed: readonly AllowedFile[];
  /** The quarantine: the register's home folder and its 32-byte key. */
  readonly quarantine: { readonly home: string; readonly key: Buffer };
  readonly hashPolicy?: HashPolicy;
  /** Also match the 8 rotations and flips of each image. */
  readonly dihedral?: boolean;
  readonly limits?: ImageLimits;
}

/** A match found during the build; it becomes a Finding once the build has its id. */
export type PendingFinding = Omit<Finding, 'id' | 'buildId' | 'status' | 'foundAt' | 'updatedAt'>;

/** What the manifest says about scanning. */
export interface SafetySummary {
  readonly banks: readonly {
    readonly name: string;
    readonly signal_type: string;
    readonly version: string | null;
    readonly entries: number;
    readonly threshold?: number;
    readonly allowed: number;
  }[];
  readonly hash_policy: HashPolicy;
  readonly dihedral: boolean;
  /** Admitted media files hashed (sha256/md5) and, for images, PDQ-hashed. */
  readonly files_scanned: number;
  readonly images_hashed: number;
  /** Items excluded with reason `safety_match`; one item can match several banks. */
  readonly items_matched: number;
  readonly findings: number;
  /** Distinct files put into the encrypted quarantine by this build. */
  readonly files_quarantined: number;
}

type Admitted = Extract<PackedOutcome, { kind: 'admitted' }>;

// Images decode in sharp's thread pool; a few at once keep it busy while this thread hashes.
const CONCURRENCY = 4;

/**
 * Scans the media of admitted items against hash banks, between evaluation and writing. A
 * matched item becomes `excluded` with reason `safety_match`, its file is encrypted into the
 * quarantine and never reaches the output; an image that cannot be decoded (or is over the
 * limits) becomes a rejected record instead of an unscanned admission.
 */
export class SafetyScanner {
  readonly pending: PendingFinding[] = [];
  filesScanned = 0;
  imagesHashed = 0;
  itemsMatched = 0;
  readonly #quarantined = new Set<string>();
  readonly #allowed: Map<string, Set<string>>;
  readonly #pdqBanks: readonly Matcher[];
  readonly #sha256Banks: readonly Matcher[];
  readonly #md5Banks: readonly Matcher[];
  readonly #policy: HashPolicy;

  constructor(
    private readonly options: SafetyOptions,
    private readonly inputs: readonly string[],
  ) {
    this.#allowed = new Map();
    for (const a of options.allowed) {
      const set = this.#allowed.get(a.bank) ?? new Set<string>();
      set.add(a.sha256);
      this.#allowed.set(a.bank, set);
    }
    const of = (type: string) => options.matchers.filter((m) => m.bank.signalType === type);
    this.#pdqBanks = of('pdq');
    this.#sha256Banks = of('sha256');
    this.#md5Banks = of('md5');
    this.#policy = options.hashPolicy ?? 'reference-512';
  }

  summary(): SafetySummary {
    return {
      banks: this.options.matchers.map((m) => ({
        name: m.bank.name,
        signal_type: m.bank.signalType,
        version: m.bank.listVersion,
        entries: m.size,
        ...(m.bank.signalType === 'pdq' ? { threshold: m.bank.threshold } : {}),
        allowed: this.#allowed.get(m.bank.name)?.size ?? 0,
      })),
      hash_policy: this.#policy,
      dihedral: this.options.dihedral ?? false,
      files_scanned: this.filesScanned,
      images_hashed: this.imagesHashed,
      items_matched: this.itemsMatched,
      findings: this.pending.length,
      files_quarantined: this.#quarantined.size,
    };
  }

  /** Scans a batch's admitted media; returns the batch with matched and broken items replaced. */
  async scan(result: BatchResult): Promise<BatchResult> {
    const jobs: { index: number; outcome: Admitted; offset: number }[] = [];
    let offset = 0;
    result.outcomes.forEach((outcome, index) => {
      if (outcome.kind !== 'admitted') return;
      if (outcome.media) jobs.push({ index, outcome, offset });
      offset += outcome.length;
    });
    if (jobs.length === 0) return result;

    const admitted = Buffer.from(
      result.admitted.buffer,
      result.admitted.byteOffset,
      result.admitted.byteLength,
    );
    const replaced = new Map<number, PackedOutcome>();
    let next = 0;
    const worker = async () => {
      for (let j = next++; j < jobs.length; j = next++) {
        const { index, outcome, offset: at } = jobs[j]!;
        const line = admitted.subarray(at, at + outcome.length);
        const verdict = await this.#scanOne(outcome, line, result, index);
        if (verdict) replaced.set(index, verdict);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
    return replaced.size === 0 ? result : withoutAdmitted(result, replaced);
  }

  async #scanOne(
    outcome: Admitted,
    line: Buffer,
    result: BatchResult,
    index: number,
  ): Promise<PackedOutcome | undefined> {
    const media = outcome.media!;
    const isImage = outcome.itemKind === 'image';
    const needsBytes = this.#md5Banks.length > 0 || (isImage && this.#pdqBanks.length > 0);
    if (!needsBytes && this.#sha256Banks.length === 0) return undefined;
    this.filesScanned++;
    const { sha256 } = media.entry;
    let md5: string | undefined;
    let pdq: { hash: string; quality: number } | undefined;
    const matches: { matcher: Matcher; match: BankMatch }[] = [];
    try {
      const bytes = needsBytes ? await readFile(media.source) : undefined;
      if (bytes) md5 = createHash('md5').update(bytes).digest('hex');
      if (bytes && isImage && this.#pdqBanks.length > 0) {
        const decoded = await decodeForPdq(bytes, this.#policy, this.options.limits, media.source);
        const hashed = pdqOfDecoded(decoded, this.options.dihedral ?? false);
        this.imagesHashed++;
        pdq = { hash: hash256ToHex(hashed.hash), quality: hashed.quality };
        for (const matcher of this.#pdqBanks) {
          if (this.#isAllowed(matcher, sha256)) continue;
          const [best] = matcher.matchPdq(hashed.dihedral ?? hashed.hash);
          if (best) matches.push({ matcher, match: best });
        }
      }
    } catch (err) {
      if (
        err instanceof ObhutError &&
        (err.code === 'IMAGE_INVALID' || err.code === 'IMAGE_TOO_LARGE')
      ) {
        return {
          kind: 'rejected',
          code: err.code,
          error: err.message,
          id: outcome.id,
          fingerprint: outcome.fingerprint,
        };
      }
      throw err;
    }
    for (const matcher of this.#sha256Banks) {
      if (this.#isAllowed(matcher, sha256)) continue;
      const [best] = matcher.matchExact(sha256);
      if (best) matches.push({ matcher, match: best });
    }
    if (md5 !== undefined) {
      for (const matcher of this.#md5Banks) {
        if (this.#isAllowed(matcher, sha256)) continue;
        const [best] = matcher.matchExact(md5);
        if (best) matches.push({ matcher, match: best });
      }
    }
    if (matches.length === 0) return undefined;

    // The file goes into the quarantine before the item is reported excluded: a build never
    // records a finding whose file it did not lock away.
    const stored = await quarantineFile(
      this.options.quarantine.home,
      this.options.quarantine.key,
      media.source,
      sha256,
    );
    if (stored.fresh) this.#quarantined.add(sha256);
    this.itemsMatched++;
    const record = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
    const provenance = provenanceOf(
      record,
      outcome.id,
      this.inputs[result.inputIndex]!,
      result.numbers[index]!,
    );
    const file = {
      name: typeof record.media === 'string' ? record.media : media.entry.path,
      size: media.entry.bytes,
      sha256,
      md5: md5 ?? (await digestFile(media.source, 'md5')),
      ...(pdq === undefined ? {} : { pdq: pdq.hash, pdqQuality: pdq.quality }),
    };
    for (const { matcher, match } of matches) {
      this.pending.push({
        bank: matcher.bank.name,
        signalType: matcher.bank.signalType,
        ...(matcher.bank.listVersion === null ? {} : { bankVersion: matcher.bank.listVersion }),
        matchedHash: match.hash,
        distance: match.distance,
        labels: match.labels,
        ...(matcher.bank.signalType === 'pdq' ? { hashPolicy: this.#policy } : {}),
        provenance,
        file,
      });
    }
    return {
      kind: 'excluded',
      id: outcome.id,
      fingerprint: outcome.fingerprint,
      reasons: ['safety_match'],
    };
  }

  #isAllowed(matcher: Matcher, sha256: string): boolean {
    return this.#allowed.get(matcher.bank.name)?.has(sha256) ?? false;
  }
}

/** The provenance fields of an admitted record (as written, with its `_obhut` block). */
function provenanceOf(
  record: Record<string, unknown>,
  id: string,
  input: string,
  line: number,
): FindingProvenance {
  const source = isObject(record.source) ? record.source : {};
  const obhut = isObject(record._obhut) ? record._obhut : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const entries: [keyof FindingProvenance, string | undefined][] = [
    ['sourceUrl', text(source.url)],
    ...Object.entries(splitDataset(text(source.dataset))).map(
      ([k, v]) => [k as keyof FindingProvenance, v] as [keyof FindingProvenance, string],
    ),
    ['collectedAt', text(source.collected_at)],
    ['collector', text(source.collector)],
    ['license', text(source.license)],
    ['createdAt', text(record.created_at)],
    ['visibility', text(record.visibility) ?? 'public'],
    ['subject', text(obhut.subject)],
  ];
  return {
    recordId: id,
    input,
    line,
    ...Object.fromEntries(entries.filter(([, v]) => v !== undefined)),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The batch with some admitted outcomes replaced: their lines, leaf hashes and pseudonyms are
 * taken out of the packed blocks, so the writer sees them as never admitted.
 */
function withoutAdmitted(
  result: BatchResult,
  replaced: ReadonlyMap<number, PackedOutcome>,
): BatchResult {
  const lines: Uint8Array[] = [];
  const hashes: Uint8Array[] = [];
  const subjects: Uint8Array[] = [];
  const outcomes: PackedOutcome[] = [];
  let at = 0;
  let admittedIndex = 0;
  let subjectIndex = 0;
  result.outcomes.forEach((outcome, i) => {
    if (outcome.kind !== 'admitted') {
      outcomes.push(outcome);
      return;
    }
    const keep = !replaced.has(i);
    if (keep) {
      lines.push(result.admitted.subarray(at, at + outcome.length));
      hashes.push(result.leafHashes.subarray(admittedIndex * 32, admittedIndex * 32 + 32));
      if (outcome.hasSubject)
        subjects.push(result.subjects.subarray(subjectIndex * 32, subjectIndex * 32 + 32));
    }
    outcomes.push(keep ? outcome : replaced.get(i)!);
    at += outcome.length;
    admittedIndex++;
    if (outcome.hasSubject) subjectIndex++;
  });
  return {
    ...result,
    outcomes,
    admitted: Buffer.concat(lines),
    leafHashes: Buffer.concat(hashes),
    subjects: Buffer.concat(subjects),
  };
}
