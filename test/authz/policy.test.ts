import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  abilityFor,
  authorize,
  can,
  IDENTIFYING_FIELDS,
  LEAD_TASK_FIELDS,
  PROVENANCE_FIELDS,
  project,
  REVIEWER_TASK_FIELDS,
  SUBJECT_TYPES,
  type SubjectType,
} from '../../src/authz/index.js';
import { ROLES, type Role } from '../../src/staff/index.js';

const NOW = Date.parse('2025-06-01T08:00:00Z');
const LATER = '2025-06-01T08:30:00.000Z';
const EARLIER = '2025-06-01T07:30:00.000Z';
const me = (role: Role) => abilityFor({ id: 'st_000000000000000a', role }, NOW);

/** Type-level permissions (no object yet): what requireStaff checks before a handler runs. */
const TYPE_LEVEL: Record<Role, Partial<Record<SubjectType, readonly string[]>>> = {
  reviewer: { Task: ['next', 'read', 'listen', 'answer', 'flag', 'release'] },
  lead: {
    Task: ['next', 'read', 'listen', 'answer', 'flag', 'release'],
    Queue: ['read', 'export'],
  },
  trust_safety: {
    Flag: ['list', 'read', 'reveal', 'resolve'],
    Unmask: ['request', 'approve', 'read'],
    Provenance: ['read'],
  },
  privacy_officer: {
    Unmask: ['request', 'approve', 'read'],
    Audit: ['read'],
    Hold: ['list', 'create', 'delete'],
    Request: ['list', 'assign', 'answer', 'read', 'erase'],
  },
  admin: {
    Queue: ['read'],
    Hold: ['list', 'create', 'delete'],
    Staff: ['list', 'create', 'update'],
    Retention: ['sweep'],
  },
};

/** A TaskView with the condition fields and everything a careless route might add. */
const task = (over: Record<string, unknown> = {}) => ({
  id: 'rt_1',
  kind: 'audio',
  status: 'open',
  words: [{ text: '[NAME_1]', start: 0, end: 0.4 }],
  redacted_ranges: [{ start: 0, end: 0.4 }],
  duration: 3.2,
  labels: ['correct', 'unusable'],
  assignment: { expires_at: LATER },
  quota: { used: 3, limit: 40 },
  assignee: 'st_000000000000000a',
  expires_at: LATER,
  k: 2,
  created_at: EARLIER,
  item_id: 'ri_1',
  subject: 'ab'.repeat(32),
  account: '12345',
  name: 'Alice',
  device: 'echo-7',
  source_url: 'https://example.com/a',
  raw_audio: 'raw/ri_1.wav',
  provenance: { record_id: 'r1' },
  ...over,
});

describe('authorization policy', () => {
  it('grants each role exactly the type-level actions of the design table', () => {
    for (const role of ROLES) {
      const ability = me(role);
      for (const type of SUBJECT_TYPES) {
        for (const action of ACTIONS[type]) {
          const expected = TYPE_LEVEL[role][type]?.includes(action) ?? false;
          expect(ability.can(action as never, type as never), `${role} ${action} ${type}`).toBe(
            expected,
          );
        }
      }
    }
  });

  it('lets a disabled member do nothing', () => {
    const ability = abilityFor({ id: 'st_000000000000000a', role: 'admin', disabled: true });
    expect(ability.rules).toEqual([]);
  });

  it('lets a reviewer work on a task only while it is assigned to them', () => {
    const reviewer = me('reviewer');
    for (const action of ['read', 'listen', 'answer', 'flag', 'release'] as const) {
      expect(can(reviewer, action, 'Task', task())).toBe(true);
      expect(can(reviewer, action, 'Task', task({ assignee: 'st_000000000000000b' }))).toBe(false);
      expect(can(reviewer, action, 'Task', task({ expires_at: EARLIER }))).toBe(false);
      expect(can(reviewer, action, 'Task', task({ expires_at: undefined }))).toBe(false);
    }
    expect(() => authorize(reviewer, 'answer', 'Task', task({ assignee: 'st_x' }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('lets a lead read and listen to any task, but answer only their own', () => {
    const lead = me('lead');
    const other = task({ assignee: 'st_000000000000000b' });
    expect(can(lead, 'read', 'Task', other)).toBe(true);
    expect(can(lead, 'listen', 'Task', other)).toBe(true);
    expect(can(lead, 'answer', 'Task', other)).toBe(false);
    expect(can(lead, 'answer', 'Task', task())).toBe(true);
  });

  it('never lets the requester approve their own unmask, nor anyone approve twice', () => {
    for (const role of ['trust_safety', 'privacy_officer'] as const) {
      const ability = me(role);
      const request = { id: 'um_1', requested_by: 'st_000000000000000b', approvals: [] };
      expect(can(ability, 'approve', 'Unmask', request)).toBe(true);
      const own = { ...request, requested_by: 'st_000000000000000a' };
      expect(can(ability, 'approve', 'Unmask', own)).toBe(false);
      const again = { ...request, approvals: ['st_000000000000000a'] };
      expect(can(ability, 'approve', 'Unmask', again)).toBe(false);
    }
  });

  it('shows the identity of an unmask only to its requester, only while the approval lasts', () => {
    const ts = me('trust_safety');
    const approved = {
      id: 'um_1',
      task_id: 'rt_1',
      requested_by: 'st_000000000000000a',
      approvals: ['st_b', 'st_c'],
      justification: 'imminent harm',
      status: 'approved',
      expires_at: LATER,
      identity: { platform: 'ig', account: '7' },
    };
    expect(project(ts, 'read', 'Unmask', approved)).toEqual(approved);
    const pending = { ...approved, status: 'pending', expires_at: undefined };
    expect(project(ts, 'read', 'Unmask', pending)).not.toHaveProperty('identity');
    const expired = { ...approved, status: 'expired', expires_at: EARLIER };
    expect(project(ts, 'read', 'Unmask', expired)).not.toHaveProperty('identity');
    const stale = { ...approved, expires_at: EARLIER };
    expect(project(ts, 'read', 'Unmask', stale)).not.toHaveProperty('identity');
    const someoneElses = { ...approved, requested_by: 'st_000000000000000b' };
    const { identity: _, ...withoutIdentity } = someoneElses;
    expect(project(me('privacy_officer'), 'read', 'Unmask', someoneElses)).toEqual(withoutIdentity);
    expect(project(me('reviewer'), 'read', 'Unmask', approved)).toEqual({});
  });

  it('gives provenance fields to trust_safety only', () => {
    const provenance = { record_id: 'r1', source_url: 'https://example.com', subject: 's', x: 1 };
    expect(project(me('trust_safety'), 'read', 'Provenance', provenance)).toEqual({
      record_id: 'r1',
      source_url: 'https://example.com',
      subject: 's',
    });
    for (const role of ['reviewer', 'lead', 'privacy_officer', 'admin'] as const) {
      expect(project(me(role), 'read', 'Provenance', provenance)).toEqual({});
    }
    expect(PROVENANCE_FIELDS).toContain('source_url');
  });

  it('keeps an admin from changing their own account', () => {
    const admin = me('admin');
    expect(can(admin, 'update', 'Staff', { id: 'st_000000000000000b' })).toBe(true);
    expect(can(admin, 'update', 'Staff', { id: 'st_000000000000000a' })).toBe(false);
  });

  it('projects a task to the fields of each role, and nothing for the others', () => {
    expect(Object.keys(project(me('reviewer'), 'read', 'Task', task())).sort()).toEqual(
      REVIEWER_TASK_FIELDS.filter((f) => f in task()).sort(),
    );
    expect(Object.keys(project(me('lead'), 'read', 'Task', task())).sort()).toEqual(
      LEAD_TASK_FIELDS.filter((f) => f in task()).sort(),
    );
    for (const role of ['trust_safety', 'privacy_officer', 'admin'] as const) {
      expect(project(me(role), 'read', 'Task', task())).toEqual({});
    }
    expect(project(me('reviewer'), 'read', 'Task', task({ assignee: 'st_x' }))).toEqual({});
  });

  it('reveals the raw content and provenance of a flag to trust_safety, never the identity', () => {
    const flag = {
      id: 'fl_1',
      task_id: 'rt_1',
      category: 'threat',
      raw_text: 'text',
      provenance: { record_id: 'r1' },
      identity: { platform: 'ig', account: '7' },
    };
    const ts = me('trust_safety');
    const summary = { id: 'fl_1', task_id: 'rt_1', category: 'threat' };
    expect(project(ts, 'read', 'Flag', flag)).toEqual(summary);
    expect(project(ts, 'reveal', 'Flag', flag)).toEqual({
      ...summary,
      raw_text: 'text',
      provenance: { record_id: 'r1' },
    });
    expect(project(me('lead'), 'read', 'Flag', flag)).toEqual({});
  });

  it('does not change the object it projects', () => {
    const t = task();
    const copy = structuredClone(t);
    project(me('reviewer'), 'read', 'Task', t);
    expect(t).toEqual(copy);
    expect(Object.getOwnPropertySymbols(t)).toEqual([]);
    expect(Object.getOwnPropertyNames(t)).toEqual(Object.keys(copy));
  });

  it('never gives a reviewer or lead a forbidden field of any task object (property)', () => {
    const forbidden = new Set<string>(IDENTIFYING_FIELDS);
    for (const f of REVIEWER_TASK_FIELDS) expect(forbidden.has(f)).toBe(false);
    for (const f of LEAD_TASK_FIELDS) expect(forbidden.has(f)).toBe(false);
    const key = fc.oneof(
      fc.constantFrom(...IDENTIFYING_FIELDS, ...LEAD_TASK_FIELDS, 'email', 'ip', '__proto__x'),
      fc.string({ maxLength: 12 }),
    );
    const anyTask = fc.record({
      extra: fc.dictionary(key, fc.anything(), { maxKeys: 20 }),
      assignee: fc.constantFrom('st_000000000000000a', 'st_000000000000000b'),
      expires_at: fc.constantFrom(EARLIER, LATER),
    });
    fc.assert(
      fc.property(anyTask, fc.constantFrom('reviewer', 'lead') as fc.Arbitrary<Role>, (t, role) => {
        const object = { ...t.extra, assignee: t.assignee, expires_at: t.expires_at };
        const allowed = new Set<string>(
          role === 'reviewer' ? REVIEWER_TASK_FIELDS : LEAD_TASK_FIELDS,
        );
        for (const action of ['read', 'listen', 'answer'] as const) {
          for (const field of Object.keys(project(me(role), action, 'Task', object))) {
            if (forbidden.has(field) || !allowed.has(field)) return false;
          }
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
