import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEdgeList } from '../../src/network/balance/edge-list.js';

const WWI = readFileSync(
  new URL('../fixtures/signed-networks/wwi-1872-1918.csv', import.meta.url),
  'utf8',
);

describe('parseEdgeList', () => {
  it('reads source,target,sign with optional weight and keeps line numbers', () => {
    const rows = parseEdgeList('source,target,sign,weight\nA,B,1,2\n\nB,C,-1,\nC,A,+1,0.5\n');
    expect(rows).toEqual([
      { source: 'A', target: 'B', sign: 1, weight: 2, begin: undefined, end: undefined, line: 2 },
      {
        source: 'B',
        target: 'C',
        sign: -1,
        weight: undefined,
        begin: undefined,
        end: undefined,
        line: 4,
      },
      { source: 'C', target: 'A', sign: 1, weight: 0.5, begin: undefined, end: undefined, line: 5 },
    ]);
  });

  it('accepts from,to columns', () => {
    const rows = parseEdgeList('from,to,sign\nX,Y,-1\n');
    expect(rows[0]).toMatchObject({ source: 'X', target: 'Y', sign: -1 });
  });

  it('selects rows holding at a year: begin <= at < end, open when missing', () => {
    const text = 'from,to,sign,begin,end\nA,B,1,1900,1910\nA,B,-1,1910,\nB,C,1,,1905\n';
    const pick = (at: number): string[] =>
      parseEdgeList(text, { at }).map((r) => `${r.source}${r.target}${r.sign}`);
    expect(pick(1899)).toEqual(['BC1']);
    expect(pick(1900)).toEqual(['AB1', 'BC1']);
    expect(pick(1905)).toEqual(['AB1']);
    expect(pick(1910)).toEqual(['AB-1']);
    expect(pick(2000)).toEqual(['AB-1']);
    expect(parseEdgeList(text)).toHaveLength(3);
  });

  it('snapshots the WWI sequence', () => {
    expect(parseEdgeList(WWI)).toHaveLength(20);
    expect(parseEdgeList(WWI, { at: 1872 })).toHaveLength(9);
    expect(parseEdgeList(WWI, { at: 1907 })).toHaveLength(15);
    expect(parseEdgeList(WWI, { at: 1918 })).toHaveLength(0);
  });

  it('names the line and the field of a malformed row', () => {
    expect(() =>
      parseEdgeList('source,target,sign\nA,B,1\nA,B,\n', { file: 'f.csv' }),
    ).toThrowError(/parseEdgeList: f\.csv: line 3: sign: the sign is missing/);
    expect(() => parseEdgeList('source,target,sign\nA,B,2\n')).toThrowError(
      /line 2: sign: the sign must be \+1 or -1, got "2"/,
    );
    expect(() => parseEdgeList('source,target,sign\nA,,1\n')).toThrowError(
      /line 2: target: the node id is missing/,
    );
    expect(() => parseEdgeList('from,to,sign\n,B,1\n')).toThrowError(
      /line 2: from: the node id is missing/,
    );
    expect(() => parseEdgeList('source,target,sign,weight\nA,B,1,-3\n')).toThrowError(
      /line 2: weight: the weight must be a number > 0/,
    );
    expect(() => parseEdgeList('source,target,sign,begin\nA,B,1,soon\n')).toThrowError(
      /line 2: begin: expected a number \(a year\), got "soon"/,
    );
    expect(() => parseEdgeList('source,target,sign,begin,end\nA,B,1,1910,1900\n')).toThrowError(
      /line 2: end: the interval \[1910, 1900\) is empty/,
    );
  });

  it('names a missing column', () => {
    expect(() => parseEdgeList('source,target\nA,B\n')).toThrowError(/line 1: no sign column/);
    expect(() => parseEdgeList('a,b,sign\nA,B,1\n')).toThrowError(
      /line 1: no source or from column/,
    );
  });

  it('refuses a non-finite at', () => {
    expect(() => parseEdgeList('source,target,sign\n', { at: Number.NaN })).toThrowError(
      /parseEdgeList: at must be a finite number/,
    );
  });
});
