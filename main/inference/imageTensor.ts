import { LETTERBOX_PAD, letterbox } from '../../core/detect/yolox.js';
import { cropRgb, decodeRgb, type ImageHeader, type RgbImage } from '../imaging/decodeImage.js';

/** A model input and how its pixels relate to the image's: input = image · (scaleX, scaleY). */
export interface ImageTensor {
  data: Float32Array;
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
  /** The upright image's size. */
  imageWidth: number;
  imageHeight: number;
}

/** The size torchvision models are fed: the image itself, shrunk to `maxSide`, or the size the graph fixes. */
export function torchvisionInputSize(
  image: { width: number; height: number },
  maxSide: number | null,
  fixed: { width: number; height: number } | null,
): { width: number; height: number } {
  if (fixed) return fixed;
  const longer = Math.max(image.width, image.height);
  if (!maxSide || longer <= maxSide) return image;
  const s = maxSide / longer;
  return { width: Math.max(1, Math.round(image.width * s)), height: Math.max(1, Math.round(image.height * s)) };
}

/** RGB bytes to 0..1, planar [3, H, W]: torchvision's convention. */
function planarRgb01(rgb: RgbImage): Float32Array {
  const plane = rgb.width * rgb.height;
  const data = new Float32Array(3 * plane);
  const px = rgb.pixels;
  for (let i = 0, p = 0; i < plane; i++, p += 3) {
    data[i] = px[p] / 255;
    data[plane + i] = px[p + 1] / 255;
    data[2 * plane + i] = px[p + 2] / 255;
  }
  return data;
}

/**
 * A region of a decoded upright image, resized to `size`, in torchvision's convention; the tensor's "image" is
 * the region, so its scales map region pixels to input pixels.
 */
export async function cropTensor(
  rgb: RgbImage,
  region: readonly [number, number, number, number],
  size: { width: number; height: number },
): Promise<ImageTensor> {
  const crop = await cropRgb(rgb, region, size);
  return {
    data: planarRgb01(crop),
    width: crop.width,
    height: crop.height,
    scaleX: crop.width / region[2],
    scaleY: crop.height / region[3],
    imageWidth: region[2],
    imageHeight: region[3],
  };
}

/**
 * RGB, 0..1, planar [3, H, W]: torchvision's convention. The decode starts before this first yields, so an image
 * prepared ahead is decoded by libvips' threads while the caller's thread is busy elsewhere.
 */
export async function torchvisionTensor(
  bytes: Buffer,
  upright: ImageHeader,
  maxSide: number | null,
  fixed: { width: number; height: number } | null,
): Promise<ImageTensor> {
  const size = torchvisionInputSize(upright, maxSide, fixed);
  const same = size.width === upright.width && size.height === upright.height;
  const rgb = await decodeRgb(bytes, upright, same ? undefined : size);
  return {
    data: planarRgb01(rgb),
    width: rgb.width,
    height: rgb.height,
    scaleX: rgb.width / upright.width,
    scaleY: rgb.height / upright.height,
    imageWidth: upright.width,
    imageHeight: upright.height,
  };
}

/** BGR, 0..255, letterboxed top-left into the input and padded with 114: YOLOX's convention. */
export async function letterboxTensor(bytes: Buffer, upright: ImageHeader, inputWidth: number, inputHeight: number): Promise<ImageTensor> {
  const box = letterbox(upright.width, upright.height, inputWidth, inputHeight);
  const rgb = await decodeRgb(bytes, upright, { width: box.width, height: box.height });
  const plane = inputWidth * inputHeight;
  const data = new Float32Array(3 * plane).fill(LETTERBOX_PAD);
  const px = rgb.pixels;
  for (let y = 0; y < rgb.height; y++) {
    for (let x = 0, p = y * rgb.width * 3, i = y * inputWidth; x < rgb.width; x++, p += 3, i++) {
      data[i] = px[p + 2];
      data[plane + i] = px[p + 1];
      data[2 * plane + i] = px[p];
    }
  }
  return { data, width: inputWidth, height: inputHeight, scaleX: box.ratio, scaleY: box.ratio, imageWidth: upright.width, imageHeight: upright.height };
}
