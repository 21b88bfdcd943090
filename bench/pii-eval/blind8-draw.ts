// Retired to dev data in session 11 (issue 17): its errors are read from then on; no longer held out.
// Random values of the eighth blind set (issue 17), each as a gold-marked part in its written or
// spoken form. Conventions as in the sixth and seventh sets: a street with its house number, or a
// whole postal address, is one ADDRESS; a town on its own is a LOCATION; a title (Frau, Dr., Mr …)
// is outside the PERSON span; a date of birth's span leaves out "am"/"on"/"the"/"geb."/"born".
// Where a form has variants, this set takes others than the seventh: other mobile and area
// prefixes (and Austrian and Swiss numbers), IBANs of CH, LI, MT, other card schemes (Mastercard
// 51–55, Discover), other plate districts and age identifiers, dates with abbreviated months or
// two-figure days and months, "bindestrich"/"hyphen" in spoken e-mail addresses.
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
import { BLIND8_NAMES, BLIND8_STREETS, BLIND8_TOWNS, BLIND8_WORD_NAMES } from './blind8-values.js';

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND8_NAMES);
const GB_POST_AREAS = ['NR', 'CB', 'YO', 'EX', 'TR', 'LD', 'KW', 'PH', 'DN', 'M', 'L', 'G'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['LÖ', 'NEA', 'KÜN', 'GAP', 'DON', 'MYK', 'RÜD', 'BGL', 'HOL', 'UER', 'AIC'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['posteo.de', 'web.de', 'gmx.de', 'email.de', 'kabelmail.de'];
const EN_MAIL = ['outlook.com', 'icloud.com', 'btinternet.com', 'live.co.uk', 'fastmail.fm'];
const DE_MONTH_SHORT = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni'];
DE_MONTH_SHORT.push('Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.');

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
  /** A non-personal reference number (order, ticket, parcel): digits, or said digit by digit. */
  ref(k: number): string {
    const d = this.digits(k, true);
    return this.spoken ? digitWords(d, this.lang) : d;
  }

  // --- persons -------------------------------------------------------------------------------

  /** A person of one origin; about one in five has a surname that is also a word. */
  person(): Person {
    const src = this.chance(0.2) ? BLIND8_WORD_NAMES[this.lang] : BLIND8_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND8_WORD_NAMES[this.lang];
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
    return mark(this.nameForm(this.pick(BLIND8_TOWNS[this.lang])), 'LOCATION');
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
    const out = `${area}${this.n(1, 29)}`;
    const inward = `${this.n(0, 9)}${letter()}${letter()}`;
    if (!this.spoken) return `${out} ${inward}`;
    // Letters said one by one; numbers as a number, or digit by digit with "oh".
    const say = (s: string) =>
      s
        .replace(/\d+/g, (d) => ` ${this.chance(0.5) ? enNumber(+d) : digitWords(d, 'en', true)} `)
        .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()} `);
    return `${say(out)} ${say(inward)}`.replace(/\s+/g, ' ').trim();
  }
  /** Street and house number. */
  street(): Marked {
    const s = this.nameForm(this.pick(BLIND8_STREETS[this.lang]));
    const no = this.houseNumber();
    return mark(this.de ? `${s} ${no}` : `${no} ${s}`, 'ADDRESS');
  }
  /** Street, number, postcode and town in one piece (German sometimes on two lines). */
  address(): Marked {
    const street = this.street().value;
    const town = this.nameForm(this.pick(BLIND8_TOWNS[this.lang]));
    if (this.de) {
      const plz = this.digits(5, true);
      if (this.spoken)
        return mark(
          `${street} ${this.chance(0.5) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`,
          'ADDRESS',
        );
      return mark(`${street}${this.one(', ', '\n', ', ')}${plz} ${town}`, 'ADDRESS');
    }
    const pc = this.gbPostcode();
    if (this.spoken) return mark(`${street} ${town} ${pc}`, 'ADDRESS');
    return mark(`${street}${this.one(', ', '\n')}${town}${this.one(' ', ', ')}${pc}`, 'ADDRESS');
  }

  // --- phone numbers -------------------------------------------------------------------------

  /** A number valid by the numbering plan of its country, national or international. */
  phone(): Marked {
    const intl = this.chance(0.4);
    if (this.de) {
      const where = this.n(0, 9);
      if (where === 0) return this.phoneForm('43', ['0664', this.digits(7, true)], true);
      if (where === 1) return this.phoneForm('41', ['079', this.digits(7, true)], true);
      const national = this.chance(0.5)
        ? [
            this.pick(['0151', '0157', '0159', '0160', '0170', '0176', '0179']),
            this.digits(7, true),
          ]
        : [this.pick(['030', '089', '069', '0421', '0511', '0351']), this.digits(7, true)];
      return this.phoneForm('49', national, intl);
    }
    if (this.chance(0.7)) {
      const national = this.chance(0.5)
        ? [`07${this.n(700, 999)}`, this.digits(6, true)]
        : this.chance(0.7)
          ? [this.pick(['0113', '0161', '0131', '0114']), this.digits(7, true)]
          : ['020', `7${this.digits(7)}`];
      return this.phoneForm('44', national, intl);
    }
    return this.phoneForm(
      '1',
      [
        String(this.pick([303, 617, 919, 503, 720])),
        `${this.n(2, 9)}${this.digits(2)}`,
        this.digits(4),
      ],
      intl,
    );
  }

  /**
   * A number given as one's own that a numbering-plan validator rejects: too many digits, an
   * unallocated prefix, or a mobile number with digits missing.
   */
  phoneInvalid(): Marked {
    const pick = this.n(0, 2);
    if (this.de) {
      if (pick === 0) return this.phoneForm('49', [`015${this.n(0, 9)}`, this.digits(10)], true);
      if (pick === 1) return this.phoneForm('49', ['0180', this.digits(3)], false);
      return this.phoneForm('49', [`017${this.n(0, 9)}`, this.digits(4)], false);
    }
    if (pick === 0) return this.phoneForm('44', ['07', this.digits(5)], false);
    if (pick === 1) return this.phoneForm('44', [`070${this.digits(2)}`, this.digits(9)], true);
    return this.phoneForm('1', ['555', `0${this.digits(2)}`, this.digits(4)], false);
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    const head = national[0]!.replace(/^0/, '');
    if (!this.spoken) {
      if (intl) {
        const prefix = !this.de || this.chance(0.6) ? `+${cc}` : `00${cc}`;
        return mark(
          [prefix, head, ...national.slice(1)].join(this.chance(0.3) ? '-' : ' '),
          'PHONE',
        );
      }
      if (cc === '1')
        return mark(
          national.length === 3
            ? `${national[0]}.${national[1]}.${national[2]}`
            : national.join(' '),
          'PHONE',
        );
      const style = this.n(0, 2);
      if (style === 0 && this.de)
        return mark(`${national[0]}/${national.slice(1).join('')}`, 'PHONE');
      if (style === 1) return mark(`(${national[0]}) ${national.slice(1).join(' ')}`, 'PHONE');
      return mark(national.join(' '), 'PHONE');
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
    const ascii = (x: string) =>
      asciiLabel(x.replace(/[ðÐ]/g, 'd').replace(/ë/g, 'e').replace(/ü/g, 'u'));
    const f = ascii(p.first);
    const l = ascii(p.last);
    const sep = this.one('.', '_', '-', '');
    const local = this.pick([
      `${f}${sep}${l}`,
      `${f[0]}${sep}${l}`,
      `${l}${this.n(2, 99)}`,
      `${f}.${l[0]}${this.n(1970, 2004)}`,
      `${l}${sep}${f}`,
    ]);
    const domain = this.pick(this.de ? DE_MAIL : EN_MAIL);
    const written = `${local}@${domain}`;
    if (!this.spoken) return mark(written, 'EMAIL');
    const symbol: Record<string, string> = this.de
      ? {
          '.': 'punkt',
          _: 'unterstrich',
          '-': this.one('bindestrich', 'strich'),
          '@': this.one('at', 'ät'),
        }
      : { '.': 'dot', _: 'underscore', '-': this.one('hyphen', 'dash'), '@': 'at' };
    const said = written
      .split(/([._@-])/)
      .filter((t) => t !== '')
      .map((t) => symbol[t] ?? t.replace(/\d+/g, (d) => ` ${this.saidNumber(d)} `))
      .join(' ');
    return mark(said.replace(/\s+/g, ' ').trim(), 'EMAIL');
  }

  /** Digits in an e-mail as said: a year as a year, other numbers as a number or by digits. */
  private saidNumber(d: string): string {
    if (d.length === 4) return this.de ? deYear(+d) : enYear(+d);
    return this.chance(0.5) ? digitWords(d, this.lang) : this.w(+d);
  }

  // --- bank and card -------------------------------------------------------------------------

  iban(): Marked {
    const country = this.pick(this.de ? ['DE', 'DE', 'AT', 'CH', 'LI'] : ['GB', 'IE', 'MT', 'CH']);
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const bban =
      country === 'DE'
        ? this.digits(8, true) + this.digits(10)
        : country === 'AT'
          ? this.digits(16, true)
          : country === 'CH' || country === 'LI'
            ? `0${this.digits(4, true)}${this.digits(12)}`
            : country === 'MT'
              ? `${letters(4)}${this.digits(5, true)}${this.digits(18)}`
              : letters(4) + this.digits(14, true);
    const iban = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!this.spoken)
      return mark(this.chance(0.7) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban, 'IBAN');
    // The country by its letters or the spelling alphabet, then groups of four said digit by
    // digit, or in German now and then in pairs.
    const byAlphabet = this.chance(0.35);
    const letter = (c: string) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase());
    const groups = iban.match(/.{1,4}/g)!;
    const said = groups.map((g) =>
      g
        .split(/(\d+)/)
        .filter((x) => x !== '')
        .map((x) =>
          /\d/.test(x)
            ? this.de && this.chance(0.3)
              ? digitPairsDe(x)
              : digitWords(x, this.lang, !this.de && this.chance(0.3))
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
      const body = `3${this.one('4', '7')}${this.digits(12)}`;
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
        .map((g) => (this.de && this.chance(0.3) ? digitPairsDe(g) : digitWords(g, this.lang)))
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
      return mark(this.chance(0.6) ? digitWords(id, 'de') : digitPairsDe(id), 'DE_TAX_ID');
    return mark(
      this.chance(0.5)
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
      this.chance(0.6)
        ? [a, g, s].map((x) => digitWords(x, 'en', this.chance(0.5))).join(' ')
        : digitWordsRuns(`${a}${g}${s}`),
      'US_SSN',
    );
  }

  // --- date of birth -------------------------------------------------------------------------

  /**
   * A date of birth in the form of the text's language and kind. German spoken dates are dative
   * ("am dritten oktober …") unless `nominative` ("der dritte oktober …").
   */
  dob(nominative = false): Marked {
    const y = this.n(1938, 2008);
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
        s = this.pick([
          `${d}.${m}.${y}`,
          `${d}. ${DE_MONTH_SHORT[m - 1]} ${y}`,
          `${p2(d)}.${p2(m)}.${y}`,
        ]);
      else
        s = this.chance(0.5)
          ? `${ord(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${ord(d)} ${ord(m)} ${deYear(y)}`;
    } else if (!this.spoken) {
      s = this.pick([
        `${p2(m)}/${p2(d)}/${y}`,
        `${d} ${mon} ${y}`,
        `${mon.slice(0, 3)} ${d}, ${y}`,
        `${y}-${p2(m)}-${p2(d)}`,
      ]);
    } else
      s = this.pick([
        `${enOrdinal(d)} of ${mon.toLowerCase()} ${enYear(y)}`,
        `${enOrdinal(d)} ${mon.toLowerCase()} ${enYear(y)}`,
        `${mon.toLowerCase()} ${enOrdinal(d)} ${enYear(y)}`,
      ]);
    return mark(s, 'DATE_OF_BIRTH');
  }

  // --- network and vehicles ------------------------------------------------------------------

  ip(): Marked {
    let octets: number[];
    const kind = this.n(0, 3);
    if (kind === 0) octets = [172, this.n(16, 31), this.n(0, 255), this.n(1, 254)];
    else if (kind === 1) octets = [10, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    else if (kind === 2) octets = [192, 168, this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(11, 223);
      if (first === 127) first = 128;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(`2a02:${h()}:${h()}:${h()}::${h()}`, 'IP_ADDRESS');
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const dot = this.de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.4);
    const said = octets.map((o) => (byDigit ? digitWords(String(o), this.lang) : this.w(o)));
    return mark(said.join(` ${dot} `), 'IP_ADDRESS');
  }

  plate(): Marked {
    const letter = () => PLATE_LETTERS[this.n(0, PLATE_LETTERS.length - 1)]!;
    const byAlphabet = this.chance(0.4);
    const say = (s: string) =>
      [...s].map((c) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase())).join(' ');
    if (this.de) {
      const district = this.pick(DE_DISTRICTS);
      const mid = letter() + (this.chance(0.6) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 999 : 9999));
      const e = this.chance(0.1) ? 'E' : '';
      if (!this.spoken)
        return mark(`${district}${this.one('-', ' ')}${mid} ${num}${e}`, 'VEHICLE_PLATE');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${e ? ' e' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['19', '69', '21', '71', '23', '73', '25', '75']);
    const head = letter() + letter();
    const tail = letter() + letter() + letter();
    if (!this.spoken) return mark(`${head}${age}${this.one(' ', '')}${tail}`, 'VEHICLE_PLATE');
    const a = this.chance(0.5) ? digitWords(age, 'en') : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}
