/**
 * The edges as a table beside the drawing: the same information for
 * keyboards and screen readers, sortable by strength, each row opening the
 * evidence behind it.
 */
import { SIGN_SYMBOL, SIGN_WORD, signed } from './style.js';
import type { NetworkAnswer } from './types.js';

export function EdgeList(props: {
  network: NetworkAnswer;
  selected: [string, string] | null;
  onEdge: (a: string, b: string) => void;
}) {
  const edges = [...props.network.edges].sort(
    (x, y) => Math.abs(y.weight) * y.relationCount - Math.abs(x.weight) * x.relationCount,
  );
  return (
    <table class="edge-list" data-testid="edge-list">
      <caption>
        {edges.length} edges at {props.network.date} (solid + cooperation, dashed − conflict)
      </caption>
      <thead>
        <tr>
          <th scope="col">pair</th>
          <th scope="col">sign</th>
          <th scope="col">weight</th>
          <th scope="col">relations</th>
        </tr>
      </thead>
      <tbody>
        {edges.map((e) => {
          const pair = `${e.source}–${e.target}`;
          const selected =
            props.selected?.includes(e.source) === true && props.selected.includes(e.target);
          return (
            <tr
              key={pair}
              class={`sign-${e.sign > 0 ? 'pos' : 'neg'}${selected ? ' selected' : ''}`}
              data-testid="edge-row"
              data-pair={`${e.source},${e.target}`}
              data-sign={e.sign}
            >
              <td>
                <button type="button" class="link" onClick={() => props.onEdge(e.source, e.target)}>
                  {pair}
                </button>
              </td>
              <td title={SIGN_WORD[e.sign]} class={`sign ${e.sign > 0 ? 'pos' : 'neg'}`}>
                {/* The classes sit on the cells themselves: a descendant selector on
                    the row was not always restyled by Chromium when the sign flipped. */}
                <span class={`line-sample ${e.sign > 0 ? 'pos' : 'neg'}`} aria-hidden="true" />{' '}
                {SIGN_SYMBOL[e.sign]}
              </td>
              <td>{signed(e.weight)}</td>
              <td>{e.relationCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
