// What a reviewer is told after flagging a task: what happens next, what they will not learn,
// that they may stop, and where to get support. German or English, by Accept-Language.

export type GuidanceLang = 'de' | 'en';

const GUIDANCE: Record<GuidanceLang, string> = {
  en:
    'Thank you. The task has gone to the trust & safety team, who review it (usually within one ' +
    'working day) and decide whether it is reported; it has left your queue and you do not need ' +
    'to do anything more with it. You will not be told the outcome: that protects the people involved ' +
    'and you. You can stop reviewing now and take a break, without giving a reason. For support, ' +
    'talk to your lead. If what you read or heard stays with you, the TelefonSeelsorge in Germany ' +
    'is free, anonymous and open day and night on 0800 111 0 111 or 0800 111 0 222; in an ' +
    'emergency call 112.',
  de:
    'Danke. Die Aufgabe liegt jetzt beim Trust-&-Safety-Team, das sie prüft (in der Regel ' +
    'innerhalb eines Arbeitstages) und entscheidet, ob sie gemeldet wird; sie ist aus Ihrer ' +
    'Warteschlange genommen, Sie müssen nichts weiter damit tun. Über das Ergebnis werden Sie ' +
    'nicht informiert: Das schützt die Beteiligten und Sie. Sie können jetzt mit dem Prüfen ' +
    'aufhören und eine Pause machen, ohne Begründung. Unterstützung erhalten Sie bei Ihrer ' +
    'Teamleitung. Wenn Sie das Gelesene oder Gehörte nicht loslässt: Die TelefonSeelsorge ist ' +
    'kostenlos, anonym und rund um die Uhr unter 0800 111 0 111 oder 0800 111 0 222 erreichbar; ' +
    'im Notfall wählen Sie 112.',
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

export function flagGuidance(lang: GuidanceLang): string {
  return GUIDANCE[lang];
}
