/**
 * Schema migrations, in order; the N-th entry takes the store to version N.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: string[] = [
  // 1: inputs (files, pages), their original bytes, and the documents read from them.
  `
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    size INTEGER NOT NULL
  );

  -- One row per file or URL read; input_hash covers the bytes, the manifest
  -- row and the ingest version, so an unchanged input is skipped.
  CREATE TABLE inputs (
    location TEXT PRIMARY KEY,
    raw_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    encoding TEXT NOT NULL,
    media_type TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX inputs_raw_sha256 ON inputs(raw_sha256);

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    location TEXT NOT NULL REFERENCES inputs(location),
    file TEXT NOT NULL,
    entry INTEGER,
    title TEXT,
    author TEXT,
    date TEXT,
    date_basis TEXT,
    source TEXT,
    url TEXT,
    language TEXT NOT NULL,
    language_supported INTEGER NOT NULL,
    text TEXT NOT NULL,
    offset_map TEXT NOT NULL,
    raw_start INTEGER NOT NULL,
    raw_end INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    minhash BLOB NOT NULL,
    duplicate_of INTEGER REFERENCES documents(id),
    notes TEXT NOT NULL,
    warnings TEXT NOT NULL,
    ingest_version INTEGER NOT NULL
  );
  CREATE INDEX documents_location ON documents(location);
  CREATE INDEX documents_content_hash ON documents(content_hash);
  CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
  CREATE INDEX documents_date ON documents(date);

  -- MinHash LSH band keys: documents sharing a key are near-duplicate candidates.
  CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, document_id)
  ) WITHOUT ROWID;
  CREATE INDEX lsh_bands_document ON lsh_bands(document_id);
  `,
  // 2: what extraction finds in each document: actor mentions and relations.
  `
  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    surface TEXT NOT NULL,
    actor TEXT NOT NULL,
    sector TEXT,
    via TEXT NOT NULL,
    person TEXT
  );
  CREATE INDEX mentions_document ON mentions(document_id);
  CREATE INDEX mentions_actor ON mentions(actor);

  CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    polarity INTEGER NOT NULL CHECK (polarity IN (-1, 1)),
    kind TEXT NOT NULL,
    modality TEXT NOT NULL CHECK (modality IN ('asserted', 'reported', 'hypothetical', 'negated')),
    date TEXT,
    doc_date TEXT,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    rule TEXT NOT NULL,
    symmetric INTEGER NOT NULL,
    extractor_version TEXT NOT NULL
  );
  CREATE INDEX relations_document ON relations(document_id);
  CREATE INDEX relations_pair ON relations(source, target);
  CREATE INDEX relations_date ON relations(date);

  -- Which extractor, knowledge base and lexicon produced a document's relations.
  CREATE TABLE extractions (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    skipped TEXT
  );
  `,
  // 3: forecasts are derived from hypothetical relations on the fly; what a
  // user decides about one is kept here, by a key that survives re-extraction.
  `
  CREATE TABLE forecast_resolutions (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL CHECK (outcome IN ('hit', 'miss', 'void')),
    note TEXT,
    resolved_at TEXT NOT NULL
  );
  `,
  // 4: live sources (issue #7): followed feeds and Mastodon tags, the items
  // already seen from each (so a poll stores only new ones), and the HTTP
  // validators (ETag, Last-Modified) of fetched URLs for conditional requests.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('feed', 'mastodon')),
    url TEXT NOT NULL,
    tag TEXT NOT NULL DEFAULT '',
    token TEXT,
    config TEXT NOT NULL DEFAULT '{}',
    cursor TEXT,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_poll_at TEXT,
    last_ok_at TEXT,
    last_error TEXT,
    last_new INTEGER NOT NULL DEFAULT 0,
    last_unchanged INTEGER NOT NULL DEFAULT 0,
    last_failed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, url, tag)
  );

  CREATE TABLE source_items (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    location TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source_id, key)
  ) WITHOUT ROWID;

  CREATE TABLE http_cache (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
  );
  `,
  // 5: imported event data (ICEWS, GDELT, PLOVER; issue #8). Relations gain
  // the dataset they came from (NULL: extracted by greatgame), the event id,
  // a key that makes the same event delivered twice one row, a voice (the
  // publisher) and the dataset's own fields as JSON; polarity 0 marks events
  // with no cooperative or hostile meaning. SQLite cannot alter a CHECK, so
  // the table is rebuilt with the same ids. One document row per imported
  // file (event_files) carries the relations.
  `
  CREATE TABLE relations_v5 (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    polarity INTEGER NOT NULL CHECK (polarity IN (-1, 0, 1)),
    kind TEXT NOT NULL,
    modality TEXT NOT NULL CHECK (modality IN ('asserted', 'reported', 'hypothetical', 'negated')),
    date TEXT,
    doc_date TEXT,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    rule TEXT NOT NULL,
    symmetric INTEGER NOT NULL,
    extractor_version TEXT NOT NULL,
    dataset TEXT,
    event_id TEXT,
    event_key TEXT,
    voice TEXT,
    event TEXT,
    CHECK ((dataset IS NULL) = (event_key IS NULL)),
    CHECK (polarity != 0 OR dataset IS NOT NULL)
  );
  INSERT INTO relations_v5 (id, document_id, source, target, polarity, kind, modality, date, doc_date,
    quote, start, end, sentence_start, sentence_end, trigger, rule, symmetric, extractor_version)
  SELECT id, document_id, source, target, polarity, kind, modality, date, doc_date,
    quote, start, end, sentence_start, sentence_end, trigger, rule, symmetric, extractor_version
  FROM relations;
  DROP TABLE relations;
  ALTER TABLE relations_v5 RENAME TO relations;
  CREATE INDEX relations_document ON relations(document_id);
  CREATE INDEX relations_pair ON relations(source, target);
  CREATE INDEX relations_date ON relations(date);
  CREATE UNIQUE INDEX relations_event ON relations(dataset, event_key) WHERE dataset IS NOT NULL;

  CREATE TABLE event_files (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    dataset TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  );
  `,
];
