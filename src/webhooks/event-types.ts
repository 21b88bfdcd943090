/**
 * What an endpoint can subscribe to. `model_impact`: an objection or withdrawal by a person
 * who is in a build a registered model was trained on (docs/webhooks.md).
 */
export const WEBHOOK_EVENT_TYPES = ['consent', 'erasure', 'build', 'model_impact'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Reads `consent,erasure,build`: every name known, none twice, at least one. Returns the names
 * in the canonical order so two spellings of one subscription are stored alike.
 */
export function parseEventTypes(
  text: string,
): { ok: true; value: WebhookEventType[] } | { ok: false; error: string } {
  const names = text.split(',').map((n) => n.trim());
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(name)) {
      return {
        ok: false,
        error: `event type ${i + 1} ("${name}") is not one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      };
    }
    if (seen.has(name)) return { ok: false, error: `event type "${name}" is given twice` };
    seen.add(name);
  }
  return { ok: true, value: WEBHOOK_EVENT_TYPES.filter((t) => seen.has(t)) };
}
