import { hash } from 'node:crypto';
import type { HttpHeader } from '../optout/index.js';
import type { ItemKind } from '../records/index.js';
import { readHtml } from './html-text.js';
import type { WarcResponse } from './read-warc.js';

/** Response headers kept on an item under `web.headers`: the ones a signal or a reader needs. */
export const KEPT_HEADERS = new Set([
  'content-type',
  'content-usage',
  'tdm-reservation',
  'tdm-policy',
  'x-robots-tag',
]);

export type ResponseItem =
  | {
      readonly kind: 'item';
      /** The item record, without `media` for media items (the caller names the file). */
      readonly record: Record<string, unknown>;
      readonly itemKind: ItemKind;
      /** For image and audio items: the payload, its SHA-256 and a file extension. */
      readonly media?: {
        readonly bytes: Uint8Array;
        readonly sha256: string;
        readonly ext: string;
      };
    }
  | { readonly kind: 'skipped'; readonly reason: 'not_200' | 'content_type' };

/**
 * Turns a `response` record into an item record (see docs/optout.md for the fields): HTML and
 * plain text become `text` items holding the readable text, `image/*` and `audio/*` become
 * media items. Anything else, and any status but 200, is skipped (and counted by the caller).
 */
export function responseItem(response: WarcResponse): ResponseItem {
  if (response.status !== 200) return { kind: 'skipped', reason: 'not_200' };
  const contentType = headerValue(response.headers, 'content-type') ?? '';
  const [mime = '', ...params] = contentType.split(';').map((s) => s.trim());
  const type = mime.toLowerCase();
  const web: Record<string, unknown> = {
    status: response.status,
    headers: response.headers.filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())),
    warc: {
      offset: response.offset,
      ...(response.payloadDigest ? { payload_digest: response.payloadDigest } : {}),
    },
  };
  const base = {
    id: response.recordId,
    source: { url: response.targetUri, collected_at: response.date },
  };
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === 'text/plain') {
    const decoded = decodeText(response.payload, charsetOf(params));
    if (type === 'text/plain') {
      return {
        kind: 'item',
        itemKind: 'text',
        record: { ...base, kind: 'text', text: decoded, web },
      };
    }
    const html = readHtml(decoded);
    return {
      kind: 'item',
      itemKind: 'text',
      record: { ...base, kind: 'text', text: html.text, web: { ...web, meta: html.meta } },
    };
  }
  const mediaKind = type.startsWith('image/')
    ? 'image'
    : type.startsWith('audio/')
      ? 'audio'
      : undefined;
  if (!mediaKind) return { kind: 'skipped', reason: 'content_type' };
  return {
    kind: 'item',
    itemKind: mediaKind,
    record: { ...base, kind: mediaKind, web },
    media: {
      bytes: response.payload,
      sha256: hash('sha256', response.payload, 'hex'),
      ext: extensionOf(type),
    },
  };
}

function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function charsetOf(params: readonly string[]): string {
  for (const p of params) {
    const [key, value] = p.split('=');
    if (key?.trim().toLowerCase() === 'charset' && value) return value.trim().replace(/^"|"$/g, '');
  }
  return 'utf-8';
}

/** Decodes with the declared charset when the runtime knows it, else as UTF-8 (with U+FFFD). */
export function decodeText(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
};

function extensionOf(type: string): string {
  return EXTENSIONS[type] ?? (type.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin');
}
