import type { Annotation } from '../ipc/types.js';

/**
 * Box to mask's rules that the app's actions and the fill job share: which models can turn a box into a mask,
 * and which boxes "masks for every box without one" fills.
 */

/** Only a Mask R-CNN gives masks; Faster R-CNN, YOLOX and imported predictions give boxes only. */
export const kindGivesMasks = (kind: string): boolean => kind === 'maskrcnn';

/** The box annotations a fill gives a mask: not crowd regions, no mask yet, a box with area. */
export const needsMask = (a: Pick<Annotation, 'iscrowd' | 'mask' | 'bbox'>): boolean => !a.iscrowd && a.mask === null && a.bbox[2] > 0 && a.bbox[3] > 0;
