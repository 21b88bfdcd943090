/** Small Markdown helpers shared by the documents; values are escaped so data cannot add markup. */

/** Text from a record or a provider file, made inert in a table cell or a paragraph. */
export function md(value: unknown): string {
  if (value === null || value === undefined) return '*missing*';
  return String(value)
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

export function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '*none*\n';
  const line = (cells: readonly unknown[]) => `| ${cells.map(md).join(' | ')} |`;
  return `${[line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')}\n`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
