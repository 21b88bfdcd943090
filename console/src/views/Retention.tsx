import { useState } from 'react';
import { api, type SweepResult } from '../api';
import { ErrorAlert, LiveStatus, PageHeading, useAction } from '../components';
import { useI18n } from '../i18n';

export function RetentionView() {
  const { t } = useI18n();
  const [result, setResult] = useState<SweepResult | null>(null);
  const { busy, error, run } = useAction();

  const sweep = () =>
    run(async () => {
      setResult(await api.retentionSweep());
    });

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
