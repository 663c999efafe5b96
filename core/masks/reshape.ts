import { bitmapFromRle, type Bitmap } from './bitmap.js';
import { fillHoles, keepLargestPiece } from './pieces.js';
import { rleFromPolygon } from './polygon.js';

/**
 * The mask with its largest piece reshaped to `polygon` (its edited outline, see traceOutline): the piece and
 * what it encloses are replaced by the polygon rasterised as pycocotools does, the piece's holes stay holes,
 * and the other pieces stay as they were.
 */
export function reshapeLargestPiece(mask: Bitmap, polygon: readonly number[]): Bitmap {
  const { h, w } = mask;
  const piece = keepLargestPiece(mask);
  const enclosed = fillHoles(piece);
  const shape = bitmapFromRle(rleFromPolygon(polygon, h, w));
  const data = new Uint8Array(h * w);
  for (let i = 0; i < data.length; i++) {
    const hole = enclosed.data[i] === 1 && piece.data[i] === 0;
    const elsewhere = mask.data[i] === 1 && enclosed.data[i] === 0;
    data[i] = elsewhere || (shape.data[i] === 1 && !hole) ? 1 : 0;
  }
  return { h, w, data };
}
