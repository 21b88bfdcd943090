import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, type Config, type Session, setSession } from '../api';
import {
  describedBy,
  ErrorAlert,
  errorText,
  FieldError,
  fieldErrorTexts,
  Link,
  LiveStatus,
  Loading,
  PageHeading,
} from '../components';
import { useI18n } from '../i18n';
import { navigate } from '../router';

export type Notice = 'expired' | 'signedOut';

// One exchange per token, even if React runs the effect twice (StrictMode).
let exchange: { token: string; promise: Promise<Session> } | null = null;
function exchangeOnce(token: string): Promise<Session> {
  if (exchange?.token !== token) exchange = { token, promise: api.sessionFromPlatform(token) };
  return exchange.promise;
}

export function StartView({
  config,
  configError,
  onRetryConfig,
  signedIn,
  notice,
  pendingToken,
  onTokenDone,
}: {
  config: Config | null;
  configError: unknown;
  onRetryConfig: () => void;
  signedIn: boolean;
  notice: Notice | null;
  pendingToken: string | null;
  onTokenDone: () => void;
}) {
  const { t } = useI18n();
  const [tokenError, setTokenError] = useState<string | null>(null);

  useEffect(() => {
    if (!pendingToken) return;
    let active = true;
    exchangeOnce(pendingToken).then(
      (session) => {
        if (!active) return;
        setSession(session.session);
        onTokenDone();
        navigate('/status', { replace: true });
      },
      (error: unknown) => {
        if (!active) return;
        setTokenError(
          error instanceof ApiError &&
            (error.status === 401 || error.status === 400 || error.status === 409)
            ? t.tokenInvalid
            : errorText(error, t),
        );
        onTokenDone();
      },
    );
    return () => {
      active = false;
    };
  }, [pendingToken, onTokenDone, t]);

  return (
    <>
      <PageHeading title={t.startTitle}>{t.startTitle}</PageHeading>

      {notice === 'expired' && (
        <p className="alert alert-warning" role="alert">
          {t.sessionExpired}
        </p>
      )}
      <LiveStatus message={notice === 'signedOut' ? t.signedOut : ''} />

      {pendingToken && (
        <p role="status" className="status-note">
          {t.exchanging}
        </p>
      )}
      {tokenError && <ErrorAlert message={tokenError} />}

      <p className="lead">{t.startIntro}</p>
      <p>{t.startLogExplain}</p>

      <section>
        <h2 id="what-heading">{t.startWhatTitle}</h2>
        <ul>
          {t.startWhat.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>

      {signedIn ? (
        <section className="panel">
          <h2 id="signed-in-heading">{t.startSignedIn}</h2>
          <p>
            <Link to="/status" className="button-link">
              {t.startGoToStatus}
            </Link>
          </p>
        </section>
      ) : (
        !pendingToken && (
          <section className="panel">
            <h2 id="email-heading">{t.emailTitle}</h2>
            <p>{t.startNoAccount}</p>
            {config ? (
              config.email_login ? (
                <EmailSignIn />
              ) : (
                <p className="note">{t.emailDisabled}</p>
              )
            ) : configError ? (
              <ErrorAlert message={errorText(configError, t)}>
                <button type="button" onClick={onRetryConfig}>
                  {t.retry}
                </button>
              </ErrorAlert>
            ) : (
              <Loading />
            )}
          </section>
        )
      )}
    </>
  );
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

function EmailSignIn() {
  const { t } = useI18n();
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const moveFocus = useRef<'email' | 'code' | null>(null);

  useEffect(() => {
    if (moveFocus.current === 'code') codeRef.current?.focus();
    if (moveFocus.current === 'email') emailRef.current?.focus();
    moveFocus.current = null;
  });

  const fail = (err: unknown, field: 'email' | 'code', wrongMessage?: string) => {
    if (err instanceof ApiError && err.status === 401 && wrongMessage) {
      setError(null);
      setFieldErrors({ [field]: wrongMessage });
    } else {
      const fields = fieldErrorTexts(err, t);
      setFieldErrors(fields);
      setError(errorText(err, t));
    }
    moveFocus.current = field;
  };

  const sendCode = async () => {
    const address = email.trim();
    if (!EMAIL_RE.test(address)) {
      setError(null);
      setFieldErrors({ email: t.emailInvalid });
      emailRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api.requestEmailCode(address);
      setSentTo(address);
      setCode('');
      setStep('code');
      moveFocus.current = 'code';
    } catch (err) {
      fail(err, 'email');
    } finally {
      setBusy(false);
    }
  };

  const onSubmitEmail = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void sendCode();
  };

  const onSubmitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(null);
      setFieldErrors({ code: t.codeInvalid });
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const session = await api.verifyEmailCode(sentTo, digits);
      setSession(session.session);
      navigate('/status');
    } catch (err) {
      fail(err, 'code', t.codeWrong);
      setBusy(false);
    }
  };

  const otherEmail = () => {
    setStep('email');
    setError(null);
    setFieldErrors({});
    setCode('');
    moveFocus.current = 'email';
  };

  if (step === 'email') {
    return (
      <form onSubmit={onSubmitEmail} noValidate>
        {error && <ErrorAlert message={error} />}
        <div className="field">
          <label htmlFor="email">{t.emailLabel}</label>
          <p id="email-hint" className="hint">
            {t.emailHint}
          </p>
          <input
            ref={emailRef}
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={describedBy('email-hint', fieldErrors.email && 'email-error')}
            data-testid="email"
          />
          <FieldError id="email-error" message={fieldErrors.email} />
        </div>
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? t.sending : t.sendCode}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmitCode} noValidate>
      <p id="code-sent" className="status-note" role="status">
        {t.codeSent(sentTo)}
      </p>
      {error && <ErrorAlert message={error} />}
      <div className="field">
        <label htmlFor="code">{t.codeLabel}</label>
        <p id="code-hint" className="hint">
          {t.codeHint}
        </p>
        <input
          ref={codeRef}
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          className="input-code"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={fieldErrors.code ? true : undefined}
          aria-describedby={describedBy('code-sent', 'code-hint', fieldErrors.code && 'code-error')}
          data-testid="code"
        />
        <FieldError id="code-error" message={fieldErrors.code} />
      </div>
      <div className="button-row">
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? t.signingIn : t.signIn}
        </button>
        <button type="button" className="secondary" onClick={() => void sendCode()}>
          {t.resendCode}
        </button>
        <button type="button" className="secondary" onClick={otherEmail}>
          {t.otherEmail}
        </button>
      </div>
    </form>
  );
}
