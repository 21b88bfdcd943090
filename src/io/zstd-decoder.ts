import { createRequire } from 'node:module';
import { Transform } from 'node:stream';
import type * as Fzstd from 'fzstd';
import { ObhutError } from '../errors/index.js';
import { ZstdFrameWatch } from './zstd-frames.js';

/**
 * A zstd decompression stream that fails on a truncated stream. Node's own decoder (node:zlib,
 * 22.15+) ends quietly at the end of its input even in the middle of a frame, so a cut
 * `.jsonl.zst` would build as the lines before the cut; fzstd (pure JavaScript, so also on
 * Node 20) throws "unexpected EOF" instead. Concatenated and skippable frames are read as zstd
 * reads them. A frame's window is checked before fzstd sees its header (zstd-frames.ts): at most
 * 128 MiB, zstd's own default, where fzstd would allocate up to 2 GiB.
 */
export function createZstdDecoder(maxOutBytes = Number.POSITIVE_INFINITY): Transform {
  let decoder: Fzstd.Decompress | undefined;
  const frames = new ZstdFrameWatch();
  let outBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        frames.push(chunk);
        decoder ??= new (fzstd().Decompress)((data) => {
          // fzstd decodes a whole chunk in one loop, pushing block after block without waiting
          // for the reader, so the output limit is kept here, where a throw stops that loop:
          // downstream, a few KiB of RLE blocks would already be gigabytes in memory.
          outBytes += data.length;
          if (outBytes > maxOutBytes) {
            throw new ObhutError(
              'INPUT_DECOMPRESSION_LIMIT',
              `zstd data decompresses to more than ${maxOutBytes} bytes: refused as a possible decompression bomb`,
            );
          }
          // fzstd reuses its window buffer: what it hands over is copied before it moves on.
          if (data.length > 0) this.push(Buffer.from(data));
        });
        decoder.push(chunk, false);
        done();
      } catch (err) {
        done(asError(err));
      }
    },
    flush(done) {
      try {
        if (!decoder) throw new Error('unexpected EOF: no zstd frame');
        decoder.push(new Uint8Array(0), true);
        done();
      } catch (err) {
        done(asError(err));
      }
    },
  });
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

let loaded: typeof Fzstd | undefined;

/**
 * fzstd, loaded when the first zstd input is read: every build and `verify` load this module
 * for the case of a compressed input, and most read none (issue 13, start-up). `require`, since
 * a stream's transform cannot wait for an `import`; the package ships both forms.
 */
function fzstd(): typeof Fzstd {
  loaded ??= createRequire(import.meta.url)('fzstd') as typeof Fzstd;
  return loaded;
}
