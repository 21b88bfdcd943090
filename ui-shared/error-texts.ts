// The UIs word the server's errors themselves, from the stable error code: the server's own
// message is English, and a German page must never show it. A code without a text here gets
// the catalogue's generic message in German, and the server's message in English.
import type { Lang } from './i18n';

export const ERROR_CODE_TEXTS: Record<Lang, Readonly<Record<string, string>>> = {
  en: {
    REQUEST_INVALID: 'Some of what was sent is not valid. Please check the form and try again.',
    UNAUTHENTICATED: 'You are not signed in (any more). Please sign in again.',
    FORBIDDEN: 'You may not do this.',
    NOT_FOUND: 'This was not found. It may have been removed.',
    RATE_LIMITED: 'Too many attempts in a short time. Please wait a minute and try again.',
    TOKEN_ALREADY_USED:
      'This link was already used to sign in. Open it again from the platform to get a new one.',
    IDEMPOTENCY_KEY_REUSED: 'This request was already sent with other content. Please reload.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large.',
    SIGN_IN_LOCKED: 'Too many failed sign-ins: this account is locked for a while.',
    STORE_FAILED: 'The service cannot reach its database right now. Please try again later.',
    INTERNAL: 'Something went wrong on our side. It has been logged. Please try again later.',
  },
  de: {
    REQUEST_INVALID:
      'Einige Angaben sind nicht gültig. Bitte prüfen Sie das Formular und versuchen Sie es erneut.',
    UNAUTHENTICATED: 'Sie sind nicht (mehr) angemeldet. Bitte melden Sie sich erneut an.',
    FORBIDDEN: 'Das dürfen Sie nicht tun.',
    NOT_FOUND: 'Das wurde nicht gefunden. Vielleicht wurde es entfernt.',
    RATE_LIMITED:
      'Zu viele Versuche in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
    TOKEN_ALREADY_USED:
      'Mit diesem Link wurde bereits angemeldet. Öffnen Sie ihn erneut über die Plattform, um einen neuen zu erhalten.',
    IDEMPOTENCY_KEY_REUSED:
      'Diese Anfrage wurde schon mit anderem Inhalt gesendet. Bitte laden Sie die Seite neu.',
    PAYLOAD_TOO_LARGE: 'Was Sie gesendet haben, ist zu groß.',
    SIGN_IN_LOCKED:
      'Zu viele fehlgeschlagene Anmeldungen: Dieses Konto ist vorübergehend gesperrt.',
    STORE_FAILED:
      'Der Dienst erreicht seine Datenbank gerade nicht. Bitte versuchen Sie es später erneut.',
    INTERNAL:
      'Bei uns ist etwas schiefgegangen. Der Fehler wurde protokolliert. Bitte versuchen Sie es später erneut.',
  },
};

/** A field the server refused, worded in the page's language (the server's reason is English). */
export const FIELD_INVALID_TEXT: Record<Lang, string> = {
  en: 'This field is not valid.',
  de: 'Diese Angabe ist nicht gültig.',
};
