// Random values of the tenth blind set (issue 17), each as a gold-marked part in its written or
// spoken form. Conventions as in the sixth to ninth sets: a street with its house number, or a
// whole postal address, is one ADDRESS; a town on its own is a LOCATION; a title (Frau, Dr.,
// Mr …) is outside the PERSON span, and so is an English possessive "'s"; a date of birth's span
// leaves out "am"/"on"/"the"/"geb."/"born". Where a form has variants, this set takes others
// than the ninth: slash and bracketed German numbers ("0151/…", "(0 30) …"), Dutch, Polish,
// Austrian and Swiss numbers beside German ones; New Zealand, South African, Indian and
// Singapore numbers beside British and US ones, US numbers with dots; IBANs of CH, PL, DK, ES
// beside DE, AT, GB, IE; Mastercard 51–55, Discover and Diners cards beside Visa and Amex;
// dates without leading zeros ("7.3.1984"), US month-first dates, "7-Mar-1984"; other plate
// districts, Austrian plates, UK age identifiers 19/69, 20/70, 21/71, 23/73, 25/75.
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
import {
  BLIND10_NAMES,
  BLIND10_STREETS,
  BLIND10_TOWNS,
  BLIND10_WORD_NAMES,
} from './blind10-values.js';

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND10_NAMES);
/** Origins whose surnames take a particle in this set ("Pieri di Toffoli", "Djoya de Saporta"). */
const PARTICLE_ORIGINS: Record<string, readonly string[]> = {
  friulian: ['di', 'de'],
  ladino: ['de', 'del'],
};
const GB_POST_AREAS = ['CB', 'OX', 'YO', 'LS', 'M', 'G', 'EH', 'CF', 'PL', 'TR', 'EX', 'NR'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['HN', 'LB', 'RT', 'FDS', 'KÜN', 'NEA', 'WÜ', 'OAL', 'GAP', 'BGL', 'LÖ'];
const AT_DISTRICTS = ['W', 'G', 'L', 'S', 'GU', 'KB', 'VB', 'MD', 'ZE', 'BN'];
/** Polish mobile (50, 51, 53, 60, 66, 69, 72, 79) and city (61, 71, 58) prefixes. */
const POLISH_PREFIXES = ['50', '51', '53', '60', '66', '69', '72', '79', '61', '71', '58'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['gmx.net', 'web.de', 'posteo.de', 'outlook.de', 'kabelmail.de'];
const EN_MAIL = ['gmail.com', 'btinternet.com', 'outlook.com', 'icloud.com', 'virginmedia.com'];
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
  /** A non-personal reference (ticket, order, file number): digits, or said digit by digit. */
  ref(k: number): string {
    const d = this.digits(k, true);
    return this.spoken ? digitWords(d, this.lang) : d;
  }

  // --- persons -------------------------------------------------------------------------------

  /** A person of one origin; about one in six has a surname that is also a word. */
  person(): Person {
    const src = this.chance(0.17)
      ? BLIND10_WORD_NAMES[this.lang]
      : BLIND10_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND10_WORD_NAMES[this.lang];
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person with a double-barrelled surname ("Kabua-Loeak"), both parts of one origin. */
  hyphenPerson(): Person {
    let o = BLIND10_NAMES[this.pick(ORIGINS)]!;
    while (o.last.filter((x) => !x.includes(' ')).length < 2)
      o = BLIND10_NAMES[this.pick(ORIGINS)]!;
    const plain = o.last.filter((x) => !x.includes(' '));
    const a = this.pick(plain);
    const b = this.pick(plain.filter((x) => x !== a));
    return { first: this.pick(o.first), last: `${a}-${b}` };
  }
  /** A person whose surname carries a particle ("Nart di Zanier", "Bohor del Gattegno"). */
  particlePerson(): Person {
    const origin = this.pick(Object.keys(PARTICLE_ORIGINS));
    const o = BLIND10_NAMES[origin]!;
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
  /** "Toffoli, Pieri" in writing; spoken, surname then given name without the comma. */
  inverted(p: Person = this.person()): Marked {
    return mark(
      this.spoken ? spokenName(`${p.last} ${p.first}`) : `${p.last}, ${p.first}`,
      'PERSON',
    );
  }
  /** "P. Toffoli" or "P.T." in writing; spoken, the letter alone ("p toffoli"). */
  initial(p: Person = this.person()): Marked {
    const i = p.first[0]!;
    return mark(
      this.spoken ? `${i.toLowerCase()} ${spokenName(p.last)}` : `${i}. ${p.last}`,
      'PERSON',
    );
  }
  /** A name in capitals (written: a signature, a notice); spoken, as any name. */
  caps(p: Person = this.person()): Marked {
    const s = `${p.first} ${p.last}`;
    return mark(this.spoken ? spokenName(s) : s.toUpperCase(), 'PERSON');
  }

  // --- places --------------------------------------------------------------------------------

  town(): Marked {
    return mark(this.nameForm(this.pick(BLIND10_TOWNS[this.lang])), 'LOCATION');
  }
  private houseNumber(): string {
    const n = this.n(1, 240);
    const suffix = this.chance(0.15) ? this.one('b', 'd') : '';
    if (!this.spoken) return `${n}${suffix}`;
    return `${this.w(n)}${suffix ? ` ${suffix}` : ''}`;
  }
  private gbPostcode(): string {
    const area = this.pick(GB_POST_AREAS);
    const letter = () => GB_POST_LETTERS[this.n(0, GB_POST_LETTERS.length - 1)]!;
    const out = `${area}${this.n(1, 24)}`;
    const inward = `${this.n(1, 9)}${letter()}${letter()}`;
    if (!this.spoken) return `${out} ${inward}`;
    const say = (s: string) =>
      s
        .replace(/\d+/g, (d) => ` ${this.chance(0.5) ? enNumber(+d) : digitWords(d, 'en')} `)
        .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()} `);
    return `${say(out)} ${say(inward)}`.replace(/\s+/g, ' ').trim();
  }
  /** Street and house number; German now and then a range ("12–14"), English a unit before it. */
  street(): Marked {
    const s = this.nameForm(this.pick(BLIND10_STREETS[this.lang]));
    const no = this.houseNumber();
    if (this.de) {
      if (!this.spoken && this.chance(0.1)) {
        const a = this.n(2, 60);
        return mark(`${s} ${a}–${a + 2}`, 'ADDRESS');
      }
      return mark(`${s} ${no}`, 'ADDRESS');
    }
    if (this.chance(0.2)) {
      const unit = this.w(this.n(1, 30));
      return mark(this.spoken ? `unit ${unit} ${no} ${s}` : `Unit ${unit}, ${no} ${s}`, 'ADDRESS');
    }
    return mark(`${no} ${s}`, 'ADDRESS');
  }
  /** Street, number, postcode and town in one piece. */
  address(): Marked {
    const street = this.street().value;
    const town = this.nameForm(this.pick(BLIND10_TOWNS[this.lang]));
    if (this.de) {
      const plz = this.digits(5, true);
      if (this.spoken)
        return mark(
          `${street} ${this.chance(0.5) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`,
          'ADDRESS',
        );
      const style = this.n(0, 2);
      if (style === 0) return mark(`${street}, ${plz} ${town}`, 'ADDRESS');
      if (style === 1) return mark(`${street} in ${plz} ${town}`, 'ADDRESS');
      return mark(`${street} / ${plz} ${town}`, 'ADDRESS');
    }
    const pc = this.gbPostcode();
    if (this.spoken) return mark(`${street} ${town} ${pc}`, 'ADDRESS');
    return mark(`${street}, ${town}${this.one(' ', ', ')}${pc}`, 'ADDRESS');
  }

  // --- phone numbers -------------------------------------------------------------------------

  /** A number valid by the numbering plan of its country, national or international. */
  phone(): Marked {
    const intl = this.chance(0.4);
    if (this.de) {
      const where = this.n(0, 11);
      if (where === 0)
        return this.phoneForm('43', [this.one('0664', '0699'), this.digits(7, true)], true);
      if (where === 1)
        return this.phoneForm('41', [this.one('079', '031'), this.digits(7, true)], true);
      if (where === 2) return this.phoneForm('31', ['06', this.digits(8, true)], true);
      if (where === 3)
        return this.phoneForm(
          '48',
          [`0${this.pick(POLISH_PREFIXES)}${this.digits(1)}`, this.digits(6)],
          true,
        );
      const national = this.chance(0.5)
        ? this.chance(0.5)
          ? [this.pick(['0151', '0159', '0176']), this.digits(8, true)]
          : [this.pick(['0160', '0170', '0179']), this.digits(7, true)]
        : this.chance(0.6)
          ? [this.pick(['030', '089', '069']), this.digits(7, true)]
          : [this.pick(['0201', '0381', '0361', '0421']), this.digits(6, true)];
      return this.phoneForm('49', national, intl);
    }
    const where = this.n(0, 11);
    if (where === 0)
      return this.phoneForm('64', [`02${this.one('1', '2', '7')}`, this.digits(7, true)], true);
    if (where === 1)
      return this.phoneForm('27', [`08${this.one('2', '3', '4')}`, this.digits(7, true)], true);
    if (where === 2)
      return this.phoneForm(
        '91',
        [`0${this.one('98', '97', '94')}${this.digits(3)}`, this.digits(5)],
        true,
      );
    if (where === 3)
      return this.phoneForm('65', [`${this.one('8', '9')}${this.digits(3)}`, this.digits(4)], true);
    if (where <= 5)
      return this.phoneForm(
        '1',
        [
          String(this.pick([617, 303, 702, 919, 503, 612])),
          `${this.n(2, 9)}${this.n(2, 9)}${this.n(0, 9)}`,
          this.digits(4),
        ],
        intl,
      );
    const national = this.chance(0.5)
      ? [`07${this.one('7', '8', '9')}${this.digits(2)}`, this.digits(6, true)]
      : this.chance(0.6)
        ? [this.pick(['0161', '0131', '0113', '0114']), this.digits(7, true)]
        : ['020', `7${this.digits(7)}`];
    return this.phoneForm('44', national, intl);
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    const head = national[0]!.replace(/^0/, '');
    if (!this.spoken) {
      const rest = national.slice(1);
      if (intl) {
        const style = this.n(0, 2);
        if (style === 0 && cc === '1') return mark(`+1 ${head}.${rest.join('.')}`, 'PHONE');
        if (style === 1) return mark(`+${cc} ${head} ${rest.join(' ')}`, 'PHONE');
        if (style === 2 && (cc === '44' || cc === '49'))
          return mark(`+${cc} (0) ${head} ${rest.join(' ')}`, 'PHONE');
        return mark(`+${cc} ${head}${rest.map((x) => ` ${x}`).join('')}`, 'PHONE');
      }
      if (cc === '1')
        return mark(
          this.chance(0.5)
            ? `(${national[0]}) ${national[1]}-${national[2]}`
            : `${national[0]}.${national[1]}.${national[2]}`,
          'PHONE',
        );
      const tail = rest.join('');
      const style = this.n(0, 2);
      if (this.de) {
        if (style === 0) return mark(`${national[0]}/${tail}`, 'PHONE');
        if (style === 1 && national[0]!.length === 3)
          return mark(`(0 ${head}) ${tail.slice(0, 3)} ${tail.slice(3)}`, 'PHONE');
        return mark(`${national[0]} ${tail.slice(0, 3)} ${tail.slice(3)}`, 'PHONE');
      }
      if (style === 0 && national[0]!.length === 5)
        return mark(`(${national[0]}) ${tail.slice(0, 3)} ${tail.slice(3)}`, 'PHONE');
      return mark(`${national[0]} ${tail}`, 'PHONE');
    }
    const groups = intl ? [`+${cc}`, head, ...national.slice(1)] : national;
    const said = groups.map((g) => {
      if (g.startsWith('+')) {
        const c = g.slice(1);
        if (this.de)
          return `${this.one('plus', 'null null')} ${this.chance(0.5) ? deNumber(+c) : digitWords(c, 'de')}`;
        return `plus ${this.chance(0.5) ? digitWords(c, 'en') : enNumber(+c)}`;
      }
      if (this.de) return this.chance(0.5) ? digitWords(g, 'de') : digitPairsDe(g);
      return this.chance(0.5) ? digitWordsRuns(g) : digitWords(g, 'en', this.chance(0.5));
    });
    return mark(said.join(' '), 'PHONE');
  }

  // --- e-mail --------------------------------------------------------------------------------

  email(p: Person = this.person()): Marked {
    const f = asciiLabel(p.first);
    const l = asciiLabel(p.last);
    const local = this.pick([
      `${f}.${l}`,
      `${f[0]}.${l}`,
      `${l}${this.n(1, 99)}`,
      `${f}_${l}`,
      `${f}-${l[0]}`,
      `${l}.${f}`,
      `${f}${l}`,
    ]);
    const domain = this.pick(this.de ? DE_MAIL : EN_MAIL);
    const written = `${local}@${domain}`;
    if (!this.spoken) return mark(written, 'EMAIL');
    const symbol: Record<string, string> = this.de
      ? {
          '.': 'punkt',
          _: 'unterstrich',
          '-': this.one('minus', 'bindestrich', 'strich'),
          '@': this.one('at', 'ät'),
        }
      : { '.': 'dot', _: 'underscore', '-': this.one('dash', 'hyphen'), '@': 'at' };
    const said = written
      .split(/([._@-])/)
      .filter((t) => t !== '')
      .map(
        (t) =>
          symbol[t] ??
          t.replace(/\d+/g, (d) => ` ${this.chance(0.5) ? this.w(+d) : digitWords(d, this.lang)} `),
      )
      .join(' ');
    return mark(said.replace(/\s+/g, ' ').trim(), 'EMAIL');
  }

  // --- bank and card -------------------------------------------------------------------------

  iban(): Marked {
    const country = this.pick(
      this.de ? ['DE', 'DE', 'AT', 'CH', 'PL'] : ['GB', 'GB', 'IE', 'DK', 'ES'],
    );
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const bban =
      country === 'DE'
        ? this.digits(8, true) + this.digits(10)
        : country === 'AT'
          ? this.digits(5, true) + this.digits(11)
          : country === 'CH'
            ? this.digits(5, true) + this.digits(12)
            : country === 'PL'
              ? this.digits(8, true) + this.digits(16)
              : country === 'DK'
                ? this.digits(14, true)
                : country === 'ES'
                  ? this.digits(20, true)
                  : letters(4) + this.digits(14, true);
    const iban = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!this.spoken)
      return mark(this.chance(0.7) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban, 'IBAN');
    const byAlphabet = this.chance(0.35);
    const letter = (c: string) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase());
    const said = iban.match(/.{1,4}/g)!.map((g) =>
      g
        .split(/(\d+)/)
        .filter((x) => x !== '')
        .map((x) =>
          /\d/.test(x)
            ? this.de && this.chance(0.5)
              ? digitPairsDe(x)
              : digitWords(x, this.lang, !this.de && this.chance(0.5))
            : [...x].map(letter).join(' '),
        )
        .join(' '),
    );
    return mark(said.join(' '), 'IBAN');
  }

  card(): Marked {
    const scheme = this.n(0, 4);
    if (scheme >= 3) {
      // American Express (34, 15 digits, 4-6-5) or Diners Club (36, 14 digits, 4-6-4).
      const amex = scheme === 3;
      const body = amex ? `34${this.digits(12)}` : `36${this.digits(11)}`;
      const card = `${body}${luhnCheck(body)}`;
      const groups = [card.slice(0, 4), card.slice(4, 10), card.slice(10)];
      if (!this.spoken) return mark(groups.join(' '), 'CREDIT_CARD');
      return mark(groups.map((g) => digitWords(g, this.lang)).join(' '), 'CREDIT_CARD');
    }
    const body =
      scheme === 0
        ? `4${this.digits(14)}`
        : scheme === 1
          ? `5${this.n(1, 5)}${this.digits(13)}`
          : `6011${this.digits(11)}`;
    const card = `${body}${luhnCheck(body)}`;
    const groups = card.match(/\d{4}/g)!;
    if (!this.spoken) return mark(this.chance(0.2) ? card : groups.join(' '), 'CREDIT_CARD');
    return mark(
      groups
        .map((g) => (this.de && this.chance(0.5) ? digitPairsDe(g) : digitWords(g, this.lang)))
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
      this.chance(0.4)
        ? `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6, 9)} ${id.slice(9)}`
        : id,
      'DE_TAX_ID',
    );
  }

  /** A US social security number outside the never-issued areas (000, 666, 900–999). */
  ssn(): Marked {
    let area = this.n(1, 899);
    if (area === 666) area = 667;
    const a = String(area).padStart(3, '0');
    const g = String(this.n(1, 99)).padStart(2, '0');
    const s = String(this.n(1, 9999)).padStart(4, '0');
    if (!this.spoken) return mark(this.chance(0.2) ? `${a}${g}${s}` : `${a}-${g}-${s}`, 'US_SSN');
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
   * ("am siebten märz …") unless `nominative` ("der siebte märz …").
   */
  dob(nominative = false): Marked {
    const y = this.n(1931, 2010);
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
        s = this.pick([`${d}.${m}.${y}`, `${p2(d)}.${p2(m)}.${y}`, `${d}. ${mon} ${y}`]);
      else
        s = this.chance(0.5)
          ? `${ord(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${ord(d)} ${ord(m)} ${deYear(y)}`;
    } else if (!this.spoken) {
      s = this.pick([
        `${m}/${d}/${y}`,
        `${d} ${mon} ${y}`,
        `${mon} ${d}, ${y}`,
        `${d}-${EN_MONTH_SHORT[m - 1]}-${y}`,
        `${y}-${p2(m)}-${p2(d)}`,
      ]);
    } else
      s = this.pick([
        `${enOrdinal(d)} of ${mon.toLowerCase()} ${enYear(y)}`,
        `${mon.toLowerCase()} the ${enOrdinal(d)} ${enYear(y)}`,
        `${mon.toLowerCase()} ${enOrdinal(d)} ${enYear(y)}`,
        `${enOrdinal(d)} ${mon.toLowerCase()} ${enYear(y)}`,
      ]);
    return mark(s, 'DATE_OF_BIRTH');
  }

  // --- network and vehicles ------------------------------------------------------------------

  ip(): Marked {
    let octets: number[];
    const kind = this.n(0, 3);
    if (kind === 0) octets = [172, this.n(16, 31), this.n(0, 255), this.n(1, 254)];
    else if (kind === 1) octets = [10, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(31, 223);
      if (first === 127) first = 128;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(
          `fd${this.n(0, 255).toString(16).padStart(2, '0')}:${h()}:${h()}::${h()}`,
          'IP_ADDRESS',
        );
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const dot = this.de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.4);
    const said = octets.map((o) => (byDigit ? digitWords(String(o), this.lang) : this.w(o)));
    return mark(said.join(` ${dot} `), 'IP_ADDRESS');
  }

  /** German (or, one in four, Austrian) plates in German texts; British plates in English ones. */
  plate(): Marked {
    const letter = () => PLATE_LETTERS[this.n(0, PLATE_LETTERS.length - 1)]!;
    const byAlphabet = this.chance(0.3);
    const say = (s: string) =>
      [...s].map((c) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase())).join(' ');
    if (this.de) {
      if (this.chance(0.25)) {
        const district = this.pick(AT_DISTRICTS);
        const num = String(this.n(1, 999));
        const tail = letter() + (this.chance(0.5) ? letter() : '');
        if (!this.spoken) return mark(`${district} ${num} ${tail}`, 'VEHICLE_PLATE');
        return mark(`${say(district)} ${deNumber(+num)} ${say(tail)}`, 'VEHICLE_PLATE');
      }
      const district = this.pick(DE_DISTRICTS);
      const mid = letter() + (this.chance(0.5) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 99 : 9999));
      const e = this.chance(0.1) ? 'E' : '';
      if (!this.spoken) return mark(`${district}-${mid} ${num}${e}`, 'VEHICLE_PLATE');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${e ? ' e' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['19', '69', '20', '70', '21', '71', '23', '73', '25', '75']);
    const head = letter() + letter();
    const tail = letter() + letter() + letter();
    if (!this.spoken) return mark(`${head}${age} ${tail}`, 'VEHICLE_PLATE');
    const a = this.chance(0.5) ? digitWords(age, 'en') : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}
