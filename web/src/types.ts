/** The API's answers, as the app reads them (see /api/openapi.json). */
export interface Capability {
  value: number;
  year: number;
  source: string;
}

export interface ApiNode {
  id: string;
  name: string;
  type: string | null;
  capability: Capability | null;
}

export interface ApiEdge {
  source: string;
  target: string;
  weight: number;
  sign: 1 | -1;
  confidence: number;
  voices: number;
  relationCount: number;
}

export interface NetworkAnswer {
  date: string;
  window: { from: string | null; to: string | null };
  layer: string;
  nodes: ApiNode[];
  edges: ApiEdge[];
}

export interface Relation {
  id: number;
  documentId: number;
  doc: string;
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  source: string;
  target: string;
  polarity: 1 | -1;
  kind: string;
  modality: string;
  date: string | null;
  docDate: string | null;
  quote: string;
  start: number;
  end: number;
}

export interface PageOf<T> {
  total: number;
  items: T[];
}

export interface Meta {
  documents: number;
  relations: number;
  span: { first: string | null; last: string | null; dense: string | null };
  modalities: string[];
  kinds: string[];
}

export interface BlocAnswer {
  index: number;
  members: ApiNode[];
  capability: number;
  share: number;
  unmeasured: string[];
}

export interface TriadEdge {
  source: string;
  target: string;
  sign: 1 | -1 | null;
  weight: number | null;
  relationCount: number;
}

export interface BalanceAnswer {
  date: string;
  nodes: number;
  edges: number;
  frustrationIndex: number;
  exact: boolean;
  lowerBound: number;
  blocs: BlocAnswer[];
  herfindahl: number | null;
  triads: Record<string, number> | null;
  unbalancedTriads: { nodes: string[]; type: string; weight: number; edges: TriadEdge[] }[];
}

export interface EdgeChange {
  kind: string;
  source: string;
  target: string;
  fromWeight: number | null;
  toWeight: number | null;
}

export interface TimelineAnswer {
  windows: {
    index: number;
    from: string;
    to: string;
    changes: EdgeChange[];
    balance: { frustrationIndex: number };
    balanceChange: { moved: string[] } | null;
  }[];
}

export interface DocumentAnswer {
  id: number;
  title: string | null;
  date: string | null;
  source: string | null;
  author: string | null;
  file: string;
  url: string | null;
  text: string;
  relations: Relation[];
}

export interface ActorAnswer extends ApiNode {
  years: { year: string; positive: number; negative: number }[];
  partners: { id: string; name: string; positive: number; negative: number }[];
}

export interface SearchAnswer {
  documents: PageOf<{
    id: number;
    title: string | null;
    date: string | null;
    file: string;
    snippet: string;
  }>;
  relations: PageOf<Relation>;
}

/** What the evidence views filter by; empty means all. */
export interface Filters {
  layer: 'observed' | 'expected' | 'merged';
  modality: string;
  kind: string;
}
