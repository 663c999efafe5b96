/** View filters for hard-to-see pedestrians. They change the pixels on screen only, never the data. */

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type FilterName = 'none' | 'edges' | 'box-blur' | 'gaussian-blur' | 'sharpen';

export interface ViewFilter {
  kind: FilterName;
  /** -100..100, 0 = unchanged. */
  brightness: number;
  /** -100..100, 0 = unchanged. */
  contrast: number;
}

export const NO_FILTER: ViewFilter = { kind: 'none', brightness: 0, contrast: 0 };

export const FILTER_LABELS: Record<FilterName, string> = {
  none: 'None',
  edges: 'Sobel edges',
  'box-blur': 'Box blur',
  'gaussian-blur': 'Gaussian blur',
  sharpen: 'Sharpen',
};

/** 3×3 convolution of the RGB channels with edge clamping; alpha is kept. */
function convolve3(p: Pixels, kernel: readonly number[], divisor = 1): void {
  const { data, width, height } = p;
  const src = new Uint8ClampedArray(data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let ky = -1; ky <= 1; ky++) {
          const yy = Math.min(height - 1, Math.max(0, y + ky));
          for (let kx = -1; kx <= 1; kx++) {
            const xx = Math.min(width - 1, Math.max(0, x + kx));
            sum += src[(yy * width + xx) * 4 + c] * kernel[(ky + 1) * 3 + kx + 1];
          }
        }
        data[(y * width + x) * 4 + c] = sum / divisor;
      }
    }
  }
}

export function boxBlur(p: Pixels): void {
  convolve3(p, [1, 1, 1, 1, 1, 1, 1, 1, 1], 9);
}

export function gaussianBlur(p: Pixels): void {
  convolve3(p, [1, 2, 1, 2, 4, 2, 1, 2, 1], 16);
}

export function sharpen(p: Pixels): void {
  convolve3(p, [0, -1, 0, -1, 5, -1, 0, -1, 0]);
}

/** Gradient magnitude of the luminance (Sobel), shown as grey. */
export function sobelEdges(p: Pixels): void {
  const { data, width, height } = p;
  const lum = new Float32Array(width * height);
  for (let i = 0; i < lum.length; i++) lum[i] = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
  const at = (x: number, y: number) => lum[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      const v = Math.min(255, Math.hypot(gx, gy));
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
    }
  }
}

/** Brightness shifts every channel; contrast scales around mid-grey. */
export function brightnessContrast(p: Pixels, brightness: number, contrast: number): void {
  const shift = (brightness / 100) * 255;
  const c = (contrast / 100) * 255;
  const factor = (259 * (c + 255)) / (255 * (259 - c));
  const { data } = p;
  for (let i = 0; i < data.length; i += 4) {
    for (let k = 0; k < 3; k++) data[i + k] = factor * (data[i + k] + shift - 128) + 128;
  }
}

/** The Konva filter functions for a view filter, in the order they run. */
export function filterChain(filter: ViewFilter): ((p: Pixels) => void)[] {
  const chain: ((p: Pixels) => void)[] = [];
  if (filter.kind === 'edges') chain.push(sobelEdges);
  if (filter.kind === 'box-blur') chain.push(boxBlur);
  if (filter.kind === 'gaussian-blur') chain.push(gaussianBlur);
  if (filter.kind === 'sharpen') chain.push(sharpen);
  if (filter.brightness !== 0 || filter.contrast !== 0) chain.push((p) => brightnessContrast(p, filter.brightness, filter.contrast));
  return chain;
}
