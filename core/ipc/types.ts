/** Data shapes that cross the IPC boundary. Geometry is in image pixels, COCO style. */

import type { ModelKind, ModelSettings } from '../detect/types.js';

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  version: string;
  host: HostKind;
  /**
   * The host has native file and folder dialogs (Electron), and takes only paths they answered; the web host asks
   * for typed paths instead.
   */
  canPickPaths: boolean;
}

/** What a path is chosen for, which decides the dialog and what the answer may be used for. */
export type PathPurpose = 'project-folder' | 'import-file' | 'import-folder' | 'model-file' | 'export-file' | 'export-folder' | 'report-folder';

export interface ProjectSummary {
  name: string;
  /** The folder whose images make up the project. */
  folder: string;
  /** The project's SQLite file. */
  dbPath: string;
  /** Every image listed, unreadable ones included. */
  imageCount: number;
  /** Images that could not be read; they stay listed with their error. */
  errorCount: number;
  /** What the last scan of the folder left out (absent until the folder was scanned in this session). */
  scan?: FolderScanLimits;
}

/** What a folder scan left unlisted: image files past the file limit, and folders below the depth limit. */
export interface FolderScanLimits {
  /** Image files found beyond the scan's file limit, not listed. */
  skippedFiles: number;
  /** Folders lying deeper than the depth limit, not looked into. */
  foldersTooDeep: number;
  maxFiles: number;
  maxDepth: number;
}

/** One entry of a folder listing: what it is (a link is listed as what it points to), and its full path. */
export interface FolderEntry {
  name: string;
  kind: 'folder' | 'file';
  path: string;
}

/** A folder's contents as the web host's folder browser shows them. */
export interface FolderListing {
  /** The folder listed, links resolved. */
  path: string;
  /** The folder above it; null at the root. */
  parent: string | null;
  /** Folders first, then the files the purpose takes, by name; at most the listing's limit. */
  entries: FolderEntry[];
  /** Further entries the limit left out. */
  more: number;
}

/** A copy of a project database taken by Pedlab (on open, at most hourly) or by `pedlab backup`. */
export interface SnapshotEntry {
  name: string;
  takenAt: string;
  bytes: number;
}

/** A project database that failed its integrity check (or is not a database), left untouched, and what can replace it. */
export interface RecoveryInfo {
  folder: string;
  dbPath: string;
  problem: string;
  /** Newest first. */
  snapshots: SnapshotEntry[];
}

export interface ImageEntry {
  id: number;
  fileName: string;
  /** The image's folder as the list names it: its path in the project folder ('' for the folder itself), or a sequence's name. */
  folder: string;
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

/** A detector registered in the project. */
export interface ModelEntry {
  id: number;
  name: string;
  variant: string;
  path: string;
  kind: ModelKind;
  classes: string[];
  settings: ModelSettings;
  /** Listed in the app's models/manifest.json. */
  bundled: boolean;
  /** The execution provider its session uses (or its last run used); null before it has been opened. */
  provider: string | null;
  /** Why it cannot run right now (file missing), or null. */
  problem: string | null;
}

export type RunState = 'starting' | 'running' | 'done' | 'cancelled' | 'failed';

/** One model's batch run over the project, as the UI polls it. */
export interface InferenceRunStatus {
  runId: number | null;
  modelId: number;
  state: RunState;
  /** Images finished (run or found in the cache) out of the project's readable images. */
  done: number;
  total: number;
  cached: number;
  failed: number;
  imagesPerSecond: number | null;
  etaSeconds: number | null;
  provider: string | null;
  threads: number;
  error: string | null;
}

export interface InferenceStatus {
  runs: InferenceRunStatus[];
  /** Grows whenever new predictions are stored, so the UI knows when to fetch them again. */
  resultsVersion: number;
}

/** A stored detection, geometry in image pixels. */
export interface Prediction {
  id: number;
  categoryId: number;
  score: number;
  bbox: [number, number, number, number];
  mask: { size: [number, number]; counts: string } | null;
}

/** The mask a model gives for one prompt box ("box to mask"). */
export interface BoxMask {
  /** In image pixels, the same RLE shape as `Annotation.mask`, inside the box; null when the model gave none. */
  mask: { size: [number, number]; counts: string } | null;
  /** The score of the detection the mask comes from; null when there is no mask. */
  score: number | null;
  /** Why there is no mask, in a sentence; null when there is one. */
  reason: string | null;
}

export type MaskFillState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The background job that gives every box annotation without a mask the mask its model finds for it. */
export interface MaskFillStatus {
  state: MaskFillState;
  modelId: number | null;
  boxesDone: number;
  boxesTotal: number;
  /** Boxes that got a mask. */
  filled: number;
  /** Boxes the model found no person for. */
  missed: number;
  error: string | null;
  /** Grows each time an image's masks are stored, so the UI knows to reload its annotations. */
  version: number;
}

/** A ground-truth annotation as the editor creates or changes it. */
export type AnnotationDraft = Omit<Annotation, 'id' | 'imageId'> & { id?: number };

/** One edit of one image's ground truth, as the store applies it: in one transaction, all of it or nothing. */
export interface AnnotationChange {
  create: AnnotationDraft[];
  update: (AnnotationDraft & { id: number })[];
  delete: number[];
}

export interface CommitResult {
  /** Ids of the created annotations, in request order. */
  created: number[];
  /**
   * The created and updated annotations as the store now holds them, in id order: with the ids the edit deleted,
   * all that the image's ground truth changed by (the whole list would cost its size on every edit).
   */
  stored: Annotation[];
}

export const IMPORT_FORMAT_NAMES = ['pennfudan', 'coco', 'voc', 'yolo', 'labelme', 'mot', 'citypersons', 'crowdhuman', 'coco-results', 'mot-det'] as const;
export const EXPORT_FORMAT_NAMES = ['coco', 'voc', 'yolo', 'pennfudan', 'mot', 'citypersons', 'crowdhuman'] as const;
export type ImportFormat = (typeof IMPORT_FORMAT_NAMES)[number];
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ImportOptions {
  /** Where the source's image file names are looked up (default: the project folder; labelme: the JSON's folder). */
  imageRoot?: string;
  /** A split file (`{ "train": [file names], "test": [...] }`) and the list in it to import; nothing else is imported. */
  split?: string;
  subset?: string;
  /** Penn-Fudan: boxes and areas as torchvision's tutorial computes them (default) or as COCO does. */
  boxes?: 'tutorial' | 'coco';
  /** YOLO: the class names file (default: classes.txt beside the labels). */
  classes?: string;
  /** COCO results: the ground truth whose image and category ids the results use. */
  gt?: string;
  /** COCO results and MOTChallenge detections: the name of the model the predictions are stored under (default: the file's name). */
  modelName?: string;
  /** COCO results: store what matches even when more than half of the detections are left out (else refused). */
  allowPartial?: boolean;
  /** `FROM=TO` pairs: the source's category FROM is stored as the project's category TO (coco-results: FROM is a category of the ground truth). */
  map?: string[];
}

/** What an import did. The ground truth of every image it names is replaced by the source's, in one transaction. */
export interface ImportReport {
  format: ImportFormat;
  source: string;
  /** Images whose ground truth (or predictions) the import wrote. */
  images: number;
  /** Images the import added to the project (unreadable ones included, listed with their error). */
  addedImages: number;
  annotations: number;
  predictions: number;
  /** Categories the import created. */
  newCategories: string[];
  /** Images the source names that are missing or unreadable: listed with the reason, their annotations not imported. */
  unreadable: { image: string; error: string }[];
  /** Per image, where the source disagrees with itself (Penn-Fudan: a text box against its mask). */
  disagreements: { image: string; problems: string[] }[];
  warnings: string[];
  /** The synthetic model that holds imported predictions. */
  model: { id: number; name: string } | null;
  /** COCO results: how many of the file's detections were not stored (the warnings say why). */
  droppedDetections?: number;
}

export interface ExportReport {
  format: ExportFormat;
  path: string;
  images: number;
  annotations: number;
  files: number;
  /** What the format could not hold (box-only annotations in a mask format, crowd regions, overlaps, …). */
  warnings: string[];
}

/** A prediction with the image it belongs to. */
export interface ImagePrediction extends Prediction {
  imageId: number;
}

/** Everything an evaluation of the project needs: readable images, categories, ground truth, predictions. */
export interface EvaluationData {
  images: { id: number; fileName: string; width: number; height: number }[];
  categories: Category[];
  groundTruth: Annotation[];
  /** Per ground-truth id, the visible fraction of the person where the source gave one (CityPersons' `vis_ratio`, MOTChallenge's visibility). */
  visibility: Record<number, number>;
  /** Per model id: its cached predictions on the project's images. */
  predictions: Record<number, ImagePrediction[]>;
}

export type ReportFormat = 'html' | 'pdf' | 'csv' | 'json';

/** What a report export wrote. */
export interface ReportExport {
  /** Every file written. */
  files: string[];
  /** Opens the HTML report (`report.open`, or the web host's `/report/ID`); absent when no HTML was written. */
  reportId?: number;
  /** Remarks on the data: a model not run on every image, masks left out. */
  notes: string[];
}

/** What every channel answers: a value, or an error the UI can show as it is. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
