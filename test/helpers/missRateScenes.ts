import { seededRandom } from '../../core/compare/seededRandom.js';

/**
 * Seeded random CityPersons-like scenes for the miss-rate evaluation: ground truth of every height and
 * visibility around the setups' bounds, ignore regions, a ground truth with id 0, other categories, empty
 * images, detections jittered around the pedestrians (IoUs either side of 0.5), duplicates, strays of any
 * height, and scores on a coarse grid so that ties are common.
 */
export interface MissRateScene {
  readonly gt: { images: { id: number }[]; categories: { id: number; name: string }[]; annotations: object[] };
  readonly dt: { image_id: number; category_id: number; bbox: number[]; score: number }[];
}

const HEIGHTS = [12, 19, 20, 30, 39, 40, 49, 50, 51, 60, 74, 75, 76, 93, 94, 120, 200];
const VISIBILITIES = [0.1, 0.19, 0.2, 0.3, 0.5, 0.649, 0.65, 0.651, 0.8, 1];

export function missRateScene(seed: number, { crowdedImage = false } = {}): MissRateScene {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const score = (): number => Math.round(rand() * 10) / 10;
  const imageCount = 8 + Math.floor(rand() * 10);
  // Ids out of order in the file, with gaps.
  const images = Array.from({ length: imageCount }, (_, i) => ({ id: 3 * (imageCount - i) + 1 }));
  const annotations: object[] = [];
  const dt: MissRateScene['dt'] = [];
  let nextId = 0;
  for (const { id: imageId } of images) {
    const kind = rand();
    const groundTruths = kind < 0.2 ? 0 : 1 + Math.floor(rand() * 8);
    for (let k = 0; k < groundTruths; k++) {
      const h = pick(HEIGHTS);
      const ignore = rand() < 0.12 ? 1 : 0;
      const w = Math.round(h * (ignore ? 1.5 : 0.41));
      const bbox = [Math.floor(rand() * 600), Math.floor(rand() * 300), w, h];
      const categoryId = rand() < 0.1 ? 2 : 1;
      const height = rand() < 0.1 ? h * 1.1 : h;
      annotations.push({ id: nextId++, image_id: imageId, category_id: categoryId, bbox, area: w * h, height, vis_ratio: pick(VISIBILITIES), ignore });
      for (let copies = rand() < 0.2 ? 2 : rand() < 0.75 ? 1 : 0; copies > 0; copies--) {
        const jitter = (v: number, by: number): number => Math.round(v + (rand() - 0.5) * by);
        const dh = Math.max(1, jitter(h * (0.8 + rand() * 0.45), 2));
        dt.push({
          image_id: imageId,
          category_id: rand() < 0.05 ? 2 : 1,
          bbox: [jitter(bbox[0], w * 0.6), jitter(bbox[1], h * 0.3), Math.max(1, jitter(w, w * 0.3)), dh],
          score: score(),
        });
      }
    }
    const strays = kind > 0.9 ? 0 : Math.floor(rand() * 5);
    for (let k = 0; k < strays; k++) {
      const h = pick(HEIGHTS) + Math.floor(rand() * 3);
      dt.push({ image_id: imageId, category_id: 1, bbox: [Math.floor(rand() * 600), Math.floor(rand() * 300), Math.round(h * 0.41), h], score: score() });
    }
  }
  if (crowdedImage) {
    // More than 1000 detections in one image, so that the cut decides which are kept.
    const imageId = images[0].id;
    for (let k = 0; k < 1100; k++) {
      dt.push({ image_id: imageId, category_id: 1, bbox: [Math.floor(rand() * 600), Math.floor(rand() * 300), 20, pick(HEIGHTS)], score: score() });
    }
  }
  return {
    gt: {
      images,
      categories: [
        { id: 1, name: 'pedestrian' },
        { id: 2, name: 'rider' },
      ],
      annotations,
    },
    dt,
  };
}
