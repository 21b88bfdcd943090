import { encodePngRgb } from './png.js';
import type { WarcPage } from './warc-records.js';

export const htmlPage = (title: string, extraHead = '', words = 40) =>
  `<!doctype html><html><head><title>${title}</title>${extraHead}<script>var x = "not text";</script></head><body><h1>${title}</h1><p>${filler(words)}</p></body></html>`;

function filler(words: number): string {
  const vocabulary = [
    'river',
    'stone',
    'garden',
    'harbour',
    'lantern',
    'meadow',
    'window',
    'orchard',
  ];
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocabulary[(i * 7 + words) % vocabulary.length]!);
  return out.join(' ');
}

const png = (seed: number) => {
  const rgb = new Uint8Array(8 * 8 * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 31 + seed * 17) & 0xff;
  return encodePngRgb(8, 8, rgb);
};

/**
 * The pages that should become items, each with the signals that reserve it under the default
 * policy; the plain pages of each host `repeat` times, with a query that keeps their URLs apart.
 */
export function itemPages(words: number, repeat: number, chunk: number | undefined): WarcPage[] {
  const items: WarcPage[] = [];
  for (let r = 0; r < repeat; r++) {
    const q = repeat > 1 || chunk !== undefined ? `?c=${chunk ?? 0}&r=${r}` : '';
    items.push(
      {
        url: `https://plain.example/a.html${q}`,
        type: 'text/html; charset=utf-8',
        body: htmlPage('Plain', '', words),
        expect: [],
      },
      {
        url: `https://plain.example/b.txt${q}`,
        type: 'text/plain',
        body: filler(words),
        expect: [],
      },
    );
  }
  items.push(
    { url: 'https://plain.example/cat.png', type: 'image/png', body: png(1), expect: [] },
    {
      url: 'https://plain.example/sound.wav',
      type: 'audio/wav',
      body: 'RIFF....WAVEfmt ',
      expect: [],
    },
    {
      url: 'https://robots.example/private/a.html',
      type: 'text/html',
      body: htmlPage('Private'),
      expect: ['robots'],
    },
    {
      url: 'https://robots.example/public/a.html',
      type: 'text/html',
      body: htmlPage('Public'),
      expect: [],
    },
    {
      url: 'https://aipref.example/header.html',
      type: 'text/html',
      body: htmlPage('Header'),
      headers: { 'Content-Usage': 'train-ai=n' },
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/news/a.html',
      type: 'text/html',
      body: htmlPage('News'),
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/news/open/a.html',
      type: 'text/html',
      body: htmlPage('Open'),
      expect: [],
    },
    {
      // Conflicting: the header says y, the robots.txt line for /news/ says n; n wins.
      url: 'https://aipref.example/news/conflict.html',
      type: 'text/html',
      body: htmlPage('Conflict'),
      headers: { 'content-usage': 'train-ai=y, train-genai=n' },
      expect: ['aipref'],
    },
    {
      url: 'https://aipref.example/yes.html',
      type: 'text/html',
      body: htmlPage('Yes'),
      headers: { 'Content-Usage': 'train-ai=y, train-genai=n' },
      expect: [],
    },
    {
      url: 'https://tdm.example/images/dog.png',
      type: 'image/png',
      body: png(2),
      expect: ['tdmrep'],
    },
    {
      url: 'https://tdm.example/meta.html',
      type: 'text/html',
      body: htmlPage(
        'Meta',
        '<meta name="tdm-reservation" content="1"><meta name="tdm-policy" content="https://tdm.example/p.json">',
      ),
      expect: ['tdmrep'],
    },
    {
      url: 'https://tdm.example/header.html',
      type: 'text/html',
      body: htmlPage('TDM header'),
      headers: { 'TDM-Reservation': '1' },
      expect: ['tdmrep'],
    },
    { url: 'https://tdm.example/free.html', type: 'text/html', body: htmlPage('Free'), expect: [] },
    {
      url: 'https://noai.example/page.html',
      type: 'text/html',
      body: htmlPage('Noai'),
      headers: { 'X-Robots-Tag': 'noai' },
      expect: ['noai'],
    },
    {
      url: 'https://noai.example/meta.html',
      type: 'text/html',
      body: htmlPage('Noai meta', '<meta name="robots" content="noindex, noai">'),
      expect: ['noai'],
    },
    {
      url: 'https://noai.example/bird.png',
      type: 'image/png',
      body: png(3),
      headers: { 'X-Robots-Tag': 'noimageai' },
      expect: ['noai'],
    },
    {
      // noimageai says nothing about text.
      url: 'https://noai.example/text.html',
      type: 'text/html',
      body: htmlPage('Text only'),
      headers: { 'X-Robots-Tag': 'noimageai' },
      expect: [],
    },
    {
      url: 'https://signal.example/a.html',
      type: 'text/html',
      body: htmlPage('Signal'),
      expect: ['content_signal'],
    },
    {
      url: 'https://combined.example/all/a.html',
      type: 'text/html',
      body: htmlPage('All', '<meta name="robots" content="noai">'),
      headers: { 'TDM-Reservation': '1' },
      expect: ['robots', 'aipref', 'tdmrep', 'noai', 'content_signal'],
    },
    {
      url: 'https://missing.example/a.html',
      type: 'text/html',
      body: htmlPage('No robots'),
      expect: [],
    },
    {
      url: 'https://down.example/a.html',
      type: 'text/html',
      body: htmlPage('Down'),
      expect: ['robots'],
    },
    {
      url: 'https://broken.example/a.html',
      type: 'text/html',
      body: htmlPage('Broken'),
      expect: ['tdmrep'],
    },
    { url: 'https://gone.example/a.html', type: 'text/html', body: htmlPage('Gone'), expect: [] },
  );
  return items;
}
