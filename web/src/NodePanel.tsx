/** One actor: its cooperative and hostile relations per year, its partners, and its relations by date. */
import { useEffect, useState } from 'preact/hooks';
import { getJson, query } from './api.js';
import { Pager } from './EdgePanel.js';
import { RelationItem } from './Quote.js';
import type { ActorAnswer, Filters, PageOf, Relation } from './types.js';

const PAGE = 30;

export function NodePanel(props: {
  id: string;
  filters: Filters;
  onOpen: (r: Relation) => void;
  onPair: (a: string, b: string) => void;
}) {
  const [actor, setActor] = useState<ActorAnswer | null>(null);
  const [relations, setRelations] = useState<PageOf<Relation> | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setOffset(0);
    getJson<ActorAnswer>(`/api/actors/${encodeURIComponent(props.id)}`)
      .then(setActor)
      .catch((e: Error) => setError(e.message));
  }, [props.id]);
  useEffect(() => {
    getJson<PageOf<Relation>>(
      `/api/relations${query({ actor: props.id, modality: props.filters.modality, kind: props.filters.kind, limit: PAGE, offset })}`,
    )
      .then(setRelations)
      .catch((e: Error) => setError(e.message));
  }, [props.id, props.filters.modality, props.filters.kind, offset]);
  const most = Math.max(1, ...(actor?.years ?? []).map((y) => y.positive + y.negative));
  return (
    <section class="panel" data-testid="node-panel">
      <h2>
        {actor?.name ?? props.id} <small>{actor?.type ?? ''}</small>
      </h2>
      {error ? <p class="error">{error}</p> : null}
      {actor?.capability ? (
        <p>
          Capability (CINC {actor.capability.year}): {actor.capability.value.toFixed(4)}
        </p>
      ) : null}
      {actor && actor.years.length > 0 ? (
        <table class="years" aria-label="relations per year">
          <thead>
            <tr>
              <th>year</th>
              <th>+ cooperation</th>
              <th>− conflict</th>
            </tr>
          </thead>
          <tbody>
            {actor.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td>
                  <span class="bar pos" style={{ width: `${(80 * y.positive) / most}px` }} />{' '}
                  {y.positive}
                </td>
                <td>
                  <span class="bar neg" style={{ width: `${(80 * y.negative) / most}px` }} />{' '}
                  {y.negative}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {actor && actor.partners.length > 0 ? (
        <p class="partners">
          Partners:{' '}
          {actor.partners.slice(0, 20).map((p) => (
            <button
              type="button"
              class="chip"
              key={p.id}
              onClick={() => props.onPair(props.id, p.id)}
              title={p.name}
            >
              {p.id} +{p.positive}/−{p.negative}
            </button>
          ))}
        </p>
      ) : null}
      {relations ? (
        <>
          <h3>Relations by date ({relations.total})</h3>
          <ul class="relations">
            {relations.items.map((r) => (
              <RelationItem key={r.id} relation={r} onOpen={props.onOpen} />
            ))}
          </ul>
          <Pager total={relations.total} offset={offset} page={PAGE} onOffset={setOffset} />
        </>
      ) : null}
    </section>
  );
}
