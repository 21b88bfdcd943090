// The translation machinery both apps use: the language (from `?lang=`, else the browser), date
// formatting, and the React context that carries an app's texts. The texts themselves live in
// each app (web/src/i18n.ts, console/src/i18n.ts).
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { replaceSearchParam } from './router';

export type Lang = 'de' | 'en';
function asLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const base = value.trim().toLowerCase().slice(0, 2);
  return base === 'de' || base === 'en' ? base : null;
}

/** `?lang=de|en`, else the browser's language, else English. */
export function detectLang(): Lang {
  const fromUrl = asLang(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) return fromUrl;
  return asLang(navigator.language) ?? 'en';
}

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** A date in the language's locale; an unparsable one is shown as it came. */
function formatDate(lang: Lang, iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

export function labelFor(map: Record<string, string>, key: string): string {
  return map[key] ?? key;
}

/** The texts the shared components use; every app's catalogue has them. */
export interface BaseMessages {
  appName: string;
  loading: string;
  errorPrefix: string;
  networkError: string;
  genericError: (status: number) => string;
  skipLink: string;
  langGroup: string;
  navLabel: string;
  signOut: string;
  /** Texts for the server's error codes (ui-shared/error-texts.ts), in this language. */
  errorCodes: Readonly<Record<string, string>>;
  /** A refused form field, in this language. */
  fieldInvalid: string;
  /** Whether the server's own (English) error messages may be shown as they are. */
  showsServerMessages: boolean;
}

export interface I18n<M extends BaseMessages = BaseMessages> {
  lang: Lang;
  t: M;
  setLang: (lang: Lang) => void;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
}

export interface Formats {
  dateTime: Intl.DateTimeFormatOptions;
  date: Intl.DateTimeFormatOptions;
}

export function makeI18n<M extends BaseMessages>(
  messages: Record<Lang, M>,
  formats: Formats,
  lang: Lang,
  setLang: (lang: Lang) => void,
): I18n<M> {
  return {
    lang,
    t: messages[lang],
    setLang,
    dateTime: (iso) => formatDate(lang, iso, formats.dateTime),
    date: (iso) => formatDate(lang, iso, formats.date),
  };
}

/** One context for the app's I18n; each app puts its own catalogue in (see useI18nOf). */
export const I18nContext = createContext<I18n | null>(null);

/**
 * The app's I18n with its own message type. Each app renders under exactly one provider whose
 * value it built with makeI18n from its own catalogue, which is what makes the cast hold.
 */
export function useI18nOf<M extends BaseMessages>(): I18n<M> {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside the I18nContext provider');
  return i18n as I18n<M>;
}

/**
 * The page language: detected once, changed by the language switch (kept in `?lang=` so a
 * reload shows the same language), mirrored to <html lang> and to the API's Accept-Language.
 */
export function useLang(setApiLanguage: (lang: string) => void): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(detectLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    replaceSearchParam('lang', next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLanguage(lang);
  }, [lang, setApiLanguage]);
  return [lang, setLang];
}
