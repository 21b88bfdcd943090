// Names made from syllables, one small model per origin, so the tagger meets name shapes that
// no list holds: the sounds and endings of an origin, never a real list's entries. Each model
// is a handful of syllables and endings written for this file from general knowledge of how
// names of that origin are built (not copied from any name list or evaluation set).
// TRAIN_ORIGINS feed training; DEV_ORIGINS are kept out of it for our own held-out figure
// (bench/pii-train/dev.ts). Deterministic: the caller's seeded generator decides everything.

export interface SyllableModel {
  /** Syllables a given name is built from; the first takes a capital. */
  readonly given: readonly string[];
  /** Endings a given name may close with (empty string: none). */
  readonly givenEnd: readonly string[];
  readonly givenSyllables: readonly [number, number];
  /** Syllables of a surname; with `surnameEnd` appended. */
  readonly surname: readonly string[];
  readonly surnameEnd: readonly string[];
  readonly surnameSyllables: readonly [number, number];
  /** Words before a surname ("Mac", "al-", "van der"); written as they stand. */
  readonly particles?: readonly string[];
}

const m = (
  given: string,
  givenEnd: string,
  gs: [number, number],
  surname: string,
  surnameEnd: string,
  ss: [number, number],
  particles?: string,
): SyllableModel => ({
  given: given.split(' '),
  givenEnd: givenEnd.split(' ').map((e) => (e === '_' ? '' : e)),
  givenSyllables: gs,
  surname: surname.split(' '),
  surnameEnd: surnameEnd.split(' ').map((e) => (e === '_' ? '' : e)),
  surnameSyllables: ss,
  ...(particles ? { particles: particles.split('|') } : {}),
});

export const TRAIN_ORIGINS: Record<string, SyllableModel> = {
  vietnamese: m(
    'thu minh lan hoa tuan duc quang ngoc phuong thanh huong trang khanh vy linh hai',
    '_',
    [1, 2],
    'nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly',
    '_',
    [1, 1],
  ),
  polish: m(
    'ja ro zbi gnie ma rek ka ta grze bo sła wo mi cha ła do ro ta',
    'sz n wa na ta ek ław mir dek',
    [1, 2],
    'kow no wi dzi szym ma kacz gra lew zie ba pio trow wój woź',
    'ski ska czyk wicz ak ek iak owski ewska',
    [1, 2],
  ),
  turkish: m(
    'me hmet ay şe em re el if bu rak ha kan se lin gök han er dem ce ren',
    '_ an en ur ay',
    [2, 2],
    'yıl dız öz türk ka ya çe lik ar slan şa hin kurt ak doğ an',
    '_ oğlu er ci kaya',
    [2, 2],
  ),
  irish: m(
    'sia ra nia mh ao ife cia rán eo ghan ois ín dei rdre tad hg grái nne',
    '_ ín een',
    [1, 2],
    'dono ghue ken nedy sulli van mur phy bre nnan dohe rty gall agher kav anagh',
    '_',
    [2, 2],
    "O'|Mac|Mc|Ní|Ó",
  ),
  arabic: m(
    'ha mid ya sin fa ti ma kha lid zai nab ra sha nour yu suf sa mir lay la',
    '_ a ah',
    [2, 2],
    'man sour ha ddad kha lil na sser sa leh qa sim ba kr ra shid',
    '_ i',
    [2, 2],
    'al-|el-|bin|Abu|Al',
  ),
  hindi: m(
    'a ra vi pri ya sun ee ta ro han ka vya ish aan an ja li deep ak',
    '_ a esh it',
    [2, 3],
    'sha rma gup ta ver ma pa tel ra o jo shi ku mar sin gh iy er',
    '_',
    [2, 2],
  ),
  swahili: m(
    'ba ra ka ne e ma zu ri ju ma a ma ni sa lim ha di ja',
    '_ a i',
    [2, 3],
    'mwa ngi o ti e no ki ba ki mu tu a wan jiku',
    '_ o a',
    [2, 3],
  ),
  igbo: m(
    'chi nwe ike ada eze obi nna ama ka uche nne oge chu kwu',
    '_ ma di ka',
    [2, 3],
    'oka fo eze ani nwo ko ibe obi onye chu kwu emeka',
    '_ or ke di',
    [2, 3],
  ),
  japanese: m(
    'ha ru ki yu mi sa to shi ke n ta ro a ya ka na ri ko ai',
    '_ ko ki to',
    [2, 3],
    'ya ma mo to ta na ka su zu ki wa ta na be sa i hi ro',
    '_ da ta moto no',
    [2, 3],
  ),
  korean: m(
    'ji min seo yeon hye jin do hyun su ah eun woo ha neul tae yang',
    '_',
    [2, 2],
    'kim lee park choi jung kang cho yoon jang lim han shin',
    '_',
    [1, 1],
  ),
  chinese: m(
    'xiao wei li ming hui jun fang ying jie hao yu tian mei zhi xin',
    '_',
    [1, 2],
    'wang li zhang liu chen yang huang zhao zhou wu xu sun guo',
    '_',
    [1, 1],
  ),
  greek: m(
    'di mi tri ni ko la el e ni ka te ri na gi or gos so fi a',
    '_ os is a ia',
    [2, 3],
    'pa pa do pou ka ra ni ko la ge or gi va si li',
    'los lou is ou akis opoulos idis',
    [2, 3],
  ),
  czech: m(
    'ja ro sla va pe tr zde něk ra dek kl ára ond řej bo žena',
    '_ a ek',
    [2, 2],
    'no vák dvo řák svo bo da pro chá zka ku čera ve se lý',
    '_ ová',
    [2, 2],
  ),
  hungarian: m(
    'zsó fia ge rgő le ven te bo rb ála dá ni el ré ka csa ba',
    '_',
    [2, 3],
    'na gy ko vács sza bó hor váth tó th mol nár fa rk as',
    '_',
    [2, 2],
  ),
  finnish: m(
    'ai no ee tu la ri sa ku ei no iik ka ve ee ti ja nn e',
    '_ a i o',
    [2, 3],
    'vir ta ne mä ki nen hei kki la ko rho nen lai ti nen',
    'nen la lä',
    [2, 3],
  ),
  yoruba: m(
    'a de ba yo o lu wa se un fo la ke ti mi ay o',
    '_ la de mi',
    [2, 4],
    'a de o la ba yo o ku ola wa le ti mi',
    '_ yemi wale',
    [2, 4],
  ),
  persian: m(
    'da riush sha rin pa rvin ka veh nas rin ar ash go lna z bah ram',
    '_',
    [2, 2],
    'ho sse ini ka ri mi ra za vi ta heri mo ha mma di',
    '_ i zadeh pour',
    [2, 3],
  ),
  spanish: m(
    'ma ri sol ra fa el lu cí a xi me na ig na cio al ba ro dri go',
    '_ a o',
    [2, 3],
    'gar cía her nán dez ló pez ro drí guez mar tí nez san cho va rga s',
    '_ ez',
    [2, 3],
    'de|del|de la',
  ),
  dutch: m(
    'ma art je se m wou ter fen na tij s lot te ruu d',
    '_ je',
    [1, 2],
    'bak ker jan sen vis ser meu len dij k brou wer',
    '_ s',
    [2, 2],
    'van|van der|de|van den',
  ),
  russian: m(
    'dmi triy na ta sha ol ga ser gey ta ti a na i gor ka tya',
    '_ a',
    [2, 3],
    'ivan smir nov pe tro kuz ne tsov so ko lov po po',
    'ov ova ev eva in ina',
    [2, 2],
  ),
};

export const DEV_ORIGINS: Record<string, SyllableModel> = {
  thai: m(
    'som chai pim ploy na ree kit ti ya ma li nuch',
    '_',
    [2, 2],
    'suk sa wat won gsa kul chai ya phum rat ta na',
    '_ kul porn',
    [3, 4],
  ),
  georgian: m(
    'nino gio rgi ta mar le va ni ke te van za za',
    '_',
    [2, 3],
    'be ri dze ka pa na ma me li kha shvi ge lash',
    'shvili dze ia ava',
    [2, 2],
  ),
  tagalog: m(
    'ma ri cel jo nel li gaya ro wena ma ri tes da ni lo',
    '_',
    [2, 3],
    'ma ca pa gal ba ut is ta du ma gu ing sa lon ga',
    '_',
    [2, 3],
  ),
  basque_like: m(
    'ai tor i ña ki mi ren go r ka ne ka ne ix tar',
    '_ e a',
    [2, 3],
    'e txe ba rri a goi ko e txe a ran bu ru',
    'ena eta aga',
    [2, 3],
  ),
};

type Rnd = () => number;

function word(
  rnd: Rnd,
  syllables: readonly string[],
  ends: readonly string[],
  n: [number, number],
) {
  const count = n[0] + Math.floor(rnd() * (n[1] - n[0] + 1));
  let w = '';
  for (let k = 0; k < count; k++) w += syllables[Math.floor(rnd() * syllables.length)]!;
  w += ends[Math.floor(rnd() * ends.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** A given name of the origin. */
export function syllableGiven(rnd: Rnd, model: SyllableModel): string {
  return word(rnd, model.given, model.givenEnd, [...model.givenSyllables]);
}

/** A surname of the origin, with a particle now and then when the origin has them. */
export function syllableSurname(rnd: Rnd, model: SyllableModel): string {
  const s = word(rnd, model.surname, model.surnameEnd, [...model.surnameSyllables]);
  const ps = model.particles;
  if (ps && rnd() < 0.3) {
    const p = ps[Math.floor(rnd() * ps.length)]!;
    if (p.endsWith('-') || p.endsWith("'")) return `${p}${s}`;
    return `${p} ${s}`;
  }
  return s;
}
