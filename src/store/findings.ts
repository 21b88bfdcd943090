import type { Kysely, Selectable } from 'kysely';
import type { SignalType } from '../safety/bank.js';
import type { Finding, FindingStatus } from '../safety/finding.js';
import type { HashPolicy } from '../safety/image-input.js';
import type { FindingStore } from '../safety/safety-store.js';
import { guard, insertedAny, optional } from './guard.js';
import type { Database, FindingTable } from './schema.js';

export function findingStore(db: Kysely<Database>): FindingStore {
  const findings: FindingStore = {
    async recordFinding(f: Finding): Promise<boolean> {
      const p = f.provenance;
      const result = await guard('storing a finding', () =>
        db
          .insertInto('findings')
          .values({
            id: f.id,
            build_id: f.buildId,
            bank: f.bank,
            signal_type: f.signalType,
            bank_version: f.bankVersion ?? null,
            matched_hash: f.matchedHash,
            distance: f.distance,
            // From the bank as it is now, in the same statement: the scan carries only hashes.
            matched_quality: db
              .selectFrom('hash_bank_entries')
              .select('quality')
              .where('bank', '=', f.bank)
              .where('hash', '=', f.matchedHash),
            labels: JSON.stringify(f.labels),
            hash_policy: f.hashPolicy ?? null,
            record_id: p.recordId,
            input: p.input,
            line: p.line,
            source_url: p.sourceUrl ?? null,
            dataset: p.dataset ?? null,
            dataset_version: p.datasetVersion ?? null,
            collected_at: p.collectedAt ?? null,
            collector: p.collector ?? null,
            license: p.license ?? null,
            item_created_at: p.createdAt ?? null,
            visibility: p.visibility ?? null,
            subject: p.subject ?? null,
            file_name: f.file.name,
            file_size: f.file.size,
            sha256: f.file.sha256,
            md5: f.file.md5,
            pdq: f.file.pdq ?? null,
            pdq_quality: f.file.pdqQuality ?? null,
            status: f.status,
            report_id: f.reportId ?? null,
            found_at: f.foundAt,
            updated_at: f.updatedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst(),
      );
      return insertedAny(result);
    },

    async listFindings(
      filter: { buildId?: string; status?: FindingStatus } = {},
    ): Promise<Finding[]> {
      const rows = await guard('listing findings', () => {
        let query = db.selectFrom('findings').selectAll();
        if (filter.buildId !== undefined) query = query.where('build_id', '=', filter.buildId);
        if (filter.status !== undefined) query = query.where('status', '=', filter.status);
        return query.orderBy('found_at').orderBy('id').execute();
      });
      return rows.map(toFinding);
    },

    async getFinding(id: string): Promise<Finding | undefined> {
      const row = await guard('reading a finding', () =>
        db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst(),
      );
      return row && toFinding(row);
    },

    async updateFindingStatus(
      id: string,
      status: FindingStatus,
      reportId?: string,
    ): Promise<Finding | undefined> {
      // The status and the bank's allow list change together: a finding judged a false positive
      // lets its file through the next build, and judging it otherwise later takes that back.
      await guard('updating a finding', () =>
        db.transaction().execute(async (tx) => {
          const now = new Date().toISOString();
          const row = await tx
            .selectFrom('findings')
            .select(['bank', 'sha256', 'pdq'])
            .where('id', '=', id)
            .executeTakeFirst();
          if (!row) return;
          await tx
            .updateTable('findings')
            .set({ status, report_id: reportId ?? null, updated_at: now })
            .where('id', '=', id)
            .execute();
          if (status === 'false_positive') {
            await tx
              .insertInto('bank_allow_list')
              .values({
                bank: row.bank,
                sha256: row.sha256,
                pdq: row.pdq,
                finding_id: id,
                added_at: now,
              })
              .onConflict((oc) => oc.columns(['bank', 'sha256']).doNothing())
              .execute();
          } else {
            await tx.deleteFrom('bank_allow_list').where('finding_id', '=', id).execute();
          }
        }),
      );
      return findings.getFinding(id);
    },
  };
  return findings;
}

function toFinding(r: Selectable<FindingTable>): Finding {
  return {
    id: r.id,
    buildId: r.build_id,
    bank: r.bank,
    signalType: r.signal_type as SignalType,
    ...optional('bankVersion', r.bank_version),
    matchedHash: r.matched_hash,
    distance: Number(r.distance),
    ...optional('matchedQuality', r.matched_quality === null ? null : Number(r.matched_quality)),
    labels: JSON.parse(r.labels) as string[],
    ...optional('hashPolicy', r.hash_policy as HashPolicy | null),
    provenance: {
      recordId: r.record_id,
      input: r.input,
      line: Number(r.line),
      ...optional('sourceUrl', r.source_url),
      ...optional('dataset', r.dataset),
      ...optional('datasetVersion', r.dataset_version),
      ...optional('collectedAt', r.collected_at),
      ...optional('collector', r.collector),
      ...optional('license', r.license),
      ...optional('createdAt', r.item_created_at),
      ...optional('visibility', r.visibility),
      ...optional('subject', r.subject),
    },
    file: {
      name: r.file_name,
      size: Number(r.file_size),
      sha256: r.sha256,
      md5: r.md5,
      ...optional('pdq', r.pdq),
      ...optional('pdqQuality', r.pdq_quality === null ? null : Number(r.pdq_quality)),
    },
    status: r.status as FindingStatus,
    ...optional('reportId', r.report_id),
    foundAt: r.found_at,
    updatedAt: r.updated_at,
  };
}
