import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';
import { launchServices, rendererDir } from '../../launch.js';
import { startWebHost } from '../../webHost/webHost.js';

const HELP = `usage: pedlab serve [--port N] [--project FOLDER]

Starts the web host alone on 127.0.0.1 and prints a URL that opens it on the first line. The URL
carries a one-time launch code: once a page has used it, it is void.
Without --project it opens the last project, or the bundled sample on first run.`;

export const serveCommand: Command = {
  summary: 'serve the app on 127.0.0.1 for a browser (prints a one-time launch URL first)',
  async run(argv) {
    const parsed = parseCommand('serve', argv, { port: { type: 'string' }, project: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, HELP);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length > 0) return usageError('serve', `unexpected argument "${positionals[0]}"`, HELP);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError('serve', `--port must be a port number, got "${values.port}"`, HELP);
    const services = await launchServices('web', values.project);
    const host = await startWebHost({ services, rendererDir: rendererDir(), port });
    console.log(host.launchUrl());
    const project = services.projects.summary();
    console.error(`pedlab: serving ${project ? `project "${project.name}" (${project.imageCount} images)` : 'no project'}; Ctrl+C stops`);
    await waitForSignal();
    await host.close();
    await services.close();
    return 0;
  },
};

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
