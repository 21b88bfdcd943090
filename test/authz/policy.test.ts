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
  lead: { Task: ['next', 'read', 'listen', 'answer', 'flag', 'release'], Queue: ['read'] },
  trust_safety: {
    Flag: ['list', 'read', 'reveal', 'resolve'],
    Unmask: ['request', 'approve', 'read'],
    Provenance: ['read'],
  },
  privacy_officer: {
    Unmask: ['request', 'approve', 'read'],
    Provenance: ['read'],
    Audit: ['read'],
    Hold: ['create', 'delete'],
  },
  admin: {
    Queue: ['read'],
    Hold: ['create', 'delete'],
    Staff: ['list', 'create', 'update'],
    Retention: ['sweep'],
  },
};

const task = (over: Record<string, unknown> = {}) => ({
  id: 'rt_1',
  item: 'ri_1',
  kind: 'audio',
  status: 'open',
  view: { kind: 'audio', ranges: [], labels: [] },
  assignee: 'st_000000000000000a',
  assignedAt: EARLIER,
  expiresAt: LATER,
  k: 2,
  createdAt: EARLIER,
  subject: 'ab'.repeat(32),
  account: '12345',
  name: 'Alice',
  device: 'echo-7',
  sourceUrl: 'https://example.com/a',
  rawAudio: 'raw/ri_1.wav',
  provenance: { recordId: 'r1' },
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
      expect(can(reviewer, action, 'Task', task({ expiresAt: EARLIER }))).toBe(false);
      expect(can(reviewer, action, 'Task', task({ expiresAt: undefined }))).toBe(false);
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
      const request = { id: 'um_1', requester: 'st_000000000000000b', approvers: [] };
      expect(can(ability, 'approve', 'Unmask', request)).toBe(true);
      expect(
        can(ability, 'approve', 'Unmask', { ...request, requester: 'st_000000000000000a' }),
      ).toBe(false);
      expect(
        can(ability, 'approve', 'Unmask', { ...request, approvers: ['st_000000000000000a'] }),
      ).toBe(false);
    }
  });

  it('shows the subject of an unmask only to its requester, only while the approval lasts', () => {
    const ts = me('trust_safety');
    const approved = {
      id: 'um_1',
      requester: 'st_000000000000000a',
      approvers: ['st_b', 'st_c'],
      justification: 'imminent harm',
      approvedAt: EARLIER,
      expiresAt: LATER,
      subject: 'ab'.repeat(32),
      provenance: { recordId: 'r1' },
    };
    expect(project(ts, 'read', 'Unmask', approved)).toEqual(approved);
    const pending = { ...approved, approvedAt: undefined, expiresAt: undefined };
    expect(project(ts, 'read', 'Unmask', pending)).not.toHaveProperty('subject');
    expect(project(ts, 'read', 'Unmask', { ...approved, expiresAt: EARLIER })).not.toHaveProperty(
      'provenance',
    );
    const someoneElses = { ...approved, requester: 'st_000000000000000b' };
    expect(Object.keys(project(ts, 'read', 'Unmask', someoneElses))).not.toContain('subject');
    expect(project(me('reviewer'), 'read', 'Unmask', approved)).toEqual({});
  });

  it('gives provenance fields to the unmasking roles only', () => {
    const provenance = { recordId: 'r1', sourceUrl: 'https://example.com', subject: 's', extra: 1 };
    expect(project(me('trust_safety'), 'read', 'Provenance', provenance)).toEqual({
      recordId: 'r1',
      sourceUrl: 'https://example.com',
      subject: 's',
    });
    for (const role of ['reviewer', 'lead', 'admin'] as const) {
      expect(project(me(role), 'read', 'Provenance', provenance)).toEqual({});
    }
    expect(PROVENANCE_FIELDS).toContain('sourceUrl');
  });

  it('keeps an admin from changing their own account', () => {
    const admin = me('admin');
    expect(can(admin, 'update', 'Staff', { id: 'st_000000000000000b' })).toBe(true);
    expect(can(admin, 'update', 'Staff', { id: 'st_000000000000000a' })).toBe(false);
  });

  it('projects a task to the fields of each role, and nothing for the others', () => {
    expect(Object.keys(project(me('reviewer'), 'read', 'Task', task())).sort()).toEqual(
      [...REVIEWER_TASK_FIELDS].sort(),
    );
    expect(Object.keys(project(me('lead'), 'read', 'Task', task())).sort()).toEqual(
      LEAD_TASK_FIELDS.filter((f) => f in task()).sort(),
    );
    for (const role of ['trust_safety', 'privacy_officer', 'admin'] as const) {
      expect(project(me(role), 'read', 'Task', task())).toEqual({});
    }
    expect(project(me('reviewer'), 'read', 'Task', task({ assignee: 'st_x' }))).toEqual({});
  });

  it('reveals the raw content of a flag to trust_safety, but never who it is about', () => {
    const flag = { id: 'fl_1', task: 'rt_1', category: 'threat', raw: 'text', subject: 's' };
    const ts = me('trust_safety');
    expect(project(ts, 'read', 'Flag', flag)).toEqual({
      id: 'fl_1',
      task: 'rt_1',
      category: 'threat',
    });
    expect(project(ts, 'reveal', 'Flag', flag)).toEqual({
      id: 'fl_1',
      task: 'rt_1',
      category: 'threat',
      raw: 'text',
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
      expiresAt: fc.constantFrom(EARLIER, LATER),
    });
    fc.assert(
      fc.property(anyTask, fc.constantFrom('reviewer', 'lead') as fc.Arbitrary<Role>, (t, role) => {
        const object = { ...t.extra, assignee: t.assignee, expiresAt: t.expiresAt };
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
