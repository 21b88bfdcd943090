import { useState } from 'react';
import { api, type SweepResult } from '../api';
import { ErrorAlert, LiveStatus, PageHeading } from '../components';
import { useI18n } from '../i18n';

export function RetentionView() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SweepResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const sweep = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.retentionSweep());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t.retentionTitle}</PageHeading>
      <p>{t.retentionIntro}</p>
      <button
        type="button"
        onClick={() => void sweep()}
        aria-disabled={busy || undefined}
        data-testid="sweep"
      >
        {busy ? t.sweeping : t.sweep}
      </button>
      <LiveStatus
        message={result ? t.sweepResult(result.removed.raw, result.removed.derived) : null}
        testId="sweep-result"
      />
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
}
