import { useCallback, useEffect, useState } from 'react';
import { api, type QueueCounts } from '../api';
import { ErrorAlert, Loading, PageHeading } from '../components';
import { labelFor, useI18n } from '../i18n';

const ORDER: readonly (keyof QueueCounts)[] = ['open', 'assigned', 'done', 'flagged', 'removed'];

export function CountsView() {
  const { t } = useI18n();
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api.queue().then(setCounts, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageHeading>{t.countsTitle}</PageHeading>
      <p>{t.countsIntro}</p>
      {error !== null ? (
        <ErrorAlert error={error} />
      ) : counts === null ? (
        <Loading />
      ) : (
        <dl className="counts" data-testid="queue-counts">
          {ORDER.map((k) => (
            <div key={k}>
              <dt>{labelFor(t.countNames, k)}</dt>
              <dd data-testid={`count-${k}`}>{counts[k]}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" className="secondary" onClick={load}>
        {t.refresh}
      </button>
    </>
  );
}
