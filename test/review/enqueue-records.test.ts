import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConsentSnapshot } from '../../src/consent/index.js';
import { DEFAULT_POLICY, type Policy } from '../../src/policy/index.js';
import { enqueueForReview } from '../../src/review/enqueue.js';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import { type Workspace, workspace } from '../support/fixtures.js';

const REVIEW_POLICY: Policy = { ...DEFAULT_POLICY, purpose: 'human_review' };
const NOW = new Date('2026-03-02T10:00:00Z');

// Review enqueue reads records through the same strict evaluation as a build.
describe('review enqueue of hostile records', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await workspace();
  });
  afterEach(async () => {
    await ws.close();
  });

  async function enqueue(lines: readonly (string | object)[]) {
    const input = await ws.write('items.jsonl', lines);
    const consent = await loadConsentSnapshot(
      ws.store,
      'human_review',
      NOW.toISOString(),
      NOW.getTime(),
    );
    return enqueueForReview({
      inputs: [input],
      policy: REVIEW_POLICY,
      consent,
      store: ws.store,
      secret: ws.secret,
      home: path.join(ws.dir, 'home'),
      k: 1,
      labels: DEFAULT_LABELS,
      prepareAudio: () => Buffer.alloc(0),
      now: NOW,
    });
  }

  it('rejects a deep record and a repeated key by line, and queues the rest', async () => {
    const lines = [
      { id: 'a', kind: 'text', text: 'first' },
      `{"id":"deep","kind":"text","text":"x","extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
      '{"id":"dup","kind":"text","text":"x","text":"y"}',
      { id: 'b', kind: 'text', text: 'last' },
    ];
    const result = await enqueue(lines);
    expect(result.counts).toMatchObject({ read: 4, queued: 2, rejected: 2 });
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'RECORD_TOO_DEEP'],
      [3, 'RECORD_DUPLICATE_KEY'],
    ]);
    // A rerun finds the queued items already there and stops nowhere.
    const again = await enqueue(lines);
    expect(again.counts).toMatchObject({ read: 4, queued: 0, rejected: 4 });
  });
});
