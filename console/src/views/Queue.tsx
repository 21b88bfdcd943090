import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { ErrorAlert, isTypingTarget, LiveStatus, PageHeading } from '../components';
import { useI18n } from '../i18n';
import { navigate, setFlash, takeFlash } from '../router';
import { rememberTask } from '../task-cache';

/** Asks for the next task and opens it; `empty` when there is none (204). */
export function useNextTask() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  /** What to say when there was no task (false while there may be one). */
  const [empty, setEmpty] = useState<string | false>(false);
  const [error, setError] = useState<unknown>(null);
  const busyRef = useRef(false);

  const next = useCallback(async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setEmpty(false);
    setError(null);
    try {
      const { task, reason } = await api.next();
      if (!task) {
        const message = (reason && t.noTaskReason[reason]) || t.noTask;
        setEmpty(message);
        if (!window.location.pathname.endsWith('/queue')) {
          setFlash(message);
          navigate('/queue');
        }
      } else {
        rememberTask(task);
        navigate(`/tasks/${task.id}`);
      }
    } catch (err) {
      setError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [t.noTask, t.noTaskReason]);

  return useMemo(() => ({ next, busy, empty, error }), [next, busy, empty, error]);
}

export function QueueView() {
  const { t } = useI18n();
  const [flash] = useState(takeFlash);
  const { next, busy, empty, error } = useNextTask();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === 'n') {
        event.preventDefault();
        void next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next]);

  return (
    <>
      <PageHeading>{t.queueTitle}</PageHeading>
      {flash && (
        <p className="status-note" role="status" data-testid="flash">
          {flash}
        </p>
      )}
      <p>{t.queueIntro}</p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void next()}
          aria-disabled={busy || undefined}
          aria-keyshortcuts="n"
          data-testid="next-task"
        >
          {t.nextTask} <kbd>n</kbd>
        </button>
      </div>
      <LiveStatus message={busy ? t.fetchingTask : empty || null} testId="queue-status" />
      {error !== null && <ErrorAlert error={error} />}
      <p className="shortcuts">
        <span className="visually-hidden">{t.shortcutsLabel}: </span>
        {t.shortcuts}
      </p>
    </>
  );
}
