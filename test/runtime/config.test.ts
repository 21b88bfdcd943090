import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import {
  DEFAULT_LOG_ORIGIN,
  homeConfig,
  namedVariable,
  parseSettings,
  readConfig,
} from '../../src/runtime/config.js';
import {
  CONFIG_SCHEMA,
  parseInteger,
  VARIABLE_NAMES,
  type VariableName,
  variableDoc,
} from '../../src/runtime/config-schema.js';

const ROOT = new URL('../../', import.meta.url);

function configError(env: NodeJS.ProcessEnv): ObhutError {
  try {
    parseSettings(env);
  } catch (err) {
    if (err instanceof ObhutError) return err;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('docs/configuration.md', () => {
  it('lists exactly the schema: each variable in its section and order, with the same type, default, bound and description', () => {
    const doc = readFileSync(new URL('docs/configuration.md', ROOT), 'utf8');
    const documented: Record<string, string>[] = [];
    let section = '';
    for (const line of doc.split('\n')) {
      if (line.startsWith('## ')) section = line.slice(3).trim();
      const row = /^\| `(OBHUT_[A-Z0-9_]+)` \|(.*)\|$/.exec(line);
      if (!row) continue;
      const [type, fallback, bound, description] = row[2]!.split('|').map((c) => c.trim());
      documented.push({
        name: row[1]!,
        section,
        type: type!,
        default: fallback!,
        bound: bound!,
        description: description!,
      });
    }
    const schema = VARIABLE_NAMES.map((name) => ({ name, ...variableDoc(name) }));
    expect(documented).toEqual(schema);
  });
});

describe('the configuration module', () => {
  it('is the only module in src/ that reads process.env', () => {
    const src = new URL('src/', ROOT);
    const readers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => readFileSync(new URL(f, src), 'utf8').includes('process.env'))
      .map((f) => f.split(path.sep).join('/'));
    expect(readers).toEqual(['runtime/config.ts']);
  });

  it('declares every OBHUT_* variable that src/ names', () => {
    const src = new URL('src/', ROOT);
    const named = new Set<string>();
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts')) continue;
      for (const [name] of readFileSync(new URL(f, src), 'utf8').matchAll(/OBHUT_[A-Z0-9_]+/g)) {
        // Families written with a wildcard, e.g. OBHUT_REVIEW_*_DAYS.
        if (!name.endsWith('_')) named.add(name);
      }
    }
    expect([...named].filter((n) => !(VARIABLE_NAMES as string[]).includes(n))).toEqual([]);
    expect(VARIABLE_NAMES.length).toBe(36);
  });
});

describe('parseSettings', () => {
  it('gives every default when nothing is set, as one frozen object', () => {
    const settings = parseSettings({});
    expect(settings).toEqual({
      OBHUT_HOME: '.obhut',
      OBHUT_DATABASE_URL: undefined,
      OBHUT_SECRET: undefined,
      OBHUT_LOG_ORIGIN: undefined,
      OBHUT_LOG_KEY: undefined,
      OBHUT_QUARANTINE_KEY: undefined,
      OBHUT_QUEUE_SCHEMA: 'obhut_queue',
      OBHUT_QUEUE_LEASE_SECONDS: 3600,
      OBHUT_QUEUE_RETRIES: 3,
      OBHUT_CONSENT_CLOCK_SKEW_SECONDS: 300,
      OBHUT_PII_KEY: undefined,
      OBHUT_PORT: 8080,
      OBHUT_HOST: '127.0.0.1',
      OBHUT_ADMIN_TOKEN: undefined,
      OBHUT_SMTP_URL: undefined,
      OBHUT_MAIL_FROM: 'Obhut <no-reply@obhut.local>',
      OBHUT_RATE_LIMIT_PER_MINUTE: 600,
      OBHUT_SIGN_IN_PER_MINUTE: 10,
      OBHUT_EVENTS_PER_MINUTE: 30,
      OBHUT_TRUST_PROXY: false,
      OBHUT_LOG_LEVEL: 'info',
      OBHUT_LINK_TOKEN_CLOCK_ALLOWANCE_SECONDS: 60,
      OBHUT_WEBHOOK_FIRST_RETRY_MS: 2000,
      OBHUT_WEBHOOK_LEASE_MS: 20_000,
      OBHUT_STAFF_LOCKOUT_ATTEMPTS: 5,
      OBHUT_STAFF_LOCKOUT_MINUTES: 1,
      OBHUT_STAFF_PASSWORD: undefined,
      OBHUT_REVIEW_ASSIGNMENT_MINUTES: 30,
      OBHUT_REVIEW_DAILY_QUOTA: 200,
      OBHUT_REVIEW_SUBJECT_CAP: undefined,
      OBHUT_REVIEW_EXPOSURE_MINUTES: 120,
      OBHUT_REVIEW_RAW_DAYS: 30,
      OBHUT_REVIEW_DERIVED_DAYS: 90,
      OBHUT_REVIEW_PIPELINE_TOKEN: undefined,
      OBHUT_REVIEW_MEDIA_DIR: undefined,
      OBHUT_REVIEW_SUPPORT: undefined,
    });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.keys(settings)).toEqual(VARIABLE_NAMES);
  });

  it('treats an empty value as unset and ignores variables outside the schema', () => {
    const empty = Object.fromEntries(VARIABLE_NAMES.map((n) => [n, '']));
    expect(parseSettings({ ...empty, PATH: '/bin', OBHUT_UNKNOWN: 'x' })).toEqual(
      parseSettings({}),
    );
  });

  it('reads given values into their types', () => {
    const settings = parseSettings({
      OBHUT_PORT: '0',
      OBHUT_TRUST_PROXY: '1',
      OBHUT_LOG_LEVEL: 'warn',
      OBHUT_REVIEW_SUBJECT_CAP: '3',
      OBHUT_REVIEW_SUPPORT: 'call 0800 111 0 111',
      OBHUT_SMTP_URL: 'smtps://u:p@mail.example:465',
    });
    expect(settings).toMatchObject({
      OBHUT_PORT: 0,
      OBHUT_TRUST_PROXY: true,
      OBHUT_LOG_LEVEL: 'warn',
      OBHUT_REVIEW_SUBJECT_CAP: 3,
      OBHUT_REVIEW_SUPPORT: 'call 0800 111 0 111',
      OBHUT_SMTP_URL: 'smtps://u:p@mail.example:465',
    });
    expect(parseSettings({ OBHUT_TRUST_PROXY: '0' }).OBHUT_TRUST_PROXY).toBe(false);
  });

  it('enforces each integer variable’s documented bound, and refuses anything but digits', () => {
    const integers = VARIABLE_NAMES.filter((n) => variableDoc(n).type === 'integer');
    expect(integers.length).toBeGreaterThan(10);
    for (const name of integers) {
      const bound = variableDoc(name).bound;
      const range = /^(\d+)–(\d+)$/.exec(bound) ?? /^≥ (\d+)$/.exec(bound);
      expect(range, `${name}: ${bound}`).not.toBeNull();
      const min = Number(range![1]);
      const max = range![2] === undefined ? undefined : Number(range![2]);
      const read = (text: string) => parseSettings({ [name]: text })[name];
      expect(read(String(min))).toBe(min);
      if (max !== undefined) {
        expect(read(String(max))).toBe(max);
        expect(configError({ [name]: String(max + 1) }).message).toBe(
          `${name} must be an integer from ${min} to ${max}, got ${max + 1}`,
        );
      }
      if (min > 0) expect(configError({ [name]: String(min - 1) }).message).toMatch(name);
      for (const bad of ['-1', '1.5', '1e3', ' 7', '0x10', 'lots'])
        expect(configError({ [name]: bad })).toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });

  it('keeps the messages of the readers it replaced', () => {
    expect(configError({ OBHUT_REVIEW_EXPOSURE_MINUTES: '0' }).message).toBe(
      'OBHUT_REVIEW_EXPOSURE_MINUTES must be a positive integer, got 0',
    );
    expect(configError({ OBHUT_STAFF_LOCKOUT_ATTEMPTS: '1001' }).message).toBe(
      'OBHUT_STAFF_LOCKOUT_ATTEMPTS must be an integer from 1 to 1000, got 1001',
    );
    expect(configError({ OBHUT_DATABASE_URL: 'mysql://x' }).message).toBe(
      'OBHUT_DATABASE_URL must start with postgres:// or postgresql://',
    );
    expect(configError({ OBHUT_SECRET: 'fifteen bytes..' }).message).toBe(
      'OBHUT_SECRET must be at least 16 bytes long',
    );
    expect(configError({ OBHUT_LOG_ORIGIN: 'a+b' }).message).toBe(
      'OBHUT_LOG_ORIGIN must be one word without spaces or "+"',
    );
    expect(configError({ OBHUT_QUARANTINE_KEY: 'xyz' }).message).toBe(
      'OBHUT_QUARANTINE_KEY must be 64 hex digits (a 256-bit key)',
    );
    expect(configError({ OBHUT_PII_KEY: 'short' }).message).toBe(
      'OBHUT_PII_KEY must be at least 16 bytes long',
    );
  });

  it('refuses a bad choice, flag or SMTP URL, and names every bad variable at once', () => {
    expect(configError({ OBHUT_LOG_LEVEL: 'loud' }).message).toBe(
      'OBHUT_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got loud',
    );
    expect(configError({ OBHUT_TRUST_PROXY: 'true' }).message).toBe(
      'OBHUT_TRUST_PROXY must be 0 or 1, got true',
    );
    expect(configError({ OBHUT_SMTP_URL: 'mail.example' }).message).toBe(
      'OBHUT_SMTP_URL must start with smtp:// or smtps://',
    );
    expect(configError({ OBHUT_PORT: '70000', OBHUT_REVIEW_RAW_DAYS: 'x' }).message).toBe(
      'OBHUT_PORT must be an integer from 0 to 65535, got 70000; OBHUT_REVIEW_RAW_DAYS must be a positive integer, got x',
    );
    // Webhook timing: a first retry under 10 ms would hammer a failing receiver.
    expect(
      configError({ OBHUT_WEBHOOK_FIRST_RETRY_MS: '5', OBHUT_WEBHOOK_LEASE_MS: '4000000' }).message,
    ).toBe(
      'OBHUT_WEBHOOK_FIRST_RETRY_MS must be an integer from 10 to 3600000, got 5; OBHUT_WEBHOOK_LEASE_MS must be an integer from 100 to 3600000, got 4000000',
    );
    expect(
      parseSettings({ OBHUT_WEBHOOK_FIRST_RETRY_MS: '100', OBHUT_WEBHOOK_LEASE_MS: '1000' }),
    ).toMatchObject({ OBHUT_WEBHOOK_FIRST_RETRY_MS: 100, OBHUT_WEBHOOK_LEASE_MS: 1000 });
  });

  it('gives every variable a type, default, bound and one-line description', () => {
    for (const name of VARIABLE_NAMES) {
      const doc = variableDoc(name);
      for (const field of [doc.section, doc.type, doc.default, doc.bound, doc.description]) {
        expect(field, name).toMatch(/\S/);
        expect(field, name).not.toMatch(/[|\n]/);
      }
      expect(CONFIG_SCHEMA[name as VariableName]).toBeDefined();
    }
  });
});

describe('parseInteger', () => {
  it('reads exactly the decimal integers within its bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (a, b, n) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          expect(parseInteger(String(n), min, max)).toBe(n >= min && n <= max ? n : undefined);
        },
      ),
    );
  });

  it('refuses any text that is not plain digits', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^[0-9]+$/.test(s)),
        (s) => parseInteger(s, 0) === undefined,
      ),
    );
    expect(parseInteger('9007199254740993', 0)).toBeUndefined();
  });
});

describe('readConfig', () => {
  it('resolves the home against the working directory and turns keys into bytes', () => {
    const key = 'ab'.repeat(32);
    const config = readConfig(
      { OBHUT_HOME: 'h', OBHUT_SECRET: 'sixteen bytes ok', OBHUT_QUARANTINE_KEY: ` ${key}\n` },
      '/srv/obhut',
    );
    expect(config).toEqual({
      home: path.resolve('/srv/obhut', 'h'),
      databaseUrl: undefined,
      secret: Buffer.from('sixteen bytes ok'),
      logOrigin: DEFAULT_LOG_ORIGIN,
      logOriginFromEnv: false,
      logKey: undefined,
      quarantineKey: Buffer.from(key, 'hex'),
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('says whether the log origin was given', () => {
    const config = homeConfig(parseSettings({ OBHUT_LOG_ORIGIN: 'example.org/log' }), '/');
    expect(config).toMatchObject({ logOrigin: 'example.org/log', logOriginFromEnv: true });
  });
});

describe('namedVariable', () => {
  it('reads a variable a file names, empty as unset', () => {
    expect(namedVariable('MY_KEY', { MY_KEY: 'k' })).toBe('k');
    expect(namedVariable('MY_KEY', { MY_KEY: '' })).toBeUndefined();
    expect(namedVariable('MY_KEY', {})).toBeUndefined();
  });
});
