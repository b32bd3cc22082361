import { describe, expect, it } from 'vitest';
import { analyseBalance, kBlocs, signedGraph } from '../../src/network/balance/index.js';

describe('kBlocs (Doreian & Mrvar relocation)', () => {
  // Three camps, friendly inside, hostile between: two blocs cannot hold them.
  const threeCamps = signedGraph({
    edges: [
      { a: 'A1', b: 'A2', sign: 1 },
      { a: 'B1', b: 'B2', sign: 1 },
      { a: 'C1', b: 'C2', sign: 1 },
      { a: 'A1', b: 'B1', sign: -1 },
      { a: 'A2', b: 'B2', sign: -1 },
      { a: 'B1', b: 'C1', sign: -1 },
      { a: 'B2', b: 'C2', sign: -1 },
      { a: 'A1', b: 'C1', sign: -1 },
      { a: 'A2', b: 'C2', sign: -1 },
    ],
  });

  it('finds three hostile camps when three blocs are allowed, starting from the best two-bloc split', async () => {
    const two = await analyseBalance(threeCamps);
    const result = await kBlocs(threeCamps, 3, two.partition);
    expect(result.frustration).toBe(0);
    expect(result.blocs).toEqual([
      ['A1', 'A2'],
      ['B1', 'B2'],
      ['C1', 'C2'],
    ]);
  });

  it('cannot do as well with two', async () => {
    const two = await analyseBalance(threeCamps);
    expect((await kBlocs(threeCamps, 2, two.partition)).frustration).toBe(two.frustrationIndex);
    expect(two.frustrationIndex).toBeGreaterThan(0);
  });

  it('rejects a k that is not a whole number of blocs', async () => {
    await expect(kBlocs(threeCamps, 0)).rejects.toThrow(/kBlocs: k must be/);
  });
});
