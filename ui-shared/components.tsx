// The pieces both apps use: the page heading with focus handling, links that keep `?lang=`,
// error and status messages, the language switch, and mounting the app.
import { type MouseEvent, type ReactNode, StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { type BaseMessages, type Lang, useI18nOf } from './i18n';
import { href, navigate, shouldFocusHeading } from './router';

/**
 * The view's h1. Takes focus when the view is reached by navigation; sets the page title
 * (`title`, else the heading's text).
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18nOf();
  const pageTitle = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    if (shouldFocusHeading()) ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${pageTitle} – ${t.appName}`;
  }, [pageTitle, t.appName]);

  return (
    <h1 id="page-heading" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Link({
  to,
  children,
  className,
  current,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  current?: boolean;
}) {
  useI18nOf(); // re-render when the language (and so the ?lang= part of the href) changes
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={href(to)}
      onClick={onClick}
      className={className}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

/** An error in the page's language: the code's own text, never the server's English elsewhere. */
export function errorText(error: unknown, t: BaseMessages): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return t.networkError;
    const own = t.errorCodes[error.code];
    if (own) return own;
    if (error.message && t.showsServerMessages) return error.message;
    return t.genericError(error.status);
  }
  return t.genericError(0);
}

/** The refused fields of an error, keyed by field name, worded in the page's language. */
export function fieldErrorTexts(error: unknown, t: BaseMessages): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = error.fieldMap();
  if (t.showsServerMessages) return fields;
  return Object.fromEntries(Object.keys(fields).map((key) => [key, t.fieldInvalid]));
}

/** An error announced to screen readers at once; the word "Error" keeps it clear without colour. */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  const { t } = useI18nOf();
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t.errorPrefix}</strong> {message}
      </p>
      {children}
    </div>
  );
}

/** A polite live region that is always present, so changes to its text are announced. */
export function LiveStatus({
  message,
  className,
  testId,
}: {
  message: string | null;
  className?: string;
  testId?: string;
}) {
  return (
    <p
      role="status"
      className={message ? (className ?? 'status-note') : 'visually-hidden'}
      data-testid={testId}
    >
      {message ?? ''}
    </p>
  );
}

export function Loading() {
  const { t } = useI18nOf();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}

/** Deutsch / English, each button in its own language, the current one pressed. */
function LangSwitch({
  lang,
  setLang,
  legend,
}: {
  lang: Lang;
  setLang: (lang: Lang) => void;
  legend: string;
}) {
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{legend}</legend>
      <button
        type="button"
        lang="de"
        aria-pressed={lang === 'de'}
        onClick={() => setLang('de')}
        data-testid="lang-de"
      >
        Deutsch
      </button>
      <button
        type="button"
        lang="en"
        aria-pressed={lang === 'en'}
        onClick={() => setLang('en')}
        data-testid="lang-en"
      >
        English
      </button>
    </fieldset>
  );
}

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

/**
 * The page frame both apps share: skip link, header (name, tagline, language switch, sign-out),
 * the navigation when there is one, and the view in <main> (remounted on every path).
 */
export function SiteFrame({
  tagline,
  taglineTestId,
  onSignOut,
  nav,
  pathname,
  children,
  footer,
}: {
  tagline?: string;
  taglineTestId?: string;
  /** Shown (with the navigation) only while signed in. */
  onSignOut?: () => void;
  nav?: NavItem[];
  pathname: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const { t, lang, setLang } = useI18nOf();
  return (
    <>
      <a className="skip-link" href="#page-heading">
        {t.skipLink}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <p className="brand">
            <Link to="/">{t.appName}</Link>
            {tagline && (
              <span className="tagline" data-testid={taglineTestId}>
                {tagline}
              </span>
            )}
          </p>
          <div className="header-tools">
            <LangSwitch lang={lang} setLang={setLang} legend={t.langGroup} />
            {onSignOut && (
              <button
                type="button"
                className="secondary"
                onClick={onSignOut}
                data-testid="sign-out"
              >
                {t.signOut}
              </button>
            )}
          </div>
        </div>
        {nav && (
          <nav aria-label={t.navLabel} className="site-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} current={item.current}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" key={pathname}>
        {children}
      </main>
      {footer}
    </>
  );
}

/** Renders the app into #root (in StrictMode). */
export function mountApp(app: ReactNode): void {
  const rootElement = document.getElementById('root');
  if (rootElement) createRoot(rootElement).render(<StrictMode>{app}</StrictMode>);
}
