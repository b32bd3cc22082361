/**
 * The actor knowledge base: actors with their names, metonyms, demonyms,
 * hyphen prefixes and institutions, and people with date-scoped roles. It
 * is data (data/knowledge/actors.yaml); a user file given with --actors adds
 * actors and people or overrides those with the same id / name.
 */
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../config/paths.js';
import { loadYamlFile } from './load-yaml.js';

const IsoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'));

const Sector = z.string().min(1);

/** A surface form: a bare string, or with a sector and a validity window. */
const Term = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    sector: Sector.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  }),
]);

export const ActorType = z.enum(['state', 'armed_group', 'organisation', 'movement']);

const ActorSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/, 'an id of 2–12 capital letters, digits or _'),
  name: z.string().min(1),
  type: ActorType,
  cow: z.number().int().positive().optional(),
  aliases: z.array(Term).default([]),
  metonyms: z.array(Term).default([]),
  demonyms: z.array(Term).default([]),
  prefixes: z.array(Term).default([]),
  institutions: z.array(Term).default([]),
  notes: z.string().optional(),
});

const RoleSchema = z.object({
  actor: z.string().min(1),
  title: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

const PersonSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  roles: z.array(RoleSchema).min(1),
});

export const KnowledgeFileSchema = z.object({
  actors: z.array(ActorSchema).default([]),
  people: z.array(PersonSchema).default([]),
  /** Names that contain an actor's name but are not the actor ("South China Sea", "Washington Post"). */
  ignore: z.array(z.string().min(1)).default([]),
});

export type ActorRecord = z.infer<typeof ActorSchema>;
export type PersonRecord = z.infer<typeof PersonSchema>;
export type TermInput = z.infer<typeof Term>;

export type TermKind =
  'alias' | 'metonym' | 'demonym' | 'prefix' | 'institution' | 'person' | 'ignore' | 'coreference';

/** One way of naming an actor, valid in a window of time. */
export interface SurfaceForm {
  text: string;
  actor: string;
  kind: TermKind;
  sector: string | null;
  /** Inclusive start and exclusive end (ISO dates), or null for open. */
  from: string | null;
  to: string | null;
  /** For people: whom the form names. */
  person: string | null;
}

export interface KnowledgeBase {
  actors: Map<string, ActorRecord>;
  people: PersonRecord[];
  forms: SurfaceForm[];
  /** Files it was read from, for reports. */
  sources: string[];
}

export const DEFAULT_ACTORS_FILE = path.join(DATA_DIR, 'knowledge', 'actors.yaml');

let cached: KnowledgeBase | undefined;

/** The bundled knowledge base, plus a user's file when given. */
export function loadKnowledgeBase(userFile?: string): KnowledgeBase {
  if (!userFile && cached) return cached;
  const base = loadYamlFile(DEFAULT_ACTORS_FILE, KnowledgeFileSchema);
  const files = [DEFAULT_ACTORS_FILE];
  const actors = new Map(base.actors.map((a) => [a.id, a]));
  const people = new Map(base.people.map((p) => [p.name, p]));
  const ignore = new Set(base.ignore);
  if (userFile) {
    const extra = loadYamlFile(userFile, KnowledgeFileSchema);
    for (const actor of extra.actors) actors.set(actor.id, actor);
    for (const person of extra.people) people.set(person.name, person);
    for (const name of extra.ignore) ignore.add(name);
    files.push(userFile);
  }
  const kb = build(actors, [...people.values()], [...ignore], files);
  if (!userFile) cached = kb;
  return kb;
}

function build(
  actors: Map<string, ActorRecord>,
  people: PersonRecord[],
  ignore: string[],
  sources: string[],
): KnowledgeBase {
  const forms: SurfaceForm[] = ignore.map((text) => ({
    text,
    actor: '',
    kind: 'ignore',
    sector: null,
    from: null,
    to: null,
    person: null,
  }));
  const add = (term: TermInput, actor: string, kind: TermKind, person: string | null = null) => {
    const t = typeof term === 'string' ? { text: term } : term;
    forms.push({
      text: t.text,
      actor,
      kind,
      sector: 'sector' in t ? (t.sector ?? null) : null,
      from: 'from' in t ? (t.from ?? null) : null,
      to: 'to' in t ? (t.to ?? null) : null,
      person,
    });
  };
  for (const actor of actors.values()) {
    add(actor.name, actor.id, 'alias');
    for (const t of actor.aliases) add(t, actor.id, 'alias');
    for (const t of actor.metonyms) add(t, actor.id, 'metonym');
    for (const t of actor.demonyms) add(t, actor.id, 'demonym');
    for (const t of actor.prefixes) add(t, actor.id, 'prefix');
    for (const t of actor.institutions) add(t, actor.id, 'institution');
  }
  for (const person of people) {
    for (const role of person.roles) {
      if (!actors.has(role.actor)) continue; // reported by validateKnowledgeBase
      for (const alias of new Set([person.name, ...person.aliases])) {
        forms.push({
          text: alias,
          actor: role.actor,
          kind: 'person',
          sector: role.title ?? null,
          from: role.from ?? null,
          to: role.to ?? null,
          person: person.name,
        });
      }
    }
  }
  return { actors, people, forms, sources };
}

/** Roles that name an actor the base does not hold, as messages. */
export function validateKnowledgeBase(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const person of kb.people) {
    for (const role of person.roles) {
      if (!kb.actors.has(role.actor))
        problems.push(`${person.name}: role names unknown actor ${role.actor}`);
    }
  }
  return problems;
}

/**
 * The day a (possibly partial) date stands for when resolving names: the
 * middle of a month or year, so "2021-08" falls on 2021-08-15. An undated
 * document is read as of today.
 */
export function pointInTime(
  date: string | null,
  today = new Date().toISOString().slice(0, 10),
): string {
  if (!date) return today;
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  return date.slice(0, 10);
}

/** Is the day inside [from, to)? Partial bounds mean their first day. */
export function withinWindow(day: string, from: string | null, to: string | null): boolean {
  const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  return (!from || day >= start(from)) && (!to || day < start(to));
}
