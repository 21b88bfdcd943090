import type { WarcPage } from './warc-records.js';

/**
 * The robots.txt and tdmrep.json captures of the generated crawl, one host per signal: some
 * answered 503 or 404, one tdmrep.json that is not JSON.
 */
export const SIGNAL_CAPTURES: readonly WarcPage[] = [
  {
    url: 'https://plain.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nAllow: /\n',
  },
  {
    url: 'https://robots.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nAllow: /\n\nUser-agent: GPTBot\nDisallow: /private/\n',
  },
  {
    url: 'https://aipref.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nContent-Usage: /news/ train-ai=n\nContent-Usage: /news/open/ train-ai=y\nAllow: /\n',
  },
  {
    url: 'https://tdm.example/.well-known/tdmrep.json',
    type: 'application/json',
    body: JSON.stringify([
      {
        location: '/images/*',
        'tdm-reservation': 1,
        'tdm-policy': 'https://tdm.example/policy.json',
      },
      { location: '/*', 'tdm-reservation': 0 },
    ]),
  },
  {
    url: 'https://tdm.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nDisallow:\n',
  },
  { url: 'https://noai.example/robots.txt', type: 'text/plain', body: '' },
  {
    url: 'https://signal.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nContent-Signal: search=yes, ai-train=no\nAllow: /\n',
  },
  {
    url: 'https://combined.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nDisallow: /all/\nContent-Usage: train-ai=n\nContent-Signal: ai-train=no\n',
  },
  {
    url: 'https://combined.example/.well-known/tdmrep.json',
    type: 'application/json',
    body: '[{"location": "/all/*", "tdm-reservation": 1}]',
  },
  { url: 'https://down.example/robots.txt', type: 'text/plain', body: 'busy', status: 503 },
  {
    url: 'https://broken.example/robots.txt',
    type: 'text/plain',
    body: 'User-agent: *\nAllow: /\n',
  },
  {
    url: 'https://broken.example/.well-known/tdmrep.json',
    type: 'application/json',
    body: '[{"location": ',
  },
  { url: 'https://gone.example/robots.txt', type: 'text/plain', body: 'Not found', status: 404 },
];
