import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupCommand } from '../../../main/cli/commands/backupCommand.js';
import { compareCommand } from '../../../main/cli/commands/compareCommand.js';
import { evalCommand } from '../../../main/cli/commands/evalCommand.js';
import { exportCommand } from '../../../main/cli/commands/exportCommand.js';
import { importCommand } from '../../../main/cli/commands/importCommand.js';
import { inferCommand } from '../../../main/cli/commands/inferCommand.js';
import { reportCommand } from '../../../main/cli/commands/reportCommand.js';
import { restoreCommand } from '../../../main/cli/commands/restoreCommand.js';
import { segmentCommand } from '../../../main/cli/commands/segmentCommand.js';
import { serveCommand } from '../../../main/cli/commands/serveCommand.js';
import { startCommand } from '../../../main/cli/commands/startCommand.js';
import type { Command } from '../../../main/cli/command.js';

const commands: Record<string, Command> = {
  backup: backupCommand,
  compare: compareCommand,
  eval: evalCommand,
  export: exportCommand,
  import: importCommand,
  infer: inferCommand,
  report: reportCommand,
  restore: restoreCommand,
  segment: segmentCommand,
  serve: serveCommand,
  start: startCommand,
};

async function run(command: Command, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await command.run(args);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('every command reads its options the same way', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [name, command] of Object.entries(commands)) {
    describe(`pedlab ${name}`, () => {
      it('refuses an unknown option with exit 2 and its usage on stderr', async () => {
        const result = await run(command, ['--no-such-option']);
        expect(result.code).toBe(2);
        expect(result.err).toContain(`pedlab ${name}: `);
        expect(result.err).toContain('--no-such-option');
        expect(result.err).toContain(`usage: pedlab ${name}`);
        expect(result.out).toBe('');
      });

      it('prints its usage for --help and -h with exit 0', async () => {
        for (const flag of ['--help', '-h']) {
          const result = await run(command, [flag]);
          expect(result.code).toBe(0);
          expect(result.out).toContain(`usage: pedlab ${name}`);
          expect(result.err).toBe('');
        }
      });
    });
  }

  it('refuses a bad option value with exit 2 and the usage', async () => {
    const cases: [string, string[]][] = [
      ['infer', ['--model', 'm.onnx', '--images', 'x', '--out', 'o.json', '--threads', 'many']],
      ['infer', ['--model', 'm.onnx', '--images', 'x', '--out', 'o.json', '--score-threshold', '2']],
      ['report', ['folder', '--models', 'a', 'b', '--iou', 'x']],
      ['segment', ['--coco', 'gt.json', '--out', 'o.json']],
      ['segment', ['--model', 'm.onnx', '--coco', 'gt.json']],
      ['segment', ['--model', 'm.onnx', '--project', 'folder', '--out', 'o.json']],
      ['serve', ['--port', 'x']],
      ['serve', ['stray']],
      ['start', ['stray']],
    ];
    for (const [name, args] of cases) {
      const result = await run(commands[name], args);
      expect(result.code, `${name} ${args.join(' ')}`).toBe(2);
      expect(result.err).toContain(`usage: pedlab ${name}`);
    }
  });
});
