import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ObhutError } from '../errors/index.js';
import type { BatchResult, PackedOutcome } from '../evaluation/evaluate-batch.js';
import type { KeptMedia } from '../evaluation/kept-media.js';
import type { MediaEntry } from '../evaluation/media.js';
import { DEFAULT_MIN_PDQ_QUALITY } from '../safety/bank.js';
import { digestFile } from '../safety/file-digest.js';
import { type Finding, type FindingProvenance, splitDataset } from '../safety/finding.js';
import type { HashPolicy, ImageLimits } from '../safety/image-input.js';
import type { BankMatch, Matcher } from '../safety/matcher.js';
import { hash256ToHex } from '../safety/pdq/index.js';
import { PdqPool } from '../safety/pdq-pool.js';
import { quarantineFile } from '../safety/quarantine.js';
import type { AllowedFile } from '../safety/safety-store.js';
import { withReplaced } from './batch-replace.js';

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
  /**
   * Images whose own PDQ quality is below this are "not hashable": never matched against PDQ
   * banks (a flat image's hash is noise), only counted. Default 50, as the reference advises.
   */
  readonly minQuality?: number;
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
  /** Images below this PDQ quality are not matched against PDQ banks. */
  readonly min_quality: number;
  /** Admitted media files hashed (sha256/md5) and, for images, PDQ-hashed. */
  readonly files_scanned: number;
  readonly images_hashed: number;
  /** Images PDQ-hashed whose quality was below `min_quality`, so not matched by PDQ. */
  readonly images_not_hashable: number;
  /** Media of items excluded for other reasons, scanned all the same. */
  readonly excluded_files_scanned: number;
  /** Items excluded with reason `safety_match`; one item can match several banks. */
  readonly items_matched: number;
  readonly findings: number;
  /** Distinct files put into the encrypted quarantine by this build. */
  readonly files_quarantined: number;
}

type Admitted = Extract<PackedOutcome, { kind: 'admitted' }>;
type Excluded = Extract<PackedOutcome, { kind: 'excluded' }>;

/** One item's media to scan, admitted or excluded. */
interface Target {
  readonly outcome: Admitted | Excluded;
  readonly source: string;
  readonly itemKind: string;
  /** Admitted media's description, whose bytes may be kept (see KeptMedia). */
  readonly entry?: MediaEntry;
  /** Known for admitted media (hashed when it was described); computed for excluded. */
  readonly sha256?: string;
  readonly size?: number;
  readonly outputName?: string;
  readonly record: () => Record<string, unknown>;
  readonly subject?: string;
}

/**
 * Scans the media of every item against hash banks, between evaluation and writing: admitted
 * items, and items excluded for other reasons too (a duty to report does not depend on consent).
 * A matched item is `excluded` with reason `safety_match` (added to any reasons it had), its file
 * is encrypted into the quarantine and never reaches the output, and a finding is recorded. An
 * admitted image that cannot be decoded (or is over the limits) becomes a rejected record
 * instead of an unscanned admission; an excluded one stays excluded.
 */
export class SafetyScanner {
  readonly pending: PendingFinding[] = [];
  filesScanned = 0;
  imagesHashed = 0;
  imagesNotHashable = 0;
  excludedFilesScanned = 0;
  itemsMatched = 0;
  // Decodes in libvips' threads while this thread hashes, within one budget of decoded pixels.
  readonly #pdq = new PdqPool();
  readonly #minQuality: number;
  readonly #quarantined = new Set<string>();
  readonly #allowed: Map<string, Set<string>>;
  readonly #pdqBanks: readonly Matcher[];
  readonly #sha256Banks: readonly Matcher[];
  readonly #md5Banks: readonly Matcher[];
  readonly #policy: HashPolicy;
  /** Images of every batch being scanned, first come first served (see #startRunners). */
  readonly #queue: (() => Promise<void>)[] = [];
  #runners = 0;

  constructor(
    private readonly options: SafetyOptions,
    private readonly inputs: readonly string[],
    /** Media bytes read when items were described: the scan hashes those, not a second read. */
    private readonly kept?: KeptMedia,
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
    this.#minQuality = options.minQuality ?? DEFAULT_MIN_PDQ_QUALITY;
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
      min_quality: this.#minQuality,
      files_scanned: this.filesScanned,
      images_hashed: this.imagesHashed,
      images_not_hashable: this.imagesNotHashable,
      excluded_files_scanned: this.excludedFilesScanned,
      items_matched: this.itemsMatched,
      findings: this.pending.length,
      files_quarantined: this.#quarantined.size,
    };
  }

  /**
   * Scans a batch's media; returns the batch with matched and broken items replaced. Batches
   * may be scanned concurrently (their images share one queue and one pixel budget); each
   * answer is the batch's own.
   */
  async scan(result: BatchResult): Promise<BatchResult> {
    const admitted = Buffer.from(
      result.admitted.buffer,
      result.admitted.byteOffset,
      result.admitted.byteLength,
    );
    const jobs: { index: number; target: Target }[] = [];
    let offset = 0;
    result.outcomes.forEach((outcome, index) => {
      if (outcome.kind === 'excluded' && outcome.scan) {
        const { scan } = outcome;
        jobs.push({
          index,
          target: {
            outcome,
            source: scan.source,
            itemKind: scan.itemKind,
            record: () => JSON.parse(scan.record) as Record<string, unknown>,
            ...(scan.subject === undefined ? {} : { subject: scan.subject }),
          },
        });
        return;
      }
      if (outcome.kind !== 'admitted') return;
      const at = offset;
      offset += outcome.length;
      const { media } = outcome;
      if (!media) return;
      jobs.push({
        index,
        target: {
          outcome,
          source: media.source,
          itemKind: outcome.itemKind,
          entry: media.entry,
          sha256: media.entry.sha256,
          size: media.entry.bytes,
          outputName: media.entry.path,
          record: () =>
            JSON.parse(admitted.subarray(at, at + outcome.length).toString('utf8')) as Record<
              string,
              unknown
            >,
        },
      });
    });
    if (jobs.length === 0) return result;

    const replaced = new Map<number, PackedOutcome>();
    // Settles once every image of the batch is done, even after one failed: a build that fails
    // waits for its scans (run-build.ts) so that no match is still writing into the quarantine
    // while the output is discarded. The first failure is the answer.
    await new Promise<void>((resolve, reject) => {
      let left = jobs.length;
      let failure: { err: unknown } | undefined;
      for (const { index, target } of jobs) {
        this.#queue.push(async () => {
          try {
            const verdict = await this.#scanOne(target, result, index);
            if (verdict) replaced.set(index, verdict);
          } catch (err) {
            failure ??= { err };
          }
          if (--left > 0) return;
          if (failure) reject(failure.err);
          else resolve();
        });
      }
      this.#startRunners();
    });
    return replaced.size === 0 ? result : withReplaced(result, replaced);
  }

  /**
   * Runs queued images, `capacity` at a time, across batches: a batch's last images are still
   * decoding when the next batch's first ones start, so libvips' threads do not wait for the
   * build's thread between batches.
   */
  #startRunners(): void {
    while (this.#runners < this.#pdq.capacity && this.#queue.length > 0) {
      this.#runners++;
      void (async () => {
        for (let task = this.#queue.shift(); task; task = this.#queue.shift()) await task();
        this.#runners--;
      })();
    }
  }

  async #scanOne(
    target: Target,
    result: BatchResult,
    index: number,
  ): Promise<PackedOutcome | undefined> {
    const { outcome } = target;
    const isImage = target.itemKind === 'image';
    const needsBytes = this.#md5Banks.length > 0 || (isImage && this.#pdqBanks.length > 0);
    const excluded = outcome.kind === 'excluded';
    if (!needsBytes && this.#sha256Banks.length === 0) return undefined;
    this.filesScanned++;
    if (excluded) this.excludedFilesScanned++;
    let sha256 = target.sha256;
    let size = target.size;
    let md5: string | undefined;
    let pdq: { hash: string; quality: number } | undefined;
    const matches: { matcher: Matcher; match: BankMatch }[] = [];
    try {
      const kept = target.entry && this.kept?.get(target.entry);
      // Read at once rather than through the promise API: libuv's threads are busy decoding,
      // and a read is well under a millisecond (see readImageFile).
      const bytes = needsBytes ? (kept ?? readFileSync(target.source)) : undefined;
      if (bytes) {
        // MD5 only for MD5 banks: a matched file's finding digests it later (~0.3 ms an image).
        if (this.#md5Banks.length > 0) md5 = createHash('md5').update(bytes).digest('hex');
        sha256 ??= createHash('sha256').update(bytes).digest('hex');
        size ??= bytes.length;
      } else if (sha256 === undefined) {
        sha256 = await digestFile(target.source, 'sha256');
      }
      if (bytes && isImage && this.#pdqBanks.length > 0) {
        const hashed = await this.#pdq.hashBytes(
          bytes,
          {
            ...this.options.limits,
            policy: this.#policy,
            dihedral: this.options.dihedral ?? false,
          },
          target.source,
        );
        this.imagesHashed++;
        pdq = { hash: hash256ToHex(hashed.hash), quality: hashed.quality };
        if (hashed.quality < this.#minQuality) {
          this.imagesNotHashable++;
        } else {
          for (const matcher of this.#pdqBanks) {
            if (this.#isAllowed(matcher, sha256)) continue;
            const [best] = matcher.matchPdq(hashed.dihedral ?? hashed.hash);
            if (best) matches.push({ matcher, match: best });
          }
        }
      }
    } catch (err) {
      if (
        err instanceof ObhutError &&
        (err.code === 'IMAGE_INVALID' || err.code === 'IMAGE_TOO_LARGE')
      ) {
        // An excluded item stays excluded; its exact hashes are still checked below.
        if (excluded) {
          if (sha256 === undefined) return undefined;
        } else {
          return {
            kind: 'rejected',
            code: err.code,
            error: err.message,
            id: outcome.id,
            fingerprint: outcome.fingerprint,
          };
        }
      } else {
        throw err;
      }
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
      target.source,
      sha256,
    );
    if (stored.fresh) this.#quarantined.add(sha256);
    this.itemsMatched++;
    const record = target.record();
    const provenance = provenanceOf(
      record,
      outcome.id,
      this.inputs[result.inputIndex]!,
      result.numbers[index]!,
      target.subject,
    );
    const file = {
      name: typeof record.media === 'string' ? record.media : (target.outputName ?? sha256),
      size: size ?? (await stat(target.source)).size,
      sha256,
      md5: md5 ?? (await digestFile(target.source, 'md5')),
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
    const reasons = excluded ? outcome.reasons : [];
    return {
      kind: 'excluded',
      id: outcome.id,
      fingerprint: outcome.fingerprint,
      reasons: reasons.includes('safety_match') ? reasons : [...reasons, 'safety_match'],
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
  subject?: string,
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
    ['subject', subject ?? text(obhut.subject)],
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
