import { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';

/** Prints a report's HTML to PDF in a hidden window that runs no script (the report needs none). */
export async function electronPrintPdf(htmlPath: string, pdfPath: string): Promise<void> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadFile(htmlPath);
    const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    await writeFile(pdfPath, pdf);
  } finally {
    window.destroy();
  }
}
