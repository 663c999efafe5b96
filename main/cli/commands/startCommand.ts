import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';
import { chromiumBinary } from '../../chromium.js';
import { launchServices, rendererDir } from '../../launch.js';
import { dataDir } from '../../project/dataDir.js';
import { appRoot } from '../../version.js';
import { writeLaunchPage } from '../../webHost/launchPage.js';
import { startWebHost } from '../../webHost/webHost.js';
import { waitForSignal } from './serveCommand.js';
import { electronBinary, installElectronRuntime } from '../electronRuntime.js';

const HELP = `usage: pedlab start [--project FOLDER] [--web]

Starts the desktop app when the Electron runtime is installed (fetching it once if it can); otherwise serves the
same app on 127.0.0.1 and opens it in Chromium's app mode, or prints its URL when no Chromium (or no display) is
available. --web skips Electron.`;

/** The Electron binary, fetched on first use when the network allows; null with the reason printed otherwise. */
function desktopRuntime(): string | null {
  const present = electronBinary();
  if (present || process.env.PEDLAB_NO_ELECTRON_DOWNLOAD) return present;
  console.log('pedlab: fetching the Electron runtime (first start only)…');
  const failure = installElectronRuntime();
  if (failure) console.log(`pedlab: the Electron runtime could not be fetched (${failure})`);
  return electronBinary();
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

export const startCommand: Command = {
  summary: 'start the app: Electron when installed, else the web host in Chromium app mode',
  async run(argv) {
    const parsed = parseCommand('start', argv, { project: { type: 'string' }, web: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, HELP);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length > 0) return usageError('start', `unexpected argument "${positionals[0]}"`, HELP);
    const electron = values.web ? null : desktopRuntime();
    if (electron) {
      console.log(`pedlab: desktop mode (Electron at ${electron})`);
      const args = [appRoot(), ...(values.project ? ['--project', values.project] : [])];
      const child = spawn(electron, args, { stdio: 'inherit' });
      return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
    }

    const services = await launchServices('web', values.project);
    const host = await startWebHost({ services, rendererDir: rendererDir() });
    const project = services.projects.summary();
    const opened = project ? ` with project "${project.name}" (${project.imageCount} images)` : '';
    const chromium = chromiumBinary();
    if (chromium && hasDisplay()) {
      console.log(`pedlab: browser mode: the Electron runtime is not installed, so Pedlab runs in Chromium app mode${opened}`);
      const profile = join(dataDir(), 'chromium-profile');
      mkdirSync(profile, { recursive: true });
      const launchPage = writeLaunchPage(join(dataDir(), 'launch'), host.port, host.launchUrl());
      const flags = [
        `--app=${launchPage.url}`,
        `--user-data-dir=${profile}`,
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ];
      const child = spawn(chromium, flags, { stdio: 'ignore' });
      await Promise.race([new Promise((resolve) => child.on('exit', resolve)), waitForSignal()]);
      child.kill();
      launchPage.remove();
    } else {
      const why = chromium ? 'no Electron runtime and no display' : 'neither the Electron runtime nor Chromium is installed';
      console.log(`pedlab: web mode (${why})${opened}. Open this URL in a browser (it works once):\n${host.launchUrl()}`);
      await waitForSignal();
    }
    await host.close();
    await services.close();
    return 0;
  },
};
