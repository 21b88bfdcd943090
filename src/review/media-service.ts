// A task's reviewer copy (bleeped audio or re-encoded image) through a signed, short-lived link:
// issued to a member who may listen to the task, redeemed once by a media element (which sends
// no session of its own; see media-tokens.ts for why the token is the credential).
import path from 'node:path';
import { abilityFor, authorize } from '../authz/index.js';
import { ObhutError } from '../errors/index.js';
import type { StaffMember } from '../staff/index.js';
import type { ReviewActor } from './actor.js';
import type { MediaTokens } from './media-tokens.js';
import type { ReviewItem } from './model.js';
import { TaskRemovedError } from './task-removed.js';
import { taskSubject } from './task-subject.js';
import { listenToTask, type ReviewContext, taskAndItem } from './tasks.js';

/** A link's token and its expiry; the route puts the token into its URL. */
export async function issueMediaLink(
  ctx: ReviewContext,
  links: MediaTokens,
  actor: ReviewActor,
  id: string,
): Promise<{ token: string; expires_at: string }> {
  const me = actor.staff;
  const { task, item } = await taskAndItem(ctx.store, id);
  const object = await taskSubject(ctx.store, task, me.id);
  authorize(actor.ability, 'listen', 'Task', object);
  if (task.status === 'removed') throw new TaskRemovedError(task.id);
  if (task.status !== 'open' || item.derivedMedia === undefined)
    throw new ObhutError('NOT_FOUND', `task ${task.id} has no media to play`);
  const issued = links.issue(me.id, task.id);
  return { token: issued.token, expires_at: new Date(issued.expiresMs).toISOString() };
}

/**
 * Redeems a media link: the member it names must still exist, be enabled and may still listen
 * to the task; a session sent along (`sessionStaff`) must be that member's. Logs `listen`
 * (audio) or `view` (image) before the caller sends any byte; the link is used up.
 */
export async function redeemMediaLink(
  ctx: ReviewContext,
  links: MediaTokens,
  token: string,
  options: {
    readonly nowMs: number;
    /** The member of a session sent with the request, when one was (authenticated then). */
    readonly sessionStaff?: () => Promise<StaffMember>;
  },
): Promise<{ file: string; contentType: string }> {
  const { nowMs } = options;
  const claims = links.verify(token, nowMs);
  if (!claims) throw expiredLink();
  const member = await ctx.store.staff.get(claims.staff);
  if (!member || member.disabled) throw expiredLink();
  if (options.sessionStaff) {
    const staff = await options.sessionStaff();
    if (staff.id !== member.id)
      throw new ObhutError('FORBIDDEN', 'this link was issued to another member of staff');
  }
  const { task } = await taskAndItem(ctx.store, claims.task);
  const ability = abilityFor(member, nowMs);
  const object = await taskSubject(ctx.store, task, member.id);
  authorize(ability, 'listen', 'Task', object);
  if (!(await links.redeem(claims, nowMs))) throw expiredLink();
  const listened = await listenToTask(ctx, {
    task: task.id,
    actor: member.id,
    now: new Date(nowMs),
  });
  if (!listened) throw new TaskRemovedError(task.id);
  return { file: listened.file, contentType: contentType(listened.item, listened.file) };
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

function contentType(item: ReviewItem, file: string): string {
  if (item.kind === 'audio') return 'audio/wav';
  return IMAGE_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function expiredLink(): ObhutError {
  return new ObhutError(
    'UNAUTHENTICATED',
    'this media link is invalid, used or expired; ask for a new one',
  );
}
