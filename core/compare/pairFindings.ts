import { abDiff, type AbDiff } from './abDiff.js';
import { pairedBootstrap, type BootstrapResult } from './bootstrap.js';
import { labelErrors, type LabelErrorCase } from './labelErrors.js';
import { operatingPoints, type OperatingPoints } from './operatingPoints.js';
import type { EvaluatedPair } from './pairedImages.js';

/** What does not depend on the sliders: significance of the differences, operating points, likely label errors. */
export interface PairStatistics {
  readonly bootstrap: BootstrapResult;
  readonly operatingPoints: { readonly a: OperatingPoints; readonly b: OperatingPoints };
  readonly labelErrors: readonly LabelErrorCase[];
}

/** Both models' evaluations read together, as `pedlab compare`, the compare view and the reports read them. */
export function pairStatistics(pair: EvaluatedPair, options: { seed?: number; resamples?: number } = {}): PairStatistics {
  const imageCount = pair.images.length;
  return {
    bootstrap: pairedBootstrap(
      pair.images.map((im) => im.a.result),
      pair.images.map((im) => im.b.result),
      pair.a.params,
      options,
    ),
    operatingPoints: {
      a: operatingPoints(pair.a.prCurve({ iouThr: 0.5 }), imageCount),
      b: operatingPoints(pair.b.prCurve({ iouThr: 0.5 }), imageCount),
    },
    labelErrors: labelErrors(pair.images),
  };
}

/** The person-by-person diff at the sliders' IoU and score thresholds (one for both models, or each model's own). */
export function pairDiff(pair: EvaluatedPair, iouThr: number, scoreThreshold: number | readonly [number, number]): AbDiff {
  return abDiff(pair.images, { iouThrs: pair.a.params.iouThrs, iouThr, scoreThreshold });
}
