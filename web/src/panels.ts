/**
 * Extra panels in the side column, one tab each. A feature that lives in
 * its own module (the scenario panel, the forecasts list) adds itself here:
 *
 *   import { ScenarioPanel } from './scenarios/ScenarioPanel.js';
 *   export const extraPanels: PanelDefinition[] = [
 *     { id: 'scenarios', title: 'Scenarios', component: ScenarioPanel },
 *   ];
 *
 * The component receives the shared context below: the date on the slider,
 * the filters, and callbacks to open an edge, an actor or a document.
 */
import type { ComponentType } from 'preact';
import { ForecastsPanel } from './forecasts/ForecastsPanel.js';
import { ScenarioPanel } from './scenarios/ScenarioPanel.js';
import type { Filters, Relation } from './types.js';

export interface PanelContext {
  date: string;
  filters: Filters;
  openPair: (a: string, b: string) => void;
  openActor: (id: string) => void;
  openRelation: (r: Relation) => void;
  /** Move the slider to a date (YYYY-MM or YYYY-MM-DD). */
  setDate: (date: string) => void;
}

export interface PanelDefinition {
  id: string;
  title: string;
  component: ComponentType<PanelContext>;
}

export const extraPanels: PanelDefinition[] = [
  { id: 'scenarios', title: 'Scenarios', component: ScenarioPanel },
  { id: 'forecasts', title: 'Forecasts', component: ForecastsPanel },
];
