import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';
import type { IouType } from '../../core/eval/params.js';
import type { Detection } from '../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults, parseJsonText, type CocoGroundTruth } from '../../core/formats/cocoJson.js';
import { readCocoResultsBytes } from '../../core/formats/cocoResultsBytes.js';
import { parsedFrom } from '../../core/formats/formatError.js';

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readBoundedFile(path, READ_LIMITS.annotations);
  } catch (err) {
    throw new Error(`cannot read ${what} ${path}: ${readFailure(err)}`);
  }
}

/** A COCO ground-truth file named on the command line, read within the annotation size limit and checked. */
export async function readGroundTruthFile(path: string, iouType: IouType): Promise<CocoGroundTruth> {
  const json = parseJsonText((await readBytes(path, 'ground truth')).toString('utf8'), path);
  return parsedFrom(path, () => parseCocoGroundTruth(json, { segmentations: iouType === 'segm' }));
}

/**
 * A COCO results file for that ground truth, read the same way: straight from its bytes when it is laid out as
 * detectors write it, else parsed whole, which also says what is wrong with it. For box evaluation the results
 * carry no segmentation.
 */
export async function readResultsFile(path: string, gt: CocoGroundTruth, iouType: IouType): Promise<Detection[]> {
  const bytes = await readBytes(path, 'results');
  const options = { segmentations: iouType === 'segm' };
  const direct = readCocoResultsBytes(bytes, gt, options);
  if (direct) return direct;
  const json = parseJsonText(bytes.toString('utf8'), path);
  return parsedFrom(path, () => parseCocoResults(json, gt, options));
}
