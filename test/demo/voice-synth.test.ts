import { describe, expect, it } from 'vitest';
import {
  SYNTH_NOISE_FLOOR,
  SYNTH_PEAK,
  SYNTH_SAMPLE_RATE,
  synthesise,
  synthVoice,
  vowelGroups,
  wordTimings,
} from '../../src/demo/voice-synth.js';

const WORDS = 'alexa ruf anna schmidt an unter null drei null'.split(' ');
const SR = SYNTH_SAMPLE_RATE;

function rms(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** The strongest autocorrelation lag between 60 and 400 Hz, as a frequency. */
function pitchOf(x: Float32Array, from: number, to: number): number {
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = Math.floor(SR / 400); lag <= Math.ceil(SR / 60); lag++) {
    let sum = 0;
    for (let i = from; i + lag < to; i++) sum += x[i]! * x[i + lag]!;
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  return SR / bestLag;
}

describe('the review demo synthesiser', () => {
  it('is deterministic by seed, and different voices differ', () => {
    const voice = synthVoice(7);
    expect(synthVoice(7)).toEqual(voice);
    const timed = wordTimings(WORDS, voice, 11);
    expect(wordTimings(WORDS, voice, 11)).toEqual(timed);
    expect(synthesise(timed, voice, 11)).toEqual(synthesise(timed, voice, 11));
    expect(synthesise(timed, voice, 12)).not.toEqual(synthesise(timed, voice, 11));
    const voices = Array.from({ length: 20 }, (_, i) => synthVoice(i));
    expect(new Set(voices.map((v) => v.pitch)).size).toBe(20);
    expect(voices.some((v) => v.pitch < 140)).toBe(true);
    expect(voices.some((v) => v.pitch > 170)).toBe(true);
  });

  it('gives strictly increasing word times within the duration', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { words, duration } = wordTimings(WORDS, synthVoice(seed), seed);
      expect(words.map((w) => w.text)).toEqual(WORDS);
      let last = 0;
      for (const w of words) {
        expect(w.start).toBeGreaterThan(last);
        expect(w.end).toBeGreaterThan(w.start);
        expect(Number.isInteger(Math.round(w.start * 1000))).toBe(true);
        last = w.end;
      }
      expect(duration).toBeGreaterThan(last);
    }
  });

  it('keeps the amplitude bounded, with voice inside each word and near-silence between', () => {
    for (let seed = 0; seed < 12; seed++) {
      const voice = synthVoice(seed);
      const timed = wordTimings(WORDS, voice, seed);
      const x = synthesise(timed, voice, seed);
      expect(x.length).toBe(Math.round(timed.duration * SR));
      let peak = 0;
      for (const v of x) peak = Math.max(peak, Math.abs(v));
      expect(x.every(Number.isFinite)).toBe(true);
      expect(peak).toBeLessThanOrEqual(SYNTH_PEAK + SYNTH_NOISE_FLOOR + 1e-6);
      expect(peak).toBeGreaterThan(0.5 * SYNTH_PEAK);

      const inside = new Uint8Array(x.length);
      for (const w of timed.words) {
        const from = Math.round(w.start * SR);
        const to = Math.round(w.end * SR);
        inside.fill(1, from, to);
        expect(rms(x, from, to)).toBeGreaterThan(0.03);
      }
      // Outside every word: the noise floor and nothing else.
      let outside = 0;
      for (let i = 0; i < x.length; i++)
        if (!inside[i]) outside = Math.max(outside, Math.abs(x[i]!));
      expect(outside).toBeLessThanOrEqual(SYNTH_NOISE_FLOOR + 1e-6);
      for (let k = 1; k < timed.words.length; k++) {
        const gap = rms(
          x,
          Math.round(timed.words[k - 1]!.end * SR),
          Math.round(timed.words[k]!.start * SR),
        );
        expect(gap).toBeLessThan(0.001);
      }
    }
  });

  it('speaks at about the voice pitch', () => {
    for (let seed = 0; seed < 8; seed++) {
      const voice = synthVoice(seed);
      const timed = wordTimings(['anna'], voice, seed);
      const x = synthesise(timed, voice, seed);
      const w = timed.words[0]!;
      const mid = Math.round(((w.start + w.end) / 2) * SR);
      const f0 = pitchOf(x, mid - 800, mid + 800);
      expect(f0 / voice.pitch).toBeGreaterThan(0.8);
      expect(f0 / voice.pitch).toBeLessThan(1.25);
    }
  });

  it('finds one syllable per vowel group', () => {
    expect(vowelGroups('anna')).toHaveLength(2);
    expect(vowelGroups('schmidt')).toHaveLength(1);
    expect(vowelGroups('schmidt')[0]!.hush).toBe(true);
    expect(vowelGroups('einundzwanzig')).toHaveLength(4);
    expect(vowelGroups('hm')).toHaveLength(0);
  });
});
