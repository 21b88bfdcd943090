import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { parseModelRef, type RegisteredModel, registerModel } from '../../lineage/index.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';
import { collect } from '../policy-options.js';

export function registerModelCommand(program: Command): void {
  const model = program
    .command('model')
    .description('the model register: which models were trained on which builds');
  model
    .command('register')
    .description('record, in the transparency log, that a model was trained on builds')
    .argument('<model>', 'NAME@VERSION')
    .requiredOption('--build <id>', 'a build the model was trained on; repeat for several', collect)
    .option('--card <file>', 'the model card: its SHA-256 goes into the log entry')
    .option('--json', 'print as JSON')
    .action(async (ref: string, opts: { build: string[]; card?: string; json?: boolean }) => {
      const parsed = parseModelRef(ref);
      const cardSha256 = opts.card === undefined ? undefined : await sha256File(opts.card);
      const registered = await withSession(({ store, log }) =>
        registerModel(
          { builds: store, models: store, writer: log.writer },
          { model: parsed, buildIds: opts.build, cardSha256, at: new Date() },
        ),
      );
      print(
        opts.json,
        modelView(registered),
        () =>
          `Registered ${registered.name}@${registered.version}, trained on ${registered.builds.length} build(s); log entry ${registered.logIndex}.`,
      );
    });
  model
    .command('list')
    .description('list registered models with their builds')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const models = await withSession(({ store }) => store.listModels());
      print(opts.json, { models: models.map(modelView) }, () =>
        models.length === 0
          ? 'No models registered.'
          : table([
              ['model', 'builds', 'registered', 'log index'],
              ...models.map((m) => [
                `${m.name}@${m.version}`,
                m.builds.map((b) => b.buildId).join(' '),
                m.registeredAt,
                m.logIndex,
              ]),
            ]),
      );
    });
}

export function modelView(m: RegisteredModel) {
  return {
    name: m.name,
    version: m.version,
    builds: m.builds.map((b) => ({ build_id: b.buildId, manifest_sha256: b.manifestSha256 })),
    card_sha256: m.cardSha256 ?? null,
    registered_at: m.registeredAt,
    log_index: m.logIndex,
  };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (err) {
    throw new ObhutError('INPUT_UNREADABLE', `cannot read ${file}: ${(err as Error).message}`);
  }
  return hash.digest('hex');
}
