import {
  openRequestsByDeadline,
  type SubjectRequest,
  type SubjectRequestRegister,
} from '../consent/subject-requests.js';
import { ObhutError } from '../errors/index.js';
import { decodeCursor, type PageRequest, pageLimit, pageOf } from '../review/page.js';
import type { RequestContext } from './context.js';
import { carryOutErasure, type ErasureOutcome } from './erasure.js';

/**
 * Handling the queue of access and erasure requests: one implementation behind both the
 * operator-token routes and the privacy officer's console routes.
 */

/** The request with this id; NOT_FOUND otherwise. */
export async function findRequest(
  store: Pick<SubjectRequestRegister, 'subjectRequests'>,
  id: string,
): Promise<SubjectRequest> {
  const request = (await store.subjectRequests()).find((r) => r.id === id);
  if (!request) throw new ObhutError('NOT_FOUND', 'no such request');
  return request;
}

export interface OpenRequestsPage {
  readonly requests: SubjectRequest[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/**
 * One page of the open requests, nearest deadline first (keyset paging, review/page.ts). The
 * cursor holds the id of the last request seen; it keeps its place by that request's
 * (deadline, id) even when the request was closed meanwhile, so no open request is skipped or
 * shown twice.
 */
export async function openRequestsPage(
  store: Pick<SubjectRequestRegister, 'subjectRequests'>,
  page: PageRequest,
): Promise<OpenRequestsPage> {
  const limit = pageLimit(page);
  const all = await store.subjectRequests();
  let open = openRequestsByDeadline(all);
  if (page.cursor !== undefined) {
    const [after] = decodeCursor(page.cursor, 1);
    const mark = all.find((r) => r.id === after);
    if (!mark) throw new ObhutError('REQUEST_INVALID', 'cursor names no request');
    open = open.filter(
      (r) => r.deadline > mark.deadline || (r.deadline === mark.deadline && r.id > mark.id),
    );
  }
  const { rows, nextCursor } = pageOf(open, limit, (r) => [r.id]);
  return { requests: rows, nextCursor };
}

/**
 * Carries out an erasure request (`carryOutErasure`) and records its answer: answered only when
 * every step succeeded, otherwise it stays in progress with an answer saying so.
 */
export async function eraseForRequest(
  ctx: RequestContext & { readonly store: RequestContext['store'] & SubjectRequestRegister },
  id: string,
): Promise<{ request: SubjectRequest; outcome: ErasureOutcome }> {
  const request = await findRequest(ctx.store, id);
  if (request.kind !== 'erasure') {
    throw new ObhutError('REQUEST_INVALID', `request ${request.id} is an access request`);
  }
  const outcome = await carryOutErasure(ctx, request.subject);
  const updated = await ctx.store.updateSubjectRequest(request.id, {
    status: outcome.done ? 'answered' : 'in_progress',
    answer: erasureAnswer(outcome),
  });
  if (!updated) throw new ObhutError('NOT_FOUND', 'no such request');
  return { request: updated, outcome };
}

/**
 * The answer the person reads in the portal, in both of its languages: what was done, and the
 * builds that still contain them (published builds cannot be changed).
 */
export function erasureAnswer(outcome: ErasureOutcome): string {
  const builds = outcome.builds_still_containing.map((b) => b.build_id).join(', ');
  const de = outcome.done
    ? `Erledigt: Für jeden Zweck ist ein Widerspruch eingetragen, und Ihre Prüfkopien und Rohdaten sind gelöscht (jede Löschung steht im öffentlichen Protokoll).${builds ? ` Diese schon veröffentlichten Datensätze enthalten Ihre Daten noch; der Betreiber muss sie ersetzen oder nicht mehr verwenden: ${builds}.` : ' Kein veröffentlichter Datensatz enthält Ihre Daten.'}`
    : 'In Bearbeitung: Nicht jeder Schritt der Löschung ist gelungen; wir holen ihn nach und melden uns.';
  const en = outcome.done
    ? `Done: an objection is recorded for every purpose, and your review copies and raw data are deleted (each deletion is in the public log).${builds ? ` These already published datasets still contain your data; the operator must replace them or stop using them: ${builds}.` : ' No published dataset contains your data.'}`
    : 'In progress: not every step of the erasure succeeded; we will complete it and let you know.';
  return `${de}\n\n${en}`;
}
