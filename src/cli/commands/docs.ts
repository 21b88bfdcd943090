import type { Command } from 'commander';
import {
  aiActMarkdown,
  aiActSummary,
  croissantMetadata,
  datasetCard,
  type MissingFact,
} from '../../documents/index.js';
import { ObhutError } from '../../errors/index.js';
import { json, loadProviderFacts, readBuildFolder, writeAll } from '../build-documents.js';
import { print } from '../io.js';
import { collect } from '../policy-options.js';

interface DocsFlags {
  build: string[];
  out: string;
  provider?: string;
  model?: string;
  json?: boolean;
}

export function registerDocs(program: Command): void {
  const docs = program
    .command('docs')
    .description(
      'documents generated from build manifests: AI Act summary, Croissant, dataset card',
    );

  docs
    .command('ai-act')
    .description(
      'the public summary of training content (AI Act Art. 53(1)(d), Commission template) as PREFIX.md and PREFIX.json',
    )
    .requiredOption(
      '--build <dir>',
      'a build output folder the model was trained on; repeat for several',
      collect,
    )
    .requiredOption('--out <prefix>', 'write PREFIX.md and PREFIX.json')
    .option('--model <name@version>', 'the model (a label; not looked up)')
    .option(
      '--provider <file>',
      'provider facts (YAML, docs/documents.md) the manifests cannot know',
    )
    .option('--json', 'print the files written and the missing facts as JSON')
    .action(async (flags: DocsFlags) => {
      if (flags.model !== undefined && !/^[^@\s]+@[^@\s]+$/.test(flags.model)) {
        throw new ObhutError('USAGE', `--model "${flags.model}" is not NAME@VERSION`);
      }
      const facts = await loadProviderFacts(flags.provider);
      const builds = [];
      for (const dir of flags.build) builds.push(await readBuildFolder(dir));
      const summary = aiActSummary({
        builds,
        ...(flags.model === undefined ? {} : { model: flags.model }),
        facts,
      });
      const files = [`${flags.out}.md`, `${flags.out}.json`];
      await writeAll([
        { path: files[0]!, text: aiActMarkdown(summary) },
        { path: files[1]!, text: json(summary) },
      ]);
      report(flags.json, files, summary.missing);
    });

  docs
    .command('croissant')
    .description('Croissant 1.1 JSON-LD metadata with Responsible-AI fields for one build')
    .requiredOption('--build <dir>', 'the build output folder')
    .requiredOption('--out <file>', 'the metadata file to write (e.g. metadata.json)')
    .option('--provider <file>', 'provider facts (YAML): dataset name, licence, languages …')
    .option('--json', 'print the file written and the missing facts as JSON')
    .action(async (flags: Omit<DocsFlags, 'build'> & { build: string }) => {
      const facts = await loadProviderFacts(flags.provider);
      const { manifest, profile } = await readBuildFolder(flags.build);
      const metadata = croissantMetadata({ manifest, profile, facts });
      await writeAll([{ path: flags.out, text: json(metadata) }]);
      const missing = metadata['obhut:build']['obhut:missing'];
      print(flags.json, { files: [flags.out], missing }, () =>
        [`Wrote ${flags.out}.`, ...missing.map((m) => `missing: ${m}`)].join('\n'),
      );
    });

  docs
    .command('card')
    .description('a Hugging Face dataset card (README.md) for one build')
    .requiredOption('--build <dir>', 'the build output folder')
    .requiredOption('--out <file>', 'the card to write (e.g. README.md in the build folder)')
    .option(
      '--provider <file>',
      'provider facts (YAML): dataset name, licence, languages, limitations',
    )
    .option('--json', 'print the file written as JSON')
    .action(async (flags: Omit<DocsFlags, 'build'> & { build: string }) => {
      const facts = await loadProviderFacts(flags.provider);
      const { manifest, profile } = await readBuildFolder(flags.build);
      await writeAll([{ path: flags.out, text: datasetCard({ manifest, profile, facts }) }]);
      print(flags.json, { files: [flags.out] }, () => `Wrote ${flags.out}.`);
    });
}

function report(asJson: boolean | undefined, files: string[], missing: readonly MissingFact[]) {
  print(asJson, { files, missing }, () =>
    [
      `Wrote ${files.join(' and ')}.`,
      ...(missing.length === 0
        ? ['No fact is missing.']
        : [
            `${missing.length} facts are missing (listed in both files):`,
            ...missing.map((m) => `  ${m.field}: supply ${m.supply}`),
          ]),
    ].join('\n'),
  );
}
