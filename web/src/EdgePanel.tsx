/** Every relation behind one edge at the date shown, paged, each opening its document. */
import { useEffect, useState } from 'preact/hooks';
import { getJson, query } from './api.js';
import { RelationItem } from './Quote.js';
import { signed, SIGN_WORD } from './style.js';
import type { ApiEdge, Filters, Relation } from './types.js';

const PAGE = 50;

interface EdgeAnswer {
  edge: ApiEdge & { relationCount: number };
  total: number;
  items: Relation[];
}

export function EdgePanel(props: {
  pair: [string, string];
  date: string;
  filters: Filters;
  onOpen: (r: Relation) => void;
}) {
  const [answer, setAnswer] = useState<EdgeAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const { pair, date, filters } = props;
  useEffect(() => setOffset(0), [pair[0], pair[1], date]);
  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    getJson<EdgeAnswer>(
      `/api/network/edge${query({ pair: pair.join(','), at: date, layer: filters.layer, modality: filters.modality, kind: filters.kind, limit: PAGE, offset })}`,
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
  }, [pair[0], pair[1], date, filters.layer, filters.modality, filters.kind, offset]);

  return (
    <section class="panel" data-testid="edge-panel" aria-live="polite">
      <h2>
        {pair[0]} – {pair[1]} <small>at {date}</small>
      </h2>
      {error ? <p class="error">{error}</p> : null}
      {answer ? (
        <>
          <p>
            Net {SIGN_WORD[answer.edge.sign]} ({signed(answer.edge.weight)}), {answer.edge.voices}{' '}
            independent voice(s), confidence {answer.edge.confidence.toFixed(2)}; {answer.total}{' '}
            relation(s) behind it.
          </p>
          <ul class="relations">
            {answer.items.map((r) => (
              <RelationItem key={r.id} relation={r} onOpen={props.onOpen} />
            ))}
          </ul>
          <Pager total={answer.total} offset={offset} page={PAGE} onOffset={setOffset} />
        </>
      ) : null}
    </section>
  );
}

export function Pager(props: {
  total: number;
  offset: number;
  page: number;
  onOffset: (n: number) => void;
}) {
  if (props.total <= props.page) return null;
  return (
    <nav class="pager" aria-label="pages">
      <button
        type="button"
        disabled={props.offset === 0}
        onClick={() => props.onOffset(Math.max(0, props.offset - props.page))}
      >
        ← previous
      </button>{' '}
      {props.offset + 1}–{Math.min(props.total, props.offset + props.page)} of {props.total}{' '}
      <button
        type="button"
        disabled={props.offset + props.page >= props.total}
        onClick={() => props.onOffset(props.offset + props.page)}
      >
        next →
      </button>
    </nav>
  );
}
