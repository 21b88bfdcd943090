import { ObhutError } from '../errors/index.js';
import type { WebhookSend } from './deliver.js';

/** How long one attempt may take, connection to the end of the answer. */
export const SEND_TIMEOUT_MS = 10_000;

/** Only http and https, and no credentials in the URL (it is printed by `webhook list`). */
export function checkWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ObhutError('USAGE', `"${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ObhutError('USAGE', `a webhook URL must be http or https, not ${url.protocol}`);
  if (url.username || url.password)
    throw new ObhutError('USAGE', 'a webhook URL must not hold a user name or password');
  return url;
}

/**
 * POSTs with Node's fetch. Redirects are not followed (a 3xx is a failed attempt): a receiver
 * that moved must be registered again, and a redirect cannot send signed data to another host.
 * The answer's body is never read, only its status, so a large or endless answer costs nothing.
 */
export function httpSender(timeoutMs = SEND_TIMEOUT_MS): WebhookSend {
  return async (url, headers, body) => {
    try {
      checkWebhookUrl(url);
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'obhut-webhooks' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      if (response.status >= 200 && response.status < 300) return { ok: true };
      if (response.status >= 300 && response.status < 400)
        return { ok: false, error: `HTTP ${response.status}: redirects are not followed` };
      return { ok: false, error: `HTTP ${response.status}` };
    } catch (err) {
      // Node's fetch hides the socket's error code in `cause` (or in an AggregateError there).
      const inner = (err as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
      const cause =
        inner?.code ?? inner?.errors?.[0]?.code ?? (inner as Error | undefined)?.message;
      const name = (err as Error).name;
      return {
        ok: false,
        error:
          name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (cause ?? (err as Error).message),
      };
    }
  };
}
