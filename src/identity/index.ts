export * from './email-codes.js';
export * from './link-token.js';
export * from './mailer.js';
export * from './platform-token.js';
export * from './platforms.js';
export * from './session-token.js';
export * from './spent-link-tokens.js';
