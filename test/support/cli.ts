import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
// Resolved here, not from the child's working directory, which is a temporary folder.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source in a child process, as a user would run `obhut`. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, entry, ...args], {
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
