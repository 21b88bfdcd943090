import { ObhutError } from '../errors/index.js';

/** Bounds on what `decodeWav` accepts; both are checked before any sample is decoded. */
export interface WavLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes?: number;
  /** Longest audio accepted, in seconds. */
  readonly maxSeconds?: number;
}

// Review clips are seconds to minutes long. These bound the decoded samples (4 bytes each) and
// what `anonymise` allocates for them (another 16 bytes each) to a few hundred MB.
export const DEFAULT_WAV_LIMITS: Required<WavLimits> = {
  maxBytes: 128 * 1024 * 1024,
  maxSeconds: 20 * 60,
};

/** Mono audio with samples in [-1, 1]. */
export interface DecodedAudio {
  readonly sampleRate: number;
  readonly samples: Float32Array;
}

const MIN_SAMPLE_RATE = 1000;
const MAX_SAMPLE_RATE = 384_000;
const MAX_CHANNELS = 64;
const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
// KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT are 0000000X-0000-0010-8000-00aa00389b71: the format
// tag in the first two bytes, then these bytes after the first four, as stored in the file.
const SUBFORMAT_TAIL = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

interface Format {
  readonly float: boolean;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bits: number;
  readonly blockAlign: number;
}

function invalid(message: string): ObhutError {
  return new ObhutError('AUDIO_INVALID', message);
}

function fourcc(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}

function parseFormat(view: DataView, at: number, size: number): Format {
  if (size < 16) throw invalid(`fmt chunk is ${size} bytes, expected at least 16`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bits = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (size < 40) throw invalid(`WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, expected 40`);
    const guid = at + 24;
    for (let i = 0; i < SUBFORMAT_TAIL.length; i++) {
      if (view.getUint8(guid + 4 + i) !== SUBFORMAT_TAIL[i]) {
        throw invalid('unknown extensible sub-format');
      }
    }
    if (view.getUint16(guid + 2, true) !== 0) throw invalid('unknown extensible sub-format');
    tag = view.getUint16(guid, true);
  }
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    throw invalid(`unsupported WAVE encoding 0x${tag.toString(16)} (PCM and float only)`);
  }
  const float = tag === FORMAT_FLOAT;
  if (
    float ? bits !== 32 && bits !== 64 : bits !== 8 && bits !== 16 && bits !== 24 && bits !== 32
  ) {
    throw invalid(`unsupported ${float ? 'float' : 'PCM'} sample size ${bits} bits`);
  }
  if (channels < 1 || channels > MAX_CHANNELS)
    throw invalid(`unsupported channel count ${channels}`);
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw invalid(`unsupported sample rate ${sampleRate} Hz`);
  }
  if (blockAlign !== (channels * bits) / 8) {
    throw invalid(`block align ${blockAlign} does not match ${channels} × ${bits} bits`);
  }
  return { float, channels, sampleRate, bits, blockAlign };
}

function readSample(view: DataView, at: number, format: Format): number {
  if (format.float) {
    const v = format.bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
    // Non-finite values would poison every later stage; out-of-range ones are clipped.
    return Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  }
  switch (format.bits) {
    case 8:
      return (view.getUint8(at) - 128) / 128;
    case 16:
      return view.getInt16(at, true) / 32768;
    case 24:
      return (view.getUint16(at, true) | (view.getInt8(at + 2) << 16) | 0) / 8388608;
    default:
      return view.getInt32(at, true) / 2147483648;
  }
}

/**
 * Decodes a RIFF/WAVE file (PCM 8/16/24/32-bit, float 32/64-bit, plain or
 * WAVE_FORMAT_EXTENSIBLE) to mono by averaging the channels. Chunks other than `fmt ` and `data`
 * (LIST/INFO, id3, bext, …) are skipped. Throws `AUDIO_TOO_LARGE` over the limits and
 * `AUDIO_INVALID` for anything else it cannot read, truncated files included.
 */
export function decodeWav(bytes: Uint8Array, limits: WavLimits = {}): DecodedAudio {
  const maxBytes = limits.maxBytes ?? DEFAULT_WAV_LIMITS.maxBytes;
  const maxSeconds = limits.maxSeconds ?? DEFAULT_WAV_LIMITS.maxSeconds;
  if (bytes.length > maxBytes) {
    throw new ObhutError(
      'AUDIO_TOO_LARGE',
      `audio file is ${bytes.length} bytes, over ${maxBytes}`,
    );
  }
  // The file is attacker-controlled: every size field is checked against the bytes present.
  if (bytes.length < 12) throw invalid('not a RIFF/WAVE file (too short)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (fourcc(view, 0) !== 'RIFF' || fourcc(view, 8) !== 'WAVE') {
    throw invalid('not a RIFF/WAVE file');
  }
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length) throw invalid('truncated: RIFF size is larger than the file');
  let format: Format | undefined;
  let dataAt = -1;
  let dataSize = 0;
  let at = 12;
  while (at + 8 <= riffEnd) {
    const id = fourcc(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (body + size > riffEnd)
      throw invalid(`truncated: ${JSON.stringify(id)} chunk runs past the end`);
    if (id === 'fmt ') {
      if (format) throw invalid('more than one fmt chunk');
      format = parseFormat(view, body, size);
    } else if (id === 'data') {
      if (dataAt >= 0) throw invalid('more than one data chunk');
      dataAt = body;
      dataSize = size;
    }
    at = body + size + (size & 1);
  }
  if (!format) throw invalid('no fmt chunk');
  if (dataAt < 0) throw invalid('no data chunk');
  if (dataSize % format.blockAlign !== 0) {
    throw invalid('truncated: data chunk is not a whole number of sample frames');
  }
  const frames = dataSize / format.blockAlign;
  if (frames / format.sampleRate > maxSeconds) {
    throw new ObhutError(
      'AUDIO_TOO_LARGE',
      `audio is ${(frames / format.sampleRate).toFixed(1)} s long, over ${maxSeconds} s`,
    );
  }
  const samples = new Float32Array(frames);
  const step = format.bits / 8;
  const scale = 1 / format.channels;
  for (let i = 0, p = dataAt; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < format.channels; c++, p += step) sum += readSample(view, p, format);
    samples[i] = sum * scale;
  }
  return { sampleRate: format.sampleRate, samples };
}

const HEADER_BYTES = 44;

/**
 * Encodes mono samples as a 16-bit PCM WAVE file holding only a `fmt ` and a `data` chunk: no
 * LIST/INFO, id3 or other metadata, so nothing but the audio reaches whoever receives it.
 * Samples are clipped to [-1, 1]; NaN becomes 0.
 */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  if (
    !Number.isInteger(sampleRate) ||
    sampleRate < MIN_SAMPLE_RATE ||
    sampleRate > MAX_SAMPLE_RATE
  ) {
    throw invalid(`cannot encode at sample rate ${sampleRate} Hz`);
  }
  const dataSize = samples.length * 2;
  if (HEADER_BYTES - 8 + dataSize > 0xffffffff) {
    throw new ObhutError('AUDIO_TOO_LARGE', `${samples.length} samples do not fit in a WAVE file`);
  }
  const out = Buffer.alloc(HEADER_BYTES + dataSize);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(HEADER_BYTES - 8 + dataSize, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(FORMAT_PCM, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(dataSize, 40);
  for (let i = 0, p = HEADER_BYTES; i < samples.length; i++, p += 2) {
    // The inverse of decoding's v / 32768, so 16-bit audio survives decode → encode bit for bit.
    const v = Math.round(samples[i]! * 32768);
    out.writeInt16LE(v > 32767 ? 32767 : v < -32768 ? -32768 : v || 0, p);
  }
  return out;
}
