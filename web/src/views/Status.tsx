import { useCallback, useEffect, useRef, useState } from 'react';
import {
  api,
  type ConsentState,
  type EventAction,
  type Me,
  PURPOSES,
  type Purpose,
  type PurposeStatus,
  type Receipt,
} from '../api';
import { ErrorAlert, errorText, Link, LiveStatus, Loading, PageHeading } from '../components';
import { labelFor, receiptMeaning, useI18n } from '../i18n';
import { ReceiptDownloads } from './ReceiptDownloads';

const STATE_ICON: Record<ConsentState, string> = { objected: '✕', consented: '✓', none: '–' };

interface Confirmation {
  purpose: Purpose;
  receipt: Receipt;
}

export function StatusView() {
  const { t } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(() => {
    setLoadError(null);
    api.me().then(setMe, setLoadError);
  }, []);

  useEffect(load, [load]);

  const update = (purpose: Purpose, state: ConsentState, receipt: Receipt) => {
    setMe((prev) => {
      if (prev === null) return prev;
      const list = prev.purposes;
      const next: PurposeStatus = { purpose, state, since: receipt.at, receipt };
      const found = list.some((p) => p.purpose === purpose);
      return {
        ...prev,
        purposes: found ? list.map((p) => (p.purpose === purpose ? next : p)) : [...list, next],
      };
    });
  };

  return (
    <>
      <PageHeading title={t.statusTitle}>{t.statusTitle}</PageHeading>
      <p className="lead">{t.statusIntro}</p>
      {loadError !== null ? (
        <ErrorAlert message={errorText(loadError, t)}>
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </ErrorAlert>
      ) : me === null ? (
        <Loading />
      ) : (
        <>
          <Coverage me={me} />
          {PURPOSES.map((purpose) => (
            <PurposeCard
              key={purpose}
              status={
                me.purposes.find((p) => p.purpose === purpose) ?? {
                  purpose,
                  state: 'none',
                  since: null,
                  receipt: null,
                }
              }
              onRecorded={update}
            />
          ))}
        </>
      )}
    </>
  );
}

/** Who a decision covers: the identity signed in with and every identity linked to it. */
function Coverage({ me }: { me: Me }) {
  const { t } = useI18n();
  const names = me.identities.map((i) => t.identityName(i.kind, i.platform, i.current));
  const emailAlone = me.signed_in_by === 'email' && me.identities.length === 1;
  return (
    <section className="card" data-testid="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t.coveredTitle}</h2>
      <p>{t.signedInBy[me.signed_in_by]}</p>
      <p data-testid="covered-identities" data-count={me.identities.length}>
        {t.coveredList(names)}
      </p>
      {emailAlone && <p data-testid="email-alone">{t.emailAlone}</p>}
    </section>
  );
}

function PurposeCard({
  status,
  onRecorded,
}: {
  status: PurposeStatus;
  onRecorded: (purpose: Purpose, state: ConsentState, receipt: Receipt) => void;
}) {
  const { t, lang, dateTime } = useI18n();
  const { purpose, state, since, receipt } = status;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const headingId = `purpose-${purpose}`;

  useEffect(() => {
    if (confirmation) confirmRef.current?.focus();
  }, [confirmation]);

  const act = async (action: EventAction) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setConfirmation(null);
    try {
      const result = await api.recordEvent(purpose, action);
      onRecorded(purpose, result.state, result.receipt);
      setConfirmation({ purpose, receipt: result.receipt });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const actions: { action: EventAction; label: string; testId?: string }[] = [];
  if (state !== 'objected') {
    actions.push({
      action: 'object',
      label: labelFor(t.actionObject, purpose),
      testId: `object-${purpose}`,
    });
  } else {
    actions.push({ action: 'revoke_objection', label: labelFor(t.actionRevoke, purpose) });
  }
  if (purpose === 'ai_training') {
    if (state === 'consented')
      actions.push({ action: 'withdraw_consent', label: t.actionWithdraw });
    else actions.push({ action: 'consent', label: t.actionConsent });
  }

  return (
    <section className="card">
      <h2 id={headingId}>{labelFor(t.purposeName, purpose)}</h2>
      <p>{labelFor(t.purposeExplain, purpose)}</p>
      <p className={`state state-${state}`}>
        <span className="visually-hidden">{t.currentState} </span>
        <span className="state-icon" aria-hidden="true">
          {STATE_ICON[state]}
        </span>{' '}
        <strong data-testid={`state-${purpose}`} data-state={state}>
          {t.stateText[state]}
        </strong>
        {since && <span className="since"> {t.stateSince(dateTime(since))}</span>}
      </p>
      {receipt && !confirmation && (
        <p>
          <Link to={`/receipt/${receipt.index}`}>{t.viewReceipt}</Link>
        </p>
      )}

      <div className="button-row">
        {actions.map(({ action, label, testId }) => (
          <button
            key={action}
            type="button"
            className={action === 'object' ? undefined : 'secondary'}
            onClick={() => void act(action)}
            aria-disabled={busy || undefined}
            data-testid={testId}
          >
            {label}
          </button>
        ))}
      </div>
      <LiveStatus message={busy ? t.saving : ''} />
      {error !== null && <ErrorAlert message={errorText(error, t)} />}

      {confirmation && (
        <div className="confirmation">
          <h3 ref={confirmRef} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t.confirmTitle}
          </h3>
          <p>
            {receiptMeaning(lang, confirmation.receipt)}{' '}
            <span className="since">({dateTime(confirmation.receipt.at)})</span>
          </p>
          <p>{t.confirmReceiptIndex(confirmation.receipt.index)}</p>
          <p>
            <Link to={`/receipt/${confirmation.receipt.index}`}>{t.openReceipt}</Link>
          </p>
          <ReceiptDownloads index={confirmation.receipt.index} />
        </div>
      )}
    </section>
  );
}
