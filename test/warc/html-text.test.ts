import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/warc/index.js';

describe('readHtml', () => {
  it('keeps the title and visible text, one line per block, and drops scripts and styles', () => {
    const html = `<!doctype html><html><head><title> A  page </title><style>p{}</style>
      <meta name="robots" content="noai"></head>
      <body><h1>Head</h1><p>One <b>two</b>
      three</p><script>var hidden = 1;</script><ul><li>x</li><li>y</li></ul><template><p>t</p></template></body></html>`;
    const { text, meta } = readHtml(html);
    expect(text).toBe('A page\nHead\nOne two three\nx\ny');
    expect(meta).toEqual([{ name: 'robots', content: 'noai' }]);
  });

  it('decodes entities and survives broken markup as a browser would', () => {
    expect(readHtml('<p>Fish &amp; chips<p>Tea &lt;3').text).toBe('Fish & chips\nTea <3');
  });
});
