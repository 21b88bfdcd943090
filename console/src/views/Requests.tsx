// The privacy officer's request queue: open access and erasure requests, nearest deadline first,
// each with its actions — assign to me, answer (closing it or not), the access report (with a
// JSON download) and, for erasure requests, carrying out the erasure after a confirmation.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  api,
  type ErasureResult,
  REQUEST_ANSWER_STATUSES,
  type RequestAccessReport,
  type RequestAnswerStatus,
  type SubjectRequest,
} from '../api';
import { ErrorAlert, LiveStatus, Loading, PageHeading, useAction, useMe } from '../components';
import { useI18n } from '../i18n';

export function RequestsView() {
  const { t } = useI18n();
  const [requests, setRequests] = useState<SubjectRequest[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.requests().then((page) => {
      setRequests(page.requests);
      setCursor(page.next_cursor);
    }, setError);
  }, []);
  useEffect(load, [load]);

  const more = () => {
    if (!cursor) return;
    api.requests(cursor).then((page) => {
      setRequests((list) => [...(list ?? []), ...page.requests]);
      setCursor(page.next_cursor);
    }, setError);
  };

  /** A changed request stays in the list while open and leaves it once closed. */
  const changed = (updated: SubjectRequest, message: string) => {
    const open = updated.status === 'received' || updated.status === 'in_progress';
    setRequests(
      (list) => list?.flatMap((r) => (r.id !== updated.id ? [r] : open ? [updated] : [])) ?? null,
    );
    setStatus(message);
  };

  return (
    <>
      <PageHeading>{t.requestsTitle}</PageHeading>
      <p>{t.requestsIntro}</p>
      <LiveStatus message={status} testId="requests-status" />
      {error !== null && <ErrorAlert error={error} />}
      {requests === null ? (
        error === null && <Loading />
      ) : requests.length === 0 ? (
        <p data-testid="no-requests">{t.noRequests}</p>
      ) : (
        <ol className="request-list" data-testid="requests-list">
          {requests.map((r) => (
            <RequestCard key={r.id} request={r} onChanged={changed} />
          ))}
        </ol>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={more} data-testid="more-requests">
          {t.moreRequests}
        </button>
      )}
    </>
  );
}

function RequestCard({
  request: r,
  onChanged,
}: {
  request: SubjectRequest;
  onChanged: (updated: SubjectRequest, message: string) => void;
}) {
  const { t, dateTime, date } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState<'answer' | 'report' | 'erase' | null>(null);
  const { busy, error, run } = useAction();
  const overdue = Date.parse(r.deadline) < Date.now();

  const assign = () => run(async () => onChanged(await api.assignRequest(r.id), t.assigned));

  return (
    <li className="card" data-testid={`request-${r.id}`}>
      <h2>
        {t.requestKind[r.kind]} · {t.requestStatus[r.status]}
      </h2>
      <dl className="facts">
        <dt>{t.colReceived}</dt>
        <dd>{dateTime(r.received_at)}</dd>
        <dt>{t.colDeadline}</dt>
        <dd data-testid="request-deadline">
          {date(r.deadline)}
          {overdue && <strong> ({t.overdue})</strong>}
        </dd>
        <dt>{t.colAssignee}</dt>
        <dd data-testid="request-assignee">
          {r.assignee === null ? (
            t.nobody
          ) : r.assignee === me.id ? (
            t.you
          ) : (
            <code>{r.assignee}</code>
          )}
        </dd>
        {r.message && (
          <>
            <dt>{t.colMessage}</dt>
            <dd className="break">{r.message}</dd>
          </>
        )}
        {r.notify_by_email && (
          <>
            <dt>{t.byMail}</dt>
            <dd>✓</dd>
          </>
        )}
      </dl>
      <div className="button-row">
        {r.assignee !== me.id && (
          <button
            type="button"
            className="small secondary"
            aria-disabled={busy || undefined}
            onClick={() => void assign()}
            data-testid="assign-to-me"
          >
            {t.assignToMe}
          </button>
        )}
        <button
          type="button"
          className="small secondary"
          aria-expanded={open === 'answer'}
          onClick={() => setOpen(open === 'answer' ? null : 'answer')}
          data-testid="answer-request"
        >
          {t.answerRequest}
        </button>
        <button
          type="button"
          className="small secondary"
          aria-expanded={open === 'report'}
          onClick={() => setOpen(open === 'report' ? null : 'report')}
          data-testid="access-report"
        >
          {t.accessReport}
        </button>
        {r.kind === 'erasure' && (
          <button
            type="button"
            className="small secondary"
            aria-expanded={open === 'erase'}
            onClick={() => setOpen(open === 'erase' ? null : 'erase')}
            data-testid="erase-request"
          >
            {t.erase}
          </button>
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {open === 'answer' && <AnswerRequest id={r.id} onChanged={onChanged} />}
      {open === 'report' && <ReportSummary id={r.id} />}
      {open === 'erase' && <EraseRequest id={r.id} onChanged={onChanged} />}
    </li>
  );
}

function AnswerRequest({
  id,
  onChanged,
}: {
  id: string;
  onChanged: (updated: SubjectRequest, message: string) => void;
}) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const [status, setStatus] = useState<RequestAnswerStatus>('answered');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer.trim()) return;
    void run(async () => {
      const updated = await api.answerRequest(id, status, answer.trim());
      onChanged(updated, status === 'in_progress' ? t.interimSent : t.answerSent);
    });
  };

  return (
    <form onSubmit={submit} data-testid="answer-form">
      <div className="field">
        <label htmlFor={`answer-${id}`}>{t.answerText}</label>
        <textarea
          id={`answer-${id}`}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          maxLength={20_000}
          rows={5}
          required
          data-testid="answer-text"
        />
      </div>
      <fieldset>
        <legend>{t.answerStatus}</legend>
        {REQUEST_ANSWER_STATUSES.map((s) => (
          <label className="check" key={s}>
            <input
              type="radio"
              name={`answer-status-${id}`}
              checked={status === s}
              onChange={() => setStatus(s)}
              data-testid={`answer-status-${s}`}
            />
            {t.answerStatuses[s]}
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" aria-disabled={busy || undefined} data-testid="send-answer">
        {t.sendAnswer}
      </button>
    </form>
  );
}

function ReportSummary({ id }: { id: string }) {
  const { t } = useI18n();
  const [report, setReport] = useState<RequestAccessReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [href, setHref] = useState<string | null>(null);

  useEffect(() => {
    api.requestAccessReport(id).then(setReport, setError);
  }, [id]);
  // The download is the report already fetched, as a file: no second request, no token in a URL.
  useEffect(() => {
    if (!report) return;
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }),
    );
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [report]);

  if (error !== null) return <ErrorAlert error={error} />;
  if (!report) return <Loading />;
  return (
    <div data-testid="report-summary">
      <p>
        {t.reportSummary(
          report.decisions.length,
          report.builds.length,
          report.review.items?.length ?? 0,
          report.review.accesses?.length ?? 0,
        )}
      </p>
      {href && (
        <a
          href={href}
          download={`obhut-access-report-${report.generated_at.slice(0, 10)}.json`}
          data-testid="download-report"
        >
          {t.downloadReport}
        </a>
      )}
    </div>
  );
}

function EraseRequest({
  id,
  onChanged,
}: {
  id: string;
  onChanged: (updated: SubjectRequest, message: string) => void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState<ErasureResult | null>(null);
  const { busy, error, run } = useAction();

  const erase = () =>
    run(async () => {
      const done = await api.eraseRequest(id);
      setResult(done);
      if (!done.outcome.done) onChanged(done.request, t.erasureIncomplete);
    });

  if (result) {
    return (
      <div data-testid="erasure-outcome">
        <ul>
          {result.outcome.steps.map((s) => (
            <li key={s.step}>
              {s.ok ? '✓' : '✗'} {s.step}: {s.detail}
            </li>
          ))}
        </ul>
        {result.outcome.builds_still_containing.length > 0 && (
          <>
            <p>{t.stillContaining}</p>
            <ul>
              {result.outcome.builds_still_containing.map((b) => (
                <li key={b.build_id}>
                  <code>{b.build_id}</code> ({b.purpose})
                </li>
              ))}
            </ul>
          </>
        )}
        {result.outcome.done && (
          <button
            type="button"
            className="small"
            onClick={() => onChanged(result.request, t.erasureDone)}
            data-testid="erasure-close"
          >
            {t.close}
          </button>
        )}
      </div>
    );
  }
  return (
    <div data-testid="erase-confirm">
      <p>{t.confirmErase}</p>
      {error !== null && <ErrorAlert error={error} />}
      <button
        type="button"
        className="small"
        aria-disabled={busy || undefined}
        onClick={() => void erase()}
        data-testid="confirm-erase"
      >
        {t.eraseNow}
      </button>
    </div>
  );
}
