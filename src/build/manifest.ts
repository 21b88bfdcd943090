import type { Policy, Reason } from '../policy/index.js';

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
  };
  /** RFC 6962 Merkle Tree Hash (hex) over the admitted lines as written, in output order. */
  readonly items_root: string;
}

export interface FileEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly records?: number;
}
