import { linkedStatus } from '../consent/index.js';
import { proveSubject } from '../gate/subjects-proof.js';
import { SubjectsTree } from '../gate/subjects-tree.js';
import { type ModelHoldingPerson, modelsHoldingPerson } from '../lineage/index.js';
import type { Receipt } from '../log/index.js';
import { accessReport } from '../review/index.js';
import type { RequestContext } from './context.js';

/** One decision of the person (or of an identity linked to them), with its receipt. */
export interface ReportedDecision {
  readonly subject: string;
  readonly purpose: string;
  readonly action: string;
  readonly at: string;
  readonly channel: string;
  readonly log_index: number | null;
  readonly receipt: Receipt | null;
}

/** A build and whether any of the person's identities was in it, with a proof per identity. */
export interface ReportedBuild {
  readonly build_id: string;
  readonly created_at: string;
  readonly purpose: string;
  readonly status: 'included' | 'left_out';
  /** The build honoured a checkpoint after an objection of the person's for its purpose. */
  readonly after_objection: boolean;
  readonly proofs: readonly unknown[];
}

/** Everything Obhut holds about what happened to one person's data (GDPR Art. 15). */
export interface AccessReport {
  readonly type: 'access_report';
  readonly version: 1;
  readonly generated_at: string;
  readonly subject: string;
  /** The identities linked to the subject now (itself first): the report covers all of them. */
  readonly identities: readonly string[];
  readonly decisions: readonly ReportedDecision[];
  readonly builds: readonly ReportedBuild[];
  /**
   * The registered models trained on builds that included the person, and per purpose whether
   * their objection or withdrawal came after the model (as the portal's models page shows).
   */
  readonly models: readonly ModelHoldingPerson[];
  readonly review: {
    readonly items: readonly {
      readonly item: string;
      readonly kind: string;
      readonly queued_at: string;
      readonly reviewer_copy_deleted_at: string | null;
      readonly raw_deleted_at: string | null;
    }[];
    /** Every view, listen, answer and reveal of their review tasks, from the log. */
    readonly accesses: readonly {
      readonly at: string;
      readonly actor: string;
      readonly task: string;
      readonly action: string;
      readonly log_index: number;
    }[];
  };
}

/**
 * The person's report: decisions with receipts, every build with a membership or absence proof
 * per identity, the models trained on the builds that included them, review items and every access to them. Reads only; the log is the authority
 * for accesses (see review/access-report.ts on the cost of that scan).
 */
export async function buildAccessReport(
  ctx: RequestContext,
  subject: string,
  now = new Date(),
): Promise<AccessReport> {
  const status = await linkedStatus(ctx.store, subject, now.getTime());
  const identities = [subject, ...status.identities.filter((s) => s !== subject)];
  const events = status.purposes.flatMap((p) => p.history);
  const decisions = await Promise.all(
    events.map(async (e) => ({
      subject: e.subject,
      purpose: e.purpose,
      action: e.action,
      at: e.at,
      channel: e.channel,
      log_index: e.logIndex ?? null,
      receipt: e.logIndex === undefined ? null : await ctx.log.receiptAt(e.logIndex),
    })),
  );

  const builds: ReportedBuild[] = [];
  for (const build of (await ctx.store.listBuilds()).reverse()) {
    if (!build.buildId || build.logIndex === undefined || !build.subjectsRoot) continue;
    const sorted = await ctx.store.buildSubjects(build.buildId);
    if (!sorted) continue;
    const tree = new SubjectsTree(sorted);
    const receipt = await ctx.log.receiptAt(build.logIndex);
    const proofs = identities.map((id) =>
      proveSubject(
        tree,
        Buffer.from(id, 'hex'),
        {
          build_id: build.buildId!,
          manifest_sha256: build.manifestSha256,
          subjects_root: build.subjectsRoot!,
        },
        receipt,
      ),
    );
    builds.push({
      build_id: build.buildId,
      created_at: build.createdAt,
      purpose: build.purpose,
      status: proofs.some((p) => p.member) ? 'included' : 'left_out',
      after_objection: events.some(
        (e) =>
          e.purpose === build.purpose &&
          e.action === 'object' &&
          e.logIndex !== undefined &&
          e.logIndex < (build.checkpointSize ?? 0),
      ),
      proofs,
    });
  }

  const models = await modelsHoldingPerson(ctx.store, { identities, purposes: status.purposes });

  const items = [];
  for (const id of await ctx.store.review.itemsOfSubjects(identities)) {
    const item = await ctx.store.review.item(id);
    if (!item) continue;
    items.push({
      item: item.id,
      kind: item.kind,
      queued_at: item.createdAt,
      reviewer_copy_deleted_at: item.derivedDeletedAt ?? null,
      raw_deleted_at: item.rawDeletedAt ?? null,
    });
  }
  const accesses = (await Promise.all(identities.map((id) => accessReport(ctx.store, id))))
    .flat()
    .sort((a, b) => a.logIndex - b.logIndex)
    .map((r) => ({
      at: r.at,
      actor: r.actor,
      task: r.task,
      action: r.action,
      log_index: r.logIndex,
    }));

  return {
    type: 'access_report',
    version: 1,
    generated_at: now.toISOString(),
    subject,
    identities,
    decisions,
    builds,
    models,
    review: { items, accesses },
  };
}
