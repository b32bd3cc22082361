/**
 * Resolves the actors of event datasets to knowledge-base ids, never by
 * guessing: a greatgame id or known-group code; else the whole name as the
 * knowledge base spells an actor, institution or person (date-scoped, so
 * "Afghanistan" is TAL after 15 August 2021 as in text); else the country
 * in "Role (Country)"; else the dataset's country field; else the name as a
 * country. Countries go through the knowledge base first, then every
 * sovereign state (src/knowledge/states.ts). The sector comes from the role
 * or the dataset's sector names, mapped to the knowledge base's tags.
 */
import {
  type KnowledgeBase,
  pointInTime,
  type SurfaceForm,
  withinWindow,
} from '../knowledge/actors.js';
import { foldName, type StateIndex } from '../knowledge/states.js';
import type { EventActorTables } from './mapping.js';
import type { EventActor } from './record.js';

export interface ResolvedActor {
  id: string;
  sector: string | null;
  /** The dataset's role name, lower case ("police"), when it gives one. */
  role: string | null;
}

const ROLE_COUNTRY = /^(.+?)\s*\(([^()]+)\)$/;
/** Resolutions remembered (a file repeats few actors); cleared when full, so memory stays flat. */
const CACHE_LIMIT = 50_000;

export class EventActorResolver {
  private readonly exact = new Map<string, SurfaceForm[]>();
  private readonly folded = new Map<string, SurfaceForm[]>();
  private readonly sectors = new Map<string, string>();
  private readonly cache = new Map<string, ResolvedActor | null>();
  /** Set while resolving when a date-scoped form was considered: the day then matters. */
  private scoped = false;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly states: StateIndex,
    private readonly tables: EventActorTables,
  ) {
    for (const form of kb.forms) {
      if (form.kind !== 'alias' && form.kind !== 'institution' && form.kind !== 'person') continue;
      push(this.exact, form.text, form);
      // Short forms ("IS", "RAW") are case-sensitive in the knowledge base.
      if (form.text.length >= 5) push(this.folded, foldName(form.text), form);
    }
    for (const [name, sector] of Object.entries(tables.sectors))
      this.sectors.set(foldName(name), sector);
  }

  /** Is this a known actor id (the knowledge base or a sovereign state)? */
  known(id: string): boolean {
    return this.kb.actors.has(id) || this.states.states.has(id);
  }

  resolve(actor: EventActor, date: string): ResolvedActor | null {
    // Most names resolve the same whatever the day: cached without it; the
    // few date-scoped ones ("Afghanistan") are cached per day.
    const key = `${actor.name}\u0000${actor.country ?? ''}\u0000${actor.code ?? ''}\u0000${actor.sectors.join(',')}`;
    const hit = this.cache.get(key) ?? this.cache.get(`${key}\u0000${date}`);
    if (hit !== undefined) return hit;
    this.scoped = false;
    const result = this.resolveUncached(actor, pointInTime(date));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(this.scoped ? `${key}\u0000${date}` : key, result);
    return result;
  }

  private resolveUncached(actor: EventActor, day: string): ResolvedActor | null {
    const m = ROLE_COUNTRY.exec(actor.name);
    const role = m ? (m[1] as string) : null;
    const sector =
      (role ? this.sectors.get(foldName(role)) : undefined) ??
      actor.sectors.map((s) => this.sectors.get(foldName(s))).find((s) => s !== undefined) ??
      null;
    const done = (id: string | undefined, formSector: string | null = null) =>
      id ? { id, sector: formSector ?? sector, role: role ? role.toLowerCase() : null } : null;

    if (actor.code) {
      if (this.known(actor.code)) return done(actor.code);
      const group = this.tables.groups[actor.code];
      if (group) return done(group);
    }
    const form = this.form(actor.name, day);
    if (form) return done(form.actor, form.kind === 'institution' ? form.sector : null);
    if (m) {
      const inner = this.country(m[2] as string, day) ?? this.form(m[2] as string, day)?.actor;
      if (inner) return done(inner);
    }
    if (actor.country) {
      const id = this.country(actor.country, day);
      if (id) return done(id);
    }
    return done(this.country(actor.name, day));
  }

  /** A whole name as the knowledge base spells an actor, valid on the day. */
  private form(name: string, day: string): SurfaceForm | undefined {
    const candidates = this.exact.get(name) ?? this.folded.get(foldName(name)) ?? [];
    if (candidates.some((f) => f.from !== null || f.to !== null)) this.scoped = true;
    return candidates.find((f) => f.actor && withinWindow(day, f.from, f.to));
  }

  /** A country name or code -> actor id, read as the knowledge base reads the name on that day. */
  private country(text: string, day: string): string | undefined {
    const extra = this.tables.countries[text];
    const id = extra ?? this.states.lookup(text);
    if (!id) {
      const form = this.form(text, day);
      return form && this.kb.actors.get(form.actor)?.type === 'state' ? form.actor : undefined;
    }
    // "AFG" after 15 August 2021 is read as "Afghanistan" is: TAL (see actors.yaml).
    const common = this.states.commonName(id);
    const scoped = common ? this.form(common, day) : undefined;
    return scoped?.actor ?? id;
  }
}

function push(map: Map<string, SurfaceForm[]>, key: string, form: SurfaceForm): void {
  const list = map.get(key);
  if (list) list.push(form);
  else map.set(key, [form]);
}
