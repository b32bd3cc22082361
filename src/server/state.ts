/**
 * What one server process keeps: the open store, the knowledge base and
 * capability table, the evidence parsed once into an index, and results by
 * query key. Every write calls `invalidate()`: the next read rebuilds.
 */
import { evidenceSpan } from '../network/aggregate.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/actors.js';
import { type CapabilityTable, loadCapabilities } from '../network/capabilities.js';
import { type Db, openStore } from '../store/database.js';
import { DocumentStore } from '../store/documents.js';
import { RelationStore } from '../store/relations.js';
import { EvidenceIndex } from './network-index.js';

export interface EvidenceFilter {
  modality?: string;
  kind?: string;
}

/** Results kept per server (network, balance, timeline…); the oldest go first. */
export const CACHE_ENTRIES = 2000;

export class ServerState {
  readonly db: Db;
  readonly documents: DocumentStore;
  readonly relations: RelationStore;
  readonly kb: KnowledgeBase;
  readonly capabilities: CapabilityTable;
  private index: EvidenceIndex | null = null;
  private span: { first?: string; last?: string } | null = null;
  private kinds: Map<number, string> | null = null;
  private readonly results = new Map<string, unknown>();
  /** Bumped by every write, so a result computed before it is never cached after it. */
  generation = 0;
  /** Called after every invalidation (the server restarts its background precomputation). */
  onInvalidate: (() => void) | null = null;

  constructor(readonly storeFile: string) {
    this.db = openStore(storeFile);
    this.documents = new DocumentStore(this.db);
    this.relations = new RelationStore(this.db);
    this.kb = loadKnowledgeBase();
    this.capabilities = loadCapabilities({ kb: this.kb });
  }

  /** The store's evidence (duplicates left out), parsed once per generation. */
  evidence(): EvidenceIndex {
    this.index ??= new EvidenceIndex(this.relations.evidence());
    return this.index;
  }

  /** The evidence of one modality and/or kind only (the app's filters), indexed once per filter. */
  evidenceFor(filter: EvidenceFilter): EvidenceIndex {
    if (!filter.modality && !filter.kind) return this.evidence();
    return this.cached(`evidence:${filter.modality ?? ''}:${filter.kind ?? ''}`, () => {
      if (filter.kind && !this.kinds) {
        const rows = this.db.prepare('SELECT id, kind FROM relations').all() as {
          id: number;
          kind: string;
        }[];
        this.kinds = new Map(rows.map((r) => [r.id, r.kind]));
      }
      return new EvidenceIndex(
        this.evidence().relations.filter(
          (r) =>
            (!filter.modality || r.modality === filter.modality) &&
            (!filter.kind || this.kinds?.get(r.id) === filter.kind),
        ),
      );
    });
  }

  evidenceSpan(): { first?: string; last?: string } {
    this.span ??= evidenceSpan(this.evidence().relations);
    return this.span;
  }

  /** The cached value for `key`, else `make()` (promises are cached too, so concurrent misses share one computation). */
  cached<T>(key: string, make: () => T): T {
    if (this.results.has(key)) {
      const value = this.results.get(key) as T;
      // Refresh its place: the map's order is the eviction order.
      this.results.delete(key);
      this.results.set(key, value);
      return value;
    }
    const generation = this.generation;
    const value = make();
    if (generation === this.generation) {
      this.results.set(key, value);
      if (value instanceof Promise)
        value.catch(() => {
          if (this.results.get(key) === value) this.results.delete(key);
        });
      if (this.results.size > CACHE_ENTRIES) {
        const oldest = this.results.keys().next().value;
        if (oldest !== undefined) this.results.delete(oldest);
      }
    }
    return value;
  }

  /** After a write: drop the evidence and every result computed from it. */
  invalidate(): void {
    this.generation++;
    this.index = null;
    this.span = null;
    this.kinds = null;
    this.results.clear();
    this.onInvalidate?.();
  }

  close(): void {
    this.db.close();
  }
}
