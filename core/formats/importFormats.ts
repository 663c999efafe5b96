import type { ExportFormat, ImportFormat, ImportOptions } from '../ipc/types.js';

/** An import option a format takes (the split file and its list name go together as `split`). */
export type ImportOptionName = Exclude<keyof ImportOptions, 'subset'>;

/** What `pedlab import` and the app's import dialog say and ask about one format. */
export interface ImportFormatInfo {
  format: ImportFormat;
  /** The format's name as a user knows it. */
  label: string;
  /** Ground truth for the project, or a model's predictions. */
  kind: 'ground-truth' | 'predictions';
  /** What the source path names. */
  source: 'file' | 'folder' | 'file-or-folder';
  /** One line: what the source is. */
  summary: string;
  /** A command that imports it, as a user would type it. */
  example: string;
  options: readonly ImportOptionName[];
}

export const IMPORT_FORMATS: readonly ImportFormatInfo[] = [
  {
    format: 'pennfudan',
    label: 'Penn-Fudan',
    kind: 'ground-truth',
    source: 'folder',
    summary: 'the dataset folder (PNGImages/, PedMasks/, Annotation/; the project defaults to SRC/PNGImages); each mask value becomes one pedestrian',
    example: 'pedlab import --format pennfudan ~/data/PennFudanPed',
    options: ['split', 'boxes', 'map'],
  },
  {
    format: 'coco',
    label: 'COCO instances',
    kind: 'ground-truth',
    source: 'file',
    summary: 'a COCO instances JSON file (boxes, polygons, RLE, crowd regions, attributes)',
    example: 'pedlab import --format coco instances.json --project ~/images',
    options: ['imageRoot', 'split', 'map'],
  },
  {
    format: 'voc',
    label: 'Pascal VOC',
    kind: 'ground-truth',
    source: 'file-or-folder',
    summary: 'a Pascal VOC XML file or a folder of them',
    example: 'pedlab import --format voc ~/data/Annotations --project ~/data/JPEGImages',
    options: ['imageRoot', 'split', 'map'],
  },
  {
    format: 'yolo',
    label: 'YOLO',
    kind: 'ground-truth',
    source: 'file-or-folder',
    summary: 'a folder of YOLO label files with classes.txt',
    example: 'pedlab import --format yolo ~/data/labels --project ~/data/images',
    options: ['imageRoot', 'classes', 'split', 'map'],
  },
  {
    format: 'labelme',
    label: 'labelme',
    kind: 'ground-truth',
    source: 'file-or-folder',
    summary: 'a labelme JSON file or a folder of them (rectangles and polygons, grouped by group_id)',
    example: 'pedlab import --format labelme ~/data/labelme --project ~/data/labelme',
    options: ['imageRoot', 'split', 'map'],
  },
  {
    format: 'mot',
    label: 'MOTChallenge',
    kind: 'ground-truth',
    source: 'folder',
    summary: 'a MOTChallenge sequence folder (seqinfo.ini, img1/, gt/gt.txt) or a folder of them',
    example: 'pedlab import --format mot ~/data/MOT17/train --project ~/data/MOT17/train',
    options: ['split', 'map'],
  },
  {
    format: 'citypersons',
    label: 'CityPersons',
    kind: 'ground-truth',
    source: 'file-or-folder',
    summary: 'a CityPersons CITY/NAME_gtBboxCityPersons.json file or a folder of them (or of cities)',
    example: 'pedlab import --format citypersons gtBboxCityPersons/val --project ~/data/leftImg8bit/val',
    options: ['imageRoot', 'split', 'map'],
  },
  {
    format: 'crowdhuman',
    label: 'CrowdHuman',
    kind: 'ground-truth',
    source: 'file-or-folder',
    summary: 'a CrowdHuman .odgt file (a line per image ID.jpg) or a folder of them',
    example: 'pedlab import --format crowdhuman annotation_val.odgt --project ~/data/CrowdHuman/Images',
    options: ['imageRoot', 'split', 'map'],
  },
  {
    format: 'coco-results',
    label: 'COCO results',
    kind: 'predictions',
    source: 'file',
    summary: 'a COCO results JSON file, stored as the predictions of an imported model; its ids are those of a COCO ground truth',
    example: 'pedlab import --format coco-results results.json --gt instances.json --project ~/images',
    options: ['gt', 'imageRoot', 'modelName', 'allowPartial', 'split', 'map'],
  },
  {
    format: 'mot-det',
    label: 'MOTChallenge detections',
    kind: 'predictions',
    source: 'file',
    summary: "a sequence folder's det/det.txt or a tracker's SEQ.txt, stored as an imported model",
    example: 'pedlab import --format mot-det MOT17-02/det/det.txt --project ~/data/MOT17/train',
    options: ['imageRoot', 'modelName', 'split'],
  },
];

export function importFormatInfo(format: ImportFormat): ImportFormatInfo {
  return IMPORT_FORMATS.find((f) => f.format === format)!;
}

/** What the app's export dialog and `pedlab export` say about one format, and whether it writes a file or a folder. */
export interface ExportFormatInfo {
  format: ExportFormat;
  label: string;
  target: 'file' | 'folder';
  summary: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'coco', label: 'COCO instances', target: 'file', summary: 'one JSON file, masks as compressed RLE' },
  { format: 'voc', label: 'Pascal VOC', target: 'folder', summary: 'one XML file per image, boxes only' },
  { format: 'yolo', label: 'YOLO', target: 'folder', summary: 'one label file per image and classes.txt, boxes only' },
  { format: 'pennfudan', label: 'Penn-Fudan', target: 'folder', summary: 'PNGImages/, PedMasks/ and Annotation/, pedestrians with masks' },
  { format: 'mot', label: 'MOTChallenge', target: 'folder', summary: 'a sequence folder per image folder, with gt/gt.txt' },
  { format: 'citypersons', label: 'CityPersons', target: 'folder', summary: 'CITY/NAME_gtBboxCityPersons.json per image' },
  { format: 'crowdhuman', label: 'CrowdHuman', target: 'file', summary: 'one .odgt file, a line per image' },
];

export function exportFormatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((f) => f.format === format)!;
}
