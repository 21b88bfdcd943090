/** Reports progress of a long command: a redrawn bar on a terminal, sparse plain lines otherwise. */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  finish(): void;
}

const PLAIN_INTERVAL_MS = 5_000;
const BAR_INTERVAL_MS = 100;
const BAR_WIDTH = 30;

export function createProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  quiet = false,
): Progress {
  if (quiet) return { update() {}, finish() {} };
  const tty = stream.isTTY === true;
  const started = Date.now();
  let last = started;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (now - last < (tty ? BAR_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
      last = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const percent = `${(ratio * 100).toFixed(0).padStart(3)}%`;
      const elapsed = `${((now - started) / 1000).toFixed(0)}s`;
      if (tty) {
        const filled = Math.round(ratio * BAR_WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        stream.write(`\r${label} ${bar} ${percent} ${detail} ${elapsed}\x1b[K`);
        drawn = true;
      } else {
        stream.write(`${label}: ${percent} ${detail} (${elapsed})\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
