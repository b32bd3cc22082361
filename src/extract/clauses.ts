/** Words and marks that end a clause, for the relation rules and modality scopes. */
export const CLAUSE_BREAK = new Set([
  ';',
  ':',
  '—',
  '–',
  'but',
  'whereas',
  'while',
  'although',
  'though',
  'yet',
  'however',
]);
