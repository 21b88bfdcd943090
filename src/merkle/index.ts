export { emptyTreeHash, leafHash, nodeHash } from './hash.js';
export { merkleTreeHash, TreeHasher } from './tree-hasher.js';
