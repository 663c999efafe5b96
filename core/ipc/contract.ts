import { z } from 'zod';
import type { Channel } from './channels.js';
import { EXPORT_FORMAT_NAMES, IMPORT_FORMAT_NAMES } from './types.js';
import type {
  Annotation,
  AppInfo,
  BoxMask,
  Category,
  CommitResult,
  EvaluationData,
  ExportReport,
  FolderListing,
  ImageEntry,
  ImportReport,
  MaskFillStatus,
  InferenceStatus,
  ModelEntry,
  Prediction,
  ProjectSummary,
  RecoveryInfo,
  ReportExport,
} from './types.js';

/** A channel's request schema (validated at the door in main) and its response type. */
interface Spec<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-level only: the value the channel answers with. */
  response?: Res;
}

function spec<Res>() {
  return <Req extends z.ZodType>(request: Req): Spec<Req, Res> => ({ request });
}

const empty = z.object({}).strict();
const id = z.number().int().positive();
const filePath = z.string().min(1).max(4096);
const finite = z.number().finite();
const size = z.number().finite().nonnegative();
const pathPurpose = z.enum(['project-folder', 'import-file', 'import-folder', 'model-file', 'export-file', 'export-folder', 'report-folder']);

/** A ground-truth box as the editor sends it; `id` is given only when undo restores a deleted annotation. */
const annotationDraft = z
  .object({
    id: id.optional(),
    categoryId: id,
    bbox: z.tuple([finite, finite, size, size]),
    area: size,
    iscrowd: z.boolean(),
    mask: z
      .object({ size: z.tuple([z.number().int().positive(), z.number().int().positive()]), counts: z.string().max(10_000_000) })
      .strict()
      .nullable(),
  })
  .strict();

const importRequest = z
  .object({
    format: z.enum(IMPORT_FORMAT_NAMES),
    path: filePath,
    options: z
      .object({
        imageRoot: filePath.optional(),
        split: filePath.optional(),
        subset: z.string().min(1).max(200).optional(),
        boxes: z.enum(['tutorial', 'coco']).optional(),
        classes: filePath.optional(),
        gt: filePath.optional(),
        modelName: z.string().min(1).max(200).optional(),
        allowPartial: z.boolean().optional(),
        map: z.array(z.string().min(3).max(400)).max(1000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const contract = {
  'app.info': spec<AppInfo>()(empty),
  'project.current': spec<ProjectSummary | null>()(empty),
  'project.openFolder': spec<ProjectSummary>()(z.object({ folder: z.string().min(1).max(4096) }).strict()),
  /** Shows the host's native dialog for a path (Electron); answers null where there is none, or when cancelled. */
  'dialog.pickPath': spec<{ path: string | null }>()(z.object({ purpose: pathPurpose }).strict()),
  /**
   * The web host's folder browser: a folder's subfolders and the files `purpose` takes (home when `path` is absent;
   * with `nearest`, the closest existing folder at or above `path`). The desktop app refuses: it uses its own dialogs.
   */
  'folders.list': spec<FolderListing>()(
    z
      .object({
        path: filePath.optional(),
        purpose: pathPurpose,
        nearest: z.boolean().optional(),
        showHidden: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Imports ground truth (or a COCO results file's predictions) into the open project, all or nothing. */
  'project.import': spec<ImportReport>()(importRequest),
  /** The categories a source holds, by name, as an import would store them before any map; nothing is written. */
  'project.importCategories': spec<{ categories: string[] }>()(importRequest),
  /** `overwrite`: the user confirmed replacing files Pedlab did not write; without it such files are never replaced. */
  'project.export': spec<ExportReport>()(z.object({ format: z.enum(EXPORT_FORMAT_NAMES), path: filePath, overwrite: z.boolean().optional() }).strict()),
  /** The damaged project database the last open refused, if any, with the snapshots that could replace it. */
  'project.recovery': spec<RecoveryInfo | null>()(empty),
  /** Puts a snapshot in place of a folder's database (the replaced file is kept aside) and opens the project. */
  'project.restore': spec<ProjectSummary>()(
    z
      .object({
        folder: filePath,
        snapshot: z
          .string()
          .regex(/^[0-9TZ-]+\.pedlab$/)
          .max(64),
      })
      .strict(),
  ),
  'images.list': spec<ImageEntry[]>()(empty),
  'annotations.list': spec<Annotation[]>()(z.object({ imageId: id }).strict()),
  /** One undoable edit of one image's ground truth, applied in one transaction. */
  'annotations.commit': spec<CommitResult>()(
    z
      .object({
        imageId: id,
        create: z.array(annotationDraft).max(10_000),
        update: z.array(annotationDraft.extend({ id })).max(10_000),
        delete: z.array(id).max(10_000),
      })
      .strict(),
  ),
  'categories.list': spec<Category[]>()(empty),
  'categories.create': spec<Category>()(z.object({ name: z.string().trim().min(1).max(100) }).strict()),
  'evaluation.data': spec<EvaluationData>()(z.object({ modelIds: z.array(id).max(8) }).strict()),
  'models.list': spec<ModelEntry[]>()(empty),
  'models.add': spec<ModelEntry>()(
    z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(200).optional(), variant: z.string().max(200).optional() }).strict(),
  ),
  'inference.start': spec<InferenceStatus>()(z.object({ modelIds: z.array(id).min(1).max(8), threads: z.number().int().min(1).max(256).optional() }).strict()),
  'inference.cancel': spec<InferenceStatus>()(z.object({ modelId: id.optional() }).strict()),
  'inference.status': spec<InferenceStatus>()(empty),
  'predictions.forImage': spec<Prediction[]>()(z.object({ imageId: id, modelId: id }).strict()),
  /** Box to mask: for each box, in order, the mask the model (a Mask R-CNN) gives for the person in it. */
  'masks.forBoxes': spec<BoxMask[]>()(
    z
      .object({
        modelId: id,
        imageId: id,
        boxes: z
          .array(z.tuple([finite, finite, z.number().finite().positive(), z.number().finite().positive()]))
          .min(1)
          .max(64),
      })
      .strict(),
  ),
  /**
   * Starts the background job that gives every box annotation without a mask (crowd regions aside) the model's mask
   * for it, image by image (the whole project when `imageIds` is absent); answers at once. One job at a time.
   */
  'masks.fillStart': spec<MaskFillStatus>()(z.object({ modelId: id, imageIds: z.array(id).max(100_000).optional() }).strict()),
  'masks.fillCancel': spec<MaskFillStatus>()(empty),
  'masks.fillStatus': spec<MaskFillStatus>()(empty),
  /** Writes the comparison report of two models (A, then B) into a folder; answers the files written. */
  'report.export': spec<ReportExport>()(
    z
      .object({
        modelIds: z.tuple([id, id]),
        dir: filePath,
        formats: z
          .array(z.enum(['html', 'pdf', 'csv', 'json']))
          .min(1)
          .max(4),
        /** One score threshold for both models, or model A's and model B's. */
        scoreThreshold: z.union([z.number().min(0).max(1), z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])]).optional(),
        iouThreshold: z.number().min(0.5).max(0.95).optional(),
        overwrite: z.boolean().optional(),
      })
      .strict(),
  ),
  /** A new folder for the open project's next report, in Pedlab's data folder (granted for writing). */
  'report.defaultFolder': spec<{ dir: string }>()(empty),
  /** Opens a report this session exported, by the id `report.export` answered, in the desktop's own viewer. */
  'report.open': spec<{ opened: true }>()(z.object({ reportId: id }).strict()),
} satisfies Record<Channel, Spec<z.ZodType, unknown>>;

/** Fails to compile when a contract entry is missing from `channels` or the reverse. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractCoversChannels: Exact<keyof typeof contract, Channel> = true;

export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = Exclude<(typeof contract)[C]['response'], undefined>;

/** One handler per channel: a host that misses one, or has one too many, fails the type check. */
export type Handlers = { [C in Channel]: (request: z.output<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>> };

/** The API the renderer sees, whichever host it runs in. */
export type PedlabApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export type { Channel } from './channels.js';
export { channels } from './channels.js';
