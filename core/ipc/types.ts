/** Data shapes that cross the IPC boundary. Geometry is in image pixels, COCO style. */

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  version: string;
  host: HostKind;
  /** The host can show a native folder picker (Electron); the web host asks for a typed path instead. */
  canPickFolder: boolean;
}

export interface ProjectSummary {
  name: string;
  /** The folder whose images make up the project. */
  folder: string;
  /** The project's SQLite file. */
  dbPath: string;
  imageCount: number;
  /** Images that could not be read; they stay listed with their error. */
  errorCount: number;
}

export interface ImageEntry {
  id: number;
  fileName: string;
  /** Upright size (after EXIF orientation); null when the file could not be read. */
  width: number | null;
  height: number | null;
  sha256: string | null;
  /** Why the file cannot be shown, in words; null when it is fine. */
  error: string | null;
  annotationCount: number;
}

export interface Category {
  id: number;
  name: string;
}

export interface Annotation {
  id: number;
  imageId: number;
  categoryId: number;
  /** [x, y, w, h] in image pixels. */
  bbox: [number, number, number, number];
  area: number;
  iscrowd: boolean;
  /** Compressed COCO RLE counts of the instance mask, with size [height, width]; null when there is no mask. */
  mask: { size: [number, number]; counts: string } | null;
}

/** What every channel answers: a value, or an error the UI can show as it is. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
