import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { addPlatform, loadPlatformKeys, PLATFORMS_FILE } from '../../identity/index.js';
import { namedVariable, readConfig } from '../../runtime/config.js';
import { print } from '../io.js';
import { table } from '../output.js';

export function registerPlatform(program: Command): void {
  const platform = program
    .command('platform')
    .description('the platforms whose link tokens the portal accepts (platforms.json)');

  platform
    .command('add')
    .description('let a platform send people to the portal with signed link tokens (JWTs)')
    .argument('<name>', 'the platform, as its link tokens name it (claim "platform")')
    .option(
      '--hmac',
      'generate a shared key (HS256) into platform-<name>.key beside platforms.json',
    )
    .option(
      '--ed25519-public-key <file>',
      "the platform's Ed25519 public key (PEM, JWK, or 32 bytes base64): it signs EdDSA tokens itself",
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (name: string, opts: { hmac?: boolean; ed25519PublicKey?: string; json?: boolean }) => {
        if (Boolean(opts.hmac) === (opts.ed25519PublicKey !== undefined))
          throw new ObhutError('USAGE', 'give exactly one of --hmac and --ed25519-public-key FILE');
        const { home } = readConfig();
        let publicKeyText: string | undefined;
        if (opts.ed25519PublicKey !== undefined) {
          publicKeyText = await readFile(opts.ed25519PublicKey, 'utf8').catch((err: Error) => {
            throw new ObhutError('USAGE', `cannot read ${opts.ed25519PublicKey}: ${err.message}`);
          });
          if (publicKeyText.length > 4096)
            throw new ObhutError('USAGE', `${opts.ed25519PublicKey} is too large for a public key`);
        }
        const added = await addPlatform(
          home,
          name,
          publicKeyText === undefined ? { kind: 'hmac' } : { kind: 'ed25519', publicKeyText },
        );
        print(
          opts.json,
          { platform: name, algorithm: added.keyFile ? 'HS256' : 'EdDSA', ...added },
          () =>
            added.keyFile
              ? `Added ${name} (HS256) to ${added.file}. Give the platform the key in ${added.keyFile}; restart obhut serve to accept its tokens.`
              : `Added ${name} (EdDSA) to ${added.file}; restart obhut serve to accept its tokens.`,
        );
      },
    );

  platform
    .command('list')
    .description(`the platforms in ${PLATFORMS_FILE} and how their tokens are signed`)
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const keys = loadPlatformKeys(readConfig().home, namedVariable);
      const rows = [...keys].map(([name, key]) => ({
        name,
        algorithm: key.kind === 'hmac' ? 'HS256' : 'EdDSA',
      }));
      print(opts.json, { platforms: rows }, () =>
        rows.length === 0
          ? `No platforms in ${PLATFORMS_FILE}.`
          : table([['platform', 'algorithm'], ...rows.map((r) => [r.name, r.algorithm])]),
      );
    });
}
