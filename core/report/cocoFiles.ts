import { toCocoResult, type CocoResult } from '../detect/cocoResults.js';
import type { EvaluationData } from '../ipc/types.js';

/**
 * The project's ground truth as a COCO instances object with the project's own image, annotation and category
 * ids, so that the results files written beside it (which use the same ids) evaluate as the report does.
 */
export function groundTruthCoco(data: EvaluationData, description: string): Record<string, unknown> {
  return {
    info: { description },
    licenses: [],
    images: data.images.map((i) => ({ id: i.id, file_name: i.fileName, width: i.width, height: i.height })),
    annotations: data.groundTruth.map((a) => ({
      id: a.id,
      image_id: a.imageId,
      category_id: a.categoryId,
      ...(a.mask ? { segmentation: { size: a.mask.size, counts: a.mask.counts } } : {}),
      area: a.area,
      bbox: [...a.bbox],
      iscrowd: a.iscrowd ? 1 : 0,
    })),
    categories: data.categories.map((c) => ({ id: c.id, name: c.name, supercategory: '' })),
  };
}

/**
 * One model's predictions as a COCO results list, as `pedlab infer` writes them but with boxes and scores unrounded:
 * scores rounded to 5 places can tie where the stored ones do not, which reorders detections and changes AP.
 */
export function resultsCoco(data: EvaluationData, modelId: number): CocoResult[] {
  return (data.predictions[modelId] ?? []).map((p) => ({ ...toCocoResult(p.imageId, p.categoryId, p), bbox: [...p.bbox], score: p.score }));
}
