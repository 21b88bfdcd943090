import { useCallback, useEffect, useState } from 'react';
import { api, type Build, downloadBuildProof } from '../api';
import { ErrorAlert, errorText, LiveStatus, Loading, PageHeading } from '../components';
import { labelFor, useI18n } from '../i18n';
import { ModelsSection } from './Models';

export function BuildsView() {
  const { t, dateTime } = useI18n();
  const [builds, setBuilds] = useState<Build[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const load = useCallback(() => {
    setError(null);
    api.builds().then((res) => setBuilds(res.builds), setError);
  }, []);

  useEffect(load, [load]);

  const download = (build: Build) => {
    setSaved(t.downloaded(downloadBuildProof(build)));
  };

  return (
    <>
      <PageHeading title={t.buildsTitle}>{t.buildsTitle}</PageHeading>
      <p className="lead">{t.buildsIntro}</p>
      {error !== null ? (
        <ErrorAlert message={errorText(error, t)}>
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </ErrorAlert>
      ) : builds === null ? (
        <Loading />
      ) : builds.length === 0 ? (
        <p className="note">{t.buildsEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t.buildsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colDate}</th>
                <th scope="col">{t.colPurpose}</th>
                <th scope="col">{t.colYourData}</th>
                <th scope="col">{t.colAfterObjection}</th>
                <th scope="col">{t.colProof}</th>
              </tr>
            </thead>
            <tbody>
              {builds.map((build) => {
                const when = dateTime(build.created_at);
                return (
                  <tr key={build.build_id}>
                    <th scope="row">
                      <time dateTime={build.created_at}>{when}</time>
                    </th>
                    <td>{labelFor(t.purposeName, build.purpose)}</td>
                    <td>
                      <span className={`tag tag-${build.status}`}>
                        <span aria-hidden="true">{build.status === 'included' ? '● ' : '○ '}</span>
                        {build.status === 'included' ? t.included : t.leftOut}
                      </span>
                    </td>
                    <td>{build.after_objection ? t.afterYes : t.afterNo}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => download(build)}
                      >
                        {t.downloadProofShort}
                        <span className="visually-hidden">{t.downloadProofFor(when)}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ModelsSection />
      <LiveStatus message={saved} />
    </>
  );
}
