/**
 * Capabilities (COW NMC v7.0 CINC extract) and the power shares and
 * Herfindahl concentration of blocs.
 */
import { describe, expect, it } from 'vitest';
import {
  CINC_SOURCE,
  capabilityOf,
  loadCapabilities,
  readCapabilityRows,
  yearOf,
} from '../src/network/capabilities.js';
import { powerShares } from '../src/network/power.js';

describe('capabilities', () => {
  it('gives the USA its CINC for 2019 from the file', () => {
    const figure = capabilityOf('USA', '2019-06-30');
    expect(figure).toEqual({
      value: 0.12605037,
      year: 2019,
      source: CINC_SOURCE,
      carriedForward: false,
    });
    expect(figure!.value).toBeGreaterThan(0);
  });

  it('gives non-state actors and unknown ids no capability', () => {
    expect(capabilityOf('TAL', '2019')).toBeNull();
    expect(capabilityOf('TTP', '2019')).toBeNull();
    expect(capabilityOf('NOPE', '2019')).toBeNull();
  });

  it('carries the last year forward after 2022 and says so', () => {
    const figure = capabilityOf('CHN', '2025-03');
    expect(figure).not.toBeNull();
    expect(figure!.carriedForward).toBe(true);
    expect(figure!.year).toBe(2022);
    expect(figure!.value).toBe(capabilityOf('CHN', 2022)!.value);
    expect(figure!.note).toMatch(/2022 figure carried forward to 2025/);
    expect(capabilityOf('CHN', 2022)!.carriedForward).toBe(false);
  });

  it('has nothing before the extract starts', () => {
    expect(capabilityOf('USA', '1985')).toBeNull();
  });

  it('covers 1990–2022 and keeps missing military expenditure empty', () => {
    const table = loadCapabilities();
    expect([table.firstYear, table.lastYear]).toEqual([1990, 2022]);
    const rows = readCapabilityRows();
    expect(rows.some((r) => r.milex === null)).toBe(true);
    expect(rows.every((r) => r.cinc !== null && r.cinc > 0 && r.cinc < 1)).toBe(true);
    expect(table.at('2019')('USA')).toBe(0.12605037);
    expect(table.at('2019')('TAL')).toBeNull();
  });

  it('rejects a malformed date', () => {
    expect(() => yearOf('June 2019')).toThrow(/YYYY/);
    expect(yearOf('2021-08-15')).toBe(2021);
  });
});

describe('powerShares', () => {
  const made: Record<string, number> = { A: 2, B: 1, C: 1 };
  const lookup = (id: string) => made[id] ?? null;

  it('gives shares that sum to 1 and the Herfindahl index', () => {
    const result = powerShares(
      [
        ['B', 'A', 'X'],
        ['C', 'Y'],
      ],
      lookup,
    );
    expect(result.total).toBe(4);
    expect(result.blocs.map((b) => b.share)).toEqual([0.75, 0.25]);
    expect(result.blocs.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
    expect(result.herfindahl).toBeCloseTo(0.625, 12);
    expect(result.effectiveBlocs).toBeCloseTo(1.6, 12);
  });

  it('lists unmeasured members and sorts members', () => {
    const result = powerShares(
      [
        ['X', 'B', 'A'],
        ['Y', 'C'],
      ],
      lookup,
    );
    expect(result.blocs[0]).toEqual({
      members: ['A', 'B', 'X'],
      capability: 3,
      share: 0.75,
      unmeasured: ['X'],
    });
    expect(result.blocs[1]!.unmeasured).toEqual(['Y']);
  });

  it('has no concentration when nothing is measured, and refuses a member in two blocs', () => {
    const none = powerShares([['X'], ['Y']], lookup);
    expect(none.herfindahl).toBeNull();
    expect(none.effectiveBlocs).toBeNull();
    expect(none.blocs.map((b) => b.share)).toEqual([0, 0]);
    expect(() => powerShares([['A'], ['A', 'B']], lookup)).toThrow(/more than one bloc/);
  });

  it('works with real CINC figures', () => {
    const table = loadCapabilities();
    const result = powerShares(
      [
        ['USA', 'GBR'],
        ['CHN', 'RUS', 'TAL'],
      ],
      table.at('2019'),
    );
    expect(result.blocs[1]!.unmeasured).toEqual(['TAL']);
    expect(result.blocs[0]!.share + result.blocs[1]!.share).toBeCloseTo(1, 12);
    expect(result.herfindahl!).toBeGreaterThanOrEqual(0.5);
    expect(result.effectiveBlocs!).toBeLessThanOrEqual(2);
  });
});
