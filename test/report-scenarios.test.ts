/**
 * The report's scenario section: a scenario file run on the store shows its
 * blocs before and after, each change with why, the argued realignments,
 * and every quote escaped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('report --scenario', () => {
  it('adds a scenario section with explanations and escaped quotes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-report-scenario-'));
    const store = path.join(dir, 'store.db');
    writeFileSync(
      path.join(dir, 'a.md'),
      '# Ties <b>old</b>\n\nPublished 4 April 2022\n\nPakistan supported the Taliban <script>alert(1)</script>. The Taliban backed the TTP. Pakistan attacked the TTP in North Waziristan. China cooperated with Pakistan. China supported the Taliban.\n',
    );
    expect(runCli(['ingest', path.join(dir, 'a.md'), '--store', store]).code).toBe(0);
    const scenario = path.join(dir, 'scenario.yaml');
    writeFileSync(
      scenario,
      [
        'name: China turns on the Taliban <i>test</i>',
        'base:',
        '  at: 2022-06',
        'shocks:',
        '  - type: set',
        '    pair: [CHN, TAL]',
        '    value: -0.9',
        'options:',
        '  runs: 40',
        'expect:',
        '  - pair: [CHN, PAK]',
        '    sign: positive',
        '    claim: China keeps Pakistan close.',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'report.html');
    const result = runCli([
      'report',
      '--out',
      out,
      '--at',
      '2022-06',
      '--scenario',
      scenario,
      '--store',
      store,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const section = html.slice(html.indexOf('<section id="scenarios">'));
    expect(section).toContain('<h2>Scenarios</h2>');
    expect(section).toContain('China turns on the Taliban &lt;i&gt;test&lt;/i&gt;');
    expect(section).toContain('set CHN–TAL to -0.9');
    expect(section).toMatch(/CHN–TAL is imposed by the scenario/);
    expect(section).toMatch(/CHN–PAK positive/);
    expect(section).toContain('China keeps Pakistan close.');
    expect(html).toContain('href="#scenarios"');
    // The hostile text of the document appears only escaped.
    expect(html).not.toContain('<script>alert(1)</script>');
    const bad = runCli([
      'report',
      '--out',
      out,
      '--scenario',
      path.join(dir, 'missing.yaml'),
      '--store',
      store,
    ]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/missing\.yaml: cannot read/);
  });
});
