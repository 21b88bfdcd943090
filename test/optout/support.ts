import { hash } from 'node:crypto';
import type { Capture } from '../../src/optout/index.js';
import { DEFAULT_OPTOUT, type OptoutPolicy } from '../../src/policy/index.js';

export function capture(url: string, text: string, status = 200): Capture {
  return { url, status, text, sha256: hash('sha256', text, 'hex') };
}

export function policy(overrides: Partial<OptoutPolicy> = {}): OptoutPolicy {
  return { ...DEFAULT_OPTOUT, ...overrides };
}
