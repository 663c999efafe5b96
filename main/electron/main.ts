import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { channels } from '../../core/ipc/channels.js';
import { dispatch } from '../ipc/dispatch.js';
import { launchServices, rendererDir } from '../launch.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';
import type { Services } from '../services.js';
import { readStatic } from '../webHost/staticFiles.js';
import { appRoot } from '../version.js';

const APP_ORIGIN = 'pedlab://app';

protocol.registerSchemesAsPrivileged([
  { scheme: 'pedlab', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function projectArgument(): string | undefined {
  const i = process.argv.indexOf('--project');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Only the app's own page may call the contract. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** pedlab://app/… serves the built renderer; pedlab://image/ID and pedlab://thumb/ID serve only images the store knows. */
function registerProtocol(services: Services): void {
  protocol.handle('pedlab', async (request) => {
    const url = new URL(request.url);
    try {
      if (url.host === 'app') {
        const file = await readStatic(rendererDir(), url.pathname === '/' ? '/index.html' : url.pathname);
        if (!file) return text(404, 'not found');
        return new Response(new Uint8Array(file.body), {
          headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
        });
      }
      const id = /^\/(\d+)$/.exec(url.pathname)?.[1];
      if (!id) return text(404, 'not found');
      if (url.host === 'thumb') return new Response(new Uint8Array(services.thumbnail(Number(id))), { headers: { 'content-type': 'image/jpeg' } });
      if (url.host === 'image') {
        const image = await services.image(Number(id));
        return new Response(new Uint8Array(image.bytes), { headers: { 'content-type': image.mime } });
      }
      return text(404, 'not found');
    } catch (err) {
      return text(404, err instanceof Error ? err.message : String(err));
    }
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function createWindow(): Promise<void> {
  let window: BrowserWindow | null = null;
  const services = await launchServices('electron', projectArgument(), {
    pickFolder: async () => {
      const options = { properties: ['openDirectory' as const], title: 'Open a folder of images' };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerProtocol(services);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      return dispatch(services.handlers, channel, payload);
    });
  }
  window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Pedlab',
    backgroundColor: '#1b1d22',
    webPreferences: {
      preload: join(appRoot(), 'dist', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  app.on('will-quit', () => services.close());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(
  () => {
    lockDown();
    return createWindow();
  },
).catch((err: unknown) => {
  dialog.showErrorBox('Pedlab could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
