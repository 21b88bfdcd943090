export { CompactRange, type TreeNode } from './compact-range.js';
export { emptyTreeHash, leafHash, nodeHash } from './hash.js';
export { type NodeKey, type NodeLookup, nodeRangeHasher, nodesNeeded } from './node-hasher.js';
export {
  consistencyProof,
  inclusionProof,
  memoryRangeHasher,
  type ProofCheck,
  type RangeHasher,
  verifyConsistency,
  verifyInclusion,
} from './proofs.js';
export { merkleTreeHash, TreeHasher } from './tree-hasher.js';
