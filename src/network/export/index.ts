/** Exporters of the signed network: CSV, GEXF 1.3 (static and dynamic), GraphML. */
export * from './csv.js';
export * from './gexf.js';
export * from './graphml.js';
export * from './nodes.js';
export { escapeAttr, escapeText } from './xml.js';
