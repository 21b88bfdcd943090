import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateNoteKey,
  makeReceipt,
  parseSignerKey,
  signCheckpoint,
} from '../../../src/log/index.js';
import { inclusionProof, memoryRangeHasher } from '../../../src/merkle/index.js';
import { checkReceipt } from '../../../web/src/verify/receipt-check.js';

const ORIGIN = 'obhut.test/log';
const { signerKey, verifierKey } = generateNoteKey(ORIGIN);

/** A log of `size` consent entries signed with the test key, and a receipt for `index`. */
function receiptFor(index: number, size: number): string {
  const leaves = Array.from({ length: size }, (_, i) =>
    Buffer.from(
      JSON.stringify({
        type: 'consent_event',
        version: 1,
        event_id: `evt:${i}`,
        subject: 'ab'.repeat(32),
        purpose: 'ai_training',
        action: 'object',
        at: '2026-12-06T00:00:00Z',
        channel: 'portal',
      }),
    ),
  );
  const hasher = memoryRangeHasher(leaves);
  const checkpoint = signCheckpoint(
    { origin: ORIGIN, size, root: hasher(0, size) },
    parseSignerKey(signerKey),
  );
  return JSON.stringify(
    makeReceipt({
      entry: leaves[index]!,
      index,
      proof: inclusionProof(index, size, hasher),
      checkpoint,
      origin: ORIGIN,
      verifierKey,
    }),
  );
}

describe('the browser receipt check (WebCrypto)', () => {
  it('accepts a receipt at any position of any tree, as obhut verify does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 }))),
        async ([size, index]) => {
          const result = await checkReceipt(receiptFor(index, size), verifierKey);
          expect(result).toMatchObject({ ok: true, origin: ORIGIN, size, index });
          expect(result.entry).toMatchObject({ action: 'object' });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a changed entry, index or proof hash (inclusion)', async () => {
    const receipt = JSON.parse(receiptFor(5, 11));
    const entry = JSON.parse(Buffer.from(receipt.entry, 'base64').toString());
    const changed = [
      {
        ...receipt,
        entry: Buffer.from(JSON.stringify({ ...entry, action: 'consent' })).toString('base64'),
      },
      { ...receipt, index: 4 },
      { ...receipt, proof: [Buffer.alloc(32).toString('base64'), ...receipt.proof.slice(1)] },
    ];
    for (const forged of changed) {
      const result = await checkReceipt(JSON.stringify(forged), verifierKey);
      expect(result.ok).toBe(false);
      expect(result.failed?.check).toBe('inclusion');
    }
  });

  it('refuses a foreign key with the same name, a changed checkpoint and broken input', async () => {
    const receipt = receiptFor(2, 3);
    const foreign = generateNoteKey(ORIGIN).verifierKey;
    expect((await checkReceipt(receipt, foreign)).failed?.check).toBe('signature');
    const json = JSON.parse(receipt);
    const bumped = { ...json, checkpoint: json.checkpoint.replace('\n3\n', '\n4\n') };
    expect((await checkReceipt(JSON.stringify(bumped), verifierKey)).failed?.check).toBe(
      'signature',
    );
    expect((await checkReceipt('{', verifierKey)).failed?.check).toBe('receipt');
    expect((await checkReceipt(receipt, 'not a key')).failed?.check).toBe('key');
    const wrongId = verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect((await checkReceipt(receipt, wrongId)).failed?.check).toBe('key');
  });
});
