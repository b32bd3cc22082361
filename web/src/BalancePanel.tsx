/** Frustration index, the two blocs with their power shares, and the unbalanced triads with their evidence. */
import { BLOC_NAME, BLOC_SHADE, SIGN_SYMBOL } from './style.js';
import type { BalanceAnswer } from './types.js';

export function BalancePanel(props: {
  balance: BalanceAnswer | null;
  error: string | null;
  onPair: (a: string, b: string) => void;
  onNode: (id: string) => void;
}) {
  const b = props.balance;
  if (props.error) return <p class="error">{props.error}</p>;
  if (!b) return <p>computing the balance…</p>;
  return (
    <section class="panel" data-testid="balance-panel">
      <h2>
        Balance <small>at {b.date}</small>
      </h2>
      <p data-testid="frustration">
        Frustration index: <strong>{b.frustrationIndex}</strong>
        {b.exact ? ' (proven minimal)' : ` (best found; lower bound ${b.lowerBound})`} — the fewest
        edges whose sign must flip for {b.nodes} actors to split into two hostile camps ({b.edges}{' '}
        edges).
      </p>
      <table class="blocs">
        <thead>
          <tr>
            <th>bloc</th>
            <th>members</th>
            <th>power share (CINC)</th>
          </tr>
        </thead>
        <tbody>
          {b.blocs.map((bloc) => (
            <tr key={bloc.index}>
              <td>
                <span class="swatch" style={{ background: BLOC_SHADE[bloc.index] }} />{' '}
                {BLOC_NAME[bloc.index]}
              </td>
              <td>
                {bloc.members.map((m) => (
                  <button
                    type="button"
                    class="chip"
                    key={m.id}
                    title={m.name}
                    onClick={() => props.onNode(m.id)}
                  >
                    {m.id}
                  </button>
                ))}
              </td>
              <td>{(bloc.share * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {b.herfindahl !== null ? <p>Herfindahl concentration: {b.herfindahl.toFixed(3)}</p> : null}
      <h3>Unbalanced triads ({b.triads?.unbalanced ?? 0})</h3>
      <ul class="triads">
        {b.unbalancedTriads.map((t) => (
          <li key={t.nodes.join('-')} data-testid="triad">
            <strong>{t.nodes.join(' · ')}</strong> ({t.type}):{' '}
            {t.edges.map((e) => (
              <button
                type="button"
                class={`chip sign-${(e.sign ?? 1) > 0 ? 'pos' : 'neg'}`}
                key={`${e.source}-${e.target}`}
                onClick={() => props.onPair(e.source, e.target)}
              >
                {e.source}–{e.target} {SIGN_SYMBOL[e.sign ?? 1]} ({e.relationCount})
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
