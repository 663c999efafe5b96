import type { Handlers } from '../core/ipc/contract.js';
import type { HostKind } from '../core/ipc/types.js';
import { PedlabError } from './errors.js';
import { readDisplayImage, type DisplayImage } from './imaging/displayImage.js';
import { writeAppState } from './project/appState.js';
import { ProjectService } from './project/projectService.js';
import { appVersion } from './version.js';

export interface HostOptions {
  host: HostKind;
  /** Shows a native folder picker; only the Electron host has one. */
  pickFolder?: () => Promise<string | null>;
}

/** The services both hosts expose: the contract's handlers plus image bytes for the host's image route. */
export class Services {
  readonly projects = new ProjectService();

  constructor(private readonly options: HostOptions) {}

  async openFolder(folder: string) {
    const summary = await this.projects.openFolder(folder);
    writeAppState({ lastFolder: summary.folder });
    return summary;
  }

  readonly handlers: Handlers = {
    'app.info': async () => ({ version: appVersion(), host: this.options.host, canPickFolder: !!this.options.pickFolder }),
    'project.current': async () => this.projects.summary(),
    'project.openFolder': async ({ folder }) => this.openFolder(folder),
    'project.pickFolder': async () => ({ folder: this.options.pickFolder ? await this.options.pickFolder() : null }),
    'images.list': async () => this.projects.store.images.entries(),
    'annotations.list': async ({ imageId }) => this.projects.store.annotations.forImage(imageId),
  };

  /** The upright image bytes for an image the store knows; anything else is refused. */
  async image(id: number): Promise<DisplayImage> {
    const image = this.projects.store.images.get(id);
    if (!image) throw new PedlabError('image-unknown', `No image ${id} in this project.`);
    if (image.error) throw new PedlabError('image-unreadable', `${image.fileName}: ${image.error}`);
    return readDisplayImage(image.path, image.orientation);
  }

  thumbnail(id: number): Buffer {
    const jpeg = this.projects.store.images.thumbnail(id);
    if (!jpeg) throw new PedlabError('image-unknown', `No thumbnail for image ${id}.`);
    return jpeg;
  }

  close(): void {
    this.projects.close();
  }
}
