import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { FINDING_STATUSES, type FindingStatus } from '../../safety/finding.js';
import { exportCyberTiplineXml, exportJson, findingReport } from '../../safety/finding-report.js';
import { commander } from '../commander.js';
import { print, withSession } from '../io.js';
import { table } from '../output.js';

const EXPORT_FORMATS = ['json', 'cybertipline-xml'] as const;
const MARKS = ['reported', 'false_positive', 'escalated'] as const;

interface Filter {
  build?: string;
  status?: FindingStatus;
}

export function registerFindings(program: Command): void {
  const { Option } = commander();
  const findings = program
    .command('findings')
    .description('files that matched a hash bank during a build, and reports about them');
  const statusOption = () =>
    new Option('--status <status>', 'only findings with this status').choices(FINDING_STATUSES);
  findings
    .command('list')
    .description('list findings')
    .option('--build <id>', 'only findings of this build')
    .addOption(statusOption())
    .option('--json', 'print as JSON')
    .action(async (opts: Filter & { json?: boolean }) => {
      const list = await withSession(({ store }) => store.listFindings(filter(opts)));
      print(opts.json, list, () =>
        list.length === 0
          ? 'No findings.'
          : table([
              ['id', 'status', 'build', 'bank', 'distance', 'record', 'file', 'missing'],
              ...list.map((f) => [
                f.id,
                f.reportId ? `${f.status} (${f.reportId})` : f.status,
                f.buildId,
                f.bank,
                f.distance,
                `${f.provenance.input}:${f.provenance.line} ${f.provenance.recordId}`,
                f.file.name,
                findingReport(f).completeness.missing.length,
              ]),
            ]),
      );
    });
  findings
    .command('export')
    .description('one report per finding, shaped on the NCMEC CyberTipline report and file fields')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--build <id>', 'only findings of this build')
    .addOption(statusOption())
    .option('--out <file>', 'write to this file (mode 0600) instead of standard output')
    .action(async (opts: Filter & { format: (typeof EXPORT_FORMATS)[number]; out?: string }) => {
      const list = await withSession(({ store }) => store.listFindings(filter(opts)));
      const text =
        opts.format === 'json'
          ? `${JSON.stringify(exportJson(list), null, 2)}\n`
          : exportCyberTiplineXml(list);
      if (opts.out) await writeFile(opts.out, text, { mode: 0o600, flag: 'wx' });
      else process.stdout.write(text);
      // The completeness check goes to stderr so the export itself stays machine-readable.
      for (const f of list) {
        const { missing } = findingReport(f).completeness;
        if (missing.length > 0) {
          process.stderr.write(
            `finding ${f.id}: missing ${missing.map((m) => `${m.field} (record field ${m.recordField})`).join(', ')}\n`,
          );
        }
      }
    });
  findings
    .command('mark')
    .description('set a finding’s status: reported (with --report-id), false_positive or escalated')
    .argument('<id>', 'the finding')
    .argument('<status>', MARKS.join(' | '))
    .option('--report-id <id>', 'the external report id (required for reported)')
    .option('--json', 'print the finding as JSON')
    .action(async (id: string, status: string, opts: { reportId?: string; json?: boolean }) => {
      if (!(MARKS as readonly string[]).includes(status)) {
        throw new ObhutError('USAGE', `status must be one of ${MARKS.join(', ')}, not ${status}`);
      }
      if (status === 'reported' && !opts.reportId) {
        throw new ObhutError('USAGE', 'marking a finding reported needs --report-id');
      }
      if (status !== 'reported' && opts.reportId) {
        throw new ObhutError('USAGE', '--report-id goes only with reported');
      }
      const updated = await withSession(async ({ store }) => {
        const current = await store.getFinding(id);
        if (!current) throw new ObhutError('NOT_FOUND', `no finding ${id}`);
        // Escalating a reported finding keeps its report id.
        const reportId = opts.reportId ?? (status === 'escalated' ? current.reportId : undefined);
        return store.updateFindingStatus(id, status as FindingStatus, reportId);
      });
      print(
        opts.json,
        updated,
        () =>
          `Finding ${id} is now ${status}${updated?.reportId ? ` (report ${updated.reportId})` : ''}.`,
      );
    });
}

function filter(opts: Filter): { buildId?: string; status?: FindingStatus } {
  return {
    ...(opts.build === undefined ? {} : { buildId: opts.build }),
    ...(opts.status === undefined ? {} : { status: opts.status }),
  };
}
