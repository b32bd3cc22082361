/**
 * Constructions added to raise recall, one invented sentence each (none is
 * taken from the reference corpus): lists broken by an aside, relative
 * clauses whose pronoun is the object, "A-led"/"A-backed" compounds,
 * partners "with B against C", "regards B as …", "pry B away from C",
 * "use B as a lever against C", exemplified rivals, scare quotes. Each
 * construction has negative sentences that must not yield the relation a
 * looser rule would draw.
 */
import { describeCases, type ExtractCase, type NotRelated, rel } from './helpers/extract-cases.js';

const CASES: ExtractCase[] = [
  {
    construction: 'list broken by an aside, distributed over a predicate',
    text: 'Kazakhstan, Uzbekistan (whose border guards were put on alert), Tajikistan and Turkmenistan may have to deploy troops against ISIS-K.',
    expect: [
      rel('KAZ', 'ISK', -1, 'hypothetical'),
      rel('UZB', 'ISK', -1, 'hypothetical'),
      rel('TJK', 'ISK', -1, 'hypothetical'),
      rel('TKM', 'ISK', -1, 'hypothetical'),
    ],
    // the aside's own verb does not relate the list to itself
    forbid: ['KAZ>UZB', 'UZB>TJK', 'TJK>TKM'],
  },
  {
    construction: '"such as" list as subject',
    text: 'Regional states such as Iran and Uzbekistan will have to confront ISIS-K.',
    expect: [rel('IRN', 'ISK', -1, 'hypothetical'), rel('UZB', 'ISK', -1, 'hypothetical')],
  },
  {
    construction: 'relative clause with the pronoun as object',
    text: 'Ankara and Doha, both of which the Taliban thanked publicly, kept their embassies open.',
    expect: [rel('TAL', 'TUR', 1, 'asserted'), rel('TAL', 'QAT', 1, 'asserted')],
  },
  {
    construction: 'relative clause: the main verb keeps its own subject',
    text: 'Iran, which the US sanctioned again, protested loudly.',
    expect: [rel('USA', 'IRN', -1, 'asserted', 'SANCTION')],
    forbid: ['USA>IRN PROTEST'],
  },
  {
    construction: 'an aside is outside the condition of its sentence',
    text: 'If the talks succeed, Iran and Qatar (both of which Kabul courted last year) will attend.',
    expect: [rel('TAL', 'IRN', 1, 'asserted'), rel('TAL', 'QAT', 1, 'asserted')],
  },
  {
    construction: '"A-backed B" compound',
    text: 'The Pakistan-backed Haqqani network expanded its reach.',
    expect: [rel('PAK', 'HQN', 1, 'asserted', 'SUPPORT')],
  },
  {
    construction: '"A-led" compound agent of a trigger noun',
    text: 'A US-led military campaign against ISIS-K began in the spring.',
    expect: [rel('USA', 'ISK', -1, 'asserted')],
  },
  {
    construction: '"that A-led bloc" for an organisation named before',
    text: 'Kyrgyzstan hosted a CSTO summit last year. That Russian-led bloc rarely acts in concert.',
    expect: [rel('RUS', 'CSTO', 1, 'asserted', 'COOPERATE')],
  },
  {
    construction: 'partner passed over on the way to "against"',
    text: "Moscow's quiet balancing with New Delhi against Beijing unsettles many.",
    expect: [rel('RUS', 'CHN', -1, 'asserted'), rel('IND', 'CHN', -1, 'asserted')],
  },
  {
    construction: '"A cooperates with B against C" (unlemmatised -s verb)',
    text: 'Iran cooperates with Russia against ISIS-K.',
    expect: [
      rel('IRN', 'RUS', 1, 'asserted', 'COOPERATE'),
      rel('IRN', 'ISK', -1, 'asserted'),
      rel('RUS', 'ISK', -1, 'asserted'),
    ],
  },
  {
    construction: '"regards B as <hostile>"',
    text: 'Delhi regards Islamabad as a hostile neighbour.',
    expect: [rel('IND', 'PAK', -1, 'asserted')],
  },
  {
    construction: '"views B as <friendly noun>"',
    text: 'Beijing views Moscow as a reliable partner.',
    expect: [rel('CHN', 'RUS', 1, 'asserted')],
  },
  {
    construction: '"which it considers a friend of C": B with C, in the viewer\'s words',
    text: 'Tashkent distrusts the new government in Kabul, which it considers a friend of Pakistan.',
    expect: [rel('PAK', 'TAL', 1, 'reported')],
  },
  {
    construction: '"pry B away from C"',
    text: 'Washington hopes to pry Kyrgyzstan away from the CSTO.',
    expect: [
      rel('USA', 'CSTO', -1, 'hypothetical', 'COERCE'),
      rel('KGZ', 'CSTO', -1, 'hypothetical', 'REJECT'),
    ],
    // courting Kyrgyzstan is not hostility to it
    forbid: ['USA>KGZ -1'],
  },
  {
    construction: '"B serves as a weapon against C"',
    text: 'For Delhi, the BLA could serve as a convenient weapon against Pakistan.',
    expect: [rel('BLA', 'PAK', -1, 'hypothetical', 'COERCE')],
  },
  {
    construction: '"A uses B as a lever against C"',
    text: 'Moscow may use the Taliban as a lever against Washington.',
    expect: [
      rel('RUS', 'TAL', 1, 'hypothetical', 'COOPERATE'),
      rel('TAL', 'USA', -1, 'hypothetical', 'COERCE'),
      rel('RUS', 'USA', -1, 'hypothetical', 'COERCE'),
    ],
  },
  {
    construction: 'relational phrase predicated of a coordinated pair',
    text: 'The crisis put Ankara and Tehran on the same page.',
    expect: [rel('IRN', 'TUR', 1, 'asserted', 'COOPERATE')],
  },
  {
    construction: 'scare-quoted verb',
    text: 'Delhi wants to "contain" Beijing.',
    expect: [rel('IND', 'CHN', -1, 'hypothetical', 'COERCE')],
  },
  {
    construction: 'degree word inside a phrase; exemplified rivals as the object',
    text: "Tehran tilted further toward Washington's adversaries, especially Moscow.",
    expect: [rel('IRN', 'RUS', 1, 'asserted', 'COOPERATE'), rel('RUS', 'USA', -1, 'asserted')],
    forbid: ['IRN>USA 1'],
  },
  {
    construction: 'pronoun conjunct in an object',
    text: 'Beijing trades with them and Tashkent.',
    expect: [rel('CHN', 'UZB', 1, 'asserted', 'COOPERATE')],
  },
  {
    construction:
      'coordinated predicates: the object of the first is not the subject of the second',
    text: 'The Iranians support the Afghan Taliban and oppose ISIS-K.',
    expect: [rel('IRN', 'ISK', -1, 'asserted', 'REJECT')],
    forbid: ['TAL>ISK'],
  },
  {
    construction: '"A is a member of B"',
    text: 'Kazakhstan is a member of the SCO.',
    expect: [rel('KAZ', 'SCO', 1, 'asserted', 'COOPERATE')],
  },
];

/** Sentences where a looser rule would draw a relation that is not there. */
const NOT_RELATED: NotRelated[] = [
  // a fronted "With …," phrase is not a party to the main clause
  { text: "With Russia's blessing secured, India signed a pact with Iran.", forbid: ['RUS>IND'] },
  // a pronoun subject starts a clause of its own
  { text: 'Iran signed the accord and it won praise from China.', forbid: ['IRN>CHN'] },
  // "routed through" is a path, not a rout
  { text: 'Indian exports are routed through Iran.', forbid: ['IND>IRN -1'] },
  // the first part of a compound modifier is no predicate
  { text: 'Russian traders visited war-torn Afghanistan.', forbid: ['RUS>TAL -1'] },
  // a neutral predicate carries no sign
  { text: 'India sees Iran as a market.', forbid: ['IND>IRN'] },
  // without "away", a capital after "from" is a place
  { text: 'Pakistani troops drove the TTP from Kabul.', forbid: ['TTP>TAL', 'PAK>TAL'] },
];

describeCases('recall constructions', CASES, NOT_RELATED);
