/**
 * Error classes by category (after graphology): the message names the thing
 * at fault; the CLI maps the category to an exit code in one place.
 */
export class GreatgameError extends Error {
  override name = 'GreatgameError';
}

/** The user asked for something malformed (bad flag, bad value). */
export class UsageError extends GreatgameError {
  override name = 'UsageError';
}

/** A named thing (document, actor, file) does not exist. */
export class NotFoundError extends GreatgameError {
  override name = 'NotFoundError';
}

/** A data file (manifest, pattern file, user file) is malformed. */
export class InvalidDataError extends GreatgameError {
  override name = 'InvalidDataError';
}

/** The store cannot be opened or written. */
export class StoreError extends GreatgameError {
  override name = 'StoreError';
}

/** One input could not be read; the rest of the work goes on. */
export class InputError extends GreatgameError {
  override name = 'InputError';
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
  }
}
