import type { OptoutPolicy, Policy, Reason, SignalType } from '../policy/index.js';
import type { WarcCounts } from '../warc/index.js';
import type { SafetySummary } from './safety-scan.js';

export const MANIFEST_FORMAT = 'obhut-build-manifest/1';

/** manifest.json: what went in, what came out, and under which policy and registry state. */
export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly tool: { readonly name: 'obhut'; readonly version: string };
  readonly purpose: string;
  /** input = admitted + excluded + rejected. Blank lines are not records and are counted apart. */
  readonly counts: {
    readonly input: number;
    readonly admitted: number;
    readonly excluded: number;
    readonly rejected: number;
    readonly blank_lines: number;
  };
  /** How many excluded items each reason applied to; an item with two reasons counts twice. */
  readonly excluded_by_reason: Readonly<Record<Reason, number>>;
  /** How many rejected records each error code applied to. */
  readonly rejected_by_code: Readonly<Record<string, number>>;
  readonly inputs: readonly FileEntry[];
  readonly outputs: readonly FileEntry[];
  /** Media files copied beside the admitted items, named by their SHA-256. */
  readonly media: { readonly files: number; readonly bytes: number };
  readonly policy: { readonly sha256: string; readonly effective: Policy };
  readonly consent: {
    readonly at: string;
    readonly events_considered: number;
    readonly events_sha256: string;
    readonly subjects_objected: number;
    readonly subjects_consented: number;
    /**
     * The transparency log's signed checkpoint the register was read at: only consent events
     * logged in the tree of this size were considered.
     */
    readonly checkpoint: ManifestCheckpoint;
  };
  /** RFC 6962 Merkle Tree Hash (hex) over the admitted lines as written, in output order. */
  readonly items_root: string;
  /**
   * RFC 6962 Merkle Tree Hash (hex) over the sorted, distinct pseudonyms of the subjects with at
   * least one admitted item; each leaf is a pseudonym's 32 raw bytes. They are in subjects.bin.
   */
  readonly subjects_root: string;
  readonly subjects_count: number;
  /**
   * Only when the policy redacts personal data: admitted items in which something was redacted,
   * all findings redacted, and the findings per entity type (sorted by type).
   */
  readonly pii?: {
    readonly redacted_items: number;
    readonly spans: number;
    readonly spans_by_type: Readonly<Record<string, number>>;
  };
  /** Only when the build scanned media against hash banks (`--bank`). */
  readonly safety?: SafetySummary;
  /** Only when web opt-outs were evaluated (a crawl as input, --signals, or a policy naming `optout`). */
  readonly optout?: OptoutSummary;
  /** Only for a build merged from shards: the plan file's SHA-256 and its number of shards. */
  readonly plan?: { readonly sha256: string; readonly shards: number };
}

export interface OptoutSummary {
  /** OPTOUT_EVALUATOR_VERSION: which reading of the signals decided. */
  readonly evaluator: string;
  /** The opt-outs honoured (the policy's `optout` or the defaults; no signals without honor_tdm_reservation). */
  readonly policy: OptoutPolicy;
  /** Excluded items per signal type that reserved them; an item may count under several. */
  readonly reserved_by_signal: Readonly<Record<SignalType, number>>;
  /** The --signals files read. */
  readonly signals: readonly FileEntry[];
  /** The robots.txt and tdmrep.json captures used, one per origin and kind. */
  readonly captures: readonly {
    readonly url: string;
    readonly status: number;
    readonly sha256: string;
    readonly date: string;
  }[];
  /** Per WARC input (its index in `inputs`): what its records were. */
  readonly warc: readonly ({ readonly input: number } & WarcCounts)[];
}

export interface ManifestCheckpoint {
  readonly origin: string;
  readonly size: number;
  /** The tree's root hash, base64, as in the checkpoint itself. */
  readonly root: string;
  /** The signed checkpoint (a C2SP signed note), verbatim. */
  readonly note: string;
}

export interface FileEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly records?: number;
}
