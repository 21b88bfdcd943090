/** A word of a text as the name and place rules see it. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  readonly cap: boolean;
  /** First word of the text or after . ! ? : ; a quote, a bullet or a line break. */
  readonly sentenceStart: boolean;
  /** Only spaces (at most one comma) between this token and the previous one. */
  readonly joined: boolean;
  readonly comma: boolean;
  /** Only white space (line breaks too), commas and colons since the previous token. */
  readonly near: boolean;
  /** The gazetteer bits of `lower`. */
  readonly f: number;
}

const TOKEN = /[\p{L}](?:[\p{L}'’-]*[\p{L}])?/gu;
const SENTENCE_END: ReadonlySet<string> = new Set('.!?:;"„“”«»•\n*(');
// Abbreviated titles whose full stop ends no sentence: "Dr. Pham", "Mrs. Doherty".
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'hr',
  'fr',
  'dipl',
  'ing',
  'mag',
]);

export function tokenize(text: string, flags: ReadonlyMap<string, number>): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    let k = start - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    const prev = tokens[tokens.length - 1];
    const afterTitle =
      prev !== undefined &&
      k === prev.end &&
      text[k] === '.' &&
      TITLE_ABBREVIATIONS.has(prev.lower);
    const sentenceStart = !afterTitle && (k < 0 || SENTENCE_END.has(text[k]!));
    // Joined: only spaces or tabs, and at most one comma, since the previous token.
    let commas = 0;
    let other = false;
    let far = false;
    for (let c = Math.max(prevEnd, 0); prevEnd >= 0 && c < start; c++) {
      const ch = text[c]!;
      if (ch === ',') commas++;
      else if (ch !== ' ' && ch !== '\t' && !(afterTitle && c === prevEnd)) {
        other = true;
        if (ch !== ':' && ch !== '\n' && ch !== '\r') far = true;
      }
    }
    const w = m[0];
    const first = w[0]!;
    const lower = w.toLowerCase();
    tokens.push({
      start,
      end: start + w.length,
      lower,
      f: flags.get(lower) ?? 0,
      cap: first !== first.toLowerCase(),
      sentenceStart,
      joined: prevEnd >= 0 && start > prevEnd && !other && commas <= 1,
      comma: commas > 0,
      near: prevEnd >= 0 && start > prevEnd && !far && commas <= 1,
    });
    prevEnd = start + w.length;
  }
  return tokens;
}
