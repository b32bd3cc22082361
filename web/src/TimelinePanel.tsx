/** The timeline of flips (and other changes) window by window; each moves the slider and opens the edge. */
import { SIGN_SYMBOL } from './style.js';
import type { TimelineAnswer } from './types.js';

export function TimelinePanel(props: {
  timeline: TimelineAnswer | null;
  error: string | null;
  onChange: (date: string, a: string, b: string) => void;
}) {
  if (props.error) return <p class="error">{props.error}</p>;
  if (!props.timeline) return <p>loading the timeline…</p>;
  const windows = props.timeline.windows.filter((w) => w.changes.some((c) => c.kind === 'flipped'));
  return (
    <section class="panel" data-testid="timeline-panel">
      <h2>Flips</h2>
      {windows.length === 0 ? <p>No edge changed sign.</p> : null}
      <ol class="flips">
        {windows.map((w) => (
          <li key={w.index}>
            <strong>
              {w.from} … {w.to}
            </strong>
            {w.balanceChange && w.balanceChange.moved.length > 0 ? (
              <span> — moved camp: {w.balanceChange.moved.join(', ')}</span>
            ) : null}
            <ul>
              {w.changes
                .filter((c) => c.kind === 'flipped')
                .map((c) => (
                  <li key={`${c.source}-${c.target}`}>
                    <button
                      type="button"
                      class="link"
                      data-testid="flip"
                      onClick={() => props.onChange(w.to, c.source, c.target)}
                    >
                      {c.source}–{c.target}: {SIGN_SYMBOL[Math.sign(c.fromWeight ?? 1)]} →{' '}
                      {SIGN_SYMBOL[Math.sign(c.toWeight ?? 1)]}
                    </button>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
