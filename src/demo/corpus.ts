import { badLine } from './bad-lines.js';
import { demoImage } from './images.js';
import { buildItem } from './items.js';
import { type CorpusOptions, resolveOptions } from './options.js';
import { type LinePlan, LinePlanner } from './plan.js';
import { hash3, Rng } from './random.js';

// The deterministic synthetic corpus behind `obhut demo` and the benchmark: item records (v1),
// consent events (v1) and the PNG files image items point to. Everything is a pure function of
// the options: each line is generated from its own hash-derived stream, so output is identical
// byte for byte for the same seed and options, and memory use does not grow with `items`.

export { generateConsentLines } from './consents.js';
export {
  benchmarkCorpusOptions,
  type CorpusOptions,
  demoCorpusOptions,
} from './options.js';
export { BAD_LINE_KINDS, type BadLineKind, type ItemKind, type LinePlan } from './plan.js';

const SALT_LINE = 0x17e30001;

/** Item record lines (v1), without trailing newlines; bad lines are counted in `items`. */
export function* generateItemLines(opts: CorpusOptions): Generator<string> {
  const options = resolveOptions(opts);
  const planner = new LinePlanner(options);
  const rng = new Rng(0);
  let lastGoodId: string | undefined;
  for (let index = 0; index < options.items; index++) {
    const plan = planner.plan(index);
    rng.reseed(hash3(options.key, SALT_LINE, index));
    const record = buildItem(options, plan, rng);
    if (plan.bad === undefined) {
      lastGoodId = plan.id;
      yield JSON.stringify(record);
    } else {
      yield badLine(record, plan.bad, rng, lastGoodId);
    }
  }
}

/**
 * What each item line is (kind, id, media path, bad-line kind), in line order, without
 * generating the lines: for tests, and for a demo that wants to announce what to expect.
 */
export function* linePlans(opts: CorpusOptions): Generator<LinePlan> {
  const options = resolveOptions(opts);
  const planner = new LinePlanner(options);
  for (let index = 0; index < options.items; index++) yield planner.plan(index);
}

/**
 * The PNG files image items refer to, one per image line (bad image lines included, so a
 * rejected line is never also a missing file), with paths relative to the items file.
 */
export function* mediaFiles(opts: CorpusOptions): Generator<{ path: string; bytes: Uint8Array }> {
  const options = resolveOptions(opts);
  for (const plan of linePlans(opts)) {
    if (plan.media !== undefined)
      yield { path: plan.media, bytes: demoImage(options.key, plan.index) };
  }
}
