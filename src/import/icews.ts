/**
 * ICEWS Coded Event Data (Boschee et al., Harvard Dataverse,
 * doi:10.7910/DVN/28075): tab-separated, one event a row, with a header
 * naming the columns (Event ID, Event Date, Source Name, Source Sectors,
 * Source Country, Event Text, CAMEO Code, Intensity, Target …). Columns are
 * found by their header names, so files with extra or reordered columns read.
 */
import { checkDay, type EventRecord, optionalNumber, present, RowError } from './record.js';

const REQUIRED = [
  'Event ID',
  'Event Date',
  'Source Name',
  'Source Country',
  'CAMEO Code',
  'Target Name',
  'Target Country',
] as const;

export type IcewsColumns = Map<string, number>;

/** Reads the header; throws naming the missing columns. */
export function icewsHeader(line: string): IcewsColumns {
  const columns = new Map(line.split('\t').map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0)
    throw new RowError('header', `not an ICEWS header: missing ${missing.join(', ')}`);
  return columns;
}

export function parseIcews(line: string, lineNo: number, columns: IcewsColumns): EventRecord {
  const cells = line.split('\t');
  if (cells.length < columns.size)
    throw new RowError(
      'columns',
      `expected ${columns.size} tab-separated columns, found ${cells.length}`,
    );
  const get = (name: string) => {
    const i = columns.get(name);
    return i === undefined ? undefined : cells[i];
  };
  const id = present(get('Event ID'));
  if (!id) throw new RowError('Event ID', 'missing');
  const date = checkDay(get('Event Date')?.trim() ?? '', 'Event Date');
  const cameo = present(get('CAMEO Code'));
  if (!cameo || !/^\d{2,4}$/.test(cameo))
    throw new RowError('CAMEO Code', `"${cameo ?? ''}" is not a CAMEO code`);
  const actor = (prefix: 'Source' | 'Target') => {
    const name = present(get(`${prefix} Name`));
    if (!name) return null;
    return {
      name,
      country: present(get(`${prefix} Country`)),
      sectors: (present(get(`${prefix} Sectors`)) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      code: null,
    };
  };
  const story = present(get('Story ID'));
  const sentence = optionalNumber(get('Sentence Number'), 'Sentence Number');
  return {
    line: lineNo,
    id,
    date,
    docDate: date,
    actor: actor('Source'),
    recipient: actor('Target'),
    cameo,
    plover: null,
    mode: null,
    context: [],
    intensity: optionalNumber(get('Intensity'), 'Intensity'),
    description: present(get('Event Text')),
    text: null,
    url: null,
    publisher: present(get('Publisher')),
    story,
    sentence,
    extra: {},
    modality: 'asserted',
    identity: story && sentence !== null ? ['story', story, String(sentence)] : ['id', id],
  };
}
