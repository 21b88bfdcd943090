import { MAX_MEDIA_BYTES } from '../../evaluation/media.js';
import type { CaptureSet } from '../../optout/index.js';
import { convertWarc } from '../../warc/index.js';
import type { InputSource } from './source.js';

/** A crawl's responses become item lines in staging; its robots.txt/tdmrep.json go to `captures`. */
export async function warcSource(
  input: string,
  workDir: string,
  captures: CaptureSet,
): Promise<InputSource> {
  const warc = await convertWarc(input, workDir, captures, { maxPayloadBytes: MAX_MEDIA_BYTES });
  return {
    read: warc.records,
    dir: warc.dir,
    workDir,
    converted: { bytes: warc.bytes, sha256: warc.sha256 },
    warc,
  };
}
