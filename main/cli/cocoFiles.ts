import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';
import type { IouType } from '../../core/eval/params.js';
import type { Detection } from '../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText, type CocoGroundTruth } from '../../core/formats/cocoJson.js';
import { parsedFrom } from '../../core/formats/formatError.js';

async function readText(path: string, what: string): Promise<string> {
  try {
    return (await readBoundedFile(path, READ_LIMITS.annotations)).toString('utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} ${path}: ${readFailure(err)}`);
  }
}

/** A COCO ground-truth file named on the command line, read within the annotation size limit and checked. */
export async function readGroundTruthFile(path: string, iouType: IouType): Promise<CocoGroundTruth> {
  const json = parseJsonText(await readText(path, 'ground truth'), path);
  return parsedFrom(path, () => parseCocoGroundTruth(json, { segmentations: iouType === 'segm' }));
}

/** A COCO results file for that ground truth, read the same way. */
export async function readResultsFile(path: string, gt: CocoGroundTruth, iouType: IouType): Promise<Detection[]> {
  const json = parseJsonText(await readText(path, 'results'), path);
  return parsedFrom(path, () => parseCocoResults(json, gt, { segmentations: iouType === 'segm' }));
}
