import { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import { STAT_NAMES } from '../../../core/eval/cocoStats.js';
import { categoryWarnings, mapDetectionCategories, parseCategoryMap, type CategoryMap } from '../../../core/formats/categoryMap.js';
import { parseCommand, usageError } from '../args.js';
import { readGroundTruthFile, readResultsFile } from '../cocoFiles.js';
import { diagnosticsText, missRateReader, tideOf } from '../diagnostics.js';
import type { Command } from '../command.js';

const HELP = `usage: pedlab eval --gt GT.json --dt RESULTS.json [--iou-type bbox|segm] [--map FROM=TO ...] [--tide] [--miss-rate] [--json]

Evaluates COCO results against COCO ground truth exactly as pycocotools' COCOeval does and prints
its 12-line summary.

  --gt FILE         ground truth (COCO instances JSON)
  --dt FILE         results (a JSON list of detections: image_id, category_id, score, bbox or segmentation)
  --iou-type TYPE   bbox (default) or segm
  --map FROM=TO     read results category_id FROM as the ground-truth category TO (an id or a name);
                    repeatable. A warning (stderr, and "warnings" in --json) says when the results'
                    categories are not the ground truth's
  --tide            also the TIDE error breakdown, as tidecv computes it at its defaults: AP lost to
                    Cls, Loc, Both, Dupe, Bkg and Miss errors, and FalsePos / FalseNeg (fractions)
  --miss-rate       also the log-average miss rate MR^-2 in CityPersons' setups (Reasonable, Small,
                    Heavy occlusion, All), as its evaluator computes it: category 1, the ground truth's
                    height, vis_ratio and ignore fields where it has them
  --json            print all stats and parameters as JSON instead ("tide" and "missRate" with the flags)`;

export const evalCommand: Command = {
  summary: 'score COCO results against ground truth (pycocotools summary)',
  async run(argv: string[]): Promise<number> {
    const parsed = parseCommand(
      'eval',
      argv,
      {
        gt: { type: 'string' },
        dt: { type: 'string' },
        'iou-type': { type: 'string', default: 'bbox' },
        map: { type: 'string', multiple: true },
        tide: { type: 'boolean', default: false },
        'miss-rate': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      HELP,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length > 0) return usageError('eval', `unexpected argument "${positionals[0]}"`, HELP);
    const iouType = values['iou-type'];
    if (!values.gt || !values.dt || (iouType !== 'bbox' && iouType !== 'segm')) {
      return usageError('eval', !values.gt || !values.dt ? '--gt and --dt are required' : `--iou-type must be bbox or segm, got "${iouType}"`, HELP);
    }
    let categoryMap: CategoryMap;
    try {
      categoryMap = parseCategoryMap(values.map);
    } catch (err) {
      return usageError('eval', (err as Error).message, HELP);
    }

    const gt = await readGroundTruthFile(values.gt, iouType);
    const detections = mapDetectionCategories(await readResultsFile(values.dt, gt, iouType), categoryMap, gt.categories);
    const warnings = categoryWarnings(detections, gt.categories);
    for (const w of warnings) console.error(`pedlab eval: warning: ${w}`);
    const evaluator = new CocoEvaluator({ images: gt.images, categories: gt.categories, groundTruth: gt.annotations, detections }, { iouType });
    const stats = evaluator.stats();
    const tide = values.tide ? tideOf(gt, detections, iouType) : undefined;
    const missRate = values['miss-rate'] ? (await missRateReader(values.gt, gt))(detections) : undefined;
    if (!values.json) {
      console.log([evaluator.summary(), ...diagnosticsText([{ name: '', tide, missRate }])].join('\n'));
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
      ...(tide && { tide }),
      ...(missRate && { missRate }),
      warnings,
    };
    console.log(JSON.stringify(report, null, 2));
    return 0;
  },
};
