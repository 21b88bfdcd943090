import { useState } from 'react';
import { downloadReceipt, type ReceiptFormat } from '../api';
import { ErrorAlert, errorText, LiveStatus } from '../components';
import { useI18n } from '../i18n';

/** "Download receipt (JSON)" and "(tlog-proof)": fetched with the session, saved as a file. */
export function ReceiptDownloads({ index }: { index: number }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<unknown>(null);

  const download = async (format: ReceiptFormat) => {
    setError(null);
    setSaved('');
    try {
      const name = await downloadReceipt(index, format);
      setSaved(t.downloaded(name));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="downloads">
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() => void download('json')}
          data-testid="download-receipt-json"
        >
          {t.downloadJson}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void download('tlog-proof')}
          data-testid="download-receipt-tlog"
        >
          {t.downloadTlog}
        </button>
      </div>
      <LiveStatus message={saved} />
      {error !== null && <ErrorAlert message={errorText(error, t)} />}
    </div>
  );
}
