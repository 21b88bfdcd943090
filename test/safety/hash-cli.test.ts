import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { readCsv, vectorPath } from './vectors.js';

const cwd = mkdtempSync(join(tmpdir(), 'obhut-hash-'));
const rows = readCsv('generated/cpp-reference-png-vectors.csv');
const plasma = rows.find((r) => r.file === 'plasma-800x600.png')!;
const bridge = rows.find((r) => r.file === 'bridge-1-original-400.png')!;
const plasmaPath = vectorPath('generated/png/plasma-800x600.png');
const bridgePath = vectorPath('generated/png/bridge-1-original-400.png');

describe('obhut hash', () => {
  it('prints HASH,QUALITY,PATH like the reference hasher, and exits 2 after a bad file', async () => {
    const bad = join(cwd, 'bad.jpg');
    writeFileSync(bad, 'not a jpeg');
    const r = await runCli(['hash', 'pdq', plasmaPath, bad, bridgePath], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      `${plasma.cli_pdq},${plasma.cli_quality},${plasmaPath}\n` +
        `${bridge.cli_pdq},${bridge.cli_quality},${bridgePath}\n`,
    );
    expect(r.stderr).toContain(`[IMAGE_INVALID]: ${bad}`);
  });

  it('hashes at full resolution with --full-resolution and reports the policy in --json', async () => {
    const r = await runCli(['hash', 'pdq', plasmaPath, '--full-resolution', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        path: plasmaPath,
        hash: plasma.fullres_pdq,
        quality: Number(plasma.fullres_quality),
        policy: 'full-resolution',
        width: 800,
        height: 600,
      },
    ]);
  });

  it('prints HASH,PATH for sha256 and md5', async () => {
    const bytes = readFileSync(bridgePath);
    for (const algorithm of ['sha256', 'md5'] as const) {
      const r = await runCli(['hash', algorithm, bridgePath], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${createHash(algorithm).update(bytes).digest('hex')},${bridgePath}\n`);
    }
  });
});
