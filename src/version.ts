import { createRequire } from 'node:module';

// Read from package.json so the manifest's tool version cannot drift from the release.
const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
export const TOOL_VERSION: string = pkg.version;
