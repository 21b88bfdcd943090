import type { Command } from 'commander';
import { readConfig } from '../../runtime/config.js';
import { initHome } from '../../runtime/home.js';
import { print } from '../io.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the home folder (secret and SQLite database, or use OBHUT_DATABASE_URL)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = readConfig();
      const { created } = await initHome(config);
      const where = config.databaseUrl ? 'PostgreSQL (OBHUT_DATABASE_URL)' : config.home;
      print(
        opts.json,
        { home: config.home, database: config.databaseUrl ? 'postgres' : 'sqlite', created },
        () =>
          created.length > 0
            ? `Initialised Obhut home at ${config.home}; registry in ${where}.\nCreated: ${created.join(', ')}`
            : `Obhut home at ${config.home} is ready; registry in ${where}; nothing to create.`,
      );
    });
}
