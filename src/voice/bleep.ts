import { ObhutError } from '../errors/index.js';

/** A stretch of audio in seconds from the start, e.g. a word's ASR timestamps. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

export interface BleepOptions {
  /** Added before and after each span, because word timestamps are approximate. */
  readonly padMs?: number;
  /** Length of each edge fade; it lies inside the padding. */
  readonly fadeMs?: number;
  readonly mode?: 'tone' | 'silence';
  readonly toneHz?: number;
  /** Tone level in dBFS. */
  readonly toneDb?: number;
}

export const DEFAULT_BLEEP: Required<BleepOptions> = {
  padMs: 150,
  fadeMs: 10,
  mode: 'tone',
  toneHz: 1000,
  toneDb: -20,
};

/** Sample index ranges `[start, end)` after padding, clamping and merging, in order. */
export function bleepSampleRanges(
  length: number,
  sampleRate: number,
  spans: readonly TimeSpan[],
  padMs: number = DEFAULT_BLEEP.padMs,
): Array<[number, number]> {
  const pad = padMs / 1000;
  const ranges: Array<[number, number]> = [];
  for (const span of spans) {
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end) || span.end < span.start) {
      // Dropping a span would let the PII it marks through, so a bad one stops the job instead.
      throw new ObhutError('AUDIO_INVALID', `bleep span ${span.start}–${span.end} s is not a span`);
    }
    // Every sample whose interval [n, n+1)/rate touches the padded span.
    const start = Math.max(0, Math.floor((span.start - pad) * sampleRate));
    const end = Math.min(length, Math.ceil((span.end + pad) * sampleRate));
    if (end > start) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Overwrites each padded span with a tone or with silence and returns the new samples; the input
 * is not changed. Replacing rather than mixing matters: a beep added on top of speech can be
 * subtracted again. Each edge fades over `fadeMs` in two steps, the original out and then the
 * tone in, so no sample holds both; the fades sit inside the padding, away from the span itself.
 */
export function bleep(
  samples: Float32Array,
  sampleRate: number,
  spans: readonly TimeSpan[],
  options: BleepOptions = {},
): Float32Array {
  const { padMs, fadeMs, mode, toneHz, toneDb } = { ...DEFAULT_BLEEP, ...options };
  const out = new Float32Array(samples);
  const amplitude = mode === 'tone' ? 10 ** (toneDb / 20) : 0;
  const w = (2 * Math.PI * toneHz) / sampleRate;
  for (const [start, end] of bleepSampleRanges(samples.length, sampleRate, spans, padMs)) {
    const fade = Math.min(Math.round((fadeMs * sampleRate) / 1000), Math.floor((end - start) / 4));
    for (let n = start; n < end; n++) {
      const fromStart = n - start;
      const toEnd = end - 1 - n;
      const edge = Math.min(fromStart, toEnd);
      if (edge < fade) {
        // Outer fade: the original, going to (or coming from) zero.
        out[n] = samples[n]! * raisedCosine(fade - edge, fade);
        continue;
      }
      const gain = edge < 2 * fade ? raisedCosine(edge - fade + 1, fade + 1) : 1;
      out[n] = amplitude * gain * Math.sin(w * fromStart);
    }
  }
  return out;
}

/** Rises from 0 at k = 0 to 1 at k = len (exclusive of both for 0 < k < len). */
function raisedCosine(k: number, len: number): number {
  return 0.5 - 0.5 * Math.cos((Math.PI * k) / len);
}
