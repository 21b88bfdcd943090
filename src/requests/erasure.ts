import { linkedStatus, recordConsentEvent } from '../consent/index.js';
import { SubjectsTree } from '../gate/subjects-tree.js';
import { PURPOSES } from '../records/index.js';
import { withdrawItem } from '../review/index.js';
import type { RequestContext } from './context.js';

export interface ErasureStep {
  readonly step: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What carrying out an erasure request did, step by step; `done` only if every step succeeded. */
export interface ErasureOutcome {
  readonly done: boolean;
  readonly steps: readonly ErasureStep[];
  /** Published builds that contain one of the person's identities: stop using them or rebuild. */
  readonly builds_still_containing: readonly {
    readonly build_id: string;
    readonly purpose: string;
    readonly created_at: string;
  }[];
}

/**
 * Carries out an erasure request: an objection for every purpose (logged, so every later build
 * leaves the person out), and the deletion of their review copies and raw review media (each
 * deletion logged, as an objection's is). A raw part kept by a legal hold or an open flag is
 * not deleted, and the outcome says so rather than claiming success. Published builds cannot be
 * changed afterwards; the outcome names those that contain the person. Safe to run again: a
 * purpose already objected to and an item already deleted are not touched twice.
 */
export async function carryOutErasure(
  ctx: RequestContext,
  subject: string,
  now = new Date(),
): Promise<ErasureOutcome> {
  const steps: ErasureStep[] = [];
  const step = async (name: string, fn: () => Promise<string>) => {
    try {
      steps.push({ step: name, ok: true, detail: await fn() });
    } catch (err) {
      steps.push({ step: name, ok: false, detail: (err as Error).message });
    }
  };

  const status = await linkedStatus(ctx.store, subject, now.getTime());
  const identities = [subject, ...status.identities.filter((s) => s !== subject)];
  for (const purpose of PURPOSES) {
    await step(`object to ${purpose}`, async () => {
      const current = status.purposes.find((p) => p.purpose === purpose);
      if (current?.state === 'objected') {
        return `already objected (log entry ${current.decidingEvent?.logIndex ?? '?'})`;
      }
      const recorded = await recordConsentEvent(ctx.log, ctx.secret, {
        who: { subject },
        purpose,
        action: 'object',
        channel: 'api',
        at: now.toISOString(),
      });
      return `objection recorded as log entry ${recorded.ack.index}`;
    });
  }

  for (const id of await ctx.store.review.itemsOfSubjects(identities)) {
    await step(`delete review item ${id}`, async () => {
      await withdrawItem(ctx, id, now);
      const item = await ctx.store.review.item(id);
      if (!item) throw new Error('the item is gone from the register');
      const kept = [
        item.derivedDeletedAt === undefined ? "the reviewer's copy" : undefined,
        item.rawDeletedAt === undefined ? 'the raw record and media' : undefined,
      ].filter(Boolean);
      if (kept.length > 0) {
        throw new Error(
          `${kept.join(' and ')} could not be deleted (a legal hold or an open trust and safety flag keeps it); release it and run the erasure again`,
        );
      }
      return "reviewer's copy and raw part deleted (deletion entries in the log)";
    });
  }

  const still: { build_id: string; purpose: string; created_at: string }[] = [];
  await step('find published builds that contain the person', async () => {
    for (const build of await ctx.store.listBuilds()) {
      if (!build.buildId) continue;
      const sorted = await ctx.store.buildSubjects(build.buildId);
      if (!sorted) continue;
      const tree = new SubjectsTree(sorted);
      if (identities.some((id) => contains(tree, Buffer.from(id, 'hex')))) {
        still.push({
          build_id: build.buildId,
          purpose: build.purpose,
          created_at: build.createdAt,
        });
      }
    }
    return still.length === 0
      ? 'no published build contains the person'
      : `${still.length} published build(s) contain the person: stop using them or rebuild`;
  });

  return { done: steps.every((s) => s.ok), steps, builds_still_containing: still };
}

function contains(tree: SubjectsTree, subject: Buffer): boolean {
  const at = tree.lowerBound(subject);
  return at < tree.count && tree.subject(at).equals(subject);
}
