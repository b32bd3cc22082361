/**
 * The data tables of event import: CAMEO code -> PLOVER type -> greatgame
 * kind and polarity (data/event-data/cameo-plover.yaml), and how datasets
 * name countries, groups and sectors (data/event-data/actors.yaml).
 */
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../config/paths.js';
import { InvalidDataError } from '../domain/errors.js';
import { COOPERATIVE_KINDS, HOSTILE_KINDS } from '../domain/relation.js';
import { loadYamlFile } from '../knowledge/load-yaml.js';

export const CAMEO_PLOVER_FILE = path.join(DATA_DIR, 'event-data', 'cameo-plover.yaml');
export const EVENT_ACTORS_FILE = path.join(DATA_DIR, 'event-data', 'actors.yaml');

const Code = z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits');
const PloverType = z.string().regex(/^[A-Z][A-Z_-]*$/, 'an upper-case PLOVER type');

const MappingSchema = z.object({
  cameo: z.record(
    Code,
    z.object({
      plover: PloverType,
      mode: z.string().min(1).optional(),
      context: z.string().min(1).optional(),
    }),
  ),
  symmetric: z.array(Code).default([]),
  plover: z.record(
    PloverType,
    z.object({ kind: PloverType, polarity: z.union([z.literal(-1), z.literal(0), z.literal(1)]) }),
  ),
});

const ActorsSchema = z.object({
  countries: z.record(z.string().min(1), z.string().regex(/^[A-Z]{3}$/, 'an ISO alpha-3 code')),
  groups: z.record(z.string().min(1), z.string().min(1)),
  sectors: z.record(z.string().min(1), z.string().min(1)),
});

export type EventActorTables = z.infer<typeof ActorsSchema>;

/** What an event means for the network. */
export interface EventMeaning {
  plover: string;
  kind: string;
  /** 0: kept, but with no cooperative or hostile sign. */
  polarity: -1 | 0 | 1;
  mode: string | null;
  context: string | null;
  symmetric: boolean;
}

export interface EventMapping {
  /** By CAMEO code (longest listed prefix), or undefined when no prefix is listed. */
  cameo(code: string): EventMeaning | undefined;
  /** By PLOVER type, or undefined when the type is unknown. */
  plover(type: string): EventMeaning | undefined;
  file: string;
}

let cachedMapping: EventMapping | undefined;

export function loadEventMapping(): EventMapping {
  if (cachedMapping) return cachedMapping;
  const data = loadYamlFile(CAMEO_PLOVER_FILE, MappingSchema);
  const signed: Record<string, number> = {};
  for (const k of COOPERATIVE_KINDS) signed[k] = 1;
  for (const k of HOSTILE_KINDS) signed[k] = -1;
  // A signed kind must be one of greatgame's with that sign: checked once here.
  for (const [type, { kind, polarity }] of Object.entries(data.plover)) {
    if (polarity !== 0 && signed[kind] !== polarity)
      throw new InvalidDataError(
        `${CAMEO_PLOVER_FILE}: plover.${type}: kind ${kind} with polarity ${polarity} is not a greatgame kind of that sign`,
      );
  }
  for (const [code, entry] of Object.entries(data.cameo)) {
    if (!data.plover[entry.plover])
      throw new InvalidDataError(
        `${CAMEO_PLOVER_FILE}: cameo.${code}: PLOVER type ${entry.plover} is not listed under plover`,
      );
  }
  const symmetric = new Set(data.symmetric);
  const memo = new Map<string, EventMeaning | undefined>();
  cachedMapping = {
    file: CAMEO_PLOVER_FILE,
    cameo(code) {
      if (memo.has(code)) return memo.get(code);
      let meaning: EventMeaning | undefined;
      for (let n = Math.min(code.length, 4); n >= 2 && !meaning; n--) {
        const entry = data.cameo[code.slice(0, n)];
        if (!entry) continue;
        const target = data.plover[entry.plover] as { kind: string; polarity: -1 | 0 | 1 };
        meaning = {
          plover: entry.plover,
          kind: target.kind,
          polarity: target.polarity,
          mode: entry.mode ?? null,
          context: entry.context ?? null,
          symmetric: symmetric.has(code),
        };
      }
      memo.set(code, meaning);
      return meaning;
    },
    plover(type) {
      const target = data.plover[type];
      if (!target) return undefined;
      return { plover: type, ...target, mode: null, context: null, symmetric: false };
    },
  };
  return cachedMapping;
}

let cachedActors: EventActorTables | undefined;

export function loadEventActorTables(): EventActorTables {
  cachedActors ??= loadYamlFile(EVENT_ACTORS_FILE, ActorsSchema);
  return cachedActors;
}
