/**
 * GDELT 2.0 event records (GDELT Event Codebook V2.0): tab-separated, no
 * header, 61 columns in the codebook's order. Only the columns greatgame
 * uses are named here.
 */
import {
  checkDay,
  type EventActor,
  type EventRecord,
  optionalNumber,
  present,
  RowError,
} from './record.js';

export const GDELT_COLUMNS = 61;
const C = {
  id: 0,
  sqlDate: 1,
  actor1: 5, // Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3
  actor2: 15,
  eventCode: 26,
  quadClass: 29,
  goldstein: 30,
  numMentions: 31,
  avgTone: 34,
  dateAdded: 59,
  sourceUrl: 60,
} as const;

/** Where each cell of the line being read ends (a tab, or the line's end): reused, no per-line array. */
const ends = new Int32Array(GDELT_COLUMNS);
let current = '';

/** Cell i of the current line (only the few used are cut out of it). */
function cell(i: number): string {
  return current.slice(i === 0 ? 0 : (ends[i - 1] as number) + 1, ends[i]);
}

function actor(at: number): EventActor | null {
  const code = present(cell(at));
  const name = present(cell(at + 1));
  if (!code && !name) return null;
  const sectors: string[] = [];
  for (let i = at + 7; i <= at + 9; i++) {
    const s = present(cell(i));
    if (s !== null) sectors.push(s);
  }
  return {
    name: name ?? code ?? '',
    country: present(cell(at + 2)) ?? (code && code.length >= 3 ? code.slice(0, 3) : null),
    sectors,
    code: present(cell(at + 3)),
  };
}

/** Splits at tabs into `ends`; returns the number of cells. */
function split(line: string): number {
  let count = 0;
  for (let at = line.indexOf('\t'); at >= 0; at = line.indexOf('\t', at + 1)) {
    if (count < GDELT_COLUMNS) ends[count] = at;
    count++;
  }
  if (count < GDELT_COLUMNS) ends[count] = line.length;
  current = line;
  return count + 1;
}

const DIGITS = /^\d+$/;
const YYYYMMDD = /^\d{8}$/;
const CAMEO = /^\d{2,4}$/;
const ADDED = /^\d{8}/;
/** Days already checked (a file spans few): YYYYMMDD -> YYYY-MM-DD; bounded. */
const days = new Map<string, string>();

export function parseGdelt(line: string, lineNo: number): EventRecord {
  const found = split(line);
  if (found !== GDELT_COLUMNS)
    throw new RowError(
      'columns',
      `expected ${GDELT_COLUMNS} tab-separated columns (GDELT 2.0 events), found ${found}`,
    );
  const id = present(cell(C.id));
  if (!id || !DIGITS.test(id)) throw new RowError('GLOBALEVENTID', `"${id ?? ''}" is not an id`);
  const raw = cell(C.sqlDate).trim();
  let date = days.get(raw);
  if (date === undefined) {
    if (!YYYYMMDD.test(raw)) throw new RowError('SQLDATE', `"${raw.slice(0, 40)}" is not YYYYMMDD`);
    date = checkDay(`${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`, 'SQLDATE');
    if (days.size >= 100_000) days.clear();
    days.set(raw, date);
  }
  const cameo = present(cell(C.eventCode));
  if (!cameo || !CAMEO.test(cameo))
    throw new RowError('EventCode', `"${cameo ?? ''}" is not a CAMEO code`);
  const added = present(cell(C.dateAdded));
  const docDate =
    added && ADDED.test(added)
      ? `${added.slice(0, 4)}-${added.slice(4, 6)}-${added.slice(6, 8)}`
      : null;
  const url = present(cell(C.sourceUrl));
  const a1 = actor(C.actor1);
  const a2 = actor(C.actor2);
  return {
    line: lineNo,
    id,
    date,
    docDate,
    actor: a1,
    recipient: a2,
    cameo,
    plover: null,
    mode: null,
    context: [],
    intensity: optionalNumber(cell(C.goldstein), 'GoldsteinScale'),
    description: null,
    text: null,
    url,
    publisher: url ? hostOf(url) : null,
    story: null,
    sentence: null,
    extra: {
      quadClass: optionalNumber(cell(C.quadClass), 'QuadClass'),
      numMentions: optionalNumber(cell(C.numMentions), 'NumMentions'),
      avgTone: optionalNumber(cell(C.avgTone), 'AvgTone'),
    },
    modality: 'asserted',
    // GDELT repeats an event (same day, actors, code and article) under new ids.
    identity: url ? ['url', date, url] : ['id', id],
  };
}

/** The outlet of a URL ("www.dawn.com" -> "dawn.com"), the voice of a GDELT event. */
export function hostOf(url: string): string | null {
  const m = /^[a-z]+:\/\/([^/?#:]+)/i.exec(url);
  return m ? (m[1] as string).toLowerCase().replace(/^www\./, '') : null;
}
