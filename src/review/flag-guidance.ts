// What a reviewer is told after flagging a task: what happens next, what they will not learn,
// that they may stop, and where to get support (the operator's contact). German or English,
// by Accept-Language.

export type GuidanceLang = 'de' | 'en';

const GUIDANCE: Record<GuidanceLang, string> = {
  en:
    'Thank you. The task has gone to the trust & safety team, who review it and decide whether ' +
    'it is reported; it has left your queue and you do not need to do anything more with it. ' +
    'You will not be told the outcome: that protects the people involved and you. You can stop ' +
    'reviewing now and take a break, without giving a reason.',
  de:
    'Danke. Die Aufgabe liegt jetzt beim Trust-&-Safety-Team, das sie prüft und entscheidet, ob ' +
    'sie gemeldet wird; sie ist aus Ihrer Warteschlange genommen, Sie müssen nichts weiter damit ' +
    'tun. Über das Ergebnis werden Sie nicht informiert: Das schützt die Beteiligten und Sie. ' +
    'Sie können jetzt mit dem Prüfen aufhören und eine Pause machen, ohne Begründung.',
};

// Where support is depends on the organisation and the country, so the operator names it
// (OBHUT_REVIEW_SUPPORT, e.g. an employee assistance line); without it, the lead.
const DEFAULT_SUPPORT: Record<GuidanceLang, string> = {
  en: 'For support, talk to your lead.',
  de: 'Unterstützung erhalten Sie bei Ihrer Teamleitung.',
};
const SUPPORT_PREFIX: Record<GuidanceLang, string> = {
  en: 'For support: ',
  de: 'Unterstützung: ',
};

/** The most preferred of German and English in an Accept-Language header; English otherwise. */
export function guidanceLang(acceptLanguage: string | undefined): GuidanceLang {
  let best: { lang: GuidanceLang; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const base = tag.trim().toLowerCase().slice(0, 2);
    if (base !== 'de' && base !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang ?? 'en';
}

/** The guidance, ending with the operator's support contact when one is configured. */
export function flagGuidance(lang: GuidanceLang, support?: string): string {
  const contact = support?.trim();
  return `${GUIDANCE[lang]} ${contact ? `${SUPPORT_PREFIX[lang]}${contact}` : DEFAULT_SUPPORT[lang]}`;
}
