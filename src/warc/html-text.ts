import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { isElement, type MetaTag, metaTagsOf } from '../optout/index.js';

type Node = DefaultTreeAdapterTypes.Node;

/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
]);

/** Elements that start a new line of text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

export interface HtmlContent {
  /** The title, then the visible text: one line per block, spaces collapsed, blank lines dropped. */
  readonly text: string;
  readonly meta: MetaTag[];
}

/**
 * Parses an HTML page once with parse5 (the WHATWG parsing algorithm) and returns its readable
 * text and its meta tags. Text inside script, style, template and the like is left out; the
 * `<title>` becomes the first line.
 */
export function readHtml(html: string): HtmlContent {
  const document = parse(html);
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed.length > 0) lines.push(collapsed);
    line = '';
  };
  const visit = (node: Node, hidden: boolean) => {
    if (node.nodeName === '#text') {
      if (!hidden) line += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (isElement(node)) {
      if (node.tagName === 'title') {
        breakLine();
        for (const child of node.childNodes) visit(child, false);
        breakLine();
        return;
      }
      const hide = hidden || HIDDEN.has(node.tagName);
      const block = BLOCK.has(node.tagName);
      if (block) breakLine();
      for (const child of node.childNodes) visit(child, hide);
      if (block) breakLine();
      return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, hidden);
  };
  visit(document, false);
  breakLine();
  return { text: lines.join('\n'), meta: metaTagsOf(document) };
}
