// The console's own pieces (the signed-in member, 'not allowed', a modal dialog, the watermark,
// errors worded for staff); headings, links and messages are shared with the portal.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import {
  Link,
  PageHeading,
  ErrorAlert as SharedErrorAlert,
  errorText as sharedErrorText,
} from '../../ui-shared/components';
import { ApiError, type Me } from './api';
import { type Messages, useI18n } from './i18n';

export {
  Link,
  LiveStatus,
  Loading,
  mountApp,
  PageHeading,
  SiteFrame,
} from '../../ui-shared/components';

/** The signed-in member of staff (always set inside the signed-in part of the app). */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in view');
  return me;
}

/** The shared wording, except that 403 says plainly that the role may not do this. */
export function errorText(error: unknown, t: Messages): string {
  if (error instanceof ApiError && !error.isNetwork && error.status === 403)
    return t.notAllowedText;
  return sharedErrorText(error, t);
}

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useI18n();
  return <SharedErrorAlert message={errorText(error, t)}>{children}</SharedErrorAlert>;
}

/**
 * One request at a time from a form or button: `run` ignores a second call while one is under
 * way, clears the last error first and keeps the new one.
 */
export function useAction(): {
  busy: boolean;
  error: unknown;
  run: (action: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const busyRef = useRef(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
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
