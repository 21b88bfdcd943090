import { ObhutError } from '../errors/index.js';
import {
  CompactRange,
  consistencyProof,
  inclusionProof,
  leafHash,
  type NodeKey,
  nodeRangeHasher,
  nodesNeeded,
  type RangeHasher,
} from '../merkle/index.js';
import type { LogStorage, StoredCheckpoint } from './log-storage.js';

/** Reads the log and computes proofs from stored nodes, one query per proof. */
export class LogReader {
  constructor(private readonly store: LogStorage) {}

  async size(): Promise<number> {
    return this.store.logSize();
  }

  async checkpoint(size?: number): Promise<StoredCheckpoint> {
    const checkpoint = await this.store.logCheckpoint(size);
    if (!checkpoint) {
      throw new ObhutError(
        'NOT_FOUND',
        size === undefined
          ? 'the log has no checkpoint yet; run `obhut init`'
          : `no checkpoint was signed at size ${size}`,
      );
    }
    return checkpoint;
  }

  async entry(index: number): Promise<Buffer> {
    const [entry] = await this.store.logEntries(index, index + 1);
    if (!entry) throw new ObhutError('NOT_FOUND', `the log has no entry ${index}`);
    return entry;
  }

  async inclusionProof(index: number, size: number): Promise<Buffer[]> {
    await this.checkSizes(index + 1, size, `entry ${index}`);
    return this.compute((h) => inclusionProof(index, size, h));
  }

  async consistencyProof(oldSize: number, size: number): Promise<Buffer[]> {
    await this.checkSizes(oldSize, size, `size ${oldSize}`);
    return this.compute((h) => consistencyProof(oldSize, size, h));
  }

  private async checkSizes(lower: number, size: number, what: string): Promise<void> {
    const logSize = await this.store.logSize();
    if (!Number.isSafeInteger(size) || size < 1 || size > logSize) {
      throw new ObhutError(
        'NOT_FOUND',
        `the log has ${logSize} entries; size ${size} is not one of its trees`,
      );
    }
    if (!Number.isSafeInteger(lower) || lower < 0 || lower > size) {
      throw new ObhutError('NOT_FOUND', `${what} is not within the tree of size ${size}`);
    }
  }

  private async compute(proof: (h: RangeHasher) => Buffer[]): Promise<Buffer[]> {
    const needed: readonly NodeKey[] = nodesNeeded(proof);
    const nodes = await this.store.logNodes(needed);
    return proof(nodeRangeHasher((level, index) => nodes.get(`${level}/${index}`)));
  }
}

export interface LogAudit {
  readonly size: number;
  readonly checkpoints: number;
  readonly problems: readonly string[];
}

/**
 * Recomputes the whole tree from the stored entries and checks every stored node, every stored
 * checkpoint (root and signature) and the stored right edge against it. Reads in pages, so its
 * memory does not grow with the log.
 */
export async function auditLog(
  store: LogStorage,
  checkSignature: (checkpoint: StoredCheckpoint) => string | undefined,
  onProgress?: (entries: number) => void,
): Promise<LogAudit> {
  const problems: string[] = [];
  const size = await store.logSize();
  const edge = CompactRange.empty();
  let checkpoints = 0;
  const checkpointPages = store.logCheckpoints()[Symbol.asyncIterator]();
  let pending: StoredCheckpoint[] = [];
  const nextCheckpoints = async () => {
    const next = await checkpointPages.next();
    pending = next.done ? [] : next.value;
  };
  await nextCheckpoints();
  const checkAt = async () => {
    while (pending.length > 0 && pending[0]!.size <= edge.size) {
      const cp = pending.shift()!;
      checkpoints++;
      if (cp.size < edge.size) problems.push(`checkpoint at size ${cp.size} was skipped`);
      else if (!cp.root.equals(edge.root()))
        problems.push(`checkpoint at size ${cp.size} does not match the entries`);
      const signature = checkSignature(cp);
      if (signature) problems.push(`checkpoint at size ${cp.size}: ${signature}`);
      if (pending.length === 0) await nextCheckpoints();
    }
  };
  await checkAt();
  const PAGE = 2000;
  for (let start = 0; start < size; start += PAGE) {
    const entries = await store.logEntries(start, Math.min(size, start + PAGE));
    if (entries.length !== Math.min(PAGE, size - start)) {
      problems.push(`entries ${start}… are missing`);
      break;
    }
    const expected: { key: NodeKey; hash: Buffer }[] = [];
    for (const entry of entries) {
      const index = edge.size;
      const leaf = leafHash(entry);
      expected.push({ key: [0, index], hash: leaf });
      for (const n of edge.append(leaf)) expected.push({ key: [n.level, n.index], hash: n.hash });
      await checkAt();
    }
    const stored = await store.logNodes(expected.map((e) => e.key));
    for (const { key, hash } of expected) {
      if (!stored.get(`${key[0]}/${key[1]}`)?.equals(hash)) {
        problems.push(`stored node ${key[0]}/${key[1]} is missing or wrong`);
      }
    }
    onProgress?.(edge.size);
  }
  if (pending.length > 0) problems.push(`a checkpoint at size ${pending[0]!.size} exceeds the log`);
  const latest = await store.logCheckpoint();
  if (latest && latest.size !== size)
    problems.push('the log size differs from its latest checkpoint');
  return { size, checkpoints, problems };
}
