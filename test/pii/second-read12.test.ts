import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/pii/index.js';
import { findTownShapes } from '../../src/pii/town-shapes.js';

// Two bugs a second read of session 12's rules found, each with cases written for this test
// (invented towns and names; no evaluation or development set holds them).
const ofType = (text: string, type: string, lang?: 'de' | 'en') =>
  detectPii(text, lang ? { lang } : {})
    .filter((s) => s.type === type)
    .map((s) => s.text);

describe('town shapes in English transcripts (town-shapes.ts)', () => {
  it('finds a town after a preposition that follows another town', () => {
    // The optional second word took "from", and the town after it was never looked at.
    const text = 'we drove to quillingford from brackencombe last week';
    const found: string[] = [];
    findTownShapes(text, (start, end) => found.push(text.slice(start, end)));
    expect(found).toEqual(['quillingford', 'brackencombe']);
  });
  it('still takes a second town word', () => {
    const text = 'she lives near upper tollbury ashcombe now';
    const found: string[] = [];
    findTownShapes(text, (start, end) => found.push(text.slice(start, end)));
    expect(found).toEqual(['upper tollbury ashcombe']);
  });
});

describe('version numbers are no IP address (numbers.ts)', () => {
  it('keeps an address after a word that merely ends like a version cue', () => {
    for (const text of [
      'The dev 10.20.30.44 box is down.',
      'Log in to srv 172.16.4.9 now.',
      'After the rebuild 192.168.7.21 answered again.',
    ])
      expect(ofType(text, 'IP_ADDRESS', 'en')).toHaveLength(1);
  });
  it('still takes a version for no address', () => {
    expect(ofType('Please install version 10.2.0.1 today.', 'IP_ADDRESS', 'en')).toEqual([]);
    expect(ofType('Running v 4.1.2.7 on the box.', 'IP_ADDRESS', 'en')).toEqual([]);
  });
});
