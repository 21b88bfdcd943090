import { createRequire } from 'node:module';
import type * as Commander from 'commander';

// commander is CommonJS. `require` loads it as such; an `import` of it goes through its ES module
// wrapper, which runs Node's CommonJS export lexer over its source first (issue 13, start-up).
// Every command takes its classes from here, so one load serves them all.
export const { Argument, Command, CommanderError, Option } = createRequire(import.meta.url)(
  'commander',
) as typeof Commander;
