import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPedlab as pedlab } from '../../helpers/cli.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoImages } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('pedlab import --format coco-results', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  const gt = join(dir.path, 'gt.json');
  const results = join(dir.path, 'results.json');

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await smallCocoImages(project);
    writeFileSync(gt, JSON.stringify({ ...SMALL_COCO, images: [...SMALL_COCO.images, { id: 20, file_name: 'elsewhere.png' }] }));
    writeFileSync(
      results,
      JSON.stringify([
        { image_id: 7, category_id: 3, bbox: [1, 1, 3, 4], score: 0.9 },
        { image_id: 20, category_id: 1, bbox: [0, 0, 2, 2], score: 0.8 },
        { image_id: 20, category_id: 1, bbox: [0, 0, 2, 2], score: 0.7 },
      ]),
    );
    const groundTruth = join(dir.path, 'gt-project.json');
    writeFileSync(groundTruth, JSON.stringify(SMALL_COCO));
    expect((await pedlab('import', '--format', 'coco', groundTruth, '--project', project)).code).toBe(0);
  });
  afterAll(() => dir.remove());

  it('fails when most detections would be left out, and stores the rest with --allow-partial', async () => {
    const refused = await pedlab('import', '--format', 'coco-results', results, '--gt', gt, '--project', project);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${results}: 2 of 3 detections were left out: 2 are on 1 image not in the project under ${project} (elsewhere.png;`);
    const partial = await pedlab('import', '--format', 'coco-results', results, '--gt', gt, '--project', project, '--allow-partial', '--map', 'bicycle=person');
    expect(partial.code).toBe(0);
    expect(partial.out).toMatch(/^Stored 1 predictions on 2 images as model "results" \(id \d+\)\.\n2 detections were left out\./);
    expect(partial.out).toContain('warning: 2 of 3 detections were left out');
  });
});
