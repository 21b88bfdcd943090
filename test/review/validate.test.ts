import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../src/review/model.js';
import {
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
