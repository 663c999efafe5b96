import { inflateSync } from 'node:zlib';
import { failIn } from '../../core/formats/formatError.js';
import { beyondPixelLimit } from '../../core/geometry/pixelLimit.js';
import { READ_LIMITS, readBoundedFile, readFailure } from '../security/boundedRead.js';

/** The stored sample values of a one-channel PNG, row-major: grey levels, or palette indices (never the colours). */
export interface IndexPng {
  width: number;
  height: number;
  values: Uint8Array | Uint16Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The size a mask must have: its image's, and the image's name for the message. */
export interface ExpectedSize {
  width: number;
  height: number;
  image: string;
}

/**
 * Decodes a greyscale or palette PNG to its raw sample values. Image decoders expand palettes to colours and
 * may convert grey to RGB; an instance mask needs the numbers as stored, so the file is read here directly.
 */
export function decodeIndexPng(bytes: Uint8Array, source: string, expected?: ExpectedSize): IndexPng {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) failIn(source, '', 'not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colourType = -1;
  const idat: Uint8Array[] = [];
  for (let p = 8; p + 8 <= bytes.length;) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    const body = bytes.subarray(p + 8, p + 8 + length);
    if (body.length < length) failIn(source, '', `the ${type} chunk is truncated`);
    if (type === 'IHDR') {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      depth = body[8];
      colourType = body[9];
      if (body[12] !== 0) failIn(source, '', 'interlaced PNG masks are not supported; save the mask without interlacing');
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    p += 12 + length;
  }
  if (colourType !== 0 && colourType !== 3) {
    failIn(source, '', `a mask must be a greyscale or palette PNG (one value per pixel), this one has PNG colour type ${colourType}`);
  }
  if (![1, 2, 4, 8, 16].includes(depth) || (colourType === 3 && depth === 16)) failIn(source, '', `unsupported bit depth ${depth}`);
  if (width === 0 || height === 0) failIn(source, '', `has no pixels (${width}×${height})`);
  const tooLarge = beyondPixelLimit(width, height);
  if (tooLarge) failIn(source, '', tooLarge);
  if (expected && (expected.width !== width || expected.height !== height)) {
    failIn(source, '', `is ${width}×${height}, but its image ${expected.image} is ${expected.width}×${expected.height}`);
  }
  const stride = Math.ceil((width * depth) / 8);
  // The rows as the header sizes them, one filter byte each: inflating stops there, however much the data holds.
  const size = height * (stride + 1);
  let data: Uint8Array;
  try {
    data = inflateSync(Buffer.concat(idat), { maxOutputLength: size });
  } catch (err) {
    const tooLong = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    failIn(
      source,
      '',
      tooLong ? `the image data inflates to more than its ${width}×${height} size holds` : `the image data is corrupt (${(err as Error).message})`,
    );
  }
  if (data.length < height * (stride + 1)) failIn(source, '', 'the image data is truncated');
  const rows = unfilter(data, width, height, stride, depth === 16 ? 2 : 1, source);
  return { width, height, values: unpack(rows, width, height, stride, depth) };
}

function unfilter(data: Uint8Array, width: number, height: number, stride: number, bpp: number, source: string): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[row + i - bpp] : 0;
      const b = y > 0 ? out[prev + i] : 0;
      const c = y > 0 && i >= bpp ? out[prev + i - bpp] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else failIn(source, '', `row ${y} has an unknown filter type ${filter}`);
      out[row + i] = (data[src + i] + predicted) & 0xff;
    }
  }
  return out;
}

function unpack(rows: Uint8Array, width: number, height: number, stride: number, depth: number): Uint8Array | Uint16Array {
  if (depth === 8) return rows;
  if (depth === 16) {
    const values = new Uint16Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) values[y * width + x] = (rows[y * stride + 2 * x] << 8) | rows[y * stride + 2 * x + 1];
    return values;
  }
  const values = new Uint8Array(width * height);
  const perByte = 8 / depth;
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = rows[y * stride + Math.floor(x / perByte)];
      values[y * width + x] = (byte >> (8 - depth * ((x % perByte) + 1))) & mask;
    }
  }
  return values;
}

/** Reads and decodes a mask; with `expected`, one of another size is refused before its pixels are inflated. */
export async function readIndexPng(path: string, expected?: ExpectedSize): Promise<IndexPng> {
  let bytes: Buffer;
  try {
    bytes = await readBoundedFile(path, READ_LIMITS.mask);
  } catch (err) {
    failIn(path, '', `cannot read the mask (${readFailure(err)})`);
  }
  return decodeIndexPng(bytes, path, expected);
}
