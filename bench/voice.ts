import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { anonymise, decodeWav, encodeWav, prepareReviewAudio } from '../src/voice/index.js';

// `npm run bench -- voice [--seconds 60] [--alpha 0.8]`
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
  const all = timeRuns(5, () => prepareReviewAudio(wav, spans, { mcadams: { alpha } }));
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

interface Utterance {
  readonly speaker: number;
  readonly sentence: string;
  readonly rate: number;
  readonly original: Float32Array;
  readonly anonymised: Float32Array;
}

function hasEspeak(): boolean {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

async function synthesise(): Promise<Array<Omit<Utterance, 'anonymised'>>> {
  await mkdir(dataDir, { recursive: true });
  const list: Array<Omit<Utterance, 'anonymised'>> = [];
  VOICES.forEach(({ voice, lang }, speaker) => {
    SENTENCES[lang].forEach((text, k) => {
      const file = path.join(dataDir, `${voice.replace(/[^a-z0-9]+/gi, '_')}-${k}.wav`);
      if (!existsSync(file)) {
        const r = spawnSync('espeak-ng', ['-v', voice, '-w', file, text]);
        if (r.status !== 0) throw new Error(`espeak-ng -v ${voice} failed: ${r.stderr}`);
      }
      const { sampleRate, samples } = decodeWav(readFileSync(file));
      list.push({ speaker, sentence: `${lang}${k}`, rate: sampleRate, original: samples });
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

function reportSpeakers(raw: Array<Omit<Utterance, 'anonymised'>>, alpha: number): void {
  let audioSeconds = 0;
  const t = performance.now();
  const c = process.cpuUsage();
  const utts: Utterance[] = raw.map((u) => {
    audioSeconds += u.original.length / u.rate;
    return { ...u, anonymised: anonymise(u.original, u.rate, { alpha }) };
  });
  const used = process.cpuUsage(c);
  const anonCpu = (used.user + used.system) / 1e6;
  const anonSeconds = (performance.now() - t) / 1000;
  const fo = utts.map((u) => features(u.original, u.rate));
  const fa = utts.map((u) => features(u.anonymised, u.rate));
  const rawO = fo.map(embedding);
  const rawA = fa.map(embedding);
  // Standardised with the statistics of the original audio (what an attacker would have).
  const eo = standardise(rawO, rawO);
  const ea = standardise(rawA, rawO);
  const n = utts.length;
  const speakers = VOICES.length;

  const pairs = (test: Float64Array[], enrol: Float64Array[]) => {
    const target: number[] = [];
    const nonTarget: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j || utts[i]!.sentence === utts[j]!.sentence) continue;
        (utts[i]!.speaker === utts[j]!.speaker ? target : nonTarget).push(
          cosine(test[i]!, enrol[j]!),
        );
      }
    }
    return { target, nonTarget };
  };
  const identify = (test: Float64Array[], enrol: Float64Array[]) => {
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestScore = -Infinity;
      for (let s = 0; s < speakers; s++) {
        const model = new Float64Array(test[i]!.length);
        let count = 0;
        for (let j = 0; j < n; j++) {
          if (j === i || utts[j]!.speaker !== s) continue;
          for (let q = 0; q < model.length; q++) model[q]! += enrol[j]![q]!;
          count++;
        }
        const score = count ? cosine(test[i]!, model) : -Infinity;
        if (score > bestScore) {
          bestScore = score;
          best = s;
        }
      }
      if (best === utts[i]!.speaker) correct++;
    }
    return correct / n;
  };

  const before = pairs(eo, eo);
  const ignorant = pairs(ea, eo);
  const informed = pairs(ea, ea);
  const selfSim = mean(utts.map((_, i) => cosine(eo[i]!, ea[i]!)));
  const accBefore = identify(eo, eo);
  const accIgnorant = identify(ea, eo);
  const accInformed = identify(ea, ea);
  const eerBefore = eer(before.target, before.nonTarget);
  const eerIgnorant = eer(ignorant.target, ignorant.nonTarget);
  const eerInformed = eer(informed.target, informed.nonTarget);

  const envSelf = mean(utts.map((_, i) => pearson(fo[i]!.logEnergy, fa[i]!.logEnergy)));
  const envOther = mean(
    utts.map((u, i) => {
      const j = utts.findIndex((v) => v.speaker === u.speaker && v.sentence !== u.sentence);
      return pearson(fo[i]!.logEnergy, fo[j]!.logEnergy);
    }),
  );
  const sentenceId = (test: Features[]) => {
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = '';
      let bestD = Infinity;
      for (let j = 0; j < n; j++) {
        if (utts[j]!.speaker === utts[i]!.speaker) continue;
        const d = dtw(test[i]!.mfcc, fo[j]!.mfcc);
        if (d < bestD) {
          bestD = d;
          best = utts[j]!.sentence;
        }
      }
      if (best === utts[i]!.sentence) correct++;
    }
    return correct / n;
  };
  const sidBefore = sentenceId(fo);
  const sidAfter = sentenceId(fa);

  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const ratio = (after: number, base: number) => `${(after / base).toFixed(2)}× original audio`;
  out(
    `\n(b) espeak-ng corpus: ${speakers} voices × 5 sentences = ${n} utterances, ${audioSeconds.toFixed(0)} s at ${utts[0]!.rate} Hz; alpha ${alpha}`,
  );
  out(`    voices: ${VOICES.map((v) => v.voice).join(', ')}`);
  out(
    `    anonymise over the corpus: ${(audioSeconds / anonCpu).toFixed(0)}× real time by CPU time, ${(audioSeconds / anonSeconds).toFixed(0)}× by wall clock`,
  );
  out('  speaker embedding: mean + std of MFCC c1–c12 (26 mel bands, speech frames), standardised');
  out('  cosine similarity (mean):');
  out(
    `    same utterance, original vs anonymised          ${selfSim.toFixed(3)}  (original vs itself: 1)`,
  );
  out(`    same speaker, other sentence: original audio    ${mean(before.target).toFixed(3)}`);
  out(
    `                                  anonymised test   ${mean(ignorant.target).toFixed(3)}  (${ratio(mean(ignorant.target), mean(before.target))})`,
  );
  out(`    different speakers:           original audio    ${mean(before.nonTarget).toFixed(3)}`);
  out(`                                  anonymised test   ${mean(ignorant.nonTarget).toFixed(3)}`);
  out(
    `  speaker identification (nearest speaker model, leave one out; chance ${pct(1 / speakers)}):`,
  );
  out(`    original audio                                   ${pct(accBefore)}`);
  out(
    `    anonymised vs original enrolment (ignorant)      ${pct(accIgnorant)}  (${ratio(accIgnorant, accBefore)})`,
  );
  out(
    `    anonymised vs anonymised enrolment (informed)    ${pct(accInformed)}  (${ratio(accInformed, accBefore)})`,
  );
  out('  EER (cosine scores, other-sentence trials; 50% = chance, higher = more private):');
  out(
    `    original audio ${pct(eerBefore)}; ignorant ${pct(eerIgnorant)}; informed ${pct(eerInformed)}`,
  );
  out('  content survival:');
  out(
    `    energy envelope correlation, original vs anonymised  ${envSelf.toFixed(3)}  (other sentence, same voice: ${envOther.toFixed(3)})`,
  );
  out(`    sentence identification by DTW to other voices' originals (chance 10%):`);
  out(
    `      original audio ${pct(sidBefore)}; anonymised ${pct(sidAfter)} (${ratio(sidAfter, sidBefore)})`,
  );
}

export async function benchVoice(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '60' },
      alpha: { type: 'string', default: '0.8' },
    },
  });
  const alpha = Number(values.alpha);
  benchSpeed(Number(values.seconds), alpha);
  if (!hasEspeak()) {
    out('\n(b) skipped: espeak-ng is not installed (apt-get install espeak-ng), so there is no');
    out('    multi-voice corpus to measure speaker similarity on.');
    return;
  }
  reportSpeakers(await synthesise(), alpha);
}
