// Shared pieces: headings with focus handling, links, messages, a modal dialog and the watermark.
import {
  createContext,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { ApiError, type Me } from './api';
import { type Messages, useI18n } from './i18n';
import { href, navigate, shouldFocusHeading } from './router';

/** The signed-in member of staff (always set inside the signed-in part of the app). */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in view');
  return me;
}

/** The view's h1. Takes focus when the view is reached by navigation; sets the page title. */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    if (shouldFocusHeading()) ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${children} – ${t.appName}`;
  }, [children, t.appName]);
  return (
    <h1 id="page-heading" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Link({
  to,
  children,
  current,
  className,
}: {
  to: string;
  children: ReactNode;
  current?: boolean;
  className?: string;
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
      href={href(to)}
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
    if (error.status === 403) return t.notAllowedText;
    if (error.message) return error.message;
    return t.genericError(error.status);
  }
  return t.genericError(0);
}

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t.errorPrefix}</strong> {errorText(error, t)}
      </p>
      {children}
    </div>
  );
}

/** A polite live region that is always present, so changes to its text are announced. */
export function LiveStatus({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p role="status" className={message ? 'status-note' : 'visually-hidden'} data-testid={testId}>
      {message ?? ''}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}

export function NotAllowed() {
  const { t } = useI18n();
  return (
    <div data-testid="not-allowed">
      <PageHeading>{t.notAllowedTitle}</PageHeading>
      <p className="alert alert-error">{t.notAllowedText}</p>
      <p>
        <Link to="/">{t.goHome}</Link>
      </p>
    </div>
  );
}

/**
 * A modal on the native <dialog>: focus is trapped and Esc closes it (the browser does both);
 * `onClose` runs however it closes.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      // Only a close the browser did by itself (Esc) is reported; ours follow `open`.
      onClose={() => {
        if (openRef.current) onClose();
      }}
      className="dialog"
      data-testid={testId}
    >
      {open && children}
    </dialog>
  );
}

/** The time, refreshed every few seconds, for the watermark. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A visible overlay with the reviewer's id and the current time across the task view, to deter
 * photographing or sharing what is on screen. Not selectable and not in the way of the pointer.
 */
export function Watermark({ staffId }: { staffId: string }) {
  const { t } = useI18n();
  const now = useNow(15_000);
  const stamp = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const text = t.watermark(staffId, stamp);
  return (
    <div className="watermark" aria-hidden="true" data-testid="watermark" data-text={text}>
      {Array.from({ length: 24 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed, identical tiles
        <span key={i}>{text}</span>
      ))}
    </div>
  );
}

/** Whether the key event came from a place where typing is expected. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
  }
  return false;
}
