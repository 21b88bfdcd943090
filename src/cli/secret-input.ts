import { ObhutError } from '../errors/index.js';

/**
 * A password for a command: `fromEnv` (the value of the variable `envName`) when set, typed at a
 * terminal (not echoed, asked twice), or the first line of piped standard input. Never from the
 * command line, where other users could read it in the process list.
 */
export async function readSecret(
  fromEnv: string | undefined,
  envName: string,
  what: string,
): Promise<string> {
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await promptHidden(`${what}: `);
    const second = await promptHidden(`${what} again: `);
    if (first !== second) throw new ObhutError('USAGE', 'the two entries differ');
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!line) {
    throw new ObhutError(
      'USAGE',
      `give the ${what.toLowerCase()} in ${envName} or on standard input`,
    );
  }
  return line;
}

function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new ObhutError('USAGE', 'cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}
