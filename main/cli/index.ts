import type { Command } from './command.js';
import { backupCommand } from './commands/backupCommand.js';
import { compareCommand } from './commands/compareCommand.js';
import { evalCommand } from './commands/evalCommand.js';
import { exportCommand } from './commands/exportCommand.js';
import { importCommand } from './commands/importCommand.js';
import { inferCommand } from './commands/inferCommand.js';
import { reportCommand } from './commands/reportCommand.js';
import { restoreCommand } from './commands/restoreCommand.js';
import { segmentCommand } from './commands/segmentCommand.js';
import { serveCommand } from './commands/serveCommand.js';
import { startCommand } from './commands/startCommand.js';

const commands: Record<string, Command> = {
  start: startCommand,
  serve: serveCommand,
  eval: evalCommand,
  compare: compareCommand,
  infer: inferCommand,
  segment: segmentCommand,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  pedlab ${name.padEnd(8)} ${c.summary}`);
  return ['usage: pedlab <command> [options]', '', ...lines, '', 'pedlab <command> --help shows its options.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`pedlab: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    console.error(`pedlab ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
