import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMapping } from '../../src/cli/mapping-option.js';

describe('--map file', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obhut-map-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads YAML and JSON to the same mapping', async () => {
    const yaml = path.join(dir, 'm.yaml');
    const json = path.join(dir, 'm.json');
    await writeFile(yaml, 'id: post_id\nkind: { const: text }\n');
    await writeFile(json, '{ "id": "post_id", "kind": { "const": "text" } }');
    expect(await loadMapping(yaml)).toEqual({ id: 'post_id', kind: { const: 'text' } });
    expect(await loadMapping(json)).toEqual(await loadMapping(yaml));
  });

  it('refuses duplicate keys, unknown source forms and a missing file with MAPPING_INVALID', async () => {
    const cases = {
      'dup.yaml': 'id: a\nid: b\n',
      'unknown.yaml': 'id: { column: a }\n',
      'list.yaml': '- id\n',
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = path.join(dir, name);
      await writeFile(file, text);
      await expect(loadMapping(file)).rejects.toMatchObject({ code: 'MAPPING_INVALID' });
    }
    await expect(loadMapping(path.join(dir, 'absent.yaml'))).rejects.toMatchObject({
      code: 'MAPPING_INVALID',
    });
  });
});
