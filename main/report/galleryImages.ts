import sharp from 'sharp';
import { overlaySvg } from '../../core/report/overlaySvg.js';
import type { GalleryImages } from '../../core/report/reportHtml.js';
import type { ReportModel } from '../../core/report/reportModel.js';
import { readDisplayImage } from '../imaging/displayImage.js';
import type { ProjectStore } from '../store/projectStore.js';

/** The longer side of a gallery image, in pixels. */
const GALLERY_SIDE = 560;

/** Each gallery image, upright and downscaled, with each model's boxes drawn over it: JPEG data: URIs. */
export async function renderGallery(store: ProjectStore, report: ReportModel): Promise<GalleryImages> {
  const out = new Map<number, readonly [string, string]>();
  for (const entry of report.gallery) {
    const image = store.images.get(entry.imageId);
    if (!image) continue;
    const scale = Math.min(1, GALLERY_SIDE / Math.max(entry.width, entry.height));
    const width = Math.max(1, Math.round(entry.width * scale));
    const height = Math.max(1, Math.round(entry.height * scale));
    const { bytes } = await readDisplayImage(image.path, image.orientation);
    const base = await sharp(bytes).resize(width, height, { fit: 'fill' }).removeAlpha().png().toBuffer();
    const [a, b] = await Promise.all(
      entry.shapes.map(async (shapes) => {
        const svg = Buffer.from(overlaySvg(shapes, width, height, scale));
        const jpeg = await sharp(base)
          .composite([{ input: svg, left: 0, top: 0 }])
          .jpeg({ quality: 80 })
          .toBuffer();
        return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
      }),
    );
    out.set(entry.imageId, [a, b]);
  }
  return out;
}
