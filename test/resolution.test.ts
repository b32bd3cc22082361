/**
 * How surface forms resolve to actors, at a date: metonyms that change
 * owner in August 2021, people in and out of office, capitals, demonyms,
 * hyphen prefixes in dyads, institutions with their sector, possessives,
 * longest match and names the base ignores.
 */
import { describe, expect, it } from 'vitest';
import { type FoundMention, MentionFinder } from '../src/extract/mentions.js';
import { loadKnowledgeBase } from '../src/knowledge/actors.js';

const finder = new MentionFinder(loadKnowledgeBase());
const find = (text: string, date: string | null = '2024-05-10') => finder.find(text, date);

interface Row {
  text: string;
  date: string;
  /** Actor ids of the mentions, in order. */
  actors: string[];
}

/** The one mention the text should hold. */
function only(text: string, date = '2024-05-10'): FoundMention {
  const { mentions } = find(text, date);
  expect(
    mentions.map((m) => `${m.surface}=${m.actor}`),
    `${text} @${date}`,
  ).toHaveLength(1);
  return mentions[0] as FoundMention;
}

const BEFORE = '2021-08-01';
const AFTER = '2021-09-01';

const TABLE: Row[] = [
  // The country's name and capital stand for whoever governs it.
  { text: 'Kabul', date: BEFORE, actors: ['AFG'] },
  { text: 'Kabul', date: AFTER, actors: ['TAL'] },
  { text: 'Kabul', date: '2021-08-14', actors: ['AFG'] },
  { text: 'Kabul', date: '2021-08-15', actors: ['TAL'] },
  { text: 'Afghanistan', date: BEFORE, actors: ['AFG'] },
  { text: 'Afghanistan', date: AFTER, actors: ['TAL'] },
  // People act for the actor they serve at the date.
  { text: 'Trump', date: '2019-06-01', actors: ['USA'] },
  { text: 'Trump', date: '2025-03-01', actors: ['USA'] },
  // Capitals.
  { text: 'Islamabad', date: '2024-05-10', actors: ['PAK'] },
  { text: 'Moscow', date: '2024-05-10', actors: ['RUS'] },
  { text: 'Beijing', date: '2024-05-10', actors: ['CHN'] },
  { text: 'New Delhi', date: '2024-05-10', actors: ['IND'] },
  { text: 'Tehran', date: '2024-05-10', actors: ['IRN'] },
  { text: 'Washington', date: '2024-05-10', actors: ['USA'] },
  { text: 'Dushanbe', date: '2024-05-10', actors: ['TJK'] },
  // Demonyms and plurals.
  { text: 'Pakistani', date: '2024-05-10', actors: ['PAK'] },
  { text: 'Pakistanis', date: '2024-05-10', actors: ['PAK'] },
  { text: 'Afghans', date: BEFORE, actors: ['AFG'] },
  { text: 'Afghans', date: AFTER, actors: ['TAL'] },
  { text: 'Afghan', date: BEFORE, actors: ['AFG'] },
  { text: 'Afghan', date: AFTER, actors: ['TAL'] },
  { text: 'Russians', date: '2024-05-10', actors: ['RUS'] },
  { text: 'Chinese', date: '2024-05-10', actors: ['CHN'] },
  { text: 'Indian', date: '2024-05-10', actors: ['IND'] },
  { text: 'Iranians', date: '2024-05-10', actors: ['IRN'] },
  { text: 'Americans', date: '2024-05-10', actors: ['USA'] },
  // Abbreviations with dots.
  { text: 'U.S.', date: '2024-05-10', actors: ['USA'] },
  // Hyphen prefixes in dyads.
  { text: 'Sino-Indian', date: '2024-05-10', actors: ['CHN', 'IND'] },
  { text: 'Indo-Pak', date: '2024-05-10', actors: ['IND', 'PAK'] },
  { text: 'Russo-Chinese', date: '2024-05-10', actors: ['RUS', 'CHN'] },
  { text: 'US-Taliban', date: '2024-05-10', actors: ['USA', 'TAL'] },
  { text: 'Sino-Pak', date: '2024-05-10', actors: ['CHN', 'PAK'] },
  { text: 'Af-Pak', date: '2019-06-01', actors: ['AFG', 'PAK'] },
  { text: 'Afghan-Pakistani', date: BEFORE, actors: ['AFG', 'PAK'] },
  { text: 'Afghan-Pakistani', date: AFTER, actors: ['TAL', 'PAK'] },
  { text: 'the Sino-Indian border talks', date: '2024-05-10', actors: ['CHN', 'IND'] },
  // Longest match.
  { text: 'Afghan Taliban', date: '2024-05-10', actors: ['TAL'] },
  { text: 'Pakistani Taliban', date: '2024-05-10', actors: ['TTP'] },
  { text: 'Tehrik-i-Taliban Pakistan', date: '2024-05-10', actors: ['TTP'] },
  { text: 'the Afghan Taliban and the Pakistani Taliban', date: BEFORE, actors: ['TAL', 'TTP'] },
];

describe('resolution table', () => {
  it.each(TABLE.map((r) => [`${r.text} @${r.date} → ${r.actors.join(', ')}`, r]))(
    '%s',
    (_name, row) => {
      const { mentions } = find(row.text, row.date);
      expect(mentions.map((m) => m.actor)).toEqual(row.actors);
      for (const m of mentions) expect(row.text.slice(m.start, m.end)).toBe(m.surface);
    },
  );
});

describe('people in and out of office', () => {
  it('holds a president out of office as idle, not as a mention', () => {
    const { mentions, idle } = find('Trump spoke at a rally in Ohio.', '2022-06-01');
    expect(mentions).toEqual([]);
    expect(idle).toEqual([
      expect.objectContaining({ surface: 'Trump', person: 'Donald Trump', start: 0, end: 5 }),
    ]);
  });

  it('names the person and title of a mention in office', () => {
    const m = only('Trump', '2019-06-01');
    expect(m).toMatchObject({ actor: 'USA', via: 'person', person: 'Donald Trump' });
    expect(m.sector).toMatch(/President/);
  });
});

describe('hyphen prefixes', () => {
  it('joins a dyad by a hyphen on both sides', () => {
    const [a, b] = find('Sino-Indian').mentions as [FoundMention, FoundMention];
    expect(a).toMatchObject({ surface: 'Sino', via: 'prefix', hyphenAfter: true });
    expect(b).toMatchObject({ surface: 'Indian', hyphenBefore: true });
  });

  it.each([
    'Sino',
    'Indo',
    'The Sino and Indo labels are old.',
    'Scholars of Indo studies met in Pune.',
    'He wrote about Russo and Sino history.',
  ])('does not read a bare prefix as a mention: %s', (text) => {
    expect(find(text).mentions).toEqual([]);
  });
});

describe('institutions and sectors', () => {
  it.each([
    ['ISI', 'PAK', 'intelligence'],
    ['CIA', 'USA', 'intelligence'],
    ['Pakistani Establishment', 'PAK', 'military'],
    ['Pentagon', 'USA', 'military'],
    ['GRU', 'RUS', 'intelligence'],
  ])('%s → %s (%s)', (text, actor, sector) => {
    expect(only(text)).toMatchObject({ actor, sector, surface: text });
  });

  it('finds "the Pakistani Establishment" without the article', () => {
    const text = 'Critics blame the Pakistani Establishment.';
    const m = only(text);
    expect(m).toMatchObject({ actor: 'PAK', sector: 'military' });
    expect(m.surface).toBe('Pakistani Establishment');
    expect(text.slice(m.start, m.end)).toBe('Pakistani Establishment');
  });
});

describe('possessives', () => {
  it.each([
    ["Pakistan's army moved north.", 'Pakistan', 'PAK'],
    ['Pakistan’s army moved north.', 'Pakistan', 'PAK'],
    ["Russia's envoy arrived.", 'Russia', 'RUS'],
    ["the Taliban's spokesman", 'the Taliban', 'TAL'],
    ["the US' allies", 'US', 'USA'],
  ])('%s → %s, ending before the possessive', (text, surface, actor) => {
    const m = only(text);
    expect(m).toMatchObject({ actor, surface, possessive: true });
    expect(text.slice(m.start, m.end)).toBe(surface);
    expect(text.slice(m.end, m.end + 1)).toMatch(/['’]/);
  });
});

describe('ignored names', () => {
  it.each([
    'South China Sea',
    'Washington Post',
    'The Washington Post ran the story.',
    'Patrols in the South China Sea grew.',
  ])('yields no mention: %s', (text) => {
    expect(find(text).mentions).toEqual([]);
  });

  it('still finds the actors around an ignored name', () => {
    const { mentions } = find('The Washington Post says China and India met.');
    expect(mentions.map((m) => m.actor)).toEqual(['CHN', 'IND']);
  });
});
