/**
 * The one place that maps outcomes to exit codes (documented in README.md).
 */
import { InvalidDataError, NotFoundError, StoreError, UsageError } from '../domain/errors.js';

export const EXIT = {
  ok: 0,
  /** The work ran, but some inputs failed (each was named on stderr). */
  partial: 1,
  usage: 2,
  notFound: 3,
  invalidData: 4,
  store: 5,
  internal: 70,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof InvalidDataError) return EXIT.invalidData;
  if (error instanceof StoreError) return EXIT.store;
  return EXIT.internal;
}
