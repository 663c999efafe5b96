// Writes a COCO ground-truth file and a results file the size of COCO val2017 with a detector keeping 100
// results per image: 5,000 images, 33,495 ground truths with masks (polygons, RLE for crowd regions) in 80
// categories, 500,000 results with a box and a compressed RLE mask each. The same files on every run of a seed.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { countsToString } from '../../core/masks/rleString.js';
import { seeded } from '../seeded.js';
import { ellipseCounts } from './ellipseMask.js';

export const VAL_IMAGES = 5000;
export const VAL_GROUND_TRUTHS = 33_495;
export const RESULTS_PER_IMAGE = 100;
const CATEGORIES = 80;
const POLYGON_POINTS = 16;

type Box = [number, number, number, number];

export interface CocoValFiles {
  readonly groundTruth: string;
  readonly results: string;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function ellipsePolygon(box: Box): number[] {
  const [x, y, bw, bh] = box;
  const out: number[] = [];
  for (let k = 0; k < POLYGON_POINTS; k++) {
    const a = (2 * Math.PI * k) / POLYGON_POINTS;
    out.push(round2(x + (bw / 2) * (1 + Math.cos(a))), round2(y + (bh / 2) * (1 + Math.sin(a))));
  }
  return out;
}

function polygonArea(p: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i += 2) {
    const j = (i + 2) % p.length;
    s += p[i] * p[j + 1] - p[j] * p[i + 1];
  }
  return Math.abs(s) / 2;
}

/** Lines written in batches, so that a file of hundreds of megabytes is never one string. */
class JsonWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}

/** Writes `gt.json` and `results.json` into `dir`. */
export function writeCocoValFiles(dir: string, seed: number): CocoValFiles {
  const rand = seeded(seed);
  const sizes = Array.from({ length: VAL_IMAGES }, () => ({ width: 480 + Math.floor(rand() * 161), height: 360 + Math.floor(rand() * 121) }));
  const randomBox = (w: number, h: number): Box => {
    const bw = Math.max(2, Math.exp(2 + rand() * 3.5));
    const bh = Math.max(2, bw * (0.5 + rand()));
    const x = rand() * Math.max(1, w - bw);
    const y = rand() * Math.max(1, h - bh);
    return [round2(x), round2(y), round2(Math.min(bw, w - x)), round2(Math.min(bh, h - y))];
  };
  const gtImage = Array.from({ length: VAL_GROUND_TRUTHS }, () => 1 + Math.floor(rand() * VAL_IMAGES)).sort((a, b) => a - b);
  const gtByImage: { box: Box; categoryId: number }[][] = sizes.map(() => []);

  const paths = { groundTruth: join(dir, 'gt.json'), results: join(dir, 'results.json') };
  const gt = new JsonWriter(paths.groundTruth);
  gt.write('{"images":[');
  sizes.forEach((s, i) =>
    gt.write(`${i ? ',' : ''}{"id":${i + 1},"width":${s.width},"height":${s.height},"file_name":"${String(i + 1).padStart(12, '0')}.jpg"}`),
  );
  gt.write('],"categories":[');
  for (let c = 1; c <= CATEGORIES; c++) gt.write(`${c > 1 ? ',' : ''}{"id":${c},"name":"category ${c}","supercategory":"thing"}`);
  gt.write('],"annotations":[');
  gtImage.forEach((imageId, g) => {
    const { width, height } = sizes[imageId - 1];
    const box = randomBox(width, height);
    const categoryId = 1 + Math.floor(rand() * rand() * CATEGORIES);
    const crowd = rand() < 0.01;
    gtByImage[imageId - 1].push({ box, categoryId });
    let segmentation: unknown;
    let area: number;
    if (crowd) {
      const counts = ellipseCounts(box, height, width);
      segmentation = { counts, size: [height, width] };
      area = counts.reduce((sum, c, i) => (i % 2 ? sum + c : sum), 0);
    } else {
      const polygon = ellipsePolygon(box);
      segmentation = [polygon];
      area = polygonArea(polygon);
    }
    const record = { id: g + 1, image_id: imageId, category_id: categoryId, iscrowd: crowd ? 1 : 0, area, bbox: box, segmentation };
    gt.write(`${g ? ',' : ''}${JSON.stringify(record)}`);
  });
  gt.write(']}');
  gt.close();

  const results = new JsonWriter(paths.results);
  results.write('[');
  let n = 0;
  sizes.forEach(({ width, height }, i) => {
    const gts = gtByImage[i];
    for (let d = 0; d < RESULTS_PER_IMAGE; d++) {
      const near = gts.length > 0 && rand() < 0.4 ? gts[Math.floor(rand() * gts.length)] : null;
      let box: Box;
      if (near) {
        const [x, y, w, h] = near.box;
        const jitter = () => (rand() - 0.5) * 0.3;
        const nx = Math.max(0, x + jitter() * w);
        const ny = Math.max(0, y + jitter() * h);
        box = [
          round2(nx),
          round2(ny),
          round2(Math.max(1, Math.min(width - nx, w * (1 + jitter())))),
          round2(Math.max(1, Math.min(height - ny, h * (1 + jitter())))),
        ];
      } else box = randomBox(width, height);
      const categoryId = near && rand() < 0.9 ? near.categoryId : 1 + Math.floor(rand() * CATEGORIES);
      const score = Math.round(rand() * 1e5) / 1e5;
      const counts = countsToString(ellipseCounts(box, height, width));
      const record = { image_id: i + 1, category_id: categoryId, bbox: box, score, segmentation: { size: [height, width], counts } };
      results.write(`${n++ ? ',' : ''}${JSON.stringify(record)}`);
    }
  });
  results.write(']');
  results.close();
  return paths;
}
