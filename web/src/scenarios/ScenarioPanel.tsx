/**
 * The scenario panel: pick a shipped scenario or set shocks on the network
 * at the slider's date, run it (the server needs the write token: a run
 * costs CPU on the user's behalf), and read the predicted blocs and every
 * change with its probability and the triads, with their quotes, that
 * explain it. The token is kept in memory only, never stored.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from '../api.js';
import type { PanelContext } from '../panels.js';
import { SIGN_SYMBOL } from '../style.js';
import type { ScenarioList, ScenarioRun, ShockDraft } from './types.js';

const SIGN_TEXT: Record<number, string> = { ...SIGN_SYMBOL, 0: '0' };

async function runScenario(body: unknown, token: string): Promise<ScenarioRun> {
  const response = await fetch('/api/scenarios/run', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as
    (ScenarioRun & { message?: string; field?: string }) | null;
  if (!response.ok)
    throw new ApiError(response.status, json?.message ?? `HTTP ${response.status}`, json?.field);
  return json as ScenarioRun;
}

function Blocs(props: { label: string; blocs: [string[], string[]]; frustration: number }) {
  return (
    <tr>
      <th>{props.label}</th>
      <td>{props.blocs[0].join(', ')}</td>
      <td>{props.blocs[1].join(', ')}</td>
      <td>{props.frustration}</td>
    </tr>
  );
}

function Result(props: { run: ScenarioRun; ctx: PanelContext }) {
  const r = props.run.result;
  return (
    <div data-testid="scenario-result">
      <p class="muted">
        {props.run.name}: {props.run.baseText}. Shocks: {r.shocks.join('; ') || 'none'}. Model{' '}
        {r.options.model}, {r.options.runs} runs.
      </p>
      <table class="blocs">
        <thead>
          <tr>
            <th />
            <th>bloc A</th>
            <th>bloc B</th>
            <th>frustration</th>
          </tr>
        </thead>
        <tbody>
          <Blocs label="before" blocs={r.before.blocs} frustration={r.before.frustrationIndex} />
          <Blocs label="after" blocs={r.after.blocs} frustration={r.after.frustrationIndex} />
          <Blocs
            label="no shock"
            blocs={r.withoutShock.blocs}
            frustration={r.withoutShock.frustrationIndex}
          />
        </tbody>
      </table>
      {r.expectations.length > 0 ? (
        <table data-testid="scenario-expectations">
          <thead>
            <tr>
              <th>the source argues</th>
              <th>with shock</th>
              <th>without</th>
            </tr>
          </thead>
          <tbody>
            {r.expectations.map((e) => (
              <tr key={e.expectation}>
                <td title={e.claim ?? ''}>{e.expectation}</td>
                <td>{e.withShock === null ? 'n/a' : e.withShock ? 'yes' : 'no'}</td>
                <td>{e.withoutShock === null ? 'n/a' : e.withoutShock ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>Changes ({r.changes.length})</h3>
      {r.changes.length === 0 ? <p>No edge flips or moves.</p> : null}
      <ul class="changes">
        {r.changes.map((c) => (
          <li
            key={`${c.source}-${c.target}`}
            data-testid="scenario-change"
            data-kind={c.kind}
            class={`change sign-${c.toSign < 0 ? 'neg' : 'pos'}`}
          >
            <button
              type="button"
              class="chip"
              onClick={() => props.ctx.openPair(c.source, c.target)}
            >
              {c.source}–{c.target}
            </button>{' '}
            {SIGN_TEXT[c.fromSign]} → {SIGN_TEXT[c.toSign]} <span class="kind">{c.kind}</span>{' '}
            <span class="probability">p {c.probability.toFixed(2)}</span>
            {c.alsoWithoutShock ? <span class="muted"> (also without the shock)</span> : null}
            <p class="because" data-testid="because">
              {c.because}
            </p>
            {c.drivers.length > 0 ? (
              <details>
                <summary>the triads and their quotes</summary>
                <ul>
                  {c.drivers.map((d) => (
                    <li key={d.via}>
                      via <strong>{d.via}</strong>:
                      {d.links.map((l) => (
                        <div key={`${l.source}-${l.target}`}>
                          {l.source}–{l.target} {SIGN_TEXT[l.sign]}
                          {l.imposed ? ' (imposed)' : l.baseWeight === null ? ' (predicted)' : ''}
                          {l.quotes.map((q) => (
                            <blockquote class="quote" key={q.relation}>
                              “{q.quote}”{' '}
                              <span class="muted">{q.document.title ?? q.document.path}</span>
                            </blockquote>
                          ))}
                        </div>
                      ))}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ScenarioPanel(ctx: PanelContext) {
  const [list, setList] = useState<ScenarioList | null>(null);
  const [chosen, setChosen] = useState('');
  const [shocks, setShocks] = useState<ShockDraft[]>([{ type: 'set', a: '', b: '', value: '0.8' }]);
  const [model, setModel] = useState('marvel');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<ScenarioRun | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getJson<ScenarioList>('/api/scenarios', controller.signal)
      .then(setList)
      .catch((e: Error) => e.name !== 'AbortError' && setError(e.message));
    return () => controller.abort();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = chosen
        ? { scenario: chosen, model }
        : {
            at: ctx.date,
            model,
            shocks: shocks.map((s) =>
              s.type === 'set'
                ? {
                    type: 'set',
                    pair: [s.a.trim().toUpperCase(), s.b.trim().toUpperCase()],
                    value: Number(s.value),
                  }
                : {
                    type: 'shift',
                    pair: [s.a.trim().toUpperCase(), s.b.trim().toUpperCase()],
                    by: Number(s.value),
                  },
            ),
          };
      setRun(await runScenario(body, token));
    } catch (e) {
      const err = e as ApiError;
      setError(
        err.status === 401 ? 'the server needs its write token to run a scenario' : err.message,
      );
    } finally {
      setBusy(false);
    }
  };

  const update = (i: number, patch: Partial<ShockDraft>) =>
    setShocks(shocks.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const picked = list?.items.find((s) => s.id === chosen);
  return (
    <section class="panel" data-testid="scenario-panel">
      <h2>Scenarios</h2>
      <form onSubmit={submit}>
        <label>
          scenario{' '}
          <select
            data-testid="scenario-select"
            value={chosen}
            onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
          >
            <option value="">my own shocks, on the network at {ctx.date}</option>
            {list?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {picked ? (
          <p class="muted">
            {picked.description ?? ''} Starts from{' '}
            {picked.base.at ?? `${picked.base.from ?? '…'} to ${picked.base.to ?? '…'}`}.
          </p>
        ) : (
          <div class="shocks">
            {shocks.map((s, i) => (
              <div key={i} class="shock">
                <select
                  aria-label="shock type"
                  value={s.type}
                  onChange={(e) =>
                    update(i, { type: (e.target as HTMLSelectElement).value as ShockDraft['type'] })
                  }
                >
                  <option value="set">set</option>
                  <option value="shift">shift</option>
                </select>
                <input
                  aria-label="first actor"
                  size={5}
                  placeholder="USA"
                  value={s.a}
                  onInput={(e) => update(i, { a: (e.target as HTMLInputElement).value })}
                />
                –
                <input
                  aria-label="second actor"
                  size={5}
                  placeholder="TAL"
                  value={s.b}
                  onInput={(e) => update(i, { b: (e.target as HTMLInputElement).value })}
                />
                <input
                  aria-label={s.type === 'set' ? 'value from −1 to 1' : 'shift from −2 to 2'}
                  type="number"
                  step="0.1"
                  min={s.type === 'set' ? -1 : -2}
                  max={s.type === 'set' ? 1 : 2}
                  value={s.value}
                  onInput={(e) => update(i, { value: (e.target as HTMLInputElement).value })}
                />
                <button
                  type="button"
                  class="link"
                  aria-label="remove this shock"
                  onClick={() => setShocks(shocks.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </div>
            ))}
            <button
              type="button"
              class="link"
              onClick={() => setShocks([...shocks, { type: 'set', a: '', b: '', value: '0.5' }])}
            >
              add a shock
            </button>
          </div>
        )}
        <label>
          model{' '}
          <select value={model} onChange={(e) => setModel((e.target as HTMLSelectElement).value)}>
            <option value="marvel">Marvel et al. (2011)</option>
            <option value="triads">triad dynamics (Antal et al. 2005)</option>
          </select>
        </label>{' '}
        <label>
          write token{' '}
          <input
            type="password"
            data-testid="scenario-token"
            autocomplete="off"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit" data-testid="scenario-run" disabled={busy}>
          {busy ? 'running…' : 'run'}
        </button>
      </form>
      {error ? (
        <p class="error" data-testid="scenario-error">
          {error}
        </p>
      ) : null}
      {run ? <Result run={run} ctx={ctx} /> : null}
    </section>
  );
}
