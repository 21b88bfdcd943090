import { useCallback, useEffect, useState } from 'react';
import { type AgreementView, api, type ExposureSummary, type QueueCounts } from '../api';
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
  const { t, lang } = useI18n();
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [agreement, setAgreement] = useState<AgreementView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api.queue().then(setCounts, setError);
    api.agreement().then(setAgreement, setError);
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
      {agreement && agreement.questions.length > 0 && (
        <section aria-labelledby="agreement-heading">
          <h2 id="agreement-heading">{t.agreementTitle}</h2>
          <p>{t.agreementIntro}</p>
          <table data-testid="agreement">
            <thead>
              <tr>
                <th scope="col">{t.agreementQuestion}</th>
                <th scope="col">{t.agreementAlpha}</th>
                <th scope="col">{t.agreementItems}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.questions.map((q) => (
                <tr key={q.name} data-testid={`agreement-${q.name}`}>
                  <th scope="row">{q.text?.[lang] ?? q.text?.en ?? q.text?.de ?? q.name}</th>
                  <td data-testid={`alpha-${q.name}`}>
                    {q.alpha === null ? t.agreementNone : q.alpha.toFixed(3)}
                  </td>
                  <td>{q.items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <button type="button" className="secondary" onClick={load}>
        {t.refresh}
      </button>
    </>
  );
}
