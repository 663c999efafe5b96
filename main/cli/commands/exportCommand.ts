import { EXPORT_FORMATS } from '../../../core/formats/importFormats.js';
import type { ExportFormat } from '../../../core/ipc/types.js';
import { exportProject } from '../../importExport/projectExport.js';
import { ProjectService } from '../../project/projectService.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const FORMATS: readonly ExportFormat[] = EXPORT_FORMATS.map((f) => f.format);

const HELP = `usage: pedlab export --format FORMAT --project FOLDER OUT [--json]

Writes the ground truth of the project of an image folder.

  coco       OUT is a JSON file: COCO instances, ids from 1, masks as compressed RLE
  voc        OUT is a folder of Pascal VOC XML files, one per image (boxes; attributes such as difficult)
  yolo       OUT is a folder of YOLO label files, one per image, with classes.txt
  pennfudan  OUT is a folder torchvision's tutorial reads unchanged: PNGImages/, PedMasks/ (value k =
             instance k), Annotation/ (PASCAL-style text)
  mot        OUT is a folder of MOTChallenge ground truth, SEQ/gt/gt.txt and SEQ/seqinfo.ini per image
             folder (pedestrians); frames are not copied
  citypersons  OUT is a folder of CityPersons CITY/NAME_gtBboxCityPersons.json files, one per image
  crowdhuman   OUT is a CrowdHuman .odgt file, one line per image (pedestrians and ignore regions)

  --json     print the report as JSON`;

export const exportCommand: Command = {
  summary: "export a project's ground truth as COCO, VOC, YOLO, MOTChallenge gt.txt, CityPersons, CrowdHuman .odgt or a Penn-Fudan-style folder",
  async run(argv) {
    const parsed = parseCommand(
      'export',
      argv,
      {
        format: { type: 'string' },
        project: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const format = values.format as ExportFormat;
    const problem = !FORMATS.includes(format)
      ? `--format must be one of ${FORMATS.join(', ')}`
      : !values.project
        ? '--project is required'
        : positionals.length !== 1
          ? 'give exactly one OUT'
          : null;
    if (problem) return usageError('export', problem, HELP);
    const projects = new ProjectService();
    try {
      await projects.openFolder(values.project!);
      const report = await exportProject(projects.store, { format, path: positionals[0] }, { overwrite: true }); // OUT was typed by the user in their own shell
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(
          `Exported ${report.annotations} annotations on ${report.images} images to ${report.path} (${report.files} file${report.files === 1 ? '' : 's'}).`,
        );
        for (const w of report.warnings) console.log(`warning: ${w}`);
      }
    } finally {
      projects.close();
    }
    return 0;
  },
};
