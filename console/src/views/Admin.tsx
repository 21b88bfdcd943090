import { type FormEvent, useCallback, useState } from 'react';
import { api, ROLES, type Role, type StaffMember } from '../api';
import { ErrorAlert, LiveStatus, Loading, PageHeading, useAction, useMe } from '../components';
import { useI18n } from '../i18n';
import { usePagedList } from '../paging';

export function StaffView() {
  const { t } = useI18n();
  const me = useMe();
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<string | null>(null);
  const fetchPage = useCallback(
    (cursor?: string) =>
      api
        .staff({ ...(role ? { role } : {}), ...(cursor ? { cursor } : {}) })
        .then((r) => ({ rows: r.staff, next: r.next_cursor })),
    [role],
  );
  const {
    rows: staff,
    setRows: setStaff,
    next,
    more,
    error,
    setError,
  } = usePagedList<StaffMember>(fetchPage);

  const change = async (member: StaffMember, update: { role?: Role; disabled?: boolean }) => {
    setError(null);
    setStatus(null);
    try {
      const updated = await api.updateStaff(member.id, update);
      setStaff((list) => list?.map((m) => (m.id === member.id ? { ...m, ...updated } : m)) ?? null);
      setStatus(t.saved);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeading>{t.staffTitle}</PageHeading>
      <AddStaff
        onAdded={(m) => {
          setStaff((list) => [...(list ?? []), m]);
          setStatus(t.added(m.username));
        }}
      />
      <LiveStatus message={status} />
      <div className="filters">
        <div className="field">
          <label htmlFor="staff-filter-role">{t.role}</label>
          <select
            id="staff-filter-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
          >
            <option value="">{t.filterAll}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roleName[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {staff === null ? (
        error === null && <Loading />
      ) : (
        <div className="table-wrap">
          <table data-testid="staff-table">
            <thead>
              <tr>
                <th scope="col">{t.colUser}</th>
                <th scope="col">{t.colId}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colState}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((m) => {
                const self = m.id === me.id;
                return (
                  <tr key={m.id}>
                    <th scope="row">{m.username}</th>
                    <td>
                      <code>{m.id}</code>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                        {t.changeRole(m.username)}
                      </label>
                      <select
                        id={`role-${m.id}`}
                        value={m.role}
                        disabled={self}
                        onChange={(e) => void change(m, { role: e.target.value as Role })}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t.roleName[r]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {m.disabled ? t.disabled : t.active}{' '}
                      {!self && (
                        <button
                          type="button"
                          className="small secondary"
                          onClick={() => void change(m, { disabled: !m.disabled })}
                        >
                          {m.disabled ? t.enable : t.disable}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="secondary" onClick={more} data-testid="more-staff">
          {t.moreRequests}
        </button>
      )}
    </>
  );
}

function AddStaff({ onAdded }: { onAdded: (member: StaffMember) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const member = await api.addStaff(username.trim(), password, role);
      setUsername('');
      setPassword('');
      onAdded(member);
    });
  };

  return (
    <form className="card" onSubmit={submit}>
      <h2>{t.staffAddTitle}</h2>
      <div className="field">
        <label htmlFor="new-username">{t.username}</label>
        <input
          id="new-username"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="new-password">{t.password}</label>
        <p className="hint" id="new-password-hint">
          {t.passwordHint}
        </p>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby="new-password-hint"
          required
        />
      </div>
      <div className="field">
        <label htmlFor="new-role">{t.role}</label>
        <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roleName[r]}
            </option>
          ))}
        </select>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <button type="submit" aria-disabled={busy || undefined}>
        {t.add}
      </button>
    </form>
  );
}
