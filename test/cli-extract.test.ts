/**
 * The extraction stage through the CLI, as scripts use it: relations with
 * quotes and offsets, queries, re-extraction when the knowledge changes,
 * the evaluation report, and the demo.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { SEEDS_DIR, SEEDS_MANIFEST, SHARED_DIR, seedsAvailable } from './helpers/corpus.js';

interface RelationJson {
  doc: string;
  file: string;
  source: string;
  target: string;
  polarity: number;
  kind: string;
  modality: string;
  date: string | null;
  docDate: string | null;
  quote: string;
  start: number;
  end: number;
}

const ARTICLE = `# Islamabad and Kabul trade blame

Published 3 March 2024

Pakistan accused the Taliban of sheltering TTP fighters after a raid in North Waziristan. China urged both sides to settle the dispute through talks. Russia's support for the Taliban has grown since 2021, and Moscow could soon recognise the movement.
`;

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'gg-cli-extract-'));
}

describe('relations from the CLI', () => {
  let dir: string;
  let store: string;
  beforeAll(() => {
    dir = tempDir();
    store = path.join(dir, 'store.db');
    writeFileSync(path.join(dir, 'a.md'), ARTICLE);
    const ingest = runCli(['ingest', path.join(dir, 'a.md'), '--store', store]);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/extracted 1 document\(s\): \d+ actor mentions, \d+ relations/);
  });

  it('prints each relation with the fields scripts rely on, its quote at its offsets', () => {
    const relations = JSON.parse(
      runCli(['relations', '--json', '--store', store]).stdout,
    ) as RelationJson[];
    expect(relations.length).toBeGreaterThanOrEqual(3);
    const { text } = JSON.parse(runCli(['show', 'a.md', '--json', '--store', store]).stdout) as {
      text: string;
    };
    for (const r of relations) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'doc',
          'file',
          'source',
          'target',
          'polarity',
          'kind',
          'modality',
          'date',
          'docDate',
          'quote',
          'start',
          'end',
        ]),
      );
      expect(r.doc).toBe(path.join(dir, 'a.md'));
      expect(r.file).toBe('a.md');
      expect(text.slice(r.start, r.end)).toBe(r.quote);
      expect(r.docDate).toBe('2024-03-03');
    }
    const accuse = relations.find((r) => r.source === 'PAK' && r.target === 'TAL');
    expect(accuse).toMatchObject({ polarity: -1, kind: 'ACCUSE', modality: 'asserted' });
    const support = relations.find(
      (r) => r.source === 'RUS' && r.target === 'TAL' && r.kind === 'SUPPORT',
    );
    expect(support?.date).toBe('2021');
    expect(
      relations.some(
        (r) => r.source === 'RUS' && r.target === 'TAL' && r.modality === 'hypothetical',
      ),
    ).toBe(true);
  });

  it('filters by pair, actor, modality and date', () => {
    const list = (args: string[]) =>
      JSON.parse(
        runCli(['relations', '--json', '--store', store, ...args]).stdout,
      ) as RelationJson[];
    const pair = list(['--pair', 'tal,rus']);
    expect(pair.length).toBeGreaterThan(0);
    expect(pair.every((r) => [r.source, r.target].sort().join() === 'RUS,TAL')).toBe(true);
    expect(list(['--actor', 'CHN']).every((r) => r.source === 'CHN' || r.target === 'CHN')).toBe(
      true,
    );
    expect(list(['--modality', 'hypothetical']).every((r) => r.modality === 'hypothetical')).toBe(
      true,
    );
    expect(list(['--from', '2021', '--to', '2021']).every((r) => r.date?.startsWith('2021'))).toBe(
      true,
    );
    expect(list(['--from', '2030'])).toEqual([]);
  });

  it('refuses malformed filters with a usage error naming the flag', () => {
    const bad = runCli(['relations', '--pair', 'PAK', '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pair/);
    expect(runCli(['relations', '--modality', 'likely', '--store', store]).stderr).toMatch(
      /--modality/,
    );
  });

  it('re-extracts only when the knowledge changes', () => {
    expect(runCli(['extract', '--store', store]).stdout).toMatch(/already up to date/);
    const actors = path.join(dir, 'mine.yaml');
    writeFileSync(
      actors,
      'actors:\n  - id: PAK\n    name: Pakistan\n    type: state\n    aliases: [Land of the Pure]\n',
    );
    expect(runCli(['extract', '--store', store, '--actors', actors, '--json']).stdout).toMatch(
      /"extracted": 1/,
    );
  });

  it('names the file, line and field of a malformed actors file', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'actors:\n  - id: XYZ\n    name: Nowhere\n    type: country\n');
    const result = runCli(['extract', '--store', store, '--actors', bad]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/bad\.yaml:4: field actors\.0\.type/);
  });

  it('lists the knowledge base and the names it does not know', () => {
    const actors = JSON.parse(runCli(['actors', '--json']).stdout) as {
      id: string;
      type: string;
    }[];
    expect(actors.length).toBeGreaterThanOrEqual(80);
    expect(actors.find((a) => a.id === 'TTP')?.type).toBe('armed_group');
    const unknown = JSON.parse(
      runCli(['unresolved', '--json', '--min', '1', '--store', store]).stdout,
    ) as {
      name: string;
      count: number;
      sample: string;
    }[];
    const waziristan = unknown.find((n) => n.name === 'North Waziristan');
    expect(waziristan?.count).toBe(1);
    expect(waziristan?.sample).toContain('raid in North Waziristan');
  });
});

const available = seedsAvailable();

describe.skipIf(!available)('greatgame eval on the seed corpus', () => {
  it('meets the accuracy bar and reports in the documented shape', () => {
    const store = path.join(tempDir(), 'eval.db');
    const result = runCli([
      'eval',
      '--gold',
      path.join(SHARED_DIR, 'eval', 'seeds.gold.jsonl'),
      '--docs',
      SEEDS_DIR,
      '--manifest',
      SEEDS_MANIFEST,
      '--store',
      store,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const e = JSON.parse(result.stdout) as {
      pairPolarity: Record<string, number>;
      withModality: Record<string, number>;
      perDoc: Record<string, Record<string, number>>;
      falsePositives: unknown[];
      misses: unknown[];
    };
    for (const key of ['precision', 'recall', 'f1', 'tp', 'gold', 'predicted'])
      expect(e.pairPolarity).toHaveProperty(key);
    expect(e.pairPolarity.gold).toBe(123);
    console.log(
      `seed accuracy: pair+polarity P ${e.pairPolarity.precision} R ${e.pairPolarity.recall}; with modality F1 ${e.withModality.f1}`,
    );
    expect(e.pairPolarity.precision).toBeGreaterThanOrEqual(0.8);
    expect(e.pairPolarity.recall).toBeGreaterThanOrEqual(0.6);
    expect(e.withModality.f1).toBeGreaterThanOrEqual(0.6);
    expect(Object.keys(e.perDoc)).toHaveLength(5);
    expect(e.falsePositives.length + e.misses.length).toBeGreaterThan(0);
  });
});

describe('greatgame demo', () => {
  it('prints the strongest relations of the demo corpus, in its own store', () => {
    const home = tempDir();
    const result = runCli(['demo'], {
      XDG_DATA_HOME: home,
      GREATGAME_STORE: path.join(home, 'mine.db'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/new 30/);
    expect(result.stdout).toMatch(/strongest relations/);
    expect(result.stdout).toMatch(/PAK-TAL\s+[+−]/);
    expect(result.stdout).toContain(path.join(home, 'greatgame', 'demo.db'));
    // the user's default store is never touched
    expect(
      runCli(['docs', '--json'], { GREATGAME_STORE: path.join(home, 'mine.db') }).stdout.trim(),
    ).toBe('[]');
  });

  it('uses the store given with --store', () => {
    const home = tempDir();
    const store = path.join(home, 'elsewhere', 'demo.db');
    const result = runCli(['demo', '--store', store, '--json'], { XDG_DATA_HOME: home });
    expect(result.code).toBe(0);
    expect(JSON.parse(runCli(['docs', '--json', '--store', store]).stdout)).toHaveLength(30);
  });
});
