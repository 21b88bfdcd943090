import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSink } from '../io/file-sink.js';
import {
  type CorpusOptions,
  generateConsentLines,
  generateItemLines,
  mediaFiles,
} from './corpus.js';

export interface WrittenCorpus {
  readonly items: string;
  readonly events: string;
  readonly itemLines: number;
  readonly eventLines: number;
  readonly mediaFiles: number;
}

/** Writes a synthetic corpus into `dir`: items.jsonl, events.jsonl and the images/ they refer to. */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<WrittenCorpus> {
  await mkdir(dir, { recursive: true });
  const items = path.join(dir, 'items.jsonl');
  const events = path.join(dir, 'events.jsonl');
  const itemSink = new FileSink(items);
  for (const line of generateItemLines(options)) itemSink.writeLine(line);
  const eventSink = new FileSink(events);
  for (const line of generateConsentLines(options)) eventSink.writeLine(line);
  let media = 0;
  for (const file of mediaFiles(options)) {
    const target = path.join(dir, file.path);
    if (media === 0) await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
    media++;
  }
  return {
    items,
    events,
    itemLines: itemSink.close().records,
    eventLines: eventSink.close().records,
    mediaFiles: media,
  };
}
