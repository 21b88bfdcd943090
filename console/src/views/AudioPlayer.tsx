// The recording: fetched once through one single-use signed link into a Blob, decoded for the
// waveform drawn on a canvas, and played from an object URL through an <audio> element without
// download, autoplay or a loud start. Loaded only when the reviewer asks. One play control: the
// element has no controls of its own (a second play button beside ours confused reviewers);
// seeking is on the waveform, volume and mute are in the viewing settings.
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { ApiError, api, type TimeRange } from '../api';
import { ErrorAlert } from '../components';
import { useI18n } from '../i18n';
import type { Prefs } from '../prefs';

export interface PlayerHandle {
  /** Loads the recording if needed, then plays or pauses it. */
  toggle(): void;
}

interface Peaks {
  min: Float32Array;
  max: Float32Array;
  duration: number;
}

const COLUMNS = 600;

/** Min and max of each of `COLUMNS` slices of the first channel. */
function peaksOf(buffer: AudioBuffer): Peaks {
  const data = buffer.getChannelData(0);
  const min = new Float32Array(COLUMNS);
  const max = new Float32Array(COLUMNS);
  const step = data.length / COLUMNS;
  for (let c = 0; c < COLUMNS; c++) {
    let lo = 0;
    let hi = 0;
    const end = Math.min(data.length, Math.floor((c + 1) * step));
    for (let i = Math.floor(c * step); i < end; i++) {
      const v = data[i] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[c] = lo;
    max[c] = hi;
  }
  return { min, max, duration: buffer.duration };
}

async function decode(bytes: ArrayBuffer): Promise<AudioBuffer> {
  // An offline context decodes without opening an audio output.
  const context = new OfflineAudioContext(1, 1, 44_100);
  return context.decodeAudioData(bytes);
}

function draw(canvas: HTMLCanvasElement, peaks: Peaks, ranges: readonly TimeRange[], at: number) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, width, height);
  const x = (seconds: number) => (seconds / (peaks.duration || 1)) * width;
  // Bleeped spans: grey with diagonal hatching, so they do not depend on colour alone.
  for (const r of ranges) {
    const x0 = x(r.start);
    const x1 = Math.max(x0 + 1, x(r.end));
    g.fillStyle = '#d9dce1';
    g.fillRect(x0, 0, x1 - x0, height);
    g.strokeStyle = '#8a8f98';
    g.lineWidth = ratio;
    g.beginPath();
    for (let hx = x0 - height; hx < x1; hx += 8 * ratio) {
      g.moveTo(Math.max(hx, x0), height - Math.max(0, x0 - hx));
      g.lineTo(Math.min(hx + height, x1), Math.max(0, hx + height - x1));
    }
    g.stroke();
  }
  const mid = height / 2;
  const colWidth = width / COLUMNS;
  const played = x(at);
  for (let c = 0; c < COLUMNS; c++) {
    const cx = c * colWidth;
    g.fillStyle = cx < played ? '#083a66' : '#5a7fa3';
    const top = mid - (peaks.max[c] ?? 0) * mid;
    const bottom = mid - (peaks.min[c] ?? 0) * mid;
    g.fillRect(cx, top, Math.max(1, colWidth - 0.5), Math.max(ratio, bottom - top));
  }
  g.fillStyle = '#b35900';
  g.fillRect(played - ratio, 0, 2 * ratio, height);
}

/** 75.4 → "1:15". */
function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function AudioPlayer({
  taskId,
  ranges,
  duration,
  prefs,
  controlRef,
  onGone,
}: {
  taskId: string;
  ranges: readonly TimeRange[];
  duration: number | undefined;
  prefs: Prefs;
  controlRef: RefObject<PlayerHandle | null>;
  onGone: () => void;
}) {
  const { t } = useI18n();
  const audioRef = useRef<HTMLAudioElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const playAfterLoad = useRef(false);
  /** The load under way or done for this task; a new task (or leaving it) starts over. */
  const loading = useRef<Promise<void> | null>(null);
  /** Fetches the recording once (set up per task by the effect below). */
  const load = useRef<(() => Promise<void>) | null>(null);

  // Kept in a ref: a new callback from the parent must not restart (and drop) the recording.
  const goneRef = useRef(onGone);
  goneRef.current = onGone;

  // The recording lives in memory as one Blob for as long as the task is open: its object URL
  // is revoked when the reviewer leaves the task (or the task changes under this player).
  useEffect(() => {
    let objectUrl: string | null = null;
    let left = false;
    loading.current = null;
    setSrc(null);
    setPeaks(null);
    setState('idle');
    setError(null);
    setPlaying(false);
    setPosition(0);
    playAfterLoad.current = false;
    load.current = () => {
      if (loading.current) return loading.current;
      setState('loading');
      setError(null);
      loading.current = (async () => {
        try {
          // One signed, single-use link, read once: the server logs one `listen` for it, and
          // both the waveform and the player work from these bytes.
          const link = await api.taskAudio(taskId);
          const res = await fetch(link.url, { cache: 'no-store', credentials: 'omit' });
          if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, '');
          const blob = await res.blob();
          // decodeAudioData takes its buffer over, so it gets a copy; the Blob stays intact.
          const decoded = peaksOf(await decode(await blob.arrayBuffer()));
          if (left) return;
          objectUrl = URL.createObjectURL(blob);
          setPeaks(decoded);
          setSrc(objectUrl);
          setState('ready');
        } catch (err) {
          if (left) return;
          loading.current = null;
          playAfterLoad.current = false;
          if (err instanceof ApiError && err.isGone) goneRef.current();
          else {
            setError(err);
            setState('failed');
          }
        }
      })();
      return loading.current;
    };
    return () => {
      left = true;
      load.current = null;
      audioRef.current?.pause();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [taskId]);

  const toggle = useCallback(() => {
    const audio = audioRef.current;
    if (!audio || !src) {
      playAfterLoad.current = true;
      void load.current?.();
      return;
    }
    if (audio.paused) void audio.play().catch(() => {});
    else audio.pause();
  }, [src]);

  useEffect(() => {
    controlRef.current = { toggle };
    return () => {
      controlRef.current = null;
    };
  }, [controlRef, toggle]);

  // Volume and mute follow the reviewer's settings; the element starts quiet (set before paint,
  // so it is never at full volume, not even for a frame).
  useLayoutEffect(() => {
    const audio = audioRef.current;
    if (!audio || !src) return;
    audio.volume = prefs.volume;
    audio.muted = prefs.muted;
  }, [src, prefs.volume, prefs.muted]);

  // Play once the reviewer asked for it before the recording was there.
  useEffect(() => {
    const audio = audioRef.current;
    if (src && audio && playAfterLoad.current) {
      playAfterLoad.current = false;
      void audio.play().catch(() => {});
    }
  }, [src]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas && peaks) draw(canvas, peaks, ranges, position);
  }, [peaks, ranges, position]);

  // Smooth playhead while playing.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      const audio = audioRef.current;
      if (audio) setPosition(audio.currentTime);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const seek = (seconds: number) => {
    const audio = audioRef.current;
    if (!audio || !peaks || !src) return;
    const next = Math.min(Math.max(0, seconds), peaks.duration);
    audio.currentTime = next;
    setPosition(next);
  };

  const onCanvasKey = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      seek(position - 5);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      seek(position + 5);
    } else if (event.key === 'Home') {
      event.preventDefault();
      seek(0);
    }
  };

  const seconds = (peaks?.duration ?? duration ?? 0).toFixed(1);

  return (
    <section className="card" aria-labelledby="audio-heading">
      <h2 id="audio-heading">{t.audioTitle}</h2>
      <p className="note">{t.audioNote}</p>
      {state !== 'ready' && (
        <div className="button-row">
          <button
            type="button"
            onClick={() => void load.current?.()}
            aria-disabled={state === 'loading' || undefined}
            data-testid="load-audio"
          >
            {state === 'loading' ? t.audioLoading : t.audioLoad}
          </button>
        </div>
      )}
      {error !== null &&
        (error instanceof ApiError ? (
          <ErrorAlert error={error} />
        ) : (
          <div className="alert alert-error" role="alert">
            <p>{t.audioFailed}</p>
          </div>
        ))}
      {peaks && (
        <>
          <canvas
            ref={canvasRef}
            className="waveform"
            role="img"
            aria-label={t.waveformLabel(seconds)}
            tabIndex={0}
            onKeyDown={onCanvasKey}
            onClick={(e) => {
              const box = e.currentTarget.getBoundingClientRect();
              seek(((e.clientX - box.left) / box.width) * peaks.duration);
            }}
            data-testid="waveform"
            data-duration={peaks.duration.toFixed(2)}
          />
          {ranges.length > 0 && <p className="note">{t.redactedMarks}</p>}
        </>
      )}
      {src && (
        // biome-ignore lint/a11y/useMediaCaption: the redacted transcript is shown beside it
        <audio
          ref={audioRef}
          src={src}
          controlsList="nodownload noplaybackrate noremoteplayback"
          preload="auto"
          onContextMenu={(e) => e.preventDefault()}
          onLoadStart={(e) => {
            e.currentTarget.volume = prefs.volume;
            e.currentTarget.muted = prefs.muted;
          }}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => setPlaying(false)}
          onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
          onError={() => {
            setPlaying(false);
            setError(new Error('the recording could not be played'));
          }}
          data-testid="audio"
        />
      )}
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={toggle}
          aria-keyshortcuts="Space"
          data-testid="play-pause"
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t.pause : t.play}{' '}
          <kbd>␣</kbd>
        </button>
        {peaks && (
          <span className="note" data-testid="audio-time">
            {clock(position)} / {clock(peaks.duration)}
          </span>
        )}
      </div>
    </section>
  );
}
