import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const DOCUMENTS = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** The text outside fenced code blocks. */
function unfenced(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** The text outside code blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return unfenced(markdown).replace(/`[^`\n]*`/g, '');
}

/** Relative link targets: `[text](target)`, without web addresses and same-page anchors. */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = [...unfenced(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)];
  return new Set(headings.map((h) => anchor(h[1]!.trim())));
}

describe('relative links in README.md, ARCHITECTURE.md and docs/', () => {
  it('finds the documents and their links', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/formats.md']));
    expect(
      relativeLinks(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).length,
    ).toBeGreaterThan(10);
  });

  for (const document of DOCUMENTS) {
    it(`${document}: every relative link names a file (and heading) that exists`, () => {
      const from = path.dirname(path.join(ROOT, document));
      const broken = relativeLinks(readFileSync(path.join(ROOT, document), 'utf8')).filter(
        (link) => {
          const [target, fragment] = link.split('#') as [string, string | undefined];
          const file = path.resolve(from, decodeURIComponent(target));
          if (!existsSync(file)) return true;
          if (fragment === undefined || !file.endsWith('.md') || statSync(file).isDirectory())
            return false;
          return !anchorsOf(file).has(fragment);
        },
      );
      expect(broken).toEqual([]);
    });
  }
});
