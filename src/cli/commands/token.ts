import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { loadPlatformKeys, mintLinkToken } from '../../identity/index.js';
import { namedVariable, readConfig } from '../../runtime/config.js';
import { print } from '../io.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('platform link tokens for the portal');
  token
    .command('mint')
    .description('make a short-lived link token, as a platform would, for development and tests')
    .requiredOption('--platform <platform>', 'a platform in <home>/platforms.json with an HMAC key')
    .requiredOption('--account <account>', 'the account on that platform')
    .option('--email <address>', 'a verified e-mail address of the account holder, to link to it')
    .option('--ttl <seconds>', 'lifetime in seconds (at most 900)', '600')
    .option('--url <base>', 'print a portal link on this base URL instead of the bare token')
    .option('--json', 'print as JSON')
    .action(
      async (opts: {
        platform: string;
        account: string;
        email?: string;
        ttl: string;
        url?: string;
        json?: boolean;
      }) => {
        const key = loadPlatformKeys(readConfig().home, namedVariable).get(opts.platform);
        if (!key)
          throw new ObhutError('USAGE', `platform ${opts.platform} is not in platforms.json`);
        if (key.kind !== 'hmac') {
          throw new ObhutError(
            'USAGE',
            `platform ${opts.platform} signs its own Ed25519 tokens; Obhut holds only its public key`,
          );
        }
        const ttl = Number(opts.ttl);
        if (!Number.isInteger(ttl) || ttl < 1 || ttl > 900)
          throw new ObhutError('USAGE', '--ttl must be 1–900');
        const value = await mintLinkToken(
          {
            platform: opts.platform,
            account: opts.account,
            ttlSeconds: ttl,
            ...(opts.email === undefined ? {} : { email: opts.email }),
          },
          key,
        );
        const link = opts.url
          ? `${opts.url.replace(/\/$/, '')}/?token=${encodeURIComponent(value)}`
          : undefined;
        print(opts.json, { token: value, ...(link ? { link } : {}) }, () => link ?? value);
      },
    );
}
