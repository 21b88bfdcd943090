import { describe, expect, it } from 'vitest';
import { effectiveOptout } from '../../src/optout/index.js';
import {
  canonicalPolicyJson,
  DEFAULT_OPTOUT,
  DEFAULT_POLICY,
  parsePolicy,
} from '../../src/policy/index.js';

describe('policy key optout', () => {
  it('is absent unless written, so older policies keep their digest', () => {
    const parsed = parsePolicy('purpose: ai_training');
    expect(parsed.ok && parsed.value.optout).toBe(undefined);
    expect(parsed.ok && canonicalPolicyJson(parsed.value)).toBe(
      canonicalPolicyJson(DEFAULT_POLICY),
    );
  });

  it('fills in the defaults for the fields not written', () => {
    const parsed = parsePolicy('optout: { missing_robots: exclude }');
    expect(parsed.ok && parsed.value.optout).toEqual({
      ...DEFAULT_OPTOUT,
      user_agents: [...DEFAULT_OPTOUT.user_agents],
      signals: [...DEFAULT_OPTOUT.signals],
      missing_robots: 'exclude',
    });
  });

  it("the defaults name the issue's agents, every signal, and missing_robots allow", () => {
    expect(DEFAULT_OPTOUT.user_agents).toEqual(
      expect.arrayContaining(['CCBot', 'GPTBot', 'Google-Extended', 'ClaudeBot']),
    );
    expect(DEFAULT_OPTOUT.signals).toEqual([
      'robots',
      'aipref',
      'tdmrep',
      'noai',
      'content_signal',
      'record',
    ]);
    expect(DEFAULT_OPTOUT.missing_robots).toBe('allow');
  });

  it('rejects unknown signals, unknown keys and agents that are not product tokens', () => {
    for (const text of [
      'optout: { signals: [robots, ai_txt] }',
      'optout: { missing_robot: allow }',
      'optout: { user_agents: ["GPTBot/1.0"] }',
      'optout: { user_agents: [] }',
      'optout: { unparseable: maybe }',
    ]) {
      expect(parsePolicy(text).ok, text).toBe(false);
    }
  });

  it('canonical JSON sorts agents and orders signals, so order does not change the digest', () => {
    const a = parsePolicy('optout: { user_agents: [GPTBot, CCBot], signals: [noai, robots] }');
    const b = parsePolicy(
      'optout: { user_agents: [CCBot, GPTBot, CCBot], signals: [robots, noai] }',
    );
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(canonicalPolicyJson(a.value)).toBe(canonicalPolicyJson(b.value));
  });

  it('honor_tdm_reservation: false switches every signal off', () => {
    expect(effectiveOptout({ ...DEFAULT_POLICY, honor_tdm_reservation: false }).signals).toEqual(
      [],
    );
    expect(effectiveOptout(DEFAULT_POLICY)).toBe(DEFAULT_OPTOUT);
  });
});
