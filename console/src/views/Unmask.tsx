import { type FormEvent, useState } from 'react';
import { api, type UnmaskRequest } from '../api';
import { ErrorAlert, PageHeading, useAction, useMe } from '../components';
import { labelFor, useI18n } from '../i18n';

type Identity = { platform: string; account: string };

export function UnmaskView() {
  const { t } = useI18n();
  const me = useMe();
  const [taskId, setTaskId] = useState(
    () => new URLSearchParams(window.location.search).get('task') ?? '',
  );
  const [justification, setJustification] = useState('');
  const [requestId, setRequestId] = useState('');
  const [request, setRequest] = useState<UnmaskRequest | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const { busy, error, run } = useAction();

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.requestUnmask(taskId.trim(), justification.trim());
      setRequest(created);
      setIdentity(null);
      setRequestId(created.id);
    });
  };

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const found = await api.unmask(requestId.trim());
      setRequest(found.request);
      setIdentity(found.identity ?? null);
    });
  };

  const approve = () =>
    void run(async () => {
      setRequest(await api.approveUnmask(requestId.trim()));
    });

  return (
    <>
      <PageHeading>{t.unmaskTitle}</PageHeading>
      <p className="alert alert-warning">{t.unmaskIntro}</p>

      {me.role === 'trust_safety' && (
        <form className="card" onSubmit={create}>
          <h2>{t.unmaskNewTitle}</h2>
          <div className="field">
            <label htmlFor="unmask-task">{t.unmaskTask}</label>
            <input
              id="unmask-task"
              type="text"
              value={taskId}
              onChange={(e) => setTaskId(e.target.value)}
              spellCheck={false}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="unmask-justification">{t.justification}</label>
            <textarea
              id="unmask-justification"
              rows={4}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              required
            />
          </div>
          <button type="submit" aria-disabled={busy || undefined}>
            {t.sendRequest}
          </button>
        </form>
      )}

      <form className="card" onSubmit={lookUp}>
        <h2>{t.unmaskLookupTitle}</h2>
        <div className="field">
          <label htmlFor="unmask-id">{t.requestId}</label>
          <input
            id="unmask-id"
            type="text"
            value={requestId}
            onChange={(e) => setRequestId(e.target.value)}
            spellCheck={false}
            required
          />
        </div>
        <div className="button-row">
          <button type="submit" aria-disabled={busy || undefined}>
            {t.lookUp}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={approve}
            aria-disabled={busy || !requestId.trim() || undefined}
          >
            {t.approve}
          </button>
        </div>
      </form>

      {error !== null && <ErrorAlert error={error} />}

      {request && (
        <section className="card" aria-live="polite">
          <h2>
            {t.requestId} <code>{request.id}</code>
          </h2>
          <dl className="facts">
            <dt>{t.status}</dt>
            <dd>{labelFor(t.unmaskStatus, request.status)}</dd>
            <dt>{t.unmaskTask}</dt>
            <dd>
              <code>{request.task_id}</code>
            </dd>
            <dt>{t.requestedBy}</dt>
            <dd>
              <code>{request.requested_by}</code>
            </dd>
            <dt>{t.approvals}</dt>
            <dd>{request.approvals.length > 0 ? request.approvals.join(', ') : '–'}</dd>
            {request.expires_at && (
              <>
                <dt>{t.expiresAt}</dt>
                <dd>{request.expires_at}</dd>
              </>
            )}
            {identity && (
              <>
                <dt>{t.identity}</dt>
                <dd data-testid="identity">
                  {identity.platform} / {identity.account}
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}
