// The load hook of load-record.mjs. For each ES module loaded from a file it records the file,
// and for a chunk of the CLI's bundle (dist/bundle/) also the modules esbuild put into it, which
// esbuild names in a comment before each module's code (`// dist/pii/redact.js`,
// `// ../node_modules/kysely/dist/esm/index.js`).
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.startsWith('file:')) {
    const lines = [`import ${url}`];
    if (result.source !== undefined && result.source !== null) {
      const text =
        typeof result.source === 'string'
          ? result.source
          : Buffer.from(result.source).toString('utf8');
      for (const m of text.matchAll(/^\/\/ (\S+\.[cm]?js)$/gm)) lines.push(`bundled ${m[1]}`);
    }
    appendFileSync(file, `${lines.join('\n')}\n`);
  }
  return result;
}
