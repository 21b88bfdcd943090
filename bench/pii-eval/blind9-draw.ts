// Random values of the ninth blind set (issue 17), each as a gold-marked part in its written or
// spoken form. Conventions as in the sixth to eighth sets: a street with its house number, or a
// whole postal address, is one ADDRESS; a town on its own is a LOCATION; a title (Frau, Dr.,
// Mr …) is outside the PERSON span, and so is an English possessive "'s"; a date of birth's span
// leaves out "am"/"on"/"the"/"geb."/"born". Where a form has variants, this set takes others
// than the eighth: other mobile and area prefixes, Irish, Australian, Luxembourg and Canadian
// numbers, "+49 (0)" and "0049" prefixes, DIN 5008 grouping and dashes; IBANs of LU, BE, NL, FR;
// Mastercard's 2-series and JCB cards; "3rd July" and "July 3rd" dates; other plate districts and
// age identifiers; name forms with an initial, in capitals, hyphenated or with a particle.
import {
  asciiLabel,
  deNumber,
  deOrdinalDative,
  deYear,
  digitPairsDe,
  digitWords,
  digitWordsRuns,
  enNumber,
  enOrdinal,
  enYear,
  ibanCheck,
  type Kind,
  type Lang,
  luhnCheck,
  type Marked,
  MONTHS,
  mark,
  spellLetter,
  spokenName,
  steuerIdCheck,
} from './blind6-values.js';
import { BLIND9_NAMES, BLIND9_STREETS, BLIND9_TOWNS, BLIND9_WORD_NAMES } from './blind9-values.js';

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND9_NAMES);
/** Origins whose surnames take a particle in this set ("Bernat de Castanhet", "Santu di Leca"). */
const PARTICLE_ORIGINS: Record<string, readonly string[]> = {
  occitan: ['de', 'del'],
  corsican: ['di', 'della'],
};
const GB_POST_AREAS = ['BS', 'SA', 'HR', 'TA', 'LA', 'IV', 'DG', 'NE', 'SY', 'B', 'S', 'W'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['WUN', 'KEH', 'PAF', 'MIL', 'TÖL', 'SÜW', 'OHV', 'EBE', 'WAF', 'HSK', 'ZW'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['t-online.de', 'mailbox.org', 'freenet.de', 'arcor.de', 'vodafonemail.de'];
const EN_MAIL = ['yahoo.co.uk', 'hotmail.co.uk', 'protonmail.com', 'aol.com', 'sky.com'];
const EN_MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
EN_MONTH_SHORT.push('Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec');

/** Draws from one seeded stream; every value's form depends on the text's language and kind. */
export class Values {
  constructor(
    private readonly r: () => number,
    readonly lang: Lang,
    readonly kind: Kind,
  ) {}

  n(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  one(...xs: string[]): string {
    return this.pick(xs);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  digits(k: number, firstNonZero = false): string {
    let s = firstNonZero ? String(this.n(1, 9)) : '';
    while (s.length < k) s += String(this.n(0, 9));
    return s;
  }
  get spoken(): boolean {
    return this.kind === 'spoken';
  }
  get de(): boolean {
    return this.lang === 'de';
  }
  /** A number as the text's kind writes it: digits, or words. */
  w(n: number): string {
    if (!this.spoken) return String(n);
    return this.de ? deNumber(n) : enNumber(n);
  }
  /** A non-personal reference (claim, booking, case number): digits, or said digit by digit. */
  ref(k: number): string {
    const d = this.digits(k, true);
    return this.spoken ? digitWords(d, this.lang) : d;
  }

  // --- persons -------------------------------------------------------------------------------

  /** A person of one origin; about one in five has a surname that is also a word. */
  person(): Person {
    const src = this.chance(0.2) ? BLIND9_WORD_NAMES[this.lang] : BLIND9_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND9_WORD_NAMES[this.lang];
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person with a double-barrelled surname ("Quayle-Kermode"), both parts of one origin. */
  hyphenPerson(): Person {
    const o = BLIND9_NAMES[this.pick(ORIGINS)]!;
    const a = this.pick(o.last);
    const rest = o.last.filter((x) => x !== a && !x.includes(' '));
    const b = rest.length > 0 ? this.pick(rest) : a;
    return { first: this.pick(o.first), last: a === b ? a : `${a}-${b}` };
  }
  /** A person whose surname carries a particle ("Miquèla de Delpech", "Santu di Leca"). */
  particlePerson(): Person {
    const origin = this.pick(Object.keys(PARTICLE_ORIGINS));
    const o = BLIND9_NAMES[origin]!;
    return {
      first: this.pick(o.first),
      last: `${this.pick(PARTICLE_ORIGINS[origin]!)} ${this.pick(o.last)}`,
    };
  }
  private nameForm(s: string): string {
    return this.spoken ? spokenName(s) : s;
  }
  full(p: Person = this.person()): Marked {
    return mark(this.nameForm(`${p.first} ${p.last}`), 'PERSON');
  }
  last(p: Person = this.person()): Marked {
    return mark(this.nameForm(p.last), 'PERSON');
  }
  first(p: Person = this.person()): Marked {
    return mark(this.nameForm(p.first), 'PERSON');
  }
  /** "J. Doe" in writing; spoken, the letter alone ("j doe"). */
  initial(p: Person = this.person()): Marked {
    const i = p.first[0]!;
    return mark(
      this.spoken ? `${i.toLowerCase()} ${spokenName(p.last)}` : `${i}. ${p.last}`,
      'PERSON',
    );
  }
  /** A signature in capitals (written); spoken, as any name. */
  caps(p: Person = this.person()): Marked {
    const s = `${p.first} ${p.last}`;
    return mark(this.spoken ? spokenName(s) : s.toUpperCase(), 'PERSON');
  }

  // --- places --------------------------------------------------------------------------------

  town(): Marked {
    return mark(this.nameForm(this.pick(BLIND9_TOWNS[this.lang])), 'LOCATION');
  }
  private houseNumber(): string {
    const n = this.n(1, 180);
    const suffix = this.chance(0.15) ? this.one('a', 'c') : '';
    if (!this.spoken) return `${n}${suffix}`;
    return `${this.w(n)}${suffix ? ` ${suffix}` : ''}`;
  }
  private gbPostcode(): string {
    const area = this.pick(GB_POST_AREAS);
    const letter = () => GB_POST_LETTERS[this.n(0, GB_POST_LETTERS.length - 1)]!;
    const out = `${area}${this.n(1, 19)}`;
    const inward = `${this.n(1, 9)}${letter()}${letter()}`;
    if (!this.spoken) return `${out} ${inward}`;
    const say = (s: string) =>
      s
        .replace(/\d+/g, (d) => ` ${this.chance(0.6) ? enNumber(+d) : digitWords(d, 'en')} `)
        .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()} `);
    return `${say(out)} ${say(inward)}`.replace(/\s+/g, ' ').trim();
  }
  /** Street and house number; in English now and then a flat before it. */
  street(): Marked {
    const s = this.nameForm(this.pick(BLIND9_STREETS[this.lang]));
    const no = this.houseNumber();
    if (this.de) return mark(`${s} ${no}`, 'ADDRESS');
    if (this.chance(0.2)) {
      const flat = this.w(this.n(1, 12));
      return mark(this.spoken ? `flat ${flat} ${no} ${s}` : `Flat ${flat}, ${no} ${s}`, 'ADDRESS');
    }
    return mark(`${no} ${s}`, 'ADDRESS');
  }
  /** Street, number, postcode and town in one piece (German sometimes town first, "D-" prefix). */
  address(): Marked {
    const street = this.street().value;
    const town = this.nameForm(this.pick(BLIND9_TOWNS[this.lang]));
    if (this.de) {
      const plz = this.digits(5, true);
      if (this.spoken)
        return mark(
          `${street} ${this.chance(0.4) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`,
          'ADDRESS',
        );
      const style = this.n(0, 3);
      if (style === 0) return mark(`${plz} ${town}, ${street}`, 'ADDRESS');
      if (style === 1) return mark(`${street}\n${plz} ${town}`, 'ADDRESS');
      if (style === 2) return mark(`${street}, D-${plz} ${town}`, 'ADDRESS');
      return mark(`${street} · ${plz} ${town}`, 'ADDRESS');
    }
    const pc = this.gbPostcode();
    if (this.spoken) return mark(`${street} ${town} ${pc}`, 'ADDRESS');
    return mark(`${street}${this.one(', ', '\n')}${town}${this.one(', ', '\n')}${pc}`, 'ADDRESS');
  }

  // --- phone numbers -------------------------------------------------------------------------

  /** A number valid by the numbering plan of its country, national or international. */
  phone(): Marked {
    const intl = this.chance(0.4);
    if (this.de) {
      const where = this.n(0, 11);
      if (where === 0)
        return this.phoneForm('43', [this.one('0676', '0650'), this.digits(7, true)], true);
      if (where === 1)
        return this.phoneForm('41', [this.one('076', '078', '044'), this.digits(7, true)], true);
      if (where === 2)
        return this.phoneForm('352', [this.one('621', '691'), this.digits(6, true)], true);
      const national = this.chance(0.5)
        ? this.chance(0.5)
          ? [this.pick(['0152', '0157']), this.digits(8, true)]
          : [this.pick(['0162', '0171', '0172', '0175', '0177', '0178']), this.digits(7, true)]
        : this.chance(0.6)
          ? [this.pick(['040', '0211', '0221', '0711', '0341']), this.digits(7, true)]
          : [this.pick(['06221', '07071', '0551', '0931']), this.digits(6, true)];
      return this.phoneForm('49', national, intl);
    }
    const where = this.n(0, 9);
    if (where === 0)
      return this.phoneForm('353', [this.one('085', '086', '087'), this.digits(7, true)], intl);
    if (where === 1)
      return this.phoneForm('61', [`04${this.n(0, 9)}${this.n(0, 9)}`, this.digits(6, true)], true);
    if (where <= 3)
      return this.phoneForm(
        '1',
        [
          String(this.pick([212, 415, 312, 206, 512, 416, 604])),
          `${this.n(2, 9)}${this.n(2, 9)}${this.n(2, 9)}`,
          this.digits(4),
        ],
        intl,
      );
    const national = this.chance(0.5)
      ? [`07${this.n(4, 9)}${this.digits(2)}`, this.digits(6, true)]
      : this.chance(0.6)
        ? [this.pick(['0117', '0121', '0191', '0141']), this.digits(7, true)]
        : this.chance(0.5)
          ? [this.pick(['01223', '01865', '01904']), this.digits(6, true)]
          : ['020', `${this.one('3', '8')}${this.digits(7)}`];
    return this.phoneForm('44', national, intl);
  }

  /**
   * A number given as one's own that a numbering-plan validator rejects: too short, too long, or
   * a prefix no plan allocates.
   */
  phoneInvalid(): Marked {
    const pick = this.n(0, 2);
    if (this.de) {
      if (pick === 0) return this.phoneForm('49', [`017${this.n(0, 9)}`, this.digits(3)], false);
      if (pick === 1) return this.phoneForm('49', [`016${this.n(2, 3)}`, this.digits(11)], true);
      return this.phoneForm('49', ['0110', this.digits(6, true)], false);
    }
    if (pick === 0) return this.phoneForm('44', [`07${this.n(4, 9)}`, this.digits(3)], false);
    if (pick === 1) return this.phoneForm('44', ['0111', this.digits(10)], true);
    return this.phoneForm(
      '1',
      [`1${this.digits(2)}`, `${this.n(2, 9)}${this.digits(2)}`, this.digits(4)],
      false,
    );
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    const head = national[0]!.replace(/^0/, '');
    if (!this.spoken) {
      if (intl) {
        const style = this.n(0, 3);
        const rest = national.slice(1);
        if (style === 0 && (cc === '49' || cc === '44' || cc === '43'))
          return mark(`+${cc} (0)${head} ${rest.join(' ')}`, 'PHONE');
        if (style === 1 && this.de) return mark(`00${cc} ${head} ${rest.join('')}`, 'PHONE');
        if (style === 2) return mark(`+${cc}-${head}-${rest.join('-')}`, 'PHONE');
        return mark(`+${cc} ${head} ${rest.join(' ')}`, 'PHONE');
      }
      if (cc === '1')
        return mark(
          national.length === 3
            ? this.chance(0.5)
              ? `(${national[0]}) ${national[1]}-${national[2]}`
              : `${national[0]}-${national[1]}-${national[2]}`
            : national.join(' '),
          'PHONE',
        );
      const tail = national.slice(1).join('');
      const style = this.n(0, 3);
      // DIN 5008: area code, space, the number in groups of two from the right, or with a dash.
      if (style === 0 && this.de)
        return mark(`${national[0]} ${tail.replace(/(\d)(?=(\d{2})+$)/g, '$1 ')}`, 'PHONE');
      if (style === 1 && this.de) return mark(`${national[0]}-${tail}`, 'PHONE');
      if (style === 2 && !this.de && tail.length >= 6)
        return mark(`${national[0]} ${tail.slice(0, 3)} ${tail.slice(3)}`, 'PHONE');
      return mark(`${national[0]} ${tail}`, 'PHONE');
    }
    const groups = intl ? [`+${cc}`, head, ...national.slice(1)] : national;
    const said = groups.map((g) => {
      if (g.startsWith('+')) {
        const c = g.slice(1);
        if (this.de)
          return `${this.one('plus', 'null null', 'plus')} ${this.chance(0.6) ? deNumber(+c) : digitWords(c, 'de')}`;
        return `plus ${this.chance(0.6) ? digitWords(c, 'en') : enNumber(+c)}`;
      }
      if (this.de) return this.chance(0.4) ? digitWords(g, 'de') : digitPairsDe(g);
      return this.chance(0.4) ? digitWordsRuns(g) : digitWords(g, 'en', this.chance(0.6));
    });
    return mark(said.join(' '), 'PHONE');
  }

  // --- e-mail --------------------------------------------------------------------------------

  email(p: Person = this.person()): Marked {
    const ascii = (x: string) => asciiLabel(x.replace(/ł/g, 'l'));
    const f = ascii(p.first);
    const l = ascii(p.last);
    const sep = this.one('.', '_', '-', '', '.');
    const local = this.pick([
      `${f}${sep}${l}`,
      `${l}.${f[0]}`,
      `${f}${this.n(10, 99)}`,
      `${f[0]}${l}${this.n(1960, 2005)}`,
      `${l}-${f}`,
      `${f}${sep}${l}`,
    ]);
    const domain = this.pick(this.de ? DE_MAIL : EN_MAIL);
    const written = `${local}@${domain}`;
    if (!this.spoken) return mark(written, 'EMAIL');
    const symbol: Record<string, string> = this.de
      ? {
          '.': 'punkt',
          _: 'unterstrich',
          '-': this.one('minus', 'bindestrich'),
          '@': this.one('at', 'ät', 'klammeraffe'),
        }
      : { '.': 'dot', _: 'underscore', '-': this.one('dash', 'hyphen'), '@': 'at' };
    const said = written
      .split(/([._@-])/)
      .filter((t) => t !== '')
      .map((t) => symbol[t] ?? t.replace(/\d+/g, (d) => ` ${this.saidNumber(d)} `))
      .join(' ');
    return mark(said.replace(/\s+/g, ' ').trim(), 'EMAIL');
  }

  private saidNumber(d: string): string {
    if (d.length === 4) return this.de ? deYear(+d) : enYear(+d);
    return this.chance(0.6) ? this.w(+d) : digitWords(d, this.lang);
  }

  // --- bank and card -------------------------------------------------------------------------

  iban(): Marked {
    const country = this.pick(
      this.de ? ['DE', 'DE', 'AT', 'LU', 'BE'] : ['GB', 'GB', 'IE', 'NL', 'FR'],
    );
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const bban =
      country === 'DE'
        ? this.digits(8, true) + this.digits(10)
        : country === 'AT'
          ? this.digits(16, true)
          : country === 'LU'
            ? this.digits(3, true) + this.digits(13)
            : country === 'BE'
              ? belgianAccount(this.digits(10, true))
              : country === 'NL'
                ? letters(4) + this.digits(10, true)
                : country === 'FR'
                  ? this.digits(23, true)
                  : letters(4) + this.digits(14, true);
    const iban = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!this.spoken)
      return mark(this.chance(0.75) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban, 'IBAN');
    const byAlphabet = this.chance(0.3);
    const letter = (c: string) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase());
    const said = iban.match(/.{1,4}/g)!.map((g) =>
      g
        .split(/(\d+)/)
        .filter((x) => x !== '')
        .map((x) =>
          /\d/.test(x)
            ? this.de && this.chance(0.4)
              ? digitPairsDe(x)
              : digitWords(x, this.lang, !this.de && this.chance(0.4))
            : [...x].map(letter).join(' '),
        )
        .join(' '),
    );
    return mark(said.join(' '), 'IBAN');
  }

  card(): Marked {
    const scheme = this.n(0, 3);
    if (scheme === 3) {
      // American Express: 15 digits in groups of 4, 6 and 5.
      const body = `37${this.digits(12)}`;
      const card = `${body}${luhnCheck(body)}`;
      const groups = [card.slice(0, 4), card.slice(4, 10), card.slice(10)];
      if (!this.spoken) return mark(groups.join(this.one(' ', '-')), 'CREDIT_CARD');
      return mark(groups.map((g) => digitWords(g, this.lang)).join(' '), 'CREDIT_CARD');
    }
    const body =
      scheme === 0
        ? `4${this.digits(14)}`
        : scheme === 1
          ? `2${this.n(221, 720)}${this.digits(11)}`
          : `35${this.n(28, 89)}${this.digits(11)}`;
    const card = `${body}${luhnCheck(body)}`;
    const groups = card.match(/\d{4}/g)!;
    if (!this.spoken) return mark(groups.join(this.one(' ', ' ', '-')), 'CREDIT_CARD');
    return mark(
      groups
        .map((g) => (this.de && this.chance(0.4) ? digitPairsDe(g) : digitWords(g, this.lang)))
        .join(' '),
      'CREDIT_CARD',
    );
  }

  // --- identifiers ---------------------------------------------------------------------------

  /** A Steuer-ID: ten digits, one of them twice, first not 0, then the check digit. */
  taxId(): Marked {
    const pool = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = this.n(0, i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    // Nine distinct digits and one of them again, shuffled, a non-zero digit in front.
    const ten = [...pool.slice(0, 9), pool[this.n(0, 8)]!];
    for (let i = ten.length - 1; i > 0; i--) {
      const j = this.n(0, i);
      [ten[i], ten[j]] = [ten[j]!, ten[i]!];
    }
    if (ten[0] === 0) {
      const k = ten.findIndex((d) => d !== 0);
      [ten[0], ten[k]] = [ten[k]!, ten[0]!];
    }
    const id = `${ten.join('')}${steuerIdCheck(ten.join(''))}`;
    if (this.spoken)
      return mark(this.chance(0.5) ? digitWords(id, 'de') : digitPairsDe(id), 'DE_TAX_ID');
    return mark(
      this.chance(0.5)
        ? `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}`
        : id,
      'DE_TAX_ID',
    );
  }

  /** A US social security number outside the never-issued areas (000, 666, 900–999). */
  ssn(): Marked {
    let area = this.n(1, 899);
    if (area === 666) area = 665;
    const a = String(area).padStart(3, '0');
    const g = String(this.n(1, 99)).padStart(2, '0');
    const s = String(this.n(1, 9999)).padStart(4, '0');
    if (!this.spoken)
      return mark(this.chance(0.25) ? `${a} ${g} ${s}` : `${a}-${g}-${s}`, 'US_SSN');
    return mark(
      this.chance(0.5)
        ? [a, g, s].map((x) => digitWords(x, 'en', this.chance(0.5))).join(' ')
        : digitWordsRuns(`${a}${g}${s}`),
      'US_SSN',
    );
  }

  // --- date of birth -------------------------------------------------------------------------

  /**
   * A date of birth in the form of the text's language and kind. German spoken dates are dative
   * ("am dritten juli …") unless `nominative` ("der dritte juli …").
   */
  dob(nominative = false): Marked {
    const y = this.n(1935, 2009);
    const m = this.n(1, 12);
    const d = this.n(1, 28);
    const mon = MONTHS[this.lang][m - 1]!;
    const p2 = (x: number) => String(x).padStart(2, '0');
    let s: string;
    if (this.de) {
      const ord = (x: number) => {
        const dative = deOrdinalDative(x);
        return nominative ? dative.slice(0, -1) : dative;
      };
      if (!this.spoken)
        s = this.pick([`${d}. ${mon} ${y}`, `${p2(d)}.${p2(m)}.${y}`, `${y}-${p2(m)}-${p2(d)}`]);
      else
        s = this.chance(0.6)
          ? `${ord(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${ord(d)} ${ord(m)} ${deYear(y)}`;
    } else if (!this.spoken) {
      const th = enOrdinalSuffix(d);
      s = this.pick([
        `${d}${th} ${mon} ${y}`,
        `${mon} ${d}${th}, ${y}`,
        `${p2(d)}/${p2(m)}/${y}`,
        `${d} ${EN_MONTH_SHORT[m - 1]} ${y}`,
      ]);
    } else
      s = this.pick([
        `${mon.toLowerCase()} the ${enOrdinal(d)} ${enYear(y)}`,
        `${enOrdinal(d)} of ${mon.toLowerCase()} ${enYear(y)}`,
        `${mon.toLowerCase()} ${enOrdinal(d)} ${enYear(y)}`,
      ]);
    return mark(s, 'DATE_OF_BIRTH');
  }

  // --- network and vehicles ------------------------------------------------------------------

  ip(): Marked {
    let octets: number[];
    const kind = this.n(0, 3);
    if (kind === 0) octets = [10, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    else if (kind === 1) octets = [192, 168, this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(23, 217);
      if (first === 127) first = 126;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(`2001:${h()}:${h()}::${h()}:${h()}`, 'IP_ADDRESS');
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const dot = this.de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.35);
    const said = octets.map((o) => (byDigit ? digitWords(String(o), this.lang) : this.w(o)));
    return mark(said.join(` ${dot} `), 'IP_ADDRESS');
  }

  plate(): Marked {
    const letter = () => PLATE_LETTERS[this.n(0, PLATE_LETTERS.length - 1)]!;
    const byAlphabet = this.chance(0.35);
    const say = (s: string) =>
      [...s].map((c) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase())).join(' ');
    if (this.de) {
      const district = this.pick(DE_DISTRICTS);
      const mid = letter() + (this.chance(0.5) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 99 : 9999));
      const h = this.chance(0.1) ? 'H' : '';
      if (!this.spoken)
        return mark(`${district}${this.one('-', ' ', '-')}${mid} ${num}${h}`, 'VEHICLE_PLATE');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${h ? ' h' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['17', '67', '18', '68', '22', '72', '24', '74']);
    const head = letter() + letter();
    const tail = letter() + letter() + letter();
    if (!this.spoken) return mark(`${head}${age}${this.one(' ', ' ', '')}${tail}`, 'VEHICLE_PLATE');
    const a = this.chance(0.5) ? digitWords(age, 'en') : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}

/** "st", "nd", "rd" or "th" after a day of the month. */
function enOrdinalSuffix(d: number): string {
  if (d >= 11 && d <= 13) return 'th';
  return d % 10 === 1 ? 'st' : d % 10 === 2 ? 'nd' : d % 10 === 3 ? 'rd' : 'th';
}

/** A Belgian account number: ten digits and their remainder mod 97 (97 for 0) as two digits. */
function belgianAccount(ten: string): string {
  const rest = Number(ten) % 97;
  return `${ten}${String(rest === 0 ? 97 : rest).padStart(2, '0')}`;
}
