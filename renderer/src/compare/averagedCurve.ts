import type { CocoEvaluator } from '../../../core/eval/cocoEval.js';

/** The average of pycocotools' interpolated curves over every IoU threshold (cells without ground truth left out). */
export function averagedCurve(ev: CocoEvaluator): Float64Array {
  const curves = ev.prCurves();
  const out = new Float64Array(curves[0].recThrs.length).fill(-1);
  for (let r = 0; r < out.length; r++) {
    const values = curves.map((c) => c.interpolated[r]).filter((v) => v >= 0);
    if (values.length) out[r] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}
