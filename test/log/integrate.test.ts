import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrate, type LockedLogTail, type NewConsentEvent } from '../../src/log/index.js';
import { CompactRange, merkleTreeHash } from '../../src/merkle/index.js';

const sign = (size: number, root: Buffer) =>
  `test.local/log\n${size}\n${root.toString('base64')}\n`;
const now = new Date('2025-06-01T00:00:00Z');
const emptyTail: LockedLogTail = {
  size: 0,
  edge: CompactRange.empty().encode(),
  latest: undefined,
  stored: new Map(),
};

const event = (key: string): NewConsentEvent => ({
  key,
  subject: 's1',
  purpose: 'ai_training',
  action: 'object',
  at: '2025-05-20T08:00:00Z',
  atMs: Date.parse('2025-05-20T08:00:00Z'),
  channel: 'import',
  reference: undefined,
});

describe('integrate', () => {
  it('any sequence of batches signs the RFC 6962 root of every entry so far', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 6 })),
        (batches) => {
          let tail = emptyTail;
          const all: Buffer[] = [];
          for (const batch of batches) {
            const entries = batch.map((b) => Buffer.from(b));
            const { writes, result } = integrate(
              tail,
              entries.map((entry) => ({ entry })),
              sign,
              now,
            );
            all.push(...entries);
            expect(result.checkpoint.size).toBe(all.length);
            expect(result.checkpoint.root.equals(merkleTreeHash(all))).toBe(true);
            expect(writes.entries.map((e) => e.index)).toEqual(
              entries.map((_, i) => all.length - entries.length + i),
            );
            tail = {
              size: result.checkpoint.size,
              edge: writes.head?.edge ?? tail.edge,
              latest: result.checkpoint,
              stored: new Map(),
            };
          }
        },
      ),
    );
  });

  it('logs an event once: a stored one, a repeat in the batch, and one stored before the log', () => {
    const tail: LockedLogTail = {
      ...emptyTail,
      stored: new Map([
        ['logged', 7],
        ['early', undefined],
      ]),
    };
    const appends = ['logged', 'fresh', 'fresh', 'early'].map((key) => ({
      entry: Buffer.from(key),
      consentEvent: event(key),
    }));
    const { writes, result } = integrate(tail, appends, sign, now);
    expect(result.outcomes).toEqual([
      { index: 7, fresh: false },
      { index: 0, fresh: true },
      { index: 0, fresh: false },
      { index: 1, fresh: true },
    ]);
    expect(writes.events.map((e) => [e.event.key, e.index])).toEqual([['fresh', 0]]);
    expect(writes.lateEvents).toEqual([{ key: 'early', index: 1 }]);
  });

  it('adds no head when a batch adds nothing to a log that has one', () => {
    const first = integrate(emptyTail, [], sign, now);
    expect(first.writes.head?.checkpoint.size).toBe(0);
    const tail = { ...emptyTail, latest: first.result.checkpoint };
    const again = integrate(tail, [], sign, now);
    expect(again.writes.head).toBeUndefined();
    expect(again.result.checkpoint).toBe(first.result.checkpoint);
  });

  it('refuses to sign when the stored edge does not match the latest checkpoint', () => {
    const { result } = integrate(emptyTail, [{ entry: Buffer.from('a') }], sign, now);
    const stale = { ...emptyTail, latest: result.checkpoint };
    expect(() => integrate(stale, [], sign, now)).toThrow(
      expect.objectContaining({ code: 'LOG_CORRUPT' }),
    );
  });
});
