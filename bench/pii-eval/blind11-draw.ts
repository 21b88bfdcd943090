// Random values of the eleventh blind set (issue 17), each as a gold-marked part in its written
// or spoken form. Conventions as in the sixth to tenth sets: a street with its house number, or a
// whole postal address, is one ADDRESS; a town on its own is a LOCATION; a title (Frau, Dr.,
// Mr …) is outside the PERSON span, and so is an English possessive "'s"; a date of birth's span
// leaves out "am"/"on"/"the"/"geb."/"born". Where a form has variants, this set takes others
// than the tenth: hyphenated German numbers ("0152-…"), "+49 (0)…", Belgian, Czech and
// Luxembourg numbers beside German ones; Australian, Canadian and Irish numbers beside British
// and US ones, US numbers with hyphens; IBANs of BE, LU, CZ, NO, FI, FR beside DE, AT, GB, IE;
// Mastercard 2-series, JCB and Amex 37 beside Visa; two-digit-day dates with the month as a
// word, British day-first slashes ("07/03/1984"), "7th March 1984"; other plate districts,
// Swiss plates, UK age identifiers 02/52, 05/55, 08/58, 11/61, 14/64.
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
  BLIND11_NAMES,
  BLIND11_STREETS,
  BLIND11_TOWNS,
  BLIND11_WORD_NAMES,
} from './blind11-values.js';

export interface Person {
  readonly first: string;
  readonly last: string;
}

const ORIGINS = Object.keys(BLIND11_NAMES);
/** Origins whose surnames take a particle in this set ("Xuan de Llaneza", "Colas du Lhoest"). */
const PARTICLE_ORIGINS: Record<string, readonly string[]> = {
  asturian: ['de', 'del'],
  walloon: ['de', 'du'],
};
const GB_POST_AREAS = ['BS', 'NE', 'SA', 'IV', 'AB', 'DD', 'LN', 'HU', 'TQ', 'DT', 'SY', 'LL'];
const GB_POST_LETTERS = 'ABDEFGHJLNPQRSTUWXY';
const DE_DISTRICTS = ['PAF', 'DAH', 'EBE', 'FFB', 'STA', 'WOB', 'GS', 'OHZ', 'ROW', 'NOH', 'UE'];
const CH_CANTONS = ['ZH', 'BE', 'LU', 'SG', 'AG', 'TG', 'GR', 'VS', 'BL', 'SO'];
/** Czech mobile prefixes (60x, 70x, 72x, 73x, 77x). */
const CZECH_PREFIXES = ['602', '603', '605', '704', '721', '732', '736', '775', '777'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DE_MAIL = ['mailbox.org', 'freenet.de', 't-online.de', 'ionos.de', 'hotmail.de'];
const EN_MAIL = ['yahoo.co.uk', 'protonmail.com', 'hotmail.co.uk', 'aol.com', 'sky.com'];

/** The English written ordinal's letters ("1st", "12th", "23rd"). */
const ordinalSuffix = (d: number): string =>
  d % 100 >= 11 && d % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][d % 10] ?? 'th');

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
      ? BLIND11_WORD_NAMES[this.lang]
      : BLIND11_NAMES[this.pick(ORIGINS)]!;
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person whose surname is an everyday word of the text's language. */
  wordPerson(): Person {
    const src = BLIND11_WORD_NAMES[this.lang];
    return { first: this.pick(src.first), last: this.pick(src.last) };
  }
  /** A person with a double-barrelled surname ("Murmu-Hansda"), both parts of one origin. */
  hyphenPerson(): Person {
    let o = BLIND11_NAMES[this.pick(ORIGINS)]!;
    while (o.last.filter((x) => !x.includes(' ')).length < 2)
      o = BLIND11_NAMES[this.pick(ORIGINS)]!;
    const plain = o.last.filter((x) => !x.includes(' '));
    const a = this.pick(plain);
    const b = this.pick(plain.filter((x) => x !== a));
    return { first: this.pick(o.first), last: `${a}-${b}` };
  }
  /** A person whose surname carries a particle ("Xuan de Llaneza", "Colas du Lhoest"). */
  particlePerson(): Person {
    const origin = this.pick(Object.keys(PARTICLE_ORIGINS));
    const o = BLIND11_NAMES[origin]!;
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
  /** "Kisku, Sidhu" in writing; spoken, surname then given name without the comma. */
  inverted(p: Person = this.person()): Marked {
    return mark(
      this.spoken ? spokenName(`${p.last} ${p.first}`) : `${p.last}, ${p.first}`,
      'PERSON',
    );
  }
  /** "S. Kisku" in writing; spoken, the letter alone ("s kisku"). */
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
    return mark(this.nameForm(this.pick(BLIND11_TOWNS[this.lang])), 'LOCATION');
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
    const s = this.nameForm(this.pick(BLIND11_STREETS[this.lang]));
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
    const town = this.nameForm(this.pick(BLIND11_TOWNS[this.lang]));
    if (this.de) {
      const plz = this.digits(5, true);
      if (this.spoken)
        return mark(
          `${street} ${this.chance(0.5) ? digitWords(plz, 'de') : digitPairsDe(plz)} ${town}`,
          'ADDRESS',
        );
      const style = this.n(0, 2);
      if (style === 0) return mark(`${street}, ${plz} ${town}`, 'ADDRESS');
      if (style === 1) return mark(`${street}, D-${plz} ${town}`, 'ADDRESS');
      return mark(`${street} – ${plz} ${town}`, 'ADDRESS');
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
        return this.phoneForm(
          '32',
          [`04${this.one('7', '8', '9')}${this.digits(1)}`, this.digits(6)],
          true,
        );
      if (where === 1)
        return this.phoneForm('420', [this.pick(CZECH_PREFIXES), this.digits(6)], true);
      if (where === 2)
        return this.phoneForm('352', [`6${this.one('21', '61', '91')}`, this.digits(6)], true);
      const national = this.chance(0.5)
        ? this.chance(0.5)
          ? [this.pick(['0152', '0157']), this.digits(8, true)]
          : [this.pick(['0162', '0163', '0172', '0177', '0178']), this.digits(7, true)]
        : this.chance(0.6)
          ? [this.pick(['040', '0221', '0711', '0911']), this.digits(6, true)]
          : [this.pick(['0531', '0641', '0821', '0951']), this.digits(6, true)];
      return this.phoneForm('49', national, intl);
    }
    const where = this.n(0, 11);
    if (where === 0)
      return this.phoneForm('61', [`04${this.digits(2)}`, this.digits(6, true)], true);
    if (where === 1)
      return this.phoneForm(
        '353',
        [`08${this.one('3', '5', '6', '7')}`, this.digits(7, true)],
        true,
      );
    if (where <= 4)
      return this.phoneForm(
        '1',
        [
          String(this.pick([416, 604, 514, 412, 206, 415, 313])),
          `${this.n(2, 9)}${this.n(2, 9)}${this.n(0, 9)}`,
          this.digits(4),
        ],
        intl,
      );
    const national = this.chance(0.5)
      ? [`07${this.one('4', '5', '7')}${this.digits(2)}`, this.digits(6, true)]
      : this.chance(0.6)
        ? [this.pick(['0117', '0191', '0151', '0121']), this.digits(7, true)]
        : ['029', `2${this.digits(7)}`];
    return this.phoneForm('44', national, intl);
  }

  private phoneForm(cc: string, national: string[], intl: boolean): Marked {
    const head = national[0]!.replace(/^0/, '');
    if (!this.spoken) {
      const rest = national.slice(1);
      if (intl) {
        const style = this.n(0, 2);
        if (style === 0 && cc === '1') return mark(`+1-${head}-${rest.join('-')}`, 'PHONE');
        if (style === 1 && cc === '49') return mark(`+49 (0)${head} ${rest.join(' ')}`, 'PHONE');
        if (style === 2) return mark(`00${cc} ${head} ${rest.join(' ')}`, 'PHONE');
        return mark(`+${cc} ${head}${rest.map((x) => ` ${x}`).join('')}`, 'PHONE');
      }
      if (cc === '1') return mark(`${national[0]}-${national[1]}-${national[2]}`, 'PHONE');
      const tail = rest.join('');
      const style = this.n(0, 2);
      if (this.de) {
        if (style === 0) return mark(`${national[0]}-${tail}`, 'PHONE');
        if (style === 1)
          return mark(
            `${national[0]} - ${tail.slice(0, 2)} ${tail.slice(2, 4)} ${tail.slice(4)}`,
            'PHONE',
          );
        return mark(`${national[0]} ${tail}`, 'PHONE');
      }
      if (style === 0) return mark(`${national[0]} ${tail.slice(0, 3)} ${tail.slice(3)}`, 'PHONE');
      return mark(`${national[0]}-${tail}`, 'PHONE');
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
      this.de ? ['DE', 'DE', 'AT', 'BE', 'LU', 'CZ'] : ['GB', 'GB', 'IE', 'NO', 'FI', 'FR'],
    );
    const letters = (k: number) =>
      Array.from({ length: k }, () => String.fromCharCode(65 + this.n(0, 25))).join('');
    const lengths: Record<string, number> = { DE: 18, AT: 16, BE: 12, LU: 16, CZ: 20 };
    Object.assign(lengths, { IE: 18, NO: 11, FI: 14, FR: 23 });
    const bban =
      country === 'GB' || country === 'IE'
        ? letters(4) + this.digits(14, true)
        : this.digits(lengths[country]!, true);
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
    if (scheme === 4) {
      // American Express (37, 15 digits, 4-6-5).
      const body = `37${this.digits(12)}`;
      const card = `${body}${luhnCheck(body)}`;
      const groups = [card.slice(0, 4), card.slice(4, 10), card.slice(10)];
      if (!this.spoken) return mark(groups.join(' '), 'CREDIT_CARD');
      return mark(groups.map((g) => digitWords(g, this.lang)).join(' '), 'CREDIT_CARD');
    }
    // Visa, Mastercard's 2-series (2221–2720) and JCB (3528–3589), 16 digits each.
    const body =
      scheme <= 1
        ? `4${this.digits(14)}`
        : scheme === 2
          ? `${this.n(2221, 2720)}${this.digits(11)}`
          : `${this.n(3528, 3589)}${this.digits(11)}`;
    const card = `${body}${luhnCheck(body)}`;
    const groups = card.match(/\d{4}/g)!;
    if (!this.spoken)
      return mark(this.chance(0.25) ? groups.join('-') : groups.join(' '), 'CREDIT_CARD');
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
        s = this.pick([
          `${p2(d)}.${p2(m)}.${y}`,
          `${p2(d)}. ${mon} ${y}`,
          `${y}-${p2(m)}-${p2(d)}`,
        ]);
      else
        s = this.chance(0.5)
          ? `${ord(d)} ${mon.toLowerCase()} ${deYear(y)}`
          : `${ord(d)} ${ord(m)} ${deYear(y)}`;
    } else if (!this.spoken) {
      s = this.pick([
        `${p2(d)}/${p2(m)}/${y}`,
        `${d}${ordinalSuffix(d)} ${mon} ${y}`,
        `${mon} ${d}${ordinalSuffix(d)}, ${y}`,
        `${d} ${mon.length > 4 ? `${mon.slice(0, 3)}.` : mon} ${y}`,
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
    if (kind === 0) octets = [192, 168, this.n(0, 255), this.n(1, 254)];
    else if (kind === 1) octets = [10, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    else {
      let first = this.n(31, 223);
      if (first === 127) first = 128;
      octets = [first, this.n(0, 255), this.n(0, 255), this.n(1, 254)];
    }
    if (!this.spoken) {
      if (this.chance(0.15)) {
        const h = () => this.n(1, 0xffff).toString(16);
        return mark(`2a0${this.n(1, 9)}:${h()}:${h()}:${h()}::${h()}`, 'IP_ADDRESS');
      }
      return mark(octets.join('.'), 'IP_ADDRESS');
    }
    const dot = this.de ? 'punkt' : this.one('dot', 'point');
    const byDigit = this.chance(0.4);
    const said = octets.map((o) => (byDigit ? digitWords(String(o), this.lang) : this.w(o)));
    return mark(said.join(` ${dot} `), 'IP_ADDRESS');
  }

  /** German (or, one in four, Swiss) plates in German texts; British plates in English ones. */
  plate(): Marked {
    const letter = () => PLATE_LETTERS[this.n(0, PLATE_LETTERS.length - 1)]!;
    const byAlphabet = this.chance(0.3);
    const say = (s: string) =>
      [...s].map((c) => (byAlphabet ? spellLetter(c, this.lang) : c.toLowerCase())).join(' ');
    if (this.de) {
      if (this.chance(0.25)) {
        const canton = this.pick(CH_CANTONS);
        const num = String(this.n(1000, 999999));
        if (!this.spoken) return mark(`${canton} ${num}`, 'VEHICLE_PLATE');
        return mark(`${say(canton)} ${digitWords(num, 'de')}`, 'VEHICLE_PLATE');
      }
      const district = this.pick(DE_DISTRICTS);
      const mid = letter() + (this.chance(0.5) ? letter() : '');
      const num = String(this.n(1, this.chance(0.5) ? 99 : 9999));
      const h = this.chance(0.1) ? 'H' : '';
      if (!this.spoken) return mark(`${district} ${mid} ${num}${h}`, 'VEHICLE_PLATE');
      const n = this.chance(0.5) ? digitWords(num, 'de') : deNumber(+num);
      return mark(`${say(district)} ${say(mid)} ${n}${h ? ' h' : ''}`, 'VEHICLE_PLATE');
    }
    const age = this.pick(['02', '52', '05', '55', '08', '58', '11', '61', '14', '64']);
    const head = letter() + letter();
    const tail = letter() + letter() + letter();
    if (!this.spoken) return mark(`${head}${age} ${tail}`, 'VEHICLE_PLATE');
    const a = age[0] === '0' || this.chance(0.5) ? digitWords(age, 'en', true) : enNumber(+age);
    return mark(`${say(head)} ${a} ${say(tail)}`, 'VEHICLE_PLATE');
  }
}
