import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry for child processes: dist/bundle/, rebuilt when stale (global-setup.ts). */
export const CLI_ENTRY = fileURLToPath(new URL('./cli-entry.mjs', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in a child process, as a user would run `obhut`: the build of the sources under
 * test (dist/bundle/, which test/support/global-setup.ts rebuilds when any source is newer).
 */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        OBHUT_HOME: '',
        OBHUT_SECRET: '',
        OBHUT_DATABASE_URL: '',
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    if (options.input !== undefined) child.stdin.end(options.input);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
