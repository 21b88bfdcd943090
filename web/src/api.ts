// Typed client for the subject portal API (/api/v1). No dependencies beyond fetch.

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

export interface Me {
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

export interface DataRequest {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  received_at: string;
  deadline: string;
  answer: string | null;
}

export interface FieldError {
  path: string;
  message: string;
}

/** An error answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Field errors keyed by the last segment of their path ("body.email" → "email"). */
  fieldMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const key =
        f.path
          .split(/[./[\]]/)
          .filter(Boolean)
          .pop() ?? f.path;
      out[key] = out[key] ? `${out[key]} ${f.message}` : f.message;
    }
    return out;
  }
}

// ---- session token (sessionStorage) ---------------------------------------------------------

const SESSION_KEY = 'obhut.session';
const sessionListeners = new Set<() => void>();

function readStoredSession(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

let currentSession: string | null = readStoredSession();

export function getSession(): string | null {
  return currentSession;
}

export function setSession(token: string | null): void {
  currentSession = token;
  try {
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage can be unavailable (private mode); the session then lives only in memory.
  }
  for (const listener of sessionListeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

// ---- request plumbing -----------------------------------------------------------------------

let language = 'en';
let unauthorizedHandler: () => void = () => {};

/** Sent as Accept-Language so the server can word its error messages in the UI language. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called after a 401 on a /me route, once the session has been cleared. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

type Expect = 'json' | 'blob' | 'none';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  auth?: boolean;
  expect?: Expect;
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = '';
  let fields: FieldError[] = [];
  try {
    const data = (await res.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: unknown };
    };
    const e = data?.error;
    if (e && typeof e === 'object') {
      if (typeof e.code === 'string') code = e.code;
      if (typeof e.message === 'string') message = e.message;
      if (Array.isArray(e.fields)) {
        fields = e.fields.filter(
          (f): f is FieldError =>
            typeof f === 'object' &&
            f !== null &&
            typeof (f as FieldError).path === 'string' &&
            typeof (f as FieldError).message === 'string',
        );
      }
    }
  } catch {
    // Not JSON: keep the generic code; the UI words a fallback message.
  }
  return new ApiError(res.status, code, message, fields);
}

async function request(path: string, options: RequestOptions & { expect: 'blob' }): Promise<Blob>;
async function request(path: string, options: RequestOptions & { expect: 'none' }): Promise<void>;
async function request<T>(path: string, options?: RequestOptions): Promise<T>;
async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { method = 'GET', body, auth = false, expect = 'json' } = options;
  const headers: Record<string, string> = {
    Accept: expect === 'json' ? 'application/json' : '*/*',
    'Accept-Language': language,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = getSession();
    if (!token) {
      unauthorizedHandler();
      throw new ApiError(401, 'no_session', '');
    }
    headers.Authorization = `Bearer ${token}`;
  }

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (auth && res.status === 401) {
      setSession(null);
      unauthorizedHandler();
    }
    throw error;
  }
  if (expect === 'none' || res.status === 204) return undefined;
  if (expect === 'blob') return res.blob();
  return res.json();
}

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

export function downloadBuildProof(build: Build): string {
  const name = `obhut-build-${build.build_id}-proof.json`;
  const blob = new Blob([`${JSON.stringify(build.proof, null, 2)}\n`], {
    type: 'application/json',
  });
  saveBlob(blob, name);
  return name;
}
