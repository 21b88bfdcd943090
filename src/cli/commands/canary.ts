import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { ObhutError } from '../../errors/index.js';
import { loadPlatformKeys, mintLinkToken } from '../../identity/index.js';
import {
  decodeEntry,
  openCheckpoint,
  parseVerifierKey,
  readProofInput,
  verifyReceipt,
} from '../../log/index.js';
import { verifyConsistency } from '../../merkle/index.js';
import { CANARY_ACCOUNT_PREFIX } from '../../records/index.js';
import { namedVariable, readConfig } from '../../runtime/config.js';
import { print } from '../io.js';

interface Step {
  readonly step: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly detail: string;
}

const TIMEOUT_MS = 10_000;

export function registerCanary(program: Command): void {
  program
    .command('canary')
    .description(
      'go through the public objection flow end to end with a synthetic person; exit 2 if any step fails (for cron or monitoring)',
    )
    .requiredOption(
      '--url <url>',
      'base URL of the running portal, e.g. https://consent.example.org',
    )
    .option(
      '--platform <name>',
      'a platform in platforms.json whose HMAC key this machine holds',
      'example',
    )
    .option('--key <vkey>', 'the log verifier key you trust (default: the one the server states)')
    .option('--json', 'print the steps as JSON')
    .action(async (opts: { url: string; platform: string; key?: string; json?: boolean }) => {
      const steps = await runCanary(opts);
      const failed = steps.find((s) => !s.ok);
      print(opts.json, { ok: !failed, steps }, () =>
        steps
          .map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.step} (${s.ms} ms): ${s.detail}`)
          .join('\n'),
      );
      if (failed)
        throw new ObhutError('CANARY_FAILED', `step "${failed.step}" failed: ${failed.detail}`);
    });
}

async function runCanary(opts: { url: string; platform: string; key?: string }): Promise<Step[]> {
  const base = opts.url.replace(/\/+$/, '');
  const key = loadPlatformKeys(readConfig().home, namedVariable).get(opts.platform);
  if (key?.kind !== 'hmac') {
    throw new ObhutError(
      'USAGE',
      `no HMAC key for platform ${opts.platform} in platforms.json on this machine`,
    );
  }
  const steps: Step[] = [];
  const state: {
    vkey?: string;
    session?: string;
    receipt?: unknown;
    index?: number;
    size?: number;
    root?: Buffer;
  } = {};
  const run = async (step: string, fn: () => Promise<string>): Promise<boolean> => {
    const started = Date.now();
    try {
      steps.push({ step, ok: true, detail: await fn(), ms: Date.now() - started });
      return true;
    } catch (err) {
      steps.push({ step, ok: false, detail: (err as Error).message, ms: Date.now() - started });
      return false;
    }
  };
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(state.session ? { authorization: `Bearer ${state.session}` } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(
        `${init.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 200)}`,
      );
    return text;
  };

  // Each step needs the ones before it, so the first failure ends the run.
  const plan: [string, () => Promise<string>][] = [
    [
      'portal page',
      async () => {
        const html = await call('/');
        if (!html.includes('<div id="root"')) throw new Error('the portal page has no app root');
        return 'the portal page loads';
      },
    ],
    [
      'configuration',
      async () => {
        const config = JSON.parse(await call('/api/v1/config'));
        state.vkey = opts.key ?? config.verifier_key;
        if (opts.key && config.verifier_key !== opts.key) {
          throw new Error(
            `the server names another log key (${config.verifier_key}) than the trusted one`,
          );
        }
        return `log ${config.log_origin}`;
      },
    ],
    [
      'sign in with a platform link',
      async () => {
        const token = await mintLinkToken(
          // The reserved prefix makes the server log these decisions as channel "canary".
          { platform: opts.platform, account: `${CANARY_ACCOUNT_PREFIX}${randomUUID()}` },
          key,
        );
        state.session = JSON.parse(
          await call('/api/v1/session/platform', {
            method: 'POST',
            body: JSON.stringify({ token }),
          }),
        ).session;
        return 'a session for a synthetic person';
      },
    ],
    [
      'object to AI training',
      async () => {
        const body = JSON.parse(
          await call('/api/v1/me/events', {
            method: 'POST',
            body: JSON.stringify({ purpose: 'ai_training', action: 'object' }),
          }),
        );
        if (body.state !== 'objected') throw new Error(`the state afterwards is ${body.state}`);
        state.receipt = body.receipt;
        const entry = decodeEntry(Buffer.from(body.receipt.entry, 'base64'));
        if (!entry.ok || entry.entry.type !== 'consent_event' || entry.entry.channel !== 'canary')
          throw new Error(
            'the log entry is not marked synthetic (channel "canary"); is the server older than this command?',
          );
        return `acknowledged as log entry ${body.receipt.index}, marked synthetic`;
      },
    ],
    [
      'verify the receipt offline',
      async () => {
        const check = verifyReceipt(
          readProofInput(JSON.stringify(state.receipt)),
          parseVerifierKey(state.vkey!),
        );
        const failed = check.steps.find((s) => !s.ok);
        if (failed) throw new Error(`${failed.check}: ${failed.detail}`);
        state.index = check.index;
        state.size = check.size;
        state.root = openCheckpoint(
          (state.receipt as { checkpoint: string }).checkpoint,
          parseVerifierKey(state.vkey!),
        ).checkpoint.root;
        return `entry ${check.index} is in the signed tree of size ${check.size}`;
      },
    ],
    [
      'the status page shows it',
      async () => {
        const me = JSON.parse(await call('/api/v1/me'));
        const ai = me.purposes.find((p: { purpose: string }) => p.purpose === 'ai_training');
        if (ai?.state !== 'objected') throw new Error(`status says ${ai?.state}`);
        if (ai.receipt?.index !== state.index)
          throw new Error('status names another deciding event');
        return 'state objected, with the same receipt';
      },
    ],
    [
      'the log stays consistent',
      async () => {
        const verifier = parseVerifierKey(state.vkey!);
        const latest = openCheckpoint(await call('/api/v1/log/checkpoint'), verifier).checkpoint;
        const proof = JSON.parse(
          await call(`/api/v1/log/proofs/consistency?old=${state.size}&size=${latest.size}`),
        );
        const check = verifyConsistency(
          state.size!,
          latest.size,
          proof.proof.map((h: string) => Buffer.from(h, 'base64')),
          state.root!,
          latest.root,
        );
        if (!check.ok) throw new Error(check.error);
        return `the tree of size ${latest.size} extends the receipt's tree of size ${state.size}`;
      },
    ],
    [
      'revoke the synthetic objection',
      async () => {
        const body = JSON.parse(
          await call('/api/v1/me/events', {
            method: 'POST',
            body: JSON.stringify({ purpose: 'ai_training', action: 'revoke_objection' }),
          }),
        );
        if (body.state !== 'none') throw new Error(`the state afterwards is ${body.state}`);
        return 'revoked';
      },
    ],
  ];
  for (const [step, fn] of plan) if (!(await run(step, fn))) break;
  return steps;
}
