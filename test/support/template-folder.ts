// A vitest globalSetup: one temporary folder for the run, in which each test process keeps its
// migrated SQLite template (sqlite-template.ts), removed when the run ends. The test processes
// are ended by vitest, not by exiting, so they cannot remove what they made themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The variable that names the folder for the test processes (which inherit it). */
export const TEMPLATE_FOLDER_VARIABLE = 'TEST_SQLITE_TEMPLATE_FOLDER';

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'obhut-test-templates-'));
  process.env[TEMPLATE_FOLDER_VARIABLE] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
