export * from './checkpoint.js';
export * from './entry.js';
export * from './log-reader.js';
export * from './log-writer.js';
export * from './note.js';
export * from './receipt.js';
export * from './tlog-proof.js';
export * from './transparency-log.js';
