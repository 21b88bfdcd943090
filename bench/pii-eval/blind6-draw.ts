// Random values of the sixth blind set (issue 17), each as a gold-marked part in its written or
// its spoken form. Conventions: a postal address in one piece (street, number, postcode, town),
// or a street with its house number, is one ADDRESS; a town on its own is a LOCATION; a title
// (Frau, Dr., Mr …) is outside the PERSON span; a date of birth's span leaves out
// "am"/"on"/"the"/"geboren".
import {
  asciiLabel,
  BLIND6_NAMES,
  BLIND6_STREETS,
  BLIND6_TOWNS,
  BLIND6_WORD_NAMES,
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

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND6_NAMES);
const GB_POST_AREAS = ['LN', 'CA', 'TR', 'KA', 'LD', 'NN', 'EX', 'DL', 'PA', 'YO', 'G', 'M'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['RV', 'KÜN', 'WUN', 'OHA', 'DAH', 'LÖ', 'SÜW', 'B', 'M', 'HB', 'GÖ', 'NF'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['wolkenpost.de', 'mailhafen.de', 'kiezmail.de', 'posteo.de', 'web.de'];
const EN_MAIL = ['thistlemail.co.uk', 'harbourpost.com', 'fastmail.com', 'outlook.com'];

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
  /** A number as the text's kind writes it: digits, or words. */
  w(n: number): string {
    if (!this.spoken) return String(n);
    return this.lang === 'de' ? deNumber(n) : enNumber(n);
  }

  // --- persons -------------------------------------------------------------------------------

  /** A person of one origin; about one in five has a surname that is also a word. */
  person(): Person {
    const src = this.chance(0.2) ? BLIND6_WORD_NAMES[this.lang] : BLIND6_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND6_WORD_NAMES[this.lang];
    return { first: this.pick(src.first), last: this.pick(src.last) };
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

  // --- places --------------------------------------------------------------------------------

  town(): Marked {
    return mark(this.nameForm(this.pick(BLIND6_TOWNS[this.lang])), 'LOCATION');
  }
  private houseNumber(): string {
    const n = this.n(1, 140);
    const suffix = this.lang === 'de' && this.chance(0.2) ? this.one('a', 'b') : '';
    if (!this.spoken) return `${n}${suffix}`;
    return `${this.w(n)}${suffix ? ` ${suffix}` : ''}`;
  }
  private gbPostcode(): string {
    const area = this.pick(GB_POST_AREAS);
    const letter = () => GB_POST_LETTERS[this.n(0, GB_POST_LETTERS.length - 1)]!;
    const out = `${area}${this.n(1, 29)}`;
    const inward = `${this.n(0, 9)}${letter()}${letter()}`;
    if (!this.spoken) return `${out} ${inward}`;
    const say = (s: string) =>
      s
        .replace(/\d+/g, (d) => ` ${enNumber(+d)} `)
        .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()} `);
    return `${say(out)} ${say(inward)}`.replace(/\s+/g, ' ').trim();
  }
  /** Street and house number. */
  street(): Marked {
    const s = this.nameForm(this.pick(BLIND6_STREETS[this.lang]));
    const no = this.houseNumber();
    return mark(this.lang === 'de' ? `${s} ${no}` : `${no} ${s}`, 'ADDRESS');
  }
  /** Street, number, postcode and town in one piece. */
  address(): Marked {
    const street = this.street().value;
    const town = this.nameForm(this.pick(BLIND6_TOWNS[this.lang]));
    if (this.lang === 'de') {
      const plz = this.digits(5, true);
      return mark(
        this.spoken
          ? `${street} ${this.chance(0.5) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`
          : `${street}, ${plz} ${town}`,
        'ADDRESS',
      );
    }
    const pc = this.gbPostcode();
    return mark(this.spoken ? `${street} ${town} ${pc}` : `${street}, ${town} ${pc}`, 'ADDRESS');
  }

  // --- phone numbers -------------------------------------------------------------------------

  /** A number valid by the numbering plan of the text's country, national or international. */
  phone(): Marked {
    const intl = this.chance(0.4);
    let cc: string;
    let national: string[];
    if (this.lang === 'de') {
      cc = '49';
      national = this.chance(0.6)
        ? [this.pick(['0151', '0152', '0157', '0160', '0170', '0176', '0179']), this.digits(7)]
        : [this.pick(['030', '0351', '0761', '089', '0421', '07541']), this.digits(7, true)];
    } else if (this.chance(0.75)) {
      cc = '44';
      national = this.chance(0.6)
        ? [`07${this.n(400, 999)}`, this.digits(6)]
        : [this.pick(['0161', '0113', '0131', '01632', '020']), this.digits(7, true)];
    } else {
      cc = '1';
      national = [String(this.pick([415, 503, 617, 312, 720])), '555', `01${this.digits(2)}`];
    }
    return this.phoneForm(cc, national, intl);
  }

  /**
   * A number given as one's own that a numbering-plan validator rejects (a trunk 0 after the
   * country code, an unallocated prefix, or too few digits).
   */
  phoneInvalid(): Marked {
    if (this.lang === 'de') {
      const pick = this.n(0, 2);
      if (pick === 0)
        return this.phoneForm('49', ['0', `1${this.digits(2)}`, this.digits(6)], true);
      if (pick === 1) return this.phoneForm('49', ['0100', this.digits(5)], false);
      return this.phoneForm('49', [`01${this.n(0, 4)}`, this.digits(4)], false);
    }
    const pick = this.n(0, 2);
    if (pick === 0) return this.phoneForm('44', ['0', `7${this.digits(3)}`, this.digits(6)], true);
    if (pick === 1) return this.phoneForm('44', ['070', this.digits(4)], false);
    return this.phoneForm('1', ['555', `01${this.digits(2)}`], false);
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    // A lone "0" group after the country code is the trunk zero kept by mistake.
    const head = national[0]!.length > 1 ? national[0]!.replace(/^0/, '') : national[0]!;
    const groups = intl ? [`+${cc}`, head, ...national.slice(1)] : national;
    const nonEmpty = groups.filter((g) => g !== '');
    if (!this.spoken) {
      const style = this.n(0, 2);
      if (cc === '1' && !intl) return mark(nonEmpty.join('-'), 'PHONE');
      if (style === 1 && !intl && nonEmpty.length > 1)
        return mark(`${nonEmpty[0]}/${nonEmpty.slice(1).join('')}`, 'PHONE');
      if (style === 2 && !intl && nonEmpty.length > 1)
        return mark(`(${nonEmpty[0]}) ${nonEmpty.slice(1).join(' ')}`, 'PHONE');
      return mark(nonEmpty.join(' '), 'PHONE');
    }
    const said = nonEmpty.map((g) => {
      if (g.startsWith('+')) {
        const c = g.slice(1);
        if (this.lang === 'de')
          return `plus ${this.chance(0.5) ? deNumber(+c) : digitWords(c, 'de')}`;
        return `plus ${digitWords(c, 'en')}`;
      }
      if (this.lang === 'de') return this.chance(0.5) ? digitWords(g, 'de') : digitPairsDe(g);
      return this.chance(0.5) ? digitWordsRuns(g) : digitWords(g, 'en', true);
    });
    return mark(said.join(' '), 'PHONE');
  }

  // --- e-mail --------------------------------------------------------------------------------

  email(p: Person = this.person()): Marked {
    const f = asciiLabel(p.first);
    const l = asciiLabel(p.last);
    const sep = this.one('.', '_', '-', '');
    const local = this.pick([
      `${f}${sep}${l}`,
      `${f[0]}${sep}${l}`,
      `${l}${this.n(1, 99)}`,
      `${f}${sep}${l}${this.n(70, 99)}`,
    ]);
    const domain = this.pick(this.lang === 'de' ? DE_MAIL : EN_MAIL);
    const written = `${local}@${domain}`;
    if (!this.spoken) return mark(written, 'EMAIL');
    const de = this.lang === 'de';
    const symbol: Record<string, string> = de
      ? {
          '.': 'punkt',
          _: 'unterstrich',
          '-': this.one('bindestrich', 'minus'),
          '@': this.one('at', 'ät'),
        }
      : { '.': 'dot', _: 'underscore', '-': this.one('dash', 'hyphen'), '@': 'at' };
    const said = written
      .split(/([._@-])/)
      .filter((t) => t !== '')
      .map((t) => symbol[t] ?? t.replace(/\d+/g, (d) => ` ${de ? deNumber(+d) : enNumber(+d)} `))
      .join(' ');
    return mark(said.replace(/\s+/g, ' ').trim(), 'EMAIL');
  }

  // --- bank and card -------------------------------------------------------------------------

  iban(): Marked {
    const country = this.pick(
      this.lang === 'de' ? ['DE', 'DE', 'DE', 'AT', 'CH', 'PT'] : ['GB', 'GB', 'NL', 'FI', 'DE'],
    );
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const bban =
      country === 'DE'
        ? this.digits(8, true) + this.digits(10)
        : country === 'AT'
          ? this.digits(16, true)
          : country === 'CH'
            ? this.digits(17)
            : country === 'PT'
              ? this.digits(21)
              : country === 'GB'
                ? letters(4) + this.digits(14, true)
                : country === 'NL'
                  ? letters(4) + this.digits(10)
                  : this.digits(14, true);
    const iban = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!this.spoken)
      return mark(this.chance(0.7) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban, 'IBAN');
    const said = [...iban].map((c) => (/\d/.test(c) ? digitWords(c, this.lang) : c.toLowerCase()));
    return mark(said.join(' '), 'IBAN');
  }

  card(): Marked {
    const body = this.chance(0.5) ? `4${this.digits(14)}` : `5${this.n(1, 5)}${this.digits(13)}`;
    const card = `${body}${luhnCheck(body)}`;
    if (!this.spoken) return mark(card.replace(/(\d{4})(?=\d)/g, '$1 '), 'CREDIT_CARD');
    return mark(
      card
        .match(/\d{4}/g)!
        .map((g) => digitWords(g, this.lang))
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
    const nine = pool.slice(0, 9);
    const ten = [...nine, nine[this.n(0, 8)]!];
    for (let i = ten.length - 1; i > 0; i--) {
      const j = this.n(0, i);
      [ten[i], ten[j]] = [ten[j]!, ten[i]!];
    }
    if (ten[0] === 0) {
      const k = ten.findIndex((d) => d !== 0);
      [ten[0], ten[k]] = [ten[k]!, ten[0]!];
    }
    const id = `${ten.join('')}${steuerIdCheck(ten.join(''))}`;
    if (this.spoken) return mark(digitWords(id, 'de'), 'DE_TAX_ID');
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
    if (area === 666) area = 667;
    const a = String(area).padStart(3, '0');
    const g = String(this.n(1, 99)).padStart(2, '0');
    const s = String(this.n(1, 9999)).padStart(4, '0');
    if (!this.spoken) return mark(`${a}-${g}-${s}`, 'US_SSN');
    return mark(
      this.chance(0.5)
        ? digitWords(a + g + s, 'en')
        : [a, g, s].map((x) => digitWords(x, 'en', true)).join(' dash '),
      'US_SSN',
    );
  }

  // --- date of birth -------------------------------------------------------------------------

  /** A date of birth in the form of the text's language and kind (without "am"/"on"/"the"). */
  dob(): Marked {
    const y = this.n(1938, 2006);
    const m = this.n(1, 12);
    const d = this.n(1, 28);
    const mon = MONTHS[this.lang][m - 1]!;
    const p2 = (x: number) => String(x).padStart(2, '0');
    let s: string;
    if (this.lang === 'de') {
      if (!this.spoken)
        s = this.pick([`${p2(d)}.${p2(m)}.${y}`, `${d}. ${mon} ${y}`, `${d}.${m}.${y}`]);
      else
        s = this.chance(0.6)
          ? `${deOrdinalDative(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${deOrdinalDative(d)} ${deOrdinalDative(m)} ${deYear(y)}`;
    } else if (!this.spoken)
      s = this.pick([
        `${p2(d)}/${p2(m)}/${y}`,
        `${d} ${mon} ${y}`,
        `${mon} ${d}, ${y}`,
        `${y}-${p2(m)}-${p2(d)}`,
      ]);
    else
      s = this.chance(0.5)
        ? `${enOrdinal(d)} of ${mon.toLowerCase()} ${enYear(y)}`
        : `${mon.toLowerCase()} ${enOrdinal(d)} ${enYear(y)}`;
    return mark(s, 'DATE_OF_BIRTH');
  }

  // --- network and vehicles ------------------------------------------------------------------

  ip(): Marked {
    let octets: number[];
    const kind = this.n(0, 3);
    if (kind === 0) octets = [10, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    else if (kind === 1) octets = [192, 168, this.n(0, 255), this.n(1, 254)];
    else if (kind === 2) octets = [172, this.n(16, 31), this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(11, 223);
      if (first === 127) first = 128;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(`2001:db8:${h()}:${h()}::${h()}`, 'IP_ADDRESS');
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const de = this.lang === 'de';
    const dot = de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.4);
    const said = octets.map((o) =>
      byDigit ? digitWords(String(o), this.lang) : de ? deNumber(o) : enNumber(o),
    );
    return mark(said.join(` ${dot} `), 'IP_ADDRESS');
  }

  plate(): Marked {
    const letter = () => PLATE_LETTERS[this.n(0, PLATE_LETTERS.length - 1)]!;
    if (this.lang === 'de') {
      const district = this.pick(DE_DISTRICTS);
      const mid = letter() + (this.chance(0.6) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 999 : 9999));
      const e = this.chance(0.1) ? 'E' : '';
      if (!this.spoken)
        return mark(`${district}${this.chance(0.6) ? '-' : ' '}${mid} ${num}${e}`, 'VEHICLE_PLATE');
      const byAlphabet = this.chance(0.5);
      const say = (s: string) =>
        [...s].map((c) => (byAlphabet ? spellLetter(c, 'de') : c.toLowerCase())).join(' ');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${e ? ' e' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['19', '68', '21', '71', '23', '73', '15', '65']);
    const tail = letter() + letter() + letter();
    const head = letter() + letter();
    if (!this.spoken) return mark(`${head}${age} ${tail}`, 'VEHICLE_PLATE');
    const byAlphabet = this.chance(0.5);
    const say = (s: string) =>
      [...s].map((c) => (byAlphabet ? spellLetter(c, 'en') : c.toLowerCase())).join(' ');
    const a = this.chance(0.5) ? digitWords(age, 'en', true) : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}
