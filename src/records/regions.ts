/** ISO 3166-1 alpha-2 codes currently assigned (249), plus the groups a policy may name. */
const ISO_3166_ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
    'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
    'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
    'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
    'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
    'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
    'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** The 27 member states of the European Union (since 2020). */
export const EU_MEMBERS: readonly string[] =
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');

/** The European Economic Area: the EU plus Iceland, Liechtenstein and Norway. */
export const EEA_MEMBERS: readonly string[] = [...EU_MEMBERS, 'IS', 'LI', 'NO'];

/** Region groups a policy may use as keys; a plain country code is more specific than EU, EU than EEA. */
export const REGION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  EU: EU_MEMBERS,
  EEA: EEA_MEMBERS,
};

/** Returns the upper-case ISO code, or undefined when `value` is not an assigned alpha-2 code. */
export function normaliseRegion(value: string): string | undefined {
  // Every record of a build names a region, and records name few: remembered, a region is
  // neither upper-cased (a new string) nor looked up again. Bounded: it starts over.
  const known = NORMALISED.get(value);
  if (known !== undefined || NORMALISED.has(value)) return known;
  const region = regionCode(value);
  // Only short values are kept, so the memory held stays small whatever records say.
  if (value.length > 8) return region;
  if (NORMALISED.size >= NORMALISED_KEPT) NORMALISED.clear();
  NORMALISED.set(value, region);
  return region;
}

/** normaliseRegion without remembering: the upper-case code, or undefined when not assigned. */
export function regionCode(value: string): string | undefined {
  const upper = value.toUpperCase();
  return ISO_3166_ALPHA2.has(upper) ? upper : undefined;
}

const NORMALISED = new Map<string, string | undefined>();
const NORMALISED_KEPT = 1024;
