import type { TransparencyLog } from '../log/index.js';
import { csvRecordFields } from '../records/csv-record.js';
import { parseStrictJson } from '../records/strict-json.js';
import { emailIdentity, recordIdentityLink } from './record-link.js';

/** One line of an identity import: an address, an account, and link (the default) or unlink. */
export interface LinkLine {
  readonly email: string;
  readonly platform: string;
  readonly account: string;
  readonly action: 'link' | 'unlink';
}

export interface LinkImportResult {
  readonly lines: number;
  readonly linked: number;
  readonly unlinked: number;
  readonly rejected: readonly { readonly line: number; readonly error: string }[];
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;
// Appended concurrently in groups, so the log writer commits each group as one batch.
const GROUP = 256;

/**
 * Reads one line, JSONL (`{"email","platform","account","action"?}`, strict: a repeated key is
 * refused, not read as its last value) or CSV (`email,platform,account[,action]`, RFC 4180
 * quoting as consent tools export it; one record a line).
 */
export function parseLinkLine(text: string): LinkLine | { readonly error: string } {
  let fields: Record<string, unknown>;
  if (text.startsWith('{')) {
    const parsed = parseStrictJson(text);
    if (!parsed.ok) return { error: parsed.error };
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      return { error: 'not a JSON object' };
    fields = parsed.value as Record<string, unknown>;
  } else {
    const cells = csvRecordFields(text);
    if (cells === 'open') return { error: 'a quoted field is not closed' };
    if (typeof cells === 'string') return { error: cells };
    const [email, platform, account, action, ...rest] = cells.map((f) => f.trim());
    if (rest.length > 0) return { error: 'more than four CSV fields' };
    fields = { email, platform, account, ...(action ? { action } : {}) };
  }
  const { email, platform, account, action = 'link' } = fields;
  const extra = Object.keys(fields).filter(
    (k) => !['email', 'platform', 'account', 'action'].includes(k),
  );
  if (extra.length > 0) return { error: `unknown field ${extra[0]}` };
  if (typeof email !== 'string' || !EMAIL.test(email.trim()))
    return { error: 'email is not an address' };
  if (typeof platform !== 'string' || platform.length === 0 || platform.length > 200)
    return { error: 'platform must be 1–200 characters' };
  if (typeof account !== 'string' || account.length === 0 || account.length > 1000)
    return { error: 'account must be 1–1000 characters' };
  if (action !== 'link' && action !== 'unlink') return { error: 'action must be link or unlink' };
  return { email: email.trim().toLowerCase(), platform, account, action };
}

/**
 * Links (or unlinks) every valid line's address and account, each through the log as
 * `obhut identity link` does; invalid lines are reported by number and the others still count.
 * A CSV header line (`email,platform,account…`) is skipped.
 */
export async function importIdentityLinks(
  text: string,
  log: TransparencyLog,
  secret: Buffer,
): Promise<LinkImportResult> {
  const rejected: { line: number; error: string }[] = [];
  const valid: LinkLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let counted = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0 || (i === 0 && /^email\s*,/i.test(line))) return;
    counted++;
    const parsed = parseLinkLine(line);
    if ('error' in parsed) rejected.push({ line: i + 1, error: parsed.error });
    else valid.push(parsed);
  });
  for (let i = 0; i < valid.length; i += GROUP) {
    await Promise.all(
      valid.slice(i, i + GROUP).map((l) =>
        recordIdentityLink(log, secret, {
          identities: [emailIdentity(l.email), { platform: l.platform, account: l.account }],
          action: l.action,
          via: 'operator',
        }),
      ),
    );
  }
  const linked = valid.filter((l) => l.action === 'link').length;
  return { lines: counted, linked, unlinked: valid.length - linked, rejected };
}
