/** One relation as a line of evidence: sign, kind, modality, date, source and the quote (as text). */
import { SIGN_SYMBOL, SIGN_WORD } from './style.js';
import type { Relation } from './types.js';

export function RelationItem(props: { relation: Relation; onOpen: (r: Relation) => void }) {
  const r = props.relation;
  return (
    <li class={`relation sign-${r.polarity > 0 ? 'pos' : 'neg'}`} data-testid="relation">
      <div class="relation-head">
        <span class="sign" title={SIGN_WORD[r.polarity]}>
          {SIGN_SYMBOL[r.polarity]}
        </span>{' '}
        <strong>
          {r.source} → {r.target}
        </strong>{' '}
        <span class="kind">{r.kind}</span>{' '}
        <span class={`modality m-${r.modality}`}>{r.modality}</span>{' '}
        <span class="date">{r.date ?? 'undated'}</span>
      </div>
      <blockquote class="quote" data-testid="quote">
        “{r.quote}”
      </blockquote>
      <div class="relation-source">
        {r.outlet ?? r.author ?? r.file}
        {r.title ? ` — ${r.title}` : ''}{' '}
        <button type="button" class="link" onClick={() => props.onOpen(r)}>
          open in document
        </button>
      </div>
    </li>
  );
}
