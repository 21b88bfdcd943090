import { type FormEvent, type ReactNode, type RefObject, useState } from 'react';
import {
  type AnswerBody,
  ApiError,
  api,
  type LabelDefinition,
  type LocalText,
  type TaskView,
} from '../api';
import { ErrorAlert } from '../components';
import { type Lang, useI18n } from '../i18n';
import { placeholdersIn } from '../placeholders';
import { navigate, setFlash } from '../router';
import { taskText } from './Task';

/**
 * The questions the form asks: the server's questions when the labels file gave them texts,
 * else label definitions, else none: a labels file of plain names keeps its plain label
 * choices, as before questions had texts.
 */
function questionsOf(task: TaskView): LabelDefinition[] | null {
  const worded = task.questions?.some((q) => q.text || q.options.some((o) => o.text));
  if (task.questions && worded)
    return task.questions.map((q) => ({
      name: q.name,
      options: q.options.map((o) => o.value),
      multiple: q.multiple,
      ...(q.text ? { text: q.text } : {}),
      optionTexts: Object.fromEntries(
        q.options.flatMap((o) => (o.text ? [[o.value, o.text]] : [])),
      ),
    }));
  const labels = task.labels;
  return labels.length > 0 && typeof labels[0] === 'object' ? (labels as LabelDefinition[]) : null;
}

/** A text in the reviewer's language, else the other one, else the name made readable. */
function localised(text: LocalText | undefined, lang: Lang, name: string): string {
  return text?.[lang] ?? text?.[lang === 'de' ? 'en' : 'de'] ?? humane(name);
}

/** Label names as shown: "transcript_quality" → "transcript quality". */
function humane(name: string): string {
  return name.replace(/_/g, ' ');
}

/**
 * The answer, with `actions` (the task's other way out: skip) beside the submit button, so the
 * reviewer sees both choices in one place.
 */
export function AnswerForm({
  task,
  sectionRef,
  onGone,
  actions,
}: {
  task: TaskView;
  sectionRef: RefObject<HTMLElement | null>;
  onGone: () => void;
  actions?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const questions = questionsOf(task);
  const original = taskText(task);
  const [transcript, setTranscript] = useState(original);
  // Plain labels: the set of ticked names. Labels with options: chosen option(s) by name.
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = (name: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const choose = (label: LabelDefinition, option: string, on: boolean) =>
    setChosen((prev) => {
      const current = prev[label.name] ?? [];
      const next = label.multiple
        ? on
          ? [...current, option]
          : current.filter((o) => o !== option)
        : [option];
      return { ...prev, [label.name]: next };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    let labels: AnswerBody['labels'];
    if (questions) {
      const byName: Record<string, string | string[]> = {};
      for (const label of questions) {
        const values = chosen[label.name] ?? [];
        if (label.multiple) byName[label.name] = values;
        else if (values[0] !== undefined) byName[label.name] = values[0];
      }
      labels = byName;
    } else {
      labels = (task.labels as string[]).filter((name) => ticked.has(name));
    }
    const body: AnswerBody = { labels };
    if (task.kind === 'audio' && transcript.trim() && transcript !== original)
      body.transcript = transcript;
    try {
      await api.answer(task.id, body);
      setFlash(t.answerSaved);
      navigate('/queue');
    } catch (err) {
      if (err instanceof ApiError && err.isGone) onGone();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="answer-heading" ref={sectionRef}>
      <h2 id="answer-heading">
        {t.answerTitle} <kbd>a</kbd>
      </h2>
      <form onSubmit={(e) => void submit(e)} data-testid="answer-form">
        {task.kind === 'audio' && (
          <div className="field">
            <label htmlFor="transcript">{t.transcriptCorrection}</label>
            <p className="hint" id="transcript-hint" data-testid="transcript-hint">
              {t.transcriptCorrectionHint(placeholdersIn(original))}
            </p>
            <textarea
              id="transcript"
              rows={4}
              value={transcript}
              onChange={(e) => setTranscript(e.target.value)}
              aria-describedby="transcript-hint"
              spellCheck={false}
              data-testid="transcript-input"
            />
          </div>
        )}
        {questions ? (
          questions.map((label) => (
            <fieldset key={label.name} data-testid={`question-${label.name}`}>
              <legend>{localised(label.text, lang, label.name)}</legend>
              {label.options.map((option) => {
                const id = `label-${label.name}-${option}`;
                const checked = (chosen[label.name] ?? []).includes(option);
                return (
                  <div className="radio" key={option}>
                    <input
                      id={id}
                      type={label.multiple ? 'checkbox' : 'radio'}
                      name={`label-${label.name}`}
                      value={option}
                      checked={checked}
                      onChange={(e) => choose(label, option, e.target.checked)}
                      data-testid={id}
                    />
                    <label htmlFor={id}>
                      {localised(label.optionTexts?.[option], lang, option)}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))
        ) : task.labels.length > 0 ? (
          <fieldset>
            <legend>{t.labelsLegend}</legend>
            {(task.labels as string[]).map((name) => {
              const id = `label-${name}`;
              return (
                <div className="radio" key={name}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={ticked.has(name)}
                    onChange={(e) => toggle(name, e.target.checked)}
                    data-testid={id}
                  />
                  <label htmlFor={id}>{humane(name)}</label>
                </div>
              );
            })}
          </fieldset>
        ) : null}
        {error !== null && <ErrorAlert error={error} />}
        <div className="button-row">
          <button type="submit" aria-disabled={busy || undefined} data-testid="submit-answer">
            {busy ? t.submitting : t.submit}
          </button>
          {actions}
        </div>
      </form>
    </section>
  );
}
