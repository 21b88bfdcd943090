import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandNamed } from '../../src/cli/command-table.js';
import { createProgram } from '../../src/cli/main.js';

describe('the CLI command table', () => {
  // `obhut --help` lists commands from the table without loading them, so the table must say
  // what each command declares once loaded.
  for (const entry of COMMANDS) {
    it(`${entry.name}: the table's help term and description are the command's own`, async () => {
      const program = new Command();
      (await entry.register())(program);
      const loaded = program.commands.find((c) => c.name() === entry.name);
      expect(loaded, `${entry.name} registers a command of that name`).toBeDefined();
      expect(entry.description).toBe(loaded!.description());
      expect(entry.term).toBe(new Help().subcommandTerm(loaded!));
    });
  }

  it('loads only the command it runs, and `help X` loads X', async () => {
    expect(commandNamed(['build', '--input', 'x'])?.name).toBe('build');
    expect(commandNamed(['help', 'hash'])?.name).toBe('hash');
    expect(commandNamed(['--version'])).toBeUndefined();
    const program = await createProgram(['hash', 'pdq', 'a.png']);
    const hash = program.commands.find((c) => c.name() === 'hash')!;
    const bank = program.commands.find((c) => c.name() === 'bank')!;
    // The loaded command declares its arguments; a listed one has none until it runs.
    expect(hash.registeredArguments.length).toBeGreaterThan(0);
    expect(bank.commands).toHaveLength(0);
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
  });
});
