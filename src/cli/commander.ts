import { createRequire } from 'node:module';
import type * as Commander from 'commander';

let loaded: typeof Commander | undefined;

/**
 * commander, loaded on first use. It is CommonJS: `require` loads it as such, where an `import`
 * goes through its ES module wrapper and Node's CommonJS export lexer (issue 13, start-up). On
 * first use rather than as this module is evaluated: loaded while the CLI's chunks were still
 * being evaluated, it raised the peak RSS of `--version` by 4 MB (46 → 50 MB, every run).
 */
export function commander(): typeof Commander {
  loaded ??= createRequire(import.meta.url)('commander') as typeof Commander;
  return loaded;
}
