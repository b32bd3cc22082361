/**
 * The app: the network at the slider's date (drawn, and listed as a table),
 * and a side column of tabs — the evidence of what was clicked, the
 * balance, the timeline of flips, search results, and any extra panels
 * (src/panels.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, query } from './api.js';
import { BalancePanel } from './BalancePanel.js';
import { monthAt, monthIndex } from './dates.js';
import { DocumentView } from './DocumentView.js';
import { EdgeList } from './EdgeList.js';
import { EdgePanel } from './EdgePanel.js';
import { computeLayout, type Layout, NetworkCanvas } from './NetworkCanvas.js';
import { NodePanel } from './NodePanel.js';
import { extraPanels, type PanelContext } from './panels.js';
import { SearchPanel } from './SearchPanel.js';
import { BLOC_NAME, BLOC_SHADE, SIGN_COLOUR, TYPE_COLOUR } from './style.js';
import { TimelinePanel } from './TimelinePanel.js';
import type {
  BalanceAnswer,
  DocumentAnswer,
  Filters,
  Meta,
  NetworkAnswer,
  Relation,
  SearchAnswer,
  TimelineAnswer,
} from './types.js';

type Selection = { type: 'edge'; pair: [string, string] } | { type: 'node'; id: string } | null;
type Tab = 'details' | 'balance' | 'flips' | 'search' | string;

const PLAY_STEP_MONTHS = 3;
const PLAY_INTERVAL_MS = 700;

function errorText(e: unknown): string | null {
  return (e as Error).name === 'AbortError' ? null : (e as Error).message;
}

export function App() {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ layer: 'observed', modality: '', kind: '' });
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [network, setNetwork] = useState<NetworkAnswer | null>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [balance, setBalance] = useState<BalanceAnswer | null>(null);
  const [balanceError, setBalanceError] = useState<string | null>(null);
  const [timeline, setTimeline] = useState<TimelineAnswer | null>(null);
  const [timelineError, setTimelineError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [doc, setDoc] = useState<{
    document: DocumentAnswer;
    highlight: [number, number] | null;
  } | null>(null);
  const [tab, setTab] = useState<Tab>('balance');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<{
    q: string;
    answer: SearchAnswer | null;
    error: string | null;
  } | null>(null);
  const drawnOnce = useRef(false);

  const start = meta?.span.dense ? `${meta.span.dense.slice(0, 4)}-01` : null;
  const end = meta?.span.last?.slice(0, 7) ?? null;
  const months = start && end ? Math.max(0, monthIndex(start, end)) : 0;
  const date = start ? monthAt(start, Math.min(index, months)) : '';

  useEffect(() => {
    getJson<Meta>('/api/meta')
      .then((m) => {
        performance.mark('gg:meta');
        setMeta(m);
        if (m.span.dense && m.span.last)
          setIndex(monthIndex(`${m.span.dense.slice(0, 4)}-01`, m.span.last.slice(0, 7)));
      })
      .catch((e: Error) => setFatal(e.message));
  }, []);

  const evidenceQuery = { layer: filters.layer, modality: filters.modality, kind: filters.kind };

  // The layout: once, from every pair over all time (no window: it needs no
  // date, so it loads beside /api/meta), so positions stay put as the date moves.
  useEffect(() => {
    getJson<NetworkAnswer>(`/api/network${query({ layer: filters.layer })}`)
      .then((n) => {
        performance.mark('gg:layout-fetched');
        setLayout(computeLayout(n));
        performance.mark('gg:layout-computed');
      })
      .catch((e: Error) => setFatal(e.message));
  }, [filters.layer]);

  useEffect(() => {
    if (!date) return;
    const abort = new AbortController();
    getJson<NetworkAnswer>(`/api/network${query({ at: date, ...evidenceQuery })}`, abort.signal)
      .then((n) => {
        performance.mark('gg:network-fetched');
        setNetwork(n);
      })
      .catch((e) => {
        const text = errorText(e);
        if (text) setFatal(text);
      });
    return () => abort.abort();
  }, [date, filters.layer, filters.modality, filters.kind]);

  // The balance once the network is in (the solver must not delay the drawing).
  useEffect(() => {
    if (!network) return;
    const abort = new AbortController();
    setBalanceError(null);
    getJson<BalanceAnswer>(`/api/balance${query({ at: date, ...evidenceQuery })}`, abort.signal)
      .then(setBalance)
      .catch((e) => setBalanceError(errorText(e)));
    return () => abort.abort();
  }, [network]);

  // The timeline (a balance per window) only when its tab is opened.
  const wantTimeline = tab === 'flips';
  useEffect(() => {
    if (!start || !end || !wantTimeline) return;
    setTimeline(null);
    setTimelineError(null);
    getJson<TimelineAnswer>(
      `/api/timeline${query({ step: '6mo', from: start, layer: filters.layer })}`,
    )
      .then(setTimeline)
      .catch((e: Error) => setTimelineError(e.message));
  }, [start, end, filters.layer, wantTimeline]);

  // Play: step through time, stopping at the end.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        if (i + PLAY_STEP_MONTHS > months) {
          setPlaying(false);
          return months;
        }
        return i + PLAY_STEP_MONTHS;
      });
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, months]);

  const blocs = useMemo(() => {
    const map = new Map<string, number>();
    if (balance && balance.date.slice(0, 7) === date.slice(0, 7))
      for (const b of balance.blocs) for (const m of b.members) map.set(m.id, b.index);
    return map;
  }, [balance, date]);

  const openPair = useCallback((a: string, b: string) => {
    setSelection({ type: 'edge', pair: [a, b] });
    setDoc(null);
    setTab('details');
  }, []);
  const openActor = useCallback((id: string) => {
    setSelection({ type: 'node', id });
    setDoc(null);
    setTab('details');
  }, []);
  const openDocument = useCallback((id: number, highlight: [number, number] | null) => {
    getJson<DocumentAnswer>(`/api/documents/${id}`)
      .then((document) => {
        setDoc({ document, highlight });
        setTab('details');
      })
      .catch((e: Error) => setFatal(e.message));
  }, []);
  const openRelation = useCallback(
    (r: Relation) => openDocument(r.documentId, [r.start, r.end]),
    [openDocument],
  );
  const setDate = useCallback(
    (d: string) => {
      if (start) setIndex(Math.max(0, Math.min(months, monthIndex(start, d.slice(0, 7)))));
    },
    [start, months],
  );
  const onDrawn = useCallback(() => {
    if (!network || !layout) return;
    document.body.dataset.drawnDate = network.date.slice(0, 7);
    if (!drawnOnce.current && network.edges.length > 0) {
      drawnOnce.current = true;
      performance.mark('gg:network-drawn');
      performance.measure('gg:first-network', 'gg:start', 'gg:network-drawn');
    }
  }, [network, layout]);

  const runSearch = (event: Event) => {
    event.preventDefault();
    const text = q.trim();
    if (text.length < 2) return;
    setTab('search');
    setSearch({ q: text, answer: null, error: null });
    getJson<SearchAnswer>(`/api/search${query({ q: text })}`)
      .then((answer) => setSearch({ q: text, answer, error: null }))
      .catch((e: Error) => setSearch({ q: text, answer: null, error: e.message }));
  };

  const context: PanelContext = { date, filters, openPair, openActor, openRelation, setDate };
  const selectedPair = selection?.type === 'edge' ? selection.pair : null;

  if (fatal) return <p class="error fatal">{fatal}</p>;
  if (meta && (!start || !end))
    return (
      <p class="loading">
        The store holds no dated relations yet ({meta.documents} documents). Ingest some with
        `greatgame ingest`.
      </p>
    );

  return (
    <div class="app">
      <header class="top">
        <h1>greatgame</h1>
        <form class="search" role="search" onSubmit={runSearch}>
          <input
            type="search"
            aria-label="search documents and quotes"
            placeholder="search documents and quotes"
            value={q}
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
            data-testid="search-input"
          />
          <button type="submit">search</button>
        </form>
        <label>
          layer{' '}
          <select
            value={filters.layer}
            onChange={(e) =>
              setFilters({
                ...filters,
                layer: (e.target as HTMLSelectElement).value as Filters['layer'],
              })
            }
          >
            <option value="observed">observed</option>
            <option value="expected">expected (hypothetical)</option>
            <option value="merged">merged</option>
          </select>
        </label>
        <label>
          modality{' '}
          <select
            value={filters.modality}
            data-testid="filter-modality"
            onChange={(e) =>
              setFilters({ ...filters, modality: (e.target as HTMLSelectElement).value })
            }
          >
            <option value="">all</option>
            {(meta?.modalities ?? []).map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          kind{' '}
          <select
            value={filters.kind}
            data-testid="filter-kind"
            onChange={(e) =>
              setFilters({ ...filters, kind: (e.target as HTMLSelectElement).value })
            }
          >
            <option value="">all</option>
            {(meta?.kinds ?? []).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <span class="counts">
          {meta ? `${meta.documents} documents · ${meta.relations} relations` : 'loading…'}
        </span>
      </header>

      <main class="main">
        <section class="left" aria-label="network">
          <div class="time">
            <button
              type="button"
              onClick={() => {
                if (!playing && index >= months) setIndex(0);
                setPlaying(!playing);
              }}
              aria-pressed={playing}
              data-testid="play"
            >
              {playing ? '❚❚ pause' : '▶ play'}
            </button>
            <input
              id="date-slider"
              type="range"
              min={0}
              max={months}
              value={Math.min(index, months)}
              aria-label="date"
              aria-valuetext={date}
              data-testid="date-slider"
              onInput={(e) => {
                setPlaying(false);
                setIndex(Number((e.target as HTMLInputElement).value));
              }}
            />
            <output data-testid="date" for="date-slider">
              {date}
            </output>
          </div>
          <NetworkCanvas
            network={network && layout ? network : null}
            layout={layout}
            blocs={blocs}
            selectedPair={selectedPair}
            onNode={openActor}
            onEdge={openPair}
            onDrawn={onDrawn}
          />
          <Legend />
          {network ? (
            <EdgeList network={network} selected={selectedPair} onEdge={openPair} />
          ) : null}
        </section>

        <aside class="right">
          <nav class="tabs" role="tablist">
            {[
              ['details', 'Evidence'],
              ['balance', 'Balance'],
              ['flips', 'Flips'],
              ...(search ? [['search', 'Search']] : []),
              ...extraPanels.map((p) => [p.id, p.title]),
            ].map(([id, title]) => (
              <button
                type="button"
                role="tab"
                key={id}
                aria-selected={tab === id}
                data-testid={`tab-${id}`}
                onClick={() => setTab(id as Tab)}
              >
                {title}
              </button>
            ))}
          </nav>
          <div class="tab-body">
            {tab === 'details' ? (
              doc ? (
                <DocumentView
                  document={doc.document}
                  highlight={doc.highlight}
                  onClose={() => setDoc(null)}
                />
              ) : selection?.type === 'edge' ? (
                <EdgePanel
                  pair={selection.pair}
                  date={date}
                  filters={filters}
                  onOpen={openRelation}
                />
              ) : selection?.type === 'node' ? (
                <NodePanel
                  id={selection.id}
                  filters={filters}
                  onOpen={openRelation}
                  onPair={openPair}
                />
              ) : (
                <p>Click an edge or an actor (in the drawing or the table) to see the evidence.</p>
              )
            ) : null}
            {tab === 'balance' ? (
              <BalancePanel
                balance={balance}
                error={balanceError}
                onPair={openPair}
                onNode={openActor}
              />
            ) : null}
            {tab === 'flips' ? (
              <TimelinePanel
                timeline={timeline}
                error={timelineError}
                onChange={(d, a, b) => {
                  setDate(d);
                  openPair(a, b);
                }}
              />
            ) : null}
            {tab === 'search' && search ? (
              <SearchPanel
                q={search.q}
                answer={search.answer}
                error={search.error}
                onDocument={(id) => openDocument(id, null)}
                onOpen={openRelation}
              />
            ) : null}
            {extraPanels.map((p) =>
              tab === p.id ? <p.component key={p.id} {...context} /> : null,
            )}
          </div>
        </aside>
      </main>
    </div>
  );
}

function Legend() {
  return (
    <ul class="legend" aria-label="legend">
      <li>
        <span class="line-sample pos" style={{ borderColor: SIGN_COLOUR[1] }} /> + cooperation
        (solid)
      </li>
      <li>
        <span class="line-sample neg" style={{ borderColor: SIGN_COLOUR[-1] }} /> − conflict
        (dashed)
      </li>
      {Object.entries(TYPE_COLOUR).map(([type, colour]) => (
        <li key={type}>
          <span class="dot" style={{ background: colour }} /> {type.replace('_', ' ')}
        </li>
      ))}
      {BLOC_NAME.map((name, i) => (
        <li key={name}>
          <span class="dot halo" style={{ background: BLOC_SHADE[i] }} /> {name}
        </li>
      ))}
      <li>node size: capability (CINC)</li>
    </ul>
  );
}
