/**
 * The SQL conditions that select relations (by actor, pair, date window,
 * modality, kind, sign, quote text, ids, document), shared by the CLI's
 * relation store and the HTTP API so both read a filter the same way.
 * Expects the relations as `r` joined to their documents as `d`.
 */

export interface RelationConditions {
  actor?: string | undefined;
  pair?: readonly [string, string] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  modality?: string | undefined;
  kind?: string | undefined;
  polarity?: number | undefined;
  /** Text the quote contains. */
  q?: string | undefined;
  /** Relation ids (from the program, never raw client text). */
  ids?: readonly number[] | undefined;
  documentId?: number | undefined;
  /** Keep relations found in duplicate documents (default: leave them out). */
  withDuplicates?: boolean | undefined;
}

/** LIKE pattern for text containing `q`, with % _ and \ taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function relationConditions(filter: RelationConditions): {
  where: string[];
  params: Record<string, unknown>;
} {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.actor) {
    where.push('(r.source = @actor OR r.target = @actor)');
    params.actor = filter.actor;
  }
  if (filter.pair) {
    where.push('((r.source = @a AND r.target = @b) OR (r.source = @b AND r.target = @a))');
    params.a = filter.pair[0];
    params.b = filter.pair[1];
  }
  // A partial date ("2021") is an interval: it overlaps [from, to] when it
  // ends after `from` and starts before `to`.
  if (filter.from) {
    where.push("COALESCE(r.date, '9999') || 'z' >= @from");
    params.from = filter.from;
  }
  if (filter.to) {
    where.push("COALESCE(r.date, '0000') <= @to || 'z'");
    params.to = filter.to;
  }
  if (filter.modality) {
    where.push('r.modality = @modality');
    params.modality = filter.modality;
  }
  if (filter.kind) {
    where.push('r.kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.polarity) {
    where.push('r.polarity = @polarity');
    params.polarity = filter.polarity;
  }
  if (filter.q) {
    where.push("r.quote LIKE @q ESCAPE '\\'");
    params.q = likePattern(filter.q);
  }
  if (filter.ids) {
    where.push(`r.id IN (${filter.ids.map((id) => Math.trunc(id)).join(',') || 'NULL'})`);
  }
  if (filter.documentId !== undefined) {
    where.push('r.document_id = @documentId');
    params.documentId = filter.documentId;
  }
  if (!filter.withDuplicates) where.push('d.duplicate_of IS NULL');
  return { where, params };
}
