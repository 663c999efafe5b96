import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { failIn } from '../../core/formats/formatError.js';
import { probeImage, type ProbeResult } from '../imaging/probeImage.js';
import { notRegularFile } from '../security/boundedRead.js';
import { IMAGE_EXTENSIONS } from '../project/scanFolder.js';
import type { StoredImage } from '../store/imagesRepository.js';
import type { ProjectStore } from '../store/projectStore.js';

/** A source's image matched to the project: a known image, a file new to the project, or a file that is missing. */
export interface ResolvedImage {
  path: string;
  fileName: string;
  /** The project's record, when the image is already in the project. */
  stored: StoredImage | null;
  /** The file read just now, when it is new to the project (it is added by the import's transaction). */
  probe: ProbeResult | null;
  /** Upright size; null when the file is missing or unreadable. */
  width: number | null;
  height: number | null;
  sha256: string | null;
  error: string | null;
}

function stem(name: string): string {
  return basename(name, extname(name));
}

/**
 * Finds the images a source names. A name relative to the source's image folder resolves, in this order, to the
 * project's image at that path, the file at that path, or the project's only image whose path ends with the name
 * (or has its file name; see `onlyEndingWith`).
 */
export class ImageResolver {
  private readonly byName = new Map<string, StoredImage[]>();
  private readonly cache = new Map<string, Promise<ResolvedImage>>();

  /** `probe: false` reads no new image file (a preview of a source): such images come back without size or hash. */
  constructor(
    private readonly store: ProjectStore,
    private readonly options: { probe: boolean } = { probe: true },
  ) {
    for (const image of store.images.all()) {
      const list = this.byName.get(image.fileName) ?? [];
      list.push(image);
      this.byName.set(image.fileName, list);
    }
  }

  /**
   * `where` is the record that names the image (for the message when the name points at something that is not a
   * regular file, such as a device or a named pipe: the whole import is refused then).
   */
  resolve(name: string, root: string, where: string): Promise<ResolvedImage> {
    const path = resolve(root, name.replace(/\\/g, '/'));
    let found = this.cache.get(path);
    if (!found) {
      found = this.find(path, name, where);
      this.cache.set(path, found);
    }
    return found;
  }

  /** The image whose name without extension is `name` (YOLO labels name images that way), or null. */
  async resolveStem(name: string, root: string, where: string): Promise<ResolvedImage | null> {
    for (const ext of IMAGE_EXTENSIONS) {
      for (const candidate of [`${name}${ext}`, `${name}${ext.toUpperCase()}`]) {
        if (this.store.images.byPath(resolve(root, candidate)) || existsSync(join(root, candidate))) return this.resolve(candidate, root, where);
      }
    }
    const matches = [...this.byName.values()].flat().filter((img) => stem(img.fileName) === name);
    return matches.length === 1 ? this.resolve(matches[0].path, root, where) : null;
  }

  private async find(path: string, name: string, where: string): Promise<ResolvedImage> {
    const odd = await notRegularFile(path);
    if (odd) failIn(where, '', `the image "${name}" ${odd}; Pedlab reads images only from regular files`);
    const stored = this.store.images.byPath(path) ?? (existsSync(path) ? undefined : this.onlyEndingWith(name));
    if (stored) {
      const { width, height, sha256, error } = stored;
      return { path: stored.path, fileName: stored.fileName, stored, probe: null, width, height, sha256, error };
    }
    const probe: ProbeResult = !existsSync(path)
      ? { sha256: null, width: null, height: null, orientation: 1, error: 'file not found', thumbnail: null }
      : this.options.probe
        ? await probeImage(path)
        : { sha256: null, width: null, height: null, orientation: 1, error: 'not read', thumbnail: null };
    return { path, fileName: basename(path), stored: null, probe, width: probe.width, height: probe.height, sha256: probe.sha256, error: probe.error };
  }

  /**
   * The project's only image whose path ends with the name's folders and file name (`SEQ/img1/000001.jpg`), else
   * its only image of that file name: how a file exported from a project finds its images again, in that project
   * or another holding the same files elsewhere.
   */
  private onlyEndingWith(name: string): StoredImage | undefined {
    const slashed = name.replace(/\\/g, '/');
    const named = this.byName.get(basename(slashed)) ?? [];
    const ending = named.filter((image) => image.path.replace(/\\/g, '/').endsWith(`/${slashed}`));
    const list = ending.length > 0 ? ending : named;
    return list.length === 1 ? list[0] : undefined;
  }
}
