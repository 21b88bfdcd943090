import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summaryText } from '../../src/cli/commands/build.js';
import { terminalText } from '../../src/cli/terminal-text.js';
import { type Workspace, workspace } from '../support/fixtures.js';

describe('text printed to the operator’s terminal', () => {
  it('escapes control characters and bidirectional overrides, and keeps the rest', () => {
    expect(terminalText('id "a\u001b[2Jb"\r\n\u009b\u007f\u202e!')).toBe(
      'id "a\\x1b[2Jb"\\x0d\\x0a\\x9b\\x7f\\u202e!',
    );
    expect(terminalText('Grüße, 世界 😀')).toBe('Grüße, 世界 😀');
  });

  describe('build summary', () => {
    let ws: Workspace;
    beforeEach(async () => {
      ws = await workspace();
    });
    afterEach(async () => {
      await ws.close();
    });

    it('shows rejected record ids without their control characters', async () => {
      const line = '{"id":"evil\\u001b]0;pwned\\u0007","kind":"text","text":"x"}';
      const input = await ws.write('in.jsonl', [line, line]);
      const summary = summaryText(await ws.build([input]));
      expect(summary).toContain('evil\\x1b]0;pwned\\x07');
      // Nothing below U+0020 but the line breaks between lines.
      expect([...summary].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    });
  });
});
