/**
 * `text.matchAll` for a pattern every match of which begins with an ASCII digit (`\d…`, as the
 * street patterns do after their look-behind), tried sticky at the text's digits only instead
 * of at every position. Skipping a position is safe only where no match can start: one that is
 * no digit, or a digit right after an ASCII letter or digit, where a look-behind of
 * `(?<![\p{L}\p{N}])` fails. The pattern itself still decides everywhere else, so the matches
 * and their order are those of `matchAll` with the `g` flag (property-tested in
 * test/pii/scanners.test.ts).
 *
 * `sticky` must carry the `y` flag and not `g`.
 */
export function matchesFromDigits(sticky: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || (i > 0 && asciiLetterOrDigit(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m === null) {
      i++;
      continue;
    }
    found.push(m);
    // As matchAll: the next match starts at the end of this one (never empty: it holds a digit).
    i = m.index + m[0].length;
  }
  return found;
}

function asciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
