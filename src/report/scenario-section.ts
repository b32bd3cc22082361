/**
 * The report's scenario section: for each scenario run, its shocks, the
 * blocs before, after and with no shock, every change with its probability
 * and the triads that drive it (with their quotes), and the realignments the
 * source argues for next to what the model reproduces. All text escaped.
 */
import type { Blocs } from '../simulate/run-scenario.js';
import type { ScenarioRun } from '../simulate/scenario-run.js';
import { num, text } from './html.js';

const SIGN = {
  1: '<span class="pos">+</span>',
  [-1]: '<span class="neg">−</span>',
  0: '0',
} as const;

function blocsRow(label: string, b: Blocs): string {
  const shares = b.power?.blocs.some((x) => x.capability > 0)
    ? b.power.blocs.map((x) => `${num(x.share * 100, 0)}%`).join(' / ')
    : 'n/a';
  return `<tr><th>${label}</th><td>${b.blocs[0].map((id) => text(id, 16)).join(', ')}</td><td>${b.blocs[1]
    .map((id) => text(id, 16))
    .join(', ')}</td><td>${num(b.frustrationIndex, 0)}</td><td>${shares}</td></tr>`;
}

function quotes(
  list: readonly { quote: string; document: { path: string }; date: string | null }[] | undefined,
): string {
  return (list ?? [])
    .map(
      (q) =>
        `<div class="quote">“${text(q.quote, 300)}”</div><div class="muted"><code>${text(q.document.path, 160)}</code>${q.date ? `, ${text(q.date, 20)}` : ''}</div>`,
    )
    .join('');
}

function yesNo(v: boolean | null): string {
  return v === null ? '<span class="muted">n/a</span>' : v ? 'yes' : 'no';
}

function scenarioBlock(run: ScenarioRun): string {
  const r = run.result;
  const changes = r.changes
    .slice(0, 20)
    .map((c) => {
      const drivers = c.drivers
        .map(
          (d) =>
            `<li>via ${text(d.via, 16)}: ${d.links
              .map(
                (l) =>
                  `${text(l.source, 16)}–${text(l.target, 16)} ${SIGN[l.sign]}${l.imposed ? ' (imposed)' : l.baseWeight === null ? ' (predicted)' : ''}${quotes(l.quotes)}`,
              )
              .join('; ')}</li>`,
        )
        .join('');
      return `<div class="triad"><strong>${text(c.source, 16)}–${text(c.target, 16)}</strong> ${SIGN[c.fromSign]} → ${SIGN[c.toSign]}, ${text(c.kind, 10)}, probability ${num(c.probability, 2)}${c.alsoWithoutShock ? ' <span class="muted">(also without the shock)</span>' : ''}
<p>${text(c.because, 600)}</p>${drivers ? `<ul>${drivers}</ul>` : ''}</div>`;
    })
    .join('\n');
  const expectations = r.expectations.length
    ? `<table><thead><tr><th>the source argues</th><th>with the shock</th><th>without</th></tr></thead><tbody>${r.expectations
        .map(
          (e) =>
            `<tr><td>${text(e.expectation, 200)}${e.claim ? `<div class="muted">${text(e.claim, 300)}</div>` : ''}</td><td>${yesNo(e.withShock)}</td><td>${yesNo(e.withoutShock)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<article class="scenario"><h3>${text(run.name, 200)}</h3>
<p class="muted">${text(run.baseText, 300)}${run.arguedBy ? ` — argued by ${text(run.arguedBy.author ?? 'an unnamed author', 80)}, “${text(run.arguedBy.title, 200)}”${run.arguedBy.date ? `, ${text(run.arguedBy.date, 20)}` : ''}` : ''}</p>
<p>Shocks: ${r.shocks.map((s) => text(s, 120)).join('; ')}. Model ${text(r.options.model, 10)}, ${num(r.options.runs, 0)} runs, seed ${num(r.options.seed, 0)}.</p>
<table><thead><tr><th></th><th>bloc 1</th><th>bloc 2</th><th>frustration</th><th>power</th></tr></thead><tbody>
${blocsRow('before', r.before)}${blocsRow('after', r.after)}${blocsRow('no shock', r.withoutShock)}
</tbody></table>
${expectations}
${changes || '<p>No edge flips or moves.</p>'}
<p class="muted">Differs from the no-shock run on ${num(r.differences.length, 0)} pair(s).</p>
</article>`;
}

export function scenariosSection(runs: readonly ScenarioRun[]): string {
  if (runs.length === 0) return '';
  return `<section id="scenarios"><h2>Scenarios</h2>
<p class="muted">Each scenario shocks the network and runs a balance model many times; a probability is the share of runs that gave the result. A change is explained by the triads that push it (structural balance: the friend of a friend is a friend, the enemy of a friend an enemy).</p>
${runs.map(scenarioBlock).join('\n')}
</section>`;
}
