/**
 * Every sovereign state, for resolving the country names and codes of event
 * datasets (ICEWS, GDELT, PLOVER). Data: the npm package world-countries
 * 5.1.0 (mledoze/countries, ODbL-1.0): ISO 3166 alpha-2/alpha-3/numeric
 * codes, IOC codes, common and official names, alternative spellings.
 * A state counts as sovereign when the package marks it independent or a UN
 * member, plus Palestine and Kosovo (widely recognised, coded by the
 * datasets). States the knowledge base already holds keep its record (and
 * its date-scoped names); the others get a plain record here. Text
 * extraction does not read this: its gazetteer is data/knowledge/actors.yaml.
 */
import { createRequire } from 'node:module';
import type { ActorRecord, KnowledgeBase } from './actors.js';

interface CountryData {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  ccn3: string;
  cioc?: string;
  independent: boolean | null;
  unMember: boolean;
  altSpellings: string[];
}

/** Recognised by most states and coded by the datasets, though not UN members. */
const ALSO_SOVEREIGN = new Set(['PSE', 'UNK']);

export const STATES_SOURCE = 'world-countries 5.1.0 (ODbL-1.0)';

export interface StateIndex {
  /** Sovereign states by alpha-3 id: the knowledge base's record where it has one. */
  states: Map<string, ActorRecord>;
  /** A country name, code (alpha-2, alpha-3, numeric, IOC) or spelling -> alpha-3 id. */
  lookup(nameOrCode: string): string | undefined;
  /** The plain English name of a state ("Afghanistan"), for date-scoped look-ups. */
  commonName(id: string): string | undefined;
}

let countries: CountryData[] | undefined;

function loadCountries(): CountryData[] {
  countries ??= createRequire(import.meta.url)('world-countries/countries.json') as CountryData[];
  return countries;
}

/** Lower case, accents and punctuation folded: "Côte d'Ivoire" = "cote divoire". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Sovereign states, with extra names (dataset spellings) given as name -> alpha-3. */
export function buildStateIndex(
  kb: KnowledgeBase,
  extraNames: Record<string, string> = {},
): StateIndex {
  const states = new Map<string, ActorRecord>();
  const names = new Map<string, string>();
  const codes = new Map<string, string>();
  const common = new Map<string, string>();
  for (const c of loadCountries()) {
    if (!(c.independent === true || c.unMember || ALSO_SOVEREIGN.has(c.cca3))) continue;
    const known = kb.actors.get(c.cca3);
    states.set(
      c.cca3,
      known ?? {
        id: c.cca3,
        name: c.name.common,
        type: 'state',
        aliases: [c.name.official],
        metonyms: [],
        demonyms: [],
        prefixes: [],
        institutions: [],
        notes: `from ${STATES_SOURCE}`,
      },
    );
    common.set(c.cca3, c.name.common);
    for (const code of [c.cca2, c.cca3, c.ccn3, c.cioc])
      if (code) codes.set(code.toUpperCase(), c.cca3);
    for (const name of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (name.length > 3) names.set(foldName(name), c.cca3);
    }
  }
  // The knowledge base's own states (Taiwan) and spellings come last: they win.
  for (const actor of kb.actors.values()) {
    if (actor.type !== 'state') continue;
    states.set(actor.id, actor);
    codes.set(actor.id, actor.id);
    names.set(foldName(actor.name), actor.id);
  }
  for (const [name, id] of Object.entries(extraNames)) names.set(foldName(name), id);
  return {
    states,
    lookup(nameOrCode: string) {
      const text = nameOrCode.trim();
      if (!text) return undefined;
      if (/^[A-Z0-9]{2,3}$/.test(text)) {
        const id = codes.get(text);
        if (id) return id;
      }
      return names.get(foldName(text));
    },
    commonName: (id) => common.get(id),
  };
}

const indexes = new WeakMap<KnowledgeBase, StateIndex>();

/** The state index of a knowledge base, built once. */
export function statesOf(kb: KnowledgeBase): StateIndex {
  let index = indexes.get(kb);
  if (!index) {
    index = buildStateIndex(kb);
    indexes.set(kb, index);
  }
  return index;
}
