/**
 * A colour per annotation, so touching masks of one label stay apart: hues a golden angle apart by id (any run
 * of consecutive ids gets well-spread hues), saturated and light enough to read on photos.
 */
export function instanceColour(id: number): string {
  const hue = (((id * 137.508) % 360) + 360) % 360;
  return hslToHex(hue, 0.75, 0.58);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
