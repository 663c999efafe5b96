import { OUTCOME_COLOURS } from '../compare/palette.js';
import { bitmapFromRle } from '../masks/bitmap.js';
import { traceOutline } from '../masks/outline.js';
import { rleFromCoco } from '../masks/rleString.js';
import type { OverlayShape } from './imageOutcomes.js';

/** How each kind of box is drawn on the gallery's images. */
export const OVERLAY_STYLE: Record<OverlayShape['kind'], { color: string; dash: boolean; label: string }> = {
  gt: { color: '#22c55e', dash: false, label: 'ground truth' },
  tp: { color: OUTCOME_COLOURS.tp, dash: false, label: 'true positive' },
  fp: { color: OUTCOME_COLOURS.fp, dash: false, label: 'false positive' },
  fn: { color: OUTCOME_COLOURS.fn, dash: true, label: 'missed (false negative)' },
  ignored: { color: OUTCOME_COLOURS.ignored, dash: true, label: 'ignored (crowd)' },
};

/** Ground truth under detections, so a TP's box shows over the box it found. */
const ORDER: OverlayShape['kind'][] = ['gt', 'fn', 'ignored', 'fp', 'tp'];

/**
 * The boxes (and the masks of those that have one, by their largest piece's outline) as an SVG of `width`×`height` output pixels, geometry given in image pixels and scaled by `scale`,
 * for compositing over the downscaled image.
 */
export function overlaySvg(shapes: readonly OverlayShape[], width: number, height: number, scale: number): string {
  const stroke = Math.max(2, Math.round(Math.min(width, height) / 160));
  // Masks first, outlined and lightly filled in their box's colour, under every box.
  const masks = ORDER.flatMap((kind) =>
    shapes
      .filter((s) => s.kind === kind && s.mask)
      .map((s) => {
        const outline = traceOutline(bitmapFromRle(rleFromCoco(s.mask!.size, s.mask!.counts)));
        if (outline.length < 6) return '';
        const points = outline.map((v) => (v * scale).toFixed(1)).join(' ');
        const colour = OVERLAY_STYLE[kind].color;
        return `<polygon points="${points}" fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-width="${Math.max(1, stroke / 2)}" stroke-opacity="0.9"/>`;
      }),
  );
  const rects = ORDER.flatMap((kind) =>
    shapes
      .filter((s) => s.kind === kind)
      .map((s) => {
        const style = OVERLAY_STYLE[kind];
        const [bx, by, bw, bh] = s.bbox.map((v) => v * scale);
        const dash = style.dash ? ` stroke-dasharray="${stroke * 3} ${stroke * 2}"` : '';
        return `<rect x="${bx.toFixed(1)}" y="${by.toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="none" stroke="${style.color}" stroke-width="${stroke}"${dash}/>`;
      }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${masks.join('')}${rects.join('')}</svg>`;
}
