// Typed client for the review API (/api/review/v1), as in docs/review-design.md, on the shared
// fetch core (ui-shared/api.ts).
import { ApiError, createApiClient, storedValue } from '../../ui-shared/api';

export { ApiError, type FieldError } from '../../ui-shared/api';

export const ROLES = ['reviewer', 'lead', 'trust_safety', 'privacy_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const FLAG_CATEGORIES = [
  'violence',
  'sexual_abuse',
  'self_harm',
  'threat',
  'other',
] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

export const FLAG_OUTCOMES = ['reported', 'no_action', 'escalated'] as const;
export type FlagOutcome = (typeof FLAG_OUTCOMES)[number];

export interface Me {
  id: string;
  username: string;
  role: Role;
}

export interface StaffSession {
  token: string;
  expires_at: string;
  staff: Me;
}

export interface TimeRange {
  start: number;
  end: number;
}

export interface TaskWord extends TimeRange {
  text: string;
}

/**
 * A label to give. The contract sends plain names (each a checkbox); a label with options
 * (`{ name, options, multiple? }`, the review domain's schema) is answered with one option, or
 * several when `multiple`.
 */
export interface LabelDefinition {
  name: string;
  options: string[];
  multiple?: boolean;
}

export type TaskKind = 'text' | 'audio' | 'image';
export type TaskStatus = 'open' | 'done' | 'removed' | 'flagged';

export interface TaskView {
  id: string;
  kind: TaskKind;
  status: TaskStatus;
  text?: string;
  words?: TaskWord[];
  redacted_ranges?: TimeRange[];
  duration?: number;
  labels: string[] | LabelDefinition[];
  /** Absent for a lead reading a task not assigned to them. */
  assignment?: { expires_at: string };
  quota?: {
    used: number;
    limit: number;
    /** Today's exposure: audio given to listen to plus a fixed amount per image viewed. */
    exposure?: { seconds: number; limit_seconds: number };
  };
}

export type FlaggedTask = Omit<TaskView, 'assignment' | 'quota'>;

export interface MediaLink {
  url: string;
  expires_at: string;
}

export interface AnswerBody {
  transcript?: string;
  /** The chosen label names; for labels with options, option(s) by label name. */
  labels: string[] | Record<string, string | string[]>;
  comment?: string;
}

export interface FlagResult {
  flag_id: string;
  guidance: string;
}

export interface QueueCounts {
  open: number;
  assigned: number;
  done: number;
  flagged: number;
  removed: number;
  /** Today's exposure across reviewers: counts and minutes, nobody named. */
  exposure?: ExposureSummary;
}

export interface ExposureSummary {
  reviewers_today: number;
  median_minutes: number;
  max_minutes: number;
  at_limit: number;
  limit_minutes: number;
}

/** Why GET /tasks/next had nothing (its obhut-review-reason header). */
export type NoTaskReason = 'queue_empty' | 'daily_quota' | 'exposure_limit';

export interface FlagSummary {
  id: string;
  task_id: string;
  category: FlagCategory;
  note: string | null;
  status: 'open' | 'resolved';
  created_at: string;
}

export interface Provenance {
  record_id: string;
  source_url?: string;
  dataset?: string;
  collected_at?: string;
  collector?: string;
  subject: string;
}

export interface Reveal {
  provenance: Provenance;
  raw_text?: string;
  raw_audio_url?: string;
}

export interface UnmaskRequest {
  id: string;
  task_id: string;
  requested_by: string;
  approvals: string[];
  status: 'pending' | 'approved' | 'expired';
  expires_at?: string;
}

export interface AccessEvent {
  at: string;
  actor: string;
  task: string;
  action: string;
  log_index: number;
}

export interface AccessReport {
  subject: string;
  events: AccessEvent[];
}

/** A legal hold: on one review item, or on all items of one subject (by pseudonym). */
export interface LegalHold {
  id: string;
  item_id?: string;
  subject?: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** What a hold covers: an item id, or a platform and account the server pseudonymises. */
export type HoldTarget =
  | { item_id: string }
  | { subject_platform: string; subject_account: string };

export interface StaffMember extends Me {
  disabled: boolean;
  created_at?: string;
}

export interface SweepResult {
  removed: { raw: number; derived: number; items: string[] };
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

// ---- endpoints ------------------------------------------------------------------------------

async function nextOrReason(): Promise<{ task: TaskView | null; reason: NoTaskReason | null }> {
  let reason: NoTaskReason | null = null;
  const r = await request<{ task: TaskView } | null>('/tasks/next', {
    onResponse: (res) => {
      reason = res.headers.get('obhut-review-reason') as NoTaskReason | null;
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
    request<{ answer_id: string }>(`/tasks/${enc(id)}/answer`, { method: 'POST', body }),

  flag: (id: string, category: FlagCategory, note?: string) =>
    request<FlagResult>(`/tasks/${enc(id)}/flag`, {
      method: 'POST',
      body: note ? { category, note } : { category },
    }),

  release: (id: string, reason?: 'uncomfortable' | 'other') =>
    request<null>(`/tasks/${enc(id)}/release`, {
      method: 'POST',
      body: reason ? { reason } : {},
    }),

  queue: () => request<QueueCounts>('/queue'),

  flags: () => request<{ flags: FlagSummary[] }>('/flags').then((r) => r.flags),

  flagDetail: (id: string) =>
    request<{ flag: FlagSummary; task: FlaggedTask }>(`/flags/${enc(id)}`),

  reveal: (id: string) => request<Reveal>(`/flags/${enc(id)}/reveal`, { method: 'POST', body: {} }),

  resolveFlag: (id: string, outcome: FlagOutcome, note?: string) =>
    request<{ flag: FlagSummary }>(`/flags/${enc(id)}/resolve`, {
      method: 'POST',
      body: note ? { outcome, note } : { outcome },
    }).then((r) => r.flag),

  requestUnmask: (taskId: string, justification: string) =>
    request<{ request: UnmaskRequest }>('/unmask', {
      method: 'POST',
      body: { task_id: taskId, justification },
    }).then((r) => r.request),

  approveUnmask: (id: string) =>
    request<{ request: UnmaskRequest }>(`/unmask/${enc(id)}/approve`, {
      method: 'POST',
      body: {},
    }).then((r) => r.request),

  unmask: (id: string) =>
    request<{ request: UnmaskRequest; identity?: { platform: string; account: string } }>(
      `/unmask/${enc(id)}`,
    ),

  accessReport: (platform: string, account: string) =>
    request<AccessReport>(`/audit/subject?platform=${enc(platform)}&account=${enc(account)}`),

  holds: () => request<{ holds: LegalHold[] }>('/holds').then((r) => r.holds),

  placeHold: (target: HoldTarget, reason: string) =>
    request<{ hold: LegalHold }>('/holds', { method: 'POST', body: { ...target, reason } }).then(
      (r) => r.hold,
    ),

  releaseHold: (id: string) => request<null>(`/holds/${enc(id)}`, { method: 'DELETE' }),

  staff: () => request<{ staff: StaffMember[] }>('/staff').then((r) => r.staff),

  addStaff: (username: string, password: string, role: Role) =>
    request<StaffMember>('/staff', { method: 'POST', body: { username, password, role } }),

  updateStaff: (id: string, change: { role?: Role; disabled?: boolean }) =>
    request<StaffMember>(`/staff/${enc(id)}`, { method: 'PATCH', body: change }),

  retentionSweep: () => request<SweepResult>('/retention/sweep', { method: 'POST', body: {} }),
};
