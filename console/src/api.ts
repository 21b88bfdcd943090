// Typed client for the review API (/api/review/v1), as in docs/review-design.md, on the shared
// fetch core (ui-shared/api.ts).
import { ApiError, createApiClient, storedValue } from '../../ui-shared/api';

export { ApiError, type FieldError } from '../../ui-shared/api';

// The review API's enums and body shapes come from the server's own module: one source, so the
// console cannot drift from what the routes send and accept.
import {
  type AccessReportView,
  type AgreementView,
  type AnswerBody,
  type AnswerResult,
  type ErasureResultView,
  type FlagCategory,
  type FlaggedTask,
  type FlagOutcome,
  type FlagResult,
  type FlagStatus,
  type FlagSummary,
  type HoldState,
  type HoldTarget,
  type Identity,
  type LegalHoldView,
  type Me,
  type MediaLink,
  NO_TASK_REASON_HEADER,
  type NoTaskReason,
  type QueueCounts,
  type ReleaseReason,
  type RequestAccessReportView,
  type RequestAnswerStatus,
  type RevealResult,
  type Role,
  type TaskView as ServedTaskView,
  type StaffMemberView,
  type StaffSession,
  type SubjectRequestView,
  type SweepSummary,
  type UnmaskRequestView,
} from '../../src/review/api-types';

export {
  type AccessEventView as AccessEvent,
  type AccessReportView as AccessReport,
  type AgreementView,
  type AnswerBody,
  type ErasureResultView as ErasureResult,
  type ExposureSummary,
  FLAG_CATEGORIES,
  FLAG_OUTCOMES,
  FLAG_STATUSES,
  type FlagCategory,
  type FlaggedTask,
  type FlagOutcome,
  type FlagResult,
  type FlagStatus,
  type FlagSummary,
  HOLD_STATES,
  type HoldState,
  type HoldTarget,
  type LegalHoldView as LegalHold,
  type LocalText,
  type Me,
  type MediaLink,
  type NoTaskReason,
  type Provenance,
  type QueueCounts,
  REQUEST_ANSWER_STATUSES,
  type RequestAccessReportView as RequestAccessReport,
  type RequestAnswerStatus,
  ROLES,
  type Role,
  type StaffMemberView as StaffMember,
  type StaffSession,
  type SubjectRequestView as SubjectRequest,
  type SweepSummary as SweepResult,
  type TaskQuestion,
  type TaskWord,
  type TimeRange,
  type UnmaskRequestView as UnmaskRequest,
} from '../../src/review/api-types';

import type { LocalText } from '../../src/review/api-types';

/**
 * A label with options (`{ name, options, multiple? }`, the review domain's schema), answered
 * with one option, or several when `multiple`. The server sends label choices as plain strings;
 * the answer form reads definitions too.
 */
export interface LabelDefinition {
  name: string;
  options: string[];
  multiple?: boolean;
  text?: LocalText;
  optionTexts?: Record<string, LocalText>;
}

/** A TaskView as the answer form reads it: label choices, or label definitions. */
export type TaskView = Omit<ServedTaskView, 'labels'> & { labels: string[] | LabelDefinition[] };

/**
 * What POST /flags/:id/reveal gives: the record's provenance. The view shows the raw text and a
 * raw recording too when a response carries them; the server keeps those behind an unmask.
 */
export interface Reveal extends RevealResult {
  raw_text?: string;
  raw_audio_url?: string;
}

// ---- session (token in sessionStorage only: gone when the tab closes) -----------------------

const TOKEN_KEY = 'obhut.console.token';
const ME_KEY = 'obhut.console.me';

export interface SignedIn {
  token: string;
  me: Me;
}

const signedIn = storedValue<SignedIn>({
  read() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const me = sessionStorage.getItem(ME_KEY);
    if (!token || !me) return null;
    const parsed = JSON.parse(me) as Me;
    return typeof parsed?.id === 'string' && typeof parsed.role === 'string'
      ? { token, me: parsed }
      : null;
  },
  write(value) {
    if (value) {
      sessionStorage.setItem(TOKEN_KEY, value.token);
      sessionStorage.setItem(ME_KEY, JSON.stringify(value.me));
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
      sessionStorage.removeItem(ME_KEY);
    }
  },
});

export const getSignedIn = signedIn.get;
export const setSignedIn = signedIn.set;
export const subscribeSignedIn = signedIn.subscribe;

// ---- request plumbing -----------------------------------------------------------------------

export const API = '/api/review/v1';

const client = createApiClient({
  base: API,
  credentials: 'omit',
  authByDefault: true,
  token: () => getSignedIn()?.token ?? null,
  clearSession: () => setSignedIn(null),
  noSessionCode: 'UNAUTHENTICATED',
});
const { request } = client;

/** Sent as Accept-Language so the server can word its error messages in the UI language. */
export const setApiLanguage = client.setLanguage;
/** Called after a 401 on an authenticated call, once the session has been cleared. */
export const onUnauthorized = client.onUnauthorized;

const enc = encodeURIComponent;

/** A query string of the given values; unset and empty ones are left out. */
function query(values: Record<string, string | undefined>): string {
  const set = Object.entries(values).filter(
    (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
  );
  return set.length === 0 ? '' : `?${set.map(([k, v]) => `${k}=${enc(v)}`).join('&')}`;
}

// ---- endpoints ------------------------------------------------------------------------------

async function nextOrReason(): Promise<{ task: TaskView | null; reason: NoTaskReason | null }> {
  let reason: NoTaskReason | null = null;
  const r = await request<{ task: TaskView } | null>('/tasks/next', {
    onResponse: (res) => {
      reason = res.headers.get(NO_TASK_REASON_HEADER) as NoTaskReason | null;
    },
  });
  return { task: r?.task ?? null, reason: r?.task ? null : reason };
}

export const api = {
  /** Signs in and returns the session; the caller stores it with setSignedIn. */
  async signIn(username: string, password: string): Promise<StaffSession> {
    const res = await request<Partial<StaffSession> & { session?: string }>('/session', {
      method: 'POST',
      auth: false,
      body: { username, password },
    });
    // The contract names the token `token`; accept `session` as well.
    const token = res?.token ?? res?.session;
    if (!token) throw new ApiError(500, 'BAD_RESPONSE', '');
    const staff = res.staff ?? (await request<Me>('/me', { token }));
    return { token, expires_at: res.expires_at ?? '', staff };
  },

  signOut: () =>
    request<null>('/session', { method: 'DELETE' }).catch(() => {
      // Signing out locally always works, even when the server call fails.
    }),

  me: () => request<Me>('/me'),

  /** null when nothing is available (204), e.g. the queue is empty or today's quota is used. */
  nextTask: () => nextOrReason().then((r) => r.task),

  /** The next task, or (204) null with the server's reason when it said one. */
  next: nextOrReason,

  task: (id: string) => request<{ task: TaskView }>(`/tasks/${enc(id)}`).then((r) => r.task),

  /** A short-lived link to the task's derivative (the anonymised, bleeped WAV; or the image). */
  taskAudio: (id: string) => request<MediaLink>(`/tasks/${enc(id)}/audio`),

  answer: (id: string, body: AnswerBody) =>
    request<AnswerResult>(`/tasks/${enc(id)}/answer`, { method: 'POST', body }),

  flag: (id: string, category: FlagCategory, note?: string) =>
    request<FlagResult>(`/tasks/${enc(id)}/flag`, {
      method: 'POST',
      body: note ? { category, note } : { category },
    }),

  release: (id: string, reason?: ReleaseReason) =>
    request<null>(`/tasks/${enc(id)}/release`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),

  queue: () => request<QueueCounts>('/queue'),
  agreement: () => request<AgreementView>('/agreement'),

  flags: (q: { status?: FlagStatus; category?: FlagCategory; cursor?: string } = {}) =>
    request<{ flags: FlagSummary[]; next_cursor: string | null }>(`/flags${query(q)}`),

  flagDetail: (id: string) =>
    request<{ flag: FlagSummary; task: FlaggedTask }>(`/flags/${enc(id)}`),

  reveal: (id: string) => request<Reveal>(`/flags/${enc(id)}/reveal`, { method: 'POST', body: {} }),

  resolveFlag: (id: string, outcome: FlagOutcome, note?: string) =>
    request<{ flag: FlagSummary }>(`/flags/${enc(id)}/resolve`, {
      method: 'POST',
      body: note ? { outcome, note } : { outcome },
    }).then((r) => r.flag),

  requestUnmask: (taskId: string, justification: string) =>
    request<{ request: UnmaskRequestView }>('/unmask', {
      method: 'POST',
      body: { task_id: taskId, justification },
    }).then((r) => r.request),

  approveUnmask: (id: string) =>
    request<{ request: UnmaskRequestView }>(`/unmask/${enc(id)}/approve`, {
      method: 'POST',
      body: {},
    }).then((r) => r.request),

  unmask: (id: string) =>
    request<{ request: UnmaskRequestView; identity?: Identity }>(`/unmask/${enc(id)}`),

  accessReport: (q: {
    platform: string;
    account: string;
    staff?: string;
    from?: string;
    to?: string;
    cursor?: string;
  }) => request<AccessReportView & { next_cursor: string | null }>(`/audit/subject${query(q)}`),

  holds: (q: { state?: HoldState; cursor?: string } = {}) =>
    request<{ holds: LegalHoldView[]; next_cursor: string | null }>(`/holds${query(q)}`),

  placeHold: (target: HoldTarget, reason: string) =>
    request<{ hold: LegalHoldView }>('/holds', {
      method: 'POST',
      body: { ...target, reason },
    }).then((r) => r.hold),

  releaseHold: (id: string) => request<null>(`/holds/${enc(id)}`, { method: 'DELETE' }),

  staff: (q: { role?: Role; cursor?: string } = {}) =>
    request<{ staff: StaffMemberView[]; next_cursor: string | null }>(`/staff${query(q)}`),

  addStaff: (username: string, password: string, role: Role) =>
    request<StaffMemberView>('/staff', { method: 'POST', body: { username, password, role } }),

  updateStaff: (id: string, change: { role?: Role; disabled?: boolean }) =>
    request<StaffMemberView>(`/staff/${enc(id)}`, { method: 'PATCH', body: change }),

  requests: (cursor?: string) =>
    request<{ requests: SubjectRequestView[]; next_cursor: string | null }>(
      `/requests${cursor ? `?cursor=${enc(cursor)}` : ''}`,
    ),

  assignRequest: (id: string, staffId?: string) =>
    request<SubjectRequestView>(`/requests/${enc(id)}/assign`, {
      method: 'POST',
      body: staffId ? { staff_id: staffId } : {},
    }),

  answerRequest: (id: string, status: RequestAnswerStatus, answer: string) =>
    request<SubjectRequestView>(`/requests/${enc(id)}/answer`, {
      method: 'POST',
      body: { status, answer },
    }),

  requestAccessReport: (id: string) =>
    request<RequestAccessReportView>(`/requests/${enc(id)}/access-report`),

  eraseRequest: (id: string) =>
    request<ErasureResultView>(`/requests/${enc(id)}/erase`, { method: 'POST', body: {} }),

  retentionSweep: () => request<SweepSummary>('/retention/sweep', { method: 'POST', body: {} }),
};
