// Names and places of the eleventh blind set (issue 17). Written by its author without reading the
// detector (src/pii/), its training data (bench/pii-train/) or its tests (test/pii/, but for the
// tenth set's structure test and the shared checks); the number words, check digits and the
// gold-marking tag are the sixth set's (blind6-values.ts). The origins are ones no earlier set
// names (Mari, Komi, Erzya, Karelian, Khakas, Altai, Nenets, Evenki, Ingush, Lezgin, Kumyk,
// Talysh, Bhojpuri, Maithili, Santali, Meitei, Mizo, Khasi, Bodo, Palauan, Kiribati, Okinawan,
// Cebuano, Minangkabau, Balinese, Batak, Tsonga, Herero, Tiv, Urhobo, Ga, Temne, Bemba,
// Kalenjin, Maasai, Yucatec Maya, Romani, Asturian, Walloon, Tuvaluan). Candidates were drawn up
// larger than needed and kept only when no token is on the detector's lists (asked through
// gazetteer() and isPlace() by a throw-away script that printed only what it kept) and no other
// evaluation set's text or list holds it; test/pii/blind11.test.ts keeps checking both. Towns
// and streets are invented.

import type { Lang } from './blind6-values.js';

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND11_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> =
  {
    mari: {
      first: ['Olyk', 'Yyvan', 'Sakar', 'Akpatyr', 'Vachi', 'Chachi', 'Nalmas', 'Elnet'],
      last: ['Chavain', 'Shketan', 'Yuzykain', 'Tanygin', 'Ivukov', 'Yalkain', 'Kurbanger'],
    },
    komi: {
      first: ['Kallistrat', 'Pitirim', 'Yelpidifor', 'Agniya', 'Feoktista', 'Vuktyl'],
      last: ['Zhakov', 'Kuratov', 'Lytkin', 'Timushev', 'Kanev', 'Rochev', 'Chuprov', 'Istomina'],
    },
    erzya: {
      first: ['Syres', 'Kuldyr', 'Pizhelge', 'Vezhay', 'Ashava', 'Litova', 'Inyazor'],
      last: ['Kirdyashkin', 'Nuyankin', 'Bryzhinsky', 'Kutorkin', 'Pinyaskin', 'Devayev'],
    },
    karelian: {
      first: ['Vasselei', 'Ontropa', 'Olona', 'Nasto', 'Jeudokia', 'Homa'],
      last: ['Remsujev', 'Tiihonov', 'Kotkajev', 'Uljanen', 'Jeskelä', 'Lesonen'],
    },
    khakas: {
      first: ['Aydana', 'Chyltys', 'Saylyk', 'Alyp', 'Khyrgys'],
      last: ['Kokov', 'Tolmashov', 'Chebodaev', 'Kilchichakov', 'Topoev', 'Butanaev', 'Kuzhakov'],
    },
    altai: {
      first: ['Chot', 'Kuuchyn', 'Erkemen', 'Surmene', 'Maaday'],
      last: ['Tepukov', 'Yalatov', 'Tadyev', 'Belekov', 'Chendekov', 'Samykov', 'Tolbina'],
    },
    nenets: {
      first: ['Sebeyu', 'Nyadma', 'Yerv', 'Pedko', 'Ilne'],
      last: ['Vanuyto', 'Yaptik', 'Okotetto', 'Laptander', 'Serotetto', 'Khudi', 'Ledkov'],
    },
    evenki: {
      first: ['Nimngan', 'Dyulyaka', 'Uchir', 'Ikenipke', 'Chevuldy'],
      last: ['Udygir', 'Salatkin', 'Amuktaev', 'Botulu', 'Chapogir', 'Tortogir'],
    },
    ingush: {
      first: ['Sultangiri', 'Zyalikhan', 'Yakhya', 'Markha', 'Zalina'],
      last: [
        'Evloev',
        'Kartoev',
        'Albakov',
        'Malsagov',
        'Ozdoev',
        'Kostoev',
        'Dzeitov',
        'Bekbuzarov',
      ],
    },
    lezgin: {
      first: ['Alibeg', 'Shakhbala', 'Zulgadar', 'Kerimkhan', 'Mesedu'],
      last: ['Gadzhibekov', 'Fataliev', 'Ragimkhanov', 'Fetullaev', 'Mirzebekov'],
    },
    kumyk: {
      first: ['Irchi', 'Manay', 'Abusupyan', 'Bariyat', 'Tazhutdin', 'Ummuhabi'],
      last: ['Dzhengutaev', 'Atabaev', 'Umalatov', 'Kappaev', 'Shikhsaidov', 'Bammatov'],
    },
    talysh: {
      first: ['Zulfugar', 'Jamshid', 'Novruz', 'Alakram', 'Firangiz'],
      last: ['Hummatov', 'Mammadzada', 'Asadullayev', 'Mirtalibov', 'Talyshinsky', 'Abilov'],
    },
    bhojpuri: {
      first: ['Bhikhari', 'Mahendar', 'Raghubir', 'Rambali', 'Phulmati', 'Bhagirathi'],
      last: ['Tiwary', 'Pandeya', 'Upadhyaya', 'Kushwaha', 'Nishad', 'Rajbhar'],
    },
    maithili: {
      first: ['Vidyapati', 'Harimohan', 'Shefalika', 'Yatri', 'Baidyanath'],
      last: ['Karna', 'Mahaseth', 'Pathak', 'Lakhotia', 'Jhadav'],
    },
    santali: {
      first: ['Sidhu', 'Kanhu', 'Phulo', 'Jhano', 'Dumni', 'Sagram'],
      last: ['Murmu', 'Hansda', 'Hembrom', 'Tudu', 'Baskey', 'Kisku', 'Marandi'],
    },
    meitei: {
      first: ['Tomba', 'Thoiba', 'Ibemhal', 'Thoibi', 'Bidyarani', 'Khamba', 'Chingkhei'],
      last: [
        'Ningthoujam',
        'Khumukcham',
        'Thockchom',
        'Laishram',
        'Wangkhem',
        'Yumnam',
        'Konthoujam',
      ],
    },
    mizo: {
      first: ['Lalthanhawla', 'Zoramthanga', 'Lalduhoma', 'Mapuii', 'Zothansangi', 'Lalremruata'],
      last: ['Ralte', 'Chhangte', 'Khiangte', 'Pachuau', 'Hnamte', 'Sailo'],
    },
    khasi: {
      first: ['Banteilang', 'Ibadahun', 'Wanshan', 'Kyrshan', 'Daphisha', 'Iohbor'],
      last: ['Lyngdoh', 'Syiem', 'Kharkongor', 'Nongrum', 'Marbaniang', 'Warjri', 'Kharsyntiew'],
    },
    bodo: {
      first: ['Gwmbwr', 'Rwngsar', 'Mwdwi', 'Jwhwlao', 'Bwisagi', 'Dwimalu'],
      last: ['Basumatary', 'Mushahary', 'Narzary', 'Daimary', 'Swargiary', 'Boro'],
    },
    palauan: {
      first: ['Surangel', 'Kuniwo', 'Ebil', 'Bilung', 'Dirremang', 'Uchel'],
      last: [
        'Remengesau',
        'Toribiong',
        'Tmetuchl',
        'Ngiraked',
        'Rechucher',
        'Ngirmang',
        'Olkeriil',
      ],
    },
    kiribati: {
      first: ['Taneti', 'Teburoro', 'Ieremia', 'Tebao', 'Kautu', 'Rimeta', 'Tiaon'],
      last: ['Maamau', 'Tabai', 'Teannaki', 'Tekeraoi', 'Kaiea', 'Baraniko'],
    },
    okinawan: {
      first: ['Ushi', 'Kamado', 'Tsuru', 'Kamii', 'Nabi', 'Maitsu'],
      last: ['Higa', 'Chinen', 'Kinjo', 'Ganaha', 'Nakandakari', 'Arakaki', 'Shimabukuro'],
    },
    cebuano: {
      first: ['Dodong', 'Inday', 'Nonoy', 'Teban', 'Istong'],
      last: ['Cuenco', 'Gullas', 'Durano', 'Climaco', 'Abellanosa', 'Ouano'],
    },
    minangkabau: {
      first: ['Rangkayo', 'Datuak', 'Upiak', 'Buyuang', 'Rasuna'],
      last: ['Sjahrir', 'Chaniago', 'Piliang', 'Jambak', 'Tanjuang', 'Sikumbang'],
    },
    balinese: {
      first: ['Wayan', 'Nyoman', 'Ketut', 'Komang', 'Kadek', 'Gusti'],
      last: ['Sukarsa', 'Astawa', 'Suastika', 'Widiarta', 'Pastika', 'Darmayasa'],
    },
    batak: {
      first: ['Tigor', 'Rumondang', 'Horas', 'Sondang', 'Togar', 'Poltak'],
      last: ['Sitorus', 'Panjaitan', 'Situmorang', 'Nainggolan', 'Hutapea', 'Simatupang'],
    },
    tsonga: {
      first: ['Tsakani', 'Nhlalala', 'Hlulani', 'Ntsako', 'Rhulani', 'Tinyiko'],
      last: ['Baloyi', 'Maluleke', 'Chauke', 'Mathebula', 'Shivambu', 'Hlungwani', 'Ngobeni'],
    },
    herero: {
      first: ['Vekuii', 'Uatjiua', 'Kazeongere', 'Mbakumua', 'Jaruuapi', 'Kaera'],
      last: ['Maharero', 'Riruako', 'Katjavivi', 'Kandjii', 'Tjiriange', 'Hoveka'],
    },
    tiv: {
      first: ['Terver', 'Msugh', 'Doosuur', 'Iveren', 'Mimidoo', 'Sesugh'],
      last: ['Akume', 'Ortom', 'Tarka', 'Iorchia', 'Gbor', 'Aondoakaa', 'Orngu'],
    },
    urhobo: {
      first: ['Ogaga', 'Oghenekaro', 'Efemena', 'Ejiro', 'Onome', 'Oghenetega'],
      last: ['Ibori', 'Ukueku', 'Erhueh', 'Emerhor', 'Avwerosuo', 'Omonigho'],
    },
    ga: {
      first: ['Adjeley', 'Okaikor', 'Ayorkor', 'Dedei', 'Nortey', 'Odarkor'],
      last: ['Lamptey', 'Quaye', 'Ankrah', 'Tagoe', 'Odoi', 'Sowah', 'Allotey', 'Quarcoo'],
    },
    temne: {
      first: ['Foday', 'Mabinty', 'Isatu', 'Kadiatu', 'Alimamy'],
      last: ['Kamara', 'Bangura', 'Sesay', 'Turay', 'Conteh', 'Koroma'],
    },
    bemba: {
      first: ['Mwelwa', 'Chanda', 'Bwalya', 'Chileshe', 'Mutale', 'Musonda'],
      last: ['Mwansa', 'Kapwepwe', 'Chiluba', 'Chisanga', 'Kalaba', 'Mwape'],
    },
    kalenjin: {
      first: ['Kipchoge', 'Chebet', 'Jeptoo', 'Kiprop', 'Chepkoech', 'Kiptanui'],
      last: ['Keino', 'Kosgei', 'Rotich', 'Kiplagat', 'Tergat', 'Biwott'],
    },
    maasai: {
      first: ['Naserian', 'Sironka', 'Lemayian', 'Nalangu', 'Saitoti', 'Koinet', 'Soipan'],
      last: ['Ntimama', 'Sakuda', 'Kereto', 'Konchellah', 'Lenku', 'Tunai'],
    },
    maya: {
      first: ['Yaxkin', 'Kinich', 'Sasil', 'Yatzil', 'Ixnaay', 'Itzamna'],
      last: ['Pech', 'Canché', 'Dzib', 'Cocom', 'Euán', 'Chablé', 'Kauil'],
    },
    romani: {
      first: ['Papusza', 'Luludi', 'Shukar', 'Bakro', 'Tshavo', 'Mileva'],
      last: ['Stojka', 'Kwiek', 'Orsós', 'Kawczynski'],
    },
    asturian: {
      first: ['Xuan', 'Pelayo', 'Xandru', 'Llorián', 'Xurde', 'Nel'],
      last: ['Llaneza', 'Cuerva', 'Arbesú', 'Cuetos', 'Riestra', 'Caunedo'],
    },
    walloon: {
      first: ['Djosef', 'Colas', 'Gusse', 'Marèye', 'Djan', 'Tchantchès'],
      last: ['Defossez', 'Lhoest', 'Goffinet', 'Wautelet', 'Houbart', 'Stiernon'],
    },
    tuvaluan: {
      first: ['Enele', 'Kausea', 'Apisai', 'Saufatu', 'Maatia', 'Taukelina'],
      last: ['Sopoaga', 'Natano', 'Ielemia', 'Toafa', 'Puapua', 'Italeli'],
    },
  };

/**
 * Surnames that are also everyday words (none used by an earlier set, as a name or in its text),
 * with given names of the same language. The PII-free frames use these words as words.
 */
export const BLIND11_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Hildegund', 'Dietlinde', 'Volkhard', 'Irmtraut', 'Liebwin'],
    last: ['Karpfen', 'Drossel', 'Bussard', 'Kauz', 'Iltis', 'Wacholder', 'Amboss'],
  },
  en: {
    first: ['Ptolemy', 'Tarquin', 'Eglantine', 'Obadiah', 'Griselda', 'Hepzibah', 'Leofric'],
    last: [
      'Bittern',
      'Gannet',
      'Otter',
      'Stoat',
      'Mallow',
      'Burdock',
      'Siskin',
      'Thimble',
      'Chisel',
    ],
  },
};

/** Invented towns. */
export const BLIND11_TOWNS: Record<Lang, readonly string[]> = {
  de: [
    'Krötenmoosach',
    'Bad Schwefelgrund',
    'Zwergenreuth',
    'Lattenbrunn',
    'Schnakenried',
    'Wespenhagen',
    'Hinterkrähwinkel',
    'Oberkümmelstein',
    'Rübenschlagheim',
    'Kleinmurksdorf',
    'Bad Molchingen',
    'Unkenpfuhl',
    'Distelbrunnenrode',
    'Graupenried an der Wehr',
    'Sankt Quirin im Ried',
    'Mausbachtal',
    'Niederschnarchau',
    'Krummholzweiler',
  ],
  en: [
    'Little Snorlingham',
    'Crumbleford',
    'Bogglesby',
    'Muckleton Regis',
    'Thrumpington',
    'Gorsebury',
    'Saltmarrow',
    'Huddlecote',
    'Kipperwick',
    'Drizzlethorpe',
    'Scrabbleton on Wold',
    'Pennyflitch',
    'Upper Gloaming',
    'Wobbleswick St Agnes',
    'Fernickle Magna',
  ],
};

/** Invented streets. */
export const BLIND11_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Am Pechofen',
    'Kesselflickerweg',
    'Bürstenbindergasse',
    'Zinngießerstraße',
    'Nagelschmiedstieg',
    'Hutmacherpfad',
    'Am Lohgraben',
    'Salzsiederstraße',
    'Korbflechterweg',
    'Seifensiederring',
  ],
  en: ['Saddletree Lane', 'Millwrights Close', 'Candlemakers Row', 'Hayward Loke'],
};

/** Every name part (but the word-surnames) and place of this set, for the overlap checks. */
export function blind11Words(): string[] {
  return [
    ...Object.values(BLIND11_NAMES).flatMap((n) => [...n.first, ...n.last]),
    ...Object.values(BLIND11_WORD_NAMES).flatMap((n) => n.first),
    ...Object.values(BLIND11_TOWNS).flat(),
    ...Object.values(BLIND11_STREETS).flat(),
  ];
}
