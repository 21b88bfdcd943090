// Retired to dev data in session 11 (issue 17): its errors are read from then on; no longer held out.
// Random values of the seventh blind set (issue 17), each as a gold-marked part in its written
// or its spoken form. Conventions as in the sixth set: a postal address in one piece, or a
// street with its house number, is one ADDRESS; a town on its own is a LOCATION; a title
// (Frau, Dr., Mr …) is outside the PERSON span; a date of birth's span leaves out
// "am"/"on"/"the"/"geboren"/"born". The forms differ from the sixth set's where a form has
// variants: other prefixes, area codes, districts, IBAN countries, card schemes, date and
// number styles.
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
import { BLIND7_NAMES, BLIND7_STREETS, BLIND7_TOWNS, BLIND7_WORD_NAMES } from './blind7-values.js';

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND7_NAMES);
const GB_POST_AREAS = ['GL', 'SY', 'TA', 'HR', 'LA', 'DG', 'IV', 'BT', 'WR', 'S', 'B', 'E'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['HN', 'TÜ', 'KA', 'FR', 'OG', 'PAF', 'MTK', 'EBE', 'WOB', 'SÖM', 'ROW'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['brieftaube.de', 'gmx.net', 't-online.de', 'mailbox.org', 'freenet.de'];
const EN_MAIL = ['gmail.com', 'yahoo.co.uk', 'proton.me', 'hotmail.com', 'lanternmail.net'];

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
  /** A non-personal reference number (order, ticket): digits, or said digit by digit. */
  ref(k: number): string {
    const d = this.digits(k, true);
    return this.spoken ? digitWords(d, this.lang) : d;
  }

  // --- persons -------------------------------------------------------------------------------

  /** A person of one origin; about one in five has a surname that is also a word. */
  person(): Person {
    const src = this.chance(0.2) ? BLIND7_WORD_NAMES[this.lang] : BLIND7_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND7_WORD_NAMES[this.lang];
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
    return mark(this.nameForm(this.pick(BLIND7_TOWNS[this.lang])), 'LOCATION');
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
        .replace(/\d+/g, (d) => ` ${enNumber(+d)} `)
        .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()} `);
    return `${say(out)} ${say(inward)}`.replace(/\s+/g, ' ').trim();
  }
  /** Street and house number. */
  street(): Marked {
    const s = this.nameForm(this.pick(BLIND7_STREETS[this.lang]));
    const no = this.houseNumber();
    return mark(this.de ? `${s} ${no}` : `${no} ${s}`, 'ADDRESS');
  }
  /** Street, number, postcode and town in one piece (in English sometimes after a flat). */
  address(): Marked {
    const street = this.street().value;
    const town = this.nameForm(this.pick(BLIND7_TOWNS[this.lang]));
    if (this.de) {
      const plz = this.digits(5, true);
      if (this.spoken)
        return mark(
          `${street} ${this.chance(0.5) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`,
          'ADDRESS',
        );
      return mark(`${street}${this.one(', ', ' · ', ', D-')}${plz} ${town}`, 'ADDRESS');
    }
    const pc = this.gbPostcode();
    const flat = this.chance(0.25) ? this.n(1, 12) : 0;
    if (this.spoken)
      return mark(`${flat ? `flat ${enNumber(flat)} ` : ''}${street} ${town} ${pc}`, 'ADDRESS');
    return mark(`${flat ? `Flat ${flat}, ` : ''}${street}, ${town} ${pc}`, 'ADDRESS');
  }

  // --- phone numbers -------------------------------------------------------------------------

  /** A number valid by the numbering plan of the text's country, national or international. */
  phone(): Marked {
    const intl = this.chance(0.4);
    let cc: string;
    let national: string[];
    if (this.de) {
      cc = '49';
      national = this.chance(0.55)
        ? [this.pick(['0155', '0162', '0171', '0172', '0175', '0177', '0178']), this.digits(7)]
        : [this.pick(['040', '0221', '0711', '0341', '0911', '06221']), this.digits(7, true)];
    } else if (this.chance(0.7)) {
      cc = '44';
      national = this.chance(0.55)
        ? [`07${this.n(400, 999)}`, this.digits(6)]
        : this.chance(0.8)
          ? [this.pick(['0117', '0191', '0141', '0118']), this.digits(7, true)]
          : ['01865', this.digits(6, true)];
    } else {
      cc = '1';
      national = [
        String(this.pick([206, 512, 404, 614, 971])),
        `${this.n(2, 9)}${this.digits(2)}`,
        this.digits(4),
      ];
    }
    return this.phoneForm(cc, national, intl);
  }

  /**
   * A number given as one's own that a numbering-plan validator rejects: the trunk 0 kept after
   * the country code, an unallocated prefix, or too few digits.
   */
  phoneInvalid(): Marked {
    const pick = this.n(0, 2);
    if (this.de) {
      if (pick === 0) return this.phoneForm('49', ['0', `17${this.n(1, 8)}`, this.digits(7)], true);
      if (pick === 1) return this.phoneForm('49', ['0190', this.digits(4)], false);
      return this.phoneForm('49', [`01${this.n(5, 7)}${this.n(0, 9)}`, this.digits(3)], false);
    }
    if (pick === 0) return this.phoneForm('44', ['0', `7${this.digits(3)}`, this.digits(6)], true);
    if (pick === 1) return this.phoneForm('44', [`07${this.digits(3)}`, this.digits(3)], false);
    return this.phoneForm('1', [`${this.n(2, 9)}${this.digits(2)}`, this.digits(4)], false);
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    // A lone "0" group after the country code is the trunk zero kept by mistake.
    const head = national[0]!.length > 1 ? national[0]!.replace(/^0/, '') : national[0]!;
    if (!this.spoken) {
      if (intl) {
        const prefix = this.de && this.chance(0.3) ? `00${cc}` : `+${cc}`;
        // "+49 (0)171 …": the trunk zero in brackets, as letterheads write it.
        const trunk = cc !== '1' && national[0] !== '0' && this.chance(0.3) ? '(0)' : '';
        return mark([prefix, `${trunk}${head}`, ...national.slice(1)].join(' '), 'PHONE');
      }
      if (cc === '1')
        return mark(
          national.length === 3
            ? `(${national[0]}) ${national[1]}-${national[2]}`
            : national.join('-'),
          'PHONE',
        );
      const style = this.n(0, 2);
      if (style === 0) return mark(`${national[0]}-${national.slice(1).join('')}`, 'PHONE');
      if (style === 1 && national[1]!.length >= 6) {
        const rest = national.slice(1).join('');
        return mark(`${national[0]} ${rest.slice(0, 3)} ${rest.slice(3)}`, 'PHONE');
      }
      return mark(national.join(' '), 'PHONE');
    }
    const groups = intl ? [`+${cc}`, head, ...national.slice(1)] : national;
    const said = groups.map((g) => {
      if (g.startsWith('+')) {
        const c = g.slice(1);
        if (this.de) return `${this.one('plus', 'null null')} ${digitWords(c, 'de')}`;
        return `plus ${this.chance(0.5) ? digitWords(c, 'en') : enNumber(+c)}`;
      }
      if (this.de) return this.chance(0.5) ? digitWords(g, 'de') : digitPairsDe(g);
      return this.chance(0.5) ? digitWordsRuns(g) : digitWords(g, 'en', this.chance(0.7));
    });
    return mark(said.join(' '), 'PHONE');
  }

  // --- e-mail --------------------------------------------------------------------------------

  email(p: Person = this.person()): Marked {
    // Letters asciiLabel drops (æ, ø) are spelt as people type them in addresses.
    const ascii = (x: string) => asciiLabel(x.replace(/æ/g, 'ae').replace(/ø/g, 'o'));
    const f = ascii(p.first);
    const l = ascii(p.last);
    const sep = this.one('.', '_', '-', '');
    const local = this.pick([
      `${f}${sep}${l}`,
      `${l}${sep}${f}`,
      `${f}${this.n(1, 30)}`,
      `${f[0]}${l}${this.n(1960, 2005)}`,
      `${l}.${f[0]}`,
    ]);
    const domain = this.pick(this.de ? DE_MAIL : EN_MAIL);
    const written = `${local}@${domain}`;
    if (!this.spoken) return mark(written, 'EMAIL');
    const symbol: Record<string, string> = this.de
      ? { '.': 'punkt', _: 'unterstrich', '-': 'minus', '@': this.one('at', 'ät', 'klammeraffe') }
      : { '.': 'dot', _: 'underscore', '-': 'dash', '@': 'at' };
    const said = written
      .split(/([._@-])/)
      .filter((t) => t !== '')
      .map((t) => symbol[t] ?? t.replace(/\d+/g, (d) => ` ${this.saidNumber(d)} `))
      .join(' ');
    return mark(said.replace(/\s+/g, ' ').trim(), 'EMAIL');
  }

  /** Digits in an e-mail as said: a year as a year, other numbers as a number or digit by digit. */
  private saidNumber(d: string): string {
    if (d.length === 4) return this.de ? deYear(+d) : enYear(+d);
    return this.chance(0.5) ? digitWords(d, this.lang) : this.w(+d);
  }

  // --- bank and card -------------------------------------------------------------------------

  iban(): Marked {
    const country = this.pick(this.de ? ['DE', 'DE', 'AT', 'BE', 'LU'] : ['GB', 'IE', 'ES', 'FR']);
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const bban =
      country === 'DE'
        ? this.digits(8, true) + this.digits(10)
        : country === 'AT'
          ? this.digits(16, true)
          : country === 'BE'
            ? this.digits(12)
            : country === 'LU'
              ? this.digits(3) + this.digits(13)
              : country === 'GB' || country === 'IE'
                ? letters(4) + this.digits(14, true)
                : country === 'ES'
                  ? this.digits(20)
                  : this.digits(23);
    const iban = `${country}${ibanCheck(country, bban)}${bban}`;
    if (!this.spoken)
      return mark(this.chance(0.75) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban, 'IBAN');
    // The country said by its letters or by the spelling alphabet, the check digits as a
    // number or digit by digit, the rest digit by digit.
    const byAlphabet = this.chance(0.3);
    const letter = (c: string) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase());
    const check = iban.slice(2, 4);
    const head = [
      letter(iban[0]!),
      letter(iban[1]!),
      this.chance(0.5) && check[0] !== '0' ? this.w(+check) : digitWords(check, this.lang),
    ];
    const rest = [...iban.slice(4)].map((c) =>
      /\d/.test(c) ? digitWords(c, this.lang) : letter(c),
    );
    return mark([...head, ...rest].join(' '), 'IBAN');
  }

  card(): Marked {
    const scheme = this.n(0, 2);
    if (scheme === 2) {
      // American Express: 15 digits in groups of 4, 6 and 5.
      const body = `3${this.one('4', '7')}${this.digits(12)}`;
      const card = `${body}${luhnCheck(body)}`;
      const groups = [card.slice(0, 4), card.slice(4, 10), card.slice(10)];
      if (!this.spoken) return mark(groups.join(' '), 'CREDIT_CARD');
      return mark(groups.map((g) => digitWords(g, this.lang)).join(' '), 'CREDIT_CARD');
    }
    const body = scheme === 0 ? `4${this.digits(14)}` : `2${this.n(221, 720)}${this.digits(11)}`;
    const card = `${body}${luhnCheck(body)}`;
    const groups = card.match(/\d{4}/g)!;
    if (!this.spoken) return mark(groups.join(this.one(' ', ' ', '-')), 'CREDIT_CARD');
    return mark(groups.map((g) => digitWords(g, this.lang)).join(' '), 'CREDIT_CARD');
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
    if (!this.spoken) return mark([a, g, s].join(this.one('-', '-', ' ')), 'US_SSN');
    return mark(
      this.chance(0.5)
        ? [a, g, s].map((x) => digitWords(x, 'en', true)).join(' ')
        : [a, g, s].map((x) => digitWords(x, 'en')).join(' dash '),
      'US_SSN',
    );
  }

  // --- date of birth -------------------------------------------------------------------------

  /**
   * A date of birth in the form of the text's language and kind. German spoken dates are dative
   * ("am siebten märz …") unless `nominative` ("der siebte märz …").
   */
  dob(nominative = false): Marked {
    const y = this.n(1940, 2007);
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
        s = this.pick([`${p2(d)}.${p2(m)}.${y}`, `${d}. ${mon} ${y}`, `${y}-${p2(m)}-${p2(d)}`]);
      else
        s = this.chance(0.6)
          ? `${ord(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${ord(d)} ${ord(m)} ${deYear(y)}`;
    } else if (!this.spoken) {
      const th = enOrdinal(d).replace(/.* /, '');
      const suffix = th.endsWith('first')
        ? 'st'
        : th.endsWith('second')
          ? 'nd'
          : th.endsWith('third')
            ? 'rd'
            : 'th';
      s = this.pick([
        `${p2(d)}/${p2(m)}/${y}`,
        `${d}${suffix} ${mon} ${y}`,
        `${mon} ${d}${suffix}, ${y}`,
        `${d} ${mon.slice(0, 3)} ${y}`,
      ]);
    } else
      s = this.pick([
        `${enOrdinal(d)} of ${mon.toLowerCase()} ${enYear(y)}`,
        `${mon.toLowerCase()} the ${enOrdinal(d)} ${enYear(y)}`,
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
    else if (kind === 2) octets = [100, this.n(64, 127), this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(12, 223);
      if (first === 127) first = 126;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(
          this.chance(0.5) ? `fe80::${h()}:${h()}:${h()}` : `2001:db8:${h()}::${h()}`,
          'IP_ADDRESS',
        );
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const dot = this.de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.5);
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
      const mid = letter() + (this.chance(0.5) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 99 : 9999));
      const h = this.chance(0.1) ? 'H' : '';
      if (!this.spoken)
        return mark(`${district}${this.one('-', ' ', '-')}${mid} ${num}${h}`, 'VEHICLE_PLATE');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${h ? ' h' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['17', '67', '20', '70', '22', '72', '24', '74']);
    const head = letter() + letter();
    const tail = letter() + letter() + letter();
    if (!this.spoken) return mark(`${head}${age} ${tail}`, 'VEHICLE_PLATE');
    const a = this.chance(0.5) ? digitWords(age, 'en') : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}
