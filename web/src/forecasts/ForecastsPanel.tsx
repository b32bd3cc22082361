/**
 * The forecast ledger (GET /api/forecasts): what the texts predicted, with
 * its status (open, hit, miss, expired, void), the quote, its condition,
 * probability word and horizon, the evidence that settled it, and the hit
 * rate and Brier score per author. Every string from a document is shown
 * as text. Settling a forecast by hand needs the server's write token,
 * typed into a password field and kept only in this component's memory.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, query } from '../api.js';
import { Pager } from '../EdgePanel.js';
import type { PanelContext } from '../panels.js';
import { SIGN_SYMBOL, SIGN_WORD } from '../style.js';
import type { Relation } from '../types.js';
import type { Forecast, ForecastScore, ForecastsAnswer, Outcome } from './types.js';

const PAGE = 50;
const TYPING_DELAY_MS = 250;

const STATUS_TITLE: Record<Forecast['status'], string> = {
  open: 'open: not yet settled, its horizon not passed',
  hit: 'hit: later evidence bore it out',
  miss: 'miss: later evidence went against it',
  expired: 'expired: its horizon passed with no clear evidence (unscored)',
  void: 'void: taken out of the scores by hand',
};

/** The forecast's quote as a relation, so it opens highlighted in its document. */
function asRelation(f: Forecast): Relation {
  return {
    id: 0,
    documentId: f.document.id,
    doc: f.document.path,
    file: f.document.path,
    title: f.document.title,
    outlet: f.source,
    author: f.author,
    source: f.expected.source,
    target: f.expected.target,
    polarity: f.expected.polarity,
    kind: f.expected.kind,
    modality: 'hypothetical',
    date: f.madeOn,
    docDate: f.madeOn,
    quote: f.quote.text,
    start: f.quote.start,
    end: f.quote.end,
  };
}

async function send(
  method: 'POST' | 'DELETE',
  path: string,
  token: string,
  body?: object,
): Promise<Forecast> {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = (await response.json().catch(() => null)) as
    (Forecast & { message?: string; field?: string }) | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      answer?.message ?? `HTTP ${response.status}`,
      answer?.field,
    );
  return answer as Forecast;
}

function percent(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}

export function ForecastsPanel(props: PanelContext) {
  const [authorInput, setAuthorInput] = useState('');
  const [author, setAuthor] = useState('');
  const [state, setState] = useState<'' | 'open' | 'resolved'>('');
  const [atSlider, setAtSlider] = useState(false);
  const [offset, setOffset] = useState(0);
  const [answer, setAnswer] = useState<ForecastsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [writeError, setWriteError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const asOf = atSlider ? props.date : undefined;

  // Wait for a pause in typing before asking.
  useEffect(() => {
    const timer = setTimeout(() => setAuthor(authorInput.trim()), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [authorInput]);
  useEffect(() => setOffset(0), [author, state, asOf]);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    getJson<ForecastsAnswer>(
      `/api/forecasts${query({ author, state, asOf, limit: PAGE, offset })}`,
      abort.signal,
    )
      .then(setAnswer)
      .catch((e: Error) => {
        if (e.name !== 'AbortError') {
          setAnswer(null);
          setError(e.message);
        }
      });
    return () => abort.abort();
  }, [author, state, asOf, offset, version]);

  const settle = (f: Forecast, outcome: Outcome | null) => {
    setWriteError(null);
    const path = `/api/forecasts/${encodeURIComponent(f.key)}`;
    (outcome
      ? send('POST', `${path}/resolve`, token, { outcome })
      : send('DELETE', `${path}/resolution`, token)
    )
      .then(() => setVersion((v) => v + 1))
      .catch((e: Error) => setWriteError(e.message));
  };

  return (
    <section class="panel forecasts" data-testid="forecasts-panel" aria-live="polite">
      <h2>
        Forecasts{' '}
        {answer ? (
          <small>
            {answer.total} · as of {answer.asOf}
          </small>
        ) : null}
      </h2>
      <form class="forecast-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          author{' '}
          <input
            type="search"
            value={authorInput}
            placeholder="any"
            data-testid="forecast-author"
            onInput={(e) => setAuthorInput((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          status{' '}
          <select
            value={state}
            data-testid="forecast-state"
            onChange={(e) => setState((e.target as HTMLSelectElement).value as typeof state)}
          >
            <option value="">all</option>
            <option value="open">open</option>
            <option value="resolved">resolved (hit, miss, void)</option>
          </select>
        </label>
        <label title="later articles unknown, horizons before it expired">
          <input
            type="checkbox"
            checked={atSlider}
            onChange={(e) => setAtSlider((e.target as HTMLInputElement).checked)}
          />{' '}
          as of the slider ({props.date})
        </label>
      </form>
      {error ? <p class="error">{error}</p> : null}
      {!answer && !error ? <p>loading the forecasts…</p> : null}
      {answer ? (
        <>
          <ScoreTable scores={answer.scores.authors} />
          {answer.total === 0 ? <p>No forecast matches.</p> : null}
          <ol class="forecast-list">
            {answer.items.map((f) => (
              <ForecastItem
                key={f.key}
                forecast={f}
                context={props}
                onSettle={token ? (outcome) => settle(f, outcome) : null}
              />
            ))}
          </ol>
          <Pager total={answer.total} offset={offset} page={PAGE} onOffset={setOffset} />
        </>
      ) : null}
      <details class="forecast-token">
        <summary>settle forecasts by hand</summary>
        <label>
          write token{' '}
          <input
            type="password"
            autocomplete="off"
            data-testid="forecast-token"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value.trim())}
          />
        </label>
        <p class="meta">
          The token the server printed at start (kept in this page’s memory only). With it, each
          forecast offers hit / miss / void, and clear for a decision made by hand.
        </p>
        {writeError ? <p class="error">{writeError}</p> : null}
      </details>
    </section>
  );
}

function ScoreTable(props: { scores: ForecastScore[] }) {
  if (props.scores.length === 0) return null;
  return (
    <table class="forecast-scores" data-testid="forecast-scores">
      <caption>
        Scores per author: hits and misses only; Brier over those with a probability word (0 is
        perfect, 0.25 always saying 50%)
      </caption>
      <thead>
        <tr>
          <th scope="col">author</th>
          <th scope="col">forecasts</th>
          <th scope="col">n</th>
          <th scope="col">hits</th>
          <th scope="col">misses</th>
          <th scope="col">hit rate</th>
          <th scope="col">Brier (n)</th>
        </tr>
      </thead>
      <tbody>
        {props.scores.map((s) => (
          <tr key={s.name} data-testid="score-row">
            <th scope="row">{s.name}</th>
            <td>{s.forecasts}</td>
            <td>{s.n}</td>
            <td>{s.hits}</td>
            <td>{s.misses}</td>
            <td>{percent(s.hitRate)}</td>
            <td>
              {s.brier === null ? '—' : s.brier.toFixed(3)} ({s.brierN})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ForecastItem(props: {
  forecast: Forecast;
  context: PanelContext;
  onSettle: ((outcome: Outcome | null) => void) | null;
}) {
  const f = props.forecast;
  const { source, target, polarity, kind } = f.expected;
  const r = f.resolution;
  return (
    <li class={`forecast status-${f.status}`} data-testid="forecast" data-status={f.status}>
      <div class="forecast-head">
        <span
          class={`badge status-${f.status}`}
          title={STATUS_TITLE[f.status]}
          data-testid="forecast-status"
        >
          {f.status}
          {f.resolvedBy === 'user' ? ' (by hand)' : ''}
        </span>{' '}
        <button
          type="button"
          class={`chip sign-${polarity > 0 ? 'pos' : 'neg'}`}
          title={`open the evidence of ${source}–${target}`}
          data-testid="forecast-pair"
          onClick={() => props.context.openPair(source, target)}
        >
          {source} → {target}
        </button>{' '}
        <span class="sign" title={SIGN_WORD[polarity]}>
          {SIGN_SYMBOL[polarity]}
        </span>{' '}
        <span class="kind">{kind}</span>{' '}
        <span class="probability">
          {f.probabilityWord
            ? `${f.probabilityWord}${f.probability !== null ? ` (${percent(f.probability)})` : ''}`
            : 'no probability word'}
        </span>
      </div>
      <div class="meta">
        {f.author ?? 'unknown author'} · {f.source ?? 'unknown source'} · made{' '}
        {f.madeOn ?? 'undated'} → {f.horizon ?? 'no horizon'}
        {f.horizonBasis ? ` (${f.horizonBasis})` : ''}
      </div>
      {f.condition ? (
        <div class="condition">
          <em>condition:</em> {f.condition}
        </div>
      ) : null}
      <blockquote class="quote" data-testid="quote">
        “{f.quote.text}”
      </blockquote>
      <div class="relation-source">
        {f.document.title ?? f.document.path}{' '}
        <button
          type="button"
          class="link"
          onClick={() => props.context.openRelation(asRelation(f))}
        >
          open in document
        </button>
      </div>
      {r && f.resolvedBy === 'auto' ? (
        <div class="resolution" data-testid="forecast-resolution">
          {f.status} by “{r.quote}”{r.document ? ` — ${r.document.title ?? r.document.path}` : ''}
          {r.date ? `, ${r.date}` : ''}
        </div>
      ) : null}
      {r && f.resolvedBy === 'user' ? (
        <div class="resolution" data-testid="forecast-resolution">
          decided by hand{r.date ? ` on ${r.date}` : ''}
          {r.note ? `: ${r.note}` : ''}
        </div>
      ) : null}
      {props.onSettle ? (
        <div class="settle">
          settle:{' '}
          {(['hit', 'miss', 'void'] as const).map((outcome) => (
            <button
              type="button"
              key={outcome}
              class="chip"
              data-testid={`settle-${outcome}`}
              onClick={() => props.onSettle?.(outcome)}
            >
              {outcome}
            </button>
          ))}
          {f.resolvedBy === 'user' ? (
            <button
              type="button"
              class="chip"
              data-testid="settle-clear"
              onClick={() => props.onSettle?.(null)}
            >
              clear
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
