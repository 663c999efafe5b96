import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { channels } from '../../core/ipc/channels.js';
import type { PathPurpose } from '../../core/ipc/types.js';
import { dispatch } from '../ipc/dispatch.js';
import { launchServices, rendererDir } from '../launch.js';
import type { Services } from '../services.js';
import { appRoot } from '../version.js';
import { APP_ORIGIN, answerProtocol, isAppUrl } from './appProtocol.js';
import { electronPrintPdf } from './electronPdf.js';

protocol.registerSchemesAsPrivileged([{ scheme: 'pedlab', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Every renderer runs sandboxed, whatever a window's options say.
app.enableSandbox();

function projectArgument(): string | undefined {
  const i = process.argv.indexOf('--project');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Only the app's own page, in its top frame, may call the contract. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

const DIALOGS: Record<PathPurpose, { title: string; save?: boolean; folder?: boolean; filters?: FileFilter[] }> = {
  'project-folder': { title: 'Open a folder of images', folder: true },
  'import-file': { title: 'Choose the file to import' },
  'import-folder': { title: 'Choose the folder to import', folder: true },
  'model-file': { title: 'Choose an ONNX model', filters: [{ name: 'ONNX models', extensions: ['onnx'] }] },
  'export-file': { title: 'Export to', save: true, filters: [{ name: 'COCO JSON', extensions: ['json'] }] },
  'export-folder': { title: 'Choose the folder to export to', folder: true },
  'report-folder': { title: 'Choose the report folder', folder: true },
};

/** The main process's own dialogs: the only source of the paths the renderer may use. */
async function pickPath(window: BrowserWindow | null, purpose: PathPurpose): Promise<string | null> {
  const { title, save, folder, filters } = DIALOGS[purpose];
  if (save) {
    const result = window ? await dialog.showSaveDialog(window, { title, filters }) : await dialog.showSaveDialog({ title, filters });
    return result.canceled ? null : (result.filePath ?? null);
  }
  const properties: ('openDirectory' | 'openFile' | 'createDirectory')[] = folder ? ['openDirectory', 'createDirectory'] : ['openFile'];
  const options = { title, properties, filters };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Opens a report Pedlab wrote (the services pass only those) in the desktop's viewer for its kind. */
async function openFile(path: string): Promise<void> {
  const problem = await shell.openPath(path);
  if (problem) throw new Error(`The report could not be opened: ${problem}`);
}

function registerProtocol(services: Services): void {
  protocol.handle('pedlab', async (request) => {
    const reply = await answerProtocol(request.url, request.method, services, rendererDir());
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function createWindow(): Promise<void> {
  let window: BrowserWindow | null = null;
  const services = await launchServices('electron', projectArgument(), {
    pickPath: (purpose) => pickPath(window, purpose),
    printPdf: electronPrintPdf,
    openFile,
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
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  app.on('will-quit', () => services.close());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app
  .whenReady()
  .then(() => {
    lockDown();
    return createWindow();
  })
  .catch((err: unknown) => {
    dialog.showErrorBox('Pedlab could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
