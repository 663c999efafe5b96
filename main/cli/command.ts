/** One `pedlab <command>`: its line in the overview and what it runs; the exit code is what `run` returns. */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}
