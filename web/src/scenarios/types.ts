/** What /api/scenarios and /api/scenarios/run answer (see src/simulate/scenario-run.ts). */

export interface ShockDraft {
  type: 'set' | 'shift';
  a: string;
  b: string;
  value: string;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  description: string | null;
  base: { at?: string; from?: string; to?: string };
}

export interface ScenarioList {
  items: ScenarioSummary[];
}

export interface QuoteRef {
  relation: number;
  quote: string;
  date: string | null;
  document: { id: number; path: string; title: string | null };
}

export interface DriverLink {
  source: string;
  target: string;
  sign: 1 | -1;
  baseWeight: number | null;
  imposed: boolean;
  quotes: QuoteRef[];
}

export interface Change {
  source: string;
  target: string;
  fromSign: 1 | -1 | 0;
  toSign: 1 | -1 | 0;
  probability: number;
  kind: 'imposed' | 'flip' | 'move';
  alsoWithoutShock: boolean;
  because: string;
  drivers: { via: string; links: DriverLink[] }[];
}

export interface BlocsAnswer {
  blocs: [string[], string[]];
  frustrationIndex: number;
}

export interface ScenarioRun {
  name: string;
  baseText: string;
  result: {
    shocks: string[];
    options: { model: string; runs: number };
    before: BlocsAnswer;
    after: BlocsAnswer;
    withoutShock: BlocsAnswer;
    changes: Change[];
    expectations: {
      expectation: string;
      claim: string | null;
      withShock: boolean | null;
      withoutShock: boolean | null;
    }[];
  };
}
