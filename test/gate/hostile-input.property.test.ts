import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { MAX_RECORD_DEPTH, parseStrictJson } from '../../src/records/index.js';
import { admittedLines, type Workspace, workspace } from '../support/fixtures.js';
import { writeTar } from '../support/tar.js';

/** One input record as bytes, and whether the gate may admit it. */
interface Case {
  readonly bytes: Buffer;
  readonly id: string | undefined;
}

const nest = (depth: number, inner: string) =>
  `${'{"n":['.repeat(depth)}${inner}${']}'.repeat(depth)}`;

/** Record `i` in one of the shapes a hostile input takes. */
const recordCase = (i: number): fc.Arbitrary<Case> =>
  fc
    .oneof(
      fc.constant({ kind: 'valid' } as const),
      fc
        .constantFrom('id', 'kind', 'text', 'visibility')
        .map((key) => ({ kind: 'repeat', key }) as const),
      // Each level of `nest` adds two containers: an object and an array.
      fc.integer({ min: 1, max: 200 }).map((levels) => ({ kind: 'nested', levels }) as const),
      fc.integer({ min: 1, max: 40 }).map((cut) => ({ kind: 'truncated', cut }) as const),
      fc.constant({ kind: 'badUtf8' } as const),
    )
    .map((shape): Case => {
      const id = `r${i}`;
      const base = `"id":"${id}","kind":"text","text":"t ${i}"`;
      switch (shape.kind) {
        case 'valid':
          return { bytes: Buffer.from(`{${base}}`), id };
        case 'repeat': {
          const again =
            shape.key === 'visibility'
              ? '"visibility":"public","visibility":"private"'
              : `"${shape.key}":"x"`;
          return { bytes: Buffer.from(`{${base},${again}}`), id: undefined };
        }
        case 'nested': {
          // The record is level 1; `extra` then holds 2 × levels containers.
          const ok = 1 + 2 * shape.levels <= MAX_RECORD_DEPTH;
          return {
            bytes: Buffer.from(`{${base},"extra":${nest(shape.levels, '1')}}`),
            id: ok ? id : undefined,
          };
        }
        case 'truncated': {
          const text = `{${base},"more":{"a":[1,2,3]}}`;
          return {
            bytes: Buffer.from(text.slice(0, Math.min(shape.cut, text.length - 1))),
            id: undefined,
          };
        }
        default: // badUtf8
          return {
            bytes: Buffer.concat([
              Buffer.from(`{${base},"b":"`),
              Buffer.from([0xc3, 0x28]),
              Buffer.from('"}'),
            ]),
            id: undefined,
          };
      }
    });

const cases = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordCase(i))));

/** Files left beside the output: staging folders or anything else the build did not clean. */
async function strays(parent: string, out: string): Promise<string[]> {
  return (await readdir(parent)).filter((f) => f !== path.basename(out) && !f.startsWith('in'));
}

/** Every published line is strict JSON and one of the records the gate may admit. */
async function checkPublished(out: string, admissible: ReadonlySet<string>): Promise<string[]> {
  const ids: string[] = [];
  for (const line of await admittedLines(out)) {
    const parsed = parseStrictJson(line);
    expect(parsed.ok).toBe(true);
    const id = (parsed as { value: { id: string } }).value.id;
    expect(admissible.has(id)).toBe(true);
    ids.push(id);
  }
  return ids;
}

describe('hostile input to a build (property)', () => {
  let ws: Workspace;
  let runs = 0;
  beforeAll(async () => {
    ws = await workspace();
  });
  afterAll(async () => {
    await ws.close();
  });

  it('JSONL: counts reconcile, exactly the admissible records are published, nothing is left behind', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (generated) => {
        const parent = await mkdtemp(path.join(ws.dir, 'run-'));
        const input = path.join(parent, 'in.jsonl');
        await writeFile(
          input,
          Buffer.concat(generated.flatMap((c) => [c.bytes, Buffer.from('\n')])),
        );
        const out = path.join(parent, `out-${runs++}`);
        const { manifest } = await ws.build([input], { out });
        const { input: read, admitted, excluded, rejected } = manifest.counts;
        expect(read).toBe(generated.length);
        expect(admitted + excluded + rejected).toBe(read);
        const admissible = new Set(generated.flatMap((c) => (c.id ? [c.id] : [])));
        const ids = await checkPublished(out, admissible);
        expect(new Set(ids)).toEqual(admissible);
        expect(await strays(parent, out)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('tar: counts reconcile or the build fails whole with a coded error, and nothing is left behind', async () => {
    await fc.assert(
      fc.asyncProperty(
        cases,
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (generated, reused, cutAt) => {
          const parent = await mkdtemp(path.join(ws.dir, 'run-'));
          const input = path.join(parent, 'in.tar');
          // Some members take an earlier member's name: every sample holding it is rejected.
          const names = generated.map((_, i) => `s/${String(i).padStart(4, '0')}.json`);
          for (const r of reused) {
            const to = r % names.length;
            if (to > 0) names[to] = names[(r >> 4) % to]!;
          }
          const whole = await writeTar(
            input,
            generated.map((c, i) => [names[i]!, c.bytes] as const),
          );
          const once = (name: string) => names.filter((n) => n === name).length === 1;
          // Members of one name in a row are one sample.
          const samples = names.filter((n, i) => i === 0 || names[i - 1] !== n).length;
          if (cutAt !== undefined) await writeFile(input, whole.subarray(0, cutAt % whole.length));
          const out = path.join(parent, `out-${runs++}`);
          const built = await ws.build([input], { out }).catch((err: unknown) => err);
          if (built instanceof Error) {
            expect(built).toBeInstanceOf(ObhutError);
            expect(['TAR_INVALID', 'INPUT_UNREADABLE']).toContain((built as ObhutError).code);
            expect(await readdir(parent)).toEqual(['in.tar']);
            return;
          }
          const { manifest } = built as Awaited<ReturnType<Workspace['build']>>;
          const { input: read, admitted, excluded, rejected } = manifest.counts;
          expect(admitted + excluded + rejected).toBe(read);
          if (cutAt === undefined) expect(read).toBe(samples);
          const admissible = new Set(
            generated.flatMap((c, i) => (c.id && once(names[i]!) ? [c.id] : [])),
          );
          const ids = await checkPublished(out, admissible);
          if (cutAt === undefined) expect(new Set(ids)).toEqual(admissible);
          expect(await strays(parent, out)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
