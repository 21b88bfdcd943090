import { describe, expect, it } from 'vitest';
import { formatModelRef, parseModelRef } from '../../src/lineage/index.js';

describe('parseModelRef', () => {
  it('splits NAME@VERSION and formats it back', () => {
    const ref = parseModelRef('acme/chat-7b@2.1.0+rc1');
    expect(ref).toEqual({ name: 'acme/chat-7b', version: '2.1.0+rc1' });
    expect(formatModelRef(ref)).toBe('acme/chat-7b@2.1.0+rc1');
  });

  it.each([
    ['chat', /NAME@VERSION/],
    ['@1', /model name "" is not valid at character 1/],
    ['chat@', /model version "" is not valid at character 6/],
    ['chat@1@2', /model version "1@2" is not valid at character 7/],
    ['ch at@1', /model name "ch at" is not valid at character 3/],
    ['-chat@1', /at character 1/],
    [`${'a'.repeat(129)}@1`, /at character 129/],
    ['chat@1\u0007', /model version "1\\u0007" is not valid at character 7/],
  ])('rejects %j with the position', (text, message) => {
    expect(() => parseModelRef(text)).toThrow(message);
  });
});
