/**
 * Long texts are detected in pieces. Several of the name rules compare every finding with every
 * other (joining parts, lists, overlaps), which is fine for a message and quadratic for a text of
 * thousands of names: 320 KB of names on lines of their own took 15 CPU-s, and `pii redact`
 * accepts lines of 16 MB. Pieces of at most `PIECE_CHARS` bound that work to linear in the
 * text's length. A cut falls at a line break where one lies in the piece's second half (names
 * are cut at line breaks anyway), else at white space, else anywhere but inside a surrogate pair.
 * Each piece is read with `PIECE_OVERLAP` characters of the text either side (detect.ts), so a
 * value cut in two is still found whole; findings are shifted back. Texts up to `PIECE_CHARS`
 * are one piece, so nothing changes for them.
 */
export const PIECE_CHARS = 8192;
/** Characters read past each end of a piece: longer than any value a cut could split. */
export const PIECE_OVERLAP = 256;

/** The [start, end) ranges of `text`'s pieces, in order, tiling it. */
export function textPieces(text: string, size: number = PIECE_CHARS): [number, number][] {
  const pieces: [number, number][] = [];
  let start = 0;
  while (text.length - start > size) {
    const end = cutBefore(text, start, start + size);
    pieces.push([start, end]);
    start = end;
  }
  pieces.push([start, text.length]);
  return pieces;
}

/** Where to end the piece that starts at `start` and may end at `limit` at the latest. */
function cutBefore(text: string, start: number, limit: number): number {
  const half = start + Math.ceil((limit - start) / 2);
  const line = text.lastIndexOf('\n', limit - 1);
  if (line >= half) return line + 1;
  for (let k = limit - 1; k >= half; k--) if (isSpace(text.charCodeAt(k))) return k + 1;
  // No white space: a hard cut, but not between the halves of a surrogate pair.
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 13 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a)
  );
}
