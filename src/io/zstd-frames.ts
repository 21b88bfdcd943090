// A watch over a zstd stream's frame headers (RFC 8878, section 3.1), read as the compressed
// bytes pass and before the decoder sees them: a frame names the window it needs, up to 3.75
// TiB in the format, and a decoder allocates it. A hostile `.jsonl.zst` of a few bytes could so
// make the build take gigabytes. Frames asking for more than zstd's own default limit
// (`--memory=128MB`, window log 27) are refused; everything else is left to the decoder.

import { ObhutError } from '../errors/index.js';

/** zstd's default decoder limit (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27). */
export const MAX_ZSTD_WINDOW = 2 ** 27;

const FRAME_MAGIC = 0xfd2fb528;
/** Block_Maximum_Size: 128 KiB. */
const MAX_BLOCK_SIZE = 128 * 1024;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const DICTIONARY_ID_BYTES = [0, 1, 2, 4];
const CONTENT_SIZE_BYTES = [0, 2, 4, 8];

type State = 'magic' | 'descriptor' | 'header' | 'block' | 'skippable';

/** Feed it every compressed chunk in order; it throws on a frame whose window is too large. */
export class ZstdFrameWatch {
  #state: State = 'magic';
  #want = 4;
  #have: number[] = [];
  #skip = 0;
  #singleSegment = false;
  #checksum = false;
  #dictionaryBytes = 0;
  #contentSizeBytes = 0;
  #window = 0;

  constructor(private readonly maxWindow = MAX_ZSTD_WINDOW) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.#skip > 0) {
        const n = Math.min(this.#skip, chunk.length - i);
        this.#skip -= n;
        i += n;
        continue;
      }
      this.#have.push(chunk[i++]!);
      if (this.#have.length === this.#want) {
        const bytes = this.#have;
        this.#have = [];
        this.#step(bytes);
      }
    }
  }

  #expect(state: State, want: number, skip = 0): void {
    this.#state = state;
    this.#want = want;
    this.#skip += skip;
  }

  #step(b: number[]): void {
    switch (this.#state) {
      case 'magic': {
        const magic = littleEndian(b, 0, 4);
        if (magic === FRAME_MAGIC) this.#expect('descriptor', 1);
        else if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) this.#expect('skippable', 4);
        // Not a frame: the decoder says so in its own words; nothing more is watched.
        else this.#expect('magic', 4, Number.POSITIVE_INFINITY);
        return;
      }
      case 'skippable':
        this.#expect('magic', 4, littleEndian(b, 0, 4));
        return;
      case 'descriptor': {
        const d = b[0]!;
        this.#singleSegment = (d & 0x20) !== 0;
        this.#checksum = (d & 0x04) !== 0;
        this.#dictionaryBytes = DICTIONARY_ID_BYTES[d & 0x03]!;
        const flag = d >> 6;
        this.#contentSizeBytes =
          flag === 0 ? (this.#singleSegment ? 1 : 0) : CONTENT_SIZE_BYTES[flag]!;
        this.#expect(
          'header',
          (this.#singleSegment ? 0 : 1) + this.#dictionaryBytes + this.#contentSizeBytes,
        );
        return;
      }
      case 'header': {
        let window: number;
        if (this.#singleSegment) {
          // The window is the whole content; its size field follows the dictionary id.
          const at = this.#dictionaryBytes;
          window = littleEndian(b, at, this.#contentSizeBytes);
          if (this.#contentSizeBytes === 2) window += 256;
        } else {
          const exponent = b[0]! >> 3;
          const mantissa = b[0]! & 0x07;
          const base = 2 ** (10 + exponent);
          window = base + (base / 8) * mantissa;
        }
        if (window > this.maxWindow) {
          throw new ObhutError(
            'INPUT_DECOMPRESSION_LIMIT',
            `a zstd frame asks for a ${mib(window)} MiB window; at most ${mib(this.maxWindow)} MiB is accepted (zstd's own default), so a few bytes cannot take that much memory`,
          );
        }
        this.#window = window;
        this.#expect('block', 3);
        return;
      }
      case 'block': {
        const header = littleEndian(b, 0, 3);
        const last = (header & 1) === 1;
        const type = (header >> 1) & 3;
        // RFC 8878 3.1.1.2.4: no block holds (or, RLE, regenerates) more than this; fzstd would
        // take an RLE block of up to 2 MiB, a 2,000,000-fold expansion of four bytes.
        const limit = Math.min(this.#window, MAX_BLOCK_SIZE);
        if (header >>> 3 > limit)
          throw new ObhutError(
            'INPUT_CORRUPT',
            `a zstd block of ${header >>> 3} bytes is larger than the format allows (${limit})`,
          );
        // A raw or compressed block carries its size in bytes; an RLE block one byte.
        const body = type === 1 ? 1 : header >>> 3;
        if (last) this.#expect('magic', 4, body + (this.#checksum ? 4 : 0));
        else this.#expect('block', 3, body);
        return;
      }
    }
  }
}

function littleEndian(b: readonly number[], at: number, length: number): number {
  let value = 0;
  for (let i = length - 1; i >= 0; i--) value = value * 256 + b[at + i]!;
  return value;
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 });
}
