// Runs once before the test files (vitest globalSetup). CLI tests start the CLI's bundle in
// dist/bundle/ (see cli-entry.mjs), so it must be made from the src/ under test: when any source
// file is newer than its compiled counterpart, or has none, this rebuilds dist/ with the
// project's own `tsc -p tsconfig.build.json`, and when the bundle is missing or older than the
// tsc output it was made from, `node scripts/bundle-cli.mjs` (together the CLI half of
// `npm run build`). A fresh clone's `npm ci` has built both already, so CI finds nothing to do.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The first source file whose compiled .js in dist/ is missing or older, or undefined. */
export function staleSource(root = ROOT): string | undefined {
  const src = path.join(root, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    if (entry.name.endsWith('.test.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const built = path.join(root, 'dist', path.relative(src, file)).replace(/\.ts$/, '.js');
    let builtAt: number;
    try {
      builtAt = statSync(built).mtimeMs;
    } catch {
      return file;
    }
    if (statSync(file).mtimeMs > builtAt) return file;
  }
  return undefined;
}

/** Whether dist/bundle/ is missing or older than the dist/cli/main.js it was made from. */
export function staleBundle(root = ROOT): boolean {
  const made = statSync(path.join(root, 'dist', 'bundle', 'main.js'), { throwIfNoEntry: false });
  const compiled = statSync(path.join(root, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false });
  return made === undefined || compiled === undefined || made.mtimeMs < compiled.mtimeMs;
}

export default function setup(): void {
  const stale = staleSource();
  if (stale !== undefined) {
    process.stderr.write(
      `test setup: dist/ is older than ${path.relative(ROOT, stale)}; running tsc -p tsconfig.build.json\n`,
    );
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  if (!staleBundle()) return;
  process.stderr.write(
    'test setup: dist/bundle/ is older than dist/; running scripts/bundle-cli.mjs\n',
  );
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cli.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
