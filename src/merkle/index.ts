export { emptyTreeHash, leafHash, nodeHash } from './hash.js';
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
