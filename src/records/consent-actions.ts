/**
 * What a consent event does. In a file of its own, without zod, so that a command that only
 * names the actions (`obhut consent record --help`, the consent log's entries) does not build
 * the event schemas of consent-event.ts when it starts.
 */
export const CONSENT_ACTIONS = [
  'object',
  'revoke_objection',
  'consent',
  'withdraw_consent',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
