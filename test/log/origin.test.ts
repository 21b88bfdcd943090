import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/runtime/config.js';
import { initHome, openSession } from '../../src/runtime/home.js';

describe('the log origin of a home', () => {
  it('comes from the log key unless OBHUT_LOG_ORIGIN is set, which must then agree', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'obhut-origin-'));
    try {
      const env = { OBHUT_HOME: 'home' };
      await initHome(readConfig({ ...env, OBHUT_LOG_ORIGIN: 'example.org/log' }, cwd));

      const plain = await openSession(readConfig(env, cwd));
      expect(plain.log.origin).toBe('example.org/log');
      await plain.store.close();

      const same = await openSession(
        readConfig({ ...env, OBHUT_LOG_ORIGIN: 'example.org/log' }, cwd),
      );
      expect(same.log.origin).toBe('example.org/log');
      await same.store.close();

      await expect(
        openSession(readConfig({ ...env, OBHUT_LOG_ORIGIN: 'other.org/log' }, cwd)),
      ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
