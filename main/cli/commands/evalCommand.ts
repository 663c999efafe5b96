import { READ_LIMITS, readBoundedFile, readFailure } from '../../security/boundedRead.js';
import { parseArgs } from 'node:util';
import { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import type { IouType } from '../../../core/eval/params.js';
import { STAT_NAMES } from '../../../core/eval/summarize.js';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText } from '../../../core/formats/cocoJson.js';
import { parsedFrom } from '../../../core/formats/formatError.js';
import type { Command } from '../index.js';

const HELP = `usage: pedlab eval --gt GT.json --dt RESULTS.json [--iou-type bbox|segm] [--json]

Evaluates COCO results against COCO ground truth exactly as pycocotools' COCOeval does and prints
its 12-line summary.

  --gt FILE         ground truth (COCO instances JSON)
  --dt FILE         results (a JSON list of detections: image_id, category_id, score, bbox or segmentation)
  --iou-type TYPE   bbox (default) or segm
  --json            print all stats and parameters as JSON instead`;

async function readText(path: string, what: string): Promise<string> {
  try {
    return (await readBoundedFile(path, READ_LIMITS.annotations)).toString('utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} ${path}: ${readFailure(err)}`);
  }
}

export const evalCommand: Command = {
  summary: 'score COCO results against ground truth (pycocotools summary)',
  async run(argv: string[]): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          gt: { type: 'string' },
          dt: { type: 'string' },
          'iou-type': { type: 'string', default: 'bbox' },
          json: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (err) {
      console.error(`pedlab eval: ${(err as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const iouType = values['iou-type'];
    if (!values.gt || !values.dt || (iouType !== 'bbox' && iouType !== 'segm')) {
      const problem = !values.gt || !values.dt ? '--gt and --dt are required' : `--iou-type must be bbox or segm, got "${iouType}"`;
      console.error(`pedlab eval: ${problem}\n\n${HELP}`);
      return 2;
    }

    const gtJson = parseJsonText(await readText(values.gt, 'ground truth'), values.gt);
    const read = { segmentations: iouType === 'segm' };
    const gt = parsedFrom(values.gt, () => parseCocoGroundTruth(gtJson, read));
    const dtJson = parseJsonText(await readText(values.dt, 'results'), values.dt);
    const detections = parsedFrom(values.dt, () => parseCocoResults(dtJson, gt, read));
    const evaluator = new CocoEvaluator(
      { images: gt.images, categories: gt.categories, groundTruth: gt.annotations, detections },
      { iouType: iouType as IouType },
    );
    const stats = evaluator.stats();
    if (!values.json) {
      console.log(evaluator.summary());
      return 0;
    }
    const p = evaluator.params;
    const report = {
      iouType: p.iouType,
      stats: Object.fromEntries(STAT_NAMES.map((name, i) => [name, stats[i]])),
      params: {
        iouThrs: p.iouThrs,
        recThrs: p.recThrs,
        maxDets: p.maxDets,
        areaRng: p.areaRng,
        areaRngLbl: p.areaRngLbl,
        useCats: p.useCats,
        imgIds: evaluator.imageIds,
        catIds: evaluator.categoryIds,
      },
      counts: {
        images: evaluator.imageIds.length,
        categories: evaluator.categoryIds.length,
        groundTruth: gt.annotations.length,
        detections: detections.length,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    return 0;
  },
};
