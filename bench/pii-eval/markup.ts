import type { PiiSpan } from '../../src/pii/index.js';

export interface Labelled {
  readonly text: string;
  readonly lang: 'de' | 'en';
  readonly kind: string;
  readonly spans: readonly Pick<PiiSpan, 'start' | 'end' | 'type'>[];
}

/** Reads `[[value|TYPE]]` markup into text plus exact gold spans. */
export function parseMarkup(marked: string, lang: 'de' | 'en', kind: string): Labelled {
  const spans: { start: number; end: number; type: string }[] = [];
  let text = '';
  let at = 0;
  for (const m of marked.matchAll(/\[\[([^|\]]+)\|([A-Z_]+)\]\]/g)) {
    text += marked.slice(at, m.index);
    spans.push({ start: text.length, end: text.length + m[1]!.length, type: m[2]! });
    text += m[1];
    at = m.index + m[0].length;
  }
  return { text: text + marked.slice(at), lang, kind, spans };
}
