/** Run lengths (column-major, as COCO RLE) of the ellipse inscribed in a box `[x, y, w, h]` on an h×w image. */
export function ellipseCounts(box: readonly [number, number, number, number], h: number, w: number): number[] {
  const [x, y, bw, bh] = box;
  const cx = x + bw / 2;
  const cy = y + bh / 2;
  const counts: number[] = [];
  let last = 0;
  for (let col = Math.max(0, Math.floor(x)); col < Math.min(w, Math.ceil(x + bw)); col++) {
    const dx = (col + 0.5 - cx) / (bw / 2);
    if (Math.abs(dx) >= 1) continue;
    const half = (bh / 2) * Math.sqrt(1 - dx * dx);
    const y0 = Math.max(0, Math.round(cy - half));
    const y1 = Math.min(h, Math.round(cy + half));
    if (y1 <= y0) continue;
    const start = col * h + y0;
    if (counts.length > 0 && start === last) counts[counts.length - 1] += y1 - y0;
    else counts.push(start - last, y1 - y0);
    last = col * h + y1;
  }
  counts.push(h * w - last);
  return counts;
}
