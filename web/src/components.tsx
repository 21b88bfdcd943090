// Small shared pieces: page heading with focus handling, links, error and status messages.
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from './api';
import { type Messages, useI18n } from './i18n';
import { navigate, shouldFocusHeading, withLang } from './router';

/** The view's h1. Takes focus when the view is reached by navigation; sets the page title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    if (shouldFocusHeading()) ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t.appName]);

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
  useI18n(); // re-render when the language (and so the ?lang= part of the href) changes
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={withLang(to)}
      onClick={onClick}
      className={className}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

export function errorText(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return t.networkError;
    if (error.message) return error.message;
    return t.genericError(error.status);
  }
  return t.genericError(0);
}

/** An error announced to screen readers at once; the word "Error" keeps it clear without colour. */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  const { t } = useI18n();
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
export function LiveStatus({ message, className }: { message: string; className?: string }) {
  return (
    <p role="status" className={message ? (className ?? 'status-note') : 'visually-hidden'}>
      {message}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <strong>{t.errorPrefix}</strong> {message}
    </p>
  );
}

/** Space-separated ids for aria-describedby, skipping absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}
