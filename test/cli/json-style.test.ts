import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { runCliInProcess } from '../support/cli-in-process.js';
import { camelCaseKeys } from '../support/json-style.js';

const DIHEDRAL = path.join(import.meta.dirname, '../vectors/pdq/upstream/reg-test-input/dih');

// Commands whose --json output another test walks, because they need a running server or a
// long setup.
const WALKED_ELSEWHERE: Record<string, string> = {
  canary: 'test/server/canary.test.ts',
  'build status': 'test/cli/build-queue-cli.test.ts',
};

/** Every command path (`consent import`) that takes --json, with every command loaded. */
async function allCommandsWithJson(): Promise<string[]> {
  const program = new Command();
  for (const entry of COMMANDS) (await entry.register())(program);
  return commandsWithJson(program);
}

function commandsWithJson(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const name = [...prefix, sub.name()];
    const own = sub.options.some((o) => o.long === '--json') ? [name.join(' ')] : [];
    return [...own, ...commandsWithJson(sub, name)];
  });
}

describe('--json output of every command', () => {
  let cwd: string;
  const env = { OBHUT_STAFF_PASSWORD: 'a long passphrase for json' };
  const outputs = new Map<string, unknown>();

  /** Runs one command with --json and keeps its parsed output under its command path. */
  async function json<T = unknown>(command: string, args: string[], exitCode = 0): Promise<T> {
    // In this process (issue 13): what is checked is the JSON printed, not the process around it.
    const r = await runCliInProcess([...command.split(' '), ...args, '--json'], { cwd, env });
    expect(r.code, `${command}: ${r.stderr}`).toBe(exitCode);
    const parsed: T = JSON.parse(r.stdout);
    outputs.set(command, parsed);
    return parsed;
  }

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'obhut-json-style-'));
    await copyFile(path.join(DIHEDRAL, 'bridge-1-original.jpg'), path.join(cwd, 'bridge.jpg'));
    await copyFile(path.join(DIHEDRAL, 'bridge-6-flipy.jpg'), path.join(cwd, 'flipped.jpg'));
    await writeFile(
      path.join(cwd, 'events.jsonl'),
      [
        '{"platform":"ig","account":"1","purpose":"ai_training","action":"object","at":"2025-05-20T08:00:00Z","channel":"portal","reference":"ticket 1"}',
        '{"platform":"ig","account":"2","purpose":"ai_training","action":"consent","at":"2025-05-01T00:00:00Z","channel":"email"}',
        'not json',
      ].join('\n'),
    );
    await writeFile(
      path.join(cwd, 'items.jsonl'),
      [
        '{"id":"a","kind":"text","text":"hi","subject":{"platform":"ig","account":"1"}}',
        '{"id":"b","kind":"text","text":"hello","subject":{"platform":"ig","account":"2"}}',
        '{"id":"c","kind":"image","text":"a bridge","media":"bridge.jpg","source":{"url":"https://example.org/b"},"subject":{"platform":"ig","account":"3"}}',
        'garbage',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('uses snake_case keys everywhere and prints no store internals', async () => {
    await json('init', []);
    await json('consent import', ['events.jsonl'], 2);
    const status = await json<{ purposes: [{ deciding_event: object }] }>('consent status', [
      '--platform',
      'ig',
      '--account',
      '1',
    ]);
    expect(Object.keys(status.purposes[0].deciding_event).sort()).toEqual([
      'action',
      'at',
      'channel',
      'log_index',
      'reference',
      'subject',
    ]);
    await json('consent record', [
      ...['--platform', 'ig', '--account', '9', '--purpose', 'ai_training', '--action', 'object'],
      ...['--receipt', 'receipt.json'],
    ]);
    const ig9 = ['--platform', 'ig', '--account', '9'];
    await json('identity link', ['--email', 'ada@example.org', ...ig9]);
    await json('identity list', ['--email', 'ada@example.org']);
    await json('identity unlink', ['--email', 'ada@example.org', ...ig9]);
    await writeFile(path.join(cwd, 'links.csv'), 'ada@example.org,ig,9\n');
    await json('identity import', ['links.csv']);

    const [hashed] = await json<[{ hash: string; dihedral: object }]>('hash', [
      'pdq',
      'bridge.jpg',
      '--dihedral',
    ]);
    expect(Object.keys(hashed.dihedral)).toContain('flip_y');
    await writeFile(path.join(cwd, 'bank.csv'), `${hashed.hash},label\n`);
    await json('bank import', ['bad', 'bank.csv', '--type', 'pdq', '--list-version', '1']);
    await json('bank list', []);
    const [matched] = await json<[{ matches: [{ variant: string }] }]>('match', [
      'bad',
      'flipped.jpg',
      '--dihedral',
    ]);
    // The variant a match names is a key of `hash --dihedral`.
    expect(Object.keys(hashed.dihedral)).toContain(matched.matches[0].variant);

    const built = await json<{ build_id: string; safety: { findings: number } }>('build', [
      ...['--input', 'items.jsonl', '--out', 'dataset', '--bank', 'bad'],
    ]);
    expect(built.safety.findings).toBe(1);
    await json('build prove-absent', [
      ...['--build', 'dataset', '--platform', 'ig', '--account', '1', '--out', 'absent.json'],
    ]);
    await json('build plan', ['--input', 'items.jsonl', '--shards', '2', '--out', 'plan.json']);
    await json('build run-shard', ['plan.json', '1', '--out', 'shard-1']);
    await json('build run-shard', ['plan.json', '2', '--out', 'shard-2']);
    await json('build merge', ['plan.json', 'shard-1', 'shard-2', '--out', 'merged']);
    await json('model register', ['acme/chat@1', '--build', built.build_id]);
    await json('model list', []);
    await json('impact', ['--model', 'acme/chat@1']);
    await json('docs ai-act', ['--build', 'dataset', '--model', 'm@1', '--out', 'summary']);
    await json('docs croissant', ['--build', 'dataset', '--out', 'metadata.json']);
    await json('docs card', ['--build', 'dataset', '--out', 'card.md']);
    await json('build verify', ['dataset']);
    const [finding] = await json<[{ id: string }]>('findings list', []);
    await json('findings mark', [finding.id, 'reported', '--report-id', 'CT-1']);

    const { verifier_key: key } = await json<{ verifier_key: string }>('log key', []);
    await json('log checkpoint', []);
    await json('log entry', ['0']);
    await json('log prove', ['0']);
    await json('log consistency', ['1']);
    await json('log verify', []);
    await json('verify', ['receipt.json', '--key', key]);
    await json('token mint', ['--platform', 'example', '--account', '5']);
    await json('platform add', ['shop', '--hmac']);
    await json('platform list', []);
    const hook = await json<{ id: string }>('webhook add', [
      // Port 9 (discard) is privileged and never handed out as an ephemeral port, so no other
      // test's server can be listening there while files run side by side.
      'http://127.0.0.1:9/hook',
      '--events',
      'consent,build',
    ]);
    await json('webhook list', []);
    await json('webhook deliver', []);
    await json('webhook remove', [hook.id]);

    await json('staff add', ['ada', '--role', 'admin', '--daily-quota', '3']);
    await json('staff list', []);
    await json('staff unlock', ['ada']);
    await json('review enqueue', ['--input', 'items.jsonl']);
    await json('review export', ['--out', 'export.jsonl', '--status', 'all']);
    await json('retention sweep', ['--dry-run']);
    await json('demo', ['--items', '10']);

    for (const [command, output] of outputs) {
      expect(camelCaseKeys(output), command).toEqual([]);
    }
    const walked = [...outputs.keys(), ...Object.keys(WALKED_ELSEWHERE)].sort();
    expect(walked).toEqual((await allCommandsWithJson()).sort());
    // About 45 CLI processes one after another: 300 s was not enough on a shared, loaded machine (478 s measured).
  }, 900_000);
});
