// `obhut serve` as a child process entered at main() (as test/support/cli.ts runs the CLI) or
// through bin/obhut.js (as an operator runs it), both from dist/, and a small HTTP client that tells an answered
// request from one the network lost.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { CLI_ENTRY } from '../support/cli.js';

const launcher = fileURLToPath(new URL('../../bin/obhut.js', import.meta.url));

const READY = /obhut: serving the portal at (http:\/\/[^\s/]+)\//;

export interface ServeProcess {
  /** `http://127.0.0.1:PORT`, as the server printed it. */
  readonly url: string;
  readonly pid: number;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `obhut serve --port 0` and resolves once it prints the address it listens on. */
export function startServe(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Runs bin/obhut.js (the launcher an operator runs) instead of entering main() directly. */
  fromDist?: boolean;
}): Promise<ServeProcess> {
  const command = options.fromDist ? [launcher] : [CLI_ENTRY];
  const child: ChildProcess = spawn(
    process.execPath,
    [...command, 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: options.cwd,
      env: { ...process.env, OBHUT_SECRET: '', OBHUT_LOG_KEY: '', ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`obhut serve did not start in time:\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      const before = stderr;
      stderr += chunk;
      const match = READY.exec(stderr);
      if (match && !READY.test(before)) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          pid: child.pid!,
          stderr: () => stderr,
          async stop(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      // Ignored once resolved: a promise settles only once.
      reject(new Error(`obhut serve exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
}

export type Outcome =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly body: string;
      readonly headers: http.IncomingHttpHeaders;
    }
  /** No complete answer: refused, reset, or cut off mid-body. The server may or may not have acted. */
  | { readonly kind: 'lost'; readonly error: string; readonly sent: boolean };

/** One request; never rejects. `sent` tells whether the request reached a connected socket. */
export function request(
  url: string,
  options: {
    method: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: http.Agent;
    timeoutMs?: number;
  },
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    let sent = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = http.request(url, {
      method: options.method,
      agent: options.agent,
      headers: {
        ...options.headers,
        ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
      },
      timeout: options.timeoutMs ?? 20_000,
    });
    req.on('socket', (socket) => {
      if (!socket.connecting) sent = true;
      else socket.once('connect', () => (sent = true));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) =>
      settle({ kind: 'lost', error: err.code ?? err.message, sent }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('aborted', () => settle({ kind: 'lost', error: 'aborted mid-body', sent }));
      res.on('error', (err: NodeJS.ErrnoException) =>
        settle({ kind: 'lost', error: err.code ?? err.message, sent }),
      );
      res.on('end', () => {
        if (res.complete) {
          settle({
            kind: 'answered',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          });
        } else settle({ kind: 'lost', error: 'incomplete body', sent });
      });
    });
    req.end(body);
  });
}

/** GET that must succeed; for the test's own reads of the restarted server. */
export async function getText(url: string): Promise<string> {
  const outcome = await request(url, { method: 'GET' });
  if (outcome.kind !== 'answered' || outcome.status !== 200) {
    throw new Error(`GET ${url}: ${JSON.stringify(outcome)}`);
  }
  return outcome.body;
}
