// Builds WAVE files byte by byte for the decoder tests, independently of src/voice/wav.ts.

export interface Chunk {
  readonly id: string;
  readonly body: Uint8Array;
}

export interface WavSpec {
  readonly encoding: 'pcm' | 'float';
  readonly bits: number;
  readonly sampleRate: number;
  /** frames[i][c]: integer sample values for PCM (8-bit unsigned as stored), floats for float. */
  readonly frames: readonly (readonly number[])[];
  readonly extensible?: boolean;
  readonly before?: readonly Chunk[];
  readonly after?: readonly Chunk[];
}

function chunk(id: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i);
  view.setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function buildWav(spec: WavSpec): Uint8Array {
  const channels = spec.frames[0]?.length ?? 1;
  const bytesPer = spec.bits / 8;
  const tag = spec.encoding === 'pcm' ? 1 : 3;
  const fmt = new Uint8Array(spec.extensible ? 40 : 16);
  const f = new DataView(fmt.buffer);
  f.setUint16(0, spec.extensible ? 0xfffe : tag, true);
  f.setUint16(2, channels, true);
  f.setUint32(4, spec.sampleRate, true);
  f.setUint32(8, spec.sampleRate * channels * bytesPer, true);
  f.setUint16(12, channels * bytesPer, true);
  f.setUint16(14, spec.bits, true);
  if (spec.extensible) {
    f.setUint16(16, 22, true);
    f.setUint16(18, spec.bits, true);
    f.setUint32(20, channels === 2 ? 3 : 4, true);
    // {0000000X-0000-0010-8000-00AA00389B71}
    f.setUint32(24, tag, true);
    f.setUint16(28, 0, true);
    f.setUint16(30, 0x10, true);
    fmt.set([0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 32);
  }
  const data = new Uint8Array(spec.frames.length * channels * bytesPer);
  const d = new DataView(data.buffer);
  let at = 0;
  for (const frame of spec.frames) {
    for (const v of frame) {
      if (spec.encoding === 'float') {
        if (spec.bits === 32) d.setFloat32(at, v, true);
        else d.setFloat64(at, v, true);
      } else if (spec.bits === 8) d.setUint8(at, v);
      else if (spec.bits === 16) d.setInt16(at, v, true);
      else if (spec.bits === 24) {
        d.setUint8(at, v & 0xff);
        d.setUint8(at + 1, (v >> 8) & 0xff);
        d.setUint8(at + 2, (v >> 16) & 0xff);
      } else d.setInt32(at, v, true);
      at += bytesPer;
    }
  }
  const body = concat([
    new TextEncoder().encode('WAVE'),
    ...(spec.before ?? []).map((c) => chunk(c.id, c.body)),
    chunk('fmt ', fmt),
    chunk('data', data),
    ...(spec.after ?? []).map((c) => chunk(c.id, c.body)),
  ]);
  return concat([chunk('RIFF', body)]);
}

/** The chunk ids of a RIFF/WAVE file, in order (after the RIFF header). */
export function chunkIds(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ids: string[] = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    ids.push(String.fromCharCode(...bytes.subarray(at, at + 4)));
    const size = view.getUint32(at + 4, true);
    at += 8 + size + (size & 1);
  }
  return ids;
}
