/** Actor ids → what the app draws: name, type and, for states, a capability figure. */
import type { CapabilityFigure } from '../network/capabilities.js';
import type { ServerState } from './state.js';

export interface ApiNode {
  id: string;
  name: string;
  type: string | null;
  capability: CapabilityFigure | null;
}

export function describeNode(state: ServerState, id: string, date: string): ApiNode {
  const actor = state.kb.actors.get(id);
  return {
    id,
    name: actor?.name ?? id,
    type: actor?.type ?? null,
    capability: state.capabilities.capabilityOf(id, date),
  };
}

/** The date a network stands for: its window's end, else today. */
export function referenceDate(window: { to: string | null }): string {
  return window.to ?? new Date().toISOString().slice(0, 10);
}
