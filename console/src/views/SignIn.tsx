import { type FormEvent, useState } from 'react';
import { ApiError, api, setSignedIn } from '../api';
import { ErrorAlert, PageHeading } from '../components';
import { useI18n } from '../i18n';
import { HOME, navigate } from '../router';

export type SignInNotice = 'expired' | 'signedOut';

export function SignInView({ notice }: { notice: SignInNotice | null }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setFailure(null);
    if (!username.trim() || !password) {
      setError(t.signInMissing);
      return;
    }
    setBusy(true);
    try {
      const session = await api.signIn(username.trim(), password);
      setPassword('');
      setSignedIn({ token: session.token, me: session.staff });
      navigate(HOME[session.staff.role], { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t.signInFailed);
      // Too many failed attempts for this name: say so in the reader's language, not the
      // server's English message.
      else if (err instanceof ApiError && err.code === 'SIGN_IN_LOCKED') setError(t.signInLocked);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t.signInTitle}</PageHeading>
      <p className="lead">{t.signInIntro}</p>
      {notice && (
        <p className="status-note" role="status" data-testid="sign-in-notice">
          {notice === 'expired' ? t.sessionEnded : t.signedOut}
        </p>
      )}
      <form className="card narrow" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="username">{t.username}</label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="username"
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="password"
          />
        </div>
        {error && (
          <p className="field-error" role="alert" data-testid="sign-in-error">
            <strong>{t.errorPrefix}</strong> {error}
          </p>
        )}
        {failure !== null && <ErrorAlert error={failure} />}
        <button type="submit" aria-disabled={busy || undefined} data-testid="sign-in">
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </>
  );
}
