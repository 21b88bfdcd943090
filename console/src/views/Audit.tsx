import { type FormEvent, useState } from 'react';
import { type AccessReport, api } from '../api';
import { ErrorAlert, PageHeading, useAction } from '../components';
import { labelFor, useI18n } from '../i18n';

export function AuditView() {
  const { t, dateTime } = useI18n();
  const [platform, setPlatform] = useState('');
  const [account, setAccount] = useState('');
  const [report, setReport] = useState<AccessReport | null>(null);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!platform.trim() || !account.trim()) return;
    void run(async () => {
      setReport(await api.accessReport(platform.trim(), account.trim()));
    });
  };

  return (
    <>
      <PageHeading>{t.auditTitle}</PageHeading>
      <p>{t.auditIntro}</p>
      <form className="card" onSubmit={submit} data-testid="audit-form">
        <div className="field">
          <label htmlFor="audit-platform">{t.platform}</label>
          <input
            id="audit-platform"
            type="text"
            value={platform}
            onChange={(e) => setPlatform(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="audit-account">{t.account}</label>
          <input
            id="audit-account"
            type="text"
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <button type="submit" aria-disabled={busy || undefined}>
          {t.runReport}
        </button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      {report && (
        <section aria-live="polite" data-testid="audit-report">
          <p>
            {t.subjectPseudonym}: <code className="break">{report.subject}</code>
          </p>
          {report.events.length === 0 ? (
            <p>{t.noAccesses}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.colWhen}</th>
                    <th scope="col">{t.colWho}</th>
                    <th scope="col">{t.colTask}</th>
                    <th scope="col">{t.colAction}</th>
                    <th scope="col">{t.colLogIndex}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.events.map((e) => (
                    <tr key={`${e.log_index}`}>
                      <td>{dateTime(e.at)}</td>
                      <td>
                        <code>{e.actor}</code>
                      </td>
                      <td>
                        <code className="break">{e.task}</code>
                      </td>
                      <td>{labelFor(t.actionNames, e.action)}</td>
                      <td>{e.log_index}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
