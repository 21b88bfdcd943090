import type { Command } from 'commander';
import { emailIdentity } from '../consent/email-identity.js';
import { ObhutError } from '../errors/index.js';
import { normaliseEmail } from '../identity/email-codes.js';
import type { SubjectAccount } from '../records/index.js';

export interface IdentityOptions {
  readonly email?: string;
  readonly platform?: string;
  readonly account?: string;
}

/** Adds `--email` and `--platform`/`--account`: one identity, named one way or the other. */
export function identityOptions(command: Command): Command {
  return command
    .option('--email <address>', 'a verified e-mail address (instead of --platform/--account)')
    .option('--platform <platform>', 'platform of the account, e.g. instagram')
    .option('--account <account>', 'account id on that platform');
}

/** The identity the options name: an e-mail address, or a platform account. */
export function identityFrom(opts: IdentityOptions): SubjectAccount {
  const account = opts.platform !== undefined || opts.account !== undefined;
  if (opts.email !== undefined && !account) return emailIdentity(normaliseEmail(opts.email));
  if (opts.email === undefined && opts.platform !== undefined && opts.account !== undefined) {
    return { platform: opts.platform, account: opts.account };
  }
  throw new ObhutError('USAGE', 'name the person with --email, or with --platform and --account');
}
