import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  api,
  FLAG_CATEGORIES,
  FLAG_OUTCOMES,
  FLAG_STATUSES,
  type FlagCategory,
  type FlaggedTask,
  type FlagOutcome,
  type FlagStatus,
  type FlagSummary,
  type Reveal,
} from '../api';
import {
  ErrorAlert,
  Link,
  LiveStatus,
  Loading,
  PageHeading,
  useAction,
  useMe,
  Watermark,
} from '../components';
import { labelFor, useI18n } from '../i18n';
import { usePagedList } from '../paging';
import { usePrefs } from '../prefs';
import { Redacted, taskText } from './Task';

export function FlagsView() {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<FlagStatus | ''>('');
  const [category, setCategory] = useState<FlagCategory | ''>('');
  const fetchPage = useCallback(
    (cursor?: string) =>
      api
        .flags({
          ...(status ? { status } : {}),
          ...(category ? { category } : {}),
          ...(cursor ? { cursor } : {}),
        })
        .then((r) => ({ rows: r.flags, next: r.next_cursor })),
    [status, category],
  );
  const { rows: flags, next, more, reload: load, error } = usePagedList(fetchPage);

  return (
    <>
      <PageHeading>{t.flagsTitle}</PageHeading>
      <div className="filters" data-testid="flag-filters">
        <div className="field">
          <label htmlFor="flag-filter-status">{t.flagColStatus}</label>
          <select
            id="flag-filter-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as FlagStatus | '')}
          >
            <option value="">{t.filterAll}</option>
            {FLAG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labelFor(t.flagStatus, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="flag-filter-category">{t.flagColCategory}</label>
          <select
            id="flag-filter-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as FlagCategory | '')}
          >
            <option value="">{t.filterAll}</option>
            {FLAG_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {labelFor(t.flagCategories, c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null ? (
        <ErrorAlert error={error} />
      ) : flags === null ? (
        <Loading />
      ) : flags.length === 0 ? (
        <p>{t.flagsEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="flags-table">
            <thead>
              <tr>
                <th scope="col">{t.flagColCreated}</th>
                <th scope="col">{t.flagColCategory}</th>
                <th scope="col">{t.flagColStatus}</th>
                <th scope="col">{t.flagColNote}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id}>
                  <td>{dateTime(f.created_at)}</td>
                  <td>{labelFor(t.flagCategories, f.category)}</td>
                  <td>{labelFor(t.flagStatus, f.status)}</td>
                  <td className="break">{f.note ?? ''}</td>
                  <td>
                    <Link to={`/flags/${f.id}`}>{t.open}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="secondary" onClick={more} data-testid="more-flags">
          {t.moreRequests}
        </button>
      )}
      <button type="button" className="secondary" onClick={load}>
        {t.refresh}
      </button>
    </>
  );
}

export function FlagDetailView({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [prefs] = usePrefs(me.id);
  const [detail, setDetail] = useState<{ flag: FlagSummary; task: FlaggedTask } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const { busy: revealBusy, error: revealError, run: runReveal } = useAction();
  const [resolved, setResolved] = useState(false);

  useEffect(() => {
    api.flagDetail(id).then(setDetail, setError);
  }, [id]);

  const doReveal = () =>
    runReveal(async () => {
      setReveal(await api.reveal(id));
    });

  if (error !== null)
    return (
      <>
        <PageHeading>{t.flagDetailTitle}</PageHeading>
        <ErrorAlert error={error} />
      </>
    );
  if (!detail) return <Loading />;
  const { flag, task } = detail;
  const text = taskText(task);

  return (
    <div className="task-area">
      <Watermark staffId={me.id} />
      <PageHeading>{t.flagDetailTitle}</PageHeading>
      <dl className="facts">
        <dt>{t.flagColCategory}</dt>
        <dd>{labelFor(t.flagCategories, flag.category)}</dd>
        <dt>{t.flagColStatus}</dt>
        <dd data-testid="flag-status">{labelFor(t.flagStatus, flag.status)}</dd>
        <dt>{t.flagColCreated}</dt>
        <dd>{dateTime(flag.created_at)}</dd>
        <dt>{t.taskId}</dt>
        <dd>
          <code>{flag.task_id}</code>
        </dd>
        {flag.note && (
          <>
            <dt>{t.flagColNote}</dt>
            <dd className="break">{flag.note}</dd>
          </>
        )}
      </dl>

      <section className="card">
        <h2>{t.redactedContent}</h2>
        {text ? (
          <p className="transcript">
            <Redacted text={text} />
          </p>
        ) : (
          <p className="note">{t.noText}</p>
        )}
      </section>

      <section className="card" aria-labelledby="reveal-heading">
        <h2 id="reveal-heading">{t.revealTitle}</h2>
        <p className="alert alert-warning">{t.revealExplain}</p>
        {!reveal && (
          <button
            type="button"
            onClick={() => void doReveal()}
            aria-disabled={revealBusy || undefined}
            data-testid="reveal"
          >
            {revealBusy ? t.revealing : t.reveal}
          </button>
        )}
        {revealError !== null && <ErrorAlert error={revealError} />}
        {reveal && (
          <div data-testid="revealed">
            <dl className="facts">
              {Object.entries(reveal.provenance).map(([k, v]) => (
                <div className="fact-row" key={k}>
                  <dt>{labelFor(t.provenanceFields, k)}</dt>
                  <dd className="break">{k.endsWith('_at') ? dateTime(String(v)) : String(v)}</dd>
                </div>
              ))}
            </dl>
            {reveal.raw_text && (
              <>
                <h3>{t.rawText}</h3>
                <p className="transcript">{reveal.raw_text}</p>
              </>
            )}
            {reveal.raw_audio_url && (
              // biome-ignore lint/a11y/useMediaCaption: the unredacted text is shown above
              <audio
                src={reveal.raw_audio_url}
                controls
                controlsList="nodownload noplaybackrate"
                preload="none"
                onContextMenu={(e) => e.preventDefault()}
                ref={(el) => {
                  if (el) {
                    el.volume = prefs.volume;
                    el.muted = prefs.muted;
                  }
                }}
              />
            )}
          </div>
        )}
        {task.id && (
          <p>
            <Link to={`/unmask?task=${encodeURIComponent(flag.task_id)}`}>{t.requestUnmask}</Link>
          </p>
        )}
      </section>

      {flag.status === 'open' && (
        <Resolve
          id={id}
          onResolved={(f) => {
            setDetail({ flag: f, task });
            setResolved(true);
          }}
        />
      )}
      {/* Outside the form, which goes once the flag is resolved, so the confirmation stays. */}
      <LiveStatus message={resolved ? t.resolved : null} testId="resolve-status" />
    </div>
  );
}

function Resolve({ id, onResolved }: { id: string; onResolved: (flag: FlagSummary) => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<FlagOutcome>('no_action');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onResolved(await api.resolveFlag(id, outcome, note.trim() || undefined));
    });
  };

  return (
    <section className="card" aria-labelledby="resolve-heading">
      <h2 id="resolve-heading">{t.resolveTitle}</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t.outcome}</legend>
          {FLAG_OUTCOMES.map((o) => (
            <div className="radio" key={o}>
              <input
                id={`outcome-${o}`}
                type="radio"
                name="outcome"
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              <label htmlFor={`outcome-${o}`}>{t.outcomes[o]}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="resolve-note">{t.resolveNote}</label>
          <textarea
            id="resolve-note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {error !== null && <ErrorAlert error={error} />}
        <button type="submit" aria-disabled={busy || undefined} data-testid="resolve">
          {t.resolve}
        </button>
      </form>
    </section>
  );
}
