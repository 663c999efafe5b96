import type { ReportFormat } from '../../../core/ipc/types.js';
import { InferenceService } from '../../inference/inferenceService.js';
import { ProjectService } from '../../project/projectService.js';
import { exportReport } from '../../report/exportReport.js';
import { findModel } from '../../report/reportSource.js';
import { parseCommand, usageError } from '../args.js';
import type { Command } from '../command.js';

const FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'csv', 'json'];

const HELP = `usage: pedlab report PROJECT --models A B [--out DIR] [--format html,pdf,csv,json]
                     [--score-threshold T] [--iou 0.5]

Compares two models' stored predictions on a project's images against its ground truth and writes a report.
PROJECT is the image folder, opened as the app opens it (the bundled models are registered); A and B are model
names, variants or ids in that project (B − A is what the difference columns show). Run the models first
(in the app, or \`pedlab infer --project PROJECT --model FILE\`).

  --models A B          the two models to compare
  --out DIR             where the files go (default: ./pedlab-report)
  --format LIST         any of html, pdf, csv, json (default: all)
                          html  report.html: self-contained, with PR curves and the images that differ most
                          pdf   report.pdf: the same, printed by headless Chromium
                          csv   report-images.csv (per image) and report-boxes.csv (per detection, and missed
                                ground truths)
                          json  report.json (every stat and parameter), ground-truth.coco.json and one COCO
                                results file per model
  --score-threshold T   detections scored at least T count in TP/FP/FN, precision, recall and F1
                        (default: each model's display threshold)
  --iou T               the IoU threshold for those counts: 0.5 (default), 0.55, … 0.95`;

/** Takes the values after --models (up to the next option) out of argv, since parseArgs wants one value per flag. */
function splitModels(argv: string[]): { rest: string[]; models: string[] } {
  const rest: string[] = [];
  const models: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--models') {
      rest.push(argv[i]);
      continue;
    }
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) models.push(argv[++i]);
  }
  return { rest, models };
}

function threshold(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${name} must be a number from 0 to 1, got "${value}"`);
  return n;
}

export const reportCommand: Command = {
  summary: "compare two models' predictions in a report (HTML, PDF, CSV, JSON)",
  async run(argv) {
    const { rest, models } = splitModels(argv);
    const parsed = parseCommand(
      'report',
      rest,
      {
        out: { type: 'string', default: 'pedlab-report' },
        format: { type: 'string', default: FORMATS.join(',') },
        'score-threshold': { type: 'string' },
        iou: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const formats = values.format
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = formats.filter((f) => !FORMATS.includes(f as ReportFormat));
    const problem =
      positionals.length !== 1
        ? 'give one PROJECT folder'
        : models.length !== 2
          ? '--models needs two models (A B)'
          : formats.length === 0 || unknown.length
            ? `--format takes html, pdf, csv, json; got "${values.format}"`
            : null;
    if (problem) return usageError('report', problem, HELP);
    let scoreThreshold: number | undefined, iouThreshold: number | undefined;
    try {
      scoreThreshold = threshold(values['score-threshold'], '--score-threshold');
      iouThreshold = threshold(values.iou, '--iou');
    } catch (err) {
      return usageError('report', (err as Error).message, HELP);
    }

    const projects = new ProjectService();
    await projects.openFolder(positionals[0]);
    const inference = new InferenceService(projects);
    try {
      await inference.projectOpened();
      const [a, b] = models.map((ref) => findModel(projects.store, ref));
      const result = await exportReport(
        projects.store,
        inference,
        {
          modelIds: [a.id, b.id],
          dir: values.out,
          formats: formats as ReportFormat[],
          scoreThreshold,
          iouThreshold,
        },
        { overwrite: true },
      ); // --out was typed by the user in their own shell
      for (const note of result.notes) console.error(`pedlab report: note: ${note}`);
      console.log(result.files.join('\n'));
      return 0;
    } finally {
      await inference.close();
      projects.close();
    }
  },
};
