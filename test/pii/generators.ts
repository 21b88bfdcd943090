import fc from 'fast-check';
import { mod11_10 } from '../../src/pii/checksums.js';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

function mod97(s: string): number {
  let rest = 0;
  for (const c of s)
    rest = (rest * (c >= 'A' ? 100 : 10) + (c >= 'A' ? c.charCodeAt(0) - 55 : Number(c))) % 97;
  return rest;
}

/** A German IBAN with correct check digits, in print form (groups of four) or compact. */
export const validIban = fc.tuple(digits(18), fc.boolean()).map(([bban, spaced]) => {
  const check = String(98 - mod97(`${bban}DE00`)).padStart(2, '0');
  const iban = `DE${check}${bban}`;
  return spaced ? iban.replace(/(.{4})/g, '$1 ').trim() : iban;
});

/** A 16-digit Visa-like number with a correct Luhn digit. */
export const validCard = digits(14).map((body) => {
  const partial = `4${body}`;
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${partial}${(10 - (sum % 10)) % 10}`.replace(/(.{4})/g, '$1 ').trim();
});

/** A Steuer-ID: ten digits where exactly one digit occurs twice, no leading zero, MOD 11,10. */
export const validSteuerId = fc
  .tuple(
    fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 9, maxLength: 9 }),
    fc.nat(8),
    fc.nat(9),
  )
  .map(([nine, twice, at]) => {
    const ten = [...nine];
    ten.splice(at, 0, nine[twice]!);
    if (ten[0] === 0) ten.push(ten.shift()!);
    if (ten[0] === 0) return undefined;
    const body = ten.join('');
    return `${body}${mod11_10(body)}`;
  })
  .filter((s): s is string => s !== undefined);

/** Changes the digit at a random digit position of `s` to another digit. */
export function changeOneDigit(s: string, pick: number, delta: number): string {
  const positions = [...s].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  const at = positions[pick % positions.length]!;
  const d = (Number(s[at]) + 1 + (delta % 9)) % 10;
  return s.slice(0, at) + d + s.slice(at + 1);
}

export const filler = fc
  .array(fc.constantFrom('Hallo', 'bitte', 'an', 'the', 'Konto', 'und', 'Danke!', 'my', 'is'), {
    maxLength: 6,
  })
  .map((w) => w.join(' '));
