// Names and places of the tenth blind set (issue 17). Written by its author without reading the
// detector (src/pii/), its training data (bench/pii-train/) or its tests (test/pii/, but for the
// ninth set's structure test and the shared checks); the number words, check digits and the
// gold-marking tag are the sixth set's (blind6-values.ts). The origins are ones no earlier set
// names (Friulian, Ladino, Inuktitut, Bashkir, Chuvash, Udmurt, Kashubian, Aromanian, Gagauz,
// Abkhaz, Adyghe, Avar, Kalmyk, Buryat, Tuvan, Assamese, Konkani, Tulu, Newar, Balochi, Javanese,
// Sundanese, Navajo, K'iche', Papiamento, Sesotho, Venda, Chichewa, Luganda, Kikuyu, Luo, Tuareg,
// Mossi, Fon, Soninke, Efik, Kashmiri, Ilocano, Marshallese, Rapa Nui). Candidates were drawn up larger than needed and
// kept only when no token is on the detector's lists (asked through gazetteer() and isPlace()
// by a throw-away script that printed only what it kept) and no other evaluation set's text or
// list holds it; test/pii/blind10.test.ts keeps checking both. Towns and streets are invented.

import type { Lang } from './blind6-values.js';

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND10_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> =
  {
    friulian: {
      first: ['Pieri', 'Tite', 'Meni', 'Checo', 'Vigjute', 'Nart', 'Gjovanin', 'Marisute'],
      last: ['Toffoli', 'Cescutti', 'Pittino', 'Zanier', 'Candolini', 'Mizzau', 'Cecotti'],
    },
    ladino: {
      first: ['Bohor', 'Djoya', 'Sarika', 'Estrea', 'Mazaltov', 'Bulisa'],
      last: ['Saporta', 'Benveniste', 'Alhadeff', 'Gattegno', 'Abravanel', 'Nahmias', 'Eskenazi'],
    },
    inuktitut: {
      first: ['Ningiuk', 'Aputik', 'Paniloo', 'Siasi', 'Taqialuk', 'Akeeshoo', 'Qaumajuq'],
      last: ['Kilabuk', 'Ipeelie', 'Qaqqasiq', 'Akpalialuk', 'Pudlat', 'Ashoona', 'Nakashuk'],
    },
    bashkir: {
      first: ['Salawat', 'Zaytuna', 'Gulshat', 'Aygiz', 'Ilshat', 'Zulfiya', 'Rinat'],
      last: ['Yulayev', 'Gabdrakhmanova', 'Khabirov', 'Mustayev', 'Bikbulatov', 'Yanbaev'],
    },
    chuvash: {
      first: ['Narspi', 'Attil', 'Pinerpi', 'Setner', 'Iltuk', 'Salampi', 'Ukhsay'],
      last: ['Khuzangai', 'Sespel', 'Aygi', 'Ashmarin', 'Turkhan', 'Yukhma', 'Mishshi'],
    },
    udmurt: {
      first: ['Ashalchi Oki', 'Kuzebay', 'Ashalchi', 'Trokai', 'Vukoy', 'Ozhmeg', 'Lyudvika'],
      last: ['Korepanova', 'Shklyaev', 'Vladykin', 'Perevozchikov', 'Vekshina', 'Kutyavin'],
    },
    kashubian: {
      first: ['Hieronim', 'Brunon', 'Augustyna', 'Remus', 'Florentyna'],
      last: ['Majkowski', 'Derdowski', 'Trepczyk', 'Ceynowa', 'Drzeżdżon', 'Klinkosz', 'Rompski'],
    },
    aromanian: {
      first: ['Nasi', 'Mitrush', 'Sterie', 'Tache', 'Vangheli', 'Zica', 'Ianula'],
      last: ['Papahagi', 'Caragiani', 'Pucerea', 'Nitsiotas', 'Dimonie', 'Cosmescu'],
    },
    gagauz: {
      first: ['Todur', 'Stepan', 'Varvara', 'Dionis', 'Tudorka', 'Kosti'],
      last: ['Zanet', 'Kuroglu', 'Baboglu', 'Formuzal', 'Dimitroglo', 'Kioseoglu', 'Sirkeli'],
    },
    abkhaz: {
      first: ['Astamur', 'Alkhas', 'Daur', 'Adgur', 'Amra', 'Sariya', 'Gunda'],
      last: ['Ardzinba', 'Bagapsh', 'Khajimba', 'Gumba', 'Ankvab', 'Tarba', 'Chanba', 'Agrba'],
    },
    adyghe: {
      first: ['Nalbiy', 'Aslancheriy', 'Tembot', 'Asiet', 'Saida', 'Ayamez'],
      last: ['Kerashev', 'Teuchezh', 'Shovgenov', 'Tlyarugov', 'Khachemizov', 'Meretukov'],
    },
    avar: {
      first: ['Gamzat', 'Patimat', 'Khadizhat', 'Aminat', 'Omarasxab', 'Sapiyat'],
      last: ['Tsadasa', 'Dibirov', 'Gadzhimuradov', 'Khirasulov', 'Shakhbanov', 'Tagirova'],
    },
    kalmyk: {
      first: ['Badma', 'Sanzhi', 'Bulgun', 'Erdni', 'Kermen', 'Baira', 'Delgir'],
      last: ['Ochirov', 'Basangov', 'Dzhimbinov', 'Kugultinov', 'Sangadzhiev', 'Lidzhiev'],
    },
    buryat: {
      first: [
        'Dashi-Dorzho',
        'Tsyren-Dulma',
        'Bato-Munko',
        'Bair',
        'Dashi',
        'Sesegma',
        'Tsyren',
        'Dulma',
        'Zhargal',
        'Solbon',
        'Aryuna',
      ],
      last: ['Dorzhiev', 'Tsydenov', 'Dashinimaev', 'Tsyrenzhapov', 'Budaev', 'Gomboev'],
    },
    tuvan: {
      first: ['Aldyn', 'Choduraa', 'Sholban', 'Mergen', 'Shenne', 'Bayir', 'Ertine'],
      last: ['Mongush', 'Oorzhak', 'Kuular', 'Saaya', 'Ondar', 'Khertek', 'Dongak', 'Salchak'],
    },
    assamese: {
      first: ['Bhupen', 'Dhrubajyoti', 'Jonali', 'Nabanita', 'Dipankar', 'Pranjal', 'Bornali'],
      last: ['Borthakur', 'Gogoi', 'Saikia', 'Bordoloi', 'Hazarika', 'Phukan', 'Rajkhowa'],
    },
    konkani: {
      first: ['Gajanan', 'Ashwini', 'Shailesh', 'Pundalik', 'Sulochana', 'Vishnudas'],
      last: ['Prabhudesai', 'Kenkre', 'Borkar', 'Verlekar', 'Dhume', 'Wagle', 'Sardessai'],
    },
    tulu: {
      first: ['Koti', 'Chennaya', 'Abbakka', 'Kantabare', 'Agoli'],
      last: ['Poonja', 'Bangera', 'Salian', 'Kotian', 'Suvarna', 'Karkera', 'Kunder'],
    },
    newar: {
      first: ['Bhaju', 'Tirtha', 'Juju', 'Sanu', 'Chhori', 'Kanchha'],
      last: ['Bajracharya', 'Tuladhar', 'Maharjan', 'Manandhar', 'Kansakar', 'Rajbhandari'],
    },
    balochi: {
      first: ['Dostain', 'Shahdad', 'Mahnaz', 'Chakar', 'Jiand', 'Hani', 'Gohar'],
      last: ['Bizenjo', 'Mengal', 'Marri', 'Bugti', 'Raisani', 'Magsi', 'Zehri', 'Lashari'],
    },
    javanese: {
      first: ['Suparmi', 'Tukiyem', 'Ngatini', 'Parjo', 'Sukarmin', 'Wagiman', 'Suwarni'],
      last: ['Hadiningrat', 'Sastrowardoyo', 'Notonegoro'],
    },
    sundanese: {
      first: ['Ujang', 'Euis', 'Cecep', 'Entin', 'Dadang', 'Neneng', 'Iis'],
      last: ['Sukmana', 'Permana', 'Suhendar', 'Kartasasmita', 'Sumantri', 'Ruhiyat'],
    },
    navajo: {
      first: ['Ahiga', 'Hastiin', 'Yanaba', 'Shideezhi', 'Nizhoni', 'Bidziil', 'Naalnish'],
      last: ['Begay', 'Yazzie', 'Tsosie', 'Benally', 'Tsinajinnie', 'Deschenie', 'Bitsui'],
    },
    kiche: {
      first: ['Ix Balam', 'Ixchel', 'Balam', 'Ixkik', 'Nikte', 'Ajpu', 'Xbalanque'],
      last: ['Tzoc', 'Quiej', 'Xiloj', 'Chumil', 'Tzul', 'Ixcot', 'Sapón'],
    },
    papiamento: {
      first: ['Shurandy', 'Churandy', 'Jurickson', 'Hensley', 'Sharline'],
      last: ['Isenia', 'Koeiman', 'Janga', 'Sulvaran', 'Statia', 'Profar', 'Kwidama'],
    },
    sesotho: {
      first: ['Thabo', 'Palesa', 'Teboho', 'Lineo', 'Mamello', 'Nthabiseng', 'Retselisitsoe'],
      last: ['Mokhehle', 'Moshoeshoe', 'Letsie', 'Thabane', 'Mosisili', 'Lerotholi', 'Majoro'],
    },
    venda: {
      first: ['Mashudu', 'Rudzani', 'Tshilidzi', 'Livhuwani', 'Ndivhuwo', 'Azwindini'],
      last: ['Netshitenzhe', 'Mudau', 'Nemutanzhela', 'Ravele', 'Tshivhase', 'Nengovhela'],
    },
    chichewa: {
      first: ['Chikondi', 'Mphatso', 'Tadala', 'Chisomo', 'Madalitso', 'Kondwani', 'Yamikani'],
      last: ['Chirwa', 'Kumwenda', 'Chakwera', 'Mutharika', 'Nyirenda', 'Chisale', 'Kachale'],
    },
    luganda: {
      first: ['Nakato', 'Babirye', 'Waswa', 'Nalwoga', 'Namusoke', 'Nakimuli', 'Nabukeera'],
      last: ['Ssempijja', 'Kiwanuka', 'Mutebi', 'Nsubuga', 'Lubega', 'Kasirye', 'Walusimbi'],
    },
    kikuyu: {
      first: ['Njeri', 'Wambui', 'Muthoni', 'Wairimu', 'Njambi', 'Gathoni'],
      last: ['Gachagua', 'Kariuki', 'Waweru', 'Macharia', 'Njoroge', 'Githinji', 'Kimani'],
    },
    luo: {
      first: ['Akinyi', 'Achieng', 'Awino', 'Adhiambo', 'Atieno', 'Ochieng'],
      last: ['Odinga', 'Ouko', 'Oloo', 'Omolo', 'Onyango', 'Owino', 'Okoth', 'Ogola'],
    },
    tuareg: {
      first: ['Akli', 'Tinhinan', 'Dassine', 'Tahanine', 'Intalla', 'Alghabass'],
      last: ['Walet Oumar'],
    },
    mossi: {
      first: ['Wendyam', 'Rasmata', 'Noaga', 'Pengwende', 'Tenga', 'Wendkouni'],
      last: ['Ouédraogo', 'Sawadogo', 'Kaboré', 'Zongo', 'Ilboudo', 'Nikiéma', 'Tapsoba'],
    },
    fon: {
      first: ['Houénou', 'Gbènou', 'Mahugnon', 'Dossa', 'Sènami'],
      last: [
        'Dossou-Yovo',
        'Zinsou',
        'Houngbédji',
        'Adjovi',
        'Glèlè',
        'Tossou',
        'Hounkpatin',
        'Agbodjan',
      ],
    },
    soninke: {
      first: ['Diadié', 'Dioncounda', 'Sirandou', 'Tounkara', 'Hawa'],
      last: ['Soumaré', 'Dramé', 'Tandia', 'Doucouré', 'Bathily', 'Gassama', 'Diakhaby'],
    },
    efik: {
      first: ['Ekpenyong', 'Edidiong', 'Ekaette', 'Archibong', 'Asuquo', 'Uduak'],
      last: ['Efiong', 'Essien', 'Etim', 'Inyang', 'Effiong', 'Otu'],
    },
    kashmiri: {
      first: ['Zooni', 'Mehjoor', 'Shafqat', 'Arnimal', 'Haseena'],
      last: ['Mattoo', 'Ganai', 'Rather', 'Kitchloo', 'Zutshi', 'Haksar', 'Tikoo'],
    },
    ilocano: {
      first: ['Dionisio', 'Pacita', 'Bienvenido', 'Tirso'],
      last: ['Agbayani', 'Bumanglag', 'Dumlao', 'Pagaduan', 'Ducusin', 'Galutera'],
    },
    marshallese: {
      first: ['Litokwa Tomeing', 'Litokwa', 'Jurelang', 'Imata', 'Kinoj'],
      last: ['Kabua', 'Loeak', 'Zedkaia', 'Lometo', 'Anjain', 'Jetnil'],
    },
    rapanui: {
      first: ['Vaitiare', 'Hotu', 'Mahina', 'Tepano', 'Kava'],
      last: ['Pakarati', 'Tuki', 'Hotus', 'Haoa', 'Teao', 'Rapu', 'Paoa'],
    },
  };

/**
 * Surnames that are also everyday words (none used by an earlier set, as a name or in its text),
 * with given names of the same language. The PII-free frames use these words as words.
 */
export const BLIND10_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Gottlob', 'Walburga', 'Ottokar', 'Kunigunde', 'Reinhild', 'Gebhard', 'Mechthild'],
    last: ['Zeisig', 'Gimpel', 'Pirol', 'Lerche', 'Holunder', 'Mispel', 'Wiedehopf', 'Sichel'],
  },
  en: {
    first: ['Jocasta', 'Jolyon', 'Hyacinth'],
    last: ['Curlew', 'Lapwing', 'Weasel', 'Nutmeg', 'Teasel', 'Yarrow', 'Dunnock', 'Linnet'],
  },
};

/** Invented towns. */
export const BLIND10_TOWNS: Record<Lang, readonly string[]> = {
  de: [
    'Hühnerfeldhausen',
    'Bad Grollenstein',
    'Schnepfenreuth',
    'Wolfsgrubenau',
    'Sankt Ägidien am Moor',
    'Klein-Quendelstedt',
    'Obermulmingen',
    'Trübenwasser',
    'Dornhagenheide',
    'Fuchsklingen',
    'Mörtelsried',
    'Griesbachzell',
    'Unterzwiebelbach',
    'Lauchhagen an der Pfütze',
    'Kesselbrunnenrode',
  ],
  en: [
    'Nether Wimbleton',
    'Puddingham',
    'Great Swaffield',
    'Crowhollow',
    'Brackenthwaite Parva',
    'Dunmallow',
    'Foxhallows',
    'Wimbrell',
    'Gossington Magna',
    'Upper Snetterby',
    'Mossbury under Edge',
    'Pillingford',
  ],
};

/** Invented streets. */
export const BLIND10_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Glockengießerstraße',
    'Zum Wetterhahn',
    'Kupferhammerweg',
    'Bleicherwiese',
    'Drechslergasse',
    'Sattlerstieg',
    'Ziegelhüttenweg',
    'Schwarzfärberstraße',
    'Am Mühlengraben',
    'Harzkocherpfad',
  ],
  en: ['Wheelwrights Lane', 'Hurdlemakers Way', 'Tallowfield Road', 'Lamplighters Walk'],
};

/** Every name part (but the word-surnames) and place of this set, for the overlap checks. */
export function blind10Words(): string[] {
  return [
    ...Object.values(BLIND10_NAMES).flatMap((n) => [...n.first, ...n.last]),
    ...Object.values(BLIND10_WORD_NAMES).flatMap((n) => n.first),
    ...Object.values(BLIND10_TOWNS).flat(),
    ...Object.values(BLIND10_STREETS).flat(),
  ];
}
