/**
 * EXIF orientation (1–8): how a stored image is turned to be shown upright. 5–8 include a quarter turn, so the
 * upright image's width is the stored height; 2–8 need the pixels moved at all.
 */
export function uprightSize(width: number, height: number, orientation: number | undefined): { width: number; height: number } {
  const o = orientation ?? 1;
  return o >= 5 && o <= 8 ? { width: height, height: width } : { width, height };
}

/** Whether the stored pixels must be turned or mirrored to show the image upright. */
export function needsTurning(orientation: number | undefined): boolean {
  const o = orientation ?? 1;
  return o >= 2 && o <= 8;
}
