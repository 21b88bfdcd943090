import { useCallback, useEffect, useState } from 'react';
import { api, type ExposureSummary, type QueueCounts } from '../api';
import { ErrorAlert, Loading, PageHeading } from '../components';
import { labelFor, useI18n } from '../i18n';

const ORDER = ['open', 'assigned', 'done', 'flagged', 'removed'] as const;
const EXPOSURE_ORDER: readonly (keyof ExposureSummary)[] = [
  'reviewers_today',
  'median_minutes',
  'max_minutes',
  'at_limit',
  'limit_minutes',
];

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
      {counts?.exposure && (
        <section aria-labelledby="exposure-heading">
          <h2 id="exposure-heading">{t.exposureTitle}</h2>
          <p>{t.exposureIntro}</p>
          <dl className="counts" data-testid="exposure-summary">
            {EXPOSURE_ORDER.map((k) => (
              <div key={k}>
                <dt>{labelFor(t.exposureNames, k)}</dt>
                <dd data-testid={`exposure-${k}`}>{counts.exposure![k]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <button type="button" className="secondary" onClick={load}>
        {t.refresh}
      </button>
    </>
  );
}
