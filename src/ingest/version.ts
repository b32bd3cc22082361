/** Bumped when a change to the ingest stage changes what it stores. */
export const INGEST_VERSION = 1;
