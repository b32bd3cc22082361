/**
 * Writes a deterministic corpus of distinct, plausible news articles about
 * the powers around Afghanistan, for the benchmarks. A seeded PRNG drives a
 * small grammar; every document is its own text (no copies, no near copies),
 * so the store's duplicate detection links nothing.
 *
 *   generateCorpus({ dir, totalBytes, seed })  → { files, bytes, sentences, twoActorSentences }
 *   cachedCorpus({ totalBytes, seed })         → the same, plus dir, in a stable temp folder
 *
 * Run alone: node bench/generate-corpus.mjs [--mb 50] [--seed 1] [--dir PATH]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the grammar changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1;
const FILES_PER_FOLDER = 500;

// ---------------------------------------------------------------- PRNG

/** sfc32 seeded through splitmix32: fast, deterministic, good enough. */
function makeRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
  return rng;
}

// ---------------------------------------------------------------- lexicon

/**
 * The actors, each with the ways a news text names it (`names`), people who
 * speak for it (`people`) and an adjective. Exported so an extraction
 * benchmark can score against the same gazetteer.
 */
export const ACTORS = [
  {
    id: 'US',
    kind: 'state',
    names: [
      'the United States',
      'Washington',
      'the US',
      'the Trump administration',
      'the Biden administration',
      'the State Department',
      'the Pentagon',
      'US officials',
      'the White House',
    ],
    people: [
      'President Trump',
      'President Biden',
      'US envoy Zalmay Khalilzad',
      'Secretary of State Antony Blinken',
      'US special representative Tom West',
      'Secretary of State Marco Rubio',
      'Defense Secretary Lloyd Austin',
      'former secretary of state Mike Pompeo',
    ],
    adj: 'American',
  },
  {
    id: 'TALIBAN',
    kind: 'state',
    names: [
      'the Taliban',
      'Kabul',
      'the Islamic Emirate',
      'Taliban officials',
      'the Taliban government',
      'the interim government in Kabul',
      'the de facto authorities in Kabul',
    ],
    people: [
      'Taliban spokesman Zabihullah Mujahid',
      'acting foreign minister Amir Khan Muttaqi',
      'Taliban interior minister Sirajuddin Haqqani',
      'deputy prime minister Abdul Ghani Baradar',
      'Taliban envoy Suhail Shaheen',
    ],
    adj: 'Taliban',
  },
  {
    id: 'PAKISTAN',
    kind: 'state',
    names: [
      'Pakistan',
      'Islamabad',
      'the Pakistani army',
      'Rawalpindi',
      "Pakistan's Foreign Office",
      'the Pakistani government',
    ],
    people: [
      'Prime Minister Shehbaz Sharif',
      'army chief Asim Munir',
      'former prime minister Imran Khan',
      'Foreign Minister Ishaq Dar',
      'Bilawal Bhutto Zardari',
    ],
    adj: 'Pakistani',
  },
  {
    id: 'RUSSIA',
    kind: 'state',
    names: ['Russia', 'Moscow', 'the Kremlin', 'the Russian foreign ministry', 'Russian officials'],
    people: [
      'Foreign Minister Sergei Lavrov',
      'Kremlin envoy Zamir Kabulov',
      'President Vladimir Putin',
    ],
    adj: 'Russian',
  },
  {
    id: 'CHINA',
    kind: 'state',
    names: [
      'China',
      'Beijing',
      'the Chinese government',
      'Chinese officials',
      "China's foreign ministry",
    ],
    people: ['Foreign Minister Wang Yi', 'Chinese envoy Yue Xiaoyong', 'President Xi Jinping'],
    adj: 'Chinese',
  },
  {
    id: 'INDIA',
    kind: 'state',
    names: ['India', 'New Delhi', 'the Indian government', "India's Ministry of External Affairs"],
    people: [
      'External Affairs Minister S. Jaishankar',
      'Prime Minister Narendra Modi',
      'national security adviser Ajit Doval',
    ],
    adj: 'Indian',
  },
  {
    id: 'IRAN',
    kind: 'state',
    names: [
      'Iran',
      'Tehran',
      'Iranian officials',
      'the Islamic Republic',
      "Iran's foreign ministry",
    ],
    people: [
      'Iranian envoy Hassan Kazemi Qomi',
      'Foreign Minister Abbas Araghchi',
      'former foreign minister Hossein Amir-Abdollahian',
    ],
    adj: 'Iranian',
  },
  {
    id: 'TAJIKISTAN',
    kind: 'state',
    names: ['Tajikistan', 'Dushanbe', 'the Tajik government'],
    people: ['President Emomali Rahmon'],
    adj: 'Tajik',
  },
  {
    id: 'UZBEKISTAN',
    kind: 'state',
    names: ['Uzbekistan', 'Tashkent', 'the Uzbek government'],
    people: ['President Shavkat Mirziyoyev', 'Uzbek foreign minister Bakhtiyor Saidov'],
    adj: 'Uzbek',
  },
  {
    id: 'TURKMENISTAN',
    kind: 'state',
    names: ['Turkmenistan', 'Ashgabat'],
    people: ['Turkmen foreign minister Rashid Meredov'],
    adj: 'Turkmen',
  },
  {
    id: 'QATAR',
    kind: 'state',
    names: ['Qatar', 'Doha', 'the Qatari government'],
    people: ['Qatari envoy Mutlaq al-Qahtani', 'the Emir of Qatar'],
    adj: 'Qatari',
  },
  {
    id: 'TTP',
    kind: 'group',
    names: ['the TTP', 'Tehrik-i-Taliban Pakistan', 'the Pakistani Taliban', 'TTP fighters'],
    people: ['TTP leader Noor Wali Mehsud', 'a TTP spokesman'],
    adj: 'TTP',
  },
  {
    id: 'BLA',
    kind: 'group',
    names: [
      'the BLA',
      'the Balochistan Liberation Army',
      'Baloch separatists',
      'the BLA Majeed Brigade',
    ],
    people: ['a BLA spokesman', 'BLA commander Bashir Zeb'],
    adj: 'Baloch',
  },
  {
    id: 'ISKP',
    kind: 'group',
    names: ['ISIS-K', 'Islamic State Khorasan', 'IS-K', 'the Islamic State in Khorasan Province'],
    people: ['an ISIS-K propagandist', 'ISIS-K leader Sanaullah Ghafari'],
    adj: 'jihadist',
  },
  {
    id: 'UN',
    kind: 'org',
    names: ['the UN', 'the United Nations', 'UNAMA', 'the UN Security Council', 'UN agencies'],
    people: [
      'UN envoy Roza Otunbayeva',
      'Secretary-General Antonio Guterres',
      'UN rapporteur Richard Bennett',
    ],
    adj: 'UN',
  },
  {
    id: 'SCO',
    kind: 'org',
    names: ['the SCO', 'the Shanghai Cooperation Organisation', 'SCO member states'],
    people: ['the SCO secretary-general'],
    adj: 'SCO',
  },
  {
    id: 'CSTO',
    kind: 'org',
    names: ['the CSTO', 'the Collective Security Treaty Organization', 'CSTO forces'],
    people: ['the CSTO secretary-general'],
    adj: 'CSTO',
  },
  {
    id: 'NATO',
    kind: 'org',
    names: ['NATO', 'the Atlantic alliance', 'NATO allies'],
    people: ['NATO Secretary-General Jens Stoltenberg'],
    adj: 'Western',
  },
  {
    id: 'NRF',
    kind: 'group',
    names: ['the National Resistance Front', 'the NRF', 'anti-Taliban resistance fighters'],
    people: ['resistance leader Ahmad Massoud'],
    adj: 'resistance',
  },
  {
    id: 'TURKEY',
    kind: 'state',
    names: ['Turkey', 'Ankara'],
    people: ['Foreign Minister Hakan Fidan'],
    adj: 'Turkish',
  },
  {
    id: 'SAUDI',
    kind: 'state',
    names: ['Saudi Arabia', 'Riyadh'],
    people: ['Saudi foreign minister Faisal bin Farhan'],
    adj: 'Saudi',
  },
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Districts, provinces and towns: read after "in". */
const PLACES = [
  'Kandahar',
  'Herat',
  'Mazar-i-Sharif',
  'Jalalabad',
  'Kunduz',
  'Khyber Pakhtunkhwa',
  'Balochistan',
  'Gwadar',
  'Quetta',
  'Peshawar',
  'North Waziristan',
  'South Waziristan',
  'the Panjshir valley',
  'Badakhshan',
  'Nimroz',
  'Kunar',
  'Nangarhar',
  'Paktika',
  'Khost',
  'Bajaur',
  'Dera Ismail Khan',
  'Karachi',
  'the Fergana Valley',
  'Gorno-Badakhshan',
  'Faryab',
  'Takhar',
  'Baghlan',
  'Ghazni',
  'Uruzgan',
  'Zabul',
  'Farah',
  'Ghor',
  'Bamiyan',
  'Logar',
  'Wardak',
  'Helmand',
  'Kurram',
  'Turbat',
  'Panjgur',
  'Mastung',
  'Kabul province',
  'Parwan',
  'Laghman',
];

/** Borders, crossings and corridors: read after "along" or "at". */
const CROSSINGS = [
  'Torkham',
  'Chaman',
  'Spin Boldak',
  'Islam Qala',
  'Hairatan',
  'Zaranj',
  'the Ghulam Khan crossing',
  'Angoor Adda',
  'the Durand Line',
  'the Wakhan Corridor',
  'the Amu Darya',
  'the Kharlachi crossing',
  'Sher Khan Bandar',
  'Aqina',
];
const VENUES = [
  'Doha',
  'Moscow',
  'Beijing',
  'Tashkent',
  'Islamabad',
  'Tehran',
  'Kabul',
  'Dushanbe',
  'Geneva',
  'New York',
  'Ankara',
  'Astana',
  'Almaty',
  'Riyadh',
  'Oslo',
  'Termez',
  'Samarkand',
  'New Delhi',
  'Ashgabat',
  'Kazan',
];

const TOPICS = [
  'border security',
  'counter-terrorism cooperation',
  'humanitarian access',
  'the return of refugees',
  'transit trade',
  'the Trans-Afghan railway',
  'the TAPI gas pipeline',
  'the CASA-1000 power line',
  'water sharing on the Amu Darya',
  'the Qosh Tepa canal',
  'narcotics control',
  'the rights of women and girls',
  "girls' education",
  'the frozen central bank reserves',
  'recognition of the Taliban government',
  'the release of prisoners',
  'a regional contact group',
  'mining concessions',
  'the extension of CPEC into Afghanistan',
  'cross-border attacks',
  'airspace and overflight rights',
  'visa rules',
  'the Chabahar port',
  'electricity imports',
  'wheat shipments',
  'the Doha process',
  'sanctions relief',
  'customs fees',
  'the reopening of embassies',
  'an inclusive government',
  'the fight against ISIS-K',
  'intelligence sharing',
  'the Wakhan corridor',
  'deportations of Afghan migrants',
  'the Torkham crossing',
  'fuel supplies',
  'lithium deposits',
];

const CHARGES = [
  'sheltering militants',
  'harbouring TTP commanders',
  'failing to stop cross-border raids',
  'interfering in its internal affairs',
  'violating its airspace',
  'supplying weapons to insurgents',
  'mistreating refugees',
  'breaking the Doha commitments',
  'funding separatists',
  'meddling in the peace process',
  'spreading propaganda',
  'undermining regional stability',
  'diverting river water',
  'restricting trade at the border',
  'detaining its citizens',
  'shelling border villages',
  'backing proxy forces',
  'ignoring human rights obligations',
  'hosting foreign fighters',
  'blocking aid convoys',
];

const DEMANDS = [
  'act against militant sanctuaries',
  'reopen the border crossings',
  'form an inclusive government',
  "lift the ban on girls' schooling",
  'release detained journalists',
  'hand over wanted commanders',
  'honour its counter-terrorism pledges',
  'allow aid workers to operate freely',
  'stop forced deportations',
  'respect the ceasefire',
  'share water data',
  'guarantee the safety of diplomats',
  'curb opium cultivation',
  'join the regional security dialogue',
  'expand transit trade',
  'refrain from unilateral strikes',
  'return seized assets',
];

const AGREEMENTS = [
  'a memorandum of understanding',
  'a transit trade agreement',
  'a security pact',
  'an energy deal',
  'a mining contract',
  'a railway framework agreement',
  'a joint statement',
  'a prisoner exchange deal',
  'a border management protocol',
  'a wheat supply contract',
  'a power purchase agreement',
  'a customs agreement',
  'a water-sharing accord',
  'an aviation agreement',
];

const ATTACKS = [
  'the suicide bombing',
  'the ambush',
  'the attack on a police post',
  'the rocket strike',
  'the raid on a checkpoint',
  'the bombing of a mosque',
  'the assault on a military convoy',
  'the kidnapping of engineers',
  'the drone strike',
  'the attack on a passenger train',
  'the killing of border guards',
  'the blast at a market',
];

const OUTCOMES = [
  'the move could reshape the regional balance',
  'the talks ended without a breakthrough',
  'the dispute would not be settled soon',
  'the decision reflected mounting frustration',
  'the deal was largely symbolic',
  'the meeting signalled a thaw in relations',
  'the rhetoric masked deeper cooperation',
  'the tensions risked spilling across the border',
  'both sides were testing each other',
  'the announcement caught diplomats by surprise',
  'trade volumes had already fallen sharply',
  'the pledge lacked a timetable',
  'security in the border districts had deteriorated',
  'the gesture was aimed at a domestic audience',
  'few details had been agreed',
];

const SOURCES = [
  'officials familiar with the talks',
  'a senior diplomat',
  'local media',
  'a statement released late on the day',
  'two people briefed on the meeting',
  'the state news agency',
  'regional analysts',
  'a leaked memo',
  'security sources',
  'a government spokesman',
  'residents of the area',
  'an internal report',
  'aid workers on the ground',
];

const ANALYST_NAMES = [
  'Ayesha Siddiqa',
  'Michael Kugelman',
  'Andrew Watkins',
  'Barnett Rubin',
  'Raffaello Pantucci',
  'Ibraheem Bahiss',
  'Asfandyar Mir',
  'Graeme Smith',
  'Kate Clark',
  'Temur Umarov',
  'Sajjan Gohel',
  'Obaidullah Baheer',
  'Farzana Shaikh',
  'Laurel Miller',
  'Ahmed Rashid',
];

const THINK_TANKS = [
  'the Crisis Group',
  'the Wilson Center',
  'the Afghanistan Analysts Network',
  'RUSI',
  'the Carnegie Endowment',
  'the Stimson Center',
  'the Observer Research Foundation',
  'Chatham House',
  'the Lowy Institute',
  'the US Institute of Peace',
];

const QUOTES = [
  'We will not allow our soil to be used against any country',
  'Our patience is not unlimited',
  'Dialogue is the only way forward',
  'The region cannot afford another war',
  'We expect concrete steps, not promises',
  'Security and trade go hand in hand',
  'No one should interfere in our internal affairs',
  'The door to engagement remains open',
  'Terrorism is a common threat to all of us',
  'The humanitarian situation is deteriorating by the day',
  'We are ready to work with all our neighbours',
  'These accusations are baseless',
  "Stability in Afghanistan is in everyone's interest",
  'We will respond to any aggression',
  'The world must not turn its back on the Afghan people',
];

const ADJECTIVES = [
  'fragile',
  'tense',
  'uneasy',
  'cautious',
  'strained',
  'pragmatic',
  'transactional',
  'volatile',
  'cordial',
  'frosty',
  'improving',
  'deteriorating',
];
const NOUNS = [
  'relationship',
  'border',
  'security situation',
  'trade corridor',
  'aid pipeline',
  'diplomatic track',
  'ceasefire',
  'economy',
  'refugee crisis',
  'insurgency',
  'power balance',
  'water dispute',
];
/** Things that get counted, with the largest plausible count. */
const UNITS = [
  ['refugees', 900000],
  ['trucks', 9000],
  ['soldiers', 9000],
  ['militants', 900],
  ['civilians', 9000],
  ['tonnes of wheat', 900000],
  ['families', 90000],
  ['prisoners', 9000],
  ['megawatts', 9000],
  ['containers', 9000],
  ['police officers', 900],
  ['students', 90000],
  ['aid workers', 900],
  ['returnees', 900000],
  ['passengers', 9000],
];

const HEADLINE_VERBS = [
  ['Warns', 'over'],
  ['Accuses', 'of'],
  ['Holds Talks With', 'on'],
  ['Signs Deal With', 'on'],
  ['Presses', 'on'],
  ['Rebuffs', 'over'],
  ['Courts', 'amid'],
  ['Clashes With', 'over'],
  ['Seeks Help From', 'on'],
  ['Snubs', 'over'],
  ['Hosts', 'for talks on'],
  ['Criticises', 'over'],
  ['Reaches Out to', 'on'],
  ['Blames', 'for'],
  ['Offers Aid to', 'amid'],
];
const HEADLINE_TOPICS = [
  'Border Tensions',
  'Militant Havens',
  'Trade Route',
  'Water Dispute',
  'Refugee Returns',
  'Security Pact',
  'Rail Link',
  'Aid Cuts',
  'Recognition Question',
  'Mining Rights',
  'Cross-Border Raids',
  'Pipeline Plans',
  'Deportations',
  'Airspace Violations',
  'Drug Trade',
  'Prisoner Swap',
  'Energy Deal',
  'Embassy Reopening',
];

const BOILERPLATE = [
  ['Share this article'],
  ['Share on: Facebook Twitter WhatsApp Email'],
  [
    "Disclaimer: The views expressed in this article are the author's own and do not necessarily reflect the editorial policy of this outlet.",
  ],
  ['Subscribe to our newsletter'],
  ['Leave a comment', 'Your email address will not be published. Required fields are marked *'],
  ['This article was originally published by Frontier Desk and is republished with permission.'],
  ['Follow us on Twitter and Telegram for the latest updates.'],
  ['Related Articles:'],
  ['Copyright © Frontier Desk. All rights reserved.'],
  ['Tags: #Afghanistan #Pakistan #Geopolitics'],
];

// ---------------------------------------------------------------- grammar

const STATES = ACTORS.filter((a) => a.kind === 'state');
const byKind =
  (...kinds) =>
  (a) =>
    kinds.includes(a.kind);
const byId =
  (...ids) =>
  (a) =>
    ids.includes(a.id);
const not =
  (...ids) =>
  (a) =>
    !ids.includes(a.id);
const PLURAL = /(?:officials|states|fighters|agencies|allies|forces|separatists)$/;

/**
 * Sentences that name two actors. `a` and `b` say which actors fit each
 * role; `sg` marks roles referred back to with "it", so plural names
 * ("US officials") are not used there.
 */
const TWO_ACTOR = [
  {
    a: not(),
    b: not(),
    f: (g, a, b) => `${a} accused ${b} of ${g.pick(CHARGES)} in ${g.place()} ${g.date()}`,
  },
  {
    a: not('ISKP'),
    b: not('ISKP'),
    f: (g, a, b) =>
      `${a} held talks with ${b} on ${g.pick(TOPICS)} in ${g.pick(VENUES)} ${g.date()}`,
  },
  {
    a: byKind('state'),
    b: byKind('state', 'org'),
    f: (g, a, b) => `${a} signed ${g.pick(AGREEMENTS)} with ${b} worth ${g.money()} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('group'),
    f: (g, a, b) =>
      `${a} condemned ${b} over ${g.pick(ATTACKS)} in ${g.place()}, which killed ${g.int(2, 60)} people`,
  },
  {
    a: not(),
    b: not(),
    f: (g, a, b) => `${a} warned ${b} against ${g.pick(CHARGES)}, saying ${g.pick(OUTCOMES)}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state'),
    f: (g, a, b) =>
      `${a} pledged ${g.money()} in aid to ${b} ${g.date()}, the largest such package since ${g.year - g.int(1, 6)}`,
  },
  {
    a: not('ISKP'),
    b: not('ISKP'),
    f: (g, a, b) =>
      `${a} urged ${b} to ${g.pick(DEMANDS)} before the next round of talks in ${g.pick(VENUES)}`,
  },
  {
    a: not(),
    b: not(),
    f: (g, a, b) => `${a} criticised ${b} for ${g.pick(CHARGES)}, according to ${g.pick(SOURCES)}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state', 'org'),
    f: (g, a, b) => `${a} backed a proposal by ${b} on ${g.pick(TOPICS)} ${g.date()}`,
  },
  {
    a: not('ISKP'),
    b: not('ISKP'),
    f: (g, a, b) => `${a} rejected a demand from ${b} to ${g.pick(DEMANDS)}`,
  },
  {
    a: byKind('state'),
    b: not('ISKP', 'BLA'),
    f: (g, a, b) =>
      `${a} hosted a delegation from ${b} for ${g.int(2, 4)} days of talks on ${g.pick(TOPICS)}`,
  },
  {
    a: byKind('state', 'org'),
    b: not('UN', 'SCO', 'CSTO'),
    f: (g, a, b) => `${a} blamed ${b} for ${g.pick(ATTACKS)} in ${g.place()} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state', 'org'),
    f: (g, a, b) => `${a} and ${b} agreed to expand cooperation on ${g.pick(TOPICS)} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state', 'org'),
    f: (g, a, b) => `${a} shared intelligence with ${b} about ${g.pick(ATTACKS)} in ${g.place()}`,
  },
  {
    a: not('UN', 'SCO'),
    b: not(),
    sgB: true,
    f: (g, a, b) => `${a} threatened ${b} with retaliation if it kept ${g.pick(CHARGES)}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state', 'org'),
    sgB: true,
    f: (g, a, b) =>
      `${a} praised ${b} for its role in ${g.pick(TOPICS)}, calling the ${g.pick(NOUNS)} ${g.pick(ADJECTIVES)} but promising`,
  },
  {
    a: not('UN', 'SCO'),
    b: not(),
    sgA: true,
    f: (g, a, b) =>
      `${a} denied claims by ${b} that it was ${g.pick(CHARGES)} along ${g.pick(CROSSINGS)}`,
  },
  {
    a: byId('PAKISTAN', 'IRAN', 'TURKEY', 'TAJIKISTAN', 'UZBEKISTAN'),
    b: byId('TALIBAN'),
    f: (g, a, b) =>
      `${a} deported ${g.count(['Afghan migrants', 'refugees', 'undocumented workers'], 90000)} to territory held by ${b} ${g.date()}`,
  },
  {
    a: byKind('state'),
    b: byKind('state'),
    sgA: true,
    f: (g, a, b) =>
      `${a} closed its border with ${b} at ${g.pick(CROSSINGS)} for ${g.int(2, 40)} days, stranding ${g.count(['trucks', 'traders', 'travellers', 'containers'], 9000)}`,
  },
  {
    a: not(),
    b: not(),
    noPeople: true,
    f: (g, a, b) =>
      `Relations between ${a} and ${b} remained ${g.pick(ADJECTIVES)} after ${g.pick(ATTACKS)} in ${g.place()}`,
  },
  {
    a: not('ISKP'),
    b: not('ISKP'),
    f: (g, a, b) =>
      `According to ${g.pick(SOURCES)}, ${a} quietly asked ${b} to ${g.pick(DEMANDS)}`,
  },
  {
    a: byKind('state'),
    b: not('ISKP', 'TTP', 'BLA'),
    f: (g, a, b) =>
      `${a} supplied ${g.count(['rifles', 'armoured vehicles', 'drones', 'tonnes of fuel', 'tonnes of wheat', 'doses of vaccine'], 9000)} to ${b} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state', 'org'),
    c: true,
    f: (g, a, b, c) => `${a} offered to mediate between ${b} and ${c} over ${g.pick(TOPICS)}`,
  },
  {
    a: not('ISKP'),
    b: not('ISKP'),
    f: (g, a, b) =>
      `"${g.pick(QUOTES)}," ${a} told ${b} during a meeting in ${g.pick(VENUES)} ${g.date()}`,
  },
  {
    a: byId('US', 'UN', 'NATO', 'INDIA', 'RUSSIA', 'CHINA'),
    b: not('UN', 'SCO', 'CSTO', 'NATO'),
    f: (g, a, b) => `${a} imposed sanctions on commanders of ${b} linked to ${g.pick(ATTACKS)}`,
  },
  {
    a: byKind('state'),
    b: byKind('state'),
    noPeople: true,
    f: (g, a, b) =>
      `Trade between ${a} and ${b} rose to ${g.money()} in ${g.year}, up ${g.int(3, 80)} per cent on the year before`,
  },
  {
    a: byKind('group'),
    b: byKind('state'),
    f: (g, a, b) =>
      `${a} attacked a checkpoint manned by ${b} in ${g.place()}, killing ${g.int(2, 30)} people ${g.date()}`,
  },
  {
    a: byKind('state'),
    b: byKind('group'),
    f: (g, a, b) =>
      `${a} said its forces had killed ${g.int(2, 60)} members of ${b} in ${g.place()} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    b: byKind('state'),
    f: (g, a, b) =>
      `${a} recalled its ambassador from ${b} ${g.date()} after ${g.pick(ATTACKS)} in ${g.place()}`,
  },
];

/** Sentences that name one actor. */
const ONE_ACTOR = [
  {
    a: byKind('state', 'org'),
    f: (g, a) => `${a} announced plans for ${g.pick(TOPICS)} ${g.date()}`,
  },
  {
    a: not('ISKP'),
    f: (g, a) => `"${g.pick(QUOTES)}," said ${a}, speaking to reporters in ${g.pick(VENUES)}`,
  },
  {
    a: byKind('state', 'org'),
    f: (g, a) =>
      `${a} said ${g.count(['returnees', 'trucks', 'refugees', 'passengers'], 90000)} had crossed at ${g.pick(CROSSINGS)} ${g.date()}`,
  },
  {
    a: byKind('state', 'org'),
    f: (g, a) =>
      `${a} reported that ${g.int(2, 80)} ${g.pick(['militants', 'soldiers', 'civilians', 'police officers'])} were killed in ${g.place()} ${g.date()}`,
  },
  {
    a: not('ISKP'),
    f: (g, a) => `${a} had long insisted on ${g.pick(TOPICS)} as a condition for deeper engagement`,
  },
  {
    a: byKind('state', 'org'),
    noPeople: true,
    sg: true,
    f: (g, a) =>
      `Officials in ${g.pick(VENUES)} said ${a} would review its position on ${g.pick(TOPICS)}`,
  },
  {
    a: byKind('state'),
    f: (g, a) =>
      `${a} deployed ${g.count(['troops', 'border guards', 'police officers'], 9000)} to ${g.place()} after ${g.pick(ATTACKS)}`,
  },
  {
    a: byKind('group'),
    f: (g, a) => `${a} claimed responsibility for ${g.pick(ATTACKS)} in ${g.place()} ${g.date()}`,
  },
  {
    a: not(),
    noPeople: true,
    f: (g, a) => `A spokesman for ${a} described the ${g.pick(NOUNS)} as ${g.pick(ADJECTIVES)}`,
  },
  {
    a: byKind('state', 'org'),
    f: (g, a) =>
      `${a} allocated ${g.money()} for ${g.pick(TOPICS)}, according to ${g.pick(SOURCES)}`,
  },
];

/** Sentences that name no actor. */
const NO_ACTOR = [
  (g) => `Analysts said ${g.pick(OUTCOMES)}`,
  (g) => `${g.pick(ANALYST_NAMES)} of ${g.pick(THINK_TANKS)} said ${g.pick(OUTCOMES)}`,
  (g) =>
    `The ${g.pick(NOUNS)} in ${g.place()} has been ${g.pick(ADJECTIVES)} since ${g.pick(MONTHS)} ${g.year - g.int(0, 3)}`,
  (g) =>
    `Residents of ${g.place()} said food prices had risen by ${g.int(5, 70)} per cent ${g.date()}`,
  (g) => `About ${g.count(UNITS)} were reported in ${g.place()}, according to ${g.pick(SOURCES)}`,
  (g) => `Diplomats in ${g.pick(VENUES)} cautioned that ${g.pick(OUTCOMES)}`,
  (g) =>
    `The ${g.pick(['road', 'railway', 'pipeline', 'power line', 'canal'])} through ${g.place()} would cost an estimated ${g.money()}`,
];

// Actors that fit each role, worked out once.
for (const t of [...TWO_ACTOR, ...ONE_ACTOR]) {
  t.as = ACTORS.filter(t.a);
  if (t.b) t.bs = ACTORS.filter(t.b);
}

/** One document's writer: tracks sentence counts while it builds text. */
function writer(rng) {
  const stats = { sentences: 0, twoActorSentences: 0 };
  const year = rng.int(2018, 2025);
  const month = rng.int(0, 11);

  /** A name for the actor: mostly one of its names, sometimes one of its people. */
  const nameOf = (actor, { people = true, singular = false } = {}) => {
    if (people && rng.chance(0.25)) return rng.pick(actor.people);
    let name;
    do name = rng.pick(actor.names);
    while (singular && PLURAL.test(name));
    return name;
  };
  const pickOther = (list, ...taken) => {
    let a;
    do a = rng.pick(list);
    while (taken.includes(a));
    return a;
  };
  const money = () =>
    rng.chance(0.5) ? `$${rng.int(2, 950)} million` : `$${rng.int(1, 9)}.${rng.int(0, 9)} billion`;
  /** "3,400 refugees": a unit (or [unit, max] pair) with a plausible count. */
  const count = (units, max) => {
    let unit = rng.pick(units);
    if (Array.isArray(unit)) [unit, max] = unit;
    const r = rng.next();
    let n;
    if (r < 0.35 || max < 100) n = rng.int(2, Math.min(99, max));
    else if (r < 0.7 || max < 10000) n = rng.int(100, Math.min(9999, max));
    else n = rng.int(10, Math.floor(max / 1000)) * 1000;
    return `${n.toLocaleString('en-US')} ${unit}`;
  };
  const date = () => {
    const r = rng.next();
    const d = rng.int(1, 28);
    const m = MONTHS[(month + rng.int(-2, 2) + 12) % 12];
    if (r < 0.3) return `on ${d} ${m} ${year}`;
    if (r < 0.45) return `on ${m} ${d}, ${year}`;
    if (r < 0.6) return `in ${m} ${year}`;
    if (r < 0.8) return `on ${rng.pick(WEEKDAYS)}`;
    if (r < 0.9)
      return rng.pick([
        'last week',
        'earlier this month',
        'this week',
        'late last year',
        'in recent days',
      ]);
    return `in early ${rng.pick(MONTHS)}`;
  };
  const g = {
    pick: rng.pick,
    int: rng.int,
    year,
    money,
    count,
    date,
    place: () => rng.pick(PLACES),
  };
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  const sentence = () => {
    stats.sentences++;
    const r = rng.next();
    let s;
    if (r < 0.5) {
      stats.twoActorSentences++;
      const t = rng.pick(TWO_ACTOR);
      const a = rng.pick(t.as);
      const b = pickOther(t.bs, a);
      const c = t.c ? pickOther(t.bs, a, b) : null;
      const people = !t.noPeople;
      s = t.f(
        g,
        nameOf(a, { people, singular: t.sgA }),
        nameOf(b, { people: false, singular: t.sgB }),
        c && nameOf(c, { people: false }),
      );
    } else if (r < 0.82) {
      const t = rng.pick(ONE_ACTOR);
      s = t.f(g, nameOf(rng.pick(t.as), { people: !t.noPeople, singular: t.sg }));
    } else s = rng.pick(NO_ACTOR)(g);
    if (rng.chance(0.15))
      s += `, ${rng.pick(['while', 'as', 'even as', 'although'])} ${rng.pick(OUTCOMES)}`;
    return `${cap(s)}.`;
  };

  const title = () => {
    const a = rng.pick(STATES);
    const b = pickOther(ACTORS, a);
    const [verb, prep] = rng.pick(HEADLINE_VERBS);
    const short = (actor) => {
      let n;
      do n = rng.pick(actor.names);
      while (PLURAL.test(n) || n.length > 28);
      return cap(n.replace(/^the /, ''));
    };
    return `${short(a)} ${verb} ${short(b)} ${prep} ${rng.pick(HEADLINE_TOPICS)}`;
  };

  const dateline = () => {
    const d = rng.int(1, 28);
    const r = rng.next();
    if (r < 0.4) return `Published ${d} ${MONTHS[month]} ${year}`;
    if (r < 0.8)
      return `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return `${MONTHS[month]} ${String(d).padStart(2, '0')}, ${year}`;
  };

  return { stats, sentence, title, dateline, pickBoilerplate: () => rng.pick(BOILERPLATE) };
}

/** One document of about `target` bytes (UTF-8; the text is ASCII). */
function writeDocument(rng, target) {
  const w = writer(rng);
  const lines = [`# ${w.title()}`, ''];
  if (rng.chance(0.5)) lines.push(w.dateline(), '');
  const boiler = rng.chance(0.4) ? w.pickBoilerplate() : null;
  let length = lines.reduce((n, l) => n + l.length + 1, 0);
  while (length < target) {
    const count = rng.int(3, 7);
    const paragraph = [];
    for (let i = 0; i < count; i++) paragraph.push(w.sentence());
    const text = paragraph.join(' ');
    lines.push(text, '');
    length += text.length + 2;
  }
  if (boiler) lines.push(...boiler.flatMap((l) => [l, '']));
  return { text: lines.join('\n'), stats: w.stats };
}

// ---------------------------------------------------------------- corpus

/**
 * Writes documents of 3–6 KB into `dir` (in subfolders of 500) until they
 * add up to `totalBytes`. Deterministic for a given seed and size.
 */
export function generateCorpus({ dir, totalBytes = 50 * 1024 * 1024, seed = 1 }) {
  const rng = makeRng(seed);
  mkdirSync(dir, { recursive: true });
  const result = { files: 0, bytes: 0, sentences: 0, twoActorSentences: 0 };
  let folder = '';
  while (result.bytes < totalBytes) {
    if (result.files % FILES_PER_FOLDER === 0) {
      folder = path.join(dir, `part-${String(result.files / FILES_PER_FOLDER).padStart(3, '0')}`);
      mkdirSync(folder, { recursive: true });
    }
    const { text, stats } = writeDocument(rng, rng.int(3000, 5900));
    const buffer = Buffer.from(text, 'utf8');
    writeFileSync(path.join(folder, `doc-${String(result.files).padStart(5, '0')}.md`), buffer);
    result.files++;
    result.bytes += buffer.length;
    result.sentences += stats.sentences;
    result.twoActorSentences += stats.twoActorSentences;
  }
  return result;
}

/**
 * The corpus for this size and seed in a stable temp folder, generated on
 * first use and reused afterwards. A stats file beside the folder marks it
 * complete, so an interrupted generation is redone, never half-reused.
 */
export function cachedCorpus({ totalBytes = 50 * 1024 * 1024, seed = 1 } = {}) {
  const name = `greatgame-bench-corpus-v${GENERATOR_VERSION}-${totalBytes}b-seed${seed}`;
  const dir = path.join(os.tmpdir(), name);
  const marker = `${dir}.json`;
  if (existsSync(marker) && existsSync(dir)) {
    try {
      return { dir, cached: true, ...JSON.parse(readFileSync(marker, 'utf8')) };
    } catch {
      // unreadable marker: regenerate below
    }
  }
  const scratch = `${dir}.tmp-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const stats = generateCorpus({ dir: scratch, totalBytes, seed });
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  writeFileSync(marker, JSON.stringify(stats));
  return { dir, cached: false, ...stats };
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
  };
  const totalBytes = Math.round(Number(flag('mb', '50')) * 1024 * 1024);
  const seed = Number(flag('seed', '1'));
  const dir = flag('dir', undefined);
  const started = performance.now();
  const result = dir
    ? { dir, ...generateCorpus({ dir, totalBytes, seed }) }
    : cachedCorpus({ totalBytes, seed });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `corpus: ${result.dir}\n  ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${result.sentences} sentences (${((100 * result.twoActorSentences) / result.sentences).toFixed(1)}% name two actors)` +
      `${result.cached ? ' (cached)' : ''} in ${seconds.toFixed(2)} s`,
  );
}
