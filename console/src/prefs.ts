// Per-reviewer wellness settings: blur and greyscale for images, mute, volume. Kept on this
// device under the staff id (never the username); nothing here is sent to the server.
import { useCallback, useState } from 'react';

export interface Prefs {
  blurImages: boolean;
  muted: boolean;
  /** 0..1; playback starts low. */
  volume: number;
}

const DEFAULT_PREFS: Prefs = { blurImages: true, muted: false, volume: 0.2 };

const key = (staffId: string) => `obhut.console.prefs.${staffId}`;

function load(staffId: string): Prefs {
  try {
    const raw = localStorage.getItem(key(staffId));
    if (!raw) return DEFAULT_PREFS;
    const v = JSON.parse(raw) as Partial<Prefs>;
    return {
      blurImages: typeof v.blurImages === 'boolean' ? v.blurImages : DEFAULT_PREFS.blurImages,
      muted: typeof v.muted === 'boolean' ? v.muted : DEFAULT_PREFS.muted,
      volume:
        typeof v.volume === 'number' && v.volume >= 0 && v.volume <= 1
          ? v.volume
          : DEFAULT_PREFS.volume,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function usePrefs(staffId: string): [Prefs, (change: Partial<Prefs>) => void] {
  const [prefs, setPrefs] = useState(() => load(staffId));
  const update = useCallback(
    (change: Partial<Prefs>) => {
      setPrefs((prev) => {
        const next = { ...prev, ...change };
        try {
          localStorage.setItem(key(staffId), JSON.stringify(next));
        } catch {
          // Not stored: the settings last for this page only.
        }
        return next;
      });
    },
    [staffId],
  );
  return [prefs, update];
}
