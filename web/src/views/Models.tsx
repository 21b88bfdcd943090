import { useCallback, useEffect, useState } from 'react';
import { api, type TrainedModel } from '../api';
import { ErrorAlert, errorText, Loading } from '../components';
import { labelFor, useI18n } from '../i18n';

/** The registered models trained on builds that included the person, and their decision since. */
export function ModelsSection() {
  const { t, date } = useI18n();
  const [models, setModels] = useState<TrainedModel[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    api.models().then((res) => setModels(res.models), setError);
  }, []);

  useEffect(load, [load]);

  const decision = (d: TrainedModel['decisions'][number]) => {
    if (d.state === 'none' || d.at === null) return t.decisionNone;
    const what =
      d.state === 'objected' ? t.decisionObjected(date(d.at)) : t.decisionWithdrawn(date(d.at));
    return `${what}, ${d.after_model ? t.decisionAfter : t.decisionBefore}`;
  };

  return (
    <section aria-labelledby="models-title">
      <h2 id="models-title">{t.modelsTitle}</h2>
      <p>{t.modelsIntro}</p>
      {error !== null ? (
        <ErrorAlert message={errorText(error, t)}>
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </ErrorAlert>
      ) : models === null ? (
        <Loading />
      ) : models.length === 0 ? (
        <p className="note" data-testid="models-empty">
          {t.modelsEmpty}
        </p>
      ) : (
        <div className="table-wrap">
          <table data-testid="models">
            <caption>{t.modelsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colModel}</th>
                <th scope="col">{t.colRegistered}</th>
                <th scope="col">{t.colPurpose}</th>
                <th scope="col">{t.colYourDecision}</th>
              </tr>
            </thead>
            <tbody>
              {models.flatMap((m) =>
                m.decisions.map((d) => (
                  <tr
                    key={`${m.name}@${m.version}/${d.purpose}`}
                    data-testid={`model-${m.name}@${m.version}`}
                    data-after-model={String(d.after_model)}
                  >
                    <th scope="row">
                      {m.name} {m.version}
                    </th>
                    <td>
                      <time dateTime={m.registered_at}>{date(m.registered_at)}</time>
                    </td>
                    <td>{labelFor(t.purposeName, d.purpose)}</td>
                    <td>{decision(d)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
