/**
 * The time slider asks for the network at month ends (`at=YYYY-MM`). After
 * start and after each write, the server computes those answers in the
 * background, a month at a time between requests, so moving the slider
 * never waits for the network code. Off with `greatgame serve --no-precompute`.
 */
import { networkJson, networkOptions } from './routes/network.js';
import type { ServerState } from './state.js';

function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  m = m || 1;
  while (y < ly || (y === ly && m <= (lm || 12))) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Where the evidence gets going (the slider's start): the year by which 5% of
 * the dated relations have begun. A single mention of 1893 should not
 * stretch the slider over a century.
 */
export function denseStart(state: ServerState): string | null {
  return state.cached('dense-start', () => {
    const dates = state
      .evidence()
      .relations.map((r) => r.date ?? r.docDate)
      .filter((d): d is string => d !== null)
      .sort();
    return dates[Math.floor(dates.length * 0.05)]?.slice(0, 4) ?? null;
  });
}

/** Month ends from the slider's start to the last date of the evidence. */
export function sliderMonths(state: ServerState): string[] {
  const { last } = state.evidenceSpan();
  const dense = denseStart(state);
  return dense && last ? months(`${dense}-01`, last.slice(0, 7)) : [];
}

/**
 * Computes the default network (observed layer, no filter) at every month
 * end, yielding to requests between months. Stops when the store changes
 * (the next run starts over) or `stopped()` says so; resolves to the count.
 */
export async function precomputeMonths(
  state: ServerState,
  stopped: () => boolean,
): Promise<number> {
  const generation = state.generation;
  const list = sliderMonths(state).reverse(); // the latest first: the app opens there
  let done = 0;
  for (const at of list) {
    if (stopped() || state.generation !== generation) break;
    networkJson(state, networkOptions({ at, layer: 'observed' }));
    done++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}
