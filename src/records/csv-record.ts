// One CSV record (RFC 4180): comma-separated fields, each optionally in double quotes with `""`
// for a quote inside; a quoted field may hold commas and line breaks. Shared by every CSV the
// product reads (consent events, identity links, hash bank lists), so all read a line one way.

/**
 * The fields of one record (its text without the final line break), `'open'` if a quoted field
 * is still open, or what is wrong (a quote inside an unquoted field, or a character after a
 * closing quote).
 */
export function csvRecordFields(text: string): string[] | 'open' | string {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) return 'open';
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      fields.push(value);
      if (at === text.length) return fields;
      if (text[at] !== ',') return `a character after a closing quote, at column ${at + 1}`;
      at++;
    } else {
      const comma = text.indexOf(',', at);
      const end = comma < 0 ? text.length : comma;
      const value = text.slice(at, end);
      if (value.includes('"')) return `a quote inside an unquoted field, at column ${at + 1}`;
      fields.push(value);
      if (comma < 0) return fields;
      at = comma + 1;
    }
  }
}
