import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { IMPORT_FORMATS } from '../../../core/formats/importFormats.js';
import type { ImportFormat, ImportReport } from '../../../core/ipc/types.js';
import { pennFudanImageFolder } from '../../importExport/pennFudanReader.js';
import { importIntoProject } from '../../importExport/projectImport.js';
import { projectDbPathFor, ProjectService } from '../../project/projectService.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const FORMATS: readonly ImportFormat[] = IMPORT_FORMATS.map((f) => f.format);
const FORMAT_LINES = IMPORT_FORMATS.map((f) => `  ${f.format.padEnd(13)} SRC is ${f.summary}`).join('\n');
const EXAMPLES = IMPORT_FORMATS.map((f) => `  ${f.example}`).join('\n');

const HELP = `usage: pedlab import --format FORMAT SRC [--project FOLDER] [options]

Imports ground truth into the project of an image folder (the project the app opens for that folder). The
ground truth of every image SRC names is replaced by SRC's, in one transaction: a malformed record imports
nothing. Images are used where they are, never copied.

${FORMAT_LINES}

  --project FOLDER            the project's image folder (created when missing); images elsewhere are added
                              by path. Required except for pennfudan without --split.
  --image-root DIR            where SRC's image file names are found (default: the project folder;
                              labelme: beside each JSON file; mot-det with SEQ.txt: the sequence folder
                              or the folder holding SEQ/, default the folder above det/)
  --split FILE --subset NAME  import only the images the split file lists under NAME: file names, or
                              paths such as SEQ/img1/000001.jpg where names repeat
  --boxes tutorial|coco       pennfudan: box and area as torchvision's tutorial computes them (default:
                              x2, y2 = last pixel, area = box area) or as COCO does (+1 extents, mask pixels)
  --classes FILE              yolo: class names, one a line (default: classes.txt beside the labels)
  --gt FILE                   coco-results: the ground truth whose image and category ids the results use
  --model-name NAME           coco-results: the imported model's name (default: the file's name); a file
                              imported before keeps its model's name
  --allow-partial             coco-results: store the detections that match even when more than half are
                              left out (images not in the project, categories it does not have)
  --map FROM=TO               store the source's category FROM as the project's category TO (repeatable;
                              coco-results: FROM is a category of --gt)
  --json                      print the report as JSON

examples:
${EXAMPLES}`;

function printReport(report: ImportReport, projectName: string): void {
  const lines: string[] = [];
  if (report.model) {
    lines.push(`Stored ${report.predictions} predictions on ${report.images} images as model "${report.model.name}" (id ${report.model.id}).`);
  } else {
    lines.push(`Imported ${report.annotations} annotations on ${report.images} images into project "${projectName}".`);
  }
  if (report.droppedDetections) lines.push(`${report.droppedDetections} detections were left out.`);
  if (report.addedImages > 0) lines.push(`${report.addedImages} images were added to the project.`);
  if (report.newCategories.length > 0) lines.push(`New categories: ${report.newCategories.join(', ')}`);
  if (report.unreadable.length > 0) {
    lines.push(`${report.unreadable.length} images could not be used (their annotations were not imported):`);
    for (const u of report.unreadable) lines.push(`  ${u.image}: ${u.error}`);
  }
  if (report.disagreements.length > 0) {
    lines.push(`${report.disagreements.length} images whose text annotation disagrees with the mask (1-based pixels, as in the text):`);
    for (const d of report.disagreements) {
      lines.push(`  ${d.image}`);
      for (const p of d.problems) lines.push(`    ${p}`);
    }
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  console.log(lines.join('\n'));
}

export const importCommand: Command = {
  summary: 'import ground truth (Penn-Fudan, COCO, VOC, YOLO, labelme, MOTChallenge, CityPersons, CrowdHuman) or COCO results or MOT detections into a project',
  async run(argv) {
    const parsed = parseCommand(
      'import',
      argv,
      {
        format: { type: 'string' },
        project: { type: 'string' },
        'image-root': { type: 'string' },
        split: { type: 'string' },
        subset: { type: 'string' },
        boxes: { type: 'string' },
        classes: { type: 'string' },
        gt: { type: 'string' },
        'model-name': { type: 'string' },
        'allow-partial': { type: 'boolean', default: false },
        map: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const format = values.format as ImportFormat;
    const problem = !FORMATS.includes(format)
      ? `--format must be one of ${FORMATS.join(', ')}`
      : positionals.length !== 1
        ? 'give exactly one SRC'
        : values.boxes !== undefined && values.boxes !== 'tutorial' && values.boxes !== 'coco'
          ? '--boxes must be tutorial or coco'
          : !values.project && (format !== 'pennfudan' || values.split)
            ? format === 'pennfudan'
              ? '--split needs a --project folder of its own, so that the project holds only those images'
              : '--project is required'
            : null;
    if (problem) return usageError('import', problem, HELP);
    const src = positionals[0];
    const folder = values.project ?? pennFudanImageFolder(src);
    const dbPath = projectDbPathFor(folder);
    const newProject = !existsSync(dbPath);
    const newFolder = !!values.project && !existsSync(folder);
    if (values.project) mkdirSync(folder, { recursive: true });
    const projects = new ProjectService();
    let imported = false;
    try {
      const summary = await projects.openFolder(folder);
      const report = await importIntoProject(projects.store, {
        format,
        path: src,
        options: {
          imageRoot: values['image-root'],
          split: values.split,
          subset: values.subset,
          boxes: values.boxes as 'tutorial' | 'coco' | undefined,
          classes: values.classes,
          gt: values.gt,
          modelName: values['model-name'],
          allowPartial: values['allow-partial'],
          map: values.map,
        },
      });
      imported = true;
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report, summary.name);
    } finally {
      projects.close();
      // A failed import into a project it created leaves nothing behind: no empty project, no empty folder.
      if (!imported && newProject) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      if (!imported && newFolder && existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
    }
    return 0;
  },
};
