import { ObhutError } from '../errors/index.js';
import { MAX_MEDIA_BYTES } from '../evaluation/media.js';
import type { CaptureSet } from '../optout/capture-set.js';
import { effectiveOptout } from '../optout/evaluate.js';
import { OPTOUT_EVALUATOR_VERSION } from '../optout/version.js';
import { canonicalOptout, type Policy, SIGNAL_TYPES } from '../policy/index.js';
import type { BuildWriter } from './build-writer.js';
import type { OptoutSummary } from './manifest.js';
import { type InputSource, inputSize } from './sources/index.js';

export interface OptoutSetup {
  readonly policy: ReturnType<typeof effectiveOptout>;
  readonly signals: { path: string; bytes: number; sha256: string }[];
}

/**
 * Web opt-outs are evaluated when the build reads a crawl, is given --signals, or its policy
 * names `optout`; otherwise decisions are exactly those of builds before opt-outs existed.
 * A --signals file with an unreadable record fails the build: it is configuration, not data.
 */
export async function prepareOptout(
  options: { readonly policy: Policy; readonly signals?: readonly string[] },
  sources: readonly InputSource[],
  captures: CaptureSet,
): Promise<OptoutSetup | undefined> {
  const signals = options.signals ?? [];
  if (!sources.some((s) => s.warc) && signals.length === 0 && !options.policy.optout) {
    return undefined;
  }
  const read: OptoutSetup['signals'] = [];
  for (const file of signals) {
    inputSize(file);
    // warcio is loaded only when a build reads captures.
    const { readCaptures } = await import('../warc/index.js');
    const result = await readCaptures(file, captures, { maxPayloadBytes: MAX_MEDIA_BYTES });
    if (result.invalid.length > 0) {
      throw new ObhutError('WARC_INVALID', `--signals ${file}: ${result.invalid[0]}`);
    }
    read.push({ path: file, bytes: result.bytes, sha256: result.sha256 });
  }
  return { policy: effectiveOptout(options.policy), signals: read };
}

export function optoutSummary(
  setup: OptoutSetup,
  writer: BuildWriter,
  sources: readonly InputSource[],
  captures: CaptureSet,
): OptoutSummary {
  return {
    evaluator: OPTOUT_EVALUATOR_VERSION,
    policy: canonicalOptout(setup.policy),
    reserved_by_signal: Object.fromEntries(
      SIGNAL_TYPES.map((type) => [type, writer.reservedBySignal[type] ?? 0]),
    ) as OptoutSummary['reserved_by_signal'],
    signals: setup.signals,
    captures: captures
      .list()
      .map(({ url, status, sha256, date }) => ({ url, status, sha256, date })),
    warc: sources.flatMap((s, input) => (s.warc ? [{ input, ...s.warc.counts }] : [])),
  };
}
