import { deflateSync } from 'node:zlib';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** One PNG chunk: length, type, body and CRC. */
export function pngChunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const pa = Math.abs(b - c);
  const pb = Math.abs(a - c);
  const pc = Math.abs(a + b - 2 * c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * A one-channel PNG (colour type 0 grey or 3 palette) of the given sample values, row-major, written by hand so
 * tests control the exact bytes: row y uses filter type y % 5, so every filter is exercised.
 */
export function writeIndexPng(values: ArrayLike<number>, width: number, height: number, opts: { depth: 1 | 2 | 4 | 8 | 16; palette?: boolean }): Buffer {
  const { depth } = opts;
  const stride = Math.ceil((width * depth) / 8);
  const bpp = depth === 16 ? 2 : 1;
  const raw = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      if (depth === 16) raw.set([v >> 8, v & 0xff], y * stride + 2 * x);
      else if (depth === 8) raw[y * stride + x] = v;
      else {
        const perByte = 8 / depth;
        raw[y * stride + Math.floor(x / perByte)] |= v << (8 - depth * ((x % perByte) + 1));
      }
    }
  }
  const filtered = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    filtered[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? raw[y * stride + i - bpp] : 0;
      const b = y > 0 ? raw[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= bpp ? raw[(y - 1) * stride + i - bpp] : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      filtered[y * (stride + 1) + 1 + i] = (raw[y * stride + i] - predicted) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, opts.palette ? 3 : 0, 0, 0, 0], 8);
  const parts = [Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', ihdr)];
  if (opts.palette) {
    // Colours unrelated to the indices (index i is drawn grey 255 - i), so reading colours instead of indices shows.
    const entries = 1 << Math.min(depth, 8);
    parts.push(
      pngChunk(
        'PLTE',
        Uint8Array.from({ length: entries * 3 }, (_, j) => 255 - Math.floor(j / 3)),
      ),
    );
  }
  parts.push(pngChunk('IDAT', deflateSync(filtered)), pngChunk('IEND', new Uint8Array(0)));
  return Buffer.concat(parts);
}

/** An all-black 1-bit grey PNG of any size, written row by row without per-pixel work: 30000×30000 is about 110 KB. */
export function writeBlankPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]);
}

/** An 8-bit grey PNG whose header says `width`×`height`, whatever `raw` (its data before compression) holds. */
export function writePngClaiming(width: number, height: number, raw: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array(0))]);
}
