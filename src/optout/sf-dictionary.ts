export type BareItem = string | number | boolean;

export interface DictionaryMember {
  readonly key: string;
  /** A token or string as text, an integer or decimal as a number, a boolean as true/false. */
  readonly value: BareItem;
}

const KEY = /^[a-z*][a-z0-9_\-.*]*/;
const TOKEN = /^[A-Za-z*][A-Za-z0-9!#$%&'*+\-.^_`|~:/]*/;
const NUMBER = /^-?\d{1,15}(\.\d{1,3})?/;

/**
 * Parses an RFC 8941 Structured Field Dictionary such as `train-ai=n, search=y`. Parameters
 * (`;x=1`) are read and dropped; inner lists are not supported (the AIPREF vocabulary uses
 * none). Returns an error text when the field is not a dictionary: RFC 8941 then says to
 * ignore the whole field, and the caller decides what that means.
 */
export function parseDictionary(text: string): DictionaryMember[] | string {
  const members: DictionaryMember[] = [];
  let rest = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (rest.length === 0) return members;
  for (;;) {
    const key = KEY.exec(rest);
    if (!key) return `expected a key at "${rest.slice(0, 20)}"`;
    rest = rest.slice(key[0].length);
    let value: BareItem = true;
    if (rest.startsWith('=')) {
      const item = bareItem(rest.slice(1));
      if (typeof item === 'string') return item;
      value = item.value;
      rest = item.rest;
    }
    for (;;) {
      if (!rest.startsWith(';')) break;
      rest = rest.slice(1).replace(/^ +/, '');
      const pkey = KEY.exec(rest);
      if (!pkey) return `expected a parameter key at "${rest.slice(0, 20)}"`;
      rest = rest.slice(pkey[0].length);
      if (rest.startsWith('=')) {
        const item = bareItem(rest.slice(1));
        if (typeof item === 'string') return item;
        rest = item.rest;
      }
    }
    // A key given twice: the last one wins (RFC 8941 4.2.2).
    const at = members.findIndex((m) => m.key === key[0]);
    if (at >= 0) members.splice(at, 1);
    members.push({ key: key[0], value });
    rest = rest.replace(/^[ \t]+/, '');
    if (rest.length === 0) return members;
    if (!rest.startsWith(',')) return `expected "," at "${rest.slice(0, 20)}"`;
    rest = rest.slice(1).replace(/^[ \t]+/, '');
    if (rest.length === 0) return 'trailing ","';
  }
}

function bareItem(text: string): { value: BareItem; rest: string } | string {
  if (text.startsWith('?1') || text.startsWith('?0')) {
    return { value: text[1] === '1', rest: text.slice(2) };
  }
  if (text.startsWith('"')) {
    let out = '';
    for (let i = 1; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\\') {
        const next = text[i + 1];
        if (next !== '"' && next !== '\\') return 'bad escape in a string';
        out += next;
        i++;
      } else if (ch === '"') {
        return { value: out, rest: text.slice(i + 1) };
      } else if (ch < ' ' || ch > '~') {
        return 'a string holds a character outside printable ASCII';
      } else {
        out += ch;
      }
    }
    return 'unterminated string';
  }
  const number = NUMBER.exec(text);
  if (number) return { value: Number(number[0]), rest: text.slice(number[0].length) };
  const token = TOKEN.exec(text);
  if (token) return { value: token[0], rest: text.slice(token[0].length) };
  return `expected a value at "${text.slice(0, 20)}"`;
}
