import { hash3, Rng } from './random.js';

// A crude formant synthesiser for the review demo's recordings: every word becomes one voiced,
// syllable-like burst per vowel group (a glottal pulse train through three formant resonators),
// with a little fricative noise for s/f/sch-like onsets, and near-silence between words. It does
// not speak intelligibly; it gives the reviewer's waveform, the McAdams anonymisation and the
// bleeping something voice-shaped to work on, with a per-speaker pitch and vocal-tract length so
// different "speakers" sound different. Pure and deterministic: the same words, voice and seed
// give the same samples on every machine.

export const SYNTH_SAMPLE_RATE = 16_000;

/** One synthetic speaker. */
export interface SynthVoice {
  /** Mean fundamental frequency in Hz (about 90–140 for the low voices, 170–230 for the high). */
  readonly pitch: number;
  /** Multiplies every formant frequency: a shorter vocal tract has higher formants. */
  readonly formantScale: number;
  /** Speaking rate; above 1 is faster. */
  readonly rate: number;
  /** Aspiration noise mixed into the voiced source, 0..1. */
  readonly breathiness: number;
}

/** A word with its time in seconds, as a transcript's `words` carry it. */
export interface SynthWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TimedUtterance {
  readonly words: readonly SynthWord[];
  /** Seconds, including the silence before the first and after the last word. */
  readonly duration: number;
}

const SALT_VOICE = 0x5f0c0001;
const SALT_TIMING = 0x5f0c0002;
const SALT_SAMPLES = 0x5f0c0003;

/** Peak level of the voiced parts after normalisation. */
export const SYNTH_PEAK = 0.7;
/** Amplitude of the background noise everywhere (about -66 dBFS): near-silence, not zeros. */
export const SYNTH_NOISE_FLOOR = 0.0005;

/** The speaker for a seed (a subject's number, say): a low or a high voice, each its own. */
export function synthVoice(seed: number): SynthVoice {
  const rng = new Rng(hash3(seed >>> 0, SALT_VOICE, Math.floor(seed / 0x1_0000_0000)));
  const low = rng.chance(0.5);
  return {
    pitch: round(low ? 90 + 50 * rng.next() : 170 + 60 * rng.next(), 1),
    formantScale: round(low ? 0.92 + 0.1 * rng.next() : 1.06 + 0.12 * rng.next(), 3),
    rate: round(0.85 + 0.3 * rng.next(), 3),
    breathiness: round(0.03 + 0.12 * rng.next(), 3),
  };
}

/**
 * Times for `words` as this voice would say them: a pause before the first word, each word
 * lasting by its number of syllables (vowel groups), short pauses between words. Times are in
 * seconds, rounded to milliseconds, strictly increasing.
 */
export function wordTimings(
  words: readonly string[],
  voice: SynthVoice,
  seed: number,
): TimedUtterance {
  const rng = new Rng(hash3(seed >>> 0, SALT_TIMING, words.length));
  let t = 0.2 + 0.15 * rng.next();
  const timed: SynthWord[] = [];
  for (const text of words) {
    const syllables = Math.max(1, vowelGroups(text).length);
    const length = (0.12 + 0.09 * syllables + 0.05 * rng.next()) / voice.rate;
    const start = round(t, 3);
    const end = round(t + length, 3);
    timed.push({ text, start, end });
    t = end + (0.07 + 0.13 * rng.next()) / voice.rate;
  }
  const last = timed.length === 0 ? t : timed[timed.length - 1]!.end;
  return { words: timed, duration: round(last + 0.3, 3) };
}

/**
 * Speaks the timed words: mono samples in [-1, 1] at `sampleRate`, `duration` seconds long. Each
 * word's sound lies within its [start, end) (faded in and out at the edges); outside the words
 * there is only the noise floor.
 */
export function synthesise(
  utterance: TimedUtterance,
  voice: SynthVoice,
  seed: number,
  sampleRate = SYNTH_SAMPLE_RATE,
): Float32Array {
  if (!(sampleRate >= 8000 && sampleRate <= 96_000))
    throw new RangeError(`sampleRate must be 8000–96000, got ${sampleRate}`);
  const n = Math.round(utterance.duration * sampleRate);
  const out = new Float32Array(n);
  const rng = new Rng(hash3(seed >>> 0, SALT_SAMPLES, n));
  utterance.words.forEach((word, index) => {
    const s0 = Math.max(0, Math.round(word.start * sampleRate));
    const s1 = Math.min(n, Math.round(word.end * sampleRate));
    if (s1 - s0 < 8) return;
    // The pitch falls a little over the utterance, and each word sits a little higher or lower.
    const declination = 1.08 - (0.16 * index) / Math.max(1, utterance.words.length - 1);
    const wordPitch = voice.pitch * declination * (0.96 + 0.08 * rng.next());
    renderWord(out, s0, s1, word.text, voice, wordPitch, sampleRate, rng);
  });
  let peak = 0;
  for (let i = 0; i < n; i++) peak = Math.max(peak, Math.abs(out[i]!));
  const gain = peak > 0 ? SYNTH_PEAK / peak : 0;
  for (let i = 0; i < n; i++) {
    const v = out[i]! * gain + SYNTH_NOISE_FLOOR * (2 * rng.next() - 1);
    out[i] = Math.max(-1, Math.min(1, v));
  }
  return out;
}

// Formants F1–F3 (Hz) of an adult low voice; the voice's formantScale moves them.
const VOWELS: Readonly<Record<string, readonly [number, number, number]>> = {
  a: [730, 1090, 2440],
  e: [530, 1840, 2480],
  i: [270, 2290, 3010],
  o: [570, 840, 2410],
  u: [300, 870, 2240],
  ä: [660, 1700, 2400],
  ö: [450, 1500, 2300],
  ü: [300, 1700, 2200],
  y: [300, 1900, 2500],
};
const SCHWA: readonly [number, number, number] = [500, 1500, 2500];
const BANDWIDTHS = [80, 100, 140] as const;
// Onset consonants that sound as noise, with the centre of their noise band in Hz.
const FRICATIVES: Readonly<Record<string, number>> = {
  s: 5000,
  z: 5000,
  c: 4500,
  x: 4500,
  ß: 5000,
  f: 1800,
  v: 1800,
  h: 1500,
  t: 3500,
  k: 2500,
  p: 1200,
};

interface Syllable {
  /** Formant targets at the start and the end of the vowel (a diphthong glides). */
  readonly from: readonly [number, number, number];
  readonly to: readonly [number, number, number];
  /** Centre of the onset's noise band, when the onset has a noisy consonant. */
  readonly noise: number | undefined;
  /** The onset has "sch"/"sh"/"ch": a lower, wider hiss. */
  readonly hush: boolean;
}

/** The syllable nuclei of a word: its groups of vowel letters, each with the consonants before it. */
export function vowelGroups(word: string): Syllable[] {
  const text = word.toLowerCase();
  const syllables: Syllable[] = [];
  let onset = '';
  let group = '';
  const flush = () => {
    if (group === '') return;
    const first = VOWELS[group[0]!] ?? SCHWA;
    const last = VOWELS[group[group.length - 1]!] ?? first;
    const hush = /sch|sh|ch/.test(onset);
    let noise: number | undefined;
    for (const c of onset) noise ??= FRICATIVES[c];
    syllables.push({ from: first, to: last, noise: hush ? 2600 : noise, hush });
    onset = '';
    group = '';
  };
  for (const c of text) {
    if (c in VOWELS) group += c;
    else {
      flush();
      if (/\p{L}/u.test(c)) onset += c;
    }
  }
  flush();
  return syllables;
}

/**
 * A two-pole resonator whose frequency may change every sample. `unity: 'dc'` is Klatt's
 * normalisation (gain 1 at 0 Hz), so a cascade of formants keeps their natural relative levels;
 * `'peak'` gives about unity gain at the centre, for shaping noise.
 */
class Resonator {
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly unity: 'dc' | 'peak') {}

  step(x: number, frequency: number, bandwidth: number, sampleRate: number): number {
    const r = Math.exp((-Math.PI * bandwidth) / sampleRate);
    const f = Math.min(frequency, 0.45 * sampleRate);
    const b = 2 * r * Math.cos((2 * Math.PI * f) / sampleRate);
    const c = -r * r;
    const a = this.unity === 'dc' ? 1 - b - c : 1 - r;
    const y = a * x + b * this.y1 + c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

function renderWord(
  out: Float32Array,
  s0: number,
  s1: number,
  text: string,
  voice: SynthVoice,
  pitch: number,
  sampleRate: number,
  rng: Rng,
): void {
  const found = vowelGroups(text);
  const syllables: Syllable[] =
    found.length > 0 ? found : [{ from: SCHWA, to: SCHWA, noise: undefined, hush: false }];
  const length = s1 - s0;
  const perSyllable = length / syllables.length;
  const formants = [new Resonator('dc'), new Resonator('dc'), new Resonator('dc')];
  const hiss = new Resonator('peak');
  let phase = 0;
  let tilt = 0;
  let shimmer = 1;
  let period = sampleRate / pitch;
  const fade = Math.max(1, Math.min(Math.round(0.012 * sampleRate), Math.floor(length / 4)));
  for (let i = 0; i < length; i++) {
    const k = Math.min(syllables.length - 1, Math.floor(i / perSyllable));
    const syllable = syllables[k]!;
    const pos = (i - k * perSyllable) / perSyllable; // 0..1 within the syllable
    const onsetShare = syllable.noise === undefined ? 0.12 : 0.3;

    // Glottal source: one pulse per period, with a little jitter and shimmer.
    phase += 1;
    let pulse = 0;
    if (phase >= period) {
      phase -= period;
      const f0 = pitch * (1.03 - 0.06 * pos) * (1 + 0.012 * (rng.next() - 0.5));
      period = sampleRate / f0;
      shimmer = 1 + 0.12 * (rng.next() - 0.5);
      pulse = shimmer;
    }
    // A one-pole low-pass gives the source its downward spectral tilt.
    tilt = 0.94 * tilt + pulse;
    const source = tilt + voice.breathiness * 1.5 * (2 * rng.next() - 1);

    // Formants glide from the onset (lower F1, a consonant's closure) through the vowel.
    const v = pos < onsetShare ? 0 : (pos - onsetShare) / (1 - onsetShare);
    let y = source;
    for (let f = 0; f < 3; f++) {
      const target = syllable.from[f]! + (syllable.to[f]! - syllable.from[f]!) * v;
      const closure = f === 0 && pos < onsetShare ? 0.55 + (0.45 * pos) / onsetShare : 1;
      y = formants[f]!.step(
        y,
        target * voice.formantScale * closure,
        BANDWIDTHS[f]! * (1 + voice.breathiness),
        sampleRate,
      );
    }
    // Voicing swells in the vowel and dies away towards the syllable's end.
    const voiced = pos < onsetShare ? 0.25 + (0.75 * pos) / onsetShare : 1 - 0.5 * v * v;
    let sample = 6 * y * voiced;
    if (syllable.noise !== undefined && pos < onsetShare) {
      const width = syllable.hush ? 1800 : 1200;
      const noise = hiss.step(2 * rng.next() - 1, syllable.noise, width, sampleRate);
      sample += 1.5 * noise * Math.sin((Math.PI * pos) / onsetShare);
    }
    // Raised-cosine fades at the word's edges: nothing spills outside [start, end).
    const edge = Math.min(i, length - 1 - i);
    const envelope = edge >= fade ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade);
    out[s0 + i] = out[s0 + i]! + sample * envelope;
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
