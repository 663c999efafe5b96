import { CocoFormatError } from './validate.js';

/** A source file that cannot be read; the message names the file and the offending record. */
export class FormatError extends Error {
  override name = 'FormatError';
}

export function failIn(source: string, where: string, message: string): never {
  throw new FormatError(where ? `${source}: ${where}: ${message}` : `${source}: ${message}`);
}

/** Runs a COCO parser on what `source` holds: its error, which names the record, then names the file too. */
export function parsedFrom<T>(source: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof CocoFormatError) throw new FormatError(`${source}: ${err.message}`);
    throw err;
  }
}
