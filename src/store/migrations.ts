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
];
