import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api, type DataRequest, type RequestKind } from '../api';
import {
  describedBy,
  ErrorAlert,
  errorText,
  FieldError,
  fieldErrorTexts,
  LiveStatus,
  Loading,
  PageHeading,
} from '../components';
import { labelFor, useI18n } from '../i18n';
import { AccessReportSection } from './AccessReport';

const MAX_MESSAGE = 2000;

export function RequestsView() {
  const { t, date } = useI18n();
  const [requests, setRequests] = useState<DataRequest[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(() => {
    setLoadError(null);
    api.requests().then((res) => setRequests(res.requests), setLoadError);
  }, []);

  useEffect(load, [load]);

  const added = (request: DataRequest) => {
    setRequests((prev) => [request, ...(prev ?? []).filter((r) => r.id !== request.id)]);
  };

  return (
    <>
      <PageHeading title={t.requestsTitle}>{t.requestsTitle}</PageHeading>
      <p className="lead">{t.requestsIntro}</p>

      <AccessReportSection />

      <NewRequest onCreated={added} />

      <section>
        <h2 id="list-heading">{t.yourRequestsTitle}</h2>
        {loadError !== null ? (
          <ErrorAlert message={errorText(loadError, t)}>
            <button type="button" onClick={load}>
              {t.retry}
            </button>
          </ErrorAlert>
        ) : requests === null ? (
          <Loading />
        ) : requests.length === 0 ? (
          <p className="note">{t.requestsEmpty}</p>
        ) : (
          <ul className="request-list">
            {requests.map((r) => (
              <li key={r.id} className="card">
                <h3>{labelFor(t.kindName, r.kind)}</h3>
                <dl className="facts">
                  <dt>{t.fieldStatus}</dt>
                  <dd>
                    <span className={`tag tag-${r.status}`}>
                      {labelFor(t.requestStatus, r.status)}
                    </span>
                  </dd>
                  <dt>{t.fieldReceived}</dt>
                  <dd>
                    <time dateTime={r.received_at}>{date(r.received_at)}</time>
                  </dd>
                  <dt>{t.fieldDeadline}</dt>
                  <dd>
                    <time dateTime={r.deadline}>{date(r.deadline)}</time>
                  </dd>
                  <dt>{t.fieldAnswer}</dt>
                  <dd>{r.answer ? <p className="answer">{r.answer}</p> : t.noAnswer}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function NewRequest({ onCreated }: { onCreated: (request: DataRequest) => void }) {
  const { t, date } = useI18n();
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState('');
  const firstRadio = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSent('');
    setError(null);
    const text = message.trim();
    const local: Record<string, string> = {};
    if (!kind) local.kind = t.kindMissing;
    if (text.length > MAX_MESSAGE) local.message = t.messageTooLong;
    setFieldErrors(local);
    if (!kind || local.message) {
      (local.kind ? firstRadio : messageRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.createRequest(kind, text || undefined);
      onCreated(created);
      setSent(t.requestSent(date(created.received_at), date(created.deadline)));
      setKind(null);
      setMessage('');
    } catch (err) {
      setError(errorText(err, t));
      const fields = fieldErrorTexts(err, t);
      setFieldErrors(fields);
      if (fields.kind) firstRadio.current?.focus();
      else if (fields.message) messageRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const left = MAX_MESSAGE - message.length;

  return (
    <section className="panel">
      <h2 id="new-heading">{t.newRequestTitle}</h2>
      <form onSubmit={onSubmit} noValidate>
        {error && <ErrorAlert message={error} />}
        <fieldset aria-describedby={describedBy(fieldErrors.kind && 'kind-error')}>
          <legend>{t.kindLegend}</legend>
          <FieldError id="kind-error" message={fieldErrors.kind} />
          <div className="radio">
            <input
              ref={firstRadio}
              type="radio"
              id="kind-access"
              name="kind"
              value="access"
              checked={kind === 'access'}
              aria-invalid={fieldErrors.kind ? true : undefined}
              onChange={() => setKind('access')}
            />
            <label htmlFor="kind-access">{t.kindAccess}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="kind-erasure"
              name="kind"
              value="erasure"
              checked={kind === 'erasure'}
              aria-invalid={fieldErrors.kind ? true : undefined}
              onChange={() => setKind('erasure')}
            />
            <label htmlFor="kind-erasure">{t.kindErasure}</label>
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor="message">{t.messageLabel}</label>
          <p id="message-hint" className="hint">
            {t.messageHint(left)}
          </p>
          <textarea
            ref={messageRef}
            id="message"
            name="message"
            rows={5}
            maxLength={MAX_MESSAGE}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-invalid={fieldErrors.message ? true : undefined}
            aria-describedby={describedBy('message-hint', fieldErrors.message && 'message-error')}
          />
          <FieldError id="message-error" message={fieldErrors.message} />
        </div>

        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? t.sendingRequest : t.sendRequest}
        </button>
        <LiveStatus message={sent} className="status-note success" />
      </form>
    </section>
  );
}
