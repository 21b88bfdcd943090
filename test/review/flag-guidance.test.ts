import { describe, expect, it } from 'vitest';
import { flagGuidance, guidanceLang } from '../../src/review/flag-guidance.js';

describe('guidanceLang', () => {
  it('takes the most preferred of German and English, else English', () => {
    expect(guidanceLang(undefined)).toBe('en');
    expect(guidanceLang('')).toBe('en');
    expect(guidanceLang('de')).toBe('de');
    expect(guidanceLang('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(guidanceLang('en-GB,de;q=0.5')).toBe('en');
    expect(guidanceLang('fr-FR,fr;q=0.9,de;q=0.7,en;q=0.6')).toBe('de');
    expect(guidanceLang('de;q=0, en;q=0.1')).toBe('en');
    expect(guidanceLang('fr')).toBe('en');
  });
});

describe('flagGuidance', () => {
  it('says what happens next, that the outcome is not told, that one may stop, and where support is', () => {
    const de = flagGuidance('de');
    expect(de).toMatch(/Trust-&-Safety-Team/);
    expect(de).toMatch(/Über das Ergebnis werden Sie nicht informiert/);
    expect(de).toMatch(/mit dem Prüfen aufhören/);
    expect(de).toMatch(/Teamleitung/);
    expect(flagGuidance('en')).toMatch(/talk to your lead/);
    for (const text of [de, flagGuidance('en')]) expect(text).not.toMatch(/help page|Hilfeseite/);
  });

  it("ends with the operator's support contact when one is configured", () => {
    const contact = 'Employee assistance, +49 30 1234567, any time';
    expect(flagGuidance('en', contact)).toMatch(
      /For support: Employee assistance, \+49 30 1234567/,
    );
    expect(flagGuidance('de', contact)).toMatch(/Unterstützung: Employee assistance/);
    expect(flagGuidance('en', contact)).not.toMatch(/talk to your lead/);
    expect(flagGuidance('en', '   ')).toMatch(/talk to your lead/);
  });
});
