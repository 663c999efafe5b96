/** A source file that cannot be read; the message names the file and the offending record. */
export class FormatError extends Error {
  override name = 'FormatError';
}

export function failIn(source: string, where: string, message: string): never {
  throw new FormatError(where ? `${source}: ${where}: ${message}` : `${source}: ${message}`);
}
