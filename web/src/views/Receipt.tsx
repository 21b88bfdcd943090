import { useCallback, useEffect, useState } from 'react';
import { api, type Config, type Receipt, receiptFileName } from '../api';
import { ErrorAlert, errorText, Link, Loading, PageHeading } from '../components';
import { labelFor, receiptMeaning, useI18n } from '../i18n';
import { ReceiptDownloads } from './ReceiptDownloads';

export function ReceiptView({ index, config }: { index: number; config: Config | null }) {
  const { t, lang, dateTime } = useI18n();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    api.receipt(index).then(setReceipt, setError);
  }, [index]);

  useEffect(load, [load]);

  const title = t.receiptTitle(index);
  // The key to verify with: the one this service publishes; the receipt's own key as fallback.
  const key = config?.verifier_key || receipt?.verifier_key || '';
  const keyMismatch = Boolean(
    config?.verifier_key && receipt?.verifier_key && config.verifier_key !== receipt.verifier_key,
  );
  const command = `obhut verify ${receiptFileName(index, 'json')} --key '${key}'`;

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {error !== null ? (
        <ErrorAlert message={errorText(error, t)}>
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </ErrorAlert>
      ) : receipt === null ? (
        <Loading />
      ) : (
        <>
          <p className="print-only">
            {t.appName} · <code>{receipt.log_origin}</code>
          </p>
          <p className="lead">{t.receiptIntro}</p>

          <section>
            <h2 id="recorded-heading">{t.recordedTitle}</h2>
            <dl className="facts">
              <dt>{t.fieldPurpose}</dt>
              <dd>{labelFor(t.purposeName, receipt.purpose)}</dd>
              <dt>{t.fieldAction}</dt>
              <dd>{labelFor(t.actionName, receipt.action)}</dd>
              <dt>{t.fieldTime}</dt>
              <dd>
                <time dateTime={receipt.at}>{dateTime(receipt.at)}</time>
              </dd>
              <dt>{t.fieldMeaning}</dt>
              <dd>{receiptMeaning(lang, receipt)}</dd>
            </dl>
          </section>

          <section>
            <h2 id="where-heading">{t.whereTitle}</h2>
            <dl className="facts">
              <dt>{t.fieldLog}</dt>
              <dd>
                <code>{receipt.log_origin}</code>
              </dd>
              <dt>{t.fieldIndex}</dt>
              <dd>{receipt.index}</dd>
              <dt>{t.fieldEntry}</dt>
              <dd>
                <code className="break">{receipt.entry}</code>
              </dd>
            </dl>

            <h3>{t.checkpointTitle}</h3>
            <p>{t.checkpointExplain}</p>
            <pre className="checkpoint">{receipt.checkpoint}</pre>

            <h3>{t.proofTitle}</h3>
            {receipt.proof.length > 0 ? (
              <>
                <p>{t.proofExplain}</p>
                <ol className="hashes">
                  {receipt.proof.map((hash, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: hashes may repeat; order is fixed
                    <li key={i}>
                      <code className="break">{hash}</code>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p>{t.proofEmpty}</p>
            )}
          </section>

          <section>
            <h2 id="verify-heading">{t.verifyTitle}</h2>
            <ol>
              <li>{t.verifyStep1}</li>
              <li>
                {t.verifyStep2}
                <pre className="command">
                  <code>{command}</code>
                </pre>
              </li>
              <li>{t.verifyStep3}</li>
            </ol>
            {keyMismatch && (
              <p className="alert alert-warning" role="alert">
                {t.verifyKeyMismatch}
              </p>
            )}
          </section>

          <div className="no-print">
            <ReceiptDownloads index={index} />
            <div className="button-row">
              <button type="button" onClick={() => window.print()}>
                {t.print}
              </button>
            </div>
            <p>
              <Link to="/status">{t.backToStatus}</Link>
            </p>
          </div>
        </>
      )}
    </>
  );
}
