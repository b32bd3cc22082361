/**
 * The constructions the relation rules must read, one invented sentence
 * each (none is taken from the reference corpus): active clauses,
 * passives, nominalisations, relational nouns and hyphenated dyads,
 * coordinated subjects, modality (hypothetical, reported, negated),
 * "against" frames, light verbs, possessive and demonym agents. Then
 * sentences that relate no one, the offsets invariant and sentence dates.
 */
import { describe, expect, it } from 'vitest';
import type { Modality, Polarity, Relation, RelationKind } from '../src/domain/relation.js';
import { Extractor } from '../src/extract/extractor.js';
import { loadKnowledgeBase } from '../src/knowledge/actors.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';

const ex = new Extractor(loadKnowledgeBase(), loadLexicon());
const DOC_DATE = '2024-05-10';

interface Expected {
  source: string;
  target: string;
  polarity: Polarity;
  modality: Modality;
  /** Only where the kind is unambiguous. */
  kind?: RelationKind;
  /** Dyads, "between" frames and coordinated subjects have no direction. */
  symmetric?: boolean;
}

interface Case {
  construction: string;
  text: string;
  date?: string;
  expect: Expected[];
}

const rel = (
  source: string,
  target: string,
  polarity: Polarity,
  modality: Modality,
  kind?: RelationKind,
  symmetric?: boolean,
): Expected => ({
  source,
  target,
  polarity,
  modality,
  ...(kind ? { kind } : {}),
  ...(symmetric !== undefined ? { symmetric } : {}),
});

const CASES: Case[] = [
  // ------------------------------------------------------------ active clauses
  {
    construction: 'active clause',
    text: 'Pakistan accused the Taliban of sheltering TTP fighters.',
    expect: [
      rel('PAK', 'TAL', -1, 'asserted', 'ACCUSE'),
      // the sheltering is Pakistan's allegation, not a fact the text states
      rel('TAL', 'TTP', 1, 'reported', 'SUPPORT'),
    ],
  },
  {
    construction: 'active clause',
    text: 'Tehran condemned ISIS-K after the bombing in Kerman.',
    expect: [rel('IRN', 'ISK', -1, 'asserted', 'ACCUSE')],
  },
  {
    construction: 'active clause (institution agent, demonym patient before 2021)',
    text: 'The CIA trained Afghan commandos in Khost.',
    date: '2019-06-01',
    expect: [rel('USA', 'AFG', 1, 'asserted', 'AID')],
  },
  // ------------------------------------------------------------------ passives
  {
    construction: 'passive',
    text: 'Chinese engineers were attacked by the BLA.',
    expect: [rel('BLA', 'CHN', -1, 'asserted', 'ASSAULT')],
  },
  {
    construction: 'passive',
    text: 'A Taliban delegation was hosted by Qatar in Doha.',
    expect: [rel('QAT', 'TAL', 1, 'asserted', 'CONSULT')],
  },
  {
    construction: 'passive (after 2021 "Afghan forces" are the Taliban)',
    text: 'Pakistani border posts were shelled by Afghan forces.',
    expect: [rel('TAL', 'PAK', -1, 'asserted', 'ASSAULT')],
  },
  // ----------------------------------------------------------- nominalisations
  {
    construction: 'nominalisation',
    text: "Russia's support for the Taliban has grown.",
    expect: [rel('RUS', 'TAL', 1, 'asserted', 'SUPPORT')],
  },
  {
    construction: 'nominalisation',
    text: "Islamabad's accusations against Kabul grew louder.",
    expect: [rel('PAK', 'TAL', -1, 'asserted', 'ACCUSE')],
  },
  {
    construction: 'nominalisation',
    text: "India's outreach to the Taliban surprised many observers.",
    expect: [rel('IND', 'TAL', 1, 'asserted', 'CONSULT')],
  },
  {
    construction: 'nominalisation',
    text: "China's loans to Pakistan have grown.",
    expect: [rel('CHN', 'PAK', 1, 'asserted', 'AID')],
  },
  // ------------------------------------------------ relational nouns and dyads
  {
    construction: 'relational noun (ties between A and B)',
    text: 'Ties between India and the Taliban have improved.',
    expect: [rel('IND', 'TAL', 1, 'asserted', undefined, true)],
  },
  {
    construction: 'relational noun (ties between A and B)',
    text: 'Officials describe warm ties between India and the Taliban.',
    expect: [rel('IND', 'TAL', 1, 'asserted', undefined, true)],
  },
  {
    construction: 'relational noun (Sino-X dyad)',
    text: 'Sino-Pakistani ties remain strong.',
    expect: [rel('CHN', 'PAK', 1, 'asserted', undefined, true)],
  },
  {
    construction: 'relational noun (A-B deal)',
    text: 'The US-Taliban deal was signed in Doha.',
    expect: [rel('TAL', 'USA', 1, 'asserted', 'AGREE', true)],
  },
  {
    construction: 'relational noun (Indo-X dyad)',
    text: 'Indo-US rapprochement worried Beijing.',
    expect: [rel('IND', 'USA', 1, 'asserted', 'COOPERATE', true)],
  },
  {
    construction: 'relational noun (Afghan- after 2021-08-15 is the Taliban)',
    text: 'Afghan-Pakistani tensions rose along the border.',
    expect: [rel('PAK', 'TAL', -1, 'asserted', 'REJECT', true)],
  },
  {
    construction: 'relational noun (Afghan- before 2021-08-15 is the Republic)',
    text: 'Afghan-Pakistani tensions rose along the border.',
    date: '2019-06-01',
    expect: [rel('AFG', 'PAK', -1, 'asserted', 'REJECT', true)],
  },
  {
    construction: 'relational noun (Russo-X dyad)',
    text: 'Russo-Chinese cooperation in Central Asia has deepened.',
    expect: [rel('CHN', 'RUS', 1, 'asserted', 'COOPERATE', true)],
  },
  {
    construction: 'relational noun (Indo-Pak dyad)',
    text: 'The Indo-Pak rivalry shapes South Asian politics.',
    expect: [rel('IND', 'PAK', -1, 'asserted', 'REJECT', true)],
  },
  // ------------------------------------------------------- coordinated subjects
  {
    construction: 'coordinated subject, reciprocal verb',
    text: 'Russia and China signed a pact on energy.',
    expect: [rel('CHN', 'RUS', 1, 'asserted', 'AGREE', true)],
  },
  {
    construction: 'coordinated subject, reciprocal verb',
    text: 'Pakistan and the Taliban clashed at the border.',
    expect: [rel('PAK', 'TAL', -1, 'asserted', 'ASSAULT', true)],
  },
  {
    construction: 'coordinated subject, each acting on the object',
    text: 'Russia, China and Iran held talks with the Taliban in Moscow.',
    expect: [
      rel('RUS', 'TAL', 1, 'asserted', 'CONSULT'),
      rel('CHN', 'TAL', 1, 'asserted', 'CONSULT'),
      rel('IRN', 'TAL', 1, 'asserted', 'CONSULT'),
    ],
  },
  // ---------------------------------------------------------------- hypotheticals
  {
    construction: 'hypothetical (would, if)',
    text: 'Iran would back the Taliban if the talks failed.',
    expect: [rel('IRN', 'TAL', 1, 'hypothetical', 'SUPPORT')],
  },
  {
    construction: 'hypothetical (could) with a light verb',
    text: 'Washington could impose sanctions on Pakistan.',
    expect: [rel('USA', 'PAK', -1, 'hypothetical', 'SANCTION')],
  },
  {
    construction: 'hypothetical (might), mediation between two parties',
    text: 'Beijing might mediate between Islamabad and Kabul.',
    expect: [
      rel('CHN', 'PAK', 1, 'hypothetical', 'CONSULT'),
      rel('CHN', 'TAL', 1, 'hypothetical', 'CONSULT'),
    ],
  },
  {
    construction: 'hypothetical (might … if)',
    text: 'India might recognise the Taliban if Russia does so first.',
    expect: [rel('IND', 'TAL', 1, 'hypothetical', 'SUPPORT')],
  },
  // ------------------------------------------------------------- reported claims
  {
    construction: 'reported (allegedly)',
    text: 'Russia allegedly armed the Taliban.',
    expect: [rel('RUS', 'TAL', 1, 'reported', 'AID')],
  },
  {
    construction: 'reported (according to)',
    text: 'According to local officials, Iran supplied fuel to the Taliban.',
    expect: [rel('IRN', 'TAL', 1, 'reported', 'AID')],
  },
  {
    construction: 'reported (reportedly), institution agent',
    text: 'The ISI reportedly funded the Haqqani network.',
    expect: [rel('PAK', 'HQN', 1, 'reported', 'AID')],
  },
  {
    construction: 'reported (reportedly), institution agent',
    text: 'The Pakistani Establishment reportedly backed the Afghan Taliban.',
    expect: [rel('PAK', 'TAL', 1, 'reported', 'SUPPORT')],
  },
  // ------------------------------------------------------------------- negations
  {
    construction: 'negated (did not)',
    text: 'India did not recognise the Taliban government.',
    expect: [rel('IND', 'TAL', 1, 'negated', 'SUPPORT')],
  },
  {
    construction: 'negated (never)',
    text: 'Tajikistan never backed the Taliban.',
    expect: [rel('TJK', 'TAL', 1, 'negated', 'SUPPORT')],
  },
  // ------------------------------------------------------------- against frames
  {
    construction: 'against frame (verb + object + against C)',
    text: 'Russia helped India against China.',
    expect: [rel('RUS', 'IND', 1, 'asserted', 'AID'), rel('RUS', 'CHN', -1, 'asserted')],
  },
  {
    construction: 'against frame (verb + object + against C)',
    text: 'China backed Pakistan against India.',
    expect: [rel('CHN', 'PAK', 1, 'asserted', 'SUPPORT'), rel('CHN', 'IND', -1, 'asserted')],
  },
  {
    construction: 'against frame (noun with B against C)',
    text: "Iran's cooperation with Russia against the United States deepened.",
    expect: [rel('IRN', 'RUS', 1, 'asserted', 'COOPERATE'), rel('IRN', 'USA', -1, 'asserted')],
  },
  {
    construction: 'against frame (verb + against B)',
    text: 'Pakistan mobilised troops against India.',
    expect: [rel('PAK', 'IND', -1, 'asserted', 'MOBILIZE')],
  },
  // ---------------------------------------------------------------- light verbs
  {
    construction: 'light verb (impose sanctions on)',
    text: 'Washington imposed sanctions on Islamabad.',
    expect: [rel('USA', 'PAK', -1, 'asserted', 'SANCTION')],
  },
  {
    construction: 'light verb (sign an agreement with)',
    text: 'Uzbekistan signed a transit agreement with the Taliban.',
    expect: [rel('UZB', 'TAL', 1, 'asserted', 'AGREE')],
  },
  {
    construction: 'light verb (launch airstrikes on)',
    text: 'Pakistan launched airstrikes on TTP hideouts in Khost.',
    expect: [rel('PAK', 'TTP', -1, 'asserted', 'ASSAULT')],
  },
  {
    construction: 'light verb (extend a loan to)',
    text: 'China extended a loan to Pakistan.',
    expect: [rel('CHN', 'PAK', 1, 'asserted', 'AID')],
  },
  // ----------------------------------------------- possessive and demonym agents
  {
    construction: 'demonym agent of a noun',
    text: 'Pakistani support for the Taliban angered Washington.',
    expect: [rel('PAK', 'TAL', 1, 'asserted', 'SUPPORT')],
  },
  {
    construction: 'demonym agent of a noun',
    text: 'American pressure on Pakistan intensified.',
    expect: [rel('USA', 'PAK', -1, 'asserted', 'COERCE')],
  },
  {
    construction: 'demonym agent of a noun',
    text: 'Iranian criticism of the Taliban grew sharper.',
    expect: [rel('IRN', 'TAL', -1, 'asserted', 'ACCUSE')],
  },
];

/** Sentences that name two actors but relate neither to the other. */
const NO_RELATION: string[] = [
  'The minister flew from Kabul to Doha on Tuesday.',
  'China and India both have large populations.',
  'Uzbekistan and Turkmenistan both border Afghanistan.',
  'Pakistan is larger than Afghanistan.',
  'Russian and Chinese tourists visited Samarkand.',
  'The Washington Post interviewed a South China Sea expert.',
];

function compact(r: Relation): string {
  const sign = r.polarity === 1 ? '+' : '-';
  return `${r.source}>${r.target} ${sign}${r.kind} ${r.modality} [${r.rule}] "${r.quote}"`;
}

describe('relation constructions', () => {
  it.each(CASES.map((c) => [`${c.construction}: ${c.text}${c.date ? ` @${c.date}` : ''}`, c]))(
    '%s',
    (_name, c) => {
      const { relations } = ex.extract(c.text, c.date ?? DOC_DATE);
      for (const e of c.expect) {
        expect(
          relations,
          `expected ${e.source}>${e.target} ${e.polarity} ${e.kind ?? '(any kind)'} ${e.modality}; got ${
            relations.map(compact).join(' | ') || 'nothing'
          }`,
        ).toContainEqual(expect.objectContaining(e));
      }
    },
  );

  it('keeps every quote equal to the text between its offsets', () => {
    const texts = [
      ...CASES.map((c) => [c.text, c.date ?? DOC_DATE] as const),
      ...NO_RELATION.map((t) => [t, DOC_DATE] as const),
    ];
    let checked = 0;
    for (const [text, date] of texts) {
      for (const r of ex.extract(text, date).relations) {
        expect(r.quote, compact(r)).toBe(text.slice(r.start, r.end));
        expect(r.start).toBeGreaterThanOrEqual(r.sentenceStart);
        expect(r.end).toBeLessThanOrEqual(r.sentenceEnd);
        expect(r.start).toBeLessThan(r.end);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('keeps offsets into the whole document, sentence after sentence', () => {
    const text = [
      'Beijing hosted a Taliban delegation on Monday.',
      'The minister flew home afterwards.',
      "Islamabad's accusations against Kabul grew louder.",
      'Meanwhile, Washington imposed sanctions on Islamabad.',
    ].join(' ');
    const { relations, mentions } = ex.extract(text, DOC_DATE);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
    for (const r of relations) {
      expect(r.quote, compact(r)).toBe(text.slice(r.start, r.end));
      expect(text.slice(r.sentenceStart, r.sentenceEnd)).toContain(r.quote);
    }
    const pairs = relations.map((r) => `${r.source}>${r.target}`);
    expect(pairs).toEqual(expect.arrayContaining(['CHN>TAL', 'PAK>TAL', 'USA>PAK']));
  });

  it('orders the two ends of every symmetric relation alphabetically', () => {
    for (const c of CASES) {
      for (const r of ex.extract(c.text, c.date ?? DOC_DATE).relations) {
        if (r.symmetric) expect(r.source < r.target, compact(r)).toBe(true);
      }
    }
  });

  it.each(NO_RELATION)('finds no relation in: %s', (text) => {
    const { relations } = ex.extract(text, DOC_DATE);
    expect(relations.map(compact)).toEqual([]);
  });
});

describe('relation dates', () => {
  it('takes a year the sentence gives ("in 2014")', () => {
    const { relations } = ex.extract('India signed a trade pact with Iran in 2014.', DOC_DATE);
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) {
      expect(r.date).toBe('2014');
      expect(r.docDate).toBe(DOC_DATE);
    }
  });

  it('resolves "last summer" against the document date', () => {
    const { relations } = ex.extract(
      'Last summer, Russia hosted a Taliban delegation.',
      '2025-03-01',
    );
    expect(relations).toContainEqual(
      expect.objectContaining({ source: 'RUS', target: 'TAL', date: '2024-07' }),
    );
    for (const r of relations) expect(r.docDate).toBe('2025-03-01');
  });

  it("falls back to the document's date when the sentence gives none", () => {
    const { relations } = ex.extract('Russia hosted a Taliban delegation.', '2025-03-01');
    expect(relations).toContainEqual(
      expect.objectContaining({ source: 'RUS', target: 'TAL', date: '2025-03-01' }),
    );
  });
});
