import { useState } from 'react';
import { type AccessReportSummary, downloadAccessReport } from '../api';
import { ErrorAlert, errorText, LiveStatus } from '../components';
import { useI18n } from '../i18n';

/** The person's access report: fetched on request, saved as JSON, summed up in words. */
export function AccessReportSection() {
  const { t } = useI18n();
  const [summary, setSummary] = useState<AccessReportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      setSummary(await downloadAccessReport());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t.reportTitle}</h2>
      <p>{t.reportIntro}</p>
      <button
        type="button"
        onClick={() => void download()}
        disabled={busy}
        data-testid="download-access-report"
      >
        {t.reportDownload}
      </button>
      {error !== null && <ErrorAlert message={errorText(error, t)} />}
      <LiveStatus message={summary ? t.reportSummary(summary) : ''} />
    </section>
  );
}
