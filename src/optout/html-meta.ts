import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import type { MetaTag } from './signal.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The `<meta name content>` elements of a parsed HTML document, in document order. */
export function metaTagsOf(document: DefaultTreeAdapterTypes.Document): MetaTag[] {
  const tags: MetaTag[] = [];
  const visit = (node: Node) => {
    if (isElement(node) && node.tagName === 'meta') {
      const name = attribute(node, 'name');
      const content = attribute(node, 'content');
      if (name !== undefined && content !== undefined) tags.push({ name: name.trim(), content });
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return tags;
}

/** Parses HTML with parse5 (the WHATWG algorithm, as browsers do) and returns its meta tags. */
export function metaTagsOfHtml(html: string): MetaTag[] {
  return metaTagsOf(parse(html));
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}
