import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { verifyBuildFolder } from '../../gate/verify-build-folder.js';
import { print } from '../io.js';
import { terminalText } from '../terminal-text.js';

/**
 * `obhut build verify DIR`: rechecks a build output folder against its own manifest, offline
 * (no home, no database), and says what holds. Any mismatch exits 2 (VERIFY_FAILED).
 */
export function registerBuildVerify(build: Command): void {
  build
    .command('verify')
    .description(
      "recheck a build output folder against its manifest, offline: every file's SHA-256, items_root, subjects_root and the counts",
    )
    .argument('<dir>', 'the build output folder')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const result = await verifyBuildFolder(dir);
      print(flags.json, result, () =>
        [
          ...result.checks.map((c) =>
            terminalText(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`),
          ),
          '',
          result.ok ? `Holds: ${result.statement}` : 'Does NOT hold: see the failed checks above.',
        ].join('\n'),
      );
      if (!result.ok) {
        const failed = result.checks.filter((c) => !c.ok).map((c) => c.check);
        throw new ObhutError(
          'VERIFY_FAILED',
          `${dir} does not match its manifest (${failed.join(', ')})`,
        );
      }
    });
}
