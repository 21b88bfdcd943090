import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, httpSender } from '../../src/webhooks/index.js';

describe('the webhook HTTP sender', () => {
  let server: http.Server;
  let base: string;
  const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body });
        if (req.url === '/ok') res.writeHead(204).end();
        else if (req.url === '/moved')
          res.writeHead(307, { location: 'http://elsewhere.test/hook' }).end();
        else if (req.url === '/big') {
          // An endless answer: the sender must not read it.
          res.writeHead(200, { 'content-type': 'text/plain' });
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const pump = () => {
            while (res.write(chunk)) {}
            res.once('drain', pump);
          };
          res.on('close', () => res.removeAllListeners('drain'));
          pump();
        } else if (req.url === '/silent') {
          // Never answers; the sender's timeout ends the attempt.
        } else res.writeHead(500).end('no');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the body with the signature headers and counts a 2xx as delivered', async () => {
    const send = httpSender();
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1',
      'webhook-signature': 'v1,x',
    };
    expect(await send(`${base}/ok`, headers, '{"a":1}')).toEqual({ ok: true });
    expect(seen.at(-1)).toMatchObject({
      body: '{"a":1}',
      headers: { 'webhook-id': 'msg_1', 'content-type': 'application/json' },
    });
    expect(await send(`${base}/fail`, headers, '{}')).toEqual({ ok: false, error: 'HTTP 500' });
  });

  it('does not follow a redirect, and does not read an endless answer', async () => {
    const send = httpSender();
    expect(await send(`${base}/moved`, {}, '{}')).toEqual({
      ok: false,
      error: 'HTTP 307: redirects are not followed',
    });
    expect(seen.some((s) => s.path !== '/moved' && s.headers.host === 'elsewhere.test')).toBe(
      false,
    );
    expect(await send(`${base}/big`, {}, '{}')).toEqual({ ok: true });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const send = httpSender(300);
    expect(await send(`${base}/silent`, {}, '{}')).toEqual({
      ok: false,
      error: 'no answer within 300 ms',
    });
  });

  it('refuses URLs that are not http or https, or carry credentials', async () => {
    for (const url of [
      'ftp://example.org/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(() => checkWebhookUrl(url)).toThrow(expect.objectContaining({ code: 'USAGE' }));
      expect(await httpSender()(url, {}, '{}')).toMatchObject({ ok: false });
    }
    expect(() => checkWebhookUrl('https://user:pw@example.org/')).toThrow(/user name or password/);
    expect(checkWebhookUrl('https://example.org/hook').href).toBe('https://example.org/hook');
  });
});
