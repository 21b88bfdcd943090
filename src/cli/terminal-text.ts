/**
 * Text from input files made safe to print: record ids and messages that quote them may hold
 * escape sequences that would move the cursor, rewrite earlier lines or change the terminal's
 * title. C0 and C1 controls, DEL, and bidirectional overrides (which reorder what is shown)
 * are written as `\xNN` / `\uNNNN` instead.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
