export * from './deliver.js';
export * from './event-types.js';
export * from './http-sender.js';
export * from './messages.js';
export * from './schedule.js';
export * from './signature.js';
export * from './webhook-store.js';
