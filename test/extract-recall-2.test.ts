/**
 * Second round of recall constructions, one invented sentence each (none is
 * taken from the reference corpus): passives without "be", receipt ("A
 * received aid from B": B is the source), instruments after "come in as",
 * participation in an act, a modal over its verb's phrase, goals after
 * "toward", asides shielded from the sentence's attribution. Each has
 * negative sentences that a looser rule would relate.
 */
import { describeCases, type ExtractCase, type NotRelated, rel } from './helpers/extract-cases.js';

const CASES: ExtractCase[] = [
  {
    construction: 'passive participle in an aside, agent after "by"',
    text: 'The ETIM, branded as terrorists by Beijing, lost its last camps.',
    expect: [rel('CHN', 'ETIM', -1, 'asserted', 'SANCTION')],
  },
  {
    construction: 'passive participle in brackets',
    text: 'Uzbekistan (long courted by Moscow) stayed neutral.',
    expect: [rel('RUS', 'UZB', 1, 'asserted')],
  },
  {
    construction: 'bracketed aside is outside the attribution of its sentence',
    text: 'Reports say the talks will resume with the Taliban (listed as terrorists by Russia until recently) taking part.',
    expect: [rel('RUS', 'TAL', -1, 'asserted', 'SANCTION')],
  },
  {
    construction: 'passive participle: the main verb keeps its subject',
    text: 'Iran, backed by Russia, condemned the strike.',
    expect: [rel('RUS', 'IRN', 1, 'asserted', 'SUPPORT')],
    forbid: ['IRN=>RUS'],
  },
  {
    construction: 'receipt: the giver follows "from"',
    text: 'Kabul received drones and funding from Iran last year.',
    expect: [rel('IRN', 'TAL', 1, 'asserted', 'AID')],
    forbid: ['TAL=>IRN'],
  },
  {
    construction: 'receipt: a list of givers',
    text: 'The Taliban won endorsements from Qatar and Turkey.',
    expect: [rel('QAT', 'TAL', 1, 'asserted'), rel('TUR', 'TAL', 1, 'asserted')],
    forbid: ['TAL=>QAT', 'TAL=>TUR'],
  },
  {
    construction: 'receipt: support found in a state',
    text: 'The BLA found shelter in Afghanistan, officials in Islamabad complain.',
    expect: [rel('TAL', 'BLA', 1, 'asserted', 'SUPPORT')],
    forbid: ['BLA=>TAL'],
  },
  {
    construction: 'instrument after "come in as" / "emerge as"',
    text: 'The BLA may well emerge as a useful proxy against China.',
    expect: [rel('BLA', 'CHN', -1, 'hypothetical', 'COERCE')],
  },
  {
    construction: 'participation in an act directed at someone',
    text: "Turkmenistan's role in the blockade of Iran was minor.",
    expect: [rel('TKM', 'IRN', -1, 'asserted')],
  },
  {
    construction: 'a modal governs the objects of its verb',
    text: 'A new bargain could eventually bring Iran and Qatar onto the same page on Afghan transit.',
    expect: [rel('IRN', 'QAT', 1, 'hypothetical')],
    forbid: ['IRN>QAT asserted'],
  },
  {
    construction: 'a relation one is pushed toward is an aim',
    text: 'Qatar nudged the Taliban towards a prisoner deal with the US.',
    expect: [rel('TAL', 'USA', 1, 'hypothetical', 'AGREE')],
    forbid: ['TAL>USA asserted'],
  },
];

/** Sentences whose actors a looser rule would wrongly relate. */
const NOT_RELATED: NotRelated[] = [
  // an active verb followed by "by" is not a passive
  { text: 'The Taliban backed the TTP by sending fighters.', forbid: ['TTP=>TAL'] },
  // a by-phrase after a noun that is no actor
  { text: 'Militants trained by Pakistan attacked India.', forbid: ['PAK>IND'] },
  // the corridors, not Iran and Pakistan, would reach India
  {
    text: 'Iran and Pakistan mended ties to build pipelines that could one day reach India.',
    forbid: ['IRN>IND', 'PAK>IND'],
  },
  // "they" (the corridors) is the subject of the clause with Iran
  {
    text: 'Uzbekistan could profit from transit fees in these corridors, especially if they ever extend to Iran.',
    forbid: ['UZB>IRN'],
  },
  // an actor modifying someone's noun is not the infinitive's subject
  {
    text: 'Pakistan may drop its Sino-US balancing act to lean towards China.',
    forbid: ['USA>CHN 1'],
  },
  // "at arm's length" is distance, not weapons
  { text: "Tajikistan will probably keep Iran at arm's length.", forbid: ['TJK>IRN 1'] },
  // a possessed relation holds already, whatever the modal says of the verb
  {
    text: 'Russia could seriously anger its long-standing partner India with new arms sales.',
    forbid: ['RUS>IND hypothetical 1'],
  },
  // "hostility towards" is not a goal
  { text: "Pakistan's hostility towards India deepened.", forbid: ['PAK>IND hypothetical'] },
];

describeCases('recall constructions, second round', CASES, NOT_RELATED);
