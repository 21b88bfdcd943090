import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPlatform, PLATFORMS_FILE } from '../../src/identity/platforms.js';

describe('platforms.json', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'obhut-platforms-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('keeps every entry when platforms are added at the same time', async () => {
    // Without the lock each add read the same old list and the last rename won.
    const names = Array.from({ length: 12 }, (_, i) => `platform-${i}`);
    await Promise.all(names.map((name) => addPlatform(home, name, { kind: 'hmac' })));
    const file = JSON.parse(await readFile(path.join(home, PLATFORMS_FILE), 'utf8')) as {
      platforms: { name: string }[];
    };
    expect(file.platforms.map((p) => p.name).sort()).toEqual([...names].sort());
  });

  it('refuses a name that is there already and leaves the list as it was', async () => {
    await addPlatform(home, 'shop', { kind: 'hmac' });
    const before = await readFile(path.join(home, PLATFORMS_FILE), 'utf8');
    await expect(addPlatform(home, 'shop', { kind: 'hmac' })).rejects.toThrow(/already/);
    expect(await readFile(path.join(home, PLATFORMS_FILE), 'utf8')).toBe(before);
  });
});
