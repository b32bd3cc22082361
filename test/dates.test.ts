import { describe, expect, it } from 'vitest';
import {
  findDates,
  normaliseIsoDate,
  parseBareDate,
  parseDateline,
  parseWireDateline,
} from '../src/ingest/dates.js';

describe('datelines', () => {
  it.each([
    ['2025-04-19', '2025-04-19', 'bare', null],
    ['September 06, 2019', '2019-09-06', 'bare', null],
    ['6 September 2019', '2019-09-06', 'bare', null],
    ['Global Research, September 06, 2019', '2019-09-06', 'source', 'Global Research'],
    ['Published 16 August 2021', '2021-08-16', 'published', null],
    ['Published: 12 January 2023 at 10:15', '2023-01-12', 'published', null],
    ['Posted on March 3, 2024', '2024-03-03', 'published', null],
    ['Updated 2024-10-02', '2024-10-02', 'published', null],
    ['*Published on 5 May 2022*', '2022-05-05', 'published', null],
  ])('%s', (line, iso, kind, source) => {
    const found = parseDateline(line.replace(/\*/g, ''));
    expect(found?.date.iso).toBe(iso);
    expect(found?.kind).toBe(kind);
    expect(found?.source).toBe(source);
  });

  it.each([
    'The deal was signed on February 29, 2020 in Doha.',
    'Version: 2025.04',
    'In 2014 Pakistan launched an operation in North Waziristan.',
    'Trump met Imran Khan on July 22, 2019, and praised his help with the talks that followed.',
  ])('a sentence is not a dateline: %s', (line) => {
    expect(parseDateline(line)).toBeNull();
  });

  it('reads a wire dateline at the head of a paragraph', () => {
    const found = parseWireDateline(
      'KABUL, June 5, 2023 (Agency) - The Taliban said on Monday that talks would resume.',
    );
    expect(found?.date.iso).toBe('2023-06-05');
    expect(parseWireDateline('Kabul said on June 5, 2023 that talks would resume.')).toBeNull();
  });

  it('tells bare date lines from others', () => {
    expect(parseBareDate('2021-08-30')?.iso).toBe('2021-08-30');
    expect(parseBareDate('Published 2021-08-30')).toBeNull();
  });

  it('finds calendar dates in text, not relative ones ("two weeks ago" has no calendar day of its own)', () => {
    const text =
      'Since 2014 the talks have stalled. Two weeks ago Kabul and Islamabad met, ' +
      'a couple of months ago they had not, and on 3 July 2025 Moscow recognised the government.';
    expect(findDates(text).map((d) => d.iso)).toEqual(['2025-07-03']);
    expect(findDates('The envoy arrived last Tuesday, 10 days after the 1996 agreement.')).toEqual(
      [],
    );
  });

  it('normalises manifest and metadata dates without shifting the day', () => {
    expect(normaliseIsoDate('2021-09')).toBe('2021-09');
    expect(normaliseIsoDate('2024-03-27T08:15:00+05:00')).toBe('2024-03-27');
    expect(normaliseIsoDate('2025')).toBe('2025');
    expect(normaliseIsoDate('July 3, 2025')).toBe('2025-07-03');
    expect(normaliseIsoDate('2021-13')).toBeNull();
    expect(normaliseIsoDate('soon')).toBeNull();
  });
});
