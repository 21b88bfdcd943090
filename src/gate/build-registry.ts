export interface BuildSummary {
  readonly manifestSha256: string;
  readonly purpose: string;
  readonly consentAt: string;
  readonly itemsRoot: string;
  readonly admitted: number;
  readonly excluded: number;
  readonly rejected: number;
  readonly createdAt: string;
  /** The build's id: the first 16 hex digits of its manifest's SHA-256. Absent on old records. */
  readonly buildId?: string;
  /** RFC 6962 root (hex) over the build's sorted subject pseudonyms. */
  readonly subjectsRoot?: string;
  readonly subjectsCount?: number;
  /** Index of the build's `build` entry in the transparency log. */
  readonly logIndex?: number;
  /** Size of the log checkpoint whose consent events the build honoured. */
  readonly checkpointSize?: number;
}

/** The builds published so far, with their subjects (for subjects proofs). */
export interface BuildRegistry {
  /**
   * Records a build once per manifest digest, with its sorted subject pseudonyms (packed 32-byte
   * records, given as consecutive blocks) when it has a `buildId`, in one transaction.
   */
  recordBuild(build: BuildSummary, subjects?: Iterable<Uint8Array>): Promise<void>;
  listBuilds(): Promise<BuildSummary[]>;
  /**
   * A build's sorted subject pseudonyms, packed 32 bytes each (empty when no admitted item named
   * a subject); undefined for an unknown build id or a build recorded without them.
   */
  buildSubjects(buildId: string): Promise<Buffer | undefined>;
}
