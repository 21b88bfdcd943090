// Typed client for the subject portal API (/api/v1), on the shared fetch core (ui-shared/api.ts).
import { createApiClient, storedValue } from '../../ui-shared/api';

export { ApiError, type FieldError } from '../../ui-shared/api';

export type Purpose = 'ai_training' | 'human_review';
export type ConsentState = 'objected' | 'consented' | 'none';
export type EventAction = 'object' | 'revoke_objection' | 'consent' | 'withdraw_consent';
export type RequestKind = 'access' | 'erasure';
export type RequestStatus = 'received' | 'in_progress' | 'answered' | 'rejected';
export type ReceiptFormat = 'json' | 'tlog-proof';

export const PURPOSES: readonly Purpose[] = ['ai_training', 'human_review'];

export interface Config {
  log_origin: string;
  verifier_key: string;
  email_login: boolean;
}

export interface Session {
  session: string;
  expires_at: string;
}

export interface Receipt {
  version: 1;
  entry: string;
  index: number;
  proof: string[];
  checkpoint: string;
  purpose: string;
  action: string;
  at: string;
  meaning: string;
  log_origin: string;
  verifier_key: string;
}

export interface PurposeStatus {
  purpose: Purpose;
  state: ConsentState;
  since: string | null;
  receipt: Receipt | null;
}

export interface LinkedIdentity {
  kind: 'email' | 'account';
  platform: string | null;
  current: boolean;
}

export interface Me {
  signed_in_by: 'email' | 'platform';
  /** The identity signed in with first, then every identity linked to it. */
  identities: LinkedIdentity[];
  purposes: PurposeStatus[];
}

export interface EventResult {
  event_id: string;
  state: ConsentState;
  receipt: Receipt;
}

export interface Build {
  build_id: string;
  created_at: string;
  purpose: string;
  status: 'included' | 'left_out';
  after_objection: boolean;
  proof: object;
}

export interface TrainedModel {
  name: string;
  version: string;
  registered_at: string;
  builds: { build_id: string; purpose: string }[];
  decisions: {
    purpose: string;
    state: 'objected' | 'withdrawn' | 'none';
    at: string | null;
    after_model: boolean;
  }[];
}

export interface DataRequest {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  received_at: string;
  deadline: string;
  answer: string | null;
}

// ---- session token (sessionStorage) and request plumbing ------------------------------------

const SESSION_KEY = 'obhut.session';

const session = storedValue<string>({
  read: () => sessionStorage.getItem(SESSION_KEY),
  write: (token) => {
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  },
});

export const getSession = session.get;
export const setSession = session.set;
export const subscribeSession = session.subscribe;

const client = createApiClient({
  base: '',
  credentials: 'same-origin',
  authByDefault: false,
  token: getSession,
  clearSession: () => setSession(null),
  noSessionCode: 'no_session',
});
const { request } = client;

/** Sent as Accept-Language so the server can word its error messages in the UI language. */
export const setApiLanguage = client.setLanguage;
/** Called after a 401 on a /me route, once the session has been cleared. */
export const onUnauthorized = client.onUnauthorized;

// ---- endpoints ------------------------------------------------------------------------------

export const api = {
  config: () => request<Config>('/api/v1/config'),

  sessionFromPlatform: (token: string) =>
    request<Session>('/api/v1/session/platform', { method: 'POST', body: { token } }),

  requestEmailCode: (email: string) =>
    request<{ status: 'sent_if_valid' }>('/api/v1/session/email', {
      method: 'POST',
      body: { email },
    }),

  verifyEmailCode: (email: string, code: string) =>
    request<Session>('/api/v1/session/email/verify', { method: 'POST', body: { email, code } }),

  signOut: () =>
    request('/api/v1/session', { method: 'DELETE', auth: true, expect: 'none' }).catch(() => {
      // Signing out locally always works, even if the server call fails.
    }),

  me: () => request<Me>('/api/v1/me', { auth: true }),

  recordEvent: (purpose: Purpose, action: EventAction) =>
    request<EventResult>('/api/v1/me/events', {
      method: 'POST',
      auth: true,
      body: { purpose, action },
    }),

  receipt: (index: number) => request<Receipt>(`/api/v1/me/receipts/${index}`, { auth: true }),

  /** The receipt exactly as the server sends it (bytes untouched, so it still verifies). */
  receiptFile: (index: number, format: ReceiptFormat) =>
    request(`/api/v1/me/receipts/${index}${format === 'tlog-proof' ? '?format=tlog-proof' : ''}`, {
      auth: true,
      expect: 'blob',
    }),

  builds: () => request<{ builds: Build[] }>('/api/v1/me/builds', { auth: true }),

  models: () => request<{ models: TrainedModel[] }>('/api/v1/me/models', { auth: true }),

  createRequest: (kind: RequestKind, message?: string) =>
    request<DataRequest>('/api/v1/me/requests', {
      method: 'POST',
      auth: true,
      body: message ? { kind, message } : { kind },
    }),

  requests: () => request<{ requests: DataRequest[] }>('/api/v1/me/requests', { auth: true }),
};

// ---- downloads ------------------------------------------------------------------------------

/** Saves a Blob under a file name via a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function receiptFileName(index: number, format: ReceiptFormat): string {
  return `obhut-receipt-${index}.${format === 'json' ? 'json' : 'tlog-proof'}`;
}

export async function downloadReceipt(index: number, format: ReceiptFormat): Promise<string> {
  const blob = await api.receiptFile(index, format);
  const name = receiptFileName(index, format);
  saveBlob(blob, name);
  return name;
}

/** What the portal says about a downloaded access report. */
export interface AccessReportSummary {
  readonly decisions: number;
  readonly included: number;
  readonly leftOut: number;
  readonly reviewItems: number;
  readonly accesses: number;
}

/** Fetches the person's access report, saves it as JSON and sums it up. */
export async function downloadAccessReport(): Promise<AccessReportSummary> {
  const report = await request<{
    generated_at: string;
    decisions: unknown[];
    builds: { status: string }[];
    review: { items: unknown[]; accesses: unknown[] };
  }>('/api/v1/me/access-report', { auth: true });
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  saveBlob(blob, `obhut-access-report-${report.generated_at.slice(0, 10)}.json`);
  return {
    decisions: report.decisions.length,
    included: report.builds.filter((b) => b.status === 'included').length,
    leftOut: report.builds.filter((b) => b.status === 'left_out').length,
    reviewItems: report.review.items.length,
    accesses: report.review.accesses.length,
  };
}

export function downloadBuildProof(build: Build): string {
  const name = `obhut-build-${build.build_id}-proof.json`;
  const blob = new Blob([`${JSON.stringify(build.proof, null, 2)}\n`], {
    type: 'application/json',
  });
  saveBlob(blob, name);
  return name;
}
