import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FolderScanLimits, ImageEntry, ProjectSummary, RecoveryInfo } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import { probeImage } from '../imaging/probeImage.js';
import { ProjectStore } from '../store/projectStore.js';
import { listSnapshots, restoreFile, snapshotDue } from '../store/snapshots.js';
import { dataDir } from './dataDir.js';
import { folderLabel } from './imageFolder.js';
import { MAX_SCAN_DEPTH, MAX_SCAN_FILES, scanImageFolder } from './scanFolder.js';

export const DEFAULT_CATEGORY = 'pedestrian';

/** The project database that belongs to an image folder. */
export function projectDbPathFor(folder: string): string {
  const abs = resolve(folder);
  const slug =
    basename(abs)
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .slice(0, 40) || 'project';
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  return join(dataDir(), 'projects', `${slug}-${hash}.pedlab`);
}

/** Holds the open project, if any, and opens folders into projects. */
export class ProjectService {
  private current: ProjectStore | null = null;
  private damaged: RecoveryInfo | null = null;
  private scanned: FolderScanLimits | undefined;

  get store(): ProjectStore {
    if (!this.current) throw new PedlabError('no-project', 'No project is open. Open a folder of images first.');
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  /**
   * Opens (or creates) the project for a folder and brings its image list up to date with the image files in it and
   * its subfolders. With `refuseEmpty`, a folder without a project that holds no image file is refused, and no
   * project is made for it (an import, which brings its own images, opens one without).
   */
  async openFolder(folder: string, { refuseEmpty = false } = {}): Promise<ProjectSummary> {
    const abs = resolve(folder);
    const info = await stat(abs).catch(() => null);
    if (!info) throw new PedlabError('folder-missing', `Folder not found: ${abs}`);
    if (!info.isDirectory()) throw new PedlabError('not-a-folder', `Not a folder: ${abs}`);
    const scan = await scanImageFolder(abs);
    if (refuseEmpty && scan.files.length === 0 && !existsSync(projectDbPathFor(abs))) {
      throw new PedlabError(
        'folder-empty',
        `No PNG or JPEG images in ${abs}, nor in its subfolders down to ${MAX_SCAN_DEPTH} levels${scan.foldersTooDeep ? ` (${scan.foldersTooDeep} folders lie deeper)` : ''}: no project was made. Open the folder that holds the images.`,
      );
    }
    const store = this.openStore(abs);
    try {
      if (!store.meta.get('folder')) {
        store.meta.set('folder', abs);
        store.meta.set('name', basename(abs));
        store.categories.ensure(DEFAULT_CATEGORY);
      } else if (snapshotDue(store.path)) {
        await store.snapshot().catch((err: unknown) => console.warn(`[pedlab] no snapshot taken: ${(err as Error).message}`));
      }
      await this.syncImages(store, abs, scan.files);
    } catch (err) {
      store.close();
      throw err;
    }
    this.close();
    this.current = store;
    this.damaged = null;
    this.scanned = { skippedFiles: scan.skippedFiles, foldersTooDeep: scan.foldersTooDeep, maxFiles: MAX_SCAN_FILES, maxDepth: MAX_SCAN_DEPTH };
    return this.summary()!;
  }

  /** Opens a folder's database after an integrity check; a damaged one is reported with its snapshots, untouched. */
  private openStore(folder: string): ProjectStore {
    const dbPath = projectDbPathFor(folder);
    try {
      return ProjectStore.open(dbPath, { checkIntegrity: true });
    } catch (err) {
      if (!(err instanceof PedlabError) || err.code !== 'store-damaged') throw err;
      const snapshots = listSnapshots(dbPath).map(({ name, takenAt, bytes }) => ({ name, takenAt, bytes }));
      this.damaged = { folder, dbPath, problem: err.message, snapshots };
      const offer = snapshots.length
        ? ` The last snapshot, from ${snapshots[0].takenAt}, can be restored (in the app, or with \`pedlab restore --project ${folder}\`).`
        : ' There is no snapshot of it to restore.';
      throw new PedlabError('store-damaged', err.message + offer);
    }
  }

  /** The damaged database the last open refused, with the snapshots that could replace it. */
  recovery(): RecoveryInfo | null {
    return this.damaged;
  }

  /** Puts one of a folder's snapshots in place of its database (the old file is kept aside), then opens it. */
  async restore(folder: string, snapshot: string): Promise<ProjectSummary> {
    const abs = resolve(folder);
    const dbPath = projectDbPathFor(abs);
    const chosen = listSnapshots(dbPath).find((s) => s.name === snapshot);
    if (!chosen) throw new PedlabError('snapshot-unknown', `No snapshot "${snapshot}" for ${abs}.`);
    if (this.current?.path === dbPath) this.close();
    restoreFile(dbPath, chosen.path);
    return this.openFolder(abs);
  }

  /** Lists the scanned files, and forgets images inside the folder whose file is gone and that hold no annotations. */
  private async syncImages(store: ProjectStore, folder: string, files: readonly string[]): Promise<void> {
    const scanned = new Set(files);
    for (const image of store.images.all()) {
      if (image.path.startsWith(folder) && !scanned.has(image.path) && !existsSync(image.path) && store.annotations.forImage(image.id).length === 0) {
        store.images.remove(image.id);
      }
    }
    for (const path of files) {
      const known = store.images.byPath(path);
      const probe = await probeImage(path);
      if (known && known.sha256 === probe.sha256 && known.error === probe.error) continue;
      store.images.upsert(
        {
          path,
          fileName: basename(path),
          sha256: probe.sha256,
          width: probe.width,
          height: probe.height,
          orientation: probe.orientation,
          error: probe.error,
        },
        probe.thumbnail,
      );
    }
  }

  /** The open project's image list, each image's folder named as `folderLabel` names it. */
  imageEntries(): ImageEntry[] {
    const folder = this.store.meta.get('folder') ?? '';
    return this.store.images.entries((path) => folderLabel(folder, path));
  }

  summary(): ProjectSummary | null {
    if (!this.current) return null;
    const store = this.current;
    const counts = store.images.counts();
    return {
      name: store.meta.get('name') ?? basename(store.path),
      folder: store.meta.get('folder') ?? '',
      dbPath: store.path,
      imageCount: counts.images,
      errorCount: counts.errors,
      ...(this.scanned && { scan: this.scanned }),
    };
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.scanned = undefined;
  }
}
