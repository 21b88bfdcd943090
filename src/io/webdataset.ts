import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { ObhutError } from '../errors/index.js';
import { SAMPLE_ERROR_FIELD } from '../records/error-fields.js';
import { parseStrictJson } from '../records/strict-json.js';
import { readFileLines } from './line-reader.js';

export { SAMPLE_ERROR_FIELD };

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
  /** Members that make the sample unusable: repeated names, links, devices, folders. */
  readonly problems: string[];
}

const MEMBER_KINDS: Readonly<Record<string, string>> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a FIFO',
  directory: 'a folder',
};

/**
 * Unpacks a WebDataset shard: a tar whose members are grouped into samples by key (the member
 * path up to the first dot of its file name), each with a `.json` sidecar holding the item
 * record and the sample's other members as its media. Writes one record line per sample, whose
 * `media` names the extracted file, and the media files, into `dir`. The shard is only read.
 *
 * Every member is accounted for: a sample holding a member name that appears more than once in
 * the shard, or a member that is not a regular file (a link, device, FIFO or folder named like a
 * sample member), becomes an error line the build rejects. A malformed or truncated tar is
 * TAR_INVALID, naming the member and its offset; the caller removes `dir`.
 */
export async function unpackShard(
  shard: string,
  dir: string,
  limits: ShardLimits,
): Promise<UnpackedShard> {
  let shardBytes: number;
  try {
    shardBytes = statSync(shard).size;
  } catch (err) {
    throw new ObhutError(
      'INPUT_UNREADABLE',
      `cannot read WebDataset shard ${shard}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const recordsPath = path.join(dir, 'records.jsonl');
  const records = createWriteStream(recordsPath);
  // Reported through the writes that fail; without a listener it would end the process.
  records.on('error', () => {});
  const digest = createHash('sha256');
  let bytes = 0;
  let samples = 0;
  let current: Sample | undefined;
  let currentIndex = 0;
  let memberCount = 0;
  let member: { name: string; offset: number; read: boolean } | undefined;
  // Where the last member's data (padded to whole blocks) ends: the end-of-archive blocks follow.
  let endOfMembers = 0;
  // Member name → the sample it first appeared in; samples written already that turn out to
  // share a name with a later member are rewritten as error lines at the end.
  const firstSample = new Map<string, { index: number; key: string }>();
  const repeatedEarlier = new Map<number, string>();
  let handling: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (!current) return;
    samples++;
    await writeLine(records, sampleLine(current, limits));
    current = undefined;
  };
  const sampleFor = async (key: string): Promise<Sample> => {
    if (!current || current.key !== key) {
      await flush();
      current = { key, media: [], problems: [] };
      currentIndex = samples;
    }
    return current;
  };
  const noteName = (sample: Sample, name: string) => {
    const first = firstSample.get(name);
    if (first === undefined) {
      firstSample.set(name, { index: currentIndex, key: sample.key });
      return;
    }
    const problem = `member "${name}" appears more than once in the shard`;
    if (!sample.problems.includes(problem)) sample.problems.push(problem);
    if (first.index !== currentIndex)
      repeatedEarlier.set(first.index, `sample "${first.key}": ${problem}`);
  };

  const tar = extract();
  tar.on('entry', (header: Header, stream, next) => {
    // A skipped member's stream fails with the tar itself; the tar reports it.
    stream.on('error', () => {});
    const entry = {
      name: header.name,
      offset: (header as { byteOffset?: number }).byteOffset ?? bytes,
      read: false,
    };
    member = entry;
    endOfMembers = entry.offset + Math.ceil((header.size ?? 0) / TAR_BLOCK) * TAR_BLOCK;
    handling = (async () => {
      const size = header.size ?? 0;
      if (entry.offset + size > shardBytes) {
        throw new ObhutError(
          'TAR_INVALID',
          `WebDataset shard ${shard}: member "${header.name}" (data at byte ${entry.offset}) declares ${size} bytes, which run past the end of the file (${shardBytes} bytes)`,
        );
      }
      const isFile = header.type === 'file' || header.type === 'contiguous-file';
      if (!isFile) {
        stream.resume();
        const name = header.name.replace(/\/+$/, '');
        const { key, ext } = splitMember(name);
        // Folders that only structure the shard are not sample members.
        if (header.type === 'directory' && ext === '') return;
        const sample = await sampleFor(key);
        noteName(sample, name);
        const kind = MEMBER_KINDS[header.type ?? ''] ?? `of tar type "${String(header.type)}"`;
        sample.problems.push(`its member "${name}" is ${kind}, not a regular file`);
        return;
      }
      const { key, ext } = splitMember(header.name);
      const sample = await sampleFor(key);
      noteName(sample, header.name);
      if (ext === 'json') {
        if (sample.json || sample.jsonTooLarge) {
          sample.problems.push(`it has more than one .json sidecar ("${header.name}")`);
          stream.resume();
          return;
        }
        if (size > limits.maxRecordBytes) {
          sample.jsonTooLarge = true;
          stream.resume();
        } else {
          sample.json = await collect(stream);
        }
        return;
      }
      const file = `${String(++memberCount).padStart(8, '0')}.${safeExtension(ext)}`;
      if (size > limits.maxMediaBytes) {
        sample.media.push({ ext, file, tooLarge: true });
        stream.resume();
        return;
      }
      await pipeline(stream, createWriteStream(path.join(dir, file), { mode: 0o600 }));
      sample.media.push({ ext, file, tooLarge: false });
    })();
    handling.then(
      () => {
        entry.read = true;
        next();
      },
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
    // A tar cut at a member's end reads as a shorter archive: the members after the cut, and a
    // later member that would have made an earlier sample's name a repeat, are silently gone.
    // Only the zero blocks that close an archive tell the two apart (POSIX asks for two; one
    // is taken, as GNU tar takes it, since nothing can be missing after it).
    if (member !== undefined && shardBytes - endOfMembers < TAR_BLOCK)
      throw new ObhutError(
        'TAR_INVALID',
        `WebDataset shard ${shard} ends after member "${member.name}" (data at byte ${member.offset}) without the blocks that close a tar: it is cut short, and members after it may be missing`,
      );
    await flush();
    await new Promise<void>((resolve, reject) =>
      records.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  } catch (err) {
    // Whatever was being written for the member at fault has finished before the caller
    // removes the folder.
    await handling.catch(() => {});
    records.destroy();
    throw tarError(shard, err, member);
  }
  if (repeatedEarlier.size > 0) await rejectSamples(recordsPath, repeatedEarlier);
  return { records: recordsPath, dir, samples, bytes, sha256: digest.digest('hex') };
}

/** A tar's block: headers, padded member data and the closing zero blocks are whole blocks. */
const TAR_BLOCK = 512;

/** The coded error for a shard that could not be read to its end. */
function tarError(
  shard: string,
  err: unknown,
  member: { name: string; offset: number; read: boolean } | undefined,
): ObhutError {
  if (err instanceof ObhutError) return err;
  const message = (err as Error).message;
  if ((err as NodeJS.ErrnoException).code !== undefined || member === undefined) {
    // An unreadable file, or not a tar at all (no member header could be read).
    return new ObhutError('INPUT_UNREADABLE', `cannot read WebDataset shard ${shard}: ${message}`, {
      cause: err,
    });
  }
  return new ObhutError(
    'TAR_INVALID',
    `WebDataset shard ${shard} is broken ${member.read ? 'after' : 'at'} member "${member.name}" (data at byte ${member.offset}): ${message}`,
    { cause: err },
  );
}

/** Replaces the lines of these samples (0-based) with error lines, in place. */
async function rejectSamples(
  recordsPath: string,
  reasons: ReadonlyMap<number, string>,
): Promise<void> {
  const rewritten = `${recordsPath}.tmp`;
  const out = createWriteStream(rewritten);
  out.on('error', () => {});
  for (const line of readFileLines(recordsPath, Number.MAX_SAFE_INTEGER)) {
    const reason = reasons.get(line.number - 1);
    if (reason === undefined) {
      await writeLine(out, line.bytes.toString('utf8'));
      continue;
    }
    await writeLine(out, errorLine(reason));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  await rename(rewritten, recordsPath);
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

function errorLine(why: string): string {
  return JSON.stringify({ [SAMPLE_ERROR_FIELD]: why });
}

/**
 * The record line for a sample, or an error line saying why there is none. The sidecar's text is
 * kept as it is (only line breaks, which JSON allows only as whitespace, become spaces) and the
 * media path is written into it, so the build decides on exactly the bytes it publishes; a
 * sidecar that is not strict JSON goes through unchanged for the build to reject with its code.
 */
function sampleLine(sample: Sample, limits: ShardLimits): string {
  const fail = (why: string) => errorLine(`sample "${sample.key}": ${why}`);
  if (sample.problems.length > 0) return fail(sample.problems.join('; '));
  if (sample.jsonTooLarge)
    return fail(`its .json sidecar is larger than ${limits.maxRecordBytes} bytes`);
  if (!sample.json) return fail('it has no .json sidecar with the item record');
  if (!isUtf8(sample.json)) return fail('its .json sidecar is not valid UTF-8');
  const text = sample.json
    .toString('utf8')
    .replace(/[\r\n]/g, ' ')
    .trim();
  let mediaSpan: readonly [number, number] | undefined;
  const parsed = parseStrictJson(text, {
    onValue: (at, start, end) => {
      if (at.length === 1 && at[0] === 'media') mediaSpan = [start, end];
    },
  });
  if (!parsed.ok) {
    if (parsed.code !== 'RECORD_NOT_JSON') return oneLine(text);
    return fail(`its .json sidecar is ${parsed.error}`);
  }
  const record = parsed.value;
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return fail('its .json sidecar is not a JSON object');
  if (sample.media.length === 0) return oneLine(text);
  const chosen = chooseMedia(sample, (record as Record<string, unknown>).kind);
  if (typeof chosen === 'string') return fail(chosen);
  if (chosen.tooLarge)
    return fail(`its .${chosen.ext} member is larger than ${limits.maxMediaBytes} bytes`);
  const value = JSON.stringify(chosen.file);
  if (mediaSpan) return oneLine(text.slice(0, mediaSpan[0]) + value + text.slice(mediaSpan[1]));
  const close = text.length - 1;
  const empty = /^\{\s*$/.test(text.slice(0, close));
  return oneLine(`${text.slice(0, close)}${empty ? '' : ','}"media":${value}}`);
}

/** JSON text on one line: in text that parsed, line breaks can only be whitespace. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
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
