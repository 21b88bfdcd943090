import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, FLAG_CATEGORIES, type FlagCategory, type FlagResult } from '../api';
import { Dialog, ErrorAlert } from '../components';
import { useI18n } from '../i18n';
import { navigate, setFlash } from '../router';

/**
 * Flagging: a category and a note; afterwards what happens next, and a way to stop. The task
 * is then with trust_safety, so closing the dialog leads back to the queue.
 */
export function FlagDialog({
  taskId,
  open,
  onClose,
  onGone,
}: {
  taskId: string;
  open: boolean;
  onClose: () => void;
  onGone: () => void;
}) {
  const { t } = useI18n();
  const [category, setCategory] = useState<FlagCategory | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<FlagResult | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!category) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.flag(taskId, category, note.trim() || undefined));
    } catch (err) {
      if (err instanceof ApiError && err.isGone) onGone();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    // Hands the assignment back; after a flag the task stays with trust_safety.
    await api.release(taskId).catch(() => {});
    setFlash(t.stoppedAfterFlag);
    navigate('/queue');
  };

  const close = () => {
    onClose();
    if (result) navigate('/queue');
  };

  return (
    <Dialog open={open} onClose={close} labelledBy="flag-heading" testId="flag-dialog">
      {result ? (
        <div>
          <h2 id="flag-heading" ref={doneRef} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t.flagSent}
          </h2>
          <h3>{t.flagWhatNext}</h3>
          {/* The server's guidance comes in the console's language (Accept-Language); the list
              is the same in the console's own words, for a server that sends none. */}
          {result.guidance ? (
            <p className="status-note" data-testid="flag-guidance">
              {result.guidance}
            </p>
          ) : (
            <ul>
              {t.flagNextSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" onClick={() => void stop()} data-testid="flag-stop">
              {t.stopNow}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t.continueReview}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="flag-heading">{t.flagTitle}</h2>
          <p>{t.flagIntro}</p>
          <fieldset aria-describedby={missing ? 'flag-missing' : undefined}>
            <legend>{t.flagCategory}</legend>
            {FLAG_CATEGORIES.map((c) => (
              <div className="radio" key={c}>
                <input
                  id={`flag-${c}`}
                  type="radio"
                  name="flag-category"
                  value={c}
                  checked={category === c}
                  onChange={() => {
                    setCategory(c);
                    setMissing(false);
                  }}
                  data-testid={`flag-${c}`}
                />
                <label htmlFor={`flag-${c}`}>{t.flagCategories[c]}</label>
              </div>
            ))}
            {missing && (
              <p className="field-error" id="flag-missing" role="alert">
                <strong>{t.errorPrefix}</strong> {t.flagCategory}
              </p>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor="flag-note">{t.flagNote}</label>
            <p className="hint" id="flag-note-hint">
              {t.flagNoteHint}
            </p>
            <textarea
              id="flag-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby="flag-note-hint"
            />
          </div>
          {error !== null && <ErrorAlert error={error} />}
          <div className="button-row">
            <button type="submit" aria-disabled={busy || undefined} data-testid="flag-submit">
              {t.sendFlag}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t.cancel} <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
