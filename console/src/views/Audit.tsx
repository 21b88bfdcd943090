import { type FormEvent, useState } from 'react';
import { type AccessReport, api } from '../api';
import { ErrorAlert, PageHeading, useAction } from '../components';
import { labelFor, useI18n } from '../i18n';

export function AuditView() {
  const { t, dateTime } = useI18n();
  const [platform, setPlatform] = useState('');
  const [account, setAccount] = useState('');
  const [staff, setStaff] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<AccessReport | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [asked, setAsked] = useState<Parameters<typeof api.accessReport>[0] | null>(null);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!platform.trim() || !account.trim()) return;
    // The time fields give local times; the server takes RFC 3339.
    const q = {
      platform: platform.trim(),
      account: account.trim(),
      ...(staff.trim() ? { staff: staff.trim() } : {}),
      ...(from ? { from: new Date(from).toISOString() } : {}),
      ...(to ? { to: new Date(to).toISOString() } : {}),
    };
    void run(async () => {
      const page = await api.accessReport(q);
      setAsked(q);
      setReport(page);
      setNext(page.next_cursor);
    });
  };

  const more = () => {
    if (next === null || asked === null) return;
    void run(async () => {
      const page = await api.accessReport({ ...asked, cursor: next });
      setReport((r) => (r ? { ...r, events: [...r.events, ...page.events] } : page));
      setNext(page.next_cursor);
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
        <div className="field">
          <label htmlFor="audit-staff">{t.auditStaff}</label>
          <input
            id="audit-staff"
            type="text"
            value={staff}
            onChange={(e) => setStaff(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            pattern="st_[0-9a-f]{16}"
          />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t.auditFrom}</label>
          <input
            id="audit-from"
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t.auditTo}</label>
          <input
            id="audit-to"
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
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
          {next !== null && (
            <button type="button" className="secondary" onClick={more} data-testid="more-accesses">
              {t.moreRequests}
            </button>
          )}
        </section>
      )}
    </>
  );
}
