import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { ObhutError } from '../errors/index.js';

/**
 * A line that stands for a sample that could not become a record (no sidecar, unreadable JSON,
 * a member over the size limit). The build rejects it with SAMPLE_INVALID and this message, so a
 * broken sample is reported at its position instead of disappearing.
 */
export const SAMPLE_ERROR_FIELD = '$obhut_sample_error';

export interface UnpackedShard {
  /** The samples' records as JSONL, one line per sample, in the shard's order. */
  readonly records: string;
  /** The folder the records' `media` paths are relative to. */
  readonly dir: string;
  readonly samples: number;
  /** The shard itself, as the manifest describes inputs. */
  readonly bytes: number;
  readonly sha256: string;
}

export interface ShardLimits {
  readonly maxRecordBytes: number;
  readonly maxMediaBytes: number;
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'tif', 'tiff', 'bmp', 'avif'];
const AUDIO_EXTENSIONS = ['wav', 'flac', 'mp3', 'ogg', 'opus', 'm4a'];

interface Sample {
  readonly key: string;
  json?: Buffer;
  jsonTooLarge?: boolean;
  readonly media: { ext: string; file: string; tooLarge: boolean }[];
}

/**
 * Unpacks a WebDataset shard: a tar whose members are grouped into samples by key (the member
 * path up to the first dot of its file name), each with a `.json` sidecar holding the item
 * record and the sample's other members as its media. Writes one record line per sample, whose
 * `media` names the extracted file, and the media files, into `dir`. The shard is only read.
 */
export async function unpackShard(
  shard: string,
  dir: string,
  limits: ShardLimits,
): Promise<UnpackedShard> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const recordsPath = path.join(dir, 'records.jsonl');
  const records = createWriteStream(recordsPath);
  const digest = createHash('sha256');
  let bytes = 0;
  let samples = 0;
  let current: Sample | undefined;
  let memberCount = 0;

  const flush = async () => {
    if (!current) return;
    samples++;
    await writeLine(records, sampleLine(current, limits));
    current = undefined;
  };

  const tar = extract();
  tar.on('entry', (header: Header, stream, next) => {
    void (async () => {
      if (header.type !== 'file' && header.type !== 'contiguous-file') {
        stream.resume();
        return;
      }
      const { key, ext } = splitMember(header.name);
      if (!current || current.key !== key) {
        await flush();
        current = { key, media: [] };
      }
      const size = header.size ?? 0;
      if (ext === 'json') {
        if (size > limits.maxRecordBytes) {
          current.jsonTooLarge = true;
          stream.resume();
        } else {
          current.json = await collect(stream);
        }
        return;
      }
      const file = `${String(++memberCount).padStart(8, '0')}.${safeExtension(ext)}`;
      if (size > limits.maxMediaBytes) {
        current.media.push({ ext, file, tooLarge: true });
        stream.resume();
        return;
      }
      await pipeline(stream, createWriteStream(path.join(dir, file), { mode: 0o600 }));
      current.media.push({ ext, file, tooLarge: false });
    })().then(
      () => next(),
      (err: unknown) => next(err as Error),
    );
  });

  const source = createReadStream(shard);
  source.on('data', (chunk) => {
    digest.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  });
  try {
    await pipeline(source, tar);
    await flush();
  } catch (err) {
    records.destroy();
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read WebDataset shard ${shard}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  await new Promise<void>((resolve, reject) =>
    records.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { records: recordsPath, dir, samples, bytes, sha256: digest.digest('hex') };
}

/** WebDataset's rule: the key is the path up to the first dot of the file name. */
export function splitMember(name: string): { key: string; ext: string } {
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  if (dot === -1) return { key: name, ext: '' };
  return { key: name.slice(0, dot), ext: name.slice(dot + 1).toLowerCase() };
}

function safeExtension(ext: string): string {
  const last = ext.split('.').pop() ?? '';
  return /^[a-z0-9]{1,8}$/.test(last) ? last : 'bin';
}

/** The record line for a sample, or an error line saying why there is none. */
function sampleLine(sample: Sample, limits: ShardLimits): string {
  const fail = (why: string) =>
    JSON.stringify({ [SAMPLE_ERROR_FIELD]: `sample "${sample.key}": ${why}` });
  if (sample.jsonTooLarge)
    return fail(`its .json sidecar is larger than ${limits.maxRecordBytes} bytes`);
  if (!sample.json) return fail('it has no .json sidecar with the item record');
  let record: unknown;
  try {
    record = JSON.parse(sample.json.toString('utf8'));
  } catch (err) {
    return fail(`its .json sidecar is not JSON (${(err as Error).message})`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return fail('its .json sidecar is not a JSON object');
  const item = record as Record<string, unknown>;
  if (sample.media.length > 0) {
    const chosen = chooseMedia(sample, item.kind);
    if (typeof chosen === 'string') return fail(chosen);
    if (chosen.tooLarge)
      return fail(`its .${chosen.ext} member is larger than ${limits.maxMediaBytes} bytes`);
    item.media = chosen.file;
  }
  return JSON.stringify(item);
}

function chooseMedia(sample: Sample, kind: unknown): Sample['media'][number] | string {
  if (sample.media.length === 1) return sample.media[0]!;
  const wanted = kind === 'image' ? IMAGE_EXTENSIONS : kind === 'audio' ? AUDIO_EXTENSIONS : [];
  const fitting = sample.media.filter((m) => wanted.includes(m.ext));
  if (fitting.length === 1) return fitting[0]!;
  return `it has ${sample.media.length} media members (${sample.media.map((m) => `.${m.ext}`).join(', ')}) and no single one fits kind "${String(kind)}"`;
}

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function writeLine(out: WriteStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(`${line}\n`, (err) => (err ? reject(err) : resolve()));
  });
}
