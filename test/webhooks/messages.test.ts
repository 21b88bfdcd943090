import { describe, expect, it } from 'vitest';
import { encodeEntry } from '../../src/log/index.js';
import {
  messageForErasure,
  messageForLogEntry,
  messageForModelImpact,
  parseEventTypes,
} from '../../src/webhooks/index.js';

const pseudonym = 'a'.repeat(64);

describe('webhook messages', () => {
  it('carry a consent decision as its log entry, keyed by the subject’s pseudonym', () => {
    const entry = encodeEntry({
      type: 'consent_event',
      version: 1,
      event_id: 'e1',
      subject: pseudonym,
      purpose: 'ai_training',
      action: 'object',
      at: '2026-12-01T00:00:00Z',
      channel: 'portal',
    });
    const message = messageForLogEntry(entry, 41, 42, '2026-12-01T00:00:01.000Z');
    expect(message).toMatchObject({
      id: 'msg_log_41',
      eventType: 'consent',
      orderKey: `subject:${pseudonym}`,
    });
    const body = JSON.parse(message!.body);
    expect(body).toEqual({
      type: 'consent.recorded',
      timestamp: '2026-12-01T00:00:01.000Z',
      data: { log_index: 41, checkpoint_size: 42, entry: JSON.parse(entry.toString('utf8')) },
    });
  });

  it('carry builds in one order of their own and skip what no endpoint subscribes to', () => {
    const build = encodeEntry({
      type: 'build',
      version: 1,
      build_id: 'b1',
      purpose: 'ai_training',
      manifest_sha256: 'b'.repeat(64),
      items_root: 'c'.repeat(64),
      subjects_root: 'd'.repeat(64),
      subjects_count: 3,
      consent_checkpoint: { origin: 'o', size: 1, root: `${'A'.repeat(43)}=` },
    });
    expect(messageForLogEntry(build, 2, 3, 't')).toMatchObject({
      eventType: 'build',
      orderKey: 'builds',
    });
    const access = encodeEntry({
      type: 'access',
      version: 1,
      actor: `st_${'0'.repeat(16)}`,
      task: `rt_${'0'.repeat(32)}`,
      action: 'view',
      at: 't',
    });
    expect(messageForLogEntry(access, 3, 4, 't')).toBeUndefined();
    expect(messageForLogEntry(Buffer.from('not json'), 3, 4, 't')).toBeUndefined();
  });

  it('report an erasure request by ids and times, never its message or answer', () => {
    const m = messageForErasure(
      { id: 'r1', subject: pseudonym, status: 'received', receivedAt: 'a', deadline: 'b' },
      'now',
    );
    expect(m).toMatchObject({ id: 'msg_request_r1_received', eventType: 'erasure' });
    expect(Object.keys(JSON.parse(m.body).data).sort()).toEqual([
      'deadline',
      'received_at',
      'request_id',
      'status',
      'subject',
    ]);
  });

  it('name the models a decision reaches, keyed like the decision, with an id per decision', () => {
    const message = messageForModelImpact(
      {
        subject: pseudonym,
        purpose: 'ai_training',
        log_index: 41,
        models: [{ name: 'org/llm', version: '2', build_ids: ['b1', 'b2'] }],
      },
      42,
      '2026-12-01T00:00:01.000Z',
    );
    expect(message).toMatchObject({
      id: 'msg_model_impact_41',
      eventType: 'model_impact',
      orderKey: `subject:${pseudonym}`,
    });
    expect(JSON.parse(message.body)).toEqual({
      type: 'model_impact.detected',
      timestamp: '2026-12-01T00:00:01.000Z',
      data: {
        log_index: 41,
        checkpoint_size: 42,
        subject: pseudonym,
        purpose: 'ai_training',
        models: [{ name: 'org/llm', version: '2', build_ids: ['b1', 'b2'] }],
      },
    });
  });

  it('read event type lists strictly, model_impact included', () => {
    expect(parseEventTypes('build, consent')).toEqual({ ok: true, value: ['consent', 'build'] });
    expect(parseEventTypes('model_impact')).toEqual({ ok: true, value: ['model_impact'] });
    expect(parseEventTypes('consent,consent')).toMatchObject({ ok: false });
    expect(parseEventTypes('consent,')).toMatchObject({
      ok: false,
      error: expect.stringContaining('event type 2'),
    });
  });
});
