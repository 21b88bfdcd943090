import { type ChangeEvent, type FormEvent, useState } from 'react';
import { ErrorAlert, PageHeading } from '../components';
import { labelFor, useI18n } from '../i18n';
import { checkReceipt, type ReceiptCheck } from '../verify/receipt-check';

// Keys and receipts are small; a cap keeps a wrong file from being read whole.
const MAX_FILE_BYTES = 400_000;

/**
 * Checks a receipt in this browser, with a verifier key the person brings from elsewhere. The
 * check itself makes no request; only "load key" fetches, from the address the person types.
 */
export function VerifyView() {
  const { t, lang, dateTime } = useI18n();
  const [receipt, setReceipt] = useState('');
  const [key, setKey] = useState('');
  const [keyUrl, setKeyUrl] = useState('');
  const [result, setResult] = useState<ReceiptCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (event: ChangeEvent<HTMLInputElement>, set: (text: string) => void) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) setProblem(t.verifyFileTooLarge);
    else set(await file.text());
  };

  const loadKey = async () => {
    setProblem(null);
    try {
      const url = new URL(keyUrl.trim());
      if (url.protocol !== 'https:') throw new Error('not https');
      const res = await fetch(url, { credentials: 'omit', cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setKey((await res.text()).trim().slice(0, 1000));
    } catch {
      setProblem(t.verifyKeyLoadFailed);
    }
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setResult(null);
    if (!receipt.trim() || !key.trim()) {
      setProblem(t.verifyNeedBoth);
      return;
    }
    setBusy(true);
    try {
      setResult(await checkReceipt(receipt, key));
    } catch {
      setProblem(t.verifyUnsupported);
    } finally {
      setBusy(false);
    }
  };

  const entry = result?.ok ? result.entry : undefined;
  return (
    <>
      <PageHeading title={t.verifyPageTitle}>{t.verifyPageTitle}</PageHeading>
      <p className="lead">{t.verifyPageIntro}</p>

      <section aria-labelledby="why-key-heading">
        <h2 id="why-key-heading">{t.verifyWhyKeyTitle}</h2>
        {t.verifyWhyKey.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </section>

      <form onSubmit={(e) => void check(e)} noValidate>
        <div className="field">
          <label htmlFor="receipt-text">{t.verifyReceiptLabel}</label>
          <p className="hint">{t.verifyReceiptHint}</p>
          <textarea
            id="receipt-text"
            data-testid="verify-receipt"
            rows={6}
            value={receipt}
            onChange={(e) => setReceipt(e.target.value)}
          />
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t.verifyReceiptFile}
            onChange={(e) => void readFile(e, setReceipt)}
          />
        </div>

        <div className="field">
          <label htmlFor="key-text">{t.verifyKeyLabel}</label>
          <p className="hint">{t.verifyKeyHint}</p>
          <input
            id="key-text"
            data-testid="verify-key"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="key-url">{t.verifyKeyUrlLabel}</label>
          <p className="hint">{t.verifyKeyUrlHint}</p>
          <input
            id="key-url"
            type="url"
            inputMode="url"
            value={keyUrl}
            onChange={(e) => setKeyUrl(e.target.value)}
          />
          <button type="button" onClick={() => void loadKey()} disabled={!keyUrl.trim()}>
            {t.verifyKeyLoad}
          </button>
        </div>

        <div className="button-row">
          <button type="submit" className="primary" data-testid="verify-check" disabled={busy}>
            {t.verifyCheck}
          </button>
        </div>
      </form>

      {problem !== null && <ErrorAlert message={problem} />}
      {result !== null && (
        <div
          className={result.ok ? 'alert alert-success' : 'alert alert-error'}
          role="alert"
          data-testid="verify-result"
          data-ok={result.ok ? 'true' : 'false'}
        >
          {result.ok ? (
            <>
              <p>
                <strong>{t.verifyProven}</strong>{' '}
                {t.verifyProvenText(result.origin ?? '', result.index ?? 0, result.size ?? 0)}
              </p>
              {entry && typeof entry.action === 'string' && typeof entry.purpose === 'string' && (
                <p>
                  {labelFor(t.purposeName, entry.purpose)}: {labelFor(t.actionName, entry.action)}
                  {typeof entry.at === 'string' && <> · {dateTime(entry.at)}</>}
                </p>
              )}
            </>
          ) : (
            <p>
              <strong>{t.verifyNotProven}</strong>{' '}
              {t.verifyFailedCheck[result.failed?.check ?? 'receipt']}
              {/* The check's own detail is English; a German page shows only its worded reason. */}
              {lang === 'en' && result.failed && <> ({result.failed.detail})</>}
            </p>
          )}
        </div>
      )}
    </>
  );
}
