/**
 * The knowledge files are data with a schema: the bundled ones load and
 * hold together, a malformed user file is refused with its file, line and
 * field, and a user's actors file adds and overrides actors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../src/domain/errors.js';
import { MentionFinder } from '../src/extract/mentions.js';
import { loadKnowledgeBase, validateKnowledgeBase } from '../src/knowledge/actors.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';

function dataFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-knowledge-')), name);
  writeFileSync(file, text);
  return file;
}

/** The InvalidDataError a load throws (fails the test when it throws nothing or something else). */
function loadError(load: () => unknown): InvalidDataError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDataError);
    return error as InvalidDataError;
  }
  throw new Error('expected the file to be refused');
}

describe('bundled knowledge', () => {
  it('loads actors.yaml with at least 80 actors and consistent roles', () => {
    const kb = loadKnowledgeBase();
    expect(kb.actors.size).toBeGreaterThanOrEqual(80);
    expect(kb.people.length).toBeGreaterThan(0);
    expect(validateKnowledgeBase(kb)).toEqual([]);
    for (const id of ['USA', 'PAK', 'AFG', 'TAL', 'RUS', 'CHN', 'IND', 'IRN', 'TTP', 'BLA', 'ISK'])
      expect(kb.actors.has(id), id).toBe(true);
  });

  it('gives every surface form an actor, except the ignored names', () => {
    const kb = loadKnowledgeBase();
    for (const form of kb.forms) {
      if (form.kind === 'ignore') expect(form.actor).toBe('');
      else expect(kb.actors.has(form.actor), `${form.text} → ${form.actor}`).toBe(true);
    }
  });

  it('loads lexicon.yaml with triggers, relational nouns and modality cues', () => {
    const lexicon = loadLexicon();
    expect(lexicon.words.size).toBeGreaterThan(100);
    expect(lexicon.words.get('sanction')?.some((s) => s.polarity === -1)).toBe(true);
    expect(lexicon.words.get('tie')?.some((s) => s.pos === 'relational')).toBe(true);
    expect(lexicon.cues.hypothetical).toContainEqual(['would']);
    expect(lexicon.cues.reported).toContainEqual(['allegedly']);
    expect(lexicon.cues.negated).toContainEqual(['not']);
  });
});

describe('malformed user files', () => {
  it('names file, line and field for an invalid actor type', () => {
    const file = dataFile(
      'user-actors.yaml',
      [
        '# analyst additions',
        'actors:',
        '  - id: WCC',
        '    name: Wakhan Corridor Council',
        '    type: country',
        '    aliases: [Wakhan Council]',
        '',
      ].join('\n'),
    );
    const error = loadError(() => loadKnowledgeBase(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('user-actors.yaml:5');
    expect(error.message).toContain('actors.0.type');
  });

  it('names file, line and field for a bad date in a nested surface form', () => {
    const file = dataFile(
      'dated.yaml',
      [
        'actors:',
        '  - id: WCC',
        '    name: Wakhan Corridor Council',
        '    type: organisation',
        '    metonyms:',
        '      - {text: Ishkashim, from: last spring}',
        '',
      ].join('\n'),
    );
    const error = loadError(() => loadKnowledgeBase(file));
    expect(error.message).toContain('dated.yaml:6');
    expect(error.message).toContain('actors.0.metonyms.0.from');
  });

  it('names file and line for a YAML syntax error', () => {
    const file = dataFile(
      'broken.yaml',
      [
        'actors:',
        '  - id: WCC',
        '    name: Wakhan Corridor Council: Badakhshan',
        '    type: organisation',
        '',
      ].join('\n'),
    );
    const error = loadError(() => loadKnowledgeBase(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('broken.yaml:3');
  });

  it('names file, line and field for a trigger group without a kind', () => {
    const file = dataFile(
      'user-lexicon.yaml',
      [
        'version: 1',
        'triggers:',
        '  - kind: AGREE',
        '    polarity: 1',
        '    verbs: [agree]',
        '  - polarity: -1',
        '    verbs: [scold]',
        'cues:',
        '  hypothetical: [would]',
        '  reported: [allegedly]',
        '  negated: [not]',
        '',
      ].join('\n'),
    );
    const error = loadError(() => loadLexicon(file));
    expect(error.message).toContain(file);
    expect(error.message).toContain('user-lexicon.yaml:6');
    expect(error.message).toContain('triggers.1.kind');
  });

  it('names the file it cannot read', () => {
    const missing = path.join(os.tmpdir(), 'gg-no-such-dir', 'absent.yaml');
    expect(loadError(() => loadKnowledgeBase(missing)).message).toContain(missing);
  });
});

describe('user actors file', () => {
  const userFile = () =>
    dataFile(
      'mine.yaml',
      [
        'actors:',
        '  - id: PAK',
        '    name: Pakistan',
        '    type: state',
        '    aliases: [Pakistan, Land of the Pure]',
        '    metonyms: [Islamabad]',
        '  - id: WCC',
        '    name: Wakhan Corridor Council',
        '    type: organisation',
        '    aliases: [Wakhan Council]',
        'people:',
        '  - name: Zarmina Wakhi',
        '    aliases: [Wakhi]',
        '    roles:',
        '      - {actor: WCC, title: Chair, from: 2023-01-01}',
        '',
      ].join('\n'),
    );

  it('adds a new actor and a person acting for it', () => {
    const bundled = loadKnowledgeBase();
    const kb = loadKnowledgeBase(userFile());
    expect(kb.actors.size).toBe(bundled.actors.size + 1);
    expect(kb.actors.get('WCC')?.type).toBe('organisation');
    expect(validateKnowledgeBase(kb)).toEqual([]);
    expect(kb.sources).toHaveLength(2);
    const finder = new MentionFinder(kb);
    const { mentions } = finder.find('Wakhi said the Wakhan Council met Pakistan.', '2024-05-10');
    expect(mentions.map((m) => [m.surface, m.actor])).toEqual([
      ['Wakhi', 'WCC'],
      ['Wakhan Council', 'WCC'],
      ['Pakistan', 'PAK'],
    ]);
  });

  it('overrides an existing actor: the new alias is found', () => {
    const kb = loadKnowledgeBase(userFile());
    const text = 'Delegates from the Land of the Pure arrived in Kabul.';
    const { mentions } = new MentionFinder(kb).find(text, '2024-05-10');
    expect(mentions).toContainEqual(
      expect.objectContaining({ surface: 'Land of the Pure', actor: 'PAK' }),
    );
    expect(mentions).toContainEqual(expect.objectContaining({ surface: 'Kabul', actor: 'TAL' }));
  });

  it('leaves the bundled knowledge base untouched', () => {
    loadKnowledgeBase(userFile());
    const kb = loadKnowledgeBase();
    expect(kb.actors.has('WCC')).toBe(false);
    const { mentions } = new MentionFinder(kb).find('the Land of the Pure', '2024-05-10');
    expect(mentions).toEqual([]);
  });

  it('reports a role that names an unknown actor', () => {
    const file = dataFile(
      'orphan.yaml',
      [
        'people:',
        '  - name: Zarmina Wakhi',
        '    roles:',
        '      - {actor: NOWHERE, title: Chair, from: 2023-01-01}',
        '',
      ].join('\n'),
    );
    const problems = validateKnowledgeBase(loadKnowledgeBase(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Zarmina Wakhi');
    expect(problems[0]).toContain('NOWHERE');
  });
});
