import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  alphaFor,
  anonymise,
  decodeWav,
  encodeWav,
  prepareReviewAudio,
} from '../src/voice/index.js';

// `npm run bench -- voice [--seconds 60] [--alpha 0.8] [--reps 5]`
//
// (a) Speed on one core, in seconds of audio per second: `anonymise` and the whole
//     `prepareReviewAudio` (decode → McAdams → bleep → encode) on generated 16 kHz speech-like
//     audio (voiced segments with moving F0 and formants, noise bursts, pauses).
// (b) If espeak-ng is installed: the same sentences in several voices (bench/.data/voice/,
//     gitignored), and how well a simple speaker model (mean + std of MFCCs computed here) still
//     tells the speakers apart after anonymisation, against the baseline "original audio":
//     cosine similarities, nearest-neighbour speaker identification and EER. Content survival:
//     energy-envelope correlation and nearest-template sentence identification by DTW over
//     MFCC sequences (a stand-in for WER, which needs an ASR model this bench does not have).
//     Conditions: a fixed alpha (--alpha, and 0.6), and alpha drawn by `alphaFor` per speaker
//     or per utterance from U(0.5, 0.9) and milder ranges, each over --reps draws of seeds.
//     Three attackers: ignorant (enrols on original audio), informed (enrols on audio
//     anonymised the same way) and grid (enrols on original audio anonymised at 9 alphas
//     across the range, best score wins).
//
// The speaker model is deliberately simple: formant-synthesised voices differ mostly in their
// spectral envelope, which is exactly what McAdams moves, so this attacker flatters McAdams
// compared with an x-vector attacker. Read (b) as a sanity check, not a privacy claim.

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'voice');
const out = (line = '') => process.stdout.write(`${line}\n`);

const SENTENCES: Record<'en' | 'de', string[]> = {
  en: [
    'The quick brown fox jumps over the lazy dog near the river bank.',
    'Please call me back tomorrow morning about the delivery.',
    'My appointment was moved to Thursday at half past three.',
    'She sells sea shells by the sea shore every summer.',
    'We need more information before we can approve the request.',
  ],
  de: [
    'Der schnelle braune Fuchs springt über den faulen Hund am Fluss.',
    'Bitte rufen Sie mich morgen früh wegen der Lieferung zurück.',
    'Mein Termin wurde auf Donnerstag um halb vier verschoben.',
    'Sie verkauft im Sommer Muscheln am Strand des Meeres.',
    'Wir brauchen mehr Informationen, bevor wir den Antrag genehmigen.',
  ],
};

const VOICES: Array<{ voice: string; lang: 'en' | 'de' }> = [
  { voice: 'en-us+m1', lang: 'en' },
  { voice: 'en-us+m3', lang: 'en' },
  { voice: 'en-us+f2', lang: 'en' },
  { voice: 'en-us+f4', lang: 'en' },
  { voice: 'en-gb+m2', lang: 'en' },
  { voice: 'en-gb+f1', lang: 'en' },
  { voice: 'en-gb-scotland+m7', lang: 'en' },
  { voice: 'en-gb-x-rp+f5', lang: 'en' },
  { voice: 'de+m3', lang: 'de' },
  { voice: 'de+f2', lang: 'de' },
];

// ---------- (a) speed ----------

/** Speech-like test audio: voiced stretches (moving F0 through moving formants), noise, pauses. */
function speechLike(seconds: number, rate: number): Float32Array {
  const n = Math.round(seconds * rate);
  const x = new Float32Array(n);
  let s = 0x2545f491;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const state = new Float64Array(6);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const segment = Math.floor(t / 0.25) % 8;
    const f0 = 110 + 40 * Math.sin(2 * Math.PI * 0.7 * t) + 10 * segment;
    phase += f0 / rate;
    let e = 0;
    if (segment === 3 || segment === 6) e = 0.3 * (rand() - 0.5);
    else if (segment !== 7 && phase >= 1) e = 1;
    if (phase >= 1) phase -= 1;
    let v = e;
    for (let k = 0; k < 3; k++) {
      const hz = [500, 1500, 2500][k]! * (1 + 0.3 * Math.sin(2 * Math.PI * (0.5 + k * 0.3) * t));
      const r = 0.97;
      const y =
        v + 2 * r * Math.cos((2 * Math.PI * hz) / rate) * state[2 * k]! - r * r * state[2 * k + 1]!;
      state[2 * k + 1] = state[2 * k]!;
      state[2 * k] = y;
      v = y * (1 - r);
    }
    x[i] = v;
  }
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i < n; i++) x[i] = (0.7 * x[i]!) / peak;
  return x;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time and median CPU time (this process, one thread) of `runs` calls, in seconds. */
function timeRuns(runs: number, fn: () => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    wall.push((performance.now() - t) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function benchSpeed(seconds: number, alpha: number): void {
  const rate = 16000;
  const audio = speechLike(seconds, rate);
  const wav = encodeWav(audio, rate);
  const spans = Array.from({ length: Math.floor(seconds / 5) }, (_, k) => ({
    start: 5 * k + 1,
    end: 5 * k + 1.6,
  }));
  anonymise(audio.subarray(0, rate * 2), rate, { alpha }); // warm up
  const anon = timeRuns(5, () => anonymise(audio, rate, { alpha }));
  const all = timeRuns(5, () => prepareReviewAudio(wav, spans, { alpha }));
  const line = (name: string, t: { wall: number; cpu: number }) =>
    out(
      `  ${name.padEnd(22)} ${(seconds / t.cpu).toFixed(0)}× real time by CPU time, ${(seconds / t.wall).toFixed(0)}× by wall clock (${(t.wall * 1000).toFixed(0)} ms)`,
    );
  out(`(a) speed, one thread, ${seconds} s of generated 16 kHz speech-like audio, median of 5`);
  out(`    (target ≥ 50× real time; wall clock suffers when the machine is shared):`);
  line(`anonymise (alpha ${alpha})`, anon);
  line(`prepareReviewAudio`, all);
  out(`    (${spans.length} bleeped spans; load average ${loadAverage()})`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
}

// ---------- features ----------

function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}

const N_MEL = 26;
const N_CEP = 13;

interface Features {
  /** c1…c12 per frame (c0 dropped), speech frames only. */
  readonly mfcc: Float64Array[];
  /** log energy per 10 ms frame, all frames. */
  readonly logEnergy: Float64Array;
}

function features(x: Float32Array, rate: number): Features {
  const frameLen = Math.round(0.025 * rate);
  const hop = Math.round(0.01 * rate);
  const nfft = 2 ** Math.ceil(Math.log2(frameLen));
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hzOf = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const top = Math.min(8000, rate / 2);
  const edges = Array.from({ length: N_MEL + 2 }, (_, k) => hzOf((mel(top) * k) / (N_MEL + 1)));
  const bins = edges.map((hz) => (hz * nfft) / rate);
  const frames: Float64Array[] = [];
  const energies: number[] = [];
  const re = new Float64Array(nfft);
  const im = new Float64Array(nfft);
  for (let start = 0; start + frameLen <= x.length; start += hop) {
    re.fill(0);
    im.fill(0);
    let energy = 0;
    for (let i = 0; i < frameLen; i++) {
      const pre = x[start + i]! - 0.97 * (start + i > 0 ? x[start + i - 1]! : 0);
      re[i] = pre * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (frameLen - 1)));
      energy += x[start + i]! ** 2;
    }
    energies.push(Math.log(energy + 1e-10));
    fft(re, im);
    const logMel = new Float64Array(N_MEL);
    for (let m = 0; m < N_MEL; m++) {
      let sum = 0;
      for (let k = Math.floor(bins[m]!); k <= Math.ceil(bins[m + 2]!) && k <= nfft / 2; k++) {
        const w =
          k < bins[m + 1]!
            ? (k - bins[m]!) / (bins[m + 1]! - bins[m]!)
            : (bins[m + 2]! - k) / (bins[m + 2]! - bins[m + 1]!);
        if (w > 0) sum += w * (re[k]! ** 2 + im[k]! ** 2);
      }
      logMel[m] = Math.log(sum + 1e-10);
    }
    const c = new Float64Array(N_CEP - 1);
    for (let q = 1; q < N_CEP; q++) {
      let v = 0;
      for (let m = 0; m < N_MEL; m++) v += logMel[m]! * Math.cos((Math.PI * q * (m + 0.5)) / N_MEL);
      c[q - 1] = v;
    }
    frames.push(c);
  }
  const loudest = Math.max(...energies);
  // Speech frames: within 35 dB (in energy) of the loudest.
  const mfcc = frames.filter((_, i) => energies[i]! > loudest - (35 * Math.log(10)) / 10);
  return { mfcc, logEnergy: Float64Array.from(energies) };
}

function embedding(f: Features): Float64Array {
  const d = N_CEP - 1;
  const e = new Float64Array(2 * d);
  for (const c of f.mfcc) for (let q = 0; q < d; q++) e[q]! += c[q]! / f.mfcc.length;
  for (const c of f.mfcc)
    for (let q = 0; q < d; q++) e[d + q]! += (c[q]! - e[q]!) ** 2 / f.mfcc.length;
  for (let q = 0; q < d; q++) e[d + q] = Math.sqrt(e[d + q]!);
  return e;
}

function cosine(a: Float64Array, b: Float64Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** DTW distance between two MFCC sequences, each mean-normalised, per step of the path. */
function dtw(a: Float64Array[], b: Float64Array[]): number {
  const norm = (s: Float64Array[]) => {
    const mean = new Float64Array(s[0]!.length);
    for (const c of s) for (let q = 0; q < mean.length; q++) mean[q]! += c[q]! / s.length;
    return s.map((c) => c.map((v, q) => v - mean[q]!));
  };
  const x = norm(a);
  const y = norm(b);
  const m = y.length;
  let prev = new Float64Array(m + 1).fill(Infinity);
  let cur = new Float64Array(m + 1);
  prev[0] = 0;
  for (let i = 1; i <= x.length; i++) {
    cur.fill(Infinity);
    const xi = x[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const yj = y[j - 1]!;
      let d = 0;
      for (let q = 0; q < xi.length; q++) d += (xi[q]! - yj[q]!) ** 2;
      cur[j] = Math.sqrt(d) + Math.min(prev[j]!, prev[j - 1]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]! / (x.length + m);
}

// ---------- (b) speakers ----------

interface Clip {
  readonly speaker: number;
  readonly voice: string;
  readonly sentence: string;
  readonly rate: number;
  readonly original: Float32Array;
}

function hasEspeak(): boolean {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

async function synthesise(): Promise<Clip[]> {
  await mkdir(dataDir, { recursive: true });
  const list: Clip[] = [];
  VOICES.forEach(({ voice, lang }, speaker) => {
    SENTENCES[lang].forEach((text, k) => {
      const file = path.join(dataDir, `${voice.replace(/[^a-z0-9]+/gi, '_')}-${k}.wav`);
      if (!existsSync(file)) {
        const r = spawnSync('espeak-ng', ['-v', voice, '-w', file, text]);
        if (r.status !== 0) throw new Error(`espeak-ng -v ${voice} failed: ${r.stderr}`);
      }
      const { sampleRate, samples } = decodeWav(readFileSync(file));
      list.push({ speaker, voice, sentence: `${lang}${k}`, rate: sampleRate, original: samples });
    });
  });
  return list;
}

function standardise(vectors: Float64Array[], reference: Float64Array[]): Float64Array[] {
  const d = reference[0]!.length;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const v of reference) for (let q = 0; q < d; q++) mean[q]! += v[q]! / reference.length;
  for (const v of reference)
    for (let q = 0; q < d; q++) sd[q]! += (v[q]! - mean[q]!) ** 2 / reference.length;
  return vectors.map((v) => v.map((x, q) => (x - mean[q]!) / Math.sqrt(sd[q]! + 1e-12)));
}

function eer(target: number[], nonTarget: number[]): number {
  const thresholds = [...target, ...nonTarget].sort((a, b) => a - b);
  let best = 1;
  for (const t of thresholds) {
    const miss = target.filter((s) => s < t).length / target.length;
    const fa = nonTarget.filter((s) => s >= t).length / nonTarget.length;
    best = Math.min(best, Math.max(miss, fa));
  }
  return best;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** How each utterance's alpha is chosen; `rep` salts the seeds of the random conditions. */
interface Condition {
  readonly name: string;
  readonly random: boolean;
  readonly alpha: (clip: Clip, rep: number) => number;
}

/** One condition's figures for one draw of alphas. */
interface Figures {
  readonly meanAlpha: number;
  readonly selfSim: number;
  readonly targetSim: number;
  readonly idIgnorant: number;
  readonly idInformed: number;
  readonly idGrid: number;
  readonly eerIgnorant: number;
  readonly eerInformed: number;
  readonly eerGrid: number;
  readonly envelope: number;
  readonly sentenceId: number;
}

// The "grid" attacker knows the method and the range but not the alpha of any recording: it
// anonymises its original enrolment audio at each of these alphas and keeps the best score.
const GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

class SpeakerBench {
  readonly n: number;
  readonly speakers = VOICES.length;
  readonly audioSeconds: number;
  readonly fo: Features[];
  readonly rawO: Float64Array[];
  readonly eo: Float64Array[];
  /** Enrolment embeddings of the original audio anonymised at each GRID alpha. */
  grid: Float64Array[][] = [];
  /** Seconds of audio anonymised, and the wall and CPU time that took. */
  anonAudio = 0;
  anonSeconds = 0;
  anonCpu = 0;

  constructor(readonly clips: readonly Clip[]) {
    this.n = clips.length;
    this.audioSeconds = clips.reduce((s, c) => s + c.original.length / c.rate, 0);
    this.fo = clips.map((c) => features(c.original, c.rate));
    this.rawO = this.fo.map(embedding);
    // Standardised with the statistics of the original audio (what an attacker would have).
    this.eo = standardise(this.rawO, this.rawO);
  }

  anonymiseAll(alphas: readonly number[]): Float32Array[] {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = this.clips.map((u, i) => anonymise(u.original, u.rate, { alpha: alphas[i]! }));
    const used = process.cpuUsage(c);
    this.anonCpu += (used.user + used.system) / 1e6;
    this.anonSeconds += (performance.now() - t) / 1000;
    this.anonAudio += this.audioSeconds;
    return result;
  }

  prepareGrid(): void {
    this.grid = GRID.map((alpha) => {
      const audio = this.anonymiseAll(this.clips.map(() => alpha));
      const raw = audio.map((x, i) => embedding(features(x, this.clips[i]!.rate)));
      return standardise(raw, this.rawO);
    });
  }

  /** Target and non-target trial scores (other-sentence pairs); each the best over `enrol` sets. */
  pairs(test: Float64Array[], enrol: Float64Array[][]) {
    const target: number[] = [];
    const nonTarget: number[] = [];
    const { clips, n } = this;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j || clips[i]!.sentence === clips[j]!.sentence) continue;
        let score = -Infinity;
        for (const set of enrol) score = Math.max(score, cosine(test[i]!, set[j]!));
        (clips[i]!.speaker === clips[j]!.speaker ? target : nonTarget).push(score);
      }
    }
    return { target, nonTarget };
  }

  /** Nearest speaker model (mean of that speaker's other utterances), leave one out. */
  identify(test: Float64Array[], enrol: Float64Array[][]): number {
    const { clips, n } = this;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestScore = -Infinity;
      for (let s = 0; s < this.speakers; s++) {
        for (const set of enrol) {
          const model = new Float64Array(test[i]!.length);
          let count = 0;
          for (let j = 0; j < n; j++) {
            if (j === i || clips[j]!.speaker !== s) continue;
            for (let q = 0; q < model.length; q++) model[q]! += set[j]![q]!;
            count++;
          }
          const score = count ? cosine(test[i]!, model) : -Infinity;
          if (score > bestScore) {
            bestScore = score;
            best = s;
          }
        }
      }
      if (best === clips[i]!.speaker) correct++;
    }
    return correct / n;
  }

  /** Sentence identification by DTW to the other voices' original recordings. */
  sentenceId(test: Features[]): number {
    const { clips, n } = this;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = '';
      let bestD = Infinity;
      for (let j = 0; j < n; j++) {
        if (clips[j]!.speaker === clips[i]!.speaker) continue;
        const d = dtw(test[i]!.mfcc, this.fo[j]!.mfcc);
        if (d < bestD) {
          bestD = d;
          best = clips[j]!.sentence;
        }
      }
      if (best === clips[i]!.sentence) correct++;
    }
    return correct / n;
  }

  baseline(): Figures {
    const before = this.pairs(this.eo, [this.eo]);
    const id = this.identify(this.eo, [this.eo]);
    const e = eer(before.target, before.nonTarget);
    return {
      meanAlpha: 1,
      selfSim: 1,
      targetSim: mean(before.target),
      idIgnorant: id,
      idInformed: id,
      idGrid: id,
      eerIgnorant: e,
      eerInformed: e,
      eerGrid: e,
      envelope: 1,
      sentenceId: this.sentenceId(this.fo),
    };
  }

  evaluate(alphas: readonly number[]): Figures {
    const audio = this.anonymiseAll(alphas);
    const fa = audio.map((x, i) => features(x, this.clips[i]!.rate));
    const ea = standardise(fa.map(embedding), this.rawO);
    const ignorant = this.pairs(ea, [this.eo]);
    const informed = this.pairs(ea, [ea]);
    const grid = this.pairs(ea, this.grid);
    return {
      meanAlpha: mean([...alphas]),
      selfSim: mean(ea.map((e, i) => cosine(this.eo[i]!, e))),
      targetSim: mean(ignorant.target),
      idIgnorant: this.identify(ea, [this.eo]),
      idInformed: this.identify(ea, [ea]),
      idGrid: this.identify(ea, this.grid),
      eerIgnorant: eer(ignorant.target, ignorant.nonTarget),
      eerInformed: eer(informed.target, informed.nonTarget),
      eerGrid: eer(grid.target, grid.nonTarget),
      envelope: mean(fa.map((f, i) => pearson(this.fo[i]!.logEnergy, f.logEnergy))),
      sentenceId: this.sentenceId(fa),
    };
  }
}

function conditions(alpha: number): Condition[] {
  const fixed = (a: number): Condition => ({ name: `fixed ${a}`, random: false, alpha: () => a });
  const perSpeaker = (min: number, max: number): Condition => ({
    name: `speaker U(${min},${max})`,
    random: true,
    alpha: (c, rep) => alphaFor(`${rep}/${c.voice}`, { min, max }),
  });
  const perUtterance = (min: number, max: number): Condition => ({
    name: `utt. U(${min},${max})`,
    random: true,
    alpha: (c, rep) => alphaFor(`${rep}/${c.voice}/${c.sentence}`, { min, max }),
  });
  return [
    fixed(alpha),
    ...(alpha === 0.6 ? [] : [fixed(0.6)]),
    perSpeaker(0.5, 0.9),
    perUtterance(0.5, 0.9),
    perUtterance(0.6, 0.9),
    perUtterance(0.7, 0.9),
  ];
}

function reportSpeakers(clips: Clip[], alpha: number, reps: number): void {
  const bench = new SpeakerBench(clips);
  bench.prepareGrid();
  const columns: Array<{ name: string; runs: Figures[] }> = [
    { name: 'original audio', runs: [bench.baseline()] },
  ];
  for (const c of conditions(alpha)) {
    const runs: Figures[] = [];
    for (let rep = 0; rep < (c.random ? reps : 1); rep++) {
      runs.push(bench.evaluate(clips.map((clip) => c.alpha(clip, rep))));
    }
    columns.push({ name: c.name, runs });
  }

  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const num = (v: number) => v.toFixed(3);
  const cell = (runs: Figures[], pick: (f: Figures) => number, fmt: (v: number) => string) => {
    const values = runs.map(pick);
    if (values.length === 1) return fmt(values[0]!);
    return `${fmt(mean(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
  };
  const rows: Array<[string, (f: Figures) => number, (v: number) => string]> = [
    ['mean alpha', (f) => f.meanAlpha, (v) => v.toFixed(2)],
    ['cosine, same utterance, original vs anonymised', (f) => f.selfSim, num],
    ['cosine, same speaker, other sentence (ignorant)', (f) => f.targetSim, num],
    [`speaker ID, ignorant (chance ${pct(1 / bench.speakers)})`, (f) => f.idIgnorant, pct],
    ['speaker ID, informed (enrols on anonymised)', (f) => f.idInformed, pct],
    ['speaker ID, grid (original enrolment at 9 alphas)', (f) => f.idGrid, pct],
    ['EER, ignorant (50% = chance)', (f) => f.eerIgnorant, pct],
    ['EER, informed', (f) => f.eerInformed, pct],
    ['EER, grid', (f) => f.eerGrid, pct],
    ['energy-envelope correlation with the original', (f) => f.envelope, num],
    ['sentence ID by DTW (chance 10%)', (f) => f.sentenceId, pct],
  ];

  out(
    `\n(b) espeak-ng corpus: ${bench.speakers} voices × 5 sentences = ${bench.n} utterances, ${bench.audioSeconds.toFixed(0)} s at ${clips[0]!.rate} Hz`,
  );
  out(`    voices: ${VOICES.map((v) => v.voice).join(', ')}`);
  out(
    `    anonymise over the corpus (${bench.anonAudio.toFixed(0)} s of audio in all runs): ${(bench.anonAudio / bench.anonCpu).toFixed(0)}× real time by CPU time, ${(bench.anonAudio / bench.anonSeconds).toFixed(0)}× by wall clock`,
  );
  out('  speaker embedding: mean + std of MFCC c1–c12 (26 mel bands, speech frames), standardised');
  out(
    "  with the original audio's statistics; speaker ID is the nearest speaker model (mean of the",
  );
  out("  speaker's other utterances), leave one out; EER over other-sentence trials. Attackers:");
  out('  ignorant enrols on original audio; informed enrols on audio anonymised the same way (its');
  out('  own random alphas); grid enrols on original audio anonymised at each alpha in');
  out(`  {${GRID.join(', ')}}`);
  out('  and takes the best score. Random conditions: mean (min–max) over');
  out(`  ${reps} draws of seeds (speaker: seed = voice; utterance: seed = voice/sentence).`);
  out("  Sentence ID: DTW over MFCC sequences to the other voices' original recordings.");
  out();
  out(`| (b) ${bench.n} utterances | ${columns.map((c) => c.name).join(' | ')} |`);
  out(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [label, pick, fmt] of rows) {
    out(`| ${label} | ${columns.map((c) => cell(c.runs, pick, fmt)).join(' | ')} |`);
  }
}

export async function benchVoice(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '60' },
      alpha: { type: 'string', default: '0.8' },
      reps: { type: 'string', default: '5' },
    },
  });
  const alpha = Number(values.alpha);
  benchSpeed(Number(values.seconds), alpha);
  if (!hasEspeak()) {
    out('\n(b) skipped: espeak-ng is not installed (apt-get install espeak-ng), so there is no');
    out('    multi-voice corpus to measure speaker similarity on.');
    return;
  }
  reportSpeakers(await synthesise(), alpha, Math.max(1, Number(values.reps)));
}
