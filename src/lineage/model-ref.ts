import { ObhutError } from '../errors/index.js';
import { MODEL_NAME, MODEL_VERSION } from '../log/entry.js';

/** A model named by its name and version, as `NAME@VERSION`. */
export interface ModelRef {
  readonly name: string;
  readonly version: string;
}

/**
 * Reads `NAME@VERSION`. Neither part may contain `@`, so the split is never ambiguous; anything
 * else is rejected with the position of the first character that does not fit.
 */
export function parseModelRef(text: string): ModelRef {
  const at = text.indexOf('@');
  if (at < 0) throw new ObhutError('USAGE', `a model is named NAME@VERSION, not "${shown(text)}"`);
  const name = text.slice(0, at);
  const version = text.slice(at + 1);
  if (!MODEL_NAME.test(name)) {
    throw new ObhutError(
      'USAGE',
      `model name "${shown(name)}" is not valid at character ${badAt(name, /[A-Za-z0-9._/-]/, 128) + 1}: 1–128 of A–Z a–z 0–9 . _ / -, starting with a letter or digit`,
    );
  }
  if (!MODEL_VERSION.test(version)) {
    throw new ObhutError(
      'USAGE',
      `model version "${shown(version)}" is not valid at character ${at + 2 + badAt(version, /[A-Za-z0-9._+-]/, 64)}: 1–64 of A–Z a–z 0–9 . _ + -, starting with a letter or digit`,
    );
  }
  return { name, version };
}

export function formatModelRef(ref: ModelRef): string {
  return `${ref.name}@${ref.version}`;
}

/** Index of the first character that breaks the rule (the first one must be alphanumeric). */
function badAt(part: string, allowed: RegExp, max: number): number {
  if (part.length === 0 || !/[A-Za-z0-9]/.test(part[0]!)) return 0;
  for (let i = 1; i < part.length; i++) {
    if (i >= max || !allowed.test(part[i]!)) return i;
  }
  return part.length;
}

/** Echoes operator input bounded, so a huge or control-laden argument cannot flood the message. */
function shown(text: string): string {
  const clipped = text.length > 140 ? `${text.slice(0, 140)}…` : text;
  return JSON.stringify(clipped).slice(1, -1);
}
