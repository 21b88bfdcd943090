// Names and places of the ninth blind set (issue 17). Written by its author without reading the
// detector (src/pii/), its training data (bench/pii-train/) or its tests (test/pii/, but for the
// eighth set's structure test and the shared checks); the number words, check digits and the
// gold-marking tag are the sixth set's (blind6-values.ts). The origins are ones no earlier set
// names (Burmese, Gujarati, Marathi, Kannada, Odia, Sindhi, Dhivehi, Kyrgyz, Turkmen, Sakha,
// Chechen, Ossetian, Macedonian, Belarusian, Sorbian, Corsican, Occitan, Manx, Cornish, Lingala,
// Tswana, Ewe, Bambara, Kabyle, Hmong, Aymara, Nahuatl, Tahitian, Dinka). Candidates were drawn
// up larger than needed and kept only when no token is on the detector's lists (asked through
// gazetteer() and isPlace() inside a test alone, the reason never printed) and no other
// evaluation set's text or list holds it; test/pii/blind9.test.ts keeps checking both. Towns
// and streets are invented.

import type { Lang } from './blind6-values.js';

/** Given names and surnames by origin; a person's two parts come from one origin. */
export const BLIND9_NAMES: Record<string, { first: readonly string[]; last: readonly string[] }> = {
  burmese: {
    first: ['Thiri', 'Zayar', 'Hnin Wai', 'Kyaw Zeya', 'Nandar', 'Htet Aung', 'Ei Phyu'],
    last: ['Thant Zin', 'Win Htut', 'Lwin Oo', 'Soe Paing', 'Hlaing Bwar'],
  },
  gujarati: {
    first: ['Hetal', 'Jignesh', 'Falguni', 'Chirag', 'Mittal', 'Bhavik', 'Kinjal'],
    last: ['Vaghela', 'Solanki', 'Parekh', 'Thakkar', 'Joshipura', 'Chudasama', 'Bhalodia'],
  },
  marathi: {
    first: ['Mrunal', 'Shantanu', 'Ketaki', 'Omkar', 'Sayali', 'Tejas', 'Ruchira'],
    last: ['Kulkarni', 'Gokhale', 'Phadnis', 'Sawant', 'Joglekar', 'Mhatre'],
  },
  kannada: {
    first: ['Chaitra', 'Girish', 'Spoorthi', 'Manjunath', 'Rakshitha', 'Puneeth'],
    last: ['Hegde', 'Gowda', 'Shetty', 'Kamath', 'Bhandarkar', 'Udupa', 'Karanth'],
  },
  odia: {
    first: ['Subhashree', 'Debasis', 'Lipsa', 'Sarthak', 'Ipsita', 'Biswajit', 'Sasmita'],
    last: ['Mohapatra', 'Panigrahi', 'Pattnaik', 'Behera', 'Senapati', 'Samantaray'],
  },
  sindhi: {
    first: ['Kanwal', 'Sassui', 'Jhamandas', 'Mehrunisa', 'Dharmoo', 'Nimrita'],
    last: ['Advani', 'Lalwani', 'Hingorani', 'Mirchandani', 'Jagtiani', 'Sippy'],
  },
  dhivehi: {
    first: ['Shiuna', 'Hawwa', 'Shifaz', 'Nashwa', 'Azlifa', 'Mufeed'],
    last: ['Manik', 'Didi', 'Kaleyfaanu', 'Shakoor', 'Haleem', 'Naseem'],
  },
  kyrgyz: {
    first: ['Aibek', 'Cholpon', 'Bakyt', 'Kanybek', 'Aizada', 'Temirlan'],
    last: ['Sadyrbaeva', 'Osmonaliev', 'Zhumabekov', 'Kasymaliev', 'Tokonbaeva', 'Abdyldaev'],
  },
  turkmen: {
    first: ['Maral', 'Serdar', 'Ogulgerek', 'Myrat', 'Jeren', 'Batyr', 'Gozel'],
    last: ['Berdiyev', 'Orazova', 'Gurbanov', 'Annayev', 'Charyyeva', 'Ovezov', 'Durdyyev'],
  },
  sakha: {
    first: ['Aital', 'Sardana', 'Ayaal', 'Kyunney', 'Tuyara', 'Erchim', 'Nyurgun'],
    last: ['Sleptsov', 'Ammosova', 'Everstova', 'Kulakovsky', 'Oyunsky', 'Yadreeva', 'Sivtsev'],
  },
  chechen: {
    first: ['Zelimkhan', 'Khava', 'Movsar', 'Zarema', 'Aslanbek', 'Luiza'],
    last: ['Gakaev', 'Mezhidov', 'Tsokaev', 'Yandarbieva', 'Elmurzaev', 'Dudaev'],
  },
  ossetian: {
    first: ['Zaurbek', 'Soslan', 'Dzerassa', 'Tamerlan', 'Agunda'],
    last: ['Dzagoev', 'Gazzaev', 'Tedeev', 'Bestaev', 'Dzutsev', 'Gagloeva'],
  },
  macedonian: {
    first: ['Blagoja', 'Vesna', 'Trajko', 'Biljana', 'Ognen', 'Verica'],
    last: ['Trajkovski', 'Angelovska', 'Stojanovski', 'Petrevska', 'Damjanovski', 'Zafirovski'],
  },
  belarusian: {
    first: ['Ales', 'Nasta', 'Yanka', 'Lyavon', 'Alesia', 'Zmitser'],
    last: ['Bahdanovich', 'Karatkevich', 'Niakliaeu', 'Lukashuk', 'Astapenka', 'Bykau'],
  },
  sorbian: {
    first: ['Jurij', 'Měrćin', 'Hańža', 'Bosćan', 'Wórša', 'Lejna'],
    last: ['Brězan', 'Krawc', 'Šołta', 'Wjela', 'Mětšk', 'Kocor'],
  },
  corsican: {
    first: ['Ghjuvanni', 'Petru', 'Ghjacumu', 'Dumenica', 'Santu', 'Lisandru', 'Ghjulia'],
    last: ['Santoni', 'Filippi', 'Albertini', 'Mattei', 'Luciani', 'Pietri', 'Leca'],
  },
  occitan: {
    first: ['Jaume', 'Miquèla', 'Estève', 'Bernat', 'Joaneta', 'Peire', 'Marieta'],
    last: ['Delpech', 'Castanhet', 'Bousquet', 'Lafargue', 'Delteil', 'Cabanis', 'Maurel'],
  },
  manx: {
    first: ['Illiam', 'Moirrey', 'Fynlo', 'Aalin', 'Orry', 'Breesha', 'Ealisaid'],
    last: ['Quayle', 'Kermode', 'Corlett', 'Kinvig', 'Quilliam', 'Cregeen', 'Qualtrough'],
  },
  cornish: {
    first: ['Jowan', 'Kerensa', 'Morwenna', 'Peder', 'Demelza', 'Kenwyn'],
    last: ['Trelawny', 'Penhaligon', 'Tregenza', 'Polglase', 'Chenoweth', 'Trevithick', 'Rowse'],
  },
  lingala: {
    first: ['Bolingo', 'Elikya', 'Nsimba', 'Makiese', 'Lokwa', 'Esengo'],
    last: ['Mukendi', 'Kabamba', 'Lokombe', 'Mbemba', 'Mpiana', 'Bokungu', 'Likonza'],
  },
  tswana: {
    first: ['Kagiso', 'Boitumelo', 'Onalenna', 'Tebogo', 'Lesego', 'Kgomotso', 'Tshepiso'],
    last: ['Mokgosi', 'Seretse', 'Molefhe', 'Kgosiemang', 'Masisi', 'Modise', 'Sebego'],
  },
  ewe: {
    first: ['Edem', 'Selorm', 'Dzifa', 'Elikem', 'Mawuli', 'Esenam', 'Kafui'],
    last: ['Agbeko', 'Dzokoto', 'Kpodo', 'Amegashie', 'Gbeze', 'Akpalu', 'Tsikata'],
  },
  bambara: {
    first: ['Seydou', 'Oumou', 'Bakary', 'Kadidia', 'Assitan', 'Sekou'],
    last: ['Traoré', 'Coulibaly', 'Diarra', 'Konaté', 'Samaké', 'Sangaré', 'Dembélé'],
  },
  kabyle: {
    first: ['Idir', 'Tassadit', 'Mouloud', 'Tanina', 'Amastan', 'Dihya', 'Aksil', 'Thiziri'],
    last: ['Ait Menguellet', 'Mammeri', 'Amrouche', 'Feraoun', 'Hamitouche', 'Boudjemaa'],
  },
  hmong: {
    first: ['Tou Ger', 'Chong', 'Nou', 'Youa', 'Xia'],
    last: ['Xiong', 'Lor', 'Moua', 'Vue', 'Kue'],
  },
  aymara: {
    first: ['Wara', 'Qhispi', 'Phaxsi', 'Wila', 'Kusi'],
    last: ['Choque', 'Huanca', 'Apaza', 'Callisaya'],
  },
  nahuatl: {
    first: ['Citlali', 'Xochitl', 'Tonatiuh', 'Yaretzi', 'Tlacaelel'],
    last: ['Cuautle', 'Xicotencatl', 'Tecuapetla', 'Chimalpopoca', 'Tecuanhuey', 'Cuapio'],
  },
  tahitian: {
    first: ['Teva', 'Hinano', 'Vaihere', 'Tehani', 'Poerava', 'Heimana'],
    last: ['Teriitahi', 'Tetuanui', 'Temaru', 'Tehei', 'Raapoto', 'Tavaearii'],
  },
  dinka: {
    first: ['Achol', 'Majak', 'Nyandeng', 'Abuk', 'Makuei', 'Ayen'],
    last: ['Mayardit', 'Kuol', 'Akech', 'Malual', 'Lual', 'Ajak', 'Madut'],
  },
};

/**
 * Surnames that are also everyday words (none used by an earlier set, as a name or in its text),
 * with given names of the same language. The PII-free frames use these words as words.
 */
export const BLIND9_WORD_NAMES: Record<
  Lang,
  { first: readonly string[]; last: readonly string[] }
> = {
  de: {
    first: ['Wunibald', 'Irmtraud', 'Ludgera', 'Leberecht', 'Adelgunde', 'Friedemann', 'Edeltraud'],
    last: ['Dohle', 'Elster', 'Gerste', 'Ginster', 'Schlehe', 'Quitte'],
  },
  en: {
    first: ['Cressida', 'Lettice', 'Drusilla', 'Fenella', 'Cosmo'],
    last: ['Fennel', 'Starling', 'Gorse', 'Mustard', 'Partridge', 'Bunting', 'Woodcock'],
  },
};

/** Invented towns. */
export const BLIND9_TOWNS: Record<Lang, readonly string[]> = {
  de: [
    'Niederhumpfingen',
    'Bad Sülzenbrück',
    'Ottersweilerhof',
    'Rabenschluchtheim',
    'Alt-Mürbelsdorf',
    'Sankt Gumpert im Tal',
    'Lindwurmhausen',
    'Hummelstedt an der Ulze',
    'Gräfenmoos',
    'Kuckucksau',
    'Brennesselrode',
    'Wachsbleichen',
    'Ober-Tröpfelbach',
  ],
  en: [
    'Little Snoddington',
    'Wickhambury',
    'Cobbleford',
    'Thrushcombe Regis',
    'Budgeley Marsh',
    'Gorsebridge',
    'Tumbleholt',
    'Mardlecombe',
    'Pinchbury on the Wold',
    'Stoatley Bassingham',
    'Higher Crumplecote',
    'Wrenfold St Anne',
  ],
};

/** Invented streets. */
export const BLIND9_STREETS: Record<Lang, readonly string[]> = {
  de: [
    'Salzsiedergasse',
    'Zinngießerweg',
    'Im Quittenhag',
    'Büttnerzeile',
    'Am Flachsacker',
    'Seifensiederweg',
    'Kalkbrennerpfad',
    'Zum Taubenschlag',
    'Nagelschmiedstraße',
    'Wollkämmerstraße',
  ],
  en: [
    'Thatchers Rise',
    'Lanternmakers Row',
    'Malthouse Garth',
    'Quarrymen Way',
    'Gleaners Lane',
    'Cooperage Hill',
  ],
};

/** Every name part (but the word-surnames) and place of this set, for the overlap checks. */
export function blind9Words(): string[] {
  return [
    ...Object.values(BLIND9_NAMES).flatMap((n) => [...n.first, ...n.last]),
    ...Object.values(BLIND9_WORD_NAMES).flatMap((n) => n.first),
    ...Object.values(BLIND9_TOWNS).flat(),
    ...Object.values(BLIND9_STREETS).flat(),
  ];
}
