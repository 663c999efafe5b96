import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/**
 * Reads a command's options the same way for every command: a malformed line prints the error and the help
 * (exit 2), `--help` prints the help (exit 0). Returns the parsed options, or the exit code.
 */
export function parseCommand<O extends ParseArgsOptionsConfig>(name: string, argv: string[], options: O, help: string): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    return usageError(name, (err as Error).message, help);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    return 0;
  }
  return parsed;
}

/** Prints what is wrong with the command line, then the help; the exit code for it. */
export function usageError(name: string, problem: string, help: string): number {
  console.error(`pedlab ${name}: ${problem}\n\n${help}`);
  return 2;
}
