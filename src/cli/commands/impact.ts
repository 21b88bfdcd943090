import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import type { BuildSummary } from '../../gate/build-registry.js';
import {
  type BuildImpact,
  buildImpact,
  formatModelRef,
  parseModelRef,
} from '../../lineage/index.js';
import { PURPOSES, type Purpose } from '../../records/index.js';
import { commander } from '../commander.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';

interface ImpactOptions {
  build?: string;
  model?: string;
  purpose?: Purpose;
  json?: boolean;
}

export function registerImpact(program: Command): void {
  const { Option } = commander();
  program
    .command('impact')
    .description(
      "the people in a build, or in a model's builds, who have objected or withdrawn consent since: the retraining or unlearning worklist",
    )
    .option('--build <id>', 'one build')
    .option('--model <model>', "a registered model's builds (NAME@VERSION)")
    .addOption(
      new Option('--purpose <purpose>', "the purpose to check (default: each build's own)").choices(
        PURPOSES,
      ),
    )
    .option('--json', 'print as JSON, with the pseudonyms and the log index of each deciding event')
    .action(async (opts: ImpactOptions) => {
      if ((opts.build === undefined) === (opts.model === undefined)) {
        throw new ObhutError('USAGE', 'name either --build or --model');
      }
      const asOf = new Date();
      const impacts = await withSession(async ({ store }) => {
        const recorded = new Map<string, BuildSummary>();
        for (const b of await store.listBuilds()) if (b.buildId) recorded.set(b.buildId, b);
        let ids: string[];
        if (opts.model !== undefined) {
          const ref = parseModelRef(opts.model);
          const model = await store.registeredModel(ref.name, ref.version);
          if (!model) throw new ObhutError('NOT_FOUND', `no model ${formatModelRef(ref)}`);
          ids = model.builds.map((b) => b.buildId);
        } else {
          ids = [opts.build!];
        }
        const out: BuildImpact[] = [];
        for (const id of ids) {
          const build = recorded.get(id);
          if (!build) throw new ObhutError('NOT_FOUND', `no recorded build ${id}`);
          const purpose = opts.purpose ?? (build.purpose as Purpose);
          out.push(await buildImpact(store, build, purpose, asOf.getTime()));
        }
        return out;
      });
      const distinct = new Set(impacts.flatMap((b) => b.impacted.map((s) => s.subject)));
      print(
        opts.json,
        {
          as_of: asOf.toISOString(),
          builds: impacts.map((b) => ({
            build_id: b.buildId,
            purpose: b.purpose,
            subjects_count: b.subjectsCount,
            impacted_count: b.impacted.length,
            objected_count: b.impacted.filter((s) => s.state === 'objected').length,
            withdrawn_count: b.impacted.filter((s) => s.state === 'withdrawn').length,
            subjects: b.impacted.map((s) => ({
              subject: s.subject,
              state: s.state,
              at: s.at,
              log_index: s.logIndex ?? null,
            })),
          })),
          impacted_count: distinct.size,
        },
        () =>
          `${table([
            ['build', 'purpose', 'subjects', 'objected', 'withdrawn'],
            ...impacts.map((b) => [
              b.buildId,
              b.purpose,
              b.subjectsCount,
              b.impacted.filter((s) => s.state === 'objected').length,
              b.impacted.filter((s) => s.state === 'withdrawn').length,
            ]),
          ])}\n${distinct.size} distinct people to retrain or unlearn without (--json lists them).`,
      );
    });
}
