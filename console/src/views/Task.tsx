// One review task: redacted content, the recording or image under the reviewer's wellness
// settings, the answer form, the flag dialog, a watermark and keyboard shortcuts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type TaskView as Task } from '../api';
import { ErrorAlert, isTypingTarget, Loading, PageHeading, useMe, Watermark } from '../components';
import { labelFor, useI18n } from '../i18n';
import { PLACEHOLDER } from '../placeholders';
import { type Prefs, usePrefs } from '../prefs';
import { navigate, setFlash } from '../router';
import { takeTask } from '../task-cache';
import { AnswerForm } from './AnswerForm';
import { AudioPlayer, type PlayerHandle } from './AudioPlayer';
import { FlagDialog } from './FlagDialog';
import { useNextTask } from './Queue';

export function Redacted({ text }: { text: string }) {
  const parts = text.split(PLACEHOLDER);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <mark key={i} className="placeholder">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function taskText(task: Pick<Task, 'text' | 'words'>): string {
  return task.text ?? task.words?.map((w) => w.text).join(' ') ?? '';
}

export function TaskView({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [task, setTask] = useState<Task | null>(() => takeTask(id));
  const [loadError, setLoadError] = useState<unknown>(null);
  const [prefs, setPrefs] = usePrefs(me.id);
  const [flagOpen, setFlagOpen] = useState(false);
  const [skipError, setSkipError] = useState<unknown>(null);
  const player = useRef<PlayerHandle | null>(null);
  const answerRef = useRef<HTMLElement>(null);
  const next = useNextTask();

  const gone = useCallback(() => {
    setFlash(t.taskRemoved);
    navigate('/queue', { replace: true });
  }, [t.taskRemoved]);

  /** A 410 anywhere on this page means the task is gone: back to the queue with a message. */
  const handle = useCallback(
    (err: unknown): boolean => {
      if (err instanceof ApiError && err.isGone) {
        gone();
        return true;
      }
      return false;
    },
    [gone],
  );

  useEffect(() => {
    if (task) return;
    api.task(id).then(setTask, (err) => {
      if (handle(err)) return;
      // Not (or no longer) this reviewer's: answered, handed back, expired or flagged.
      if (err instanceof ApiError && err.status === 403) {
        setFlash(t.taskNotYours);
        navigate('/queue', { replace: true });
      } else setLoadError(err);
    });
  }, [id, task, handle, t.taskNotYours]);

  const skip = useCallback(async () => {
    setSkipError(null);
    try {
      await api.release(id, 'uncomfortable');
      setFlash(t.taskReleased);
      navigate('/queue');
    } catch (err) {
      if (!handle(err)) setSkipError(err);
    }
  }, [id, t.taskReleased, handle]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (flagOpen || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (event.key === ' ') {
        // Space on a focused button keeps its own meaning.
        if (event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        player.current?.toggle();
      } else if (event.key === 'n') {
        event.preventDefault();
        void next.next();
      } else if (event.key === 'a') {
        event.preventDefault();
        answerRef.current?.querySelector<HTMLElement>('textarea, input')?.focus();
      } else if (event.key === 'f') {
        event.preventDefault();
        setFlagOpen(true);
      } else if (event.key === 's') {
        event.preventDefault();
        void skip();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flagOpen, next, skip]);

  if (loadError !== null) {
    return (
      <>
        <PageHeading>{t.taskTitle}</PageHeading>
        <ErrorAlert error={loadError} />
      </>
    );
  }
  if (!task) return <Loading />;

  const text = taskText(task);

  return (
    <div className="task-area" data-testid="task-view">
      <Watermark staffId={me.id} />
      <PageHeading>{t.taskTitle}</PageHeading>
      <p className="task-meta">
        <span>
          {t.taskId} <code data-testid="task-id">{task.id}</code>
        </span>
        <span>{labelFor(t.kindName, task.kind)}</span>
        {task.quota && (
          <span data-testid="quota">{t.quota(task.quota.used, task.quota.limit)}</span>
        )}
        {task.quota?.exposure && (
          <span data-testid="exposure">
            {t.exposure(
              Math.floor(task.quota.exposure.seconds / 60),
              Math.round(task.quota.exposure.limit_seconds / 60),
            )}
          </span>
        )}
        {task.assignment && <span>{t.expires(dateTime(task.assignment.expires_at))}</span>}
      </p>
      <p className="shortcuts">
        <span className="visually-hidden">{t.shortcutsLabel}: </span>
        {t.shortcuts}
      </p>

      <Wellness prefs={prefs} onChange={setPrefs} kind={task.kind} />

      <section className="card" aria-labelledby="text-heading">
        <h2 id="text-heading">{t.transcriptTitle}</h2>
        {text ? (
          <>
            <p className="transcript" data-testid="transcript">
              <Redacted text={text} />
            </p>
            <p className="note">{t.transcriptNote}</p>
          </>
        ) : (
          <p className="note">{t.noText}</p>
        )}
      </section>

      {task.kind === 'audio' && (
        <AudioPlayer
          taskId={task.id}
          ranges={task.redacted_ranges ?? []}
          duration={task.duration}
          prefs={prefs}
          controlRef={player}
          onGone={gone}
        />
      )}
      {task.kind === 'image' && (
        <TaskImage taskId={task.id} blur={prefs.blurImages} onGone={gone} />
      )}

      <AnswerForm
        task={task}
        sectionRef={answerRef}
        onGone={gone}
        actions={
          // Skipping is as much a choice as answering: beside it, not among the settings.
          <>
            <button
              type="button"
              onClick={() => void skip()}
              aria-keyshortcuts="s"
              aria-describedby="skip-explain"
              data-testid="skip"
            >
              {t.skipUncomfortable} <kbd>s</kbd>
            </button>
            <span className="note" id="skip-explain">
              {t.skipExplain}
            </span>
            {skipError !== null && <ErrorAlert error={skipError} />}
          </>
        }
      />

      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() => setFlagOpen(true)}
          aria-keyshortcuts="f"
          data-testid="flag"
        >
          {t.flag} <kbd>f</kbd>
        </button>
      </div>
      <FlagDialog
        taskId={task.id}
        open={flagOpen}
        onClose={() => setFlagOpen(false)}
        onGone={gone}
      />
    </div>
  );
}

function Wellness({
  prefs,
  onChange,
  kind,
}: {
  prefs: Prefs;
  onChange: (change: Partial<Prefs>) => void;
  kind: Task['kind'];
}) {
  const { t } = useI18n();
  // Text tasks have nothing to set.
  if (kind === 'text') return null;
  return (
    <details className="card wellness" open>
      <summary>
        <strong>{t.wellnessTitle}</strong>
      </summary>
      <p className="note">{t.wellnessNote}</p>
      <div className="wellness-controls">
        {kind === 'image' && (
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.blurImages}
              onChange={(e) => onChange({ blurImages: e.target.checked })}
              data-testid="pref-blur"
            />
            {t.blurImages}
          </label>
        )}
        {kind === 'audio' && (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={prefs.muted}
                onChange={(e) => onChange({ muted: e.target.checked })}
                data-testid="pref-mute"
              />
              {t.muteAudio}
            </label>
            <label className="range">
              {t.volume}
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={prefs.volume}
                onChange={(e) => onChange({ volume: Number(e.target.value) })}
                data-testid="pref-volume"
              />
              <span>{Math.round(prefs.volume * 100)} %</span>
            </label>
          </>
        )}
      </div>
    </details>
  );
}

/** Blurred and greyscale unless the reviewer turned that off or reveals this one image. */
function BlurredImage({ src, alt, blur }: { src: string; alt: string; blur: boolean }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const hidden = blur && !revealed;
  return (
    <figure className="image-box">
      <button
        type="button"
        className={`image-button${hidden ? ' blurred' : ''}`}
        onClick={() => setRevealed((r) => !r)}
        aria-pressed={!hidden}
        data-testid="image-toggle"
      >
        <img src={src} alt={alt} draggable={false} onContextMenu={(e) => e.preventDefault()} />
      </button>
      {blur && (
        <figcaption className="note">
          {hidden ? t.imageHidden : ''}{' '}
          <button type="button" className="small secondary" onClick={() => setRevealed((r) => !r)}>
            {hidden ? t.show : t.hide}
          </button>
        </figcaption>
      )}
    </figure>
  );
}

function TaskImage({
  taskId,
  blur,
  onGone,
}: {
  taskId: string;
  blur: boolean;
  onGone: () => void;
}) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.taskAudio(taskId).then(
      (link) => setSrc(link.url),
      (err) => {
        if (err instanceof ApiError && err.isGone) onGone();
        else setError(err);
      },
    );
  }, [taskId, onGone]);
  return (
    <section className="card" aria-labelledby="image-heading">
      <h2 id="image-heading">{t.imageTitle}</h2>
      {error !== null ? (
        <ErrorAlert error={error} />
      ) : src ? (
        <BlurredImage src={src} alt={t.imageTitle} blur={blur} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
