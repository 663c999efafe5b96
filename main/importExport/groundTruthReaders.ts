import type { ImportFormat } from '../../core/ipc/types.js';
import { readCityPersons } from './cityPersonsFiles.js';
import { readCrowdHuman } from './crowdHumanFiles.js';
import { readMot } from './motReader.js';
import { readPennFudan } from './pennFudanReader.js';
import type { ReadContext, ReadResult } from './readContext.js';
import { readCoco, readLabelme, readVoc, readYolo } from './sourceReaders.js';

export type GroundTruthFormat = Exclude<ImportFormat, 'coco-results' | 'mot-det'>;

/** The reader of each ground-truth format: the source matched to the project's images, nothing written yet. */
export const groundTruthReaders: Record<GroundTruthFormat, (path: string, ctx: ReadContext) => Promise<ReadResult>> = {
  pennfudan: readPennFudan,
  coco: readCoco,
  voc: readVoc,
  yolo: readYolo,
  labelme: readLabelme,
  mot: readMot,
  citypersons: readCityPersons,
  crowdhuman: readCrowdHuman,
};
