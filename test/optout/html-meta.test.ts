import { describe, expect, it } from 'vitest';
import { metaTagsOfHtml } from '../../src/optout/index.js';

describe('meta tags through parse5', () => {
  it('reads meta elements as a browser would: any attribute case, unquoted values', () => {
    const html =
      '<!doctype html><HTML><HEAD><META NAME=robots CONTENT="noai"><meta name="tdm-reservation" content=1></HEAD><body>x</body></HTML>';
    expect(metaTagsOfHtml(html)).toEqual([
      { name: 'robots', content: 'noai' },
      { name: 'tdm-reservation', content: '1' },
    ]);
  });

  it('ignores meta-like text in comments, scripts and attribute values', () => {
    const html = `<head><!-- <meta name="robots" content="noai"> -->
      <script>document.write('<meta name="robots" content="noai">')</script>
      <title>a</title></head><body><p title='<meta name="robots" content="noai">'>x</p></body>`;
    expect(metaTagsOfHtml(html)).toEqual([]);
  });
});
