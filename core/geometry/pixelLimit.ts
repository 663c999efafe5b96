/** The most pixels Pedlab decodes: libvips' default input limit (0x3FFF²), about 268 megapixels. */
export const MAX_PIXELS = 0x3fff * 0x3fff;

/**
 * Why an image (or a mask, or a size a source states) of `width`×`height` is more than Pedlab opens, or null when
 * it is within the limit. Every check of the pixel limit goes through here, so images, masks and the sizes that
 * annotation files state share one rule and one wording.
 */
export function beyondPixelLimit(width: number, height: number): string | null {
  const pixels = width * height;
  if (pixels <= MAX_PIXELS) return null;
  return `is too large to open: ${width}×${height} pixels (${Math.round(pixels / 1e6)} megapixels; Pedlab opens up to ${Math.floor(MAX_PIXELS / 1e6)})`;
}
