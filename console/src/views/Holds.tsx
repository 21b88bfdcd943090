// Legal holds (privacy officer, admin): the active holds, placing one on an item or on a person
// (platform and account, pseudonymised by the server), and releasing one after a confirmation.
import { type FormEvent, useCallback, useState } from 'react';
import { api, HOLD_STATES, type HoldState, type HoldTarget, type LegalHold } from '../api';
import { ErrorAlert, LiveStatus, Loading, PageHeading, useAction } from '../components';
import { useI18n } from '../i18n';
import { usePagedList } from '../paging';

export function HoldsView() {
  const { t, dateTime } = useI18n();
  const [state, setState] = useState<HoldState>('active');
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const fetchPage = useCallback(
    (cursor?: string) =>
      api
        .holds({ state, ...(cursor ? { cursor } : {}) })
        .then((r) => ({ rows: r.holds, next: r.next_cursor })),
    [state],
  );
  const {
    rows: holds,
    setRows: setHolds,
    next,
    more,
    error,
    setError,
  } = usePagedList<LegalHold>(fetchPage);

  const release = async (id: string) => {
    setError(null);
    setStatus(null);
    try {
      await api.releaseHold(id);
      setConfirming(null);
      // Under "active" a released hold leaves the list; otherwise it stays, marked released.
      const releasedAt = new Date().toISOString();
      setHolds(
        (list) =>
          list?.flatMap((h) =>
            h.id !== id ? [h] : state === 'active' ? [] : [{ ...h, released_at: releasedAt }],
          ) ?? null,
      );
      setStatus(t.holdReleased);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeading>{t.holdsTitle}</PageHeading>
      <p>{t.holdsIntro}</p>
      <PlaceHold
        onPlaced={(hold) => {
          if (state !== 'released') setHolds((list) => [hold, ...(list ?? [])]);
          setStatus(t.holdPlaced);
        }}
      />
      <LiveStatus message={status} testId="holds-status" />
      <div className="filters">
        <div className="field">
          <label htmlFor="hold-filter-state">{t.holdStateLabel}</label>
          <select
            id="hold-filter-state"
            value={state}
            onChange={(e) => setState(e.target.value as HoldState)}
          >
            {HOLD_STATES.map((s) => (
              <option key={s} value={s}>
                {t.holdStates[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {holds === null ? (
        error === null && <Loading />
      ) : holds.length === 0 ? (
        <p data-testid="no-holds">{t.noHolds}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="holds-table">
            <thead>
              <tr>
                <th scope="col">{t.colCovers}</th>
                <th scope="col">{t.colReason}</th>
                <th scope="col">{t.colPlacedBy}</th>
                <th scope="col">{t.colPlacedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.releaseHold}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.map((h) => (
                <tr key={h.id} data-testid={`hold-${h.id}`}>
                  <td>
                    {h.item_id ? t.holdItem : t.holdSubject}:{' '}
                    <code className="break">{h.item_id ?? h.subject}</code>
                  </td>
                  <td>{h.reason}</td>
                  <td>
                    <code>{h.created_by}</code>
                  </td>
                  <td>{dateTime(h.created_at)}</td>
                  <td>
                    {h.released_at !== undefined ? (
                      <span data-testid="hold-released">
                        {t.holdStates.released} {dateTime(h.released_at)}
                      </span>
                    ) : confirming === h.id ? (
                      <span className="button-row">
                        <button
                          type="button"
                          className="small"
                          onClick={() => void release(h.id)}
                          data-testid="confirm-release"
                        >
                          {t.confirmRelease}
                        </button>
                        <button
                          type="button"
                          className="small secondary"
                          onClick={() => setConfirming(null)}
                        >
                          {t.cancel}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="small secondary"
                        onClick={() => setConfirming(h.id)}
                        data-testid="release-hold"
                      >
                        {t.releaseHold}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="secondary" onClick={more} data-testid="more-holds">
          {t.moreRequests}
        </button>
      )}
    </>
  );
}

function PlaceHold({ onPlaced }: { onPlaced: (hold: LegalHold) => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState<'item' | 'subject'>('item');
  const [itemId, setItemId] = useState('');
  const [platform, setPlatform] = useState('');
  const [account, setAccount] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target: HoldTarget | null =
      on === 'item'
        ? itemId.trim()
          ? { item_id: itemId.trim() }
          : null
        : platform.trim() && account.trim()
          ? { subject_platform: platform.trim(), subject_account: account.trim() }
          : null;
    if (!target || !reason.trim()) return;
    void run(async () => {
      onPlaced(await api.placeHold(target, reason.trim()));
      setItemId('');
      setPlatform('');
      setAccount('');
      setReason('');
    });
  };

  return (
    <form className="card" onSubmit={submit} data-testid="hold-form">
      <h2>{t.holdPlaceTitle}</h2>
      <fieldset>
        <legend>{t.holdOn}</legend>
        <label className="check">
          <input
            type="radio"
            name="hold-on"
            checked={on === 'item'}
            onChange={() => setOn('item')}
            data-testid="hold-on-item"
          />
          {t.holdOnItem}
        </label>
        <label className="check">
          <input
            type="radio"
            name="hold-on"
            checked={on === 'subject'}
            onChange={() => setOn('subject')}
            data-testid="hold-on-subject"
          />
          {t.holdOnSubject}
        </label>
      </fieldset>
      {on === 'item' ? (
        <div className="field">
          <label htmlFor="hold-item">{t.itemId}</label>
          <input
            id="hold-item"
            type="text"
            value={itemId}
            onChange={(e) => setItemId(e.target.value)}
            pattern="ri_[0-9a-f]{32}"
            aria-describedby="hold-item-hint"
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="hold-item"
          />
          <p id="hold-item-hint" className="note">
            {t.itemIdHint}
          </p>
        </div>
      ) : (
        <>
          <p className="note" id="hold-subject-hint">
            {t.subjectHint}
          </p>
          <div className="field">
            <label htmlFor="hold-platform">{t.platform}</label>
            <input
              id="hold-platform"
              type="text"
              value={platform}
              onChange={(e) => setPlatform(e.target.value)}
              aria-describedby="hold-subject-hint"
              autoComplete="off"
              spellCheck={false}
              required
              data-testid="hold-platform"
            />
          </div>
          <div className="field">
            <label htmlFor="hold-account">{t.account}</label>
            <input
              id="hold-account"
              type="text"
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              aria-describedby="hold-subject-hint"
              autoComplete="off"
              spellCheck={false}
              required
              data-testid="hold-account"
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="hold-reason">{t.holdReason}</label>
        <input
          id="hold-reason"
          type="text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          required
          data-testid="hold-reason"
        />
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" aria-disabled={busy || undefined} data-testid="place-hold">
        {t.placeHold}
      </button>
    </form>
  );
}
