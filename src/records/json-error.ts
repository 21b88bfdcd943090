/**
 * Describes a JSON.parse failure without quoting the line: V8's messages repeat part of the
 * input, and a rejected line may be a minor's post or an objector's message, which must not
 * reach rejected.jsonl or a terminal.
 */
export function describeJsonError(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (/Unexpected end|Unterminated/.test(message)) {
    return `not valid JSON: the line ends too early${position ? ` (at character ${position})` : ''}`;
  }
  return `not valid JSON${position ? `: unexpected character at position ${position}` : ''}`;
}
