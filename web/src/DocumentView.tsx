/**
 * A document's clean text with one quote highlighted by its offsets. The
 * text is split into three text nodes around a <mark>: never parsed as HTML.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DocumentAnswer } from './types.js';

export function DocumentView(props: {
  document: DocumentAnswer;
  highlight: [number, number] | null;
  onClose: () => void;
}) {
  const mark = useRef<HTMLElement>(null);
  const { document: d, highlight } = props;
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [d.id, highlight?.[0]]);
  const [start, end] =
    highlight && highlight[0] >= 0 && highlight[1] <= d.text.length ? highlight : [0, 0];
  return (
    <article class="document" data-testid="document" aria-label="document">
      <header>
        <button type="button" class="close" onClick={props.onClose} aria-label="close the document">
          ×
        </button>
        <h3 data-testid="document-title">{d.title ?? d.file}</h3>
        <p class="meta">
          {d.date ?? 'undated'} · {d.source ?? d.author ?? d.file}
          {d.url ? ` · ${d.url}` : ''} · {d.relations.length} relation(s)
        </p>
      </header>
      <div class="document-text" data-testid="document-text">
        {d.text.slice(0, start)}
        {end > start ? (
          <mark ref={mark} data-testid="highlight">
            {d.text.slice(start, end)}
          </mark>
        ) : null}
        {d.text.slice(end)}
      </div>
    </article>
  );
}
