/**
 * Colours: the Okabe–Ito palette, readable by colour-blind readers; signs
 * are also told apart by line style (solid +, dashed −) and by symbol.
 */
export const SIGN_COLOUR = { 1: '#0072B2', [-1]: '#D55E00' } as Record<number, string>;
export const SIGN_SYMBOL = { 1: '+', [-1]: '−' } as Record<number, string>;
export const SIGN_WORD = { 1: 'cooperation', [-1]: 'conflict' } as Record<number, string>;

export const TYPE_COLOUR: Record<string, string> = {
  state: '#3b4f7a',
  armed_group: '#9e3d6b',
  organisation: '#4f7a28',
  movement: '#a0700b',
};
export const UNKNOWN_TYPE_COLOUR = '#777777';

/** Bloc shading behind the nodes. */
export const BLOC_SHADE = ['rgba(86, 180, 233, 0.22)', 'rgba(240, 228, 66, 0.32)'];
export const BLOC_NAME = ['bloc A', 'bloc B'];

/** Node size from material capability (CINC): area grows with it; non-states a small fixed size. */
export function nodeSize(capability: number | null | undefined): number {
  return capability ? 5 + 38 * Math.sqrt(capability) : 5;
}

export function signed(weight: number): string {
  return `${weight > 0 ? '+' : '−'}${Math.abs(weight).toFixed(2)}`;
}
