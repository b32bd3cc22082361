/**
 * PLOVER / POLECAT events as JSON lines (PLOVER manual, Open Event Data
 * Alliance): one object a line with id, date, actor, recipient, event, mode,
 * context and optional intensity, text, url, publisher, story_id, sentence.
 * Actors may be a name, or an object {name, country, sector, code}; POLECAT's
 * flat actor_country / recipient_country are read too. greatgame's own
 * export puts the modality in the context ("modality:reported"), which is
 * read back so a PLOVER export re-imports to the same relations.
 */
import { MODALITIES, type Modality } from '../domain/relation.js';
import { checkDay, type EventActor, type EventRecord, RowError } from './record.js';

export const MODALITY_CONTEXT = 'modality:';

function str(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new RowError(field, 'not a string');
  return value.trim() || null;
}

function ploverActor(value: unknown, country: unknown, field: string): EventActor | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string')
    return {
      name: value.trim(),
      country: str(country, `${field}_country`),
      sectors: [],
      code: null,
    };
  if (typeof value !== 'object' || Array.isArray(value))
    throw new RowError(field, 'not a name or an object with a name');
  const o = value as Record<string, unknown>;
  const name = str(o.name, `${field}.name`);
  const code = str(o.code, `${field}.code`);
  if (!name && !code) throw new RowError(field, 'has neither name nor code');
  const sector = o.sector ?? o.sectors;
  return {
    name: name ?? code ?? '',
    country: str(o.country, `${field}.country`) ?? str(country, `${field}_country`),
    sectors: Array.isArray(sector) ? sector.map(String) : sector ? [String(sector)] : [],
    code,
  };
}

export function parsePlover(line: string, lineNo: number): EventRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RowError('json', (error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RowError('json', 'not an object');
  const o = value as Record<string, unknown>;
  const id = str(o.id ?? o.event_id, 'id');
  if (!id) throw new RowError('id', 'missing');
  // greatgame's own exports may carry a partial date (a year, a month).
  const rawDate = str(o.date ?? o.event_date, 'date') ?? '';
  const date = /^\d{4}(-\d{2})?$/.test(rawDate) ? rawDate : checkDay(rawDate, 'date');
  const plover = str(o.event ?? o.event_type, 'event')?.toUpperCase() ?? null;
  if (!plover) throw new RowError('event', 'missing');
  const rawContext = o.context ?? o.contexts;
  const context = (
    Array.isArray(rawContext)
      ? rawContext.map(String)
      : typeof rawContext === 'string'
        ? rawContext.split(/[;,]/)
        : []
  )
    .map((c) => c.trim())
    .filter(Boolean);
  let modality: Modality = 'asserted';
  for (const c of context) {
    if (!c.startsWith(MODALITY_CONTEXT)) continue;
    const m = c.slice(MODALITY_CONTEXT.length);
    if (!MODALITIES.includes(m as Modality))
      throw new RowError('context', `"${c}": not one of ${MODALITIES.join(', ')}`);
    modality = m as Modality;
  }
  const intensity = o.intensity ?? o.event_intensity;
  if (intensity !== undefined && intensity !== null && typeof intensity !== 'number')
    throw new RowError('intensity', 'not a number');
  const sentence = o.sentence;
  if (sentence !== undefined && sentence !== null && !Number.isInteger(sentence))
    throw new RowError('sentence', 'not a whole number');
  const publication = str(o.publication_date ?? o.story_date, 'publication_date');
  return {
    line: lineNo,
    id,
    date,
    docDate: publication ? checkDay(publication.slice(0, 10), 'publication_date') : date,
    actor: ploverActor(o.actor, o.actor_country, 'actor'),
    recipient: ploverActor(o.recipient, o.recipient_country, 'recipient'),
    cameo: str(o.cameo, 'cameo'),
    plover,
    mode: str(o.mode ?? o.event_mode, 'mode'),
    context: context.filter((c) => !c.startsWith(MODALITY_CONTEXT)),
    intensity: (intensity as number | null | undefined) ?? null,
    description: null,
    text: str(o.text, 'text'),
    url: str(o.url, 'url'),
    publisher: str(o.publisher, 'publisher'),
    story: str(o.story_id, 'story_id'),
    sentence: (sentence as number | null | undefined) ?? null,
    extra: {},
    modality,
    symmetric: o.symmetric === true,
    identity: ['id', id],
  };
}
