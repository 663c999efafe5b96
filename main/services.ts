import { exportFormatInfo } from '../core/formats/importFormats.js';
import type { Handlers } from '../core/ipc/contract.js';
import type { HostKind, ImportOptions, PathPurpose } from '../core/ipc/types.js';
import { PedlabError } from './errors.js';
import { readDisplayImage, type DisplayImage } from './imaging/displayImage.js';
import { exportProject } from './importExport/projectExport.js';
import { importIntoProject } from './importExport/projectImport.js';
import { importCategories } from './importExport/sourceCategories.js';
import { InferenceService } from './inference/inferenceService.js';
import { MaskService } from './inference/maskService.js';
import { commitAnnotations } from './project/annotationEdits.js';
import { evaluationData } from './project/evaluationData.js';
import { listFolder } from './project/folderListing.js';
import { seedSampleProject } from './project/sampleProject.js';
import { writeAppState } from './project/appState.js';
import { ProjectService } from './project/projectService.js';
import { exportReport } from './report/exportReport.js';
import { ExportedReports, newReportFolder } from './report/exportedReports.js';
import type { PdfPrinter } from './report/printPdf.js';
import { PathAccess } from './security/pathAccess.js';
import { appVersion } from './version.js';

export interface HostOptions {
  host: HostKind;
  /** Shows a native file or folder dialog; only the Electron host has them, and then takes no other path. */
  pickPath?: (purpose: PathPurpose) => Promise<string | null>;
  /** Prints a report's HTML to PDF; by default headless Chromium, the Electron host passes webContents.printToPDF. */
  printPdf?: PdfPrinter;
  /** Opens a file Pedlab wrote in the desktop's own viewer (the Electron host's shell.openPath). */
  openFile?: (path: string) => Promise<void>;
}

/** The services both hosts expose: the contract's handlers plus image bytes for the host's image route. */
export class Services {
  readonly projects = new ProjectService();
  readonly inference = new InferenceService(this.projects);
  readonly masks = new MaskService(this.projects, this.inference.pool);
  private readonly paths: PathAccess;
  readonly reports = new ExportedReports();

  constructor(private readonly options: HostOptions) {
    this.paths = new PathAccess(!!options.pickPath);
  }

  async openFolder(folder: string) {
    this.paths.grant(folder, 'project-folder');
    await this.masks.stop();
    await this.inference.stopAll();
    const summary = await this.projects.openFolder(folder, { refuseEmpty: true });
    await seedSampleProject(this.projects.store, summary.folder);
    await this.inference.projectOpened();
    writeAppState({ lastFolder: summary.folder });
    return summary;
  }

  async restore(folder: string, snapshot: string) {
    if (this.projects.recovery()?.folder !== folder) {
      throw new PedlabError('restore-refused', `Only the project whose database was found damaged can be restored here, not ${folder}.`);
    }
    await this.masks.stop();
    await this.inference.stopAll();
    const summary = await this.projects.restore(folder, snapshot);
    await this.inference.projectOpened();
    writeAppState({ lastFolder: summary.folder });
    return summary;
  }

  /** An import names only paths this host may read (in Electron: chosen in its dialogs). */
  private checkImportPaths<R extends { path: string; options?: ImportOptions }>(request: R): R {
    const { imageRoot, split, classes, gt } = request.options ?? {};
    for (const file of [request.path, split, classes, gt]) if (file) this.paths.check(file, 'read', 'import-file');
    if (imageRoot) this.paths.check(imageRoot, 'read', 'import-folder');
    return request;
  }

  readonly handlers: Handlers = {
    'app.info': async () => ({ version: appVersion(), host: this.options.host, canPickPaths: !!this.options.pickPath }),
    'project.current': async () => this.projects.summary(),
    'project.openFolder': async ({ folder }) => this.openFolder(this.paths.check(folder, 'read', 'project-folder')),
    'dialog.pickPath': async ({ purpose }) => {
      const path = this.options.pickPath ? await this.options.pickPath(purpose) : null;
      // A save dialog asks before it answers an existing file, so that answer is the user's confirmation.
      return { path: path === null ? null : this.paths.grant(path, purpose, purpose === 'export-file') };
    },
    'folders.list': async (request) => {
      if (this.options.pickPath)
        throw new PedlabError('native-dialogs', 'The desktop app chooses paths with its own dialogs (Browse…), so it lists no folders to the page.');
      return listFolder(request);
    },
    'project.import': async (request) => importIntoProject(this.projects.store, this.checkImportPaths(request)),
    'project.importCategories': async (request) => ({ categories: await importCategories(this.projects.store, this.checkImportPaths(request)) }),
    'project.export': async ({ overwrite, ...request }) => {
      const path = this.paths.check(request.path, 'write', exportFormatInfo(request.format).target === 'file' ? 'export-file' : 'export-folder');
      return exportProject(this.projects.store, request, { overwrite: !!overwrite || this.paths.overwriteConfirmed(path) });
    },
    'project.recovery': async () => this.projects.recovery(),
    'project.restore': async ({ folder, snapshot }) => this.restore(folder, snapshot),
    'images.list': async () => this.projects.imageEntries(),
    'annotations.list': async ({ imageId }) => this.projects.store.annotations.forImage(imageId),
    'models.list': async () => this.inference.models(),
    'models.add': async (request) => this.inference.add({ ...request, path: this.paths.check(request.path, 'read', 'model-file') }),
    'inference.start': async (request) => this.inference.start(request),
    'inference.cancel': async ({ modelId }) => this.inference.cancel(modelId),
    'inference.status': async () => this.inference.status(),
    'predictions.forImage': async ({ imageId, modelId }) => this.inference.predictions(imageId, modelId),
    'masks.forBoxes': async (request) => this.masks.forBoxes(request),
    'masks.fillStart': async (request) => this.masks.fillStart(request),
    'masks.fillCancel': async () => this.masks.fillCancel(),
    'masks.fillStatus': async () => this.masks.fillStatus(),
    'report.export': async ({ overwrite, ...request }) => {
      const dir = this.paths.check(request.dir, 'write', 'report-folder');
      const written = await exportReport(this.projects.store, this.inference, { ...request, dir }, { overwrite: !!overwrite }, this.options.printPdf);
      return { ...written, reportId: this.reports.add(written.files) };
    },
    'report.defaultFolder': async () => ({ dir: this.paths.grant(newReportFolder(this.projects.summary()?.name ?? 'project'), 'report-folder') }),
    'report.open': async ({ reportId }) => {
      const path = this.reports.path(reportId);
      if (!this.options.openFile) throw new PedlabError('no-viewer', 'In the browser, a report opens through its link in the report dialog.');
      await this.options.openFile(path);
      return { opened: true };
    },
    'annotations.commit': async (change) => commitAnnotations(this.projects.store, change),
    'categories.list': async () => this.projects.store.categories.all(),
    'categories.create': async ({ name }) => ({ id: this.projects.store.categories.ensure(name), name }),
    'evaluation.data': async ({ modelIds }) => evaluationData(this.projects.store, this.inference, modelIds),
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

  async close(): Promise<void> {
    await this.masks.stop();
    await this.inference.close();
    this.projects.close();
  }
}
