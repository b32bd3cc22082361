/** Search results: documents (title, snippet) and quotes, all rendered as text. */
import { RelationItem } from './Quote.js';
import type { Relation, SearchAnswer } from './types.js';

export function SearchPanel(props: {
  q: string;
  answer: SearchAnswer | null;
  error: string | null;
  onDocument: (id: number) => void;
  onOpen: (r: Relation) => void;
}) {
  const a = props.answer;
  return (
    <section class="panel" data-testid="search-panel">
      <h2>Search: “{props.q}”</h2>
      {props.error ? <p class="error">{props.error}</p> : null}
      {a ? (
        <>
          <h3>Documents ({a.documents.total})</h3>
          <ul class="hits">
            {a.documents.items.map((d) => (
              <li key={d.id} data-testid="document-hit">
                <button type="button" class="link" onClick={() => props.onDocument(d.id)}>
                  {d.title ?? d.file}
                </button>{' '}
                <small>{d.date ?? 'undated'}</small>
                <p class="snippet">…{d.snippet}…</p>
              </li>
            ))}
          </ul>
          <h3>Quotes ({a.relations.total})</h3>
          <ul class="relations">
            {a.relations.items.map((r) => (
              <RelationItem key={r.id} relation={r} onOpen={props.onOpen} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
