import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import {
  parseLabelsSchema,
  validateAnswer,
  validateFlag,
  validateJustification,
  validateNote,
} from '../../src/review/validate.js';

// Whatever staff type is stored as text, and PostgreSQL refuses a NUL byte in text: every free
// text field refuses control characters up front (a 400, not a database error), and keeps tabs
// and line breaks.
describe('free text in review requests', () => {
  const nul = 'before\u0000after';
  const fine = 'line one\n\tline two, with “quotes” and <b>markup</b>';

  it('refuses control characters in flag notes, comments, justifications and corrections', () => {
    expect(validateFlag({ category: 'threat', note: nul }).ok).toBe(false);
    expect(validateNote(nul).ok).toBe(false);
    expect(validateJustification(`${'a long enough reason '.repeat(2)}${nul}`).ok).toBe(false);
    expect(
      validateAnswer(
        { labels: { transcript_quality: 'minor_errors' }, transcript: nul },
        DEFAULT_LABELS,
        'audio',
      ).ok,
    ).toBe(false);
  });

  it('keeps tabs, line breaks and any other text', () => {
    expect(validateFlag({ category: 'threat', note: fine })).toEqual({
      ok: true,
      value: { category: 'threat', note: fine },
    });
    expect(validateNote(`  ${fine}  `)).toEqual({ ok: true, value: fine });
    expect(
      validateAnswer(
        { labels: { transcript_quality: 'minor_errors' }, transcript: fine },
        DEFAULT_LABELS,
        'audio',
      ),
    ).toMatchObject({
      ok: true,
      value: { transcript: fine },
    });
    expect(validateJustification(`  court order 12/34, ${fine}  `)).toEqual({
      ok: true,
      value: `court order 12/34, ${fine}`,
    });
  });
});

describe('labels files', () => {
  it('reads the older form: plain option names, no texts', () => {
    const parsed = parseLabelsSchema([
      { name: 'transcript_quality', options: ['correct', 'unusable'] },
      { name: 'topics', options: ['a', 'b'], multiple: true },
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { name: 'transcript_quality', options: ['correct', 'unusable'] },
        { name: 'topics', options: ['a', 'b'], multiple: true },
      ],
    });
  });

  it('reads questions with German and English texts, and options with or without texts', () => {
    const parsed = parseLabelsSchema([
      {
        name: 'intent',
        text: { en: 'What is asked for?', de: 'Worum wird gebeten?' },
        options: [{ value: 'weather', text: { en: 'Weather', de: 'Wetter' } }, 'music'],
      },
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          name: 'intent',
          text: { en: 'What is asked for?', de: 'Worum wird gebeten?' },
          options: ['weather', 'music'],
          optionTexts: { weather: { en: 'Weather', de: 'Wetter' } },
        },
      ],
    });
  });

  it('refuses repeated options (plain or not), empty texts and unknown languages', () => {
    for (const bad of [
      [{ name: 'q', options: ['a', { value: 'a' }] }],
      [{ name: 'q', text: {}, options: ['a'] }],
      [{ name: 'q', text: { fr: 'Quoi?' }, options: ['a'] }],
      [{ name: 'q', options: [{ value: 'a', text: { en: '' } }] }],
    ])
      expect(parseLabelsSchema(bad).ok).toBe(false);
  });
});
