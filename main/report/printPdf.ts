import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumBinary } from '../chromium.js';
import { PedlabError } from '../errors.js';

/** Prints an HTML file to PDF; the Electron host passes its own (webContents.printToPDF). */
export type PdfPrinter = (htmlPath: string, pdfPath: string) => Promise<void>;

const TIMEOUT_MS = 120_000;

/** Prints with headless Chromium (--print-to-pdf), in a throwaway profile, without header and footer. */
export const chromiumPdf: PdfPrinter = async (htmlPath, pdfPath) => {
  const chromium = chromiumBinary();
  if (!chromium) throw new PedlabError('pdf-unavailable', 'A PDF needs Chromium, which is not installed (set PEDLAB_CHROMIUM to its path).');
  await rm(pdfPath, { force: true });
  const profile = await mkdtemp(join(tmpdir(), 'pedlab-pdf-'));
  const args = [
    '--headless',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-pdf-header-footer',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
  try {
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
      child.on('error', reject);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(err);
      });
    });
    const written = await stat(pdfPath).catch(() => null);
    if (!written?.size) throw new PedlabError('pdf-failed', `Chromium did not write ${pdfPath}: ${stderr.trim().split('\n').pop() ?? ''}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
};
