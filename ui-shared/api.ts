// The fetch core both apps use: JSON requests with a bearer token, the server's error body
// `{ error: { code, message, fields? } }` turned into an ApiError, and a session kept in
// sessionStorage with listeners. Each app builds its typed client on top (web/src/api.ts,
// console/src/api.ts).

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

  /** 410: the item was taken out of review meanwhile (the person objected). */
  get isGone(): boolean {
    return this.status === 410;
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

/** Reads the error body of a failed response; anything else keeps the generic `http_<status>`. */
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
    // Not JSON: keep the generic code; the UI words a fallback message from the status.
  }
  return new ApiError(res.status, code, message, fields);
}

// ---- a session value kept in sessionStorage -------------------------------------------------

export interface StoredValue<T> {
  get(): T | null;
  set(value: T | null): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A value read once from storage, written back on every change, with listeners (for
 * useSyncExternalStore). When storage is unavailable (private mode) it lives in memory only.
 */
export function storedValue<T>(storage: {
  read(): T | null;
  write(value: T | null): void;
}): StoredValue<T> {
  const listeners = new Set<() => void>();
  let current: T | null;
  try {
    current = storage.read();
  } catch {
    current = null;
  }
  return {
    get: () => current,
    set(value) {
      current = value;
      try {
        storage.write(value);
      } catch {
        // Storage unavailable: the value lives in memory only.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ---- requests -------------------------------------------------------------------------------

export type Expect = 'json' | 'blob' | 'none';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send the bearer token (the client's default decides when absent). */
  auth?: boolean;
  /** A token to use instead of the stored one (e.g. right after signing in). */
  token?: string;
  /** json (default): the parsed body, or null for 204 or an empty body. */
  expect?: Expect;
  /** Called with a successful response before its body is read (e.g. to read a header). */
  onResponse?: (res: Response) => void;
}

export interface Request {
  (path: string, options: RequestOptions & { expect: 'blob' }): Promise<Blob>;
  (path: string, options: RequestOptions & { expect: 'none' }): Promise<void>;
  <T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface ClientOptions {
  /** Put before every path, e.g. '/api/review/v1'. */
  base: string;
  credentials: RequestCredentials;
  /** Whether a request sends the bearer token unless it says otherwise. */
  authByDefault: boolean;
  /** The stored session's bearer token. */
  token(): string | null;
  /** Forgets the stored session (after a 401 on an authenticated call). */
  clearSession(): void;
  /** The error code when an authenticated call finds no session. */
  noSessionCode: string;
}

export interface ApiClient {
  request: Request;
  /** Sent as Accept-Language so the server can word its error messages in the UI language. */
  setLanguage(lang: string): void;
  /** Called after a 401 on an authenticated call, once the session has been cleared. */
  onUnauthorized(handler: () => void): void;
}

export function createApiClient(client: ClientOptions): ApiClient {
  let language = 'en';
  let unauthorizedHandler: () => void = () => {};

  async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
    const { method = 'GET', body, auth = client.authByDefault, expect = 'json' } = options;
    const headers: Record<string, string> = {
      Accept: expect === 'json' ? 'application/json' : '*/*',
      'Accept-Language': language,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth) {
      const token = options.token ?? client.token();
      if (!token) {
        unauthorizedHandler();
        throw new ApiError(401, client.noSessionCode, '');
      }
      headers.Authorization = `Bearer ${token}`;
    }

    let res: Response;
    try {
      res = await fetch(`${client.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: client.credentials,
        cache: 'no-store',
      });
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    }

    if (!res.ok) {
      const error = await toApiError(res);
      if (auth && res.status === 401) {
        client.clearSession();
        unauthorizedHandler();
      }
      throw error;
    }
    options.onResponse?.(res);
    if (expect === 'none') return undefined;
    if (res.status === 204) return expect === 'json' ? null : undefined;
    if (expect === 'blob') return res.blob();
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  return {
    request: request as Request,
    setLanguage(lang) {
      language = lang;
    },
    onUnauthorized(handler) {
      unauthorizedHandler = handler;
    },
  };
}
